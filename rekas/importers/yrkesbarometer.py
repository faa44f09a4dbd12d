"""Import of Arbetsförmedlingen's Yrkesbarometer (`yrkesbarometer.json`, CC0).

One JSON array of about 4,800 records (about 219 occupations × 22 geographies). A record may
list several SSYK codes; null fields mean "ingen bedömning". History is kept per assessment
round ("2025-2"); importing a round again replaces that round only.
"""

import json
import re
from pathlib import Path

import pandas as pd
from django.db import transaction
from django.utils.translation import gettext as _
from tqdm import tqdm

from syvsite.regions.models import County

from ..documents import enqueue_after_import
from ..models import (
    NATIONAL,
    Assessment,
    BarometerOccupation,
    ImportBatch,
    Occupation,
    OccupationalArea,
)
from .files import UnreadableFile, decode_utf8
from .report import ImportReport

REQUIRED_FIELDS = ["yb_concept_id", "yb_yrke", "lan", "ssyk", "omgang"]
CHOICES = {
    "jobbmojligheter": {choice.value for choice in Assessment.Opportunities},
    "rekryteringssituation": {choice.value for choice in Assessment.Situation},
    "prognos": {choice.value for choice in Assessment.Outlook},
}
ROUND_PATTERN = re.compile(r"^\d{4}-[12]$")


def read_records(source: Path | str | bytes) -> list[dict]:
    data = Path(source).read_bytes() if isinstance(source, (str, Path)) else source
    if not data.strip():
        raise UnreadableFile(_("Filen är tom."))
    try:
        records = json.loads(decode_utf8(data))
    except json.JSONDecodeError as error:
        raise UnreadableFile(
            _("Filen är inte giltig JSON (rad %(line)s): %(error)s")
            % {"line": error.lineno, "error": error.msg}
        ) from error
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise UnreadableFile(_("Filen ska vara en JSON-lista med ett objekt per bedömning."))
    if not records:
        raise UnreadableFile(_("Filen innehåller inga bedömningar."))
    return records


def ssyk_codes(value) -> list[str]:
    return re.findall(r"\b\d{4}\b", str(value or ""))


def import_yrkesbarometer(
    *, source, file_name: str = "", commit: bool = True, user=None, progress: bool = False
) -> ImportReport:
    report = ImportReport(kind=ImportBatch.Kind.YRKESBAROMETER, file_name=file_name or str(source))
    try:
        records = read_records(source)
    except UnreadableFile as error:
        report.reject(row=None, reason=str(error))
        return report
    report.read = len(records)
    frame = pd.DataFrame.from_records(records)
    _validate(frame, report)
    if not report.ok:
        report.rejected = len({issue.row for issue in report.errors})
        return report
    rounds = sorted(frame["omgang"].unique())
    report.notes.append(_("Bedömningsomgång: %(rounds)s.") % {"rounds": ", ".join(rounds)})
    report.replaced = Assessment.objects.filter(round__in=rounds).count()
    if commit:
        _write(frame, report, rounds=rounds, user=user, progress=progress)
    else:
        report.written = len(frame)
    return report


def _validate(frame: pd.DataFrame, report: ImportReport) -> None:
    for field in REQUIRED_FIELDS:
        if field not in frame.columns:
            report.reject(row=None, column=field, reason=_("fältet saknas i filen"))
    if not report.ok:
        return
    rows = pd.Series(range(1, len(frame) + 1), index=frame.index)
    counties = set(County.objects.values_list("code", flat=True)) | {NATIONAL}
    for index, record in frame.iterrows():
        row = int(rows[index])
        for field in REQUIRED_FIELDS:
            if pd.isna(record[field]) or str(record[field]).strip() == "":
                report.reject(row=row, column=field, reason=_("värde saknas"))
        if str(record["lan"]) not in counties:
            report.reject(row=row, column="lan", value=record["lan"], reason=_("okänd länskod"))
        if not ssyk_codes(record["ssyk"]):
            report.reject(
                row=row, column="ssyk", value=record["ssyk"], reason=_("ingen fyrsiffrig SSYK-kod")
            )
        if not ROUND_PATTERN.match(str(record["omgang"])):
            report.reject(
                row=row,
                column="omgang",
                value=record["omgang"],
                reason=_("omgången ska skrivas som ÅÅÅÅ-1 eller ÅÅÅÅ-2"),
            )
        for field, allowed in CHOICES.items():
            value = record.get(field)
            if value is not None and not pd.isna(value) and value not in allowed:
                report.reject(row=row, column=field, value=value, reason=_("okänt värde"))
        paradox = record.get("paradox")
        if paradox is not None and not isinstance(paradox, list) and not pd.isna(paradox):
            report.reject(row=row, column="paradox", value=paradox, reason=_("ska vara en lista"))
    key = ["yb_concept_id", "lan", "omgang"]
    for index in frame.index[frame.duplicated(subset=key, keep="first")]:
        report.reject(
            row=int(rows[index]),
            column="yb_concept_id",
            value=frame.at[index, "yb_concept_id"],
            reason=_("dubblett: yrket är redan bedömt för samma län och omgång"),
        )


def _text(value) -> str:
    return "" if value is None or (not isinstance(value, list) and pd.isna(value)) else str(value)


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


@transaction.atomic
def _write(frame, report: ImportReport, *, rounds, user, progress: bool) -> None:
    batch = ImportBatch.objects.create(
        kind=ImportBatch.Kind.YRKESBAROMETER,
        file_name=Path(report.file_name).name[:255],
        source="Arbetsförmedlingen, Yrkesbarometern (CC0)",
        created_by=user if getattr(user, "is_authenticated", False) else None,
        rows_read=report.read,
    )
    report.replaced = Assessment.objects.filter(round__in=rounds).delete()[0]
    occupations = _upsert_occupations(frame)
    assessments = []
    for record in tqdm(frame.to_dict("records"), disable=not progress, desc=_("Bedömningar")):
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
    Assessment.objects.bulk_create(assessments, batch_size=1000)
    report.written = len(assessments)
    enqueue_after_import(occupations=True)
    report.committed = True
    report.batch_id = batch.pk
    batch.rows_written = report.written
    batch.rows_replaced = report.replaced
    batch.report = report.as_dict()
    batch.save()


def _int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
