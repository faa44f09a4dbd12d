"""Who may do what in the method bank: anonymous, the member who contributed, another member,
an editor (moderator) and a logged-in user who is not a member. Never a 500."""

import pytest
from django.test import Client, TestCase
from django.urls import reverse
from wagtail.models import TaskState

from methods.models import MethodComment, MethodPage, MethodRating, MethodSubmission
from syvsite.accounts.roles import Role
from tests.factories import UserFactory, make_member

from .conftest import submission_data
from .factories import make_method

pytestmark = pytest.mark.django_db

ACTORS = ["anonymous", "member", "other_member", "editor", "non_member"]


@pytest.fixture
def world(member, other_member, editor):
    client = Client()
    client.force_login(member)
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post("/metoder/bidra/", submission_data())
    submission = MethodSubmission.objects.get(submitter=member)
    published = make_method(title="Livslinjen")
    company = make_member(role=Role.COMPANY_REPRESENTATIVE)
    users = {
        "anonymous": None,
        "member": member,
        "other_member": other_member,
        "editor": editor,
        "non_member": company,
    }
    return {"submission": submission, "published": published, "users": users}


def _client(world, actor) -> Client:
    client = Client()
    if world["users"][actor] is not None:
        client.force_login(world["users"][actor])
    return client


def _login_redirect(response) -> bool:
    return response.status_code == 302 and "logga-in" in response["Location"]


# (action, {actor: expected}) – "login" means a redirect to the login page.
MATRIX = {
    "browse": dict.fromkeys(ACTORS, 200),
    "read_method": dict.fromkeys(ACTORS, 200),
    "open_contribute_form": {
        "anonymous": "login",
        "member": 200,
        "other_member": 200,
        "editor": 200,
        "non_member": 403,
    },
    "edit_pending_submission": {
        "anonymous": "login",
        "member": 200,
        "other_member": 404,
        "editor": 404,
        "non_member": 403,
    },
    "preview_pending_submission": {
        "anonymous": "login",
        "member": 200,
        "other_member": 404,
        "editor": 404,
        "non_member": 403,
    },
    "rate": {
        "anonymous": "login",
        "member": 302,
        "other_member": 302,
        "editor": 302,
        "non_member": 403,
    },
    "comment": {
        "anonymous": "login",
        "member": 302,
        "other_member": 302,
        "editor": 302,
        "non_member": 403,
    },
    "moderation_queue": {
        "anonymous": "login",
        "member": 403,
        "other_member": 403,
        "editor": 200,
        "non_member": 403,
    },
}


def _do(action, client, world):
    published, submission = world["published"], world["submission"]
    if action == "browse":
        return client.get("/metoder/")
    if action == "read_method":
        return client.get(published.url)
    if action == "open_contribute_form":
        return client.get("/metoder/bidra/")
    if action == "edit_pending_submission":
        return client.get(f"/metoder/bidra/{submission.pk}/")
    if action == "preview_pending_submission":
        return client.get(f"/metoder/bidra/{submission.pk}/forhandsvisning/")
    if action == "rate":
        return client.post(f"{published.url}betyg/", {"score": "4"})
    if action == "comment":
        return client.post(f"{published.url}kommentera/", {"text": "Bra metod för åk 9."})
    if action == "moderation_queue":
        return client.get("/metoder/kommentarer/granska/")
    raise AssertionError(action)


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("action", list(MATRIX))
def test_permission_matrix(world, action, actor):
    response = _do(action, _client(world, actor), world)
    expected = MATRIX[action][actor]
    if expected == "login":
        assert _login_redirect(response), (response.status_code, response.get("Location"))
    else:
        assert response.status_code == expected
    if expected in ("login", 403):
        assert not MethodRating.objects.exists() or action != "rate"
        assert not MethodComment.objects.exists() or action != "comment"


@pytest.mark.parametrize("actor", ["anonymous", "other_member", "editor", "non_member"])
def test_only_the_submitter_can_change_a_pending_submission(world, actor):
    submission = world["submission"]
    response = _client(world, actor).post(
        f"/metoder/bidra/{submission.pk}/", submission_data(title="Kapad titel")
    )
    assert response.status_code in (302, 403, 404)
    assert response.status_code != 302 or _login_redirect(response)
    page = MethodPage.objects.get(pk=submission.page_id)
    assert page.title == "Yrkeslotteriet"


@pytest.mark.parametrize(
    ("actor", "published"),
    [("anonymous", False), ("member", False), ("other_member", False), ("editor", True)],
)
def test_only_editors_publish(world, actor, published):
    page = world["submission"].page
    task_state = TaskState.objects.get(workflow_state__object_id=str(page.pk))
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = _client(world, actor).post(url, {"comment": ""})
    assert response.status_code in (302, 403)
    assert MethodPage.objects.get(pk=page.pk).live is published


def test_members_cannot_open_the_wagtail_editor(world):
    page = world["submission"].page
    response = _client(world, "member").get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    editor_view = _client(world, "editor").get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert editor_view.status_code == 200


def test_unverified_counsellor_is_not_a_member(world):
    unverified = UserFactory(roles=[Role.COUNSELLOR], email_verified_at=None)
    client = Client()
    client.force_login(unverified)
    assert client.get("/metoder/bidra/").status_code == 403
    assert "Bara för medlemmar" in client.get("/metoder/bidra/").content.decode()


def test_nonsense_urls_answer_404_not_500(world):
    client = _client(world, "member")
    assert client.get("/metoder/bidra/999999/").status_code == 404
    assert client.get("/metoder/finns-inte/").status_code == 404
    assert client.get(f"{world['published'].url}betyg/").status_code == 302  # GET: back to page
    assert client.get("/metoder/?page=abc&sort=nonsense&tid=evig&malgrupp=x").status_code == 200
