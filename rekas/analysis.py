"""REKAS analysis in plain pandas: admissions, outlook of programmes and the matching.

The formulas and thresholds are documented in docs/rekas-method.md; the tests compute them
by hand on a small dataset. Functions take DataFrames (`frames`); `aggregates` runs them after
every import and mapping change and stores the results that pages, exports and the API read.
"""

import math

import numpy as np
import pandas as pd

from .labels import Match, Measure

COUNT_COLUMNS = [
    "places",
    "first_choice_applicants",
    "admitted",
    "admitted_first_choice",
    "reserves",
]

# Matching thresholds (docs/rekas-method.md, "Matchning").
HIGH_PRESSURE = 1.0  # first-choice applicants per place: more applicants than places
STRONG_DEMAND = 0.2  # demand index = share in shortage − share in surplus, from −1 to 1
WEAK_DEMAND = -0.2
MIN_COVERAGE = 0.25  # below this share of the mapping's weight assessed, no verdict is given
# The share of a study path's occupations in each recruitment situation and each outlook.
SHARE_COLUMNS = ["shortage", "balance", "surplus", "paradox", "increase", "unchanged", "decrease"]
__all__ = ["Match", "Measure"]  # defined in labels (pages read them without pandas)


def summarise(admissions: pd.DataFrame, *, by: list[str]) -> pd.DataFrame:
    """Places, applicants, ratios and merit levels per group (e.g. by=["programme_code"]).

    Every figure may be missing ("not published"): sums count the rows that publish the
    figure and are missing when none does, never 0, and a ratio uses only the rows that
    publish both its figures:
    - applicants_per_place = first-choice applicants / places
    - fill_rate = admitted / places
    - lowest_merit = the lowest admission merit among the group's schools (the easiest way in)
    - mean_merit, median_merit = the schools' values weighted by admitted (unweighted when a
      school publishes the merit but not how many were admitted)
    """
    columns = [
        *by, *COUNT_COLUMNS, "applicants_per_place", "fill_rate", "lowest_merit", "mean_merit",
        "median_merit", "schools",
    ]  # fmt: skip
    if admissions.empty:
        return pd.DataFrame(columns=columns)
    frame = admissions.copy()
    for column in [*COUNT_COLUMNS, "lowest_merit", "mean_merit", "median_merit"]:
        if column not in frame:
            frame[column] = np.nan
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype(float)
    pairs = {"applicants_per_place": "first_choice_applicants", "fill_rate": "admitted"}
    for ratio, numerator in pairs.items():
        both = frame[numerator].notna() & frame["places"].notna()
        frame[f"{ratio}_num"] = frame[numerator].where(both)
        frame[f"{ratio}_den"] = frame["places"].where(both)
    for merit in ("mean_merit", "median_merit"):
        weight = frame["admitted"].where(frame[merit].notna())
        frame[f"{merit}_w"] = frame[merit] * weight
        frame[f"{merit}_wt"] = weight
        frame[f"{merit}_unweighted"] = (frame[merit].notna() & weight.isna()).astype(int)
    grouped = frame.groupby(by, dropna=False, sort=True)
    result = grouped[COUNT_COLUMNS].sum(min_count=1)
    for ratio, rounding in (("applicants_per_place", 2), ("fill_rate", 3)):
        numerator = grouped[f"{ratio}_num"].sum(min_count=1)
        denominator = grouped[f"{ratio}_den"].sum(min_count=1).replace(0, np.nan)
        result[ratio] = (numerator / denominator).round(rounding)
    result["lowest_merit"] = grouped["lowest_merit"].min().astype(float)
    for merit in ("mean_merit", "median_merit"):
        weighted = grouped[f"{merit}_w"].sum(min_count=1) / grouped[f"{merit}_wt"].sum(
            min_count=1
        ).replace(0, np.nan)
        unweighted = grouped[merit].mean()
        result[merit] = weighted.where(grouped[f"{merit}_unweighted"].sum() == 0, unweighted)
        result[merit] = result[merit].astype(float).round(1)
    result["schools"] = grouped["school_id"].nunique() if "school_id" in frame else np.nan
    return result.reset_index()[columns]


