"""Rows waiting for a name: kept while importing, written when staff map the name.

`keep` stores the validated rows of a file whose programme or place REKAS could not place
(replacing what an earlier import of the same file left waiting); `services.review` writes them
once the name is mapped. A waiting row counts nowhere until then.
"""

import math

import pandas as pd
from django.utils.translation import gettext as _

from ..models import (
    AdmissionStatistic,
    ImportBatch,
    NameKind,
    Orientation,
    PendingAdmission,
    Programme,
    School,
)
from .adapters import FIGURE_COLUMNS
from .normalise import normalise_text
from .places import PlaceResolver
from .recognise import Catalogue, recognise

# What a waiting row keeps besides the names: enough to write it later without the file.
KEPT = [
    "year", "round", "municipality_id", "programme_id", "orientation_id", "study_path",
    "variant", "school", "school_text", "municipality_text", "school_unit_code",
    "programme_code", "programme_name", "orientation", *FIGURE_COLUMNS, "needs_review",
    "review_note",
]  # fmt: skip


def keep(waiting: pd.DataFrame, *, batch: ImportBatch, replacing: str) -> None:
    """Store the waiting rows of this import; those an earlier import of the same file (same
    name, year and round) left waiting are replaced."""
    scopes = {(int(y), str(r)) for y, r in waiting[["year", "round"]].drop_duplicates().values}
    earlier = PendingAdmission.objects.filter(batch__file_name=replacing).exclude(batch=batch)
    for year, round_ in scopes:
        earlier.filter(year=year, round=round_).delete()
    PendingAdmission.objects.bulk_create(
        [_pending(row, batch=batch) for row in waiting.to_dict("records")]
    )


def describe(waiting: pd.DataFrame, *, limit: int = 30) -> list[str]:
    """What the user is told about waiting rows: each unknown name once, with its reason."""
    if waiting.empty:
        return []
    lines = [
        _(
            "%(count)s rader väntar på att ett namn kopplas under ”Okända namn att koppla” och "
            "räknas inte förrän dess:"
        )
        % {"count": len(waiting)}
    ]
    programmes = waiting["unknown_programme"].fillna("")
    places = waiting["place_name"].fillna("").where(waiting["municipality_id"].isna(), "")
    names = [
        *((name, _("okänt program")) for name in programmes[programmes != ""]),
        *(
            (name, reason or _("okänd kommun, skola eller huvudman"))
            for name, reason in zip(
                places[places != ""], waiting["place_reason"][places != ""], strict=True
            )
        ),
    ]
    counts: dict[tuple[str, str], int] = {}
    for entry in names:
        counts[entry] = counts.get(entry, 0) + 1
    for (name, reason), count in list(counts.items())[:limit]:
        lines.append(
            _("Väntar: ”%(name)s” (%(reason)s), %(count)s rader")
            % {"name": name, "reason": reason, "count": count}
        )
    if len(counts) > limit:
        lines.append(_("… och %(more)s namn till.") % {"more": len(counts) - limit})
    return lines


def _pending(row: dict, *, batch: ImportBatch) -> PendingAdmission:
    data = {name: _plain(row.get(name)) for name in KEPT}
    data["source"] = batch.source
    programme = row.get("unknown_programme") or ""
    place = row.get("place_name") or "" if _plain(row.get("municipality_id")) is None else ""
    reasons = []
    if programme:
        reasons.append(_("okänt program"))
    if place:
        reasons.append(row.get("place_reason") or _("okänd kommun, skola eller huvudman"))
    return PendingAdmission(
        batch=batch,
        row=int(row["row"]),
        year=int(row["year"]),
        round=str(row["round"]),
        programme_name=programme[:255],
        programme_key=normalise_text(programme)[:255] if programme else "",
        place_name=place[:255],
        place_key=normalise_text(place)[:255] if place else "",
        reason="; ".join(reasons)[:255],
        data=data,
    )


def _plain(value: object) -> object:
    """A JSON-safe value: None for missing, int for whole numbers, float or text otherwise."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return None
    if isinstance(value, bool):
        return value
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def write_mapped(*, kind: str, key: str) -> tuple[int, int]:
    """After staff mapped a name: write the waiting rows with that name whose names are all
    known now; the others keep waiting for their other name. Returns (written, waiting)."""
    field = "programme_key" if kind == NameKind.PROGRAMME else "place_key"
    rows = list(PendingAdmission.objects.filter(**{field: key}).select_related("batch"))
    catalogue, resolver = Catalogue.load(), PlaceResolver()
    programme_ids = dict(Programme.objects.values_list("code", "id"))
    orientation_ids = dict(Orientation.objects.values_list("code", "id"))
    written = 0
    for row in rows:
        data = row.data
        if data["programme_id"] is None:
            found = recognise(
                catalogue,
                code=data["programme_code"],
                name=data["programme_name"],
                orientation=data["orientation"],
            )
            if found:
                data["programme_id"] = programme_ids[found.programme]
                data["orientation_id"] = orientation_ids.get(found.orientation or "")
                data["study_path"], data["variant"] = found.study_path, found.variant
                row.programme_name = row.programme_key = ""
        if data["municipality_id"] is None:
            place = resolver.resolve(
                municipality=data["municipality_text"] or "", school=data["school_text"] or ""
            )
            if place.municipality_id:
                data["municipality_id"] = place.municipality_id
                row.place_name = row.place_key = ""
        if data["programme_id"] is not None and data["municipality_id"] is not None:
            _write(row)
            row.delete()
            written += 1
        else:  # still waiting for its other name: the reason says only that one now
            known = _("okänt program")
            parts = [part for part in row.reason.split("; ") if part != known or row.programme_name]
            row.reason = "; ".join(parts)
            row.save()
    return written, len(rows) - written


def _write(row: PendingAdmission) -> None:
    """One waiting row into the statistics, replacing the same school's row of the key."""
    data = row.data
    school = next(
        (
            school
            for school in School.objects.filter(municipality_id=data["municipality_id"])
            if normalise_text(school.name) == normalise_text(data["school"])
        ),
        None,
    ) or School.objects.create(
        municipality_id=data["municipality_id"],
        name=data["school"],
        school_unit_code=data["school_unit_code"] or "",
    )
    AdmissionStatistic.objects.update_or_create(
        year=row.year,
        round=row.round,
        school=school,
        study_path=data["study_path"],
        variant=data["variant"] or "",
        defaults={
            "municipality_id": data["municipality_id"],
            "programme_id": data["programme_id"],
            "orientation_id": data["orientation_id"],
            **{name: data[name] for name in FIGURE_COLUMNS},
            "needs_review": bool(data["needs_review"]),
            "review_note": data["review_note"] or "",
            "source": data["source"] or "",
            "batch": row.batch,
        },
    )
