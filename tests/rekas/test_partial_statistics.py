"""Figures an office does not publish: missing through analysis, pages, API and exports
("ej publicerat", never 0), and the matching says which measure of pressure it used."""

import csv
import io

import pandas as pd
import pytest

from rekas import aggregates, analysis
from rekas.analysis import Measure
from tests.factories import municipality
from tests.rekas.factories import AdmissionFactory, SchoolFactory


@pytest.fixture
def merit_only(db):
    """Borlänge as Göteborgsregionen and Skåne publish: lowest and mean merit, no counts;
    Falun with every figure, so the national median of the lowest merit is known."""
    borlange = SchoolFactory(name="Soltorgsgymnasiet", municipality=municipality("2081"))
    falun = SchoolFactory(name="Lugnetgymnasiet", municipality=municipality("2080"))
    figures = dict.fromkeys(["places", "first_choice_applicants", "admitted", "reserves"])
    AdmissionFactory(school=borlange, **figures, lowest_merit=250, mean_merit=282)
    AdmissionFactory(school=falun, lowest_merit=200, median_merit=240)
    aggregates.refresh()  # as every import does
    return borlange


def test_summary_keeps_missing_figures_missing():
    frame = pd.DataFrame(
        {
            "programme_code": ["VO", "VO", "NA"],
            "school_id": [1, 2, 3],
            "places": [30, None, None],
            "first_choice_applicants": [45, None, None],
            "admitted": [30, 12, None],
            "reserves": [None, None, None],
            "lowest_merit": [180.0, 150.0, 250.0],
            "mean_merit": [None, 200.0, 282.0],
            "median_merit": [None, None, None],
        }
    )

    result = analysis.summarise(frame, by=["programme_code"]).set_index("programme_code")

    assert result.at["VO", "places"] == 30  # the school without places is left out, not 0
    assert result.at["VO", "applicants_per_place"] == 1.5
    assert result.at["VO", "fill_rate"] == 1.0  # only the school that publishes both
    assert pd.isna(result.at["NA", "places"]) and pd.isna(result.at["NA", "fill_rate"])
    assert pd.isna(result.at["VO", "reserves"]) and pd.isna(result.at["VO", "median_merit"])
    assert result.at["VO", "mean_merit"] == 200.0


@pytest.mark.parametrize(
    ("figures", "measure", "high"),
    [
        ({"applicants_per_place": 1.2, "fill_rate": 0.5}, Measure.APPLICANTS, 1.0),
        ({"fill_rate": 1.0, "reserves": 4.0}, Measure.FILL, 1.0),
        ({"fill_rate": 1.0, "reserves": 0.0}, Measure.FILL, 0.0),  # just enough applicants
        ({"fill_rate": 1.0}, Measure.FILL, 1.0),  # reserves not published: full counts
        ({"fill_rate": 0.8}, Measure.FILL, 0.0),
        ({"lowest_merit": 250.0}, Measure.MERIT, 1.0),  # above the national median 220
        ({"lowest_merit": 190.0}, Measure.MERIT, 0.0),
        ({}, Measure.NONE, None),
    ],
)
def test_pressure_uses_the_best_measure_a_group_publishes(figures, measure, high):
    row = {"programme_code": "VO", "applicants_per_place": None, "fill_rate": None,
           "reserves": None, "lowest_merit": None, **figures}  # fmt: skip
    summary = pd.DataFrame([row]).astype({k: float for k in row if k != "programme_code"})

    result = analysis.pressure(summary, pd.Series({"VO": 220.0}))

    assert result.at[0, "pressure_measure"] == measure
    assert (pd.isna(result.at[0, "pressure_high"]) and high is None) or (
        result.at[0, "pressure_high"] == high
    )


def test_page_says_not_published_and_which_measure(client, merit_only):
    page = client.get("/rekas/kommun/2081/?year=2025&round=final").content.decode()

    assert "ej publicerat" in page
    assert "Lägsta antagningspoäng mot rikets median för programmet" in page


def test_api_gives_null_and_names_what_is_not_published(client, merit_only):
    answer = client.get("/api/v1/rekas/admissions", {"municipality": "2081"}).json()

    [row] = answer["results"]
    assert row["places"] is None and row["first_choice_applicants"] is None
    assert row["mean_merit"] == 282.0
    assert set(row["not_published"]) == {
        "places", "first_choice_applicants", "admitted", "admitted_first_choice", "reserves",
        "median_merit",
    }  # fmt: skip
    matching = client.get("/api/v1/rekas/matching", {"area": "2081"}).json()
    [result] = matching["results"]
    assert result["pressure_measure"] == Measure.MERIT and result["places"] is None


def test_export_says_not_published_never_zero(client, merit_only):
    response = client.get("/rekas/kommun/2081/?year=2025&round=final&export=program&format=csv")

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    header, [vo] = rows[0], rows[1:]
    cells = dict(zip(header, vo, strict=True))
    assert cells["Platser"] == "ej publicerat" and cells["Förstahandssökande"] == "ej publicerat"
    assert cells["Lägsta antagningspoäng"] == "250"


def test_comparing_areas_measured_differently_says_so(client, merit_only):
    page = client.get("/rekas/jamfor/?a=2081&b=2080&year=2025&round=final").content.decode()

    assert "bedöms söktrycket med olika mått" in page