def pressure(summary: pd.DataFrame, reference: pd.Series) -> pd.DataFrame:
    """Which measure judges each group's search pressure and whether it is high.

    `reference`: the national median of the lowest admitted merit per programme_code (for the
    merit measure). Returns pressure_measure and pressure_high (NaN when no measure)."""
    applicants = summary["applicants_per_place"]
    fill = summary["fill_rate"]
    reserves = summary["reserves"]
    lowest = summary["lowest_merit"]
    national = _national(summary, reference)
    full = (fill >= 1.0) & (reserves.isna() | (reserves > 0))
    conditions = [
        applicants.notna(),
        fill.notna(),
        lowest.notna() & (national.notna() if national is not None else False),
    ]
    measures = [Measure.APPLICANTS, Measure.FILL, Measure.MERIT]
    highs = [applicants >= HIGH_PRESSURE, full, lowest >= (national if national is not None else 0)]
    measure = np.select(conditions, measures, default=Measure.NONE)
    high = np.select(conditions, [h.astype(float) for h in highs], default=np.nan)
    return pd.DataFrame({"pressure_measure": measure, "pressure_high": high}, index=summary.index)


def _national(summary: pd.DataFrame, reference: pd.Series) -> pd.Series | None:
    """Each group's yardstick: `reference` is keyed by programme_code, or by year, round and
    programme_code when several years and rounds are judged at once (aggregates)."""
    keys = [name or "programme_code" for name in reference.index.names]
    if not all(key in summary for key in keys):
        return None
    if len(keys) == 1:
        return summary["programme_code"].map(reference)
    found = summary[keys].merge(reference.rename("national").reset_index(), on=keys, how="left")[
        "national"
    ]
    return found.set_axis(summary.index)


def national_lowest_merit(
    admissions: pd.DataFrame, *, by: tuple[str, ...] = ("programme_code",)
) -> pd.Series:
    """Median of the schools' lowest admitted merit per programme_code (the merit measure's
    yardstick; per year and round too with by=("year", "round", "programme_code")); values
    above 340 (aptitude tests, other scales) are left out."""
    if admissions.empty:
        return pd.Series(dtype=float)
    merits = pd.to_numeric(admissions["lowest_merit"], errors="coerce").astype(float)
    usable = admissions.assign(lowest_merit=merits)[merits.notna() & (merits <= 340)]
    return usable.groupby(list(by))["lowest_merit"].median()


def trend(admissions: pd.DataFrame) -> pd.DataFrame:
    """Per year: totals and the change in first-choice applicants from the year before (%),
    missing when either year does not publish them."""
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


def classify(high: pd.Series, demand: pd.Series) -> pd.Series:
    """Matching class per row from whether pressure is high (1, 0, NaN = no measure) and the
    demand index."""
    pressed = high == 1
    strong = demand >= STRONG_DEMAND
    weak = demand <= WEAK_DEMAND
    conditions = [
        high.isna(),
        demand.isna(),
        strong & ~pressed,
        strong & pressed,
        weak & pressed,
        weak & ~pressed,
        pressed,
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
    return pd.Series(np.select(conditions, choices, default=Match.BALANCED_LOW), index=high.index)


def matching(
    admissions: pd.DataFrame,
    links: pd.DataFrame,
    assessments: pd.DataFrame,
    *,
    by: list[str],
    reference: pd.Series | None = None,
    outlook: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Programmes per area (`by`, e.g. ["municipality_code"]) with pressure, outlook and class.

    `admissions` needs county_code and programme_code; the outlook of an area is that of its
    county (Yrkesbarometern assesses counties, not municipalities). `reference`: the national
    median lowest merit per programme (default: computed from `admissions`). `outlook`:
    `outlook_by_county` of the links and assessments for the counties (default: computed).
    """
    keys = (
        [*by, "county_code", "programme_code"]
        if "county_code" not in by
        else [*by, "programme_code"]
    )
    summary = summarise(admissions, by=keys)
    if summary.empty:
        return summary.assign(
            demand_index=[], match=[], match_label=[], pressure_measure=[], pressure_label=[]
        )
    reference = national_lowest_merit(admissions) if reference is None else reference
    summary = summary.join(pressure(summary, reference))
    if outlook is None:
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
    result["match"] = classify(result["pressure_high"], result["demand_index"].where(~thin))
    # Each label translated once, not once a row.
    result["match_label"] = result["match"].map(
        {code: str(label) for code, label in Match.LABELS.items()}
    )
    result["pressure_label"] = result["pressure_measure"].map(
        {code: str(label) for code, label in Measure.LABELS.items()}
    )
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
