"""Every REKAS page renders with its table (caption, th scope), chart data, sources and filters."""

import csv
import io
import json
import re

import pytest
from openpyxl import load_workbook

from rekas import aggregates
from rekas.models import School
from tests.rekas.factories import AdmissionFactory

PAGES = [
    "/rekas/",
    "/rekas/lan/14/",
    "/rekas/kommun/1480/",
    "/rekas/program/VO/",
    "/rekas/program/NA/?lan=14&inriktning=NANAT",
    "/rekas/yrke/5321/",
    "/rekas/jamfor/?a=14&b=1480",
]


@pytest.mark.parametrize("url", PAGES)
def test_page_renders_accessible_table_and_sources(client, gothenburg_data, url):
    response = client.get(url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<caption>" in html and 'scope="col"' in html and 'scope="row"' in html
    assert "CC0" in html and "2025-2" in html  # licence and assessment round
    assert "style=" not in html and "<script>" not in html.replace("<script id=", "")


def test_county_page_shows_matching_and_chart_data(client, gothenburg_data):
    html = client.get("/rekas/lan/14/?year=2025&round=final").content.decode()

    assert "Efterfrågad utbildning med lågt söktryck" in html  # VO
    assert "Populär utbildning mot svag arbetsmarknad" in html  # NA
    data = json.loads(
        re.search(r'<script id="chart-program" type="application/json">(.*?)</script>', html).group(
            1
        )
    )
    assert data["labels"] == ["Naturvetenskapsprogrammet", "Vård- och omsorgsprogrammet"]
    assert data["datasets"][0]["data"] == [1.5, 0.8]
    assert 'data-chart="chart-program"' in html
    assert "rekas/vendor/chart.umd.min.js" in html


def test_filters_change_the_year(client, gothenburg_data):
    html = client.get("/rekas/kommun/1480/?year=2024&round=final").content.decode()

    assert "Hvitfeldtska gymnasiet" not in html  # only Burgården reported 2024
    assert "Burgårdens gymnasium" in html


def test_kind_filter_leaves_out_other_programmes(client, gothenburg_data):
    html = client.get("/rekas/lan/14/?year=2025&round=final&kind=preparatory").content.decode()

    assert "Naturvetenskapsprogrammet" in html
    assert "Vård- och omsorgsprogrammet</a>" not in html


def test_bad_filter_values_fall_back_with_a_message(client, gothenburg_data):
    response = client.get("/rekas/lan/14/?year=abc&round=sommar")

    assert response.status_code == 200
    assert "standardvalet visas" in response.content.decode()


def test_programme_page_lists_occupations_with_fallback_said_aloud(client, gothenburg_data):
    html = client.get("/rekas/program/VO/?lan=14").content.decode()

    assert "Undersköterskor, hemtjänst, hemsjukvård och äldreboende" in html
    assert "Hela riket (länet saknar bedömning)" in html  # 5323 only nationally assessed


def test_occupation_page_shows_outlook_and_programmes(client, gothenburg_data):
    html = client.get("/rekas/yrke/5321/").content.decode()

    assert "Brist" in html and "Vård- och omsorgsprogrammet" in html


def test_index_redirects_to_the_chosen_area(client, db):
    assert client.get("/rekas/?kommun=1480").url == "/rekas/kommun/1480/"
    assert client.get("/rekas/?lan=14").url == "/rekas/lan/14/"


@pytest.mark.parametrize(
    "url", ["/rekas/lan/99/", "/rekas/kommun/0000/", "/rekas/program/XX/", "/rekas/yrke/0000/"]
)
def test_unknown_codes_are_404(client, db, url):
    assert client.get(url).status_code == 404


def test_compare_form_errors_in_swedish(client, db):
    html = client.get("/rekas/jamfor/?a=&b=14").content.decode()

    assert "Formuläret behöver rättas" in html


def test_empty_database_shows_a_notice_not_an_error(client, db):
    response = client.get("/rekas/")

    assert response.status_code == 200
    assert "Det finns inga uppgifter" in response.content.decode()


@pytest.fixture
def dangerous_school(gothenburg_data):
    school = School.objects.create(
        name='=HYPERLINK("http://x")', municipality=gothenburg_data["schools"][0].municipality
    )
    AdmissionFactory(
        school=school,
        programme=gothenburg_data["vo"],
        study_path="VO",
        places=10,
        first_choice_applicants=7,
        admitted=9,
        median_merit=201.5,
    )
    aggregates.refresh()
    return school


def test_csv_export_neutralises_formulas_and_keeps_numbers(client, dangerous_school):
    response = client.get("/rekas/kommun/1480/?year=2025&round=final&export=skolor&format=csv")

    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][0] == "Skola"
    dangerous = next(row for row in rows if "HYPERLINK" in row[0])
    assert dangerous[0] == '\'=HYPERLINK("http://x")'
    places = rows[0].index("Platser")
    assert dangerous[places] == "10"  # places: a plain number, not quoted or prefixed
    assert dangerous[-1] == "201,5"  # decimal comma for Swedish spreadsheets


def test_xlsx_export_neutralises_formulas_and_keeps_numbers(client, dangerous_school):
    response = client.get("/rekas/kommun/1480/?year=2025&round=final&export=skolor&format=xlsx")

    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    dangerous = next(row for row in rows if "HYPERLINK" in str(row[0]))
    assert dangerous[0].startswith("'=")
    assert (
        sheet.cell(row=rows.index(dangerous) + 1, column=1).data_type == "s"
    )  # text, not a formula
    places = rows[0].index("Platser")
    assert isinstance(dangerous[places], (int, float)) and dangerous[places] == 10
    assert dangerous[-1] == pytest.approx(201.5)


def test_every_table_on_a_page_can_be_exported(client, gothenburg_data):
    html = client.get("/rekas/program/VO/").content.decode()
    names = set(re.findall(r"export=([a-z]+)&amp;format=csv", html))

    assert names == {"yrken", "prognosandelar", "lan", "trend"}
    for name in names:
        response = client.get(f"/rekas/program/VO/?export={name}&format=xlsx")
        assert response.status_code == 200 and response.content[:2] == b"PK"


def test_unknown_export_is_404(client, db):
    assert client.get("/rekas/?export=nope&format=csv").status_code == 404
