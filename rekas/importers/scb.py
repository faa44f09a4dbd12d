"""Import of SCB's regional matching indicators (AM9906, e.g. RegionInd19M2N: matchningsgrad
per county × sex × age/country-of-birth group × year; RegionInd19E3N2: per SUN 2020 education
group). Reads JSON-stat 2.0 as SCB's API returns it (`jsonstat`) or SCB's PX-Web CSV export
(`pxweb`, labels only: the codes come from rekas/data/scb_tables.yaml).

The table is `--table`, else the document's own table id, else the one known table with the
same dimensions. A dimension REKAS does not know, a value count that does not match the
dimension sizes or a year that is not a year refuses the file whole. Regions other than the
counties and the whole country are left out with a note. An import replaces the table's
rows of the regions and years it holds.
"""

import json
from functools import cache

import pandas as pd
import yaml
from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Q
from django.utils.translation import gettext as _

from syvsite.regions.models import County

from ..exceptions import UnreadableFile
from ..models import NATIONAL, ImportBatch, MatchingRate
from ..services import DATA_DIR
from . import writer
from .files import Source, read_bytes
from .normalise import normalise_header, normalise_text
from .pxweb import decode, label, number, read_px_csv, year_columns
from .report import ImportReport

SOURCE = "SCB, Regionala matchningsindikatorer (CC0)"
REQUIRED = ("Region", "ContentsCode", "Tid")
SEX_DIMENSIONS = ("Kon", "KonAlderFodelseland")
GROUP_DIMENSIONS = ("AlderFodelselandgr", "Utbildning", "Utbildngrupp")
KNOWN = {*REQUIRED, *SEX_DIMENSIONS, *GROUP_DIMENSIONS}
WHOLE_COUNTRY = {"riket", "hela riket", "sverige", "totalt"}


@cache
def known_tables() -> dict[str, dict]:
    return yaml.safe_load((DATA_DIR / "scb_tables.yaml").read_text(encoding="utf-8"))


def import_scb(
    *,
    source: Source,
    file_name: str = "",
    table: str = "",
    commit: bool = True,
    user: AbstractBaseUser | None = None,
    progress: bool = False,
) -> ImportReport:
    report = ImportReport(kind=ImportBatch.Kind.SCB, file_name=file_name or str(source))
    try:
        data = read_bytes(source)
        text = decode(data).lstrip("\ufeff").lstrip()
        if text.startswith("{"):
            frame, table_id = _from_jsonstat(text, table=table, report=report)
        else:
            frame, table_id = _from_csv(data, table=table, report=report)
    except UnreadableFile as error:
        report.reject(row=None, reason=str(error))
        return report
    if not report.ok:
        report.count_rejected(whole_file=any(i.row in (None, 1) for i in report.errors))
        return report
    frame = _only_counties(frame, report)
    report.notes.append(_("Tabell: %(table)s.") % {"table": table_id})
    plan = writer.Plan(
        rows=len(frame),
        source=SOURCE,
        replaces=[_scope(frame, table_id)],
        write=lambda batch, bar: write_rates(frame, table_id=table_id, batch=batch, bar=bar),
        progress_label=_("Matchningsindikatorer"),
    )
    return writer.apply(plan, report=report, commit=commit, user=user, progress=progress)


def _table_id(ids: list[str], *, table: str, document_id: str) -> str:
    if table or document_id:
        return (table or document_id).rsplit("/", 1)[-1]
    matches = [
        name
        for name, spec in known_tables().items()
        if set(spec["dimensions"]) | {"ContentsCode", "Tid"} == set(ids)
    ]
    if len(matches) != 1:
        raise UnreadableFile(
            _("Vilken SCB-tabell är det? Ange den med --table (t.ex. RegionInd19M2N).")
        )
    return matches[0]


def _from_jsonstat(text: str, *, table: str, report: ImportReport) -> tuple[pd.DataFrame, str]:
    from .jsonstat import read_dataset

    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise UnreadableFile(
            _("Filen är inte giltig JSON (rad %(line)s): %(error)s")
            % {"line": error.lineno, "error": error.msg}
        ) from error
    frame, ids, _names = read_dataset(document)
    report.read = len(frame)
    for dimension_id in ids:
        if dimension_id not in KNOWN:
            report.reject(
                row=None,
                column=dimension_id,
                reason=_("okänd dimension; REKAS känner %(known)s")
                % {"known": ", ".join(sorted(KNOWN))},
            )
    for dimension_id in REQUIRED:
        if dimension_id not in ids:
            report.reject(row=None, column=dimension_id, reason=_("dimensionen saknas"))
    if not report.ok:
        return frame, ""
    extension = document.get("extension") or {}
    document_id = str(
        ((extension.get("px") or {}) if isinstance(extension, dict) else {}).get("tableid") or ""
    )
    table_id = _table_id(ids, table=table, document_id=document_id)
    for year in frame["Tid"].unique():
        if not _is_year(year):
            report.reject(row=None, column="Tid", value=year, reason=_("ska vara ett årtal"))
            break
    for position, value in frame["value"].items():
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
            report.reject(
                row=position + 1,
                column="value",
                value=value,
                reason=_("värde nr %(n)s ska vara ett tal eller null") % {"n": position + 1},
            )
    return _canonical(frame, ids), table_id


