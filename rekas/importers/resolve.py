"""Resolving the names and codes in a file to rows of the database: municipalities (by SCB code
or by name) and study paths (programme code, orientation code or written name). Reads only.

Each resolver works once per distinct value and reports an unknown value in its cell; empty
cells are the caller's `require` check, so they are never reported as unknown.
"""

import re
from dataclasses import dataclass

import pandas as pd
from django.utils.translation import gettext as _

from syvsite.regions.models import Municipality

from ..models import Orientation, Programme, ProgrammeName
from .normalise import map_unique, normalise_text
from .report import ImportReport

# Codes regional offices use for the introduction programmes, old and new.
INTRODUCTION_ALIASES = {"IMPRO": "IMV", "IMYRK": "IMY", "IMIND": "IMA", "IMSPR": "IMS"}


def municipalities_by_code(
    codes: pd.Series, *, column: str, rows: pd.Series, report: ImportReport
) -> pd.Series:
    """Municipality id per row from SCB's four-digit code."""
    known = dict(Municipality.objects.values_list("code", "id"))
    # Excel drops leading zeros: "180" is Stockholm's 0180.
    ids = map_unique(codes, lambda value: known.get(re.sub(r"\.0$", "", value).zfill(4)))
    _report_unknown(
        codes,
        ids,
        column=column,
        rows=rows,
        report=report,
        reason=_("okänd kommunkod (SCB:s fyrsiffriga kod, t.ex. 0180 för Stockholm)"),
    )
    return ids


def municipalities_by_name(
    names: pd.Series, *, column: str, rows: pd.Series, report: ImportReport
) -> pd.Series:
    """Municipality id per row from its name: "Stockholm", "Stockholms kommun", "SOLNA"."""
    known = {
        normalise_text(name): pk for name, pk in Municipality.objects.values_list("name", "id")
    }
    ids = map_unique(
        names, lambda value: known.get(normalise_text(re.sub(r"(?i)s? kommun$", "", value)))
    )
    _report_unknown(names, ids, column=column, rows=rows, report=report, reason=_("okänd kommun"))
    return ids


def _report_unknown(
    values: pd.Series,
    ids: pd.Series,
    *,
    column: str,
    rows: pd.Series,
    report: ImportReport,
    reason: str,
) -> None:
    for index in values.index[values.notna() & ids.isna()]:
        report.reject(row=int(rows[index]), column=column, value=values[index], reason=reason)


@dataclass(frozen=True)
class StudyPath:
    programme_id: int
    orientation_id: int | None
    code: str  # programme code or orientation code


class ProgrammeResolver:
    """Finds the programme (and orientation) for a code such as "NANAT" or a written name."""

    def __init__(self):
        self.by_code: dict[str, StudyPath] = {}
        self.by_name: dict[str, StudyPath] = {}
        programme_names = {}
        for programme in Programme.objects.all():
            path = StudyPath(programme.id, None, programme.code)
            self.by_code[programme.code] = path
            self.by_name[normalise_text(programme.name)] = path
            programme_names[programme.id] = programme.name
        for alias in ProgrammeName.objects.all():
            self.by_name.setdefault(
                normalise_text(alias.name), self.by_code_for(alias.programme_id)
            )
        for orientation in Orientation.objects.all():
            path = StudyPath(orientation.programme_id, orientation.id, orientation.code)
            self.by_code[orientation.code] = path
            programme_name = programme_names[orientation.programme_id]
            for separator in (" - ", ", ", " – ", " "):
                key = normalise_text(f"{programme_name}{separator}{orientation.name}")
                self.by_name[key] = path
            self.by_name.setdefault(normalise_text(orientation.name), path)

    def by_code_for(self, programme_id: int) -> StudyPath:
        return next(path for path in self.by_code.values() if path.programme_id == programme_id)

    def resolve(
        self, *, code: str | None, name: str | None, orientation: str | None = None
    ) -> StudyPath | None:
        """The StudyPath, or None when neither code nor name is known."""
        if code:
            key = code.strip().upper()
            path = self.by_code.get(INTRODUCTION_ALIASES.get(key, key))
        elif name:
            path = self.by_name.get(normalise_text(name))
        else:
            return None
        if path and orientation and path.orientation_id is None:
            return self._with_orientation(path, orientation)
        return path

    def _with_orientation(self, path: StudyPath, orientation: str) -> StudyPath | None:
        wanted = orientation.strip()
        candidate = self.by_code.get(wanted.upper())
        if candidate and candidate.programme_id == path.programme_id:
            return candidate
        candidate = self.by_name.get(normalise_text(wanted))
        if candidate and candidate.programme_id == path.programme_id and candidate.orientation_id:
            return candidate
        return None


def study_paths(
    *,
    codes: pd.Series,
    names: pd.Series,
    orientations: pd.Series,
    columns: tuple[str, str],
    by_code: bool,
    rows: pd.Series,
    report: ImportReport,
) -> pd.DataFrame:
    """programme_id, orientation_id and study_path per row. `columns`: the display names of
    the code and the name column; a row is judged by its code when it has one, else by its
    name. An empty row is blamed on the code column when the file has one (`by_code`)."""
    resolver = ProgrammeResolver()
    keys = (
        pd.DataFrame({"code": codes, "name": names, "orientation": orientations})
        .astype(object)
        .fillna("")
    )
    unique = keys.drop_duplicates()
    found = [
        resolver.resolve(code=code or None, name=name or None, orientation=orientation or None)
        for code, name, orientation in unique.itertuples(index=False)
    ]
    unique = unique.assign(
        programme_id=[p.programme_id if p else None for p in found],
        orientation_id=[p.orientation_id if p else None for p in found],
        study_path=[p.code if p else None for p in found],
    )
    resolved = keys.merge(unique, on=["code", "name", "orientation"], how="left")
    resolved.index = keys.index
    code_column, name_column = columns
    for index in keys.index[resolved["study_path"].isna()]:
        if keys.at[index, "code"]:
            column, value = code_column, keys.at[index, "code"]
            reason = _("okänd programkod eller inriktning")
        elif keys.at[index, "name"]:
            column, value = name_column, keys.at[index, "name"]
            reason = _("okänt programnamn eller inriktning")
        else:
            column, value = code_column if by_code else name_column, ""
            reason = _("värde saknas")
        report.reject(row=int(rows[index]), column=column, value=value, reason=reason)
    return resolved[["programme_id", "orientation_id", "study_path"]]
