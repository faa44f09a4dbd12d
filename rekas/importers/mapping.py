"""Import of the programme ↔ occupation mapping (`programme_code;ssyk;weight`).

The mapping is one curated set: an import replaces it as a whole. Weights are relative
within a study path (the analysis normalises them), so they need not sum to 1.
"""

from pathlib import Path

import pandas as pd
from django.db import transaction
from django.utils.translation import gettext as _
from tqdm import tqdm

from ..documents import enqueue_after_import
from ..models import ImportBatch, Occupation, Orientation, Programme, ProgrammeOccupation
from .files import UnreadableFile, read_table
from .normalise import normalise_header
from .report import ImportReport

COLUMNS = {
    "programme_code": ["programme_code", "programkod", "studievagskod"],
    "ssyk": ["ssyk", "ssyk_kod"],
    "weight": ["weight", "vikt"],
}


def import_mapping(
    *, source, file_name: str = "", commit: bool = True, user=None, progress: bool = False
) -> ImportReport:
    report = ImportReport(kind=ImportBatch.Kind.MAPPING, file_name=file_name or str(source))
    try:
        frame = read_table(source, file_name=file_name)
    except UnreadableFile as error:
        report.reject(row=None, reason=str(error))
        return report
    report.read = len(frame)
    headers = {normalise_header(column): column for column in frame.columns}
    columns = {}
    for canonical, aliases in COLUMNS.items():
        found = next((headers[alias] for alias in aliases if alias in headers), None)
        if found is None:
            report.reject(row=1, column=canonical, reason=_("kolumnen saknas i filen"))
        columns[canonical] = found
    if not report.ok:
        report.rejected = report.read
        return report
    links = _validate(frame, columns, report)
    if not report.ok:
        report.rejected = len({issue.row for issue in report.errors})
        return report
    report.replaced = ProgrammeOccupation.objects.count()
    if commit:
        _write(links, report, user=user, progress=progress)
    else:
        report.written = len(links)
    return report


def _validate(frame, columns, report: ImportReport) -> list[ProgrammeOccupation]:
    programmes = {p.code: p for p in Programme.objects.all()}
    orientations = {o.code: o for o in Orientation.objects.select_related("programme")}
    occupations = {o.ssyk: o for o in Occupation.objects.all()}
    weights = pd.to_numeric(
        frame[columns["weight"]].astype("string").str.strip().str.replace(",", ".", regex=False),
        errors="coerce",
    )
    links, seen = [], {}
    for position, (index, record) in enumerate(frame.iterrows()):
        row = position + 2
        path = str(record[columns["programme_code"]] or "").strip().upper()
        ssyk = str(record[columns["ssyk"]] or "").strip().removesuffix(".0")
        weight = weights[index]
        orientation = orientations.get(path)
        programme = orientation.programme if orientation else programmes.get(path)
        if programme is None:
            report.reject(
                row=row, column=columns["programme_code"], value=path, reason=_("okänd programkod")
            )
        if ssyk not in occupations:
            report.reject(row=row, column=columns["ssyk"], value=ssyk, reason=_("okänd SSYK-kod"))
        if pd.isna(weight) or not 0 < weight <= 1:
            report.reject(
                row=row,
                column=columns["weight"],
                value=record[columns["weight"]],
                reason=_("vikten ska vara ett tal större än 0 och högst 1"),
            )
        if (path, ssyk) in seen:
            report.reject(
                row=row,
                column=columns["ssyk"],
                value=ssyk,
                reason=_("dubblett av rad %(row)s") % {"row": seen[(path, ssyk)]},
            )
        seen.setdefault((path, ssyk), row)
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


@transaction.atomic
def _write(links, report: ImportReport, *, user, progress: bool) -> None:
    batch = ImportBatch.objects.create(
        kind=ImportBatch.Kind.MAPPING,
        file_name=Path(report.file_name).name[:255],
        source=_("Kurerad koppling"),
        created_by=user if getattr(user, "is_authenticated", False) else None,
        rows_read=report.read,
    )
    report.replaced = ProgrammeOccupation.objects.all().delete()[0]
    for link in tqdm(links, disable=not progress, desc=_("Kopplingar")):
        link.pk = None
    ProgrammeOccupation.objects.bulk_create(links)
    report.written = len(links)
    enqueue_after_import(programmes=True, occupations=True)
    report.committed = True
    report.batch_id = batch.pk
    batch.rows_written = report.written
    batch.rows_replaced = report.replaced
    batch.report = report.as_dict()
    batch.save()
