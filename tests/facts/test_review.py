"""The staff review queue (not reviewed for 18 months, or a dead link) and the link checker,
tested against a real HTTP server on 127.0.0.1."""

from datetime import date, timedelta

import pytest
from django.core.management import call_command

from facts.models import FactPage
from facts.selectors import review_queue
from facts.services.links import check_link
from syvsite.accounts.roles import Role
from tests.factories import make_member
from tests.http_fixtures import local_server  # noqa: F401 - the fixture

from .factories import make_fact

pytestmark = pytest.mark.django_db

TODAY = date(2026, 12, 5)


def test_queue_holds_stale_never_reviewed_and_dead_links(settings):
    fresh = make_fact(
        title="Granskad nyss", slug="nyss", kind="rapport", last_reviewed=TODAY - timedelta(days=30)
    )
    stale = make_fact(
        title="Granskad för länge sedan",
        slug="gammal",
        kind="rapport",
        last_reviewed=date(2024, 12, 1),
    )
    never = make_fact(title="Aldrig granskad", slug="aldrig", kind="rapport")
    dead = make_fact(title="Död länk", slug="dod", kind="rapport", last_reviewed=TODAY)
    FactPage.objects.filter(pk=dead.pk).update(
        link_ok=False, link_status="Servern svarade HTTP 404"
    )
    make_fact(title="Utkast", slug="utkast", kind="rapport", live=False)

    queued = set(review_queue(today=TODAY).values_list("slug", flat=True))
    assert queued == {stale.slug, never.slug, dead.slug}
    assert fresh.slug not in queued

    settings.FACTS_REVIEW_AFTER_MONTHS = 36  # configurable: the 2024 review is recent enough now
    assert set(review_queue(today=TODAY).values_list("slug", flat=True)) == {never.slug, dead.slug}


def test_queue_page_is_for_editors_and_marks_reviewed(client):
    stale = make_fact(
        title="Granskad för länge sedan",
        slug="gammal",
        kind="rapport",
        last_reviewed=date(2020, 1, 1),
    )
    assert client.get("/fakta/granska/").status_code == 302  # to the login page
    client.force_login(make_member())
    assert client.get("/fakta/granska/").status_code == 403
    editor = make_member(role=Role.MODERATOR)
    client.force_login(editor)
    page = client.get("/fakta/granska/").content.decode()
    assert "Granskad för länge sedan" in page and "Senast granskad 2020-01-01" in page

    response = client.post("/fakta/granska/", {"fact": stale.pk}, follow=True)
    assert "är markerad som granskad" in response.content.decode()
    stale.refresh_from_db()
    assert stale.last_reviewed == date.today()
    assert stale.get_latest_revision().user == editor  # the history shows who reviewed it
    assert "Granskad för länge sedan" not in client.get("/fakta/granska/").content.decode()


def test_page_with_unpublished_changes_is_not_marked_from_the_queue(client):
    stale = make_fact(
        title="Halvfärdig", slug="halvfardig", kind="rapport", last_reviewed=date(2020, 1, 1)
    )
    stale.summary = "Ändrad men inte publicerad."
    stale.save_revision()
    client.force_login(make_member(role=Role.MODERATOR))
    response = client.post("/fakta/granska/", {"fact": stale.pk}, follow=True)
    assert "inte är publicerade" in response.content.decode()
    stale.refresh_from_db()
    assert stale.last_reviewed == date(2020, 1, 1)


def test_link_checker_against_a_local_server(local_server, settings):  # noqa: F811
    settings.FACTS_LINK_TIMEOUT = 0.5
    local_server.route("/ok", body=b"<h1>ok</h1>")
    local_server.route("/borta", status=404)
    local_server.route("/slinga", status=302, headers={"Location": "/slinga"})
    local_server.route("/flyttad", status=301, headers={"Location": "/ok"})
    local_server.route("/bara-get", head_status=405, body=b"ok")
    local_server.route("/seg", stall=True)

    assert check_link(local_server.url("/ok")) == (True, "HTTP 200")
    assert check_link(local_server.url("/flyttad")) == (True, "HTTP 200")
    assert check_link(local_server.url("/bara-get")) == (True, "HTTP 200")
    assert check_link(local_server.url("/borta")) == (False, "Servern svarade HTTP 404")
    works, status = check_link(local_server.url("/slinga"))
    assert not works and "omdirigeringar" in status
    works, status = check_link(local_server.url("/seg"))
    assert not works and "Svarade inte inom 0.5 sekunder" in status
    works, status = check_link("http://127.0.0.1:9/")  # nothing listens on the discard port
    assert not works and "gick inte att nå" in status


def test_link_check_command_puts_dead_links_in_the_queue(local_server, settings):  # noqa: F811
    settings.FACTS_LINK_TIMEOUT = 2
    local_server.route("/ok", body=b"ok")
    alive = make_fact(
        title="Levande",
        slug="levande",
        kind="rapport",
        link=local_server.url("/ok"),
        last_reviewed=date.today(),
    )
    dead = make_fact(
        title="Död",
        slug="dod",
        kind="rapport",
        link=local_server.url("/borta"),
        last_reviewed=date.today(),
    )
    before = dead.get_latest_revision().pk
    call_command("check_fact_links")
    alive.refresh_from_db()
    dead.refresh_from_db()
    assert alive.link_ok is True and alive.link_checked_at is not None
    assert dead.link_ok is False and dead.link_status == "Servern svarade HTTP 404"
    assert dead.get_latest_revision().pk == before  # a check is not an edit
    assert list(review_queue().values_list("slug", flat=True)) == ["dod"]
    # Publishing an older revision keeps what the checker found.
    dead.get_latest_revision().publish()
    dead.refresh_from_db()
    assert dead.link_ok is False
