"""A member suggests an entry → editors review it in the method bank's workflow → published."""

import pytest
from django.test import Client, TestCase
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState

from facts.models import FactPage, FactSubmission
from tests.factories import UserFactory

from .conftest import suggestion_data

pytestmark = pytest.mark.django_db


def _post(client, url, data):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(url, data)


def _approve(client, page):
    task_state = TaskState.objects.get(
        workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS
    )
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    return _post(client, url, {"comment": ""})


def test_suggestion_is_reviewed_in_the_same_workflow_and_published(member_client, member, editor):
    response = _post(member_client, "/fakta/foresla/", suggestion_data())
    assert response.status_code == 302
    submission = FactSubmission.objects.get(submitter=member)
    page = FactPage.objects.get(pk=submission.page_id)
    assert not page.live and page.owner == member
    assert (
        page.sou_number == "SOU 2019:4" and page.isbn == "978-91-38-24894-2" and page.year == 2019
    )
    assert [theme.slug for theme in page.themes.all()] == ["utbildnings-och-yrkesval"]
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.workflow.name == "Granskning av metoder"
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    dashboard = member_client.get("/mina-sidor/").content.decode()
    assert "Framtidsval – karriärvägledning för individ och samhälle" in dashboard
    assert "Granskas" in dashboard
    address = "/fakta/framtidsval-karriarvagledning-for-individ-och-samhalle/"
    assert Client().get(address).status_code == 404  # not public while in review

    editor_client = Client()
    editor_client.force_login(editor)
    assert _approve(editor_client, page).status_code == 302
    page.refresh_from_db()
    assert page.live and page.url == address
    assert "Framtidsval" in Client().get(address).content.decode()


def test_invalid_suggestion_is_refused_whole_with_swedish_errors(member_client, member):
    response = _post(
        member_client, "/fakta/foresla/", suggestion_data(isbn="978-91-38-24894-3", summary="")
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Kontrollsiffran stämmer inte" in page
    assert "Framtidsval – karriärvägledning" in page  # what was written is kept
    assert not FactSubmission.objects.exists()
    assert not FactPage.objects.exists()


def test_only_members_may_suggest(client):
    response = client.get("/fakta/foresla/")
    assert response.status_code == 302 and "logga-in" in response["Location"]
    client.force_login(UserFactory(roles=[]))
    assert client.get("/fakta/foresla/").status_code == 403
    assert _post(client, "/fakta/foresla/", suggestion_data()).status_code == 403
    assert not FactPage.objects.exists()
