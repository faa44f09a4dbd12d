"""The analysis numbers, checked against values computed by hand (docs/rekas-method.md)."""

import pandas as pd
import pytest

from rekas import analysis, frames
from rekas.analysis import Match


def test_summary_of_a_programme_in_a_municipality(gothenburg_data):
    admissions = frames.admissions_frame(year=2025, round="final", municipality="1480")

    summary = analysis.summarise(admissions, by=["programme_code"]).set_index("programme_code")

    vo = summary.loc["VO"]
    assert vo["places"] == 50
    assert vo["first_choice_applicants"] == 40
    assert vo["admitted"] == 48
    assert vo["applicants_per_place"] == pytest.approx(0.8)
    assert vo["fill_rate"] == pytest.approx(0.96)
    assert vo["lowest_merit"] == pytest.approx(200.0)  # school A had no lowest merit
    assert vo["median_merit"] == pytest.approx(200.8)  # (180·28 + 230·20) / 48
    assert vo["schools"] == 2
    assert summary.loc["NA", "applicants_per_place"] == pytest.approx(1.5)


def test_trend_gives_change_in_first_choice_applicants(gothenburg_data):
    admissions = frames.admissions_frame(round="final", municipality="1480")

    trend = analysis.trend(admissions).set_index("year")

    assert trend.loc[2024, "first_choice_applicants"] == 100
    assert trend.loc[2025, "first_choice_applicants"] == 130
    assert pd.isna(trend.loc[2024, "change_pct"])
    assert trend.loc[2025, "change_pct"] == pytest.approx(30.0)


def test_programme_outlook_uses_county_and_falls_back_to_the_nation(gothenburg_data):
    links = frames.links_frame()

    shares = analysis.assessment_shares(
        links[links["study_path"] == "VO"], frames.assessments_frame(), county="14"
    ).iloc[0]

    assert shares["shortage"] == pytest.approx(0.6)  # 5321 in county 14
    assert shares["surplus"] == pytest.approx(0.4)  # 5323: the national assessment
    assert shares["increase"] == pytest.approx(0.6)
    assert shares["decrease"] == pytest.approx(0.4)
    assert shares["coverage"] == pytest.approx(1.0)
    assert shares["fallback_weight"] == pytest.approx(0.4)
    assert shares["demand_index"] == pytest.approx(0.2)


def test_matching_classifies_programmes_as_a_counsellor_would(gothenburg_data):
    admissions = frames.admissions_frame(year=2025, round="final", municipality="1480")

    result = analysis.matching(
        admissions, frames.links_frame(), frames.assessments_frame(), by=["municipality_code"]
    ).set_index("programme_code")

    assert result.loc["VO", "match"] == Match.DEMANDED_LOW  # index 0.2, 0.8 applicants/place
    assert result.loc["VO", "match_label"] == "Efterfrågad utbildning med lågt söktryck"
    assert result.loc["NA", "match"] == Match.POPULAR_WEAK  # index −1, 1.5 applicants/place
    assert result.loc["NA", "match_label"] == "Populär utbildning mot svag arbetsmarknad"


def _frame(rows):
    return pd.DataFrame(rows, columns=["ssyk", "area_code", "recruitment_situation", "outlook"])


def test_paradox_counts_as_demand_and_missing_assessment_falls_back():
    links = pd.DataFrame({"study_path": ["X", "X"], "ssyk": ["1", "2"], "weight": [0.5, 0.5]})
    assessments = _frame(
        [
            ("1", "01", "paradox", "öka"),
            ("2", "01", None, None),  # "ingen bedömning" in the county …
            ("2", "00", "balans", "vara oförändrad"),  # … so the nation's counts
        ]
    )

    shares = analysis.assessment_shares(links, assessments, county="01").iloc[0]

    assert shares["paradox"] == pytest.approx(0.5)
    assert shares["balance"] == pytest.approx(0.5)
    assert shares["demand_index"] == pytest.approx(0.5)
    assert shares["fallback_weight"] == pytest.approx(0.5)


def test_several_barometer_occupations_in_one_ssyk_group_count_equally():
    links = pd.DataFrame({"study_path": ["X"], "ssyk": ["1"], "weight": [1.0]})
    assessments = _frame([("1", "01", "brist", "öka"), ("1", "01", "överskott", "minska")])

    shares = analysis.assessment_shares(links, assessments, county="01").iloc[0]

    assert shares["shortage"] == pytest.approx(0.5)
    assert shares["surplus"] == pytest.approx(0.5)
    assert shares["demand_index"] == pytest.approx(0.0)


@pytest.mark.parametrize(
    ("high", "demand", "expected"),
    [
        (0, 0.5, Match.DEMANDED_LOW),
        (1, 0.2, Match.DEMANDED_HIGH),  # thresholds are inclusive
        (1, -0.2, Match.POPULAR_WEAK),
        (0, -0.9, Match.LOW_WEAK),
        (1, 0.0, Match.BALANCED_HIGH),
        (0, 0.1, Match.BALANCED_LOW),
        (0, None, Match.NO_OUTLOOK),
        (None, 0.5, Match.NO_PLACES),
    ],
)
def test_classification_thresholds(high, demand, expected):
    result = analysis.classify(pd.Series([high], dtype=float), pd.Series([demand], dtype=float))

    assert result.iloc[0] == expected


def test_too_little_assessed_weight_gives_no_verdict(gothenburg_data):
    from rekas.models import Occupation, ProgrammeOccupation

    # VO now leads mostly (80 %) to an occupation without any assessment.
    ProgrammeOccupation.objects.filter(study_path="VO").delete()
    for ssyk, weight in [("5343", "0.8"), ("5321", "0.2")]:
        ProgrammeOccupation.objects.create(
            programme=gothenburg_data["vo"],
            study_path="VO",
            occupation=Occupation.objects.get(ssyk=ssyk),
            weight=weight,
        )
    admissions = frames.admissions_frame(year=2025, round="final", municipality="1480")

    result = analysis.matching(
        admissions, frames.links_frame(), frames.assessments_frame(), by=["municipality_code"]
    ).set_index("programme_code")

    assert result.loc["VO", "coverage"] == pytest.approx(0.2)
    assert result.loc["VO", "match"] == Match.NO_OUTLOOK
