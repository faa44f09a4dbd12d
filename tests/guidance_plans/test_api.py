"""The open API under /api/v1/guidance-plans/ and the activity index rebuild command."""

import io

import pytest
from django.core.management import call_command

from guidance_plans.models import PlanActivity
from tests.api_checks import check_paging

from .factories import GuidancePlanPageFactory, activity

pytestmark = pytest.mark.django_db


@pytest.fixture
def plans(plan_index):
    return [
        GuidancePlanPageFactory(
            municipality_code="1480",
            activities=[
                activity("Yrkesmässa", stage="7-9"),
                activity("Universitetsdag", stage="gy"),
            ],
        ),
        GuidancePlanPageFactory(
            municipality_code="1280", activities=[activity("Prao", stage="7-9")]
        ),
        GuidancePlanPageFactory(municipality_code="0380", live=False, publish=False),
    ]


def test_plans_list_only_published_and_filter_by_county(client, plans):
    body = client.get("/api/v1/guidance-plans/plans").json()
    assert {plan["municipality"]["code"] for plan in body} == {"1480", "1280"}
    skane = client.get("/api/v1/guidance-plans/plans", {"county": "12"}).json()
    assert [plan["municipality"]["name"] for plan in skane] == ["Malmö"]


def test_plan_detail_has_sections_and_drafts_are_404(client, plans):
    body = client.get(f"/api/v1/guidance-plans/plans/{plans[0].pk}").json()
    assert [s["key"] for s in body["sections"]][:2] == ["current_state", "goals"]
    assert client.get(f"/api/v1/guidance-plans/plans/{plans[2].pk}").status_code == 404


def test_status_counts_all_municipalities(client, plans):
    body = client.get("/api/v1/guidance-plans/status").json()
    assert sum(body["counts"].values()) == 290 == len(body["municipalities"])
    assert body["counts"]["saknas"] == 287
    assert body["counts"]["under_arbete"] == 1  # the draft: a plan being written


def test_activities_filter_by_stage_and_reject_unknown_values(client, plans):
    body = client.get("/api/v1/guidance-plans/activities", {"stage": "7-9"}).json()
    assert body["count"] == 2 and {a["title"] for a in body["results"]} == {"Yrkesmässa", "Prao"}
    assert client.get("/api/v1/guidance-plans/activities", {"stage": "x"}).status_code == 422


def test_activities_have_the_one_pagination(client, plans):
    check_paging(client, "/api/v1/guidance-plans/activities", count=3, page_size=2)
    check_paging(client, "/api/v1/guidance-plans/activities", count=2, page_size=1, stage="7-9")
    assert client.get("/api/v1/guidance-plans/activities", {"page_size": 201}).status_code == 422


def test_openapi_documents_the_endpoints(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/guidance-plans/activities" in paths
    assert "/api/v1/guidance-plans/status" in paths


def test_rebuild_command_restores_the_activity_index(plans):
    PlanActivity.objects.all().delete()
    out = io.StringIO()
    call_command("rebuild_activity_index", stdout=out, stderr=io.StringIO())
    assert PlanActivity.objects.count() == 3
    assert "3 aktiviteter" in out.getvalue()
