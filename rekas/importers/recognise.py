"""Recognising a programme as regional offices write it (see docs/rekas-method.md).

The 18 national programmes, their orientations and the introduction programmes, written as:
a code ("NA", "NANAT", "EEDAK"), a code with a year ("VO25"), a code and a school glued
together by a PDF extractor ("FT-VS   Fordons- och transportprogrammet   Viskastrandsgymnasiet"),
a code inside the name ("Ekonomiprogrammet EK - Juridik"), the name with an orientation after a
comma, a dash or a run of spaces ("Naturbruksprogrammet, Skogsbruk, Jakt"), abbreviated
("Ekonomiprogr."), capitalised anywhere ("Bygg- Och Anläggningsprogrammet"), or an introduction
programme written out ("Introduktionsprogram IM - Yrkesintroduktion; Hotell och turism, …").

`Catalogue` holds what the database knows (programmes, orientations, old names, code aliases
from data/programme_codes.csv and the names staff mapped); `recognise` is pure.
"""

import re
from dataclasses import dataclass, field

import pandas as pd

from ..models import NameAlias, NameKind, Orientation, Programme, ProgrammeName
from ..services import read_rows
from .normalise import normalise_text

_CODE = re.compile(r"^[A-ZÅÄÖ]{2,6}[A-ZÅÄÖ0-9]{0,4}$")  # "NA", "VO25", "FOFO0XLR", "IMVESGBIF"
_GLUED = re.compile(r"^(?P<code>[A-ZÅÄÖ0-9]+)(?:-[A-ZÅÄÖ]+)?\s+(?P<rest>.+)$")
_CODE_IN_NAME = re.compile(r"^(?P<name>.+?)\s+(?P<code>[A-ZÅÄÖ]{2,5})(?:\s+-\s+(?P<rest>.+))?$")
_ABBREVIATION = re.compile(r"progr?\.?(?=$|[\s,;])", re.IGNORECASE)
_SEPARATORS = " ,;:-–—/"
MAX_STUDY_PATH = 6  # AdmissionStatistic.study_path


@dataclass(frozen=True)
class Recognised:
    programme: str  # programme code, e.g. "NA"
    study_path: str  # orientation code, a longer published code ("EEDAK") or the programme code
    orientation: str | None = None  # known orientation code
    variant: str = ""  # what the published name says beyond programme and orientation
    school: str = ""  # a school name glued after the programme by a PDF extractor


