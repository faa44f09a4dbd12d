"""The shipped shapes (data/shapes.json, built by `manage.py build_map_shapes`), read once per
process and kept: a map of the country or of one county only picks ready path strings.

Coordinates are SVG units of 100 m from Sweden's north-west corner, x east and y south.
"""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SHAPES_PATH = Path(__file__).resolve().parent / "data" / "shapes.json"

COUNTRY = "country"  # simplification for a map of all Sweden
DETAIL = "detail"  # for a map of one county's municipalities


@dataclass(frozen=True)
class Shape:
    code: str
    name: str
    path: str  # SVG path data
    bbox: tuple[int, int, int, int]  # x0, y0, x1, y1
    county: str = ""  # a municipality's county code
    seat: tuple[int, int] | None = None  # a municipality's seat (centralort)


@cache
def _data() -> dict:
    return json.loads(SHAPES_PATH.read_text(encoding="utf-8"))


@cache
def municipalities(county: str = "") -> tuple[Shape, ...]:
    """Every municipality (country detail), or one county's (finer detail), by code."""
    level = DETAIL if county else COUNTRY
    return tuple(
        Shape(
            code=code,
            name=item["name"],
            path=item["paths"][level],
            bbox=tuple(item["bbox"]),
            county=item["county"],
            seat=tuple(item["seat"]),
        )
        for code, item in sorted(_data()["municipalities"].items())
        if not county or item["county"] == county
    )


@cache
def counties() -> tuple[Shape, ...]:
    return tuple(
        Shape(code=code, name=item["name"], path=item["paths"][COUNTRY], bbox=tuple(item["bbox"]))
        for code, item in sorted(_data()["counties"].items())
    )


def view_box(shapes: tuple[Shape, ...], *, margin: float = 0.02) -> tuple[int, int, int, int]:
    """x, y, width, height around the shapes, with a small margin."""
    x0 = min(shape.bbox[0] for shape in shapes)
    y0 = min(shape.bbox[1] for shape in shapes)
    x1 = max(shape.bbox[2] for shape in shapes)
    y1 = max(shape.bbox[3] for shape in shapes)
    pad = round(max(x1 - x0, y1 - y0) * margin)
    return x0 - pad, y0 - pad, x1 - x0 + 2 * pad, y1 - y0 + 2 * pad
