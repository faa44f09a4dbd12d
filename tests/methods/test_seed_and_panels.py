"""Demo content (idempotent, every vocabulary covered) and the method bank's panels."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from methods import seed
from methods.models import (
    Duration,
    MethodComment,
    MethodFormat,
    MethodPage,
    MethodRating,
    MethodSubmission,
    TargetGroup,
    Theme,
)
from syvsite.core.seed import seed_users

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    seed_users(stdout=io.StringIO())
    seed.run(stdout=io.StringIO())


def test_seed_covers_every_target_group_theme_format_and_duration(seeded):
    live = MethodPage.objects.live()
    assert live.count() >= 30
    for model, relation in (
        (TargetGroup, "target_groups"),
        (Theme, "themes"),
        (MethodFormat, "formats"),
    ):
        for term in model.objects.all():
            assert live.filter(**{relation: term}).exists(), term.name
    assert set(live.values_list("duration", flat=True)) == set(Duration.values)
    livslinjen = live.get(slug="livslinjen")
    assert livslinjen.images.get().alt_text.startswith("Handritad livslinje")
    assert live.get(slug="yrkesintervju").attachments.exists()

    # Idempotent: a second run adds nothing.
    counts = (
        MethodPage.objects.count(),
        MethodRating.objects.count(),
        MethodComment.objects.count(),
        MethodSubmission.objects.count(),
    )
    seed.run(stdout=io.StringIO())
    assert (
        MethodPage.objects.count(),
        MethodRating.objects.count(),
        MethodComment.objects.count(),
        MethodSubmission.objects.count(),
    ) == counts
    best = MethodPage.objects.live().order_by("-rating_count").first()
    assert best.rating_count >= 3 and best.rating_average is not None
    assert MethodComment.objects.filter(status=MethodComment.Status.PENDING).count() == 1
    assert MethodSubmission.objects.count() == 1  # one contribution waiting for review


def test_home_and_dashboard_panels(seeded):
    html = Client().get("/").content.decode()
    assert "Ur metodbanken" in html and "Nya metoder" in html and "Högst betyg" in html
    assert "Gymnasievalet steg för steg" in html  # the demo's best-rated method

    users = get_user_model().objects
    submitter = Client()
    submitter.force_login(users.get(email="vagledare2@syv-demo.se"))
    html = submitter.get("/mina-sidor/").content.decode()
    assert "Mina metodbidrag" in html and "Speeddejting med yrken" in html and "Granskas" in html
    moderator = Client()
    moderator.force_login(users.get(email="moderator@syv-demo.se"))
    html = moderator.get("/mina-sidor/").content.decode()
    assert "1 kommentar väntar" in html and "1 metodbidrag väntar på granskning" in html
