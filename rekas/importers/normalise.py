"""Matching names and codes as they appear in real files.

Programme names come as "Vård- Och Omsorgsprogrammet", "VÅRD- OCH OMSORGSPROGRAMMET",
"Naturvetenskapsprogrammet - Naturvetenskap och samhälle" or with decomposed å/ä/ö (NFD).
"""

import re
import unicodedata
from dataclasses import dataclass

# Codes regional offices use for the introduction programmes, old and new.
INTRODUCTION_ALIASES = {"IMPRO": "IMV", "IMYRK": "IMY", "IMIND": "IMA", "IMSPR": "IMS"}


def normalise_text(value: str) -> str:
    """Case, Unicode form, dashes and whitespace folded: for comparing names, never for display."""
    text = unicodedata.normalize("NFC", str(value)).casefold()
    text = re.sub(r"[\u2010-\u2015]", "-", text)
    text = re.sub(r"\s*-\s*", "- ", text)
    text = re.sub(r"\s+", " ", text)
    return text.strip(" .")


def map_unique(series, func):
    """`series.map(func)` computed once per distinct value: files repeat values a lot."""
    import pandas as pd

    if series.dtype != object:
        series = series.astype(object)  # pandas' string dtype maps element by element
    mapping = {value: func(value) for value in series.unique() if not pd.isna(value)}
    return series.map(mapping)


def normalise_header(value: str) -> str:
    text = unicodedata.normalize("NFKD", str(value).casefold())
    text = "".join(char for char in text if not unicodedata.combining(char))
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")


@dataclass(frozen=True)
class StudyPath:
    programme_id: int
    orientation_id: int | None
    code: str  # programme code or orientation code


class ProgrammeResolver:
    """Finds the programme (and orientation) for a code such as "NANAT" or a written name."""

    def __init__(self):
        from rekas.models import Orientation, Programme, ProgrammeName

        self.by_code: dict[str, StudyPath] = {}
        self.by_name: dict[str, StudyPath] = {}
        programme_names = {}
        for programme in Programme.objects.all():
            path = StudyPath(programme.id, None, programme.code)
            self.by_code[programme.code] = path
            self.by_name[normalise_text(programme.name)] = path
            programme_names[programme.id] = programme.name
        for alias in ProgrammeName.objects.all():
            self.by_name.setdefault(
                normalise_text(alias.name), self.by_code_for(alias.programme_id)
            )
        for orientation in Orientation.objects.all():
            path = StudyPath(orientation.programme_id, orientation.id, orientation.code)
            self.by_code[orientation.code] = path
            programme_name = programme_names[orientation.programme_id]
            for separator in (" - ", ", ", " – ", " "):
                key = normalise_text(f"{programme_name}{separator}{orientation.name}")
                self.by_name[key] = path
            self.by_name.setdefault(normalise_text(orientation.name), path)

    def by_code_for(self, programme_id: int) -> StudyPath:
        return next(path for path in self.by_code.values() if path.programme_id == programme_id)

    def resolve(self, *, code: str | None, name: str | None, orientation: str | None = None):
        """The StudyPath, or None when neither code nor name is known."""
        if code:
            key = code.strip().upper()
            key = INTRODUCTION_ALIASES.get(key, key)
            path = self.by_code.get(key)
            if path and orientation and path.orientation_id is None:
                return self._with_orientation(path, orientation)
            return path
        if name:
            path = self.by_name.get(normalise_text(name))
            if path and orientation and path.orientation_id is None:
                return self._with_orientation(path, orientation)
            return path
        return None

    def _with_orientation(self, path: StudyPath, orientation: str) -> StudyPath | None:
        wanted = orientation.strip()
        candidate = self.by_code.get(wanted.upper())
        if candidate and candidate.programme_id == path.programme_id:
            return candidate
        candidate = self.by_name.get(normalise_text(wanted))
        if candidate and candidate.programme_id == path.programme_id and candidate.orientation_id:
            return candidate
        return None
