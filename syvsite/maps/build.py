"""Build `data/shapes.json` from the shipped GeoJSON boundaries, once (`manage.py build_map_shapes`).

Each boundary is projected to SWEREF 99 TM, simplified without gaps between neighbours
(simplify.py) at two levels — "country" for a map of all of Sweden, "detail" for a map of one
county — and written as SVG path data in whole units of 100 m, measured from the north-west
corner of Sweden (x east, y south, as SVG draws). Pages then only join ready strings.

The municipality codes must agree one to one with `syvsite/regions/data/municipalities.csv`
(and the counties with its county codes); anything else stops the build with a message that
names the codes.
"""

import json
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from syvsite.regions.services import read_municipality_rows

from .projection import sweref99tm
from .shapes import SHAPES_PATH
from .simplify import Ring, simplify_rings

SOURCE_DIR = SHAPES_PATH.parent / "source"
UNIT_M = 100  # one SVG unit is 100 metres


@dataclass(frozen=True)
class Level:
    name: str
    tolerance_m: float  # Douglas–Peucker tolerance
    min_area_km2: float  # smaller islands are left out (never an area's largest ring)


# A country map is about 400 px wide (≈ 2 km a pixel), a county map ≈ 300 m a pixel.
LEVELS = (Level("country", 800, 4.0), Level("detail", 120, 0.1))
COUNTY_LEVELS = (Level("country", 800, 4.0),)


class ShapeDataError(ValueError):
    """The boundary files and our region codes disagree."""


def _rings(geometry: dict) -> list[list[Ring]]:
    """Polygons as lists of rings (outer first), projected to whole metres."""
    polygons = (
        [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    )
    return [[[_metres(lon, lat) for lon, lat in ring] for ring in polygon] for polygon in polygons]


def _metres(lon: float, lat: float) -> tuple[int, int]:
    east, north = sweref99tm(lat, lon)
    return round(east), round(north)


def _area_km2(ring: Ring) -> float:
    twice = sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:] + ring[:1], strict=True))
    return abs(twice) / 2 / 1e6


def _encode(ring: Ring, origin: tuple[int, int]) -> str:
    """One closed SVG subpath in relative coordinates: "M12 34l5-2 3 0…z"."""
    points = []
    for east, north in ring:
        point = (round((east - origin[0]) / UNIT_M), round((origin[1] - north) / UNIT_M))
        if not points or point != points[-1]:
            points.append(point)
    if len(points) > 1 and points[0] == points[-1]:
        points.pop()
    if len(points) < 3:
        return ""
    parts = [f"M{points[0][0]} {points[0][1]}l"]
    previous = points[0]
    for index, point in enumerate(points[1:]):
        for n, number in enumerate((point[0] - previous[0], point[1] - previous[1])):
            separator = "" if number < 0 or (index == 0 and n == 0) else " "
            parts.append(f"{separator}{number}")
        previous = point
    return "".join(parts) + "z"


def _level_paths(features: dict[str, list[list[Ring]]], level: Level, origin) -> dict[str, str]:
    """Every feature's path data at one level; the rings are simplified all together."""
    index, flat = [], []
    for code, polygons in features.items():
        for p, polygon in enumerate(polygons):
            for r, ring in enumerate(polygon):
                index.append((code, p, r))
                flat.append(ring)
    simplified = dict(zip(index, simplify_rings(flat, level.tolerance_m * 1.0), strict=True))
    paths = {}
    for code, polygons in features.items():
        largest = max(range(len(polygons)), key=lambda p: _area_km2(polygons[p][0][:-1]))
        parts = []
        for p, polygon in enumerate(polygons):
            outer = simplified[(code, p, 0)]
            if p != largest and (outer is None or _area_km2(outer) < level.min_area_km2):
                continue
            rings = [outer or polygon[0]] + [
                ring
                for r in range(1, len(polygon))
                if (ring := simplified[(code, p, r)]) and _area_km2(ring) >= level.min_area_km2
            ]
            parts += [_encode(ring, origin) for ring in rings]
        paths[code] = "".join(parts)
    return paths


