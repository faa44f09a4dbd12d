"""Import of UHR's admission statistics for university programmes (antagningsstatistik).

The JSON of UHR's statistics API as published: `{"antalObjekt": n, "data": [...]}` (a bare list
of the same items is read too). Each item is one programme (anmälningskod) in one term
("HT2024") with `sok` (sökande, förstahandsökande) and `urval1`/`urval2` (antagna, reserver,
urvalsgrupper with lägstaAntagnaPoäng as text: a number, "*" = every eligible applicant was
admitted, "-" = nobody was admitted in the group). Anything but anmälningskod and termin may be
missing. Scores stay on their group's own scale and are never combined across groups.

Every item is validated before anything is written; importing a file replaces the
(programme, term) pairs it holds, so the same file twice gives the same data.
"""

import json
import re
from decimal import Decimal, InvalidOperation

import pandas as pd
from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Q
from django.utils.translation import gettext as _
from tqdm import tqdm

from ..documents import enqueue_postsecondary
from ..exceptions import UnreadableFile
from ..models import ImportBatch, UniversityAdmission, UniversityProgramme, UniversityScore
from ..models.postsecondary import SCALE_MAX  # a higher score is flagged
from . import writer
from .files import Source, decode_utf8, read_bytes, read_or_refuse
from .normalise import is_missing
from .report import ImportReport

SOURCE = "Universitets- och högskolerådet (UHR), antagningsstatistik"
TERM = re.compile(r"^(HT|VT)(\d{4})$")
MARKS = {"*", "-"}  # "*": all eligible admitted; "-": nobody admitted in the group
ROUNDS = (1, 2)
MAX_COUNT = 2**31 - 1  # what the database's integer columns hold


def read_items(source: Source) -> list[dict]:
    """The items of a UHR statistics answer (or a bare list of them); raises UnreadableFile."""
    try:
        document = json.loads(decode_utf8(read_bytes(source)))
    except json.JSONDecodeError as error:
        raise UnreadableFile(
            _("Filen är inte giltig JSON (rad %(line)s): %(error)s")
            % {"line": error.lineno, "error": error.msg}
        ) from error
    items = document.get("data") if isinstance(document, dict) else document
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise UnreadableFile(
            _('Filen ska vara UHR:s JSON: {"antalObjekt": …, "data": [ett objekt per program]}.')
        )
    if not items:
        raise UnreadableFile(_("Filen innehåller inga program."))
    return items


def import_uhr(
    *,
    source: Source,
    file_name: str = "",
    commit: bool = True,
    user: AbstractBaseUser | None = None,
    progress: bool = False,
) -> ImportReport:
    report = ImportReport(kind=ImportBatch.Kind.UHR, file_name=file_name or str(source))
    items = read_or_refuse(report, lambda: read_items(source))
    if items is None:
        return report
    parsed = [_parse_item(number, item, report) for number, item in enumerate(items, start=1)]
    _refuse_duplicates(parsed, report)
    if not report.ok:
        report.count_rejected()
        return report
    terms = sorted({item["term"] for item in parsed})
    report.notes.append(_("Terminer: %(terms)s.") % {"terms": ", ".join(terms)})
    plan = writer.Plan(
        rows=len(parsed),
        source=SOURCE,
        replaces=[UniversityAdmission.objects.filter(_scope(parsed))],
        write=lambda batch, bar: _write(parsed, batch=batch, bar=bar),
        progress_label=_("Högskoleprogram"),
    )
    return writer.apply(plan, report=report, commit=commit, user=user, progress=progress)


