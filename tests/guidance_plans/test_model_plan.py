"""“Skapa plan från modellplanen”, and the admin form's refusals of bad plans."""

from datetime import date

import pytest
from django.urls import reverse

from guidance_plans.models import GuidancePlanPage
from guidance_plans.services.model_plan import ensure_model_plan
from guidance_plans.services.sections import ensure_section
from tests.factories import municipality

from .admin_helpers import plan_form_data
from .factories import GuidancePlanPageFactory, activity, goal

pytestmark = pytest.mark.django_db
CREATE_URL = "/admin/vagledningsplaner/ny-fran-modellplan/"


@pytest.fixture
def model_plan(plan_index):
    return ensure_model_plan(
        summary="En plan för alla skolformer.",
        current_state="<p>Beskriv nuläget i er kommun.</p>",
        goals=[goal("Alla elever ska kunna göra väl underbyggda val.")],
        activities=[activity("Yrkesmässa", stage="7-9", role="syv")],
    )


def test_editor_creates_a_draft_plan_from_the_model_plan(client, make_editor, model_plan):
    editor = make_editor("1480")
    client.force_login(editor)
    section = ensure_section(municipality=municipality("1480"))
    form = client.get(CREATE_URL, {"section": section.pk})
    assert form.status_code == 200
    assert "Skapa plan från modellplanen" in form.content.decode()
    response = client.post(
        CREATE_URL,
        {
            "section": section.pk,
            "title": "Göteborgs plan 2027–2029",
            "valid_from": "2027-01-01",
            "valid_to": "2029-12-31",
        },
    )
    plan = GuidancePlanPage.objects.get(title="Göteborgs plan 2027–2029")
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_pages:edit", args=[plan.pk])
    assert plan.get_parent().pk == section.pk and plan.municipality.code == "1480"
    assert not plan.live and plan.owner == editor
    assert plan.summary == "En plan för alla skolformer."
    assert [block.value["title"] for block in plan.activities] == ["Yrkesmässa"]
    assert plan.activities[0].id != model_plan.activities[0].id
    assert client.get(reverse("wagtailadmin_pages:edit", args=[plan.pk])).status_code == 200


def test_editor_cannot_create_a_plan_in_another_municipality(client, make_editor, model_plan):
    client.force_login(make_editor("1480"))
    malmo = ensure_section(municipality=municipality("1280"))
    response = client.post(
        CREATE_URL,
        {"section": malmo.pk, "title": "Kapad", "valid_from": "2027-01-01", "valid_to": ""},
    )
    assert response.status_code == 200
    assert "Välj ett giltigt alternativ" in response.content.decode()
    assert not GuidancePlanPage.objects.filter(title="Kapad").exists()


def test_user_without_a_municipality_cannot_use_the_action(client, moderator, model_plan):
    client.force_login(moderator)
    response = client.get(CREATE_URL)
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def test_model_plan_form_refuses_a_period_that_ends_before_it_starts(
    client, make_editor, model_plan
):
    client.force_login(make_editor("1480"))
    section = ensure_section(municipality=municipality("1480"))
    response = client.post(
        CREATE_URL,
        {
            "section": section.pk,
            "title": "Baklänges",
            "valid_from": "2027-06-01",
            "valid_to": "2027-01-01",
        },
    )
    assert "Giltighetstiden slutar före den börjar" in response.content.decode()
    assert not GuidancePlanPage.objects.filter(title="Baklänges").exists()


def test_model_plan_page_offers_the_action_to_editors_only(client, make_editor, model_plan):
    anonymous = client.get(model_plan.url).content.decode()
    assert "Skapa plan från modellplanen" not in anonymous
    client.force_login(make_editor("1480"))
    assert "Skapa plan från modellplanen" in client.get(model_plan.url).content.decode()


def test_admin_form_refuses_a_period_that_ends_before_it_starts(client, make_editor, plan_index):
    plan = GuidancePlanPageFactory(municipality_code="1480", title="Giltig plan")
    client.force_login(make_editor("1480"))
    url = reverse("wagtailadmin_pages:edit", args=[plan.pk])
    data = plan_form_data(plan, title="Ogiltig", valid_from="2027-06-01", valid_to="2027-01-01")
    response = client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Giltighetstiden slutar före den börjar" in html
    assert plan.get_latest_revision().content["title"] == "Giltig plan"


def test_admin_form_for_a_new_plan_in_the_section(client, make_editor, plan_index):
    section = ensure_section(municipality=municipality("1480"))
    client.force_login(make_editor("1480"))
    url = reverse("wagtailadmin_pages:add", args=["guidance_plans", "guidanceplanpage", section.pk])
    plan = GuidancePlanPage(title="Ny plan", slug="ny-plan", valid_from=date(2027, 1, 1))
    response = client.post(url, plan_form_data(plan))
    assert response.status_code == 302
    created = GuidancePlanPage.objects.get(slug="ny-plan")
    assert created.municipality.code == "1480" and not created.live


def test_plans_cannot_be_added_outside_a_municipality_section(client, admin_user, plan_index):
    """Even an administrator cannot create a plan without a municipality via the admin."""
    client.force_login(admin_user)
    url = reverse(
        "wagtailadmin_pages:add", args=["guidance_plans", "guidanceplanpage", plan_index.pk]
    )
    response = client.get(url)
    assert response.status_code in (302, 403)
    assert not GuidancePlanPage.objects.exists()


def test_editor_previews_a_new_plan_before_it_exists(client, make_editor, plan_index):
    section = ensure_section(municipality=municipality("1480"))
    client.force_login(make_editor("1480"))
    url = reverse(
        "wagtailadmin_pages:preview_on_add",
        args=["guidance_plans", "guidanceplanpage", section.pk],
    )
    plan = GuidancePlanPage(title="Förhandsvisad plan", slug="forhand", valid_from=date(2027, 1, 1))
    assert client.post(url, plan_form_data(plan)).json()["is_valid"]
    preview = client.get(url)
    assert preview.status_code == 200
    assert "Förhandsvisad plan" in preview.content.decode()
