"""Each cause of a missed search, fixed in the analysis chain, against the real engine. Every
test runs over several words, so it proves the rule rather than one query string."""

import pytest

from search.services import search
from tests.factories import OrganisationFactory
from tests.search.conftest import publish_page

pytestmark = pytest.mark.search


def found(query: str) -> set[str]:
    result = search(query=query)
    assert result.engine_used, result.notice
    return {hit.id for hit in result.hits}


def strictly_found(query: str) -> set[str]:
    """Found with every word (not by the "most words" fallback)."""
    result = search(query=query)
    assert result.engine_used, result.notice
    assert not result.relaxed, f"{query!r} needed the relaxed search"
    return {hit.id for hit in result.hits}


# Latin neuters: the light stemmer cut "-iet"/"-ier"/"-ie-" but left "-ium"/"-eum" whole.
@pytest.mark.parametrize(
    ("title", "queries"),
    [
        ("Inför gymnasiet", ["gymnasium", "gymnasier", "gymnasiets"]),
        ("Gymnasieskolans program", ["gymnasium", "gymnasiet"]),
        ("Kriterier för bedömningen", ["kriterium", "kriteriet"]),
        ("Studiebesök på museet", ["museum", "museer"]),
        ("Stipendiet för sommarjobb", ["stipendium", "stipendier"]),
    ],
)
def test_latin_neuter_forms_find_each_other(search_engine, title, queries):
    page = str(publish_page(title, intro="Information till elever.").pk)
    for query in queries:
        assert page in strictly_found(query), query


# The stemmer keeps a final double consonant in some forms only ("programmet" → "programm").
@pytest.mark.parametrize(
    ("title", "queries"),
    [
        ("Ekonomiprogrammet", ["ekonomiprogram"]),
        ("Om programmen", ["program"]),
        ("Stoppet i antagningen", ["stopp"]),
    ],
)
def test_double_consonant_stems_meet(search_engine, title, queries):
    page = str(publish_page(title, intro="Information till elever.").pk)
    for query in queries:
        assert page in strictly_found(query), query


# Folding in every analysis the query reaches: a folded word together with a compound half.
@pytest.mark.parametrize(
    ("title", "query"),
    [
        ("Vård- och omsorgsprogrammet", "vard och omsorg"),
        ("Yrkesvägledning på högstadiet", "vagledning hogstadiet"),
        ("Sjuksköterskor på vårdcentralen", "vard sjukskoterska"),
    ],
)
def test_folded_words_match_together_with_compound_parts(search_engine, title, query):
    page = str(publish_page(title, intro="Information om utbildningen.").pk)
    assert page in strictly_found(query)


# Stop words, written or typed without å/ä/ö, never have to be found in a field, also when the
# query reaches types with more fields (programmes carry "occupations", occupations
# "programmes") than the page type.
@pytest.mark.parametrize(
    "query",
    [
        "val av gymnasium",
        "hur förbereder man prao",
        "hur forbereder man prao",
        "vad ar prao",
        "prao for eleverna",
        "när är prao",
    ],
)
def test_stop_words_do_not_have_to_match(search_engine, query):
    page = str(
        publish_page(
            "Prao och val av gymnasium",
            intro="Så förbereder eleverna sin prao inför gymnasievalet.",
        ).pk
    )
    assert page in strictly_found(query)


def test_most_words_when_no_document_has_all(search_engine, client):
    prao = str(publish_page("Prao i årskurs 8", intro="Planering av praktiken.").pk)
    other = str(publish_page("Tillgänglighetsredogörelse", intro="Om webbplatsen.").pk)
    result = search(query="prao flygplansmekaniker")
    assert result.relaxed and {hit.id for hit in result.hits} == {prao}
    assert not search(query="prao planering").relaxed  # every word found: all words required
    assert other not in found("prao planering")
    page = client.get("/sok/", {"q": "prao flygplansmekaniker"}).text
    assert "Visar träffar som innehåller några av orden" in page
    assert (
        "Visar träffar som innehåller några av orden"
        not in client.get("/sok/", {"q": "prao planering"}).text
    )


def test_nothing_at_all_stays_empty(search_engine):
    publish_page("Prao i årskurs 8", intro="Planering av praktiken.")
    result = search(query="zeppelinare xylofon")
    assert result.total == 0 and not result.relaxed


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("yrkesvagldning", "yrkesvägledning"),  # typed without ä, and a letter missing
        ("omsorgsprogramet", "omsorgsprogrammet"),
        ("gymnasievalt", "gymnasievalet"),
    ],
)
def test_did_you_mean_offers_the_written_form(search_engine, query, expected):
    publish_page(
        "Yrkesvägledning inför gymnasievalet",
        intro="Om omsorgsprogrammet och andra program.",
    )
    for number in range(3):  # the term suggester needs more than one document to weigh words
        publish_page(f"Tillgänglighet {number}", intro="Om webbplatsen och tillgängligheten.")
    assert search(query=query).suggestion == expected


@pytest.mark.parametrize("query", ["vard och omsorg", "yrkesvagledning", "forskola"])
def test_no_did_you_mean_for_words_typed_without_swedish_letters(org_type, search_engine, query):
    publish_page("Vård och omsorg", intro="Yrkesvägledning om förskola och omsorg.")
    # Another index holds near words but not these: it must not "correct" them.
    OrganisationFactory(name="Vara folkhögskola för yrkesvägledare och förskolor")
    result = search(query=query)
    assert result.total >= 1
    assert result.suggestion is None
