"""Where a row of a regional list belongs: its municipality, found from what the list gives.

Regional lists name the municipality in a column, as a heading in the school column
("Borlänge"), in the school's name ("Kumla gymnasium") or not at all, and some schools are run
by a kommunalförbund or utbildningsförbund ("Sydnärkes utbildningsförbund"). In order:
the municipality column; a name staff mapped ("Okända namn att koppla"); an organiser in
data/organisers.csv (its seat when one is verified); the school column as a municipality; the
school name's first word; a school REKAS already knows in exactly one municipality. What is
still unknown waits for a person, with the reason. Reads only.
"""

import re
from dataclasses import dataclass

import pandas as pd
from django.utils.translation import gettext as _

from syvsite.regions.models import Municipality

from ..models import NameAlias, NameKind, School
from ..services import read_rows
from .normalise import normalise_text


@dataclass(frozen=True)
class Organiser:
    name: str
    kind: str
    seat: str  # SCB code of the municipality its schools are in, "" when several
    members: tuple[str, ...]


def organisers() -> dict[str, Organiser]:
    """The kommunalförbund and utbildningsförbund REKAS knows, by normalised name."""
    found = {}
    for row in read_rows("organisers.csv"):
        organiser = Organiser(
            name=row["name"],
            kind=row["kind"],
            seat=row["municipality"],
            members=tuple(code for code in row["members"].split(",") if code),
        )
        found[normalise_text(organiser.name)] = organiser
    return found


@dataclass(frozen=True)
class Place:
    municipality_id: int | None
    reason: str = ""  # why it is unknown
    name: str = ""  # the name a person maps when unknown


class PlaceResolver:
    def __init__(self):
        municipalities = list(Municipality.objects.values_list("id", "code", "name"))
        self.by_code = {code: pk for pk, code, _name in municipalities}
        self.names = {code: name for _pk, code, name in municipalities}
        self.by_name = {normalise_text(name): pk for pk, _code, name in municipalities}
        self.staff = dict(
            NameAlias.objects.filter(kind=NameKind.PLACE).values_list("key", "municipality_id")
        )
        self.organisers = organisers()
        schools: dict[str, set[int]] = {}
        for name, municipality_id in School.objects.values_list("name", "municipality_id"):
            schools.setdefault(normalise_text(name), set()).add(municipality_id)
        self.schools = {key: ids.pop() for key, ids in schools.items() if len(ids) == 1}

    def municipality_by_name(self, value: str) -> int | None:
        """ "Stockholm", "Stockholms kommun", "SOLNA"."""
        return self.by_name.get(normalise_text(re.sub(r"(?i)s? kommun$", "", value.strip())))

    def resolve(self, *, municipality: str, school: str) -> Place:
        """`municipality`: the municipality cell (may be empty or hold an organiser or school);
        `school`: the school cell or the school glued into the programme cell."""
        if municipality and (found := self.municipality_by_name(municipality)):
            return Place(found)
        texts = [text for text in (municipality, school) if text]
        for text in texts:
            key = normalise_text(text)
            if key in self.staff:
                return Place(self.staff[key])
        for text in texts:
            organiser = self.organisers.get(normalise_text(text))
            if organiser and organiser.seat:
                return Place(self.by_code[organiser.seat])
            if organiser:
                members = ", ".join(self.names[code] for code in organiser.members)
                reason = _("%(name)s har skolor i flera kommuner (%(members)s)") % {
                    "name": organiser.name,
                    "members": members,
                }
                return Place(None, reason, school or municipality)
        for text in texts:
            if found := self._in_name(text):
                return Place(found)
        return Place(None, _("okänd kommun, skola eller huvudman"), municipality or school)

    def _in_name(self, text: str) -> int | None:
        """The school column as a municipality ("Borlänge"), a school REKAS knows in one
        municipality, or a name that starts with its municipality ("Kumla gymnasium")."""
        if found := self.municipality_by_name(text):
            return found
        if found := self.schools.get(normalise_text(text)):
            return found
        first = text.split()[0] if text.split() else ""
        for word in (first, first[:-1] if first.endswith("s") else ""):
            if word and (found := self.by_name.get(normalise_text(word))):
                return found
        return None


def places(municipalities: pd.Series, schools: pd.Series) -> pd.DataFrame:
    """municipality_id, place_reason and place_name per row (once per distinct pair)."""
    resolver = PlaceResolver()
    keys = pd.DataFrame({"municipality": municipalities, "school": schools}).astype(object)
    keys = keys.fillna("")
    unique = keys.drop_duplicates()
    found = [
        resolver.resolve(municipality=municipality, school=school)
        for municipality, school in unique.itertuples(index=False)
    ]
    unique = unique.assign(
        municipality_id=[place.municipality_id for place in found],
        place_reason=[place.reason for place in found],
        place_name=[place.name for place in found],
    )
    resolved = keys.merge(unique, on=["municipality", "school"], how="left")
    resolved.index = keys.index
    return resolved[["municipality_id", "place_reason", "place_name"]]