@dataclass
class Catalogue:
    programmes: dict[str, str] = field(default_factory=dict)  # code → name
    orientations: dict[str, tuple[str, str]] = field(default_factory=dict)  # code → (prog, name)
    code_aliases: dict[str, str] = field(default_factory=dict)  # "FS" → "HA"
    names: dict[str, str] = field(default_factory=dict)  # normalised name → programme code
    staff: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # key → (prog, ori)
    _longest_first: list[str] = field(default_factory=list, repr=False)

    @classmethod
    def load(cls) -> "Catalogue":
        catalogue = cls()
        for code, name in Programme.objects.values_list("code", "name"):
            catalogue.programmes[code] = name
            catalogue.names[normalise_text(name)] = code
        for code, name in ProgrammeName.objects.values_list("programme__code", "name"):
            catalogue.names.setdefault(normalise_text(name), code)
        for code, programme, name in Orientation.objects.values_list(
            "code", "programme__code", "name"
        ):
            catalogue.orientations[code] = (programme, name)
        for row in read_rows("programme_codes.csv"):
            catalogue.code_aliases[row["code"]] = row["programme"]
        aliases = NameAlias.objects.filter(kind=NameKind.PROGRAMME).values_list(
            "key", "programme__code", "orientation__code"
        )
        catalogue.staff = {key: (programme, orientation) for key, programme, orientation in aliases}
        return catalogue

    def by_code(self, code: str) -> Recognised | None:
        """A code as published: exact, with a year suffix or extractor noise, or longer than a
        known programme code (a study-path code REKAS does not list yet, e.g. "EEDAK")."""
        letters = re.match(r"[A-ZÅÄÖ]*", code.strip().upper()).group()
        letters = self.code_aliases.get(letters, letters) if len(letters) > 3 else letters
        if letters in self.orientations:
            return Recognised(self.orientations[letters][0], letters, letters)
        programme = self._programme_code(letters)
        if programme is None:
            for size in (3, 2):  # "IMVTE" → IMV towards TE; "EEDAK" → EE
                programme = self._programme_code(letters[:size])
                if programme and len(letters) > size:
                    return Recognised(programme, letters[:MAX_STUDY_PATH])
            return None
        return Recognised(programme, programme)

    def _programme_code(self, code: str) -> str | None:
        code = self.code_aliases.get(code, code)
        return code if code in self.programmes else None

    def by_name(self, text: str) -> Recognised | None:
        """A written name: exact, or a known programme name followed by more (orientation or
        variant). The longest known name wins ("Naturvetenskapsprogrammet" before "Natur…")."""
        text = _ABBREVIATION.sub("programmet", text)
        key = normalise_text(text)
        if key in self.names:
            programme = self.names[key]
            return Recognised(programme, programme)
        if len(self._longest_first) != len(self.names):
            self._longest_first = sorted(self.names, key=len, reverse=True)
        for name in self._longest_first:
            if key.startswith(name) and (len(key) == len(name) or not key[len(name)].isalnum()):
                rest = text_after(text, name)
                return self.with_orientation(self.names[name], rest)
        return None

    def with_orientation(self, programme: str, rest: str) -> Recognised:
        """The programme with what follows its name: a known orientation (exact or at the start
        of the rest, "Musik, spetsutbildning, …"), else the rest as a variant."""
        rest = rest.strip(_SEPARATORS + " ")
        if not rest:
            return Recognised(programme, programme)
        wanted = normalise_text(rest)
        own = sorted(
            ((normalise_text(name), code) for code, (owner, name) in self.orientations.items()
             if owner == programme),
            key=lambda pair: -len(pair[0]),
        )  # fmt: skip
        for name_key, code in own:
            if wanted == name_key:
                return Recognised(programme, code, code)
        for name_key, code in own:  # the longest name first: "… och samhälle" before "…"
            if wanted.startswith(name_key) and not wanted[len(name_key)].isalnum():
                return Recognised(programme, code, code, variant=rest[:200])
        return Recognised(programme, programme, variant=rest[:200])


def text_after(text: str, name_key: str) -> str:
    """The original text after its first words whose normalised form is `name_key`."""
    for word in re.finditer(r"\S+", text):
        head = text[: word.end()]
        if normalise_text(head).rstrip(_SEPARATORS) == name_key:
            return text[word.end() :]
    return text


def published_name(code: str | None, name: str | None, orientation: str | None) -> str:
    """The row's programme as published (code, name and orientation cells): what staff map."""
    return " ".join(part.strip() for part in (code, name, orientation) if part and part.strip())


def recognise(
    catalogue: Catalogue, *, code: str | None, name: str | None, orientation: str | None = None
) -> Recognised | None:
    """The programme (and orientation) of a published row, or None when it cannot be placed.

    A name staff mapped wins; then the code (with the name or orientation column adding an
    orientation or variant); then the name in the forms described in the module docstring."""
    published = published_name(code, name, orientation)
    staff = catalogue.staff.get(normalise_text(published))
    if staff:
        programme, known = staff
        return Recognised(programme, known or programme, known, variant=published[:200])
    code, name, school = _unglue(code, name)
    found = None
    if code:
        found = catalogue.by_code(code)
        if found and found.study_path == found.programme and name:
            found = _refine(catalogue, found, name)
    if found is None and name:
        found = _by_written_name(catalogue, name)
    if found is None:
        return None
    if orientation and found.orientation is None:
        refined = catalogue.with_orientation(found.programme, orientation)
        keep_path = found.study_path if found.study_path != found.programme else refined.study_path
        found = Recognised(found.programme, keep_path, refined.orientation, refined.variant)
    return Recognised(found.programme, found.study_path, found.orientation, found.variant, school)


