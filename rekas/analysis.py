"""REKAS analysis in plain pandas: admissions, outlook of programmes and the matching.

The formulas and thresholds are documented in docs/rekas-method.md; the tests compute them
by hand on a small dataset. Functions take DataFrames (see `selectors`) so they run the same
on a page, in the API, in the exports and in the benchmark.
"""

import math

import numpy as np
import pandas as pd
from django.utils.translation import gettext_lazy as _

COUNT_COLUMNS = ["places", "first_choice_applicants", "admitted", "reserves"]

# Matching thresholds (docs/rekas-method.md, "Matchning").
HIGH_PRESSURE = 1.0  # first-choice applicants per place: more applicants than places
STRONG_DEMAND = 0.2  # demand index = share in shortage − share in surplus, from −1 to 1
WEAK_DEMAND = -0.2
MIN_COVERAGE = 0.25  # below this share of the mapping's weight assessed, no verdict is given
# The share of a study path's occupations in each recruitment situation and each outlook.
SHARE_COLUMNS = ["shortage", "balance", "surplus", "paradox", "increase", "unchanged", "decrease"]


class Match:
    """Matching classes, in the words a counsellor uses."""

    DEMANDED_LOW = "efterfragad_lag"
    DEMANDED_HIGH = "efterfragad_hog"
    POPULAR_WEAK = "popular_svag"
    LOW_WEAK = "lag_svag"
    BALANCED_HIGH = "balans_hog"
    BALANCED_LOW = "balans_lag"
    NO_OUTLOOK = "prognos_saknas"
    NO_PLACES = "platser_saknas"

    LABELS = {
        DEMANDED_LOW: _("Efterfrågad utbildning med lågt söktryck"),
        DEMANDED_HIGH: _("Efterfrågad utbildning med högt söktryck"),
        POPULAR_WEAK: _("Populär utbildning mot svag arbetsmarknad"),
        LOW_WEAK: _("Lågt söktryck och svag arbetsmarknad"),
        BALANCED_HIGH: _("Arbetsmarknad i balans, högt söktryck"),
        BALANCED_LOW: _("Arbetsmarknad i balans, lågt söktryck"),
        NO_OUTLOOK: _("Prognos saknas"),
        NO_PLACES: _("Platsantal saknas"),
    }
    # Badge style per class: success = a good choice to point out, warning = worth discussing.
    TONES = {
        DEMANDED_LOW: "success",
        DEMANDED_HIGH: "success",
        POPULAR_WEAK: "warning",
        LOW_WEAK: "error",
        BALANCED_HIGH: "",
        BALANCED_LOW: "",
        NO_OUTLOOK: "",
        NO_PLACES: "",
    }


def summarise(admissions: pd.DataFrame, *, by: list[str]) -> pd.DataFrame:
    """Places, applicants, ratios and merit levels per group (e.g. by=["programme_code"]).

    - applicants_per_place = first-choice applicants / places
    - fill_rate = admitted / places
    - lowest_merit = the lowest admission merit among the group's schools (the easiest way in)
    - median_merit = median of the schools' median merit values, weighted by admitted
    Rows without places don't count towards the ratios.
    """
    if admissions.empty:
        return pd.DataFrame(
            columns=[
                *by,
                *COUNT_COLUMNS,
                "applicants_per_place",
                "fill_rate",
                "lowest_merit",
                "median_merit",
                "schools",
            ]
        )
    frame = admissions.copy()
    for column in COUNT_COLUMNS:
        frame[column] = pd.to_numeric(frame[column], errors="coerce")
    frame["weighted_median"] = frame["median_merit"].astype(float) * frame["admitted"].fillna(0)
    frame["median_weight"] = frame["admitted"].fillna(0).where(frame["median_merit"].notna(), 0)
    grouped = frame.groupby(by, dropna=False, sort=True)
    result = grouped[COUNT_COLUMNS].sum(min_count=1)
    result["lowest_merit"] = grouped["lowest_merit"].min().astype(float)
    weights = grouped["median_weight"].sum()
    result["median_merit"] = (grouped["weighted_median"].sum() / weights.replace(0, np.nan)).round(
        1
    )
    result["schools"] = grouped["school_id"].nunique() if "school_id" in frame else np.nan
    places = result["places"].replace(0, np.nan)
    result["applicants_per_place"] = (result["first_choice_applicants"] / places).round(2)
    result["fill_rate"] = (result["admitted"] / places).round(3)
    return result.reset_index()


