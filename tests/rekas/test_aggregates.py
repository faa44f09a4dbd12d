"""The stored statistics follow every change: pages and the API show what the method
computes, at the next request after an import, a mapping change or a name mapped in the
review queue, and reading them costs the same few queries however much data there is."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from rekas import aggregates, analysis, frames, services
from rekas.importers import import_admissions, import_mapping, import_yrkesbarometer
from rekas.labels import Match
from rekas.models import NameKind, Programme
from rekas.selectors import statistics
from rekas.services import BAROMETER_EXCERPT
from tests.factories import municipality
from tests.rekas.conftest import csv_file
from tests.rekas.factories import AdmissionFactory, SchoolFactory

MATCHING = "/api/v1/rekas/matching?area=1480&year=2025&round=final"


def matching(client) -> dict[str, dict]:
    return {row["programme_code"]: row for row in client.get(MATCHING).json()["results"]}


def test_what_is_shown_is_what_the_method_computes(client, gothenburg_data):
    admissions = frames.admissions_frame(year=2025, round="final", municipality="1480")
    computed = analysis.records(frames.matching(admissions, by=["municipality_code"]))

    shown = matching(client)

    assert sorted(shown) == ["NA", "VO"]
    for row in computed:
        for key in ("places", "applicants_per_place", "pressure_measure", "demand_index", "match"):
            assert shown[row["programme_code"]][key] == row[key], key


def test_the_schools_table_shows_each_published_row_with_the_methods_ratios(
    client, gothenburg_data
):
    admissions = frames.admissions_frame(year=2025, round="final", municipality="1480")
    computed = analysis.records(
        analysis.summarise(
            admissions, by=["school_name", "study_path", "variant", "programme_name"]
        )
    )

    shown = statistics.area(
        level="municipality", area_code="1480", year=2025, round="final"
    ).schools

    keys = ["school_name", "study_path", "places", "applicants_per_place", "fill_rate",
            "lowest_merit", "mean_merit", "median_merit"]  # fmt: skip
    assert [[row[key] for key in keys] for row in shown] == [
        [row[key] for key in keys] for row in computed
    ]
    page = client.get("/rekas/kommun/1480/?year=2025&round=final").content.decode()
    assert "Burgårdens gymnasium" in page and "Hvitfeldtska gymnasiet" in page


def test_a_mapping_import_changes_the_matching_at_the_next_request(
    client, gothenburg_data, tmp_path
):
    assert matching(client)["VO"]["match"] == Match.DEMANDED_LOW
    path = tmp_path / "koppling.csv"
    # VO now leads to 2221 (surplus in the county), NA to 5321 (shortage in the county).
    path.write_text("programme_code;ssyk;weight\nVO;2221;1\nNA;5321;1\n", encoding="utf-8")

    assert import_mapping(source=path).committed

    shown = matching(client)
    assert shown["VO"]["match"] == Match.LOW_WEAK  # 0.8 applicants per place, index −1
    assert shown["NA"]["match"] == Match.DEMANDED_HIGH  # 1.5 applicants per place, index 1
    page = client.get("/rekas/program/NA/?lan=14").content.decode()
    assert "100 %" in page  # the weighted outlook: every weight in shortage


def test_a_new_assessment_round_changes_the_matching(client, gothenburg_data, tmp_path):
    assert matching(client)["NA"]["match"] == Match.POPULAR_WEAK
    record = json.loads(BAROMETER_EXCERPT.read_text(encoding="utf-8"))[0]
    record.update(
        yb_concept_id="test-2221", ssyk="2221", lan="14", omgang="2026-1",
        rekryteringssituation="brist", prognos="öka",
    )  # fmt: skip
    path = tmp_path / "yb.json"
    path.write_text(json.dumps([record], ensure_ascii=False), encoding="utf-8")

    assert import_yrkesbarometer(source=path).committed

    shown = matching(client)
    assert shown["NA"]["match"] == Match.DEMANDED_HIGH
    assert shown["VO"]["match"] == Match.NO_OUTLOOK  # its occupations are not in the new round


def test_an_admissions_import_replaces_its_year_and_keeps_the_others(
    client, gothenburg_data, tmp_path
):
    line = "2025;slutlig;1480;Hvitfeldtska gymnasiet;;VO;;30;60;30;12;212,5;245,0"
    assert import_admissions(source=csv_file(tmp_path, line), file_name="a.csv").committed

    # The file replaces Göteborg's 2025 list: only its own row counts now.
    shown = matching(client)
    assert sorted(shown) == ["VO"]
    assert (shown["VO"]["places"], shown["VO"]["first_choice_applicants"]) == (30, 60)
    history = client.get("/api/v1/rekas/matching?area=1480&year=2024&round=final").json()
    assert [row["places"] for row in history["results"]] == [80]


def test_mapping_a_waiting_name_counts_its_rows(client, db, tmp_path):
    path = tmp_path / "lista.csv"
    path.write_text(
        "Skola;Kommun;Program;Platser;Antagna;Lägsta meritvärde\n"
        "Almåsgymnasiet;Borås;Floristutbildningen;2;2;165\n",
        encoding="utf-8",
    )
    report = import_admissions(source=path, file_name="lista.csv", year=2025, round="final")
    assert report.waiting == 1
    url = "/rekas/kommun/1490/?year=2025&round=final"
    page = client.get(url).content.decode()
    assert "Almåsgymnasiet" not in page
    assert "1 rad ur antagningslistorna väntar" in page

    services.map_name(
        kind=NameKind.PROGRAMME,
        name="Floristutbildningen",
        programme=Programme.objects.get(code="HV"),
    )

    page = client.get(url).content.decode()
    assert "Almåsgymnasiet" in page
    assert "väntar på att redaktionen" not in page


@pytest.mark.parametrize(
    "url",
    [
        "/rekas/kommun/1480/?year=2025&round=final",
        "/rekas/lan/14/?year=2025&round=final",
        "/rekas/?year=2025&round=final",
        "/rekas/program/VO/?year=2025&round=final",
        MATCHING,
    ],
)
def test_queries_do_not_grow_with_the_data(client, gothenburg_data, url):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    client.get(url)  # once first: Wagtail's site root paths come from the cache after that
    before = count()
    for number in range(12):
        school = SchoolFactory(municipality=municipality("1480" if number % 2 else "1490"))
        for programme in Programme.objects.filter(code__in=["EK", "SA", "TE"]):
            AdmissionFactory(school=school, programme=programme, study_path=programme.code)
    aggregates.refresh()

    assert count() == before
