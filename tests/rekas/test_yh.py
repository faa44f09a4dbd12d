"""YH statistics from SCB's PX-Web CSV exports: the real samples through import, the page
/rekas/yh/, exports and API; SCB's conventions; refusals; re-import; the link to occupations."""

import csv
import io

import pytest

from rekas.importers import run_import
from rekas.models import YhApplication, YhArea, YhOutcome
from rekas.services import DATA_DIR
from tests.rekas.factories import assess

APPLICATIONS = DATA_DIR / "postsecondary" / "scb_yh_sokande_antagna_hemlan_sample.csv"
OUTCOMES = DATA_DIR / "postsecondary" / "scb_yh_uppfoljning_sample.csv"
HEADER = '"kön","utbildningsområde MYH","region (hemlän)","utbildningens studietakt",'


def px_file(tmp_path, text: str, *, encoding="iso-8859-1", name="yh.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.fixture
def yh_samples(db):
    for kind, path in (("yh", APPLICATIONS), ("yh_outcomes", OUTCOMES)):
        report = run_import(kind, source=path, file_name=path.name)
        assert report.committed, report.errors
    return report


def rows():
    return sorted(
        YhApplication.objects.values_list(
            "year", "sex", "area__name", "county_code", "pace", "applicants", "admitted"
        ),
        key=str,
    )


@pytest.mark.usefixtures("yh_samples")
def test_real_applications_sample_with_scb_conventions():
    # 60 rows × 5 years; "Samtliga län" is the whole country, " Stockholms län" county 01.
    assert YhApplication.objects.count() == 300
    national = YhApplication.objects.get(year=2024, county_code="00", pace="total", area=None)
    assert (national.applications, national.applicants, national.admitted) == (
        48459,
        29404,
        15525,
    )
    stockholm = YhApplication.objects.get(year=2020, county_code="01", pace="full")
    assert (stockholm.applicants, stockholm.eligible_applicants) == (1132, 768)


@pytest.mark.usefixtures("yh_samples")
def test_real_outcomes_sample_keeps_margins_and_dots():
    it = YhOutcome.objects.get(area__name="data/It", year=2024)
    assert (it.graduates, float(it.work), float(it.work_margin)) == (3182, 74.0, 2.0)
    friskvard = YhOutcome.objects.get(area__name="friskvård och kroppsvård", year=2022)
    assert friskvard.work is None and friskvard.graduates == 125  # ".." in the file
    assert YhArea.objects.filter(name="hälso- och sjukvård samt socialt arbete").exists()


@pytest.mark.usefixtures("yh_samples")
def test_reimport_changes_nothing():
    before = rows()

    again = run_import("yh", source=APPLICATIONS)

    assert again.committed and again.replaced == 300 and rows() == before


def test_utf8_and_semicolons_are_read_too(db, tmp_path):
    text = (
        HEADER.replace(",", ";")
        + '"Antal sökande 2023";"Antal antagna vid start 2023"\n'
        + '"kvinnor";"Totalt";" Västra Götalands län";"Heltid";"1 204";".."\n'
    )
    report = run_import("yh", source=px_file(tmp_path, text, encoding="utf-8"))

    assert report.committed, report.errors
    row = YhApplication.objects.get()
    assert (row.sex, row.county_code, row.pace, row.applicants, row.admitted) == (
        "women",
        "14",
        "full",
        1204,
        None,
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('"totalt","Totalt","Samtliga län","Totalt",12,13', "rad 1"),
        ('"totalt","Totalt"," Atlantis län","Totalt",12,13', "okänt län"),
        ('"alla","Totalt","Samtliga län","Totalt",12,13', "okänt kön"),
        ('"totalt","Totalt","Samtliga län","Totalt",12,tolv', "ska vara ett tal"),
        ('"totalt","Totalt","Samtliga län","Totalt",12,1.5', "heltal"),
    ],
)
def test_bad_csv_is_refused_whole(db, tmp_path, line, expected):
    year = "20x4" if expected == "rad 1" else "2024"
    text = HEADER + f'"Antal sökande 2023","Antal sökande {year}"\n' + line + "\n"
    text += '"totalt","Totalt"," Uppsala län","Totalt",1,2\n'

    report = run_import("yh", source=px_file(tmp_path, text))

    assert not report.committed and not YhApplication.objects.exists()
    assert expected in " ".join(str(issue) for issue in report.errors)
    if expected == "rad 1":
        assert "”Antal sökande 20x4”" in str(report.errors[0]) and "årtal" in str(report.errors[0])


@pytest.mark.usefixtures("yh_samples")
def test_yh_page_shows_areas_outcomes_and_outlook(client):
    assess("2512", "00", "brist", "öka")

    html = client.get("/rekas/yh/").content.decode()
    assert "Yrkeshögskolan" in html and "<caption>" in html
    assert "data/It" in html and "74 %" in html  # share in work 2024
    assert "Mjukvaru- och systemutvecklare m.fl." in html and "Brist" in html
    assert "MYH" in html and "CC0" in html

    area = YhArea.objects.get(name="data/It")
    html = client.get(f"/rekas/yh/?omrade={area.slug}").content.decode()
    assert "Yrkeshögskolan: data/It" in html and "/rekas/yrke/2512/" in html

    response = client.get(f"/rekas/yh/?omrade={area.slug}&export=uppfoljning-ar&format=csv")
    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert table[0][:3] == ["År", "Examinerade", "I arbete"]
    assert table[-1][:3] == ["2024", "3182", "0,74"]


@pytest.mark.usefixtures("yh_samples")
def test_yh_api(client):
    page = client.get("/api/v1/rekas/yh/applications?county=01&year=2024&pace=full").json()
    assert page["count"] == 1 and page["results"][0]["applicants"] == 1266

    outcomes = client.get("/api/v1/rekas/yh/outcomes?area=datait").json()
    assert [row["year"] for row in outcomes["results"]] == [2020, 2021, 2022, 2023, 2024]
    assert outcomes["results"][-1]["work_margin"] == 2.0

    areas = {a["name"]: a for a in client.get("/api/v1/rekas/yh/areas").json()}
    assert areas["juridik"]["occupations"][0]["ssyk"] == "3342"
    assert client.get("/api/v1/rekas/yh/applications?sex=alla").status_code == 422
