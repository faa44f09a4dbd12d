"""Import of Arbetsförmedlingen's Yrkesbarometer (`yrkesbarometer.json`, CC0).

One JSON array of about 4,800 records (about 219 occupations × 22 geographies). A record may
list several SSYK codes; null fields mean "ingen bedömning". History is kept per assessment
round ("2025-2"); importing a round again replaces that round only.
"""

import re

import pandas as pd
from django.contrib.auth.base_user import AbstractBaseUser
from django.utils.translation import gettext as _
from tqdm import tqdm

from syvsite.regions.models import County

from .. import aggregates
from ..documents import enqueue_after_import
from ..models import (
    NATIONAL,
    Assessment,
    BarometerOccupation,
    ImportBatch,
    Occupation,
    OccupationalArea,
)
from . import writer
from .files import Source, read_or_refuse, read_records
from .normalise import is_missing
from .report import ImportReport

SOURCE = "Arbetsförmedlingen, Yrkesbarometern (CC0)"
REQUIRED_FIELDS = ["yb_concept_id", "yb_yrke", "lan", "ssyk", "omgang"]
CHOICES = {
    "jobbmojligheter": {choice.value for choice in Assessment.Opportunities},
    "rekryteringssituation": {choice.value for choice in Assessment.Situation},
    "prognos": {choice.value for choice in Assessment.Outlook},
}
ROUND_PATTERN = re.compile(r"^\d{4}-[12]$")


def ssyk_codes(value: object) -> list[str]:
    return re.findall(r"\b\d{4}\b", str(value or ""))


def import_yrkesbarometer(
    *,
    source: Source,
    file_name: str = "",
    commit: bool = True,
    user: AbstractBaseUser | None = None,
    progress: bool = False,
) -> ImportReport:
    report = ImportReport(kind=ImportBatch.Kind.YRKESBAROMETER, file_name=file_name or str(source))
    records = read_or_refuse(report, lambda: read_records(source))
    if records is None:
        return report
    frame = pd.DataFrame.from_records(records)
    frame.index = range(1, len(frame) + 1)  # the record's number in the file
    _validate(frame, report)
    if not report.ok:
        report.count_rejected()
        return report
    rounds = sorted(frame["omgang"].unique())
    report.notes.append(_("Bedömningsomgång: %(rounds)s.") % {"rounds": ", ".join(rounds)})
    plan = writer.Plan(
        rows=len(frame),
        source=SOURCE,
        replaces=[Assessment.objects.filter(round__in=rounds)],
        write=lambda batch, bar: _write(frame, batch=batch, bar=bar),
        progress_label=_("Bedömningar"),
    )
    return writer.apply(plan, report=report, commit=commit, user=user, progress=progress)


def _validate(frame: pd.DataFrame, report: ImportReport) -> None:
    """One message per refused field of a record; an empty required field is "värde saknas"
    and gets no other check."""
    for field in REQUIRED_FIELDS:
        if field not in frame.columns:
            report.reject(row=None, column=field, reason=_("fältet saknas i filen"))
    if not report.ok:
        return
    counties = set(County.objects.values_list("code", flat=True)) | {NATIONAL}
    for row, record in zip(frame.index, frame.to_dict("records"), strict=True):
        present = {field: not is_missing(record[field]) for field in REQUIRED_FIELDS}
        for field in REQUIRED_FIELDS:
            if not present[field]:
                report.reject(row=row, column=field, reason=_("värde saknas"))
        if present["lan"] and str(record["lan"]) not in counties:
            report.reject(row=row, column="lan", value=record["lan"], reason=_("okänd länskod"))
        if present["ssyk"] and not ssyk_codes(record["ssyk"]):
            report.reject(
                row=row, column="ssyk", value=record["ssyk"], reason=_("ingen fyrsiffrig SSYK-kod")
            )
        if present["omgang"] and not ROUND_PATTERN.match(str(record["omgang"])):
            report.reject(
                row=row,
                column="omgang",
                value=record["omgang"],
                reason=_("omgången ska skrivas som ÅÅÅÅ-1 eller ÅÅÅÅ-2"),
            )
        for field, allowed in CHOICES.items():
            value = record.get(field)
            if not is_missing(value) and (not isinstance(value, str) or value not in allowed):
                report.reject(row=row, column=field, value=value, reason=_("okänt värde"))
        paradox = record.get("paradox")
        if not is_missing(paradox) and not isinstance(paradox, list):
            report.reject(row=row, column="paradox", value=paradox, reason=_("ska vara en lista"))
    key = ["yb_concept_id", "lan", "omgang"]
    complete = frame[key].notna().all(axis=1)  # a gap is refused above
    duplicated = frame[key].astype(str).duplicated(keep="first")
    for row in frame.index[complete & duplicated]:
        report.reject(
            row=row,
            column="yb_concept_id",
            value=frame.at[row, "yb_concept_id"],
            reason=_("dubblett: yrket är redan bedömt för samma län och omgång"),
        )


