"""The permission matrix, through Wagtail's own admin views.

A municipality editor edits and previews only their own municipality's plans, and never
publishes directly: publishing goes through the review workflow (a moderator approves).
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data

from guidance_plans.models import GuidancePlanPage, MunicipalitySection
from tests.factories import municipality

from .admin_helpers import plan_form_data
from .factories import GuidancePlanPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plans(plan_index):
    return {
        "goteborg": GuidancePlanPageFactory(municipality_code="1480", title="Göteborgs plan"),
        "malmo": GuidancePlanPageFactory(municipality_code="1280", title="Malmös plan"),
    }


@pytest.fixture
def goteborg_client(client, make_editor):
    client.force_login(make_editor("1480"))
    return client


def refused(response) -> bool:
    """Wagtail answers a permission failure with 403, or a redirect to the dashboard + message."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def _live_title(plan) -> str:
    return GuidancePlanPage.objects.get(pk=plan.pk).title


def test_editor_opens_own_plan_but_not_another_municipalitys(goteborg_client, plans):
    own = goteborg_client.get(reverse("wagtailadmin_pages:edit", args=[plans["goteborg"].pk]))
    other = goteborg_client.get(reverse("wagtailadmin_pages:edit", args=[plans["malmo"].pk]))
    assert own.status_code == 200
    assert refused(other)


def test_editor_cannot_save_changes_to_another_municipalitys_plan(goteborg_client, plans):
    target = plans["malmo"]
    url = reverse("wagtailadmin_pages:edit", args=[target.pk])
    response = goteborg_client.post(url, plan_form_data(target, title="Kapad plan"))
    assert refused(response)
    target.refresh_from_db()
    assert target.title == "Malmös plan"
    assert target.get_latest_revision().content["title"] == "Malmös plan"


def test_editor_cannot_publish_another_municipalitys_plan(goteborg_client, plans):
    target = plans["malmo"]
    url = reverse("wagtailadmin_pages:edit", args=[target.pk])
    data = plan_form_data(target, title="Publicerad av fel kommun", **{"action-publish": "1"})
    assert refused(goteborg_client.post(url, data))
    assert _live_title(target) == "Malmös plan"


@pytest.mark.parametrize("view", ["view_draft", "preview_on_edit"])
def test_editor_cannot_preview_another_municipalitys_plan(goteborg_client, plans, view):
    own = goteborg_client.get(reverse(f"wagtailadmin_pages:{view}", args=[plans["goteborg"].pk]))
    other = goteborg_client.get(reverse(f"wagtailadmin_pages:{view}", args=[plans["malmo"].pk]))
    assert own.status_code == 200
    assert refused(other)


def test_editor_cannot_post_a_preview_of_another_municipalitys_plan(goteborg_client, plans):
    target = plans["malmo"]
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[target.pk])
    response = goteborg_client.post(url, plan_form_data(target, title="Förhandsvisning"))
    assert refused(response)


def test_editor_cannot_add_a_plan_to_another_municipality(goteborg_client, plans):
    malmo_section = plans["malmo"].get_parent()
    goteborg_section = plans["goteborg"].get_parent()
    add = "wagtailadmin_pages:add"
    args = ("guidance_plans", "guidanceplanpage")
    assert goteborg_client.get(reverse(add, args=[*args, goteborg_section.pk])).status_code == 200
    assert refused(goteborg_client.get(reverse(add, args=[*args, malmo_section.pk])))


@pytest.mark.parametrize("view", ["unpublish", "delete"])
def test_editor_cannot_unpublish_or_delete_another_municipalitys_plan(goteborg_client, plans, view):
    target = plans["malmo"]
    response = goteborg_client.post(reverse(f"wagtailadmin_pages:{view}", args=[target.pk]))
    assert refused(response)
    target.refresh_from_db()
    assert target.live


def test_editor_publish_button_only_saves_a_draft_of_own_plan(goteborg_client, plans):
    """Editors have no publish permission: "publish" from them never reaches the public."""
    own = plans["goteborg"]
    url = reverse("wagtailadmin_pages:edit", args=[own.pk])
    response = goteborg_client.post(
        url, plan_form_data(own, title="Ny titel", **{"action-publish": "1"})
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.title == "Göteborgs plan"  # the live page is unchanged
    assert own.get_latest_revision().content["title"] == "Ny titel"  # the draft is saved


def test_own_plan_is_published_after_submission_and_moderator_approval(
    client, make_editor, moderator, plans
):
    own = plans["goteborg"]
    editor = make_editor("1480")
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:edit", args=[own.pk])
    response = client.post(
        url, plan_form_data(own, title="Granskad titel", **{"action-submit": "1"})
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.workflow_in_progress
    assert own.title == "Göteborgs plan"

    client.force_login(moderator)
    task_state = own.current_workflow_task_state
    approve = reverse("wagtailadmin_pages:workflow_action", args=[own.pk, "approve", task_state.pk])
    response = client.post(approve, {"comment": "Ser bra ut."})
    assert response.status_code in (200, 302)
    own.refresh_from_db()
    assert own.title == "Granskad titel" and own.live
    assert not own.workflow_in_progress


def test_moderator_cannot_publish_directly_without_the_workflow(client, moderator, plans):
    """Moderators approve submitted plans; they have no page permissions of their own."""
    client.force_login(moderator)
    target = plans["malmo"]
    response = client.get(reverse("wagtailadmin_pages:edit", args=[target.pk]))
    assert refused(response)


def test_section_created_in_the_admin_gets_its_editor_group(client, admin_user, plan_index):
    client.force_login(admin_user)
    url = reverse(
        "wagtailadmin_pages:add",
        args=["guidance_plans", "municipalitysection", plan_index.pk],
    )
    data = nested_form_data(
        {"title": "Lund", "slug": "lund", "municipality": municipality("1281").pk}
    )
    response = client.post(url, data)
    assert response.status_code == 302
    section = MunicipalitySection.objects.get(municipality__code="1281")
    group = Group.objects.get(name="Kommunredaktör – Lund")
    perms = set(
        group.page_permissions.filter(page=section).values_list("permission__codename", flat=True)
    )
    assert perms == {"add_page", "change_page"}
