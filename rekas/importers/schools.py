"""The schools an admission file names: found by name within their municipality (without case),
created when new, and linked to the site's school organisation with the same school unit code.

Called while writing, inside the import's transaction.
"""

import pandas as pd

from syvsite.organisations.models import Organisation

from ..models import School
from .normalise import map_unique, normalise_text


def school_ids(rows: pd.DataFrame) -> pd.Series:
    """A school id per row (columns municipality_id, school, school_unit_code); creates the
    schools that are new and records unit codes the file adds."""
    municipality_ids = {int(pk) for pk in rows["municipality_id"].unique()}
    existing = _schools(municipality_ids)
    wanted = rows[["municipality_id", "school", "school_unit_code"]].drop_duplicates(
        subset=["municipality_id", "school"]
    )
    new, updated = [], []
    for municipality_id, name, unit_code in wanted.itertuples(index=False):
        key = (int(municipality_id), normalise_text(name))
        school = existing.get(key)
        if school is None:
            school = School(municipality_id=key[0], name=name, school_unit_code=unit_code or "")
            existing[key] = school
            new.append(school)
        elif unit_code and school.school_unit_code != unit_code:
            school.school_unit_code = unit_code
            updated.append(school)
    link_organisations([*new, *updated])
    School.objects.bulk_create(new)
    if updated:
        School.objects.bulk_update(updated, ["school_unit_code", "organisation"])
    if any(school.pk is None for school in new):  # backends without RETURNING
        existing = _schools(municipality_ids)
    keys = zip(
        rows["municipality_id"].astype(int).tolist(),
        map_unique(rows["school"], normalise_text).tolist(),
        strict=True,
    )
    return pd.Series([existing[key].pk for key in keys], index=rows.index)


def _schools(municipality_ids: set[int]) -> dict[tuple[int, str], School]:
    return {
        (school.municipality_id, normalise_text(school.name)): school
        for school in School.objects.filter(municipality_id__in=municipality_ids)
    }


def link_organisations(schools: list[School]) -> None:
    """Schools whose unit code matches a school organisation on the site are linked to it."""
    codes = {school.school_unit_code for school in schools if school.school_unit_code}
    if not codes:
        return
    organisations = dict(
        Organisation.objects.filter(
            kind=Organisation.Kind.SCHOOL, school_unit_code__in=codes
        ).values_list("school_unit_code", "id")
    )
    for school in schools:
        school.organisation_id = organisations.get(school.school_unit_code, school.organisation_id)