def trend(admissions: pd.DataFrame) -> pd.DataFrame:
    """Per year: totals and the change in first-choice applicants from the year before (%)."""
    totals = summarise(admissions, by=["year"])
    if totals.empty:
        totals["change_pct"] = []
        return totals
    totals = totals.sort_values("year")
    previous = totals["first_choice_applicants"].shift(1)
    totals["change_pct"] = ((totals["first_choice_applicants"] / previous - 1) * 100).round(1)
    return totals


def assessment_shares(
    links: pd.DataFrame, assessments: pd.DataFrame, *, county: str
) -> pd.DataFrame:
    """Weighted outlook per study path for one county.

    `links`: study_path, ssyk, weight. `assessments`: ssyk, area_code, recruitment_situation,
    outlook (one row per barometer occupation and area; an SSYK group covered by several
    barometer occupations counts each of them equally). When the county has no assessment of
    an SSYK group the national one ("00") is used and `fallback_weight` says how much.
    """
    return outlook_by_county(links, assessments, counties=[county]).drop(columns=["county"])


def outlook_by_county(
    links: pd.DataFrame, assessments: pd.DataFrame, *, counties: list[str]
) -> pd.DataFrame:
    """`assessment_shares` for many counties at once (vectorised, used by the matching)."""
    columns = [
        "county", "study_path", *SHARE_COLUMNS, "coverage", "fallback_weight", "demand_index",
    ]  # fmt: skip
    if links.empty or assessments.empty or not counties:
        return pd.DataFrame(columns=columns)
    situation = _one_hot(assessments)
    situation = situation[situation["assessed"] > 0]  # "ingen bedömning" → try the nation
    per_ssyk = situation.groupby(["ssyk", "area_code"]).mean().reset_index()
    grid = (
        links.assign(_k=1)
        .merge(pd.DataFrame({"county": counties, "_k": 1}), on="_k")
        .drop(columns="_k")
    )
    local = grid.merge(
        per_ssyk, left_on=["ssyk", "county"], right_on=["ssyk", "area_code"], how="left"
    )
    national = per_ssyk[per_ssyk["area_code"] == "00"].drop(columns="area_code")
    values = [c for c in per_ssyk.columns if c not in ("ssyk", "area_code")]
    fallback = grid.merge(national, on="ssyk", how="left")
    missing = local["assessed"].isna()
    merged = local[["county", "study_path", "ssyk", "weight"]].copy()
    for column in values:
        merged[column] = local[column].where(~missing, fallback[column])
    merged["fallback"] = missing & fallback["assessed"].notna()
    merged["weight"] = merged["weight"].astype(float)
    assessed = merged["assessed"].fillna(0) > 0
    weight = merged["weight"].where(assessed, 0)
    shares = pd.DataFrame({"county": merged["county"], "study_path": merged["study_path"]})
    for column in SHARE_COLUMNS:
        shares[column] = merged[column].fillna(0) * weight
    shares["assessed_weight"] = weight
    shares["total_weight"] = merged["weight"]
    shares["fallback_weight"] = merged["weight"].where(merged["fallback"], 0)
    summed = shares.groupby(["county", "study_path"], sort=False).sum().reset_index()
    denominator = summed["assessed_weight"].replace(0, np.nan)
    for column in SHARE_COLUMNS:
        summed[column] = (summed[column] / denominator).round(3)
    summed["coverage"] = (summed["assessed_weight"] / summed["total_weight"]).round(3)
    summed["fallback_weight"] = (summed["fallback_weight"] / summed["total_weight"]).round(3)
    # Paradox = recruitment difficulties although there are jobseekers: demand exists, so it
    # counts on the shortage side of the index.
    summed["demand_index"] = (summed["shortage"] + summed["paradox"] - summed["surplus"]).round(3)
    return summed[columns]


