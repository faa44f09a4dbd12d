"""The demo content: realistic plans in several municipalities, editors, directory and news."""

import io

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Revision

from guidance_plans import seed
from guidance_plans.models import (
    CoordinationBody,
    GuidancePlanPage,
    ModelPlanPage,
    NewsPage,
    PlanActivity,
)
from guidance_plans.selectors import municipality_overview, published_revisions
from syvsite.core.seed import seed_site, seed_users

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(db):
    out = io.StringIO()
    seed_site(stdout=out)
    seed_users(stdout=out)
    seed.run(stdout=out)
    return out


def _counts() -> dict:
    return {
        "plans": GuidancePlanPage.objects.count(),
        "revisions": Revision.objects.count(),
        "activities": PlanActivity.objects.count(),
        "bodies": CoordinationBody.objects.count(),
        "news": NewsPage.objects.count(),
    }


def test_seed_creates_plans_with_every_status_and_is_idempotent(seeded):
    before = _counts()
    assert before["plans"] == 7 and before["bodies"] == 12 and before["news"] == 10
    assert ModelPlanPage.objects.live().count() == 1
    counts = municipality_overview().counts
    assert counts["gallande"] >= 3 and counts["utgangen"] >= 1
    assert counts["saknas"] == 290 - 6
    seed.run(stdout=io.StringIO())
    assert _counts() == before


def test_demo_content_is_usable(seeded):
    """One seed run (they are slow) checks editors, versions, attachments and the directory."""
    User = get_user_model()
    goteborg = GuidancePlanPage.objects.get(municipality__code="1480")
    malmo = GuidancePlanPage.objects.get(municipality__code="1280")
    editor = User.objects.get(email="redaktor.goteborg@syv-demo.se")
    assert goteborg.permissions_for_user(editor).can_edit()
    assert not goteborg.permissions_for_user(editor).can_publish()
    assert not malmo.permissions_for_user(editor).can_edit()

    plan = goteborg
    assert len(published_revisions(plan)) == 2
    assert plan.has_unpublished_changes
    document = plan.attachments[0].value["document"]
    assert document.file_extension == "pdf"
    assert document.file.read(5) == b"%PDF-"

    gr = CoordinationBody.objects.get(slug="goteborgsregionen")
    assert gr.members.count() == 13 and gr.members.filter(name="Kungsbacka").exists()
    assert CoordinationBody.objects.get(slug="storsthlm").members.count() == 26
    assert all("(demo)" in c.title for c in gr.contacts.all())
