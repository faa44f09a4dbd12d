"""Import of the curated education ↔ occupation links (`kind;key;ssyk;weight`).

The staff-curated counterpart of the programme mapping for post-secondary education: `kind`
is `yh_area` (key: the utbildningsområde as SCB writes it, e.g. "data/It", or its slug),
`university` (key: the anmälningskod, e.g. "LU-80008") or `sun` (key: a SUN 2020 code, used
for university programmes without links of their own). The shipped set is
rekas/data/education_occupations.csv. Like the programme mapping it is one curated set: an
import replaces it as a whole. A key need not be in the statistics yet (links may come first).
"""

import pandas as pd
from django.contrib.auth.base_user import AbstractBaseUser
from django.utils.text import slugify
from django.utils.translation import gettext as _
from tqdm import tqdm

from ..documents import enqueue_postsecondary
from ..models import EducationOccupation, ImportBatch, Occupation, UniversityProgramme, YhArea
from . import writer
from .columns import cells, require
from .files import Source
from .mapping import import_curated
from .report import ImportReport

COLUMNS = {
    "kind": ["kind", "typ"],
    "key": ["key", "nyckel"],
    "ssyk": ["ssyk", "ssyk_kod"],
    "weight": ["weight", "vikt"],
}
KINDS = EducationOccupation.Kind


def import_education_mapping(
    *,
    source: Source,
    file_name: str = "",
    commit: bool = True,
    user: AbstractBaseUser | None = None,
    progress: bool = False,
) -> ImportReport:
    return import_curated(
        kind=ImportBatch.Kind.EDUCATION_MAPPING,
        model=EducationOccupation,
        columns=COLUMNS,
        validate=_validate,
        write=_write,
        source=source,
        file_name=file_name,
        commit=commit,
        user=user,
        progress=progress,
    )


def _key(kind: str, key: str) -> str:
    """As the pages look links up: a YH area by the slug of its name, codes in capitals."""
    return slugify(key) if kind == KINDS.YH_AREA else key.upper()


def _validate(
    frame: pd.DataFrame, columns: dict[str, str], report: ImportReport
) -> list[EducationOccupation]:
    occupations = {o.ssyk: o for o in Occupation.objects.all()}
    rows = pd.Series(frame.index, index=frame.index)  # the index is the row in the file
    values = {canonical: cells(frame, header) for canonical, header in columns.items()}
    present = {
        canonical: require(series, column=columns[canonical], rows=rows, report=report)
        for canonical, series in values.items()
    }
    kinds = values["kind"].str.lower()
    codes = values["ssyk"].str.removesuffix(".0")
    weights = pd.to_numeric(values["weight"].str.replace(",", ".", regex=False), errors="coerce")
    links, seen = [], {}
    for index in frame.index:
        row = int(rows[index])
        kind, ssyk, weight = kinds[index], codes[index], weights[index]
        if present["kind"][index] and kind not in KINDS.values:
            report.reject(
                row=row,
                column=columns["kind"],
                value=values["kind"][index],
                reason=_("okänd typ; ska vara en av %(kinds)s")
                % {"kinds": ", ".join(KINDS.values)},
            )
        key = _key(kind, values["key"][index]) if present["key"][index] else ""
        if present["key"][index] and not key:
            report.reject(
                row=row,
                column=columns["key"],
                value=values["key"][index],
                reason=_("ogiltig nyckel"),
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
        if (kind, key, ssyk) in seen:
            report.reject(
                row=row,
                column=columns["ssyk"],
                value=ssyk,
                reason=_("dubblett av rad %(row)s") % {"row": seen[(kind, key, ssyk)]},
            )
        elif key and present["ssyk"][index]:
            seen[(kind, key, ssyk)] = row
        if report.ok:
            links.append(
                EducationOccupation(
                    kind=kind, key=key, occupation=occupations[ssyk], weight=round(float(weight), 3)
                )
            )
    return links


def _write(links: list[EducationOccupation], *, bar: tqdm) -> None:
    writer.create_objects(EducationOccupation, links, bar=bar)
    # The search documents of programmes and areas name the occupations they lead to.
    enqueue_postsecondary(
        universities=list(UniversityProgramme.objects.values_list("id", flat=True)),
        yh_areas=list(YhArea.objects.values_list("id", flat=True)),
    )
