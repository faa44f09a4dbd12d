"""Search finds REKAS occupations (with their outlook) and the programmes that lead there."""

from search.services import search


def test_undersköterska_finds_the_occupation_and_vo(search_engine, gothenburg_data):
    from rekas.documents import enqueue_after_import

    enqueue_after_import(programmes=True, occupations=True)
    search_engine.drain()

    result = search(query="undersköterska", types=["rekas_occupation", "rekas_programme"])

    urls = [hit.url for hit in result.hits]
    assert "/rekas/yrke/5321/" in urls
    assert "/rekas/program/VO/" in urls
    occupation = next(hit for hit in result.hits if hit.url == "/rekas/yrke/5321/")
    assert (
        "brist" in str(occupation.snippet or "").lower()
        or "brist" in str(getattr(occupation, "source", {})).lower()
    )


def test_programme_is_found_by_name(search_engine, db):
    from rekas.documents import enqueue_after_import

    enqueue_after_import(programmes=True)
    search_engine.drain()

    result = search(query="teknikprogrammet", types=["rekas_programme"])

    assert result.hits[0].url == "/rekas/program/TE/"
