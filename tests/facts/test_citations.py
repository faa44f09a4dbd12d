"""Citation exports, parsed back with each format's own parser: RIS with rispy, BibTeX with
bibtexparser, CSL-JSON with citeproc-py (which also renders it as a reference list)."""

import json

import bibtexparser
import citeproc.source
import pytest
import rispy
from citeproc import Citation as CiteprocCitation
from citeproc import CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON

from facts.citations import Citation, to_bibtex, to_csl_json, to_ris

from .factories import make_fact

pytestmark = pytest.mark.django_db

YATES = {
    "title": "Early Occupational Aspirations and Fractured Transitions: A Study of Entry into 'NEET' Status in the UK",
    "slug": "yates-neet",
    "kind": "forskning",
    "authors": "Yates, Scott\nHarris, Angel\nSabates, Ricardo\nStaff, Jeremy",
    "publisher": "Cambridge University Press",
    "series": "Journal of Social Policy",
    "year": 2010,
    "doi": "10.1017/S0047279410000656",
    "language": "en",
    "summary": "Osäkra yrkesambitioner vid 16 hänger ihop med NEET vid 18.",
}
SOU = {
    "title": "Framtidsval – karriärvägledning för individ och samhälle",
    "slug": "sou-2019-4",
    "kind": "utredning",
    "publisher": "Utbildningsdepartementet",
    "year": 2019,
    "sou_number": "SOU 2019:4",
    "isbn": "978-91-38-24894-2",
    "summary": "Utredningen föreslår framtidsval & karriärvägledning {50 %}.",
}
SKOLLAG = {
    "title": "Skollag (2010:800)",
    "slug": "skollag",
    "kind": "lag",
    "sfs_number": "2010:800",
    "year": 2010,
    "summary": "Skollagen.",
    "publisher": "Utbildningsdepartementet",
}


@pytest.fixture
def entries():
    return [make_fact(**YATES), make_fact(**SOU), make_fact(**SKOLLAG)]


def test_one_entry_as_ris_parses_back(client, entries):
    response = client.get("/fakta/yates-neet/referens.ris")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/x-research-info-systems")
    assert 'filename="yates-neet.ris"' in response["Content-Disposition"]
    [record] = rispy.loads(response.content.decode())
    assert record["type_of_reference"] == "JOUR"
    assert record["title"] == YATES["title"]
    assert record["authors"] == [
        "Yates, Scott",
        "Harris, Angel",
        "Sabates, Ricardo",
        "Staff, Jeremy",
    ]
    assert record["year"] == "2010"
    assert record["doi"] == "10.1017/S0047279410000656"
    assert record["secondary_title"] == "Journal of Social Policy"


def test_filtered_list_as_bibtex_parses_back(client, entries):
    response = client.get("/fakta/export.bib?typ=utredning&typ=lag")
    assert response.status_code == 200
    library = bibtexparser.parse_string(response.content.decode())
    assert library.failed_blocks == []
    by_title = {entry.fields_dict["title"].value: entry for entry in library.entries}
    assert set(by_title) == {SOU["title"], SKOLLAG["title"]}  # the research entry is filtered out
    sou = by_title[SOU["title"]]
    assert sou.entry_type == "techreport"
    assert sou.fields_dict["number"].value == "SOU 2019:4"
    assert sou.fields_dict["isbn"].value == "978-91-38-24894-2"
    # LaTeX's special characters are escaped, so the entry still parses and the text survives.
    assert (
        sou.fields_dict["abstract"].value
        == r"Utredningen föreslår framtidsval \& karriärvägledning \{50 \%\}."
    )
    assert by_title[SKOLLAG["title"]].fields_dict["number"].value == "SFS 2010:800"


def test_list_as_csl_json_is_valid_csl_and_renders(client, entries):
    response = client.get("/fakta/export.json")
    assert response.status_code == 200
    items = json.loads(response.content)
    assert {item["type"] for item in items} == {"article-journal", "report", "legislation"}
    known = set(citeproc.source.VARIABLES) | {"id", "type"}
    for item in items:
        assert {key.replace("-", "_") for key in item} <= known, item
    yates = next(item for item in items if item["type"] == "article-journal")
    assert yates["author"][0] == {"family": "Yates", "given": "Scott"}
    assert yates["issued"] == {"date-parts": [[2010]]}
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    for item in items:
        bibliography.register(CiteprocCitation([CitationItem(item["id"])]))
    rendered = [str(line) for line in bibliography.bibliography()]
    assert any("Yates, S." in line and "Journal of Social Policy" in line for line in rendered)
    assert any("Framtidsval" in line and "2019" in line for line in rendered)


def test_agency_author_stays_whole_and_keys_are_unique():
    items = [
        Citation(key="rapport2013", kind="rapport", title="A", authors=["Skolinspektionen"]),
        Citation(key="rapport2013", kind="rapport", title="B", authors=["Ström, Åsa"]),
    ]
    library = bibtexparser.parse_string(to_bibtex(items))
    assert [entry.key for entry in library.entries] == ["rapport2013", "rapport2013-2"]
    assert library.entries[0].fields_dict["author"].value == "{Skolinspektionen}"
    csl = json.loads(to_csl_json(items))
    assert csl[0]["author"] == [{"literal": "Skolinspektionen"}]
    assert rispy.loads(to_ris(items))[1]["authors"] == ["Ström, Åsa"]


def test_unknown_entry_or_format_is_404(client, entries):
    assert client.get("/fakta/finns-inte/referens.ris").status_code == 404
    assert client.get("/fakta/yates-neet/referens.docx").status_code == 404
    draft = make_fact(title="Utkast", slug="utkast", live=False)
    assert client.get(f"/fakta/{draft.slug}/referens.ris").status_code == 404
