"""Comparing names and codes as they appear in real files (pure functions, no database).

Programme names come as "Vård- Och Omsorgsprogrammet", "VÅRD- OCH OMSORGSPROGRAMMET",
"Naturvetenskapsprogrammet - Naturvetenskap och samhälle" or with decomposed å/ä/ö (NFD).
"""

import re
import unicodedata
from collections.abc import Callable
from typing import Any

import pandas as pd


def normalise_text(value: str) -> str:
    """Case, Unicode form, dashes and whitespace folded: for comparing names, never for display."""
    text = unicodedata.normalize("NFC", str(value)).casefold()
    text = re.sub(r"[\u2010-\u2015]", "-", text)
    text = re.sub(r"\s*-\s*", "- ", text)
    text = re.sub(r"\s+", " ", text)
    return text.strip(" .")


def normalise_header(value: str) -> str:
    text = unicodedata.normalize("NFKD", str(value).casefold())
    text = "".join(char for char in text if not unicodedata.combining(char))
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")


def is_missing(value: object) -> bool:
    """None, NaN, NaT, pandas.NA or blank text: a cell with nothing in it."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, tuple, dict, set)):
        return False  # pd.isna would answer element by element
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def map_unique(series: pd.Series, func: Callable[[Any], Any]) -> pd.Series:
    """`series.map(func)` computed once per distinct value (files repeat values a lot); missing
    values stay missing."""
    if series.dtype != object:
        series = series.astype(object)  # pandas' string dtype maps element by element
    mapping = {value: func(value) for value in series.unique() if not pd.isna(value)}
    return series.map(mapping)
