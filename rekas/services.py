"""REKAS writes that are not file imports: the curated reference data shipped in rekas/data/
(programmes, orientations, SSYK groups, the programme ↔ occupation mapping) and the names
staff map in "Okända namn att koppla" (`map_name`).

`load_reference` is used by the data migration (with historical models) and by `seed.py`;
it is idempotent. File imports are in `importers/`.
"""

import csv
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from django.apps.registry import Apps
from django.db import transaction
from django.utils.translation import gettext as _

from .exceptions import RekasError

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser

    from syvsite.regions.models import Municipality

    from .models import Orientation, Programme

DATA_DIR = Path(__file__).resolve().parent / "data"
BAROMETER_EXCERPT = DATA_DIR / "yrkesbarometer_excerpt.json"


def read_rows(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def _upsert(model, *, lookup: dict, values: dict):
    """update_or_create that doesn't save (nor re-index) a row that is already up to date."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **values)
    changed = [field for field, value in values.items() if getattr(obj, field) != value]
    if changed:
        for field in changed:
            setattr(obj, field, values[field])
        obj.save(update_fields=changed)
    return obj


@transaction.atomic
def load_reference(*, apps: Apps | None = None) -> None:
    """Create or update programmes, orientations, SSYK occupations and the curated mapping."""
    get_model = apps.get_model if apps else _current_model
    Programme = get_model("rekas", "Programme")
    Orientation = get_model("rekas", "Orientation")
    ProgrammeName = get_model("rekas", "ProgrammeName")
    OccupationalArea = get_model("rekas", "OccupationalArea")
    Occupation = get_model("rekas", "Occupation")
    ProgrammeOccupation = get_model("rekas", "ProgrammeOccupation")

    programmes = {}
    for row in read_rows("programmes.csv"):
        programme = _upsert(
            Programme,
            lookup={"code": row["code"]},
            values={"name": row["name"], "kind": row["kind"], "description": row["description"]},
        )
        ProgrammeName.objects.get_or_create(programme=programme, name=row["name"])
        programmes[programme.code] = programme
    for row in read_rows("programme_names.csv"):
        _upsert(
            ProgrammeName,
            lookup={"programme": programmes[row["programme"]], "name": row["name"]},
            values={
                "valid_from": int(row["valid_from"]) if row["valid_from"] else None,
                "valid_to": int(row["valid_to"]) if row["valid_to"] else None,
            },
        )
    orientations = {}
    for row in read_rows("orientations.csv"):
        orientation = _upsert(
            Orientation,
            lookup={"code": row["code"]},
            values={"programme": programmes[row["programme"]], "name": row["name"]},
        )
        orientations[orientation.code] = orientation
    occupations = {}
    for row in read_rows("ssyk.csv"):
        area, _ = OccupationalArea.objects.get_or_create(name=row["area"])
        occupation = _upsert(
            Occupation, lookup={"ssyk": row["ssyk"]}, values={"name": row["name"], "area": area}
        )
        occupations[occupation.ssyk] = occupation
    if ProgrammeOccupation.objects.exists():
        return  # staff may have edited the mapping; never overwrite it
    links = []
    for row in read_rows("mapping.csv"):
        path = row["programme_code"]
        orientation = orientations.get(path)
        programme = orientation.programme if orientation else programmes[path]
        links.append(
            ProgrammeOccupation(
                programme=programme,
                orientation=orientation,
                study_path=path,
                occupation=occupations[row["ssyk"]],
                weight=Decimal(row["weight"]),
            )
        )
    ProgrammeOccupation.objects.bulk_create(links)


def _current_model(app_label: str, model_name: str):
    from django.apps import apps as current_apps

    return current_apps.get_model(app_label, model_name)


@transaction.atomic
def load_education_links(*, apps: Apps | None = None) -> None:
    """The curated links from YH areas and university programmes to SSYK occupations
    (rekas/data/education_occupations.csv), unless staff have made links already. YH areas are
    keyed by the slug of their name, so the file can name them as SCB writes them."""
    from django.utils.text import slugify

    get_model = apps.get_model if apps else _current_model
    EducationOccupation = get_model("rekas", "EducationOccupation")
    Occupation = get_model("rekas", "Occupation")
    if EducationOccupation.objects.exists():
        return  # staff may have edited the mapping; never overwrite it
    occupations = {occupation.ssyk: occupation for occupation in Occupation.objects.all()}
    EducationOccupation.objects.bulk_create(
        EducationOccupation(
            kind=row["kind"],
            key=slugify(row["key"]) if row["kind"] == "yh_area" else row["key"],
            occupation=occupations[row["ssyk"]],
            weight=Decimal(row["weight"]),
        )
        for row in read_rows("education_occupations.csv")
    )


@transaction.atomic
def map_name(
    *,
    kind: str,
    name: str,
    programme: "Programme | None" = None,
    orientation: "Orientation | None" = None,
    municipality: "Municipality | None" = None,
    user: "AbstractBaseUser | None" = None,
) -> tuple[int, int]:
    """Staff map a name from "Okända namn att koppla" once: the alias is kept for every later
    import and the rows waiting for it are written now. Returns (rows written, rows still
    waiting for another name). Raises RekasError when the target does not fit the kind."""
    from .importers import pending  # the importers read this module's reference data
    from .importers.normalise import normalise_text
    from .models import NameAlias, NameKind

    if kind == NameKind.PROGRAMME and programme is None:
        raise RekasError(_("Välj ett program."))
    if kind == NameKind.PLACE and municipality is None:
        raise RekasError(_("Välj en kommun."))
    if orientation is not None and orientation.programme_id != getattr(programme, "id", None):
        raise RekasError(_("Inriktningen hör inte till det valda programmet."))
    key = normalise_text(name)[:255]
    NameAlias.objects.update_or_create(
        kind=kind,
        key=key,
        defaults={
            "name": name[:255],
            "programme": programme if kind == NameKind.PROGRAMME else None,
            "orientation": orientation if kind == NameKind.PROGRAMME else None,
            "municipality": municipality if kind == NameKind.PLACE else None,
            "created_by": user if getattr(user, "is_authenticated", False) else None,
        },
    )
    written, waiting = pending.write_mapped(kind=kind, key=key)
    if written:
        from . import aggregates

        aggregates.refresh()  # the rows count in the statistics from now on
    return written, waiting
