"""Classes and colours of a map: which class a value falls in, and that class's colour.

    scale = sequential(breaks=[0.5, 1.0, 1.5], decimals=1)    # 4 classes: under 0,5 … 1,5 or more
    scale = diverging(breaks=[-0.6, -0.2, 0.2, 0.6], decimals=1)  # 5 classes around a middle
    scale = categorical([("gallande", "Gällande plan"), ("saknas", "Plan saknas")])
    scale.classify(0.7)  # → MapClass(key="1", label="0,5–1,0", colour="#…")

Numeric classes are half-open: a value equal to a break belongs to the class above it. The
palettes (data/palettes.json) are colour-blind safe; "no data" is never a class colour.
"""

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import gettext as _

PALETTES_PATH = Path(__file__).resolve().parent / "data" / "palettes.json"


@cache
def palettes() -> dict:
    return json.loads(PALETTES_PATH.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class MapClass:
    key: str
    label: str
    colour: str


@dataclass(frozen=True)
class Scale:
    classes: tuple[MapClass, ...]
    breaks: tuple[float, ...] = ()  # numeric scales: len(classes) - 1 ascending bounds

    def classify(self, value: float | str | None) -> MapClass | None:
        """The class of `value`; None for no data (None, NaN, an unknown category)."""
        if value is None or value == "":
            return None
        if not self.breaks:
            return next((c for c in self.classes if c.key == str(value)), None)
        try:
            number = float(value)
        except (TypeError, ValueError):
            return None
        if math.isnan(number):
            return None
        index = sum(1 for bound in self.breaks if number >= bound)
        return self.classes[index]


def swedish(number: float, decimals: int) -> str:
    """0.75 → "0,75"; thousands with a narrow no-break space."""
    return f"{number:,.{decimals}f}".replace(",", "\u202f").replace(".", ",")


def _numeric(kind: str, breaks: list[float], decimals: int, labels: list[str] | None) -> Scale:
    breaks = sorted(float(bound) for bound in breaks)
    count = len(breaks) + 1
    colours = palettes()[kind].get(str(count))
    if colours is None:
        raise ValueError(f"{kind} palettes have 3–7 classes, not {count}")
    if labels is None:
        texts = [swedish(bound, decimals) for bound in breaks]
        labels = [
            _("Under %(value)s") % {"value": texts[0]},
            *(f"{low}–{high}" for low, high in zip(texts, texts[1:], strict=False)),
            _("%(value)s eller mer") % {"value": texts[-1]},
        ]
    classes = tuple(
        MapClass(key=str(i), label=label, colour=colour)
        for i, (label, colour) in enumerate(zip(labels, colours, strict=True))
    )
    return Scale(classes=classes, breaks=tuple(breaks))


def sequential(breaks: list[float], *, decimals: int = 0, labels: list[str] | None = None) -> Scale:
    """Light to dark for more: counts, rates, anything with a low end and a high end."""
    return _numeric("sequential", breaks, decimals, labels)


def diverging(breaks: list[float], *, decimals: int = 0, labels: list[str] | None = None) -> Scale:
    """Two hues away from a neutral middle: orange below it, purple above it."""
    return _numeric("diverging", breaks, decimals, labels)


def categorical(classes: list[tuple[str, str]], *, palette: str = "categorical") -> Scale:
    """Named classes in the given order; palette "categorical" (distinct hues) or an ordered
    "diverging"/"sequential" palette when the categories run from one end to another."""
    colours = palettes()[palette]
    if palette != "categorical":
        colours = colours.get(str(len(classes)))
        if colours is None:
            raise ValueError(f"{palette} palettes have 3–7 classes, not {len(classes)}")
    return Scale(
        classes=tuple(
            MapClass(key=str(key), label=str(label), colour=colour)
            for (key, label), colour in zip(classes, colours, strict=False)
        )
    )
