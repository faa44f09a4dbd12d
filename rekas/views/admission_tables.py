"""The admission tables (and charts) of the REKAS pages: programmes and areas with their
pressure and matching, trends, schools and comparisons, built from selectors + analysis.

Views stay short: they parse filters, call these and render or export the result.
"""

from dataclasses import dataclass

import pandas as pd
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import analysis, selectors
from ..analysis import Match, records
from .tables import Chart, Column, Table


@dataclass(frozen=True)
class Filters:
    """The year, round and programme kind a visitor chose (FilterForm)."""

    year: int | None
    round: str
    kind: str = ""

    def admissions(self, area: selectors.Area | None = None, **extra: str) -> pd.DataFrame:
        """The chosen year's admissions, in `area` (or as `extra` filters, e.g. county=…)."""
        filters = {"year": self.year, "round": self.round, "kind": self.kind or None, **extra}
        return area.admissions(**filters) if area else selectors.admissions_frame(**filters)

    def history(self, **extra: str) -> pd.DataFrame:
        """Every year's admissions of the chosen round and kind, for the trend."""
        return selectors.admissions_frame(round=self.round, kind=self.kind or None, **extra)


# Lazy: built once at import, shown in the visitor's language.
PRESSURE = Column("applicants_per_place", gettext_lazy("Förstahandssökande per plats"), "decimal")
SUMMARY_COLUMNS = [
    Column("places", gettext_lazy("Platser"), "int"),
    Column("first_choice_applicants", gettext_lazy("Förstahandssökande"), "int"),
    PRESSURE,
    Column("admitted", gettext_lazy("Antagna"), "int"),
    Column("fill_rate", gettext_lazy("Fyllnadsgrad"), "percent"),
    Column("admitted_first_choice", gettext_lazy("Antagna i första hand"), "int"),
    Column("reserves", gettext_lazy("Reserver"), "int"),
    Column("lowest_merit", gettext_lazy("Lägsta antagningspoäng"), "merit"),
    Column("mean_merit", gettext_lazy("Medelmeritvärde"), "merit"),
    Column("median_merit", gettext_lazy("Medianmeritvärde"), "merit"),
]
AREA_COLUMNS = SUMMARY_COLUMNS[:5]  # the counts and ratios an area table sums up
MATCH_COLUMNS = [
    Column("pressure_label", gettext_lazy("Söktryck bedömt med")),
    Column("demand_index", gettext_lazy("Efterfrågeindex (−1 till 1)"), "decimal"),
    Column("match_label", gettext_lazy("Matchning"), badge_key="match_tone"),
]


def _decorate_programmes(frame: pd.DataFrame) -> list[dict]:
    names = selectors.programme_names()
    rows = records(frame)
    for row in rows:
        row["programme"] = names.get(row["programme_code"], row["programme_code"])
        row["programme_url"] = reverse("rekas:programme", args=[row["programme_code"]])
        if "match" in row:
            row["match_tone"] = Match.TONES.get(row["match"], "")
    return sorted(rows, key=lambda row: row["programme"])


def programme_matching_table(admissions: pd.DataFrame, *, by: list[str], caption: str) -> Table:
    frame = selectors.matching(admissions, by=by)
    return Table(
        name="program",
        caption=caption,
        columns=[
            Column("programme", _("Program"), link_key="programme_url"),
            *SUMMARY_COLUMNS,
            *MATCH_COLUMNS,
        ],
        rows=_decorate_programmes(frame),
        note=partial_note(admissions),
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
    frame = selectors.matching(admissions, by=["county_code"])
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
            Column(
                "change_pct",
                _("Förändring av sökande mot året före (%)"),
                "decimal",
                missing="–",
            ),
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
        columns=[Column(name_key, _("Område"), link_key="url"), *AREA_COLUMNS],
        rows=sorted(rows, key=lambda row: row[name_key]),
        note=partial_note(admissions),
    )


def partial_note(admissions: pd.DataFrame) -> str:
    """Said above a table whose sums mix lists that publish places with lists that do not."""
    if admissions.empty or "places" not in admissions:
        return ""
    published = admissions["places"].notna()
    if published.all() or not published.any():
        return ""
    return _(
        "%(missing)s av %(rows)s rader kommer från listor som inte publicerar antal platser. "
        "Summor och kvoter gäller bara de skolor som publicerar siffrorna."
    ) % {"missing": int((~published).sum()), "rows": len(admissions)}


def schools_table(admissions: pd.DataFrame, *, caption: str) -> Table:
    frame = analysis.summarise(
        admissions, by=["school_name", "study_path", "variant", "programme_name"]
    )
    return Table(
        name="skolor",
        caption=caption,
        columns=[
            Column("school_name", _("Skola")),
            Column("programme_name", _("Program")),
            Column("study_path", _("Studieväg")),
            Column("variant", _("Variant som publicerad")),
            *SUMMARY_COLUMNS,
        ],
        rows=records(frame),
    )


def compare_table(
    admissions_a: pd.DataFrame,
    admissions_b: pd.DataFrame,
    *,
    label_a: str,
    label_b: str,
    by_a: list[str],
    by_b: list[str],
) -> Table:
    a = selectors.matching(admissions_a, by=by_a)
    b = selectors.matching(admissions_b, by=by_b)
    keep = [
        "programme_code",
        "places",
        "first_choice_applicants",
        "applicants_per_place",
        "pressure_label",
        "match_label",
    ]
    merged = a[keep].merge(b[keep], on="programme_code", how="outer", suffixes=("_a", "_b"))
    rows = _decorate_programmes(merged)
    measured = merged.dropna(subset=["pressure_label_a", "pressure_label_b"])
    differ = int((measured["pressure_label_a"] != measured["pressure_label_b"]).sum())
    note = (
        _(
            "I %(count)s program bedöms söktrycket med olika mått i de två områdena, eftersom "
            "antagningskanslierna publicerar olika siffror. Jämför matchningen, inte talen."
        )
        % {"count": differ}
        if differ
        else ""
    )
    return Table(
        note=note,
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
            Column("pressure_label_a", _("Söktryck bedömt med, %(area)s") % {"area": label_a}),
            Column("match_label_a", _("Matchning, %(area)s") % {"area": label_a}),
            Column("places_b", _("Platser, %(area)s") % {"area": label_b}, "int"),
            Column(
                "applicants_per_place_b",
                _("Sökande per plats, %(area)s") % {"area": label_b},
                "decimal",
            ),
            Column("pressure_label_b", _("Söktryck bedömt med, %(area)s") % {"area": label_b}),
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
