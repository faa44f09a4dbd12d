"""Rating, "Jag har använt metoden" and moderated comments, as members see them."""

import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from methods.models import MethodComment, MethodPage, MethodRating, MethodUse
from methods.services.feedback import rate_method, set_used
from tests.factories import UserFactory, make_member

from .factories import make_method

pytestmark = pytest.mark.django_db


def _reload(page) -> MethodPage:
    return MethodPage.objects.get(pk=page.pk)


def _logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_rating_is_saved_changed_and_averaged(member_client, other_member):
    page = make_method()
    response = member_client.post(f"{page.url}betyg/", {"score": "4"})
    assert response.status_code == 302
    assert "Tack! Ditt betyg är sparat." in member_client.get(page.url).content.decode()
    member_client.post(f"{page.url}betyg/", {"score": "2"})  # changes the same rating
    _logged_in(other_member).post(f"{page.url}betyg/", {"score": "5"})
    assert MethodRating.objects.filter(method=page).count() == 2
    page = _reload(page)
    assert (page.rating_count, page.rating_average) == (2, 3.5)
    html = member_client.get(page.url).content.decode()
    assert "3,5 av 5 (2 betyg)" in html
    assert re.search(r'<input type="radio" name="score" value="2"[^>]*checked', html)


@pytest.mark.parametrize("bad", ["0", "6", "abc", "", "4.5", "-1"])
def test_ratings_outside_one_to_five_are_refused(member_client, bad):
    page = make_method()
    response = member_client.post(f"{page.url}betyg/", {"score": bad})
    assert response.status_code == 400
    assert "Välj ett betyg från 1 till 5." in response.content.decode()
    assert not MethodRating.objects.exists()
    assert _reload(page).rating_count == 0


def test_service_refuses_bad_scores_and_non_members(member):
    page = make_method()
    for bad in (0, 6, "abc", None):
        with pytest.raises(ValidationError):
            rate_method(user=member, method=page, score=bad)
    with pytest.raises(PermissionDenied):
        rate_method(user=UserFactory(), method=page, score=3)  # no role: not a member


def test_database_refuses_a_second_rating_row_and_out_of_range_scores(member):
    from django.db import IntegrityError, transaction

    page = make_method()
    MethodRating.objects.create(method=page, user=member, score=3)
    with pytest.raises(IntegrityError), transaction.atomic():
        MethodRating.objects.create(method=page, user=member, score=4)
    with pytest.raises(IntegrityError), transaction.atomic():
        MethodRating.objects.create(method=page, user=make_member(), score=9)


def test_used_counts_once_per_member_and_can_be_undone(member_client, member, other_member):
    page = make_method()
    member_client.post(f"{page.url}anvant/", {"used": "1"})
    member_client.post(f"{page.url}anvant/", {"used": "1"})
    set_used(user=other_member, method=page)
    assert MethodUse.objects.filter(method=page).count() == 2
    assert _reload(page).use_count == 2
    assert "Ta bort min markering" in member_client.get(page.url).content.decode()
    member_client.post(f"{page.url}anvant/", {"used": "0"})
    assert _reload(page).use_count == 1
    assert not MethodUse.objects.filter(method=page, user=member).exists()


def test_counters_survive_publishing_a_new_revision(member):
    page = make_method()
    set_used(user=member, method=page)
    rate_method(user=member, method=page, score=5)
    page = _reload(page)
    page.summary = "Ny sammanfattning"
    page.save_revision().publish()
    page = _reload(page)
    assert (page.use_count, page.rating_count, page.rating_average) == (1, 1, 5.0)


def test_comment_waits_for_moderation_then_shows(member_client, member, editor):
    page = make_method()
    response = member_client.post(f"{page.url}kommentera/", {"text": "Fungerade fint i åk 8!"})
    assert response.status_code == 302
    comment = MethodComment.objects.get()
    assert comment.status == MethodComment.Status.PENDING
    assert "Fungerade fint" not in Client().get(page.url).content.decode()
    assert "väntar på granskning" in member_client.get(page.url).content.decode()

    moderator = _logged_in(editor)
    queue = moderator.get("/metoder/kommentarer/granska/").content.decode()
    assert "Fungerade fint i åk 8!" in queue
    moderator.post("/metoder/kommentarer/granska/", {"comment": comment.pk, "decision": "approve"})
    assert "Fungerade fint i åk 8!" in Client().get(page.url).content.decode()
    assert _reload(page).comment_count == 1
    assert "Fungerade fint" not in moderator.get("/metoder/kommentarer/granska/").content.decode()


def test_rejected_comment_never_shows(member_client, editor):
    page = make_method()
    member_client.post(f"{page.url}kommentera/", {"text": "Köp billiga klockor här!"})
    comment = MethodComment.objects.get()
    moderator = _logged_in(editor)
    moderator.post(
        "/metoder/kommentarer/granska/",
        {"comment": comment.pk, "decision": "reject", "note": "Reklam"},
    )
    comment.refresh_from_db()
    assert comment.status == MethodComment.Status.REJECTED and comment.moderation_note == "Reklam"
    assert "klockor" not in Client().get(page.url).content.decode()


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "Skriv en kommentar."), ("x" * 1001, "högst 1000 tecken"), ("ok", "för kort")],
)
def test_bad_comments_get_swedish_errors(member_client, text, message):
    page = make_method()
    response = member_client.post(f"{page.url}kommentera/", {"text": text})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not MethodComment.objects.exists()


def test_best_rated_and_most_used_sorts_follow_feedback(member, other_member):
    popular = make_method(title="Populär metod", published_days_ago=30)
    loved = make_method(title="Älskad metod", published_days_ago=20)
    fresh = make_method(title="Ny metod", published_days_ago=1)
    for user in (member, other_member):
        set_used(user=user, method=popular)
    rate_method(user=member, method=loved, score=5)
    rate_method(user=member, method=popular, score=3)
    client = Client()

    def titles(sort):
        html = client.get(f"/metoder/?sort={sort}").content.decode()
        order = [(html.index(p.title), p.title) for p in (popular, loved, fresh)]
        return [title for _, title in sorted(order)]

    assert titles("newest") == ["Ny metod", "Älskad metod", "Populär metod"]
    assert titles("most_used") == ["Populär metod", "Ny metod", "Älskad metod"]
    assert titles("best_rated") == ["Älskad metod", "Populär metod", "Ny metod"]