def _text(value) -> str:
    return "" if is_missing(value) else str(value)


def _names_for(codes: list[str], text: str) -> dict[str, str]:
    """SSYK names from `ssyk_text` when it splits into one name per code; else nothing."""
    if len(codes) == 1:
        return {codes[0]: text}
    for separator in (";", "|", "\n"):
        parts = [part.strip() for part in text.split(separator)]
        if len(parts) == len(codes):
            return dict(zip(codes, parts, strict=True))
    return {}


def _upsert_occupations(frame: pd.DataFrame) -> dict[str, BarometerOccupation]:
    areas = {}
    for name in frame["yrkesomrade"].dropna().unique() if "yrkesomrade" in frame else []:
        areas[name] = OccupationalArea.objects.get_or_create(name=name)[0]
    known = {occupation.ssyk: occupation for occupation in Occupation.objects.all()}
    result = {}
    for record in frame.drop_duplicates("yb_concept_id").to_dict("records"):
        area = areas.get(record.get("yrkesomrade"))
        codes = ssyk_codes(record["ssyk"])
        names = _names_for(codes, _text(record.get("ssyk_text")))
        linked = []
        for code in codes:
            if code not in known:
                known[code] = Occupation.objects.create(
                    ssyk=code,
                    name=names.get(code) or _("SSYK %(code)s") % {"code": code},
                    area=area,
                )
            elif known[code].area_id is None and area:
                known[code].area = area
                known[code].save(update_fields=["area"])
            linked.append(known[code])
        occupation, _created = BarometerOccupation.objects.update_or_create(
            concept_id=record["yb_concept_id"],
            defaults={
                "name": record["yb_yrke"],
                "area": area,
                "description": _text(record.get("yb_beskrivning")),
            },
        )
        occupation.occupations.set(linked)
        result[occupation.concept_id] = occupation
    return result


def _write(frame: pd.DataFrame, *, batch: ImportBatch, bar: tqdm) -> None:
    write_assessments(frame, batch=batch, bar=bar)
    enqueue_after_import(occupations=True)
    aggregates.refresh()  # the matching reads the latest round


def write_assessments(frame: pd.DataFrame, *, batch: ImportBatch, bar: tqdm) -> None:
    """Validated records (Yrkesbarometer's keys) into the database: their occupations created or
    updated, then one assessment per record. The seed writes its demo assessments with it too."""
    occupations = _upsert_occupations(frame)
    assessments = []
    for record in frame.to_dict("records"):
        paradox = record.get("paradox")
        assessments.append(
            Assessment(
                barometer_occupation=occupations[record["yb_concept_id"]],
                round=record["omgang"],
                area_code=str(record["lan"]),
                job_opportunities=_text(record.get("jobbmojligheter")),
                recruitment_situation=_text(record.get("rekryteringssituation")),
                paradox=paradox if isinstance(paradox, list) else [],
                outlook=_text(record.get("prognos")),
                text_job_opportunities=_text(record.get("text_jobbmojligheter")),
                text_recruitment=_text(record.get("text_rekryteringssituation")),
                assessment_level=_text(record.get("hogsta_bedomningsniva")),
                partial=_text(record.get("delvis_helt")) == "delvis",
                taxonomy_version=_int_or_none(record.get("taxonomi_version")),
                batch=batch,
            )
        )
    writer.create_objects(Assessment, assessments, bar=bar)


def _int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
