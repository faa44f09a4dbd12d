"""Imports of YH statistics (Myndigheten för yrkeshögskolan) as SCB's PX-Web CSV exports them.

`yh`: applications, applicants, eligible applicants and admitted per sex × utbildningsområde ×
home county × study pace, one column per measure and year. `yh_outcomes`: the follow-up of
graduates per sex × utbildningsområde: graduates and, per outcome (arbete, anställd, egen
företagare, arbetssökande, studerande, annat), the percent and its margin of error.

Totals rows ("totalt", "Totalt", "Samtliga län") are kept as totals: sex "total", no area,
county "00". Every cell is validated before anything is written; an import replaces the rows
of the years, sexes, areas (and counties and paces) it holds.
"""

from collections.abc import Callable

import pandas as pd
from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext as _

from syvsite.regions.models import County

from ..documents import enqueue_postsecondary
from ..models import NATIONAL, ImportBatch, YhApplication, YhArea, YhOutcome
from ..models.postsecondary import OUTCOMES
from . import writer
from .files import Source, read_or_refuse
from .normalise import normalise_text
from .pxweb import dimension_columns, label, number, read_px_csv, year_columns
from .report import ImportReport

SOURCE = "Myndigheten för yrkeshögskolan via SCB:s statistikdatabas"
SEXES = {"totalt": "total", "samtliga": "total", "kvinnor": "women", "män": "men"}
PACES = {"totalt": "total", "heltid": "full", "deltid": "part"}
TOTALS = {"totalt", "samtliga", "samtliga områden", "samtliga utbildningsområden"}
ALL_COUNTIES = {"samtliga län", "riket", "totalt"}
APPLICATION_DIMENSIONS = {
    "sex": "kön",
    "area": "utbildningsområde MYH",
    "county": "region (hemlän)",
    "pace": "utbildningens studietakt",
}
APPLICATION_MEASURES = {
    "antal_ansokningar": "applications",
    "antal_sokande": "applicants",
    "antal_behoriga_sokande": "eligible_applicants",
    "antal_antagna_vid_start": "admitted",
}
OUTCOME_DIMENSIONS = {"sex": "kön", "area": "utbildningsområde MYH"}
OUTCOME_LABELS = {
    "arbete": "work",
    "anstalld": "employed",
    "egen_foretagare": "self_employed",
    "arbetssokande": "job_seeking",
    "studerande": "studying",
    "annat": "other",
}
OUTCOME_MEASURES = {
    "totalt_antal_examinerade": "graduates",
    **{f"{key}_procent": field for key, field in OUTCOME_LABELS.items()},
    **{f"{key}_felmarginal_procent": f"{field}_margin" for key, field in OUTCOME_LABELS.items()},
}
assert set(OUTCOME_LABELS.values()) == set(OUTCOMES)


def import_yh(*, source: Source, file_name: str = "", **options) -> ImportReport:
    return _import(
        ImportBatch.Kind.YH,
        YhApplication,
        APPLICATION_DIMENSIONS,
        APPLICATION_MEASURES,
        source=source,
        file_name=file_name,
        **options,
    )


def import_yh_outcomes(*, source: Source, file_name: str = "", **options) -> ImportReport:
    return _import(
        ImportBatch.Kind.YH_OUTCOMES,
        YhOutcome,
        OUTCOME_DIMENSIONS,
        OUTCOME_MEASURES,
        source=source,
        file_name=file_name,
        **options,
    )


def _import(
    kind: str,
    model,
    dimensions: dict[str, str],
    measures: dict[str, str],
    *,
    source: Source,
    file_name: str = "",
    commit: bool = True,
    user: AbstractBaseUser | None = None,
    progress: bool = False,
) -> ImportReport:
    report = ImportReport(kind=kind, file_name=file_name or str(source))
    frame = read_or_refuse(report, lambda: read_px_csv(source))
    if frame is None:
        return report
    columns = dimension_columns(frame, dimensions, report)
    if not report.ok:
        report.count_rejected(whole_file=True)
        return report
    wanted = [c for c in year_columns(frame, columns, report) if c.measure in measures]
    if report.ok and not wanted:
        report.reject(row=1, column="", reason=_("filen har inga kända mått med årtal"))
    if not report.ok:
        report.count_rejected(whole_file=True)
        return report
    counts = {
        name
        for name in measures.values()
        if model._meta.get_field(name).get_internal_type().endswith("IntegerField")
    }
    records = _records(frame, columns, wanted, measures, report, counts=counts)
    if not report.ok:
        report.count_rejected()
        return report
    years = sorted({record["year"] for record in records})
    report.notes.append(_("År: %(years)s.") % {"years": ", ".join(map(str, years))})
    plan = writer.Plan(
        rows=len(records),
        source=SOURCE,
        replaces=[model.objects.filter(_scope(records))],
        write=lambda batch, bar: write_records(model, records, batch=batch, bar=bar),
        progress_label=_("YH-statistik"),
    )
    return writer.apply(plan, report=report, commit=commit, user=user, progress=progress)