def _unglue(code: str | None, name: str | None) -> tuple[str | None, str | None, str]:
    """Split "FT-VS   Fordons- och transportprogrammet   Viskastrandsgymnasiet" (code, name,
    school) and take a bare code written in the name column ("NA", "VO25") as the code."""
    if not name:
        return code, name, ""
    text = name.strip()
    if _CODE.match(text) and (not code or text.startswith(code.strip())):
        return text, None, ""  # "NA", "VO25"; "EEDAK" beside the programme code "EE"
    glued = _GLUED.match(text)
    if glued and _CODE.match(glued["code"]) and re.search(r"\s{2,}", text):
        columns = re.split(r"\s{2,}", glued["rest"].strip())
        school = columns[1] if len(columns) > 1 else ""
        return code or glued["code"], columns[0], school
    return code, text, ""


def _refine(catalogue: Catalogue, found: Recognised, name: str) -> Recognised:
    """A programme code with a written name: the name may add the orientation."""
    by_name = _by_written_name(catalogue, name)
    if by_name and by_name.programme == found.programme:
        return by_name
    return found


def _by_written_name(catalogue: Catalogue, name: str) -> Recognised | None:
    text = name.strip()
    columns = re.split(r"\s{2,}", text)  # "Fordons- och transportprogrammet      Fordo"
    if len(columns) > 1:
        found = catalogue.by_name(columns[0])
        if found and found.orientation is None and found.variant == "":
            return catalogue.with_orientation(found.programme, " ".join(columns[1:]))
    inside = _CODE_IN_NAME.match(text)  # "Ekonomiprogrammet EK - Juridik", "… IM - Yrkesintro…"
    if inside:
        by_code = catalogue.by_code(inside["code"])
        rest = inside["rest"] or ""
        if by_code:
            return catalogue.with_orientation(by_code.programme, rest) if rest else by_code
        if rest:  # "Introduktionsprogram IM - Programinriktat val; Bygg och anläggning, …"
            return catalogue.by_name(rest)
    return catalogue.by_name(text)


def study_paths(
    codes: pd.Series, names: pd.Series, orientations: pd.Series
) -> dict[str, pd.Series]:
    """Per row: programme_id, orientation_id, study_path, variant, school_hint (a school glued
    into the programme cell) and unknown_programme (the published name when not recognised).
    Recognises each distinct combination once and spreads the answers with a merge."""
    catalogue = Catalogue.load()
    programme_ids = dict(Programme.objects.values_list("code", "id"))
    orientation_ids = dict(Orientation.objects.values_list("code", "id"))
    keys = pd.DataFrame({"code": codes, "name": names, "orientation": orientations})
    keys = keys.astype(object).fillna("")
    unique = keys.drop_duplicates()
    answers = []
    for code, name, orientation in unique.itertuples(index=False):
        found = recognise(
            catalogue, code=code or None, name=name or None, orientation=orientation or None
        )
        answers.append(
            {
                "programme_id": programme_ids[found.programme] if found else None,
                "orientation_id": orientation_ids.get(found.orientation) if found else None,
                "study_path": found.study_path if found else None,
                "variant": found.variant if found else "",
                "school_hint": found.school if found else "",
                "unknown_programme": "" if found else published_name(code, name, orientation),
            }
        )
    unique = pd.concat([unique.reset_index(drop=True), pd.DataFrame(answers, dtype=object)], axis=1)
    resolved = keys.merge(unique, on=["code", "name", "orientation"], how="left")
    resolved.index = keys.index
    return {column: resolved[column] for column in answers[0]} if answers else {}
