"""Swedish matching against the real engine: folding, compounds, synonyms, inflections."""

import pytest

from search.services import search
from tests.search.conftest import publish_page

pytestmark = pytest.mark.search


@pytest.fixture
def corpus(search_engine):
    pages = {
        "yrkes": publish_page("Yrkesvägledning i grundskolan", intro="Så planerar skolan arbetet."),
        "studie": publish_page("Studievägledare berättar", intro="En dag på jobbet."),
        "syv": publish_page("Studie- och yrkesvägledare i kommunen", intro="Uppdraget i korthet."),
        "apl": publish_page("Arbetsplatsförlagt lärande", intro="Så ordnar du platser."),
        "prao": publish_page("Praktisk arbetslivsorientering i årskurs 8", intro="Planering."),
        "yh": publish_page("Yrkeshögskolan efter gymnasiet", intro="Korta utbildningar."),
        "lia": publish_page("Lärande i arbete under utbildningen", intro="Praktikdelen."),
        "praktik": publish_page("Praktiken för eleverna", intro="Om praktik."),
        "other": publish_page(
            "Tillgänglighetsredogörelse", intro="Om webbplatsens tillgänglighet."
        ),
    }
    return {key: str(page.pk) for key, page in pages.items()}


def found(query: str) -> set[str]:
    result = search(query=query)
    assert result.engine_used, result.notice
    return {hit.id for hit in result.hits}


def test_folded_spelling_finds_swedish_letters(corpus):
    assert corpus["yrkes"] in found("yrkesvagledning")
    assert corpus["other"] in found("tillganglighetsredogorelse")


def test_compound_part_finds_compounds(corpus):
    hits = found("vägledning")
    assert {corpus["yrkes"], corpus["studie"]} <= hits
    assert corpus["other"] not in hits


@pytest.mark.parametrize(
    ("abbreviation", "key"),
    [("SYV", "syv"), ("APL", "apl"), ("PRAO", "prao"), ("YH", "yh"), ("LIA", "lia")],
)
def test_abbreviation_finds_written_out_term(corpus, abbreviation, key):
    assert corpus[key] in found(abbreviation)
    assert corpus[key] in found(abbreviation.lower())


def test_written_out_term_finds_abbreviated_text(search_engine):
    page = publish_page(
        "APL-samordnarens checklista", intro="Inför APL på vård- och omsorgsprogrammet."
    )
    assert str(page.pk) in found("arbetsplatsförlagt lärande")


def test_inflected_forms_find_each_other(corpus):
    assert corpus["praktik"] in found("praktik")
    assert corpus["praktik"] in found("eleverna")
    assert corpus["praktik"] in found("elever")


def test_documents_with_all_words_come_first(corpus):
    # One document has both words: it comes first, then those with most of them, marked.
    both = search(query="yrkesvägledning grundskolan")
    assert both.hits[0].id == corpus["yrkes"]
    assert both.relaxed and both.exact_total == 1
    # No document has both: those with most of the words, marked as such.
    relaxed = search(query="yrkesvägledning tillgänglighet")
    assert relaxed.relaxed
    assert {hit.id for hit in relaxed.hits} >= {corpus["yrkes"], corpus["other"]}
