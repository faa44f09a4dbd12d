"""Search without the engine: answered from the database mirror, with a visible notice."""

import socket
import threading
from dataclasses import replace

import pytest
from elasticsearch_dsl import Integer

from search import registry
from search.services import GeoFilter, more_like_this, search, suggest
from tests.factories import CompanyFactory, OrganisationFactory, make_member, municipality
from tests.search.conftest import (
    ORG_TYPE,
    OrganisationDocument,
    organisation_document,
    organisation_type,
    publish_page,
)


@pytest.fixture
def organisations(db, org_type):
    made = {
        "gbg": OrganisationFactory(
            name="Hvitfeldtska gymnasiet", municipality=municipality("1480")
        ),
        "kba": OrganisationFactory(name="Aranäsgymnasiet", municipality=municipality("1384")),
        "sthlm": OrganisationFactory(
            name="Södra Latins gymnasium", municipality=municipality("0180")
        ),
        "company": CompanyFactory(name="Gymnasiebygg AB", municipality=municipality("1480")),
        "hidden": OrganisationFactory(name="Ej godkänt gymnasium", is_approved=False),
    }
    return {key: str(org.pk) for key, org in made.items()}


def ids(result):
    return {hit.id for hit in result.hits}


def test_without_engine_the_database_answers_with_a_notice(organisations):
    result = search(query="gymnasiet", types=[ORG_TYPE])
    assert not result.engine_used
    assert "databasen" in result.notice
    assert organisations["gbg"] in ids(result)


def test_fallback_matches_without_swedish_letters_and_inside_compounds(organisations):
    assert organisations["sthlm"] in ids(search(query="sodra latins", types=[ORG_TYPE]))
    assert organisations["kba"] in ids(search(query="gymnasiet", types=[ORG_TYPE]))


def test_fallback_applies_synonyms(db):
    page = publish_page("Arbetsplatsförlagt lärande", intro="Så ordnar du platserna.")
    assert str(page.pk) in ids(search(query="APL"))


def test_fallback_facets_filters_and_visibility(organisations):
    result = search(query="", types=[ORG_TYPE], filters={"county": ["14"]})
    assert ids(result) == {organisations["gbg"], organisations["company"]}
    counties = {v.value: v.count for f in result.facets if f.field == "county" for v in f.values}
    assert counties == {"14": 2, "13": 1, "01": 1}  # other counties stay choosable
    kinds = {v.label: v.count for f in result.facets if f.field == "kind" for v in f.values}
    assert kinds == {"Skola": 1, "Företag": 1}
    assert organisations["hidden"] not in ids(search(query="gymnasium", types=[ORG_TYPE]))
    member = make_member()
    assert organisations["hidden"] in ids(search(query="gymnasium", types=[ORG_TYPE], user=member))


def test_fallback_distance_filter(organisations):
    near_gothenburg = GeoFilter(lat=57.7072, lon=11.9668, km=50)
    result = search(query="", types=[ORG_TYPE], geo=near_gothenburg, sort="distance")
    assert [hit.id for hit in result.hits][-1] == organisations["kba"]
    assert organisations["sthlm"] not in ids(result)


def test_fallback_snippet_marks_the_words_and_escapes_html(db):
    publish_page("Betyg", body="Med betyg < E blir det svårt. Läs om behörighet här.")
    hit = search(query="behorighet").hits[0]
    assert "<mark>behörighet</mark>" in hit.snippet
    assert "&lt; E" in hit.snippet


def test_fallback_pagination_and_suggestions(organisations):
    result = search(query="", types=[ORG_TYPE], per_page=2, page=50)
    assert result.page == 2 and len(result.hits) == 2
    assert suggest(prefix="hvit") == ["Hvitfeldtska gymnasiet"]
    assert suggest(prefix="latin") == ["Södra Latins gymnasium"]
    assert "Ej godkänt gymnasium" not in suggest(prefix="ej")


def test_fallback_more_like_this_shares_audience(organisations):
    similar = {hit.id for hit in more_like_this(doc_type=ORG_TYPE, object_id=organisations["gbg"])}
    assert organisations["kba"] in similar
    assert organisations["company"] not in similar  # no audience in common
    assert organisations["hidden"] not in similar


@pytest.fixture
def unresponsive_engine():
    """A port that accepts connections and never answers (a hung engine)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(50)
    accepted = []
    stop = threading.Event()

    def accept():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}"
    stop.set()
    thread.join()
    for connection in accepted:
        connection.close()
    server.close()


@pytest.mark.parametrize("kind", ["refused", "hung"])
def test_unreachable_engine_falls_back_with_a_notice(
    organisations, settings, unresponsive_engine, kind
):
    url = "http://127.0.0.1:9" if kind == "refused" else unresponsive_engine
    settings.SEARCH = {**settings.SEARCH, "URL": url, "TIMEOUT": 0.5}
    result = search(query="gymnasiet", types=[ORG_TYPE])
    assert not result.engine_used
    assert "svarar inte" in result.notice
    assert organisations["gbg"] in ids(result)
    assert suggest(prefix="hvit") == ["Hvitfeldtska gymnasiet"]


class _RankedDocument(OrganisationDocument):
    rank = Integer()


RANKS = {"Tvåan": 2, "Nian": 9, "Tian": 10, "Utan rang": None}


@pytest.fixture
def ranked_type(db):
    """The organisation type with a numeric sort field that some documents lack."""

    def to_document(organisation):
        return {**organisation_document(organisation), "rank": RANKS[organisation.name]}

    search_type = registry.register(
        replace(
            organisation_type(),
            document=_RankedDocument,
            to_document=to_document,
            sortable=("rank",),
        )
    )
    yield search_type
    registry.unregister(ORG_TYPE)


def test_fallback_sorts_numbers_as_numbers_and_missing_values_last(ranked_type):
    """Like the engine: 10 comes after 9 (not before, as text would), and a document without
    the value comes last in both directions, on SQLite and PostgreSQL alike."""
    for name in RANKS:
        OrganisationFactory(name=name)
    ascending = [hit.title for hit in search(types=[ORG_TYPE], sort="rank").hits]
    descending = [hit.title for hit in search(types=[ORG_TYPE], sort="-rank").hits]
    assert ascending == ["Tvåan", "Nian", "Tian", "Utan rang"]
    assert descending == ["Tian", "Nian", "Tvåan", "Utan rang"]


@pytest.mark.parametrize(
    "query",
    [
        "hur förbereder man prao",
        "val av gymnasiet",
        "gymnasium",
        "vad ar prao",
        "prao for eleverna",
    ],
)
def test_fallback_skips_stop_words_and_finds_other_forms(db, query):
    page = publish_page(
        "Prao och val av gymnasium", intro="Så förbereder eleverna sin prao inför gymnasievalet."
    )
    result = search(query=query)
    assert not result.engine_used and not result.relaxed
    assert str(page.pk) in ids(result)


def test_fallback_shows_most_words_when_no_document_has_all(db, client):
    page = publish_page("Prao i årskurs 8", intro="Planering av praktiken.")
    publish_page("Tillgänglighetsredogörelse", intro="Om webbplatsen.")
    result = search(query="prao planering flygplansmekaniker")
    assert result.relaxed and ids(result) == {str(page.pk)}
    assert "Visar träffar som innehåller några av orden" in client.get(
        "/sok/", {"q": "prao planering flygplansmekaniker"}
    ).content.decode("utf-8")
    assert search(query="flygplansmekaniker zeppelinare").total == 0
