"""The tables (and charts) of each REKAS page, built from selectors + analysis.

Views stay short: they parse filters, call one of these and render or export the result.
"""

from dataclasses import dataclass

import pandas as pd
from django.urls import reverse
from django.utils.translation import gettext as _

from . import analysis, selectors
from .analysis import Match
from .models import NATIONAL, Assessment, ProgrammeOccupation
from .tables import Chart, Column, Table, records


@dataclass(frozen=True)
class Filters:
    year: int | None
    round: str
    kind: str = ""

    def admissions(self, **extra) -> pd.DataFrame:
        return selectors.admissions_frame(
            year=self.year, round=self.round, kind=self.kind or None, **extra
        )


PRESSURE = Column("applicants_per_place", _("Förstahandssökande per plats"), "decimal")
SUMMARY_COLUMNS = [
    Column("places", _("Platser"), "int"),
    Column("first_choice_applicants", _("Förstahandssökande"), "int"),
    PRESSURE,
    Column("admitted", _("Antagna"), "int"),
    Column("fill_rate", _("Fyllnadsgrad"), "percent"),
    Column("lowest_merit", _("Lägsta antagningspoäng"), "merit"),
    Column("median_merit", _("Medianmeritvärde"), "merit"),
]
MATCH_COLUMNS = [
    Column("demand_index", _("Efterfrågeindex (−1 till 1)"), "decimal"),
    Column("match_label", _("Matchning"), badge_key="match_tone"),
]


def _programme_names() -> dict[str, str]:
    from .models import Programme

    return dict(Programme.objects.values_list("code", "name"))


def _decorate_programmes(frame: pd.DataFrame) -> list[dict]:
    names = _programme_names()
    rows = records(frame)
    for row in rows:
        row["programme"] = names.get(row["programme_code"], row["programme_code"])
        row["programme_url"] = reverse("rekas:programme", args=[row["programme_code"]])
        if "match" in row:
            row["match_tone"] = Match.TONES.get(row["match"], "")
    return sorted(rows, key=lambda row: row["programme"])


def programme_matching_table(admissions: pd.DataFrame, *, by: list[str], caption: str) -> Table:
    frame = analysis.matching(
        admissions, selectors.links_frame(), selectors.assessments_frame(), by=by
    )
    return Table(
        name="program",
        caption=caption,
        columns=[
            Column("programme", _("Program"), link_key="programme_url"),
            *SUMMARY_COLUMNS,
            *MATCH_COLUMNS,
        ],
        rows=_decorate_programmes(frame),
        chart=Chart(
            kind="bar",
            label_key="programme",
            series=(("applicants_per_place", _("Förstahandssökande per plats")),),
            description=_("Stapeldiagram: förstahandssökande per plats för varje program."),
            y_label=_("Sökande per plats"),
            horizontal=True,
        ),
    )


def county_programme_table(admissions: pd.DataFrame, *, caption: str) -> Table:
    """One programme's figures and matching per county."""
    names = selectors.county_names()
    frame = analysis.matching(
        admissions, selectors.links_frame(), selectors.assessments_frame(), by=["county_code"]
    )
    rows = records(frame)
    for row in rows:
        row["county"] = names.get(row["county_code"], row["county_code"])
        row["county_url"] = reverse("rekas:county", args=[row["county_code"]])
        row["match_tone"] = Match.TONES.get(row["match"], "")
    return Table(
        name="lan",
        caption=caption,
        columns=[
            Column("county", _("Län"), link_key="county_url"),
            *SUMMARY_COLUMNS,
            *MATCH_COLUMNS,
        ],
        rows=sorted(rows, key=lambda row: row["county_code"]),
        chart=Chart(
            kind="bar",
            label_key="county",
            series=(("applicants_per_place", _("Förstahandssökande per plats")),),
            description=_("Stapeldiagram: förstahandssökande per plats i varje län."),
            horizontal=True,
        ),
    )


def trend_table(admissions: pd.DataFrame, *, caption: str) -> Table:
    frame = analysis.trend(admissions)
    return Table(
        name="trend",
        caption=caption,
        columns=[
            Column("year", _("År"), "text"),
            Column("places", _("Platser"), "int"),
            Column("first_choice_applicants", _("Förstahandssökande"), "int"),
            PRESSURE,
            Column("change_pct", _("Förändring av sökande mot året före (%)"), "decimal"),
        ],
        rows=records(frame),
        chart=Chart(
            kind="line",
            label_key="year",
            series=(
                ("first_choice_applicants", _("Förstahandssökande")),
                ("places", _("Platser")),
            ),
            description=_("Linjediagram: platser och förstahandssökande per år."),
        ),
    )


