"""The method bank on the real search engine (OpenSearch at SEARCH_URL)."""

import pytest
from django.test import Client, TestCase
from django.urls import reverse
from wagtail.models import TaskState

from methods.models import MethodPage, MethodSubmission
from methods.services.feedback import rate_method, set_used
from search.services import search

from .conftest import submission_data
from .factories import make_method

pytestmark = [pytest.mark.django_db, pytest.mark.search]


def _listing(client: Client, query: str):
    response = client.get(f"/metoder/?{query}")
    assert response.status_code == 200
    return response


def _titles(response) -> list[str]:
    return [method.title for method in response.context["methods"]]


@pytest.fixture
def bank(search_engine):
    methods = {
        "interview": make_method(
            title="Yrkesintervju",
            summary="Eleverna intervjuar en yrkesverksam vuxen om vägen till yrket.",
            target_groups=("grundskola-7-9", "gymnasieskola"),
            formats=("individuellt", "grupp"),
            themes=("arbetsmarknadskunskap",),
            duration="flera",
            published_days_ago=5,
        ),
        "gymnasium": make_method(
            title="Gymnasievalet steg för steg",
            summary="En lektionsserie i årskurs 9 om program, behörighet och antagning.",
            target_groups=("grundskola-7-9",),
            formats=("klass",),
            themes=("utbildnings-och-yrkesval", "beslut-och-planering"),
            duration="flera",
            published_days_ago=3,
        ),
        "lifeline": make_method(
            title="Livslinjen",
            summary="Deltagaren ritar sitt liv som en linje med toppar och dalar.",
            target_groups=("vuxenutbildning",),
            formats=("individuellt",),
            themes=("sjalvkannedom",),
            duration="lektion",
            published_days_ago=4,
        ),
        "bingo": make_method(
            title="Normkritisk yrkesbingo",
            summary="En bingobricka med yrken utmanar bilden av vem som kan ha vilket jobb.",
            target_groups=("grundskola-f-6", "grundskola-7-9"),
            formats=("klass",),
            themes=("normkritik-och-jamstalldhet", "arbetsmarknadskunskap"),
            duration="kort",
            published_days_ago=1,
        ),
    }
    search_engine.drain()
    return methods


def test_published_methods_are_indexed_and_drafts_are_not(bank, search_engine):
    make_method(title="Utkast som inte syns", live=False)
    search_engine.drain()
    expected = {str(page.pk) for page in bank.values()}
    assert search_engine.ids("method") == expected
    bank["bingo"].unpublish()
    search_engine.drain()
    assert str(bank["bingo"].pk) not in search_engine.ids("method")


def test_filters_in_combination_through_the_engine(bank):
    client = Client()
    response = _listing(client, "malgrupp=grundskola-7-9&tema=arbetsmarknadskunskap")
    assert response.context["engine_used"] is True
    assert set(_titles(response)) == {"Yrkesintervju", "Normkritisk yrkesbingo"}
    response = _listing(client, "malgrupp=grundskola-7-9&tema=arbetsmarknadskunskap&tid=kort")
    assert _titles(response) == ["Normkritisk yrkesbingo"]
    response = _listing(client, "format=individuellt&format=klass&malgrupp=vuxenutbildning")
    assert _titles(response) == ["Livslinjen"]
    # Facet counts ignore their own dimension, as in the database copy.
    dimensions = {d["param"]: d for d in response.context["dimensions"]}
    counts = {o["value"]: o["count"] for o in dimensions["malgrupp"]["options"]}
    # Would "grundskola-7-9" instead of "vuxenutbildning" find individual or class methods? Three.
    assert (counts["vuxenutbildning"], counts["grundskola-7-9"], counts["gymnasieskola"]) == (
        1,
        3,
        1,
    )


def test_engine_and_database_agree(bank, settings):
    queries = [
        "malgrupp=grundskola-7-9",
        "malgrupp=grundskola-7-9&format=klass",
        "tema=arbetsmarknadskunskap&tid=flera",
        "sort=newest",
    ]
    client = Client()
    engine_results = {q: _titles(_listing(client, q)) for q in queries}
    settings.SEARCH = {**settings.SEARCH, "URL": ""}
    database_results = {q: _titles(_listing(client, q)) for q in queries}
    assert engine_results == database_results
    assert engine_results["sort=newest"][0] == "Normkritisk yrkesbingo"


def test_swedish_word_forms_find_the_gymnasium_method(bank):
    response = _listing(Client(), "q=gymnasieval")
    assert response.context["engine_used"] is True
    assert _titles(response)[0] == "Gymnasievalet steg för steg"


def test_ratings_and_uses_reach_the_engine_sorts(bank, member, other_member):
    with TestCase.captureOnCommitCallbacks(execute=True):
        rate_method(user=member, method=bank["lifeline"], score=5)
        rate_method(user=member, method=bank["interview"], score=3)
        set_used(user=member, method=bank["interview"])
        set_used(user=other_member, method=bank["interview"])
    client = Client()
    best = _listing(client, "sort=best_rated")
    assert best.context["engine_used"] is True
    assert _titles(best)[:2] == ["Livslinjen", "Yrkesintervju"]
    assert _titles(_listing(client, "sort=most_used"))[0] == "Yrkesintervju"


def test_submission_moderation_publish_then_searchable(search_engine, member, editor):
    submitter, reviewer = Client(), Client()
    submitter.force_login(member)
    reviewer.force_login(editor)
    with TestCase.captureOnCommitCallbacks(execute=True):
        submitter.post("/metoder/bidra/", submission_data())
    search_engine.drain()
    assert search(query="yrkeslotteriet", types=["method"]).total == 0

    page = MethodSubmission.objects.get().page
    task_state = TaskState.objects.get(workflow_state__object_id=str(page.pk))
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert reviewer.post(url, {"comment": ""}).status_code == 302
    assert MethodPage.objects.get(pk=page.pk).live
    search_engine.drain()

    result = search(query="yrkeslotteriet", types=["method"])
    assert result.engine_used and [hit.title for hit in result.hits] == ["Yrkeslotteriet"]
    unified = Client().get("/sok/?q=yrkeslotteriet").content.decode()
    assert "Yrkeslotteriet" in unified
    assert _titles(_listing(Client(), "q=yrkeslotteriet")) == ["Yrkeslotteriet"]


def test_related_methods_come_from_more_like_this(bank):
    twin = make_method(
        title="Yrkesintervju med föräldrar",
        summary="Eleverna intervjuar en förälder om vägen till yrket och arbetsdagen.",
        themes=("arbetsmarknadskunskap",),
    )
    response = Client().get(bank["interview"].url)
    related = [method.title for method in response.context["related_methods"]]
    assert related[0] == twin.title
    assert bank["interview"].title not in related
    assert twin.title in response.content.decode().split('id="related-title"')[1]


def test_methods_show_in_the_unified_search_with_their_facets(bank):
    result = search(query="", types=["method"], filters={"method_theme": ["sjalvkannedom"]})
    assert [hit.title for hit in result.hits] == ["Livslinjen"]
    themes = next(f for f in result.facets if f.field == "method_theme")
    labels = {value.value: value.label for value in themes.values}
    assert labels["sjalvkannedom"] == "Självkännedom"
