"""Fixtures for omvärldsbevakning: saved feeds served by a real local HTTP server."""

from pathlib import Path

import pytest

from guidance_plans.models import NewsTheme
from omvarld.models import Feed, ThemeRule
from tests.http_fixtures import local_server  # noqa: F401 - the fixture

FEEDS = Path(__file__).parent / "feeds"
ATOM = "application/atom+xml; charset=utf-8"
RSS = "application/rss+xml; charset=utf-8"


def fixture_bytes(name: str) -> bytes:
    return (FEEDS / name).read_bytes()


def make_feed(server, path: str, *, slug: str, name: str = "", **route) -> Feed:
    server.route(path, **route)
    return Feed.objects.create(
        name=name or slug,
        slug=slug,
        agency=f"Myndighet {slug}",
        url=server.url(path),
        source_page="https://myndighet.example/om-rss/",
    )


@pytest.fixture
def rules(db):
    themes = {theme.slug: theme for theme in NewsTheme.objects.all()}
    return [
        ThemeRule.objects.create(theme=themes["arbetsmarknad"], words="arbetslös\nsysselsättning"),
        ThemeRule.objects.create(theme=themes["vidareutbildning"], words="högskola\nyrkeshögskola"),
        ThemeRule.objects.create(
            theme=themes["vagledning"], words="studie- och yrkesvägledning\nvägledning"
        ),
    ]
