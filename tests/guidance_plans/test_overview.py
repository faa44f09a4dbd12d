"""`/vagledningsplaner/`: all 290 municipalities with their plan status and counts per status."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from guidance_plans.selectors import municipality_overview

from .factories import GuidancePlanPageFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
CURRENT = {"valid_from": TODAY - timedelta(days=400), "valid_to": TODAY + timedelta(days=300)}
EXPIRED = {"valid_from": TODAY - timedelta(days=1500), "valid_to": TODAY - timedelta(days=1)}
UPCOMING = {"valid_from": TODAY + timedelta(days=30), "valid_to": TODAY + timedelta(days=1000)}


@pytest.fixture
def plans(plan_index):
    GuidancePlanPageFactory(municipality_code="1480", **CURRENT)  # Göteborg (Västra Götaland)
    GuidancePlanPageFactory(municipality_code="1280", **EXPIRED)  # Malmö
    GuidancePlanPageFactory(municipality_code="0380", **UPCOMING)  # Uppsala
    GuidancePlanPageFactory(municipality_code="1384", **EXPIRED)  # Kungsbacka: old plan …
    GuidancePlanPageFactory(municipality_code="1384", **CURRENT)  # … and its current one
    GuidancePlanPageFactory(municipality_code="2480", live=False, publish=False, **CURRENT)


def _count(html: str, label: str) -> int:
    match = re.search(
        r'status-summary__count">([\d\u202f]+)</span>\s*<span class="status-summary__label">'
        + label,
        html,
    )
    return int(match.group(1).replace("\u202f", ""))


def test_overview_counts_every_municipality_by_status(client, plans):
    response = client.get("/vagledningsplaner/")
    html = response.content.decode()
    assert response.status_code == 200
    assert _count(html, "Gällande plan") == 2
    assert _count(html, "Utgången plan") == 1
    assert _count(html, "Kommande plan") == 1
    assert _count(html, "Plan under arbete") == 1  # Umeå: only an unpublished plan
    assert _count(html, "Plan saknas") == 285
    assert html.count('<th scope="row">') == 290


def test_municipality_with_current_and_expired_plan_counts_as_current(plans):
    rows = {row.municipality.code: row for row in municipality_overview().rows}
    assert rows["1384"].status == "gallande"
    assert rows["1384"].plan.valid_to == CURRENT["valid_to"]
    assert rows["2480"].status == "under_arbete" and rows["2480"].plan is None


def test_a_plan_being_written_shows_as_in_progress_unless_one_is_in_force(client, plans):
    """A municipality whose plan has run out and which is writing the next one is "under
    arbete", linking to the old plan; one with a plan in force stays "gällande"; the draft's
    text is never shown."""
    GuidancePlanPageFactory(
        municipality_code="1280", live=False, publish=False, title="Malmös nästa plan", **UPCOMING
    )
    GuidancePlanPageFactory(municipality_code="1480", live=False, publish=False, **UPCOMING)
    rows = {row.municipality.code: row for row in municipality_overview().rows}
    assert rows["1280"].status == "under_arbete"
    assert rows["1280"].plan.valid_to == EXPIRED["valid_to"]  # the link goes to the old plan
    assert rows["1480"].status == "gallande"
    html = client.get("/vagledningsplaner/").content.decode()
    assert _count(html, "Plan under arbete") == 2
    assert "Malmös nästa plan" not in html


def test_county_filter_recounts_within_the_county(client, plans):
    html = client.get("/vagledningsplaner/", {"lan": "14"}).content.decode()
    assert "Status i Västra Götalands län" in html
    assert _count(html, "Gällande plan") == 1
    assert _count(html, "Plan saknas") == 48
    assert html.count('<th scope="row">') == 49
    assert "Malmö" not in html


def test_status_filter_lists_only_that_status(client, plans):
    html = client.get("/vagledningsplaner/", {"status": "utgangen"}).content.decode()
    # The overview's own table; the map beside it keeps every status (and its own table).
    table = html[html.index("<caption>Vägledningsplaner per kommun") :]
    assert table.count('<th scope="row">') == 1
    assert '<th scope="row">Malmö</th>' in table
    assert _count(html, "Plan saknas") == 285  # counts still describe the whole selection


def test_unknown_county_gives_a_swedish_error_and_the_full_list(client, plans):
    response = client.get("/vagledningsplaner/", {"lan": "99"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Välj ett giltigt alternativ" in html
    assert html.count('<th scope="row">') == 290
