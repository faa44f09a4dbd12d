"""Reports, the queue, hide/restore, lock, pin, move, suspension, and who may do them."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from forum.models import ModerationAction, ModerationLogEntry, Report, Status, Suspension, Thread
from syvsite.accounts.roles import Role
from tests.factories import make_member

from .factories import CategoryFactory, make_post, make_thread

pytestmark = pytest.mark.django_db


@pytest.fixture
def thread(public_category):
    return make_thread(category=public_category, title="Praoplatser i Göteborg", replies=1)


@pytest.fixture
def mod_client(moderator):
    """A client of its own, so a test can act as a member and as a moderator in turn."""
    client = Client()
    client.force_login(moderator)
    client.user = moderator
    return client


def moderation_urls(thread):
    post = thread.posts.get(is_opening=False)
    return [
        ("get", reverse("forum:moderation")),
        ("get", reverse("forum:moderation_log")),
        ("post", reverse("forum:moderation_post", args=[post.pk, "dolj"])),
        ("post", reverse("forum:moderation_thread", args=[thread.pk])),
        ("post", reverse("forum:moderation_user", args=[post.author.pk])),
    ]


@pytest.mark.parametrize(
    "role", [Role.COUNSELLOR, Role.MUNICIPALITY_EDITOR, Role.COMPANY_REPRESENTATIVE]
)
def test_other_roles_cannot_moderate(client, thread, role):
    client.force_login(make_member(role=role))
    for method, url in moderation_urls(thread):
        data = {"reason": "test", "action": "las", "days": 7}
        response = getattr(client, method)(url, data)
        assert response.status_code == 403, url
        assert "bara för forumets moderatorer" in response.content.decode()
    thread.refresh_from_db()
    assert not thread.is_locked
    assert thread.posts.filter(status=Status.HIDDEN).count() == 0
    assert not Suspension.objects.exists() and not ModerationLogEntry.objects.exists()


def test_anonymous_is_sent_to_login(client, thread):
    for method, url in moderation_urls(thread):
        response = getattr(client, method)(url)
        assert response.status_code == 302 and "/konto/logga-in/" in response["Location"]


@pytest.mark.parametrize("role", [Role.MODERATOR, Role.ADMIN])
def test_moderators_and_administrators_see_the_queue(client, role):
    client.force_login(make_member(role=role))
    response = client.get(reverse("forum:moderation"))
    assert response.status_code == 200
    assert "Anmälda inlägg" in response.content.decode()


def test_report_reaches_queue_and_hiding_resolves_it(member_client, mod_client, thread):
    reply = thread.posts.get(is_opening=False)
    response = member_client.post(
        reverse("forum:report_post", args=[reply.pk]),
        {"reason": Report.Reason.PERSONAL_DATA, "message": "Elevens fulla namn står i inlägget"},
    )
    assert response.status_code == 302
    # Reporting twice updates the first report instead of piling up.
    member_client.post(
        reverse("forum:report_post", args=[reply.pk]), {"reason": Report.Reason.OFFENSIVE}
    )
    assert Report.objects.count() == 1

    queue = mod_client.get(reverse("forum:moderation")).content.decode()
    assert "Praoplatser i Göteborg" in queue and "Kränkande eller olämpligt" in queue

    url = reverse("forum:moderation_post", args=[reply.pk, "dolj"])
    refused = mod_client.post(url, {"reason": ""})
    assert refused.status_code == 400 and "Skriv en anledning" in refused.content.decode()
    mod_client.post(url, {"reason": "Personuppgifter om elev"})
    reply.refresh_from_db()
    assert reply.status == Status.HIDDEN
    assert Report.objects.get().resolved_by == mod_client.user
    assert "Inga öppna anmälningar" in mod_client.get(reverse("forum:moderation")).content.decode()
    # Others no longer see it; the moderator still does, marked.
    assert "Svar nummer 1" not in member_client.get(thread.get_absolute_url()).content.decode()
    assert "Dold av moderator" in mod_client.get(thread.get_absolute_url()).content.decode()

    mod_client.post(reverse("forum:moderation_post", args=[reply.pk, "aterstall"]), {})
    reply.refresh_from_db()
    assert reply.status == Status.PUBLISHED
    log = list(ModerationLogEntry.objects.order_by("pk").values_list("action", "reason"))
    assert log == [
        (ModerationAction.HIDE_POST, "Personuppgifter om elev"),
        (ModerationAction.RESTORE_POST, ""),
    ]


def test_own_posts_cannot_be_reported(member_client, public_category):
    own = make_thread(category=public_category, author=member_client.user).posts.get()
    assert member_client.get(reverse("forum:report_post", args=[own.pk])).status_code == 403


def test_lock_pin_move_and_hide_thread(mod_client, member_client, thread):
    tools = reverse("forum:moderation_thread", args=[thread.pk])
    mod_client.post(tools, {"action": "las", "reason": "Frågan är besvarad"})
    mod_client.post(tools, {"action": "fast"})
    thread.refresh_from_db()
    assert thread.is_locked and thread.is_pinned

    other = CategoryFactory(name="Arbetsmarknad och prognoser", slug="arbetsmarknad")
    mod_client.post(tools, {"action": "flytta", "category": other.pk, "reason": "Passar bättre"})
    thread.refresh_from_db()
    assert thread.category == other
    assert thread in Thread.objects.filter(category=other)

    refused = mod_client.post(tools, {"action": "dolj", "reason": ""})
    assert refused.status_code == 400
    mod_client.post(tools, {"action": "dolj", "reason": "Spam"})
    thread.refresh_from_db()
    assert thread.status == Status.HIDDEN
    assert member_client.get(thread.get_absolute_url()).status_code == 404

    entries = ModerationLogEntry.objects.order_by("pk")
    assert [e.action for e in entries] == ["lock", "pin", "move", "hide_thread"]
    assert entries[2].details == "Gymnasievalet → Arbetsmarknad och prognoser"
    assert all(e.moderator == mod_client.user for e in entries)
    log = mod_client.get(reverse("forum:moderation_log")).content.decode()
    assert "Låste tråd" in log and "Frågan är besvarad" in log and "Flyttade tråd" in log


def test_suspended_member_can_read_but_not_post(
    mod_client, client, thread, django_capture_on_commit_callbacks
):
    offender = make_member(first_name="Kalle")
    make_post(thread=thread, author=offender, body="Otrevligt")
    url = reverse("forum:moderation_user", args=[offender.pk])
    with django_capture_on_commit_callbacks(execute=True):
        mod_client.post(url, {"days": 7, "reason": "Upprepade personangrepp"})
    suspension = Suspension.objects.get(user=offender)
    assert (suspension.ends_at - suspension.starts_at).days == 7
    assert mail.outbox[-1].to == [offender.email]
    assert "Upprepade personangrepp" in mail.outbox[-1].body

    client.force_login(offender)
    page = client.get(thread.get_absolute_url())
    assert page.status_code == 200 and "avstängd" in page.content.decode()
    response = client.post(reverse("forum:reply", args=[thread.pk]), {"body": "Hej igen"})
    assert response.status_code == 403
    assert "Upprepade personangrepp" in response.content.decode()
    assert "Hej igen" in response.content.decode()  # the text is kept in the form

    mod_client.post(reverse("forum:moderation_lift", args=[suspension.pk]))
    response = client.post(reverse("forum:reply", args=[thread.pk]), {"body": "Förlåt"})
    assert response.status_code == 302


def test_moderators_cannot_be_suspended(mod_client):
    other_moderator = make_member(role=Role.MODERATOR)
    response = mod_client.post(
        reverse("forum:moderation_user", args=[other_moderator.pk]), {"days": 1, "reason": "x"}
    )
    assert response.status_code == 400
    assert "kan inte stängas av" in response.content.decode()
    assert not Suspension.objects.exists()


def test_next_parameter_cannot_redirect_off_site(mod_client, thread):
    reply = thread.posts.get(is_opening=False)
    response = mod_client.post(
        reverse("forum:moderation_post", args=[reply.pk, "dolj"]),
        {"reason": "Spam", "next": "https://evil.example/"},
    )
    assert response["Location"] == reverse("forum:moderation")


def test_unknown_action_is_404(mod_client, thread):
    reply = thread.posts.get(is_opening=False)
    url = reverse("forum:moderation_post", args=[reply.pk, "radera-allt"])
    assert mod_client.post(url).status_code == 404


class TestApproval:
    @pytest.fixture(autouse=True)
    def _threshold(self, settings):
        settings.FORUM_APPROVAL_THRESHOLD = 2

    def test_new_members_first_posts_wait_then_publish_directly(
        self, member_client, mod_client, public_category
    ):
        anonymous = Client()
        member_client.post(
            reverse("forum:new_thread", args=[public_category.slug]),
            {"title": "Min första tråd", "body": "Hej alla vägledare!"},
        )
        thread = Thread.objects.get()
        assert thread.status == Status.PENDING
        # Invisible to others, visible to the author with a notice.
        assert anonymous.get(thread.get_absolute_url()).status_code == 404
        own = member_client.get(thread.get_absolute_url()).content.decode()
        assert "Väntar på granskning" in own
        queue = mod_client.get(reverse("forum:moderation")).content.decode()
        assert "Min första tråd" in queue

        opening = thread.posts.get()
        mod_client.post(reverse("forum:moderation_post", args=[opening.pk, "godkann"]))
        thread.refresh_from_db()
        assert thread.status == Status.PUBLISHED
        assert anonymous.get(thread.get_absolute_url()).status_code == 200

        member_client.post(reverse("forum:reply", args=[thread.pk]), {"body": "Andra inlägget"})
        second = thread.posts.latest("pk")
        assert second.status == Status.PENDING
        mod_client.post(reverse("forum:moderation_post", args=[second.pk, "godkann"]))

        member_client.post(reverse("forum:reply", args=[thread.pk]), {"body": "Tredje"})
        assert thread.posts.latest("pk").status == Status.PUBLISHED  # two approved: trusted now

    def test_rejected_post_stays_hidden_and_author_is_told(
        self, member_client, mod_client, thread, django_capture_on_commit_callbacks
    ):
        member_client.post(reverse("forum:reply", args=[thread.pk]), {"body": "Köp billigt!"})
        post = thread.posts.latest("pk")
        url = reverse("forum:moderation_post", args=[post.pk, "avsla"])
        with django_capture_on_commit_callbacks(execute=True):
            mod_client.post(url, {"reason": "Reklam hör inte hemma här"})
        post.refresh_from_db()
        assert post.status == Status.HIDDEN and post.approved_at is None
        assert "Reklam hör inte hemma här" in mail.outbox[-1].body

    def test_moderators_are_never_held(self, mod_client, thread):
        mod_client.post(reverse("forum:reply", args=[thread.pk]), {"body": "Välkomna!"})
        assert thread.posts.latest("pk").status == Status.PUBLISHED