def area_table(
    admissions: pd.DataFrame, *, key: str, name_key: str, url_name: str, caption: str, name: str
) -> Table:
    frame = analysis.summarise(admissions, by=[key, name_key])
    rows = records(frame)
    for row in rows:
        row["url"] = reverse(url_name, args=[row[key]])
    return Table(
        name=name,
        caption=caption,
        columns=[Column(name_key, _("Område"), link_key="url"), *SUMMARY_COLUMNS[:5]],
        rows=sorted(rows, key=lambda row: row[name_key]),
    )


def schools_table(admissions: pd.DataFrame, *, caption: str) -> Table:
    frame = analysis.summarise(admissions, by=["school_name", "study_path", "programme_name"])
    return Table(
        name="skolor",
        caption=caption,
        columns=[
            Column("school_name", _("Skola")),
            Column("programme_name", _("Program")),
            Column("study_path", _("Studieväg")),
            *SUMMARY_COLUMNS[:4],
            *SUMMARY_COLUMNS[5:],
        ],
        rows=records(frame),
    )


def programme_occupations_table(*, study_path: str, county: str) -> Table:
    links = ProgrammeOccupation.objects.filter(study_path=study_path).select_related("occupation")
    total = sum(float(link.weight) for link in links) or 1
    rows = []
    for link in links:
        outlook = selectors.outlook_for(ssyk=link.occupation.ssyk, county_code=county)
        rows.append(
            {
                "ssyk": link.occupation.ssyk,
                "occupation": link.occupation.name,
                "url": link.occupation.get_absolute_url(),
                "weight": float(link.weight) / total,
                "situation": outlook.recruitment_label if outlook else _("Ingen bedömning"),
                "outlook": outlook.outlook_label if outlook else "–",
                "level": (
                    _("Hela riket (länet saknar bedömning)")
                    if outlook.is_national_fallback
                    else _("Länet")
                )
                if outlook
                else "–",
            }
        )
    return Table(
        name="yrken",
        caption=_("Yrken som utbildningen leder till och deras prognos"),
        columns=[
            Column("ssyk", _("SSYK")),
            Column("occupation", _("Yrke"), link_key="url"),
            Column("weight", _("Vikt"), "percent"),
            Column("situation", _("Rekryteringssituation")),
            Column("outlook", _("Efterfrågan om fem år väntas")),
            Column("level", _("Bedömningens område")),
        ],
        rows=rows,
    )


def outlook_share_table(*, study_path: str, county: str) -> Table:
    links = selectors.links_frame()
    shares = analysis.assessment_shares(
        links[links["study_path"] == study_path], selectors.assessments_frame(), county=county
    )
    row = records(shares)[0] if len(shares) else {}
    labels = [
        ("shortage", _("Brist")),
        ("paradox", _("Paradox")),
        ("balance", _("Balans")),
        ("surplus", _("Överskott")),
        ("increase", _("Efterfrågan ökar om fem år")),
        ("unchanged", _("Oförändrad om fem år")),
        ("decrease", _("Minskar om fem år")),
        ("coverage", _("Andel av vikten med bedömning")),
        ("fallback_weight", _("Andel där rikets bedömning används")),
    ]
    return Table(
        name="prognosandelar",
        caption=_("Viktad prognos för yrkena"),
        columns=[Column("label", _("Mått")), Column("share", _("Andel"), "percent")],
        rows=[{"label": label, "share": row.get(key)} for key, label in labels] if row else [],
        chart=Chart(
            kind="bar",
            label_key="label",
            series=(("share", _("Andel")),),
            description=_("Stapeldiagram: viktad andel av yrkena i brist, balans och överskott."),
        ),
        extra={"demand_index": row.get("demand_index")},
        empty_text=_(
            "Arbetsförmedlingen har ingen bedömning av yrkena som utbildningen leder till."
        ),
    )


def occupation_outlook_table(*, occupation, round: str | None) -> Table:
    names = selectors.county_names()
    assessments = (
        Assessment.objects.filter(barometer_occupation__occupations=occupation, round=round)
        .select_related("barometer_occupation")
        .order_by("area_code", "barometer_occupation__name")
    )
    rows = [
        {
            "area": names.get(a.area_code, a.area_code),
            "barometer": a.barometer_occupation.name,
            "opportunities": a.get_job_opportunities_display() or _("Ingen bedömning"),
            "situation": a.get_recruitment_situation_display() or _("Ingen bedömning"),
            "outlook": a.get_outlook_display() or _("Ingen bedömning"),
            "level": a.assessment_level,
            "partial": _("Delvis") if a.partial else _("Helt"),
        }
        for a in assessments
    ]
    return Table(
        name="bedomningar",
        caption=_("Arbetsförmedlingens bedömning per län, omgång %(round)s")
        % {"round": round or "–"},
        columns=[
            Column("area", _("Område")),
            Column("barometer", _("Yrke i Yrkesbarometern")),
            Column("opportunities", _("Jobbmöjligheter")),
            Column("situation", _("Rekryteringssituation")),
            Column("outlook", _("Efterfrågan om fem år väntas")),
            Column("level", _("Högsta bedömningsnivå")),
            Column("partial", _("Underlag för länet")),
        ],
        rows=rows,
    )


