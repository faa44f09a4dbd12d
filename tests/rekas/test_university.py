"""University programmes from UHR's admission statistics: import of the real sample, refusals,
re-import, the pages /rekas/hogskola/, exports, the API and the link to occupations' outlook."""

import csv
import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import load_workbook

from rekas.importers import run_import
from rekas.models import UniversityAdmission, UniversityProgramme, UniversityScore
from rekas.services import DATA_DIR
from tests.rekas.factories import assess

UHR_SAMPLE = DATA_DIR / "postsecondary" / "uhr_antagningsstatistik_sample.json"


def uhr_file(tmp_path, *items, name="uhr.json"):
    path = tmp_path / name
    path.write_text(
        json.dumps({"antalObjekt": len(items), "data": list(items)}, ensure_ascii=False),
        encoding="utf-8",
    )
    return path


def item(**changes):
    base = {
        "termin": "HT2024",
        "år": 2024,
        "lärosäteId": "LU",
        "lärosäte": "Lunds universitet",
        "anmälningskod": "LU-80008",
        "anmälningsalternativ": "Testprogrammet",
        "utbildningstyp": "program",
        "studieort": "Lund",
        "studietakt": "100",
        "sok": {"sökande": 400, "förstahandsökande": 90},
        "urval1": {"antagna": 60, "reserver": 200},
        "urval2": {
            "antagna": 62,
            "reserver": 150,
            "urvalsgrupper": [
                {"urvalsgruppId": "BI", "lägstaAntagnaPoäng": "19.95", "antagna": 20},
                {"urvalsgruppId": "HP", "lägstaAntagnaPoäng": "*", "antagna": 12},
                {"urvalsgruppId": "BF", "lägstaAntagnaPoäng": "-", "antagna": 0},
            ],
        },
    }
    base.update(changes)
    return base


@pytest.fixture
def uhr_sample(db):
    report = run_import("uhr", source=UHR_SAMPLE, file_name=UHR_SAMPLE.name)
    assert report.committed, report.errors
    return report


def snapshot():
    return sorted(
        UniversityScore.objects.values_list(
            "admission__programme__code", "admission__term", "group", "score", "mark"
        )
    )


def test_real_sample_is_imported_whole(uhr_sample):
    assert (uhr_sample.read, uhr_sample.written) == (74, 74)
    assert UniversityProgramme.objects.count() == 11
    arkitekt = UniversityAdmission.objects.get(programme__code="HV-91110", term="HT2014")
    assert (arkitekt.applicants, arkitekt.first_choice_applicants) == (608, 116)
    assert (arkitekt.admitted_2, arkitekt.reserves_2) == (20, 159)
    scores = {s.group: str(s.score) for s in arkitekt.scores.all()}
    assert scores == {"BI": "18.60", "BII": "18.03", "HP": "1.00"}


def test_importing_the_same_file_twice_changes_nothing(uhr_sample):
    before = snapshot()

    again = run_import("uhr", source=UHR_SAMPLE, file_name=UHR_SAMPLE.name)

    assert again.committed and again.replaced == 74
    assert snapshot() == before
    assert UniversityAdmission.objects.count() == 74


def test_star_and_dash_are_kept_as_published(client, db, tmp_path):
    run_import("uhr", source=uhr_file(tmp_path, item()))

    score = {s.group: (s.score, s.mark) for s in UniversityScore.objects.all()}
    assert score["HP"] == (None, "*") and score["BF"] == (None, "-")
    html = client.get("/rekas/hogskola/LU-80008/").content.decode()
    assert "alla behöriga antogs" in html and "ingen antogs" in html
    assert "19,95" in html


@pytest.mark.parametrize(
    ("change", "where", "reason"),
    [
        ({"anmälningskod": None}, "”anmälningskod”", "värde saknas"),
        ({"termin": ""}, "”termin”", "värde saknas"),
        ({"termin": "HT24"}, "”termin”", "HT eller VT"),
        ({"år": 2023}, "”år”", "stämmer inte"),
        ({"sok": {"sökande": -3}}, "”sok.sökande”", "heltal"),
        (
            {"urval2": {"urvalsgrupper": [{"urvalsgruppId": "BI", "lägstaAntagnaPoäng": "hög"}]}},
            "”urval2.urvalsgrupper[1].lägstaAntagnaPoäng”",
            "”*”",
        ),
    ],
)
def test_bad_item_refuses_the_whole_file(db, tmp_path, change, where, reason):
    path = uhr_file(tmp_path, item(anmälningskod="GU-1"), item(**change))

    report = run_import("uhr", source=path)

    assert not report.committed and report.rejected == 1
    message = str(report.errors[0])
    assert message.startswith("rad 2") and where in message and reason in message
    assert not UniversityProgramme.objects.exists()


