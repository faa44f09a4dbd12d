"""Comparison side by side, and the activity bank's stage and role filters."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from guidance_plans.models import PlanActivity
from guidance_plans.services.model_plan import ensure_model_plan

from .factories import GuidancePlanPageFactory, activity, goal

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_plans(plan_index):
    return (
        GuidancePlanPageFactory(
            municipality_code="1480",
            title="Göteborgs plan",
            goals=[goal("Alla elever i åk 9 har haft ett vägledningssamtal.")],
            activities=[activity("Yrkesmässa", stage="7-9", role="syv")],
        ),
        GuidancePlanPageFactory(
            municipality_code="1280",
            title="Malmös plan",
            goals=[goal("Fler elever gör studiebesök på gymnasieskolor.")],
            activities=[activity("Prao i åk 8", stage="7-9", role="mentor")],
        ),
    )


def test_comparison_puts_both_plans_side_by_side_section_by_section(client, two_plans):
    gbg, malmo = two_plans
    response = client.get("/vagledningsplaner/jamfor/", {"a": gbg.pk, "b": malmo.pk})
    html = response.content.decode()
    assert response.status_code == 200
    for key, heading in [
        ("current_state", "Nulägesanalys"),
        ("goals", "Mål"),
        ("responsibilities", "Ansvarsfördelning"),
        ("activities", "Aktiviteter per skolform"),
        ("follow_up", "Uppföljning och utvärdering"),
    ]:
        assert f'<h2 id="jamfor-{key}">{heading}</h2>' in html
    goals = html[html.index('id="jamfor-goals"') : html.index('id="jamfor-responsibilities"')]
    assert goals.index("vägledningssamtal") < goals.index("studiebesök")  # a left, b right
    assert "Åk 7–9: Yrkesmässa" in html and "Åk 7–9: Prao i åk 8" in html


def test_comparison_with_the_model_plan(client, two_plans):
    model = ensure_model_plan(summary="Modellplanens sammanfattning")
    response = client.get("/vagledningsplaner/jamfor/", {"a": model.pk, "b": two_plans[0].pk})
    assert response.status_code == 200
    assert "Modellplanen" in response.content.decode()


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"a": "999999", "b": "1"}, "Planen finns inte eller är inte publicerad"),
        ({"a": "abc"}, "Välj en plan att jämföra"),
    ],
)
def test_comparison_of_unknown_plans_explains_in_swedish(client, two_plans, params, message):
    response = client.get("/vagledningsplaner/jamfor/", params)
    assert response.status_code == 200
    assert message in response.content.decode()


def test_comparison_refuses_the_same_plan_twice_and_drafts(client, two_plans):
    gbg = two_plans[0]
    same = client.get("/vagledningsplaner/jamfor/", {"a": gbg.pk, "b": gbg.pk})
    assert "Välj två olika planer" in same.content.decode()
    draft = GuidancePlanPageFactory(municipality_code="0380", live=False, publish=False)
    hidden = client.get("/vagledningsplaner/jamfor/", {"a": gbg.pk, "b": draft.pk})
    assert "Planen finns inte eller är inte publicerad" in hidden.content.decode()


def test_activity_index_follows_publish_and_unpublish(two_plans):
    gbg, malmo = two_plans
    assert PlanActivity.objects.filter(plan=gbg).get().title == "Yrkesmässa"
    malmo.unpublish()
    assert not PlanActivity.objects.filter(plan=malmo).exists()
    draft = gbg.get_latest_revision_as_object()
    draft.activities = [activity("Utkastaktivitet")]
    draft.save_revision()  # a draft is not in the bank until it is published
    assert PlanActivity.objects.filter(plan=gbg).get().title == "Yrkesmässa"


def test_activity_bank_filters_by_stage_and_role(client, plan_index):
    GuidancePlanPageFactory(
        municipality_code="1480",
        activities=[
            activity("Yrkesmässa", stage="7-9", role="syv"),
            activity("Drömyrken", stage="f-3", role="larare"),
            activity("Gymnasiedagar", stage="gy", role="syv"),
        ],
    )
    GuidancePlanPageFactory(
        municipality_code="1280", activities=[activity("Prao", stage="7-9", role="mentor")]
    )

    def titles(**params):
        html = client.get("/vagledningsplaner/aktiviteter/", params).content.decode()
        return {t for t in ("Yrkesmässa", "Drömyrken", "Gymnasiedagar", "Prao") if t in html}

    assert titles() == {"Yrkesmässa", "Drömyrken", "Gymnasiedagar", "Prao"}
    assert titles(stadium="7-9") == {"Yrkesmässa", "Prao"}
    assert titles(roll="syv") == {"Yrkesmässa", "Gymnasiedagar"}
    assert titles(stadium="7-9", roll="syv") == {"Yrkesmässa"}
    assert titles(stadium=["f-3", "gy"]) == {"Drömyrken", "Gymnasiedagar"}
    assert titles(lan="12") == {"Prao"}


def test_activity_bank_paginates_and_lists_in_school_order(client, plan_index):
    blocks = [activity(f"Aktivitet {n:02d}", stage="gy") for n in range(25)]
    blocks.append(activity("Tidig aktivitet", stage="f-3"))
    GuidancePlanPageFactory(municipality_code="1480", activities=blocks)
    first = client.get("/vagledningsplaner/aktiviteter/").content.decode()
    assert "26 aktiviteter" in first
    assert first.index("Tidig aktivitet") < first.index("Aktivitet 00")
    assert "Sida 1 av 2" in first
    second = client.get("/vagledningsplaner/aktiviteter/", {"page": 2}).content.decode()
    assert "Aktivitet 24" in second and "Aktivitet 00" not in second


def test_activity_bank_rejects_unknown_stage_with_a_swedish_message(client, plan_index):
    response = client.get("/vagledningsplaner/aktiviteter/", {"stadium": "universitet"})
    assert response.status_code == 200
    assert "Välj ett giltigt alternativ" in response.content.decode()


def test_activity_bank_can_leave_out_expired_plans(client, plan_index):
    today = timezone.localdate()
    GuidancePlanPageFactory(
        municipality_code="1480",
        valid_from=today - timedelta(days=10),
        valid_to=today + timedelta(days=10),
        activities=[activity("Aktuell aktivitet")],
    )
    GuidancePlanPageFactory(
        municipality_code="2480",
        valid_from=today - timedelta(days=900),
        valid_to=today - timedelta(days=1),
        activities=[activity("Gammal aktivitet")],
    )
    everything = client.get("/vagledningsplaner/aktiviteter/").content.decode()
    assert "Gammal aktivitet" in everything and "(utgången)" in everything
    current = client.get("/vagledningsplaner/aktiviteter/", {"gallande": "on"}).content.decode()
    assert "Aktuell aktivitet" in current and "Gammal aktivitet" not in current


def test_activities_of_a_view_restricted_plan_stay_hidden(client, plan_index):
    plan = GuidancePlanPageFactory(activities=[activity("Hemlig aktivitet")])
    PageViewRestriction.objects.create(page=plan, restriction_type="login")
    html = client.get("/vagledningsplaner/aktiviteter/").content.decode()
    assert "Hemlig aktivitet" not in html
    body = client.get("/api/v1/guidance-plans/activities").json()
    assert body["count"] == 0