def situation_count_table(outlook_table: Table) -> Table:
    national = selectors.county_names()[NATIONAL]
    counts = pd.Series([row["situation"] for row in outlook_table.rows if row["area"] != national])
    frame = counts.value_counts().rename_axis("situation").reset_index(name="counties")
    return Table(
        name="situationer",
        caption=_("Antal län per rekryteringssituation"),
        columns=[
            Column("situation", _("Rekryteringssituation")),
            Column("counties", _("Antal län"), "int"),
        ],
        rows=records(frame),
        chart=Chart(
            kind="bar",
            label_key="situation",
            series=(("counties", _("Antal län")),),
            description=_("Stapeldiagram: antal län per rekryteringssituation."),
        ),
    )


def occupation_history_table(*, occupation) -> Table:
    assessments = Assessment.objects.filter(
        barometer_occupation__occupations=occupation, area_code=NATIONAL
    ).select_related("barometer_occupation")
    rows = [
        {
            "round": a.round,
            "barometer": a.barometer_occupation.name,
            "situation": a.get_recruitment_situation_display() or _("Ingen bedömning"),
            "outlook": a.get_outlook_display() or _("Ingen bedömning"),
        }
        for a in assessments.order_by("-round")
    ]
    return Table(
        name="historik",
        caption=_("Bedömning för hela riket per omgång"),
        columns=[
            Column("round", _("Omgång")),
            Column("barometer", _("Yrke i Yrkesbarometern")),
            Column("situation", _("Rekryteringssituation")),
            Column("outlook", _("Efterfrågan om fem år väntas")),
        ],
        rows=rows,
    )


def programmes_for_occupation_table(*, occupation) -> Table:
    links = ProgrammeOccupation.objects.filter(occupation=occupation).select_related(
        "programme", "orientation"
    )
    rows = [
        {
            "programme": link.programme.name,
            "orientation": link.orientation.name if link.orientation else _("Hela programmet"),
            "study_path": link.study_path,
            "weight": float(link.weight),
            "url": link.programme.get_absolute_url(),
        }
        for link in links.order_by("-weight")
    ]
    return Table(
        name="program",
        caption=_("Utbildningar som leder till yrket"),
        columns=[
            Column("programme", _("Program"), link_key="url"),
            Column("orientation", _("Inriktning")),
            Column("study_path", _("Studieväg")),
            Column("weight", _("Vikt i kopplingen"), "percent"),
        ],
        rows=rows,
    )


def compare_table(
    admissions_a, admissions_b, *, label_a: str, label_b: str, by_a: list[str], by_b: list[str]
) -> Table:
    links, assessments = selectors.links_frame(), selectors.assessments_frame()
    a = analysis.matching(admissions_a, links, assessments, by=by_a)
    b = analysis.matching(admissions_b, links, assessments, by=by_b)
    keep = [
        "programme_code",
        "places",
        "first_choice_applicants",
        "applicants_per_place",
        "match_label",
    ]
    merged = a[keep].merge(b[keep], on="programme_code", how="outer", suffixes=("_a", "_b"))
    rows = _decorate_programmes(merged)
    return Table(
        name="jamforelse",
        caption=_("%(a)s jämfört med %(b)s") % {"a": label_a, "b": label_b},
        columns=[
            Column("programme", _("Program"), link_key="programme_url"),
            Column("places_a", _("Platser, %(area)s") % {"area": label_a}, "int"),
            Column(
                "applicants_per_place_a",
                _("Sökande per plats, %(area)s") % {"area": label_a},
                "decimal",
            ),
            Column("match_label_a", _("Matchning, %(area)s") % {"area": label_a}),
            Column("places_b", _("Platser, %(area)s") % {"area": label_b}, "int"),
            Column(
                "applicants_per_place_b",
                _("Sökande per plats, %(area)s") % {"area": label_b},
                "decimal",
            ),
            Column("match_label_b", _("Matchning, %(area)s") % {"area": label_b}),
        ],
        rows=rows,
        chart=Chart(
            kind="bar",
            label_key="programme",
            series=(
                ("applicants_per_place_a", label_a),
                ("applicants_per_place_b", label_b),
            ),
            description=_("Stapeldiagram: förstahandssökande per plats i de två områdena."),
            horizontal=True,
        ),
    )
