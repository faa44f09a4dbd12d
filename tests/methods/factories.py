"""Factories for the method bank's tests."""

from datetime import timedelta

from django.utils import timezone

from methods.models import MethodFormat, MethodIndexPage, MethodPage, TargetGroup, Theme


def method_index() -> MethodIndexPage:
    return MethodIndexPage.objects.get()


def make_method(
    *,
    title: str = "Yrkesintervju",
    summary: str = "Eleverna intervjuar en yrkesverksam vuxen.",
    purpose: str = "Eleverna får en bild av ett yrke.",
    target_groups: tuple[str, ...] = ("grundskola-7-9",),
    formats: tuple[str, ...] = ("klass",),
    themes: tuple[str, ...] = ("arbetsmarknadskunskap",),
    duration: str = "lektion",
    published_days_ago: int | None = None,
    live: bool = True,
    slug: str | None = None,
    **fields,
) -> MethodPage:
    """A published method page under /metoder/ (draft when live=False)."""
    page = MethodPage(
        title=title,
        slug=slug or _slug(title),
        summary=summary,
        purpose=purpose,
        duration=duration,
        steps=[("step", {"title": "Steg 1", "instructions": "Gör så här.", "minutes": 10})],
        **fields,
    )
    page.target_groups = list(TargetGroup.objects.filter(slug__in=target_groups))
    page.formats = list(MethodFormat.objects.filter(slug__in=formats))
    page.themes = list(Theme.objects.filter(slug__in=themes))
    page.live = False
    method_index().add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
        page.refresh_from_db()
    if published_days_ago is not None:
        when = timezone.now() - timedelta(days=published_days_ago)
        MethodPage.objects.filter(pk=page.pk).update(first_published_at=when)
        page.refresh_from_db()
    return page


def _slug(title: str) -> str:
    from django.utils.text import slugify

    table = str.maketrans({"å": "a", "ä": "a", "ö": "o"})
    return slugify(title.lower().translate(table))