def _parse_item(number: int, item: dict, report: ImportReport) -> dict:
    """The item's values in our terms; every problem refused in the report under its field."""
    code, term = item.get("anmälningskod"), item.get("termin")
    for field, value in (("anmälningskod", code), ("termin", term)):
        if is_missing(value):
            report.reject(row=number, column=field, reason=_("värde saknas"))
    match = TERM.match(str(term).strip()) if not is_missing(term) else None
    if not is_missing(term) and match is None:
        report.reject(
            row=number,
            column="termin",
            value=term,
            reason=_("terminen ska skrivas HT eller VT följt av året, t.ex. HT2024"),
        )
    year = int(match.group(2)) if match else 0
    if match and not is_missing(item.get("år")) and str(item["år"]).strip() != str(year):
        report.reject(
            row=number, column="år", value=item["år"], reason=_("året stämmer inte med terminen")
        )
    sok = _section(number, item, "sok", report)
    parsed = {
        "row": number,
        "code": str(code or "").strip(),
        "term": str(term or "").strip(),
        "year": year,
        "term_order": year * 10 + (2 if match and match.group(1) == "HT" else 1),
        "name": _text(item.get("anmälningsalternativ")) or str(code or ""),
        "institution_code": _text(item.get("lärosäteId")),
        "institution": _text(item.get("lärosäte")),
        "education_type": _text(item.get("utbildningstyp")),
        "study_location": _text(item.get("studieort")),
        "study_pace": _text(item.get("studietakt")),
        "sun_code": _text(item.get("sunKod") or item.get("sun")),
        "applicants": _count(number, "sok.sökande", sok.get("sökande"), report),
        "first_choice_applicants": _count(
            number, "sok.förstahandsökande", sok.get("förstahandsökande"), report
        ),
        "scores": [],
    }
    for selection_round in ROUNDS:
        _parse_round(number, item, selection_round, parsed, report)
    return parsed


def _parse_round(number: int, item: dict, selection_round: int, parsed: dict, report) -> None:
    key = f"urval{selection_round}"
    section = _section(number, item, key, report)
    parsed[f"admitted_{selection_round}"] = _count(
        number, f"{key}.antagna", section.get("antagna"), report
    )
    parsed[f"reserves_{selection_round}"] = _count(
        number, f"{key}.reserver", section.get("reserver"), report
    )
    groups = section.get("urvalsgrupper") or []
    if not isinstance(groups, list):
        report.reject(
            row=number, column=f"{key}.urvalsgrupper", value=groups, reason=_("ska vara en lista")
        )
        return
    for index, group in enumerate(groups, start=1):
        where = f"{key}.urvalsgrupper[{index}]"
        if not isinstance(group, dict) or is_missing(group.get("urvalsgruppId")):
            report.reject(row=number, column=f"{where}.urvalsgruppId", reason=_("värde saknas"))
            continue
        group_id = str(group["urvalsgruppId"]).strip()
        score, mark = _score(number, f"{where}.lägstaAntagnaPoäng", group, report)
        limit = SCALE_MAX.get(group_id)
        if score is not None and limit is not None and score > limit:
            report.flag(
                row=number,
                column=f"{where}.lägstaAntagnaPoäng",
                value=score,
                reason=_("högre än skalans högsta värde för %(group)s (%(limit)s)")
                % {"group": group_id, "limit": limit},
            )
        parsed["scores"].append(
            {
                "selection_round": selection_round,
                "group": group_id,
                "score": score,
                "mark": mark,
                "admitted": _count(number, f"{where}.antagna", group.get("antagna"), report),
                "reserves": _count(number, f"{where}.reserver", group.get("reserver"), report),
            }
        )


def _section(number: int, item: dict, key: str, report: ImportReport) -> dict:
    value = item.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        report.reject(row=number, column=key, value=value, reason=_("ska vara ett objekt"))
        return {}
    return value


def _score(number: int, column: str, group: dict, report) -> tuple[Decimal | None, str]:
    value = group.get("lägstaAntagnaPoäng")
    if is_missing(value):
        return None, ""
    text = str(value).strip()
    if text in MARKS:
        return None, text
    try:
        score = Decimal(text) if not isinstance(value, bool) else None
    except InvalidOperation:
        score = None
    if score is None or not score.is_finite() or score < 0 or score >= 100000:
        report.reject(
            row=number,
            column=column,
            value=value,
            reason=_(
                "ska vara ett tal med decimalpunkt, ”*” (alla behöriga antogs) eller ”-” "
                "(ingen antogs)"
            ),
        )
        return None, ""
    return score.quantize(Decimal("0.01")), ""


def _count(number: int, column: str, value: object, report: ImportReport) -> int | None:
    if is_missing(value):
        return None
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        number_ok = isinstance(value, float) and value.is_integer() and 0 <= value <= MAX_COUNT
        if number_ok:
            return int(value)
    elif str(value).strip().isdigit() and int(str(value).strip()) <= MAX_COUNT:
        return int(str(value).strip())
    report.reject(
        row=number, column=column, value=value, reason=_("ska vara ett heltal, 0 eller mer")
    )
    return None


