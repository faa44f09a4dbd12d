"""Import of the programme ↔ occupation mapping (`programme_code;ssyk;weight`).

The mapping is one curated set: an import replaces it as a whole. Weights are relative
within a study path (the analysis normalises them), so they need not sum to 1.
"""

from collections.abc import Callable

import pandas as pd
from django.contrib.auth.base_user import AbstractBaseUser
from django.utils.translation import gettext as _
from tqdm import tqdm

from .. import aggregates
from ..documents import enqueue_after_import
from ..models import ImportBatch, Occupation, Orientation, Programme, ProgrammeOccupation
from . import writer
from .adapters import match_columns
from .columns import cells, require
from .files import Source, read_or_refuse, read_table
from .report import ImportReport

COLUMNS = {
    "programme_code": ["programme_code", "programkod", "studievagskod"],
    "ssyk": ["ssyk", "ssyk_kod"],
    "weight": ["weight", "vikt"],
}


def import_mapping(
    *,
    source: Source,
    file_name: str = "",
    commit: bool = True,
    user: AbstractBaseUser | None = None,
    progress: bool = False,
) -> ImportReport:
    return import_curated(
        kind=ImportBatch.Kind.MAPPING,
        model=ProgrammeOccupation,
        columns=COLUMNS,
        validate=_validate,
        write=_write,
        source=source,
        file_name=file_name,
        commit=commit,
        user=user,
        progress=progress,
    )


def import_curated(
    *,
    kind: str,
    model: type,
    columns: dict[str, list[str]],
    validate: Callable[[pd.DataFrame, dict[str, str], ImportReport], list],
    write: Callable[..., None],
    source: Source,
    file_name: str,
    commit: bool,
    user: AbstractBaseUser | None,
    progress: bool,
) -> ImportReport:
    """A curated link set (this mapping, the education mapping): every column required, the
    file refused whole on any error, and the rows of `model` replaced as a whole."""
    report = ImportReport(kind=kind, file_name=file_name or str(source))
    frame = read_or_refuse(report, lambda: read_table(source, file_name=file_name))
    if frame is None:
        return report
    found = match_columns(frame.columns, columns)
    for canonical in columns:
        if canonical not in found:
            report.reject(row=1, column=canonical, reason=_("kolumnen saknas i filen"))
    if not report.ok:
        report.count_rejected(whole_file=True)
        return report
    links = validate(frame, found, report)
    if not report.ok:
        report.count_rejected()
        return report
    plan = writer.Plan(
        rows=len(links),
        source=_("Kurerad koppling"),
        replaces=[model.objects.all()],
        write=lambda batch, bar: write(links, bar=bar),
        progress_label=_("Kopplingar"),
    )
    return writer.apply(plan, report=report, commit=commit, user=user, progress=progress)


def _validate(
    frame: pd.DataFrame, columns: dict[str, str], report: ImportReport
) -> list[ProgrammeOccupation]:
    programmes = {p.code: p for p in Programme.objects.all()}
    orientations = {o.code: o for o in Orientation.objects.select_related("programme")}
    occupations = {o.ssyk: o for o in Occupation.objects.all()}
    rows = pd.Series(frame.index, index=frame.index)  # the index is the row in the file
    values = {canonical: cells(frame, header) for canonical, header in columns.items()}
    present = {
        canonical: require(series, column=columns[canonical], rows=rows, report=report)
        for canonical, series in values.items()
    }
    paths = values["programme_code"].str.upper()
    codes = values["ssyk"].str.removesuffix(".0")
    weights = pd.to_numeric(values["weight"].str.replace(",", ".", regex=False), errors="coerce")
    links, seen = [], {}
    for index in frame.index:
        row = int(rows[index])
        path, ssyk, weight = paths[index], codes[index], weights[index]
        orientation = orientations.get(path)
        programme = orientation.programme if orientation else programmes.get(path)
        if present["programme_code"][index] and programme is None:
            report.reject(
                row=row, column=columns["programme_code"], value=path, reason=_("okänd programkod")
            )
        if present["ssyk"][index] and ssyk not in occupations:
            report.reject(row=row, column=columns["ssyk"], value=ssyk, reason=_("okänd SSYK-kod"))
        if present["weight"][index] and (pd.isna(weight) or not 0 < weight <= 1):
            report.reject(
                row=row,
                column=columns["weight"],
                value=values["weight"][index],
                reason=_("vikten ska vara ett tal större än 0 och högst 1"),
            )
        if (path, ssyk) in seen:
            report.reject(
                row=row,
                column=columns["ssyk"],
                value=ssyk,
                reason=_("dubblett av rad %(row)s") % {"row": seen[(path, ssyk)]},
            )
        elif present["programme_code"][index] and present["ssyk"][index]:
            seen[(path, ssyk)] = row
        if report.ok:
            links.append(
                ProgrammeOccupation(
                    programme=programme,
                    orientation=orientation,
                    study_path=path,
                    occupation=occupations[ssyk],
                    weight=round(float(weight), 3),
                )
            )
    return links


def _write(links: list[ProgrammeOccupation], *, bar: tqdm) -> None:
    writer.create_objects(ProgrammeOccupation, links, bar=bar)
    enqueue_after_import(programmes=True, occupations=True)
    aggregates.refresh()  # outlook and matching follow the mapping
