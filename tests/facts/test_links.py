"""Entries link both ways: a method's "Underlag" lists its facts and an entry lists the methods
and guidance-plan activities that build on it; REKAS names the statistics sources it uses."""

import uuid

import pytest

from guidance_plans.models import PlanActivity
from tests.guidance_plans.factories import GuidancePlanPageFactory
from tests.methods.factories import make_method

from .factories import make_fact

pytestmark = pytest.mark.django_db


def test_method_and_fact_link_both_ways(client):
    method = make_method(title="Arbetsmarknadsspaning", slug="spaning")
    fact = make_fact(
        title="Yrkesbarometern", slug="yrkesbarometern", kind="statistikkalla", methods=(method,)
    )
    unrelated = make_fact(
        title="Skollag (2010:800)", slug="skollag", kind="lag", sfs_number="2010:800"
    )

    method_page = client.get(method.url).content.decode()
    assert "Underlag" in method_page
    assert f'href="{fact.url}"' in method_page
    assert unrelated.url not in method_page

    fact_page = client.get(fact.url).content.decode()
    assert "Metoder som bygger på underlaget" in fact_page
    assert f'href="{method.url}"' in fact_page


def test_unpublished_side_is_not_shown(client):
    method = make_method(title="Utkastmetod", slug="utkastmetod", live=False)
    fact = make_fact(title="Rapport", slug="rapport", kind="rapport", methods=(method,))
    assert "Utkastmetod" not in client.get(fact.url).content.decode()
    live_method = make_method(title="Livslinjen", slug="livslinjen")
    make_fact(
        title="Hemligt utkast", slug="hemligt", kind="rapport", live=False, methods=(live_method,)
    )
    assert "Hemligt utkast" not in client.get(live_method.url).content.decode()


def test_guidance_plan_activity_links_to_its_fact(client):
    fact = make_fact(title="Skolverkets allmänna råd", slug="allmanna-rad", kind="allmanna-rad")
    block_id = str(uuid.uuid4())
    plan = GuidancePlanPageFactory(
        activities=[
            {
                "type": "activity",
                "id": block_id,
                "value": {
                    "title": "Individuellt vägledningssamtal",
                    "stage": "7-9",
                    "responsible_role": "syv",
                    "timing": "Åk 8",
                    "description": "",
                    "method": None,
                    "fact": fact.pk,
                },
            }
        ]
    )
    assert PlanActivity.objects.get(plan=plan).fact_id == fact.pk

    plan_page = client.get(plan.url).content.decode()
    assert f'href="{fact.url}"' in plan_page

    fact_page = client.get(fact.url).content.decode()
    assert "Aktiviteter i vägledningsplaner" in fact_page
    assert f"{plan.url}#aktivitet-{block_id}" in fact_page
    assert "Individuellt vägledningssamtal" in fact_page


def test_rekas_names_its_statistics_sources(client):
    source = make_fact(
        title="Yrkesbarometern",
        slug="yrkesbarometern",
        kind="statistikkalla",
        source_for_rekas=True,
    )
    other = make_fact(title="Arbetskraftsundersökningarna (AKU)", slug="aku", kind="statistikkalla")
    page = client.get("/rekas/").content.decode()
    assert "Statistikkällorna i faktabanken" in page
    assert f'href="{source.url}"' in page
    assert other.url not in page


def test_rekas_leaves_out_sources_in_a_restricted_section(client):
    from wagtail.models import PageViewRestriction

    from .factories import fact_index

    source = make_fact(
        title="Yrkesbarometern", slug="yrkesbarometern", kind="statistikkalla",
        source_for_rekas=True,
    )  # fmt: skip
    assert f'href="{source.url}"' in client.get("/rekas/").content.decode()
    PageViewRestriction.objects.create(page=fact_index(), restriction_type="login")
    page = client.get("/rekas/").content.decode()
    assert source.url not in page
    assert "Statistikkällorna i faktabanken" not in page