def test_duplicate_and_out_of_scale_scores(db, tmp_path):
    report = run_import("uhr", source=uhr_file(tmp_path, item(), item()))
    assert "dubblett" in str(report.errors[0]) and not report.committed

    high = item(urval2={"urvalsgrupper": [{"urvalsgruppId": "HP", "lägstaAntagnaPoäng": "2.5"}]})
    flagged = run_import("uhr", source=uhr_file(tmp_path, high))
    assert flagged.committed and "högre än skalans" in str(flagged.flagged[0])


def test_a_score_above_its_scale_is_shown_with_a_note(client, uhr_sample):
    # The real sample: Högskolan i Borås HT2018, HP "4.00" (the HP scale ends at 2.0).
    html = client.get("/rekas/hogskola/HB-22128/").content.decode()
    assert "4,00 (över skalans högsta värde 2,0: kontrollera hos UHR)" in html
    assert "18,30" in html and "18,30 (över" not in html  # BI within its scale: as published
    data = client.get("/api/v1/rekas/university/programmes/HB-22128").json()
    hp = {
        term["term"]: score
        for term in data["terms"]
        for score in term["scores"]
        if score["group"] == "HP"
    }
    assert (hp["HT2018"]["score"], hp["HT2018"]["outside_scale"]) == (4.0, True)
    assert (hp["HT2016"]["score"], hp["HT2016"]["outside_scale"]) == (1.05, False)


def test_command_refuses_a_bad_file_and_names_the_row(db, tmp_path):
    path = uhr_file(tmp_path, item(), item(termin=None))

    with pytest.raises(CommandError, match="inget sparades"):
        call_command("rekas_import", "uhr", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    assert not UniversityAdmission.objects.exists()


def test_list_searches_and_filters(client, uhr_sample):
    html = client.get("/rekas/hogskola/?q=arkitekt").content.decode()
    assert "Arkitektprogrammet" in html and "Civilingenjör Arkitektur" in html
    assert "Civilekonomprogrammet" not in html

    html = client.get("/rekas/hogskola/?larosate=LTU").content.decode()
    assert "Civilingenjör Väg- och vattenbyggnad" in html and "Arkitektprogrammet" not in html
    assert "<caption>" in html and 'scope="row"' in html and "UHR" in html

    html = client.get("/rekas/hogskola/?larosate=okänd").content.decode()
    assert "gick inte att använda" in html and "Arkitektprogrammet" in html


def test_programme_page_shows_groups_separately_with_exports(client, uhr_sample):
    html = client.get("/rekas/hogskola/UMU-P1592/").content.decode()

    assert "Arkitektprogrammet" in html and "Umeå universitet" in html
    for group in ("BI", "BII", "HP"):
        assert f"urvalsgrupp {group}" in html
    assert 'data-chart="chart-poang-hp"' in html and 'data-chart="chart-terminer"' in html

    response = client.get("/rekas/hogskola/UMU-P1592/?export=poang-hp&format=csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Termin", "Poäng", "Som publicerat"] and len(rows) > 5
    response = client.get("/rekas/hogskola/UMU-P1592/?export=terminer&format=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A1"].value == "Termin" and isinstance(sheet["B2"].value, (int, float))


def test_unknown_programme_is_404(client, db):
    assert client.get("/rekas/hogskola/XX-0/").status_code == 404


def test_programme_links_to_its_occupations_outlook(client, uhr_sample):
    assess("2161", "25", "brist", "öka")
    assess("2161", "00", "balans", "vara oförändrad")

    html = client.get("/rekas/hogskola/LTU-85142/?lan=25").content.decode()
    assert "/rekas/yrke/2161/" in html and "Brist" in html and "Öka" in html

    data = client.get("/api/v1/rekas/university/programmes/LTU-85142").json()
    assert data["occupations"][0]["ssyk"] == "2161"
    assert data["occupations"][0]["recruitment_situation"] == "balans"


def test_api_lists_and_details(client, uhr_sample):
    page = client.get("/api/v1/rekas/university/programmes?institution=LTU&page_size=1").json()
    assert (page["count"], page["pages"], len(page["results"])) == (2, 2, 1)

    detail = client.get("/api/v1/rekas/university/programmes/hv-91110").json()
    assert detail["terms"][0]["term"] == "HT2022"  # newest first
    hp = next(s for s in detail["terms"][-1]["scores"] if s["group"] == "HP")
    assert hp == {
        "selection_round": 2,
        "group": "HP",
        "score": 1.0,
        "all_eligible_admitted": False,
        "nobody_admitted": False,
        "outside_scale": False,
        "admitted": None,
        "reserves": None,
    }
    assert client.get("/api/v1/rekas/university/programmes/XX-0").status_code == 404
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/rekas/university/programmes/{code}" in schema["paths"]


def test_search_finds_the_programme_by_occupation(search_engine, uhr_sample):
    from search.services import search

    search_engine.drain()

    result = search(query="arkitekter", types=["rekas_university"])

    urls = {hit.url for hit in result.hits}
    assert {"/rekas/hogskola/UMU-P1592/", "/rekas/hogskola/LTU-85142/"} <= urls
