"""The admission tables (and charts) of the REKAS pages: programmes and areas with their
pressure and matching, trends, schools and comparisons, from the stored statistics
(selectors.statistics; computed by rekas.aggregates, so no analysis runs on a page view).

Views stay short: they parse filters, call these and render or export the result.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import selectors
from ..labels import add_labels
from .tables import Chart, Column, Table


@dataclass(frozen=True)
class Filters:
    """The year, round and programme kind a visitor chose (FilterForm)."""

    year: int | None
    round: str
    kind: str = ""


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


def _decorate_programmes(rows: list[dict]) -> list[dict]:
    for row in rows:
        row["programme"] = row["programme_name"] or row["programme_code"]
        row["programme_url"] = reverse("rekas:programme", args=[row["programme_code"]])
        add_labels(row)
    return sorted(rows, key=lambda row: row["programme"])


def programme_matching_table(programmes: list[dict], *, caption: str, note: str) -> Table:
    return Table(
        name="program",
        caption=caption,
        columns=[
            Column("programme", _("Program"), link_key="programme_url"),
            *SUMMARY_COLUMNS,
            *MATCH_COLUMNS,
        ],
        rows=_decorate_programmes(programmes),
        note=note,
        chart=Chart(
            kind="bar",
            label_key="programme",
            series=(("applicants_per_place", _("Förstahandssökande per plats")),),
            description=_("Stapeldiagram: förstahandssökande per plats för varje program."),
            y_label=_("Sökande per plats"),
            horizontal=True,
        ),
    )


def county_programme_table(programmes: list[dict], *, caption: str) -> Table:
    """One programme's figures and matching per county."""
    names = selectors.county_names()
    for row in programmes:
        row["county"] = names.get(row["county_code"], row["county_code"])
        row["county_url"] = reverse("rekas:county", args=[row["county_code"]])
        add_labels(row)
    return Table(
        name="lan",
        caption=caption,
        columns=[
            Column("county", _("Län"), link_key="county_url"),
            *SUMMARY_COLUMNS,
            *MATCH_COLUMNS,
        ],
        rows=sorted(programmes, key=lambda row: row["county_code"]),
        chart=Chart(
            kind="bar",
            label_key="county",
            series=(("applicants_per_place", _("Förstahandssökande per plats")),),
            description=_("Stapeldiagram: förstahandssökande per plats i varje län."),
            horizontal=True,
        ),
    )


def _with_change(years: list[dict]) -> list[dict]:
    """Each year with the change in first-choice applicants from the year before (%), missing
    when either year does not publish them."""
    previous = None
    for row in years:
        current = row["first_choice_applicants"]
        row["change_pct"] = (
            round((current / previous - 1) * 100, 1) if current is not None and previous else None
        )
        previous = current
    return years


def trend_table(years: list[dict], *, caption: str) -> Table:
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
        rows=_with_change(years),
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
    areas: list[dict], *, names: dict[str, str], url_name: str, caption: str, name: str, note: str
) -> Table:
    """Every programme together per area (`areas`: selectors.statistics.totals)."""
    for row in areas:
        row["area"] = names.get(row["area_code"], row["area_code"])
        row["url"] = reverse(url_name, args=[row["area_code"]])
    return Table(
        name=name,
        caption=caption,
        columns=[Column("area", _("Område"), link_key="url"), *AREA_COLUMNS],
        rows=sorted(areas, key=lambda row: row["area"]),
        note=note,
    )


def partial_note(totals: list[dict]) -> str:
    """Said above a table whose sums mix lists that publish places with lists that do not
    (`totals`: the page's area, or its areas, from selectors.statistics.totals)."""
    rows = sum(row["rows"] for row in totals)
    missing = sum(row["rows_without_places"] for row in totals)
    if not missing or missing == rows:
        return ""
    return _(
        "%(missing)s av %(rows)s rader kommer från listor som inte publicerar antal platser. "
        "Summor och kvoter gäller bara de skolor som publicerar siffrorna."
    ) % {"missing": missing, "rows": rows}


def schools_table(schools: list[dict], *, caption: str) -> Table:
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
        rows=schools,
    )


def compare_table(
    programmes_a: list[dict], programmes_b: list[dict], *, label_a: str, label_b: str
) -> Table:
    keep = [
        "places",
        "first_choice_applicants",
        "applicants_per_place",
        "pressure_measure",
        "match",
    ]
    merged: dict[str, dict] = {}
    for suffix, programmes in (("_a", programmes_a), ("_b", programmes_b)):
        for row in programmes:
            target = merged.setdefault(
                row["programme_code"],
                {"programme_code": row["programme_code"], "programme_name": row["programme_name"]},
            )
            target.update({f"{key}{suffix}": row[key] for key in keep})
    for row in merged.values():
        add_labels(row, "_a")
        add_labels(row, "_b")
    rows = _decorate_programmes(list(merged.values()))
    differ = sum(
        1
        for row in rows
        if "pressure_measure_a" in row
        and "pressure_measure_b" in row
        and row["pressure_measure_a"] != row["pressure_measure_b"]
    )
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
