"""Contribute → review in Wagtail's workflow → changes → publish, with e-mail to the member."""

import pytest
from django.core import mail
from django.test import Client, TestCase
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState

from methods.models import MethodPage, MethodSubmission
from methods.selectors import submission_status

from .conftest import submission_data

pytestmark = pytest.mark.django_db


def _task_state(page) -> TaskState:
    return TaskState.objects.get(
        workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS
    )


def _post(client, url, data):
    """POST and run what waits for the commit (e-mail, search outbox), as in production."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(url, data)


def _admin_action(client, page, action: str, comment: str = ""):
    task_state = _task_state(page)
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
    return _post(client, url, {"comment": comment})


def _submit(member_client, **overrides) -> MethodSubmission:
    response = _post(member_client, "/metoder/bidra/", submission_data(**overrides))
    assert response.status_code == 302, response.content.decode()[:3000]
    return MethodSubmission.objects.get(submitter=member_client.user)


def test_member_submission_becomes_a_draft_in_review(member_client, member):
    submission = _submit(member_client)
    page = MethodPage.objects.get(pk=submission.page_id)
    assert not page.live
    assert page.owner == member
    assert page.get_parent().url == "/metoder/"
    assert [g.slug for g in page.target_groups.all()] == ["grundskola-7-9", "gymnasieskola"]
    assert page.steps[0].value["title"] == "Dra ett yrke"
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Granskning av metoder"
    assert submission_status(submission).label == "Granskas"
    # Not visible to the public while in review.
    assert member_client.get("/metoder/yrkeslotteriet/").status_code == 404
    receipt = [m for m in mail.outbox if m.to == [member.email]]
    assert "Vi har tagit emot ditt metodbidrag" in receipt[0].subject


def test_missing_fields_get_swedish_errors_and_keep_what_was_written(member_client):
    data = submission_data(title="", summary="", target_groups=[], **{"steps-0-title": ""})
    data["steps-0-instructions"] = ""
    response = member_client.post("/metoder/bidra/", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Formuläret behöver rättas" in html
    assert "Metodens namn: Fyll i fältet." in html
    assert "Målgrupper: Välj minst ett alternativ." in html
    assert "Beskriv minst ett steg i genomförandet." in html
    assert "Eleverna upptäcker yrken de aldrig hört talas om." in html  # purpose kept
    assert not MethodSubmission.objects.exists()


def test_changes_requested_then_resubmitted_then_published(member_client, member, editor):
    submission = _submit(member_client)
    page = submission.page
    client = Client()
    client.force_login(editor)
    mail.outbox.clear()

    response = _admin_action(client, page, "reject", "Lägg till hur lång tid varje steg tar.")
    assert response.status_code == 302
    status = submission_status(MethodSubmission.objects.get(pk=submission.pk))
    assert (status.code, status.comment) == (
        "needs_changes",
        "Lägg till hur lång tid varje steg tar.",
    )
    changes_mail = [m for m in mail.outbox if m.to == [member.email]]
    assert len(changes_mail) == 1, [m.subject for m in mail.outbox]
    assert "Redaktionen ber dig ändra" in changes_mail[0].subject
    assert "Lägg till hur lång tid varje steg tar." in changes_mail[0].body
    assert f"/metoder/bidra/{submission.pk}/" in changes_mail[0].body
    dashboard = member_client.get("/mina-sidor/").content.decode()
    assert "Behöver ändras" in dashboard and "Lägg till hur lång tid" in dashboard

    edit_url = f"/metoder/bidra/{submission.pk}/"
    form = member_client.get(edit_url)
    assert form.status_code == 200 and "Yrkeslotteriet" in form.content.decode()
    data = submission_data(title="Yrkeslotteriet – reviderad", **{"steps-INITIAL_FORMS": "1"})
    data["steps-0-minutes"] = "25"
    assert _post(member_client, edit_url, data).status_code == 302
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS  # resubmitted

    mail.outbox.clear()
    assert _admin_action(client, page, "approve").status_code == 302
    page = MethodPage.objects.get(pk=page.pk)
    assert page.live and page.title == "Yrkeslotteriet – reviderad"
    assert page.steps[0].value["minutes"] == 25
    published = [m for m in mail.outbox if m.to == [member.email]]
    assert [m.subject for m in published] == [
        "Din metod ”Yrkeslotteriet – reviderad” är publicerad"
    ]
    assert "http://testserver/metoder/yrkeslotteriet/" in published[0].body
    assert member_client.get(page.url).status_code == 200
    # Published: the member can no longer change it from the front end.
    assert member_client.get(edit_url).status_code == 302
    assert "Publicerad" in member_client.get("/mina-sidor/").content.decode()


def test_submitter_can_preview_own_draft(member_client):
    submission = _submit(member_client)
    response = member_client.get(f"/metoder/bidra/{submission.pk}/forhandsvisning/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Förhandsvisning av ditt bidrag" in html and "Dra ett yrke" in html


def test_editing_keeps_and_removes_images(member_client):
    from .conftest import png_bytes, upload

    extra = {
        "images-TOTAL_FORMS": "2",
        "images-0-file": upload("a.png", png_bytes(), "image/png"),
        "images-0-alt_text": "Första bilden",
        "images-1-file": upload("b.png", png_bytes(colour="red"), "image/png"),
        "images-1-alt_text": "Andra bilden",
    }
    submission = _submit(member_client, **extra)
    images = list(submission.page.images.all())
    data = submission_data(
        **{
            "steps-INITIAL_FORMS": "1",
            "images-TOTAL_FORMS": "2",
            "images-INITIAL_FORMS": "2",
            "images-0-existing": str(images[0].pk),
            "images-0-alt_text": "Första bilden, ny text",
            "images-1-existing": str(images[1].pk),
            "images-1-alt_text": "Andra bilden",
            "images-1-remove": "on",
        }
    )
    response = member_client.post(f"/metoder/bidra/{submission.pk}/", data)
    assert response.status_code == 302, response.content.decode().split("error-summary")[-1][:1500]
    remaining = list(MethodPage.objects.get(pk=submission.page_id).images.all())
    assert [i.alt_text for i in remaining] == ["Första bilden, ny text"]


def test_cancelled_review_is_mailed_and_can_be_resubmitted(member_client, member, editor):
    submission = _submit(member_client)
    state = WorkflowState.objects.get(object_id=str(submission.page_id))
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        state.cancel(user=editor)
    assert [m.subject for m in mail.outbox if m.to == [member.email]] == [
        "Granskningen av ”Yrkeslotteriet” har avbrutits"
    ]
    status = submission_status(MethodSubmission.objects.get(pk=submission.pk))
    assert status.code == "stopped" and status.editable
    data = submission_data(**{"steps-INITIAL_FORMS": "1"})
    assert _post(member_client, f"/metoder/bidra/{submission.pk}/", data).status_code == 302
    states = WorkflowState.objects.filter(object_id=str(submission.page_id))
    assert states.filter(status=WorkflowState.STATUS_IN_PROGRESS).count() == 1


def test_author_organisation_must_be_ones_own(member_client, member):
    from syvsite.organisations.models import Membership
    from tests.factories import OrganisationFactory

    own = OrganisationFactory(name="Egen skola")
    Membership.objects.create(user=member, organisation=own)
    foreign = OrganisationFactory(name="Någon annans skola")
    response = member_client.post(
        "/metoder/bidra/", submission_data(author_organisation=str(foreign.pk))
    )
    assert response.status_code == 400
    assert "Organisation som står bakom metoden" in response.content.decode()
    submission = _submit(member_client, author_organisation=str(own.pk))
    assert MethodPage.objects.get(pk=submission.page_id).author_organisation == own