def _records(frame, columns, wanted, measures, report: ImportReport, *, counts) -> list[dict]:
    """One record per (row, year): the row's dimensions and that year's measures (`counts`
    name the measures that are whole numbers)."""
    parse: dict[str, Callable] = {
        "sex": _choice(SEXES, _("okänt kön: ska vara totalt, kvinnor eller män")),
        "pace": _choice(PACES, _("okänd studietakt: ska vara Totalt, Heltid eller Deltid")),
        "county": _county_parser(),
        "area": _area,
    }
    records: dict[tuple, dict] = {}
    for row, cells in zip(frame.index, frame.to_dict("records"), strict=True):
        key = {}
        for name, column in columns.items():
            try:
                key[name] = parse[name](cells[column])
            except ValueError as error:
                report.reject(row=row, column=column, value=cells[column], reason=str(error))
        for measure in wanted:
            value, ok = _measure_value(
                cells[measure.column],
                row=row,
                column=measure.column,
                whole=measures[measure.measure] in counts,
                report=report,
            )
            if not ok:
                continue
            if len(key) == len(columns):
                identity = (*key.values(), measure.year)
                record = records.setdefault(identity, {"row": row, "year": measure.year, **key})
                if record["row"] != row:
                    report.reject(
                        row=row,
                        column=columns["sex"],
                        value=" / ".join(str(v) for v in key.values()),
                        reason=_("dubblett: samma kombination finns på rad %(row)s")
                        % {"row": record["row"]},
                    )
                record[measures[measure.measure]] = value
    return list(records.values())


def _measure_value(
    text: str, *, row: int, column: str, whole: bool, report: ImportReport
) -> tuple[float | None, bool]:
    """A measure cell's value (None for SCB's ".."), and whether it was accepted."""
    try:
        value = number(text)
    except ValueError:
        reason = _("ska vara ett tal eller ”..” (kan inte redovisas)")
    else:
        if value is None:
            return None, True
        if value < 0 or value >= 10**9:
            reason = _("orimligt värde")
        elif whole and not value.is_integer():
            reason = _("ska vara ett heltal")
        else:
            return value, True
    report.reject(row=row, column=column, value=text, reason=reason)
    return None, False


def _choice(choices: dict[str, str], message: str) -> Callable[[str], str]:
    def parse(text: str) -> str:
        value = choices.get(normalise_text(label(text)))
        if value is None:
            raise ValueError(message)
        return value

    return parse


def _county_parser() -> Callable[[str], str]:
    names = {
        normalise_text(name): code for code, name in County.objects.values_list("code", "name")
    }

    def parse(text: str) -> str:
        name = normalise_text(label(text))
        if name in ALL_COUNTIES:
            return NATIONAL
        if name not in names:
            raise ValueError(_("okänt län"))
        return names[name]

    return parse


def _area(text: str) -> str:
    """The area's name as SCB writes it ("" for the total of all areas)."""
    name = label(text)
    if not name:
        raise ValueError(_("värde saknas"))
    return "" if normalise_text(name) in TOTALS else name


def _scope(records: list[dict]) -> Q:
    """What an import replaces: its years × sexes × areas (× counties × paces)."""
    values = pd.DataFrame.from_records(records)
    areas = [name for name in values["area"].unique() if name]
    area_scope = Q(area__name__in=areas)
    if "" in set(values["area"]):
        area_scope |= Q(area__isnull=True)
    scope = Q(year__in=values["year"].unique().tolist(), sex__in=values["sex"].unique().tolist())
    for name, field in (("county", "county_code"), ("pace", "pace")):
        if name in values:
            scope &= Q(**{f"{field}__in": values[name].unique().tolist()})
    return scope & area_scope


def write_records(model, records: list[dict], *, batch: ImportBatch, bar, source=SOURCE) -> None:
    """Validated records into the database as plain column inserts, their areas created when
    new. The seed uses it too."""
    areas = _areas({record["area"] for record in records if record["area"]})
    frame = pd.DataFrame.from_records(records)
    if "county" in frame:
        frame["county_code"] = frame["county"]
    skip = {"id", "area", "batch", "source"}
    names = [field.name for field in model._meta.concrete_fields if field.name not in skip]
    missing = pd.Series([None] * len(frame), index=frame.index, dtype=object)
    columns = {name: frame.get(name, missing) for name in names}
    columns["area_id"] = frame["area"].map(lambda name: areas[name].pk if name else None)
    writer.insert_columns(model, columns, constants={"source": source, "batch": batch.pk}, bar=bar)
    enqueue_postsecondary(yh_areas=[area.pk for area in areas.values()])


def _areas(names: set[str]) -> dict[str, YhArea]:
    existing = {area.name: area for area in YhArea.objects.filter(name__in=names)}
    for name in sorted(names - set(existing)):
        existing[name] = YhArea.objects.create(name=name, slug=_unique_slug(name))
    return existing


def _unique_slug(name: str) -> str:
    base = slugify(name)[:110] or "omrade"
    slug, number_ = base, 2
    while YhArea.objects.filter(slug=slug).exists():
        slug, number_ = f"{base}-{number_}", number_ + 1
    return slug
