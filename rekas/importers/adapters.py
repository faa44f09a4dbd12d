"""Column layouts of admission files: REKAS's canonical CSV and known regional layouts.

Canonical (see docs/rekas-method.md): ar; antagningsomgang; kommunkod; skola; skolenhetskod;
programkod; programnamn; inriktning; platser; forstahandssokande; antagna; reserver;
lagsta_merit; median_merit. English names (year, round, municipality_code, …) work too.

"Gymnasieantagningen" layout: the published result lists of the regional admission offices
(Storsthlm's Gymnasieantagningen, Göteborgsregionen, Skåne) with Swedish headers such as
"Skola", "Program", "Kommun", "Antal platser", "Antal förstahandssökande", "Antagna",
"Reserver", "Lägsta meritvärde", "Medianmeritvärde". Year and round are not in the file and
come from --year/--round; the municipality is given by name and the programme by its name,
often together with the orientation ("Naturvetenskapsprogrammet - Naturvetenskap").
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .normalise import normalise_header

CANONICAL_ALIASES = {
    "year": ["ar", "year", "antagningsar", "lasar"],
    "round": ["antagningsomgang", "omgang", "round"],
    "municipality_code": ["kommunkod", "municipality_code", "kommun_kod", "kommunnummer"],
    "municipality_name": ["kommun", "kommunnamn", "municipality"],
    "school": ["skola", "skolnamn", "school", "skolenhet"],
    "school_unit_code": ["skolenhetskod", "school_unit_code"],
    "programme_code": ["programkod", "studievagskod", "programme_code", "kod"],
    "programme_name": ["programnamn", "program", "programme_name", "program_inriktning"],
    "orientation": ["inriktning", "orientation", "inriktningsnamn"],
    "places": ["platser", "antal_platser", "places", "platsantal"],
    "first_choice_applicants": [
        "forstahandssokande",
        "antal_forstahandssokande",
        "first_choice_applicants",
        "sokande_i_forsta_hand",
    ],
    "admitted": ["antagna", "antal_antagna", "admitted"],
    "reserves": ["reserver", "antal_reserver", "reserves"],
    "lowest_merit": [
        "lagsta_merit",
        "lagsta_meritvarde",
        "lagsta_antagningspoang",
        "antagningspoang",
        "lowest_merit",
    ],
    "median_merit": ["median_merit", "medianmeritvarde", "median_meritvarde", "median"],
}
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
    "reserves": "reserver",
    "lowest_merit": "lagsta_merit",
    "median_merit": "median_merit",
}
COUNT_COLUMNS = ["places", "first_choice_applicants", "admitted", "reserves"]
REQUIRED_COUNTS = ["places", "first_choice_applicants", "admitted"]


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


def detect_layout(headers: list[str]) -> Layout:
    columns = match_columns(headers, CANONICAL_ALIASES)
    if "municipality_code" not in columns and "municipality_name" in columns:
        return Layout("Gymnasieantagningens resultatlista", columns)
    return Layout("REKAS standardformat", columns)
