"""/metoder/ without the engine (the search app's database copy answers): combinable filters,
facet counts, sorting, pagination, bad input."""

import pytest
from django.test import Client

from methods import conf
from methods.selectors import parse_filters, search_methods

from .factories import make_method

pytestmark = pytest.mark.django_db
PER_PAGE = conf.get("PER_PAGE")


@pytest.fixture
def bank(settings):
    settings.SEARCH = {**settings.SEARCH, "URL": ""}  # no engine: the database copy answers
    return {
        "interview": make_method(
            title="Yrkesintervju",
            target_groups=("grundskola-7-9", "gymnasieskola"),
            formats=("individuellt", "grupp"),
            themes=("arbetsmarknadskunskap",),
            duration="flera",
        ),
        "lifeline": make_method(
            title="Livslinjen",
            summary="Deltagaren ritar sitt liv som en linje.",
            target_groups=("vuxenutbildning", "langt-fran-arbetsmarknaden"),
            formats=("individuellt",),
            themes=("sjalvkannedom",),
            duration="lektion",
        ),
        "parents": make_method(
            title="Föräldramöte om gymnasievalet",
            summary="Vårdnadshavare får veta hur gymnasievalet går till.",
            target_groups=("grundskola-7-9",),
            formats=("foraldrar",),
            themes=("utbildnings-och-yrkesval",),
            duration="lang",
        ),
        "bingo": make_method(
            title="Normkritisk yrkesbingo",
            target_groups=("grundskola-f-6", "grundskola-7-9"),
            formats=("klass",),
            themes=("normkritik-och-jamstalldhet", "arbetsmarknadskunskap"),
            duration="kort",
        ),
    }


def _titles(query: str) -> set[str]:
    html = Client().get(f"/metoder/?{query}").content.decode()
    titles = {
        "Yrkesintervju",
        "Livslinjen",
        "Föräldramöte om gymnasievalet",
        "Normkritisk yrkesbingo",
    }
    return {title for title in titles if f">{title}</a>" in html}


def test_filters_combine_or_within_and_across_dimensions(bank):
    assert _titles("malgrupp=grundskola-7-9") == {
        "Yrkesintervju",
        "Föräldramöte om gymnasievalet",
        "Normkritisk yrkesbingo",
    }
    assert _titles("malgrupp=grundskola-7-9&tema=arbetsmarknadskunskap") == {
        "Yrkesintervju",
        "Normkritisk yrkesbingo",
    }
    assert _titles("malgrupp=grundskola-7-9&tema=arbetsmarknadskunskap&tid=kort") == {
        "Normkritisk yrkesbingo"
    }
    assert _titles("format=individuellt&format=foraldrar") == {
        "Yrkesintervju",
        "Livslinjen",
        "Föräldramöte om gymnasievalet",
    }
    assert _titles("format=individuellt&malgrupp=vuxenutbildning") == {"Livslinjen"}
    assert _titles("tema=digitala-verktyg") == set()


def test_text_query_combines_with_filters(bank):
    assert _titles("q=gymnasievalet") == {"Föräldramöte om gymnasievalet"}
    assert _titles("q=gymnasievalet&format=klass") == set()


def test_facet_counts_apply_the_other_dimensions(bank):
    response = Client().get("/metoder/?malgrupp=grundskola-7-9")
    counts = {
        dim["param"]: {o["value"]: o["count"] for o in dim["options"] if o["count"]}
        for dim in response.context["dimensions"]
    }
    # Target groups count as if no target group were chosen, so alternatives stay visible.
    assert counts["malgrupp"]["vuxenutbildning"] == 1
    assert counts["tema"] == {
        "arbetsmarknadskunskap": 2,
        "normkritik-och-jamstalldhet": 1,
        "utbildnings-och-yrkesval": 1,
    }
    assert counts["tid"] == {"flera": 1, "lang": 1, "kort": 1}
    label = 'for="filter-tema-arbetsmarknadskunskap">Arbetsmarknadskunskap <span class="method-count">(2<'
    assert label in response.content.decode()


def test_page_shows_counts_and_active_filters(bank):
    html = Client().get("/metoder/?malgrupp=grundskola-7-9&tema=arbetsmarknadskunskap").content
    html = html.decode()
    assert "2 metoder" in html
    assert 'aria-label="Valda filter"' in html
    assert 'name="malgrupp" value="grundskola-7-9" checked' in html


def test_unknown_filter_values_are_ignored_not_errors(bank):
    filters = parse_filters(_query("malgrupp=finns-inte&tid=evig&sort=hackad&page=x"))
    assert filters.target_groups == () and filters.durations == () and filters.sort == "newest"
    assert Client().get("/metoder/?malgrupp=finns-inte&page=x").status_code == 200


def test_pagination(settings):
    settings.SEARCH = {**settings.SEARCH, "URL": ""}
    for number in range(PER_PAGE + 3):
        make_method(title=f"Metod nummer {number:02d}", published_days_ago=number)
    first = Client().get("/metoder/").content.decode()
    assert "Metod nummer 00" in first and f"Metod nummer {PER_PAGE:02d}" not in first
    assert "Sida 1 av 2" in first
    second = Client().get("/metoder/?page=2").content.decode()
    assert f"Metod nummer {PER_PAGE + 2:02d}" in second
    assert "Metod nummer 00" not in second
    assert Client().get("/metoder/?page=999").status_code == 200
    assert Client().get("/metoder/?tema=digitala-verktyg&page=3").status_code == 200  # no hits


def test_drafts_are_never_listed(settings):
    settings.SEARCH = {**settings.SEARCH, "URL": ""}
    make_method(title="Hemligt utkast", live=False)
    assert "Hemligt utkast" not in Client().get("/metoder/").content.decode()
    assert search_methods(filters=parse_filters(_query(""))).page_obj.object_list == []


def _query(text: str):
    from django.http import QueryDict

    return QueryDict(text)


def test_engine_unreachable_falls_back_to_exact_filtering_in_the_database(bank, settings):
    settings.SEARCH = {**settings.SEARCH, "URL": "http://127.0.0.1:9", "TIMEOUT": 0.5}
    response = Client().get("/metoder/?malgrupp=grundskola-7-9&tema=arbetsmarknadskunskap")
    assert response.status_code == 200
    assert response.context["engine_used"] is False
    assert {m.title for m in response.context["methods"]} == {
        "Yrkesintervju",
        "Normkritisk yrkesbingo",
    }


def test_free_text_without_the_engine_says_so(bank, settings):
    settings.SEARCH = {**settings.SEARCH, "URL": "http://127.0.0.1:9", "TIMEOUT": 0.5}
    html = Client().get("/metoder/?q=gymnasievalet").content.decode()
    assert "Sökmotorn svarar inte just nu" in html
    assert "Föräldramöte om gymnasievalet" in html
