"""A plan always has a municipality and a validity period that makes sense; status follows dates."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from guidance_plans.constants import PlanStatus
from guidance_plans.models import GuidancePlanPage
from guidance_plans.services.sections import ensure_section
from tests.factories import municipality

from .factories import GuidancePlanPageFactory

pytestmark = pytest.mark.django_db


def test_plan_takes_its_municipality_from_its_section(plan_index):
    plan = GuidancePlanPageFactory(municipality_code="1280")
    assert plan.municipality.name == "Malmö"
    assert plan.url == "/vagledningsplaner/malmo/" + plan.slug + "/"


def test_plan_outside_a_municipality_section_is_refused(plan_index):
    orphan = GuidancePlanPage(title="Plan utan kommun", slug="utan", valid_from=date(2026, 1, 1))
    with pytest.raises(ValidationError) as error:
        plan_index.add_child(instance=orphan)
    assert "måste ligga under en kommuns sida" in str(error.value)
    assert not GuidancePlanPage.objects.filter(slug="utan").exists()


def test_validity_period_ending_before_it_starts_is_refused(plan_index):
    plan = GuidancePlanPageFactory()
    plan.valid_from, plan.valid_to = date(2026, 6, 1), date(2026, 1, 1)
    with pytest.raises(ValidationError) as error:
        plan.save_revision()
    assert "Giltighetstiden slutar före den börjar" in str(error.value.message_dict["valid_to"])


@pytest.mark.parametrize(
    ("valid_from", "valid_to", "expected"),
    [
        (date(2025, 1, 1), date(2027, 12, 31), PlanStatus.CURRENT),
        (date(2025, 1, 1), None, PlanStatus.CURRENT),
        (date(2022, 1, 1), date(2024, 12, 31), PlanStatus.EXPIRED),
        (date(2027, 1, 1), date(2029, 12, 31), PlanStatus.UPCOMING),
    ],
)
def test_status_follows_the_validity_period(plan_index, valid_from, valid_to, expected):
    plan = GuidancePlanPageFactory(valid_from=valid_from, valid_to=valid_to)
    assert plan.status(today=date(2026, 3, 1)) == expected


def test_unpublished_plan_has_no_validity_status(plan_index):
    plan = GuidancePlanPageFactory(live=False, publish=False)
    assert plan.status() == PlanStatus.DRAFT


def test_section_creation_is_idempotent_and_named_after_the_municipality(plan_index):
    first = ensure_section(municipality=municipality("0380"))
    second = ensure_section(municipality=municipality("0380"))
    assert first.pk == second.pk
    assert first.title == "Uppsala" and first.slug == "uppsala" and first.live


def test_municipalities_whose_names_fold_to_the_same_slug_get_distinct_sections(plan_index):
    habo_uppsala = ensure_section(municipality=municipality("0305"))  # Håbo
    habo_jonkoping = ensure_section(municipality=municipality("0643"))  # Habo
    assert habo_uppsala.slug == "habo"
    assert habo_jonkoping.slug == "habo-0643"