def _text(value: object) -> str:
    return "" if is_missing(value) else str(value).strip()


def _refuse_duplicates(parsed: list[dict], report: ImportReport) -> None:
    seen = set()
    for item in parsed:
        key = (item["code"], item["term"])
        if item["code"] and item["term"] and key in seen:
            report.reject(
                row=item["row"],
                column="anmälningskod",
                value=item["code"],
                reason=_("dubblett: programmet finns redan för samma termin"),
            )
        seen.add(key)


def _scope(parsed: list[dict]) -> Q:
    """The (programme, term) pairs of the file, per term (few) rather than per pair (many)."""
    codes_by_term: dict[str, set[str]] = {}
    for item in parsed:
        codes_by_term.setdefault(item["term"], set()).add(item["code"])
    scope = Q(pk__in=[])
    for term, codes in codes_by_term.items():
        scope |= Q(term=term, programme__code__in=sorted(codes))
    return scope


PROGRAMME_FIELDS = (
    "name", "institution_code", "institution", "education_type", "study_location",
    "study_pace", "sun_code",
)  # fmt: skip
ADMISSION_FIELDS = (
    "term", "year", "term_order", "applicants", "first_choice_applicants",
    "admitted_1", "reserves_1", "admitted_2", "reserves_2",
)  # fmt: skip


def _write(parsed: list[dict], *, batch: ImportBatch, bar: tqdm) -> None:
    write_items(parsed, batch=batch, bar=bar)
    codes = {item["code"] for item in parsed}
    enqueue_postsecondary(
        universities=UniversityProgramme.objects.filter(code__in=codes).values_list("pk", flat=True)
    )


def write_items(parsed: list[dict], *, batch: ImportBatch, bar: tqdm, source: str = SOURCE) -> None:
    """Validated items into the database: programmes created or updated (from their latest
    term in the file), then one admission per item and its scores, as plain column inserts
    (model instances for tens of thousands of rows would cost most of the import's time)."""
    programmes = _upsert_programmes(parsed, source=source)
    frame = pd.DataFrame.from_records(parsed)
    columns = {field: frame[field] for field in ADMISSION_FIELDS}
    columns["programme_id"] = frame["code"].map({code: p.pk for code, p in programmes.items()})
    writer.insert_columns(UniversityAdmission, columns, constants={"batch": batch.pk}, bar=bar)
    ids = {
        (programme_id, term): pk
        for programme_id, term, pk in UniversityAdmission.objects.filter(batch=batch).values_list(
            "programme_id", "term", "pk"
        )
    }
    scores = [
        {**score, "admission_id": ids[(programmes[item["code"]].pk, item["term"])]}
        for item in parsed
        for score in item["scores"]
    ]
    if scores:
        scores_frame = pd.DataFrame.from_records(scores)
        writer.insert_columns(
            UniversityScore,
            {name: scores_frame[name] for name in scores_frame.columns},
            constants={},
            bar=tqdm(disable=True),
        )


def _upsert_programmes(parsed: list[dict], *, source: str) -> dict[str, UniversityProgramme]:
    latest: dict[str, dict] = {}
    for item in parsed:
        if item["code"] not in latest or item["term_order"] > latest[item["code"]]["term_order"]:
            latest[item["code"]] = item
    existing = UniversityProgramme.objects.in_bulk(list(latest), field_name="code")
    changed, created = [], []
    for code, item in latest.items():
        values = {field: item[field] for field in PROGRAMME_FIELDS}
        values["sun_code"] = values["sun_code"][:8]
        programme = existing.get(code)
        if programme is None:
            created.append(UniversityProgramme(code=code, source=source, **values))
            continue
        values["sun_code"] = values["sun_code"] or programme.sun_code
        if any(getattr(programme, field) != value for field, value in values.items()):
            for field, value in values.items():
                setattr(programme, field, value)
            changed.append(programme)
    UniversityProgramme.objects.bulk_create(created)
    UniversityProgramme.objects.bulk_update(changed, PROGRAMME_FIELDS)
    return UniversityProgramme.objects.in_bulk(list(latest), field_name="code")