def _canonical(frame: pd.DataFrame, ids: list[str]) -> pd.DataFrame:
    """Our columns: region, sex, group and measure (codes and labels), year, value, status."""
    sex = next((d for d in SEX_DIMENSIONS if d in ids), None)
    group = next((d for d in GROUP_DIMENSIONS if d in ids), None)
    empty = pd.Series([""] * len(frame), index=frame.index)
    return pd.DataFrame(
        {
            "region_code": frame["Region"],
            "region_label": frame["Region_label"],
            "sex_code": frame[sex] if sex else empty,
            "sex_label": frame[f"{sex}_label"] if sex else empty,
            "group_dimension": group or "",
            "group_code": frame[group] if group else empty,
            "group_label": frame[f"{group}_label"] if group else empty,
            "measure_code": frame["ContentsCode"],
            "measure_label": frame["ContentsCode_label"].str.strip(),
            "year": frame["Tid"],
            "value": frame["value"],
            "status": frame["status"],
        }
    )


def _is_year(text: object) -> bool:
    text = str(text)
    return text.isdigit() and len(text) == 4 and 1900 <= int(text) <= 2100


def _from_csv(data: bytes, *, table: str, report: ImportReport) -> tuple[pd.DataFrame, str]:
    frame = read_px_csv(data)
    report.read = len(frame)
    tables = known_tables()
    labels_found = {normalise_header(c) for c in frame.columns}
    candidates = [table.rsplit("/", 1)[-1]] if table else list(tables)
    spec_id = next(
        (
            name
            for name in candidates
            if name in tables
            and {normalise_header(v) for v in tables[name]["dimensions"].values()} <= labels_found
        ),
        None,
    )
    if spec_id is None:
        raise UnreadableFile(
            _(
                "Kolumnerna passar ingen känd SCB-tabell; ange den med --table (t.ex. RegionInd19M2N)."
            )
        )
    spec = tables[spec_id]
    by_label = {normalise_header(v): k for k, v in spec["dimensions"].items()}
    dimensions = {
        by_label[normalise_header(c)]: c for c in frame.columns if normalise_header(c) in by_label
    }
    measures = year_columns(frame, dimensions, report)
    if not report.ok:
        return frame, spec_id
    return _csv_cells(frame, spec, dimensions, measures, report), spec_id


def _csv_cells(frame, spec, dimensions, measures, report) -> pd.DataFrame:
    """One row per cell of the CSV: the row's dimensions and one measure-and-year column."""
    categories = {
        dimension: {normalise_text(k): v for k, v in values.items()}
        for dimension, values in (spec.get("categories") or {}).items()
    }
    measure_codes = {normalise_header(k): v for k, v in (spec.get("measures") or {}).items()}
    sex = next((d for d in SEX_DIMENSIONS if d in dimensions), None)
    group = next((d for d in GROUP_DIMENSIONS if d in dimensions), None)
    labels = {measure.measure: measure.column.rsplit(" ", 1)[0].strip() for measure in measures}
    cells = []
    for row, values in zip(frame.index, frame.to_dict("records"), strict=True):
        key = {d: label(values[c]) for d, c in dimensions.items()}
        region = _region_code(key["Region"])
        for measure in measures:
            try:
                value = number(values[measure.column])
            except ValueError:
                report.reject(
                    row=row,
                    column=measure.column,
                    value=values[measure.column],
                    reason=_("ska vara ett tal eller ”..” (kan inte redovisas)"),
                )
                continue
            cells.append(
                {
                    "region_code": region,
                    "region_label": key["Region"],
                    "sex_code": _code(categories, sex, key) if sex else "",
                    "sex_label": key.get(sex, ""),
                    "group_dimension": group or "",
                    "group_code": _code(categories, group, key) if group else "",
                    "group_label": key.get(group, ""),
                    "measure_code": measure_codes.get(measure.measure, measure.measure),
                    "measure_label": labels[measure.measure],
                    "year": str(measure.year),
                    "value": value,
                    "status": ".." if value is None else "",
                }
            )
    return pd.DataFrame.from_records(cells)


def _code(categories: dict, dimension: str, key: dict) -> str:
    text = key[dimension]
    return categories.get(dimension, {}).get(normalise_text(text), text)[:40]


def _region_code(text: str) -> str:
    """ "01 Stockholms län", "Stockholms län" or "Riket" → "01" / "00"; otherwise the label."""
    first, _space, rest = text.partition(" ")
    if first.isdigit() and rest:
        return first
    name = normalise_text(text)
    if name in WHOLE_COUNTRY:
        return NATIONAL
    counties = {normalise_text(n): c for c, n in County.objects.values_list("code", "name")}
    return counties.get(name, text)


def _only_counties(frame: pd.DataFrame, report: ImportReport) -> pd.DataFrame:
    wanted = set(County.objects.values_list("code", flat=True)) | {NATIONAL}
    other = sorted(set(frame["region_code"]) - wanted)
    if other:
        report.notes.append(
            _("Regioner som inte är län hoppades över: %(regions)s.")
            % {"regions": ", ".join(other[:10]) + (" …" if len(other) > 10 else "")}
        )
    return frame[frame["region_code"].isin(wanted)]


def _scope(frame: pd.DataFrame, table_id: str):
    return MatchingRate.objects.filter(
        Q(table_id=table_id)
        & Q(region_code__in=frame["region_code"].unique().tolist())
        & Q(year__in=[int(y) for y in frame["year"].unique()])
    )


def write_rates(
    frame: pd.DataFrame, *, table_id: str, batch: ImportBatch, bar, source: str = SOURCE
) -> None:
    """Validated cells into the database (the seed writes its demo cells with it too)."""
    columns = {
        name: frame[name]
        for name in (
            "region_code", "sex_code", "sex_label", "group_dimension", "group_code",
            "group_label", "measure_code", "measure_label", "year", "value", "status",
        )
    }  # fmt: skip
    columns["year"] = frame["year"].astype(int)
    writer.insert_columns(
        MatchingRate,
        columns,
        constants={"table_id": table_id, "source": source, "batch": batch.pk},
        bar=bar,
    )