def _bbox(polygons: list[list[Ring]], origin) -> list[int]:
    xs = [(e - origin[0]) / UNIT_M for polygon in polygons for e, _n in polygon[0]]
    ys = [(origin[1] - n) / UNIT_M for polygon in polygons for _e, n in polygon[0]]
    return [int(min(xs)), int(min(ys)), int(max(xs)) + 1, int(max(ys)) + 1]


def _check_codes(found: set[str], expected: set[str], what: str) -> None:
    if found != expected:
        raise ShapeDataError(
            _(
                "%(what)s i gränsfilerna och i regionlistan stämmer inte: saknas %(missing)s, okända %(extra)s."
            )
            % {
                "what": what,
                "missing": ", ".join(sorted(expected - found)) or "–",
                "extra": ", ".join(sorted(found - expected)) or "–",
            }
        )


def _seat(row: dict, origin) -> list[int]:
    """The municipality's seat (centralort), where a dot map puts its dot."""
    east, north = _metres(float(row["longitude"]), float(row["latitude"]))
    return [round((east - origin[0]) / UNIT_M), round((origin[1] - north) / UNIT_M)]


def build(source_dir: Path = SOURCE_DIR) -> dict:
    """The shapes file's content, from the GeoJSON in `source_dir`."""
    municipalities = json.loads((source_dir / "municipalities.geojson").read_text("utf-8"))
    counties = json.loads((source_dir / "counties.geojson").read_text("utf-8"))
    regions = read_municipality_rows()
    m_props = {
        f["properties"]["municipality_code"]: f["properties"] for f in municipalities["features"]
    }
    c_props = {f["properties"]["county_code"]: f["properties"] for f in counties["features"]}
    _check_codes(set(m_props), {row["municipality_code"] for row in regions}, _("Kommunkoderna"))
    _check_codes(set(c_props), {row["county_code"] for row in regions}, _("Länskoderna"))
    wrong_county = sorted(
        row["municipality_code"]
        for row in regions
        if m_props[row["municipality_code"]]["county_code"] != row["county_code"]
    )
    if wrong_county:
        raise ShapeDataError(
            _("Kommuner i fel län i gränsfilen: %(codes)s.") % {"codes": ", ".join(wrong_county)}
        )

    m_rings = {
        f["properties"]["municipality_code"]: _rings(f["geometry"])
        for f in municipalities["features"]
    }
    c_rings = {f["properties"]["county_code"]: _rings(f["geometry"]) for f in counties["features"]}
    every = [
        point
        for shapes in (m_rings, c_rings)
        for polygons in shapes.values()
        for polygon in polygons
        for point in polygon[0]
    ]
    origin = (min(e for e, _n in every), max(n for _e, n in every))
    m_paths = {level.name: _level_paths(m_rings, level, origin) for level in LEVELS}
    c_paths = {level.name: _level_paths(c_rings, level, origin) for level in COUNTY_LEVELS}
    names = {row["municipality_code"]: row for row in regions}
    return {
        "about": {
            "projection": "SWEREF 99 TM (EPSG:3006)",
            "unit_m": UNIT_M,
            "origin": list(origin),
            "levels": {level.name: level.tolerance_m for level in LEVELS},
            "source": "okfse/sweden-geojson (Valmyndigheten; jnordgren/swedish_data_map_geojson)",
        },
        "municipalities": {
            code: {
                "name": names[code]["municipality_name"],
                "county": names[code]["county_code"],
                "bbox": _bbox(m_rings[code], origin),
                "seat": _seat(names[code], origin),
                "paths": {level: m_paths[level][code] for level in m_paths},
            }
            for code in sorted(m_rings)
        },
        "counties": {
            code: {
                "name": next(row["county_name"] for row in regions if row["county_code"] == code),
                "bbox": _bbox(c_rings[code], origin),
                "paths": {level: c_paths[level][code] for level in c_paths},
            }
            for code in sorted(c_rings)
        },
    }


def write(content: dict, path: Path = SHAPES_PATH) -> int:
    """Write the shapes file (stable, compact JSON); answers its size in bytes."""
    text = json.dumps(content, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    path.write_text(text + "\n", encoding="utf-8")
    return len(text.encode("utf-8")) + 1