def _one_hot(assessments: pd.DataFrame) -> pd.DataFrame:
    frame = pd.DataFrame({"ssyk": assessments["ssyk"], "area_code": assessments["area_code"]})
    situation = assessments["recruitment_situation"].fillna("")
    outlook = assessments["outlook"].fillna("")
    frame["shortage"] = (situation == "brist").astype(float)
    frame["balance"] = (situation == "balans").astype(float)
    frame["surplus"] = (situation == "överskott").astype(float)
    frame["paradox"] = (situation == "paradox").astype(float)
    frame["increase"] = (outlook == "öka").astype(float)
    frame["unchanged"] = (outlook == "vara oförändrad").astype(float)
    frame["decrease"] = (outlook == "minska").astype(float)
    # "Ingen bedömning" (null situation) doesn't count as assessed.
    frame["assessed"] = (situation != "").astype(float)
    return frame


def classify(pressure: pd.Series, demand: pd.Series) -> pd.Series:
    """Matching class per row from applicants per place and the demand index."""
    high = pressure >= HIGH_PRESSURE
    strong = demand >= STRONG_DEMAND
    weak = demand <= WEAK_DEMAND
    conditions = [
        pressure.isna(),
        demand.isna(),
        strong & ~high,
        strong & high,
        weak & high,
        weak & ~high,
        high,
    ]
    choices = [
        Match.NO_PLACES,
        Match.NO_OUTLOOK,
        Match.DEMANDED_LOW,
        Match.DEMANDED_HIGH,
        Match.POPULAR_WEAK,
        Match.LOW_WEAK,
        Match.BALANCED_HIGH,
    ]
    return pd.Series(
        np.select(conditions, choices, default=Match.BALANCED_LOW), index=pressure.index
    )


def matching(
    admissions: pd.DataFrame,
    links: pd.DataFrame,
    assessments: pd.DataFrame,
    *,
    by: list[str],
) -> pd.DataFrame:
    """Programmes per area (`by`, e.g. ["municipality_code"]) with pressure, outlook and class.

    `admissions` needs county_code and programme_code; the outlook of an area is that of its
    county (Yrkesbarometern assesses counties, not municipalities).
    """
    keys = (
        [*by, "county_code", "programme_code"]
        if "county_code" not in by
        else [*by, "programme_code"]
    )
    summary = summarise(admissions, by=keys)
    if summary.empty:
        return summary.assign(demand_index=[], match=[], match_label=[])
    counties = sorted(summary["county_code"].dropna().unique())
    programme_links = links[links["study_path"].str.len() <= 3]
    outlook = outlook_by_county(programme_links, assessments, counties=counties)
    result = summary.merge(
        outlook,
        left_on=["county_code", "programme_code"],
        right_on=["county", "study_path"],
        how="left",
    ).drop(columns=["county", "study_path"])
    thin = result["coverage"].fillna(0) < MIN_COVERAGE
    result["match"] = classify(result["applicants_per_place"], result["demand_index"].where(~thin))
    result["match_label"] = result["match"].map(lambda code: str(Match.LABELS[code]))
    return result


def records(frame: pd.DataFrame | None) -> list[dict]:
    """A result's rows as plain dicts with NaN turned into None (for pages and the API)."""
    if frame is None or len(frame) == 0:
        return []
    return [
        {
            key: (None if isinstance(value, float) and math.isnan(value) else value)
            for key, value in row.items()
        }
        for row in frame.to_dict("records")
    ]
