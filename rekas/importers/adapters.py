"""Column layouts of admission files: REKAS's canonical CSV and the regional offices' lists.

Canonical (see docs/rekas-method.md): ar; antagningsomgang; kommunkod; skola; skolenhetskod;
programkod; programnamn; inriktning; platser; forstahandssokande; antagna;
antagna_forsta_hand; reserver; lagsta_merit; medel_merit; median_merit. English names (year,
round, municipality_code, …) work too, and so do the camelCase fields of a JSON list of rows
extracted from the offices' published lists (programName, admittedCount, admissionMeritMin, …).

Regional offices publish different figures (data/regional_layouts.csv says which): a file
needs the school (or organiser), the programme and at least one figure column; every figure
is optional and what a list lacks is stored as "not published", never 0. Year and round come
from --year/--round when the list does not say them.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..services import read_rows
from .normalise import normalise_header

CANONICAL_ALIASES = {
    "year": ["ar", "year", "antagningsar", "lasar"],
    "round": ["antagningsomgang", "omgang", "round", "admissionround"],
    "municipality_code": ["kommunkod", "municipality_code", "kommun_kod", "kommunnummer"],
    "municipality_name": ["kommun", "kommunnamn", "municipality", "huvudman", "organisator"],
    "school": ["skola", "skolnamn", "school", "skolenhet"],
    "school_unit_code": ["skolenhetskod", "school_unit_code"],
    "programme_code": ["programkod", "studievagskod", "programme_code", "kod", "programcode"],
    "programme_name": [
        "programnamn", "program", "programme_name", "program_inriktning", "programname",
        "utbildning", "studievag",
    ],
    "orientation": ["inriktning", "orientation", "inriktningsnamn", "orientationname"],
    "places": ["platser", "antal_platser", "places", "platsantal"],
    "first_choice_applicants": [
        "forstahandssokande", "antal_forstahandssokande", "first_choice_applicants",
        "sokande_i_forsta_hand", "forstahandssokande_totalt",
    ],
    "admitted": ["antagna", "antal_antagna", "admitted", "admittedcount"],
    "admitted_first_choice": [
        "antagna_forsta_hand", "antagna_i_forsta_hand", "antal_antagna_i_forsta_hand",
        "antagna_1_a_hand", "admitted_first_choice", "firstchoiceadmittedcount",
    ],
    "reserves": ["reserver", "antal_reserver", "reserves", "reservecount"],
    "lowest_merit": [
        "lagsta_merit", "lagsta_meritvarde", "lagsta_antagningspoang", "antagningspoang",
        "lowest_merit", "admissionmeritmin", "lagsta_poang", "lagsta_antagna_meritvarde",
    ],
    "mean_merit": [
        "medel_merit", "medelmerit", "medelmeritvarde", "medel_meritvarde", "mean_merit",
        "admissionmeritmean", "genomsnittligt_meritvarde", "medelvarde",
    ],
    "median_merit": [
        "median_merit", "medianmeritvarde", "median_meritvarde", "median", "admissionmeritmedian",
    ],
    "office": ["antagningskansli", "office", "sourceregion"],
}  # fmt: skip
# Column names shown to the user in messages: the canonical Swedish ones.
DISPLAY_NAMES = {
    "year": "ar",
    "round": "antagningsomgang",
    "municipality_code": "kommunkod",
    "municipality_name": "kommun",
    "school": "skola",
    "school_unit_code": "skolenhetskod",
    "programme_code": "programkod",
    "programme_name": "programnamn",
    "orientation": "inriktning",
    "places": "platser",
    "first_choice_applicants": "forstahandssokande",
    "admitted": "antagna",
    "admitted_first_choice": "antagna_forsta_hand",
    "reserves": "reserver",
    "lowest_merit": "lagsta_merit",
    "mean_merit": "medel_merit",
    "median_merit": "median_merit",
}
COUNT_COLUMNS = [
    "places",
    "first_choice_applicants",
    "admitted",
    "admitted_first_choice",
    "reserves",
]
MERIT_COLUMNS = ["lowest_merit", "mean_merit", "median_merit"]
FIGURE_COLUMNS = [*COUNT_COLUMNS, *MERIT_COLUMNS]


@dataclass(frozen=True)
class Layout:
    label: str  # stored as the rows' source, so in Swedish only
    columns: dict[str, str]  # canonical name → the file's own header

    def display(self, canonical: str) -> str:
        return self.columns.get(canonical, DISPLAY_NAMES.get(canonical, canonical))


def match_columns(headers: Iterable[str], aliases: Mapping[str, list[str]]) -> dict[str, str]:
    """Canonical name → the file's header, for each canonical name one of whose aliases is a
    header (compared without case, å/ä/ö or punctuation)."""
    by_normalised = {normalise_header(header): header for header in headers}
    columns = {}
    for canonical, names in aliases.items():
        found = next((by_normalised[name] for name in names if name in by_normalised), None)
        if found is not None:
            columns[canonical] = found
    return columns


def regional_layouts() -> list[tuple[str, frozenset[str]]]:
    """(office, the figures its list publishes), from data/regional_layouts.csv."""
    return [
        (row["office"], frozenset(row["figures"].split(",")))
        for row in read_rows("regional_layouts.csv")
    ]


def detect_layout(headers: list[str]) -> Layout:
    """The canonical format when the file gives municipality codes; otherwise a regional list,
    named after the offices that publish exactly its figures."""
    columns = match_columns(headers, CANONICAL_ALIASES)
    if "municipality_code" in columns:
        return Layout("REKAS standardformat", columns)
    figures = frozenset(name for name in FIGURE_COLUMNS if name in columns)
    offices = [office for office, published in regional_layouts() if published == figures]
    if offices:
        return Layout(f"Regional resultatlista ({', '.join(offices)})", columns)
    return Layout("Regional resultatlista", columns)
