"""Maps of Sweden as inline SVG, drawn on the server: choropleths of counties or municipalities
and dot maps. Nothing is fetched from anywhere and nothing needs the CSP loosened.

    from syvsite.maps import AreaValue, choropleth, sequential

    map = choropleth(
        map_id="karta-lan", title="Söktryck per län", areas="county",
        values=[AreaValue("14", 1.2, "1,2 sökande per plats", url="/rekas/lan/14/"), …],
        scale=sequential([0.5, 1.0, 1.5], decimals=1), source="Antagningsstatistik …",
    )
    {% include "maps/map.html" with map=map %}

Every area is a link (when it has a url) or a focusable element, named "<area>: <text>"; areas
missing from `values` are drawn as "no data". The map has a title, a summary, a legend with the
classes and "no data", a source line with the boundaries' attribution, and a data table.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from math import sqrt

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import shapes
from .scales import MapClass, Scale, palettes

BASE_FILL = "#e3e7ea"  # the quiet map under a dot map


@dataclass(frozen=True)
class AreaValue:
    code: str  # SCB code of the county or municipality
    value: float | str | None  # a number, or a class key for a categorical scale
    text: str  # the value as a reader says it: "1,2 sökande per plats", "Gällande plan"
    url: str = ""


@dataclass(frozen=True)
class LegendItem:
    label: str
    colour: str = ""  # empty: the no-data hatching
    count: int = 0
    radius: float = 0  # dot maps: the dot's radius in pixels


@dataclass(frozen=True)
class TableRow:
    name: str
    text: str
    class_label: str
    url: str = ""


@dataclass
class Map:
    id: str
    title: str
    svg: SafeString
    summary: str
    source: str
    legend: list[LegendItem]
    rows: list[TableRow] = field(default_factory=list)
    value_label: str = ""
    show_table: bool = True

    @property
    def boundaries(self) -> str:
        return _(
            "Gränser: Valmyndigheten (kommuner) och jnordgren (län) via okfse/sweden-geojson, förenklade."
        )


def _open_svg(map_id: str, box: tuple[int, int, int, int]) -> list[str]:
    x, y, width, height = box
    colours = palettes()["no_data"]
    hatch = round(max(width, height) / 160, 1)
    return [
        f'<svg class="map__svg" viewBox="{x} {y} {width} {height}" role="group" '
        f'aria-labelledby="{map_id}-title" aria-describedby="{map_id}-summary" '
        'xmlns="http://www.w3.org/2000/svg">',
        f'<defs><pattern id="{map_id}-nodata" width="{hatch}" height="{hatch}" '
        'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        f'<rect width="{hatch}" height="{hatch}" fill="{colours["background"]}"/>'
        f'<rect width="{hatch / 3:.1f}" height="{hatch}" fill="{colours["hatch"]}"/></pattern></defs>',
    ]


def _area(shape: shapes.Shape, fill: str, label: str, url: str) -> str:
    name = escape(label)
    if url:
        return (
            f'<a href="{escape(url)}" aria-label="{name}"><title>{name}</title>'
            f'<path class="map__area" d="{shape.path}" fill="{fill}"/></a>'
        )
    return (
        f'<path class="map__area" d="{shape.path}" fill="{fill}" tabindex="0" role="img" '
        f'aria-label="{name}"><title>{name}</title></path>'
    )


# Swedish alphabetical order: å, ä, ö after z (Python's code points would put ä before å).
_SWEDISH_ORDER = str.maketrans({"å": "z\x01", "ä": "z\x02", "ö": "z\x03", "é": "e", "ü": "y"})


def swedish_key(name: str) -> str:
    return name.casefold().translate(_SWEDISH_ORDER)


def _summary(intro: str, counts: Counter, classes: list[MapClass], no_data: int, unit) -> str:
    parts = [
        f"{capfirst(cls.label)}: {unit(counts[cls.key])}" for cls in classes if counts[cls.key]
    ]
    if no_data:
        parts.append(f"{_('Ingen uppgift')}: {unit(no_data)}")
    return f"{intro} {'; '.join(parts)}."


def _subject(areas: str, county: str) -> tuple[tuple[shapes.Shape, ...], str, object]:
    """The shapes, the summary's opening and the unit word for a county or municipality map."""
    if areas == "county":
        counties = lambda n: ngettext("%(count)d län", "%(count)d län", n) % {"count": n}  # noqa: E731
        return shapes.counties(), _("Karta över Sveriges 21 län."), counties
    unit = lambda n: ngettext("%(count)d kommun", "%(count)d kommuner", n) % {"count": n}  # noqa: E731
    found = shapes.municipalities(county) if county else ()
    if found:
        return (
            found,
            _("Karta över kommunerna i %(county)s.") % {"county": _county_name(county)},
            unit,
        )
    return shapes.municipalities(), _("Karta över Sveriges 290 kommuner."), unit


def choropleth(
    *,
    map_id: str,
    title: str,
    areas: str,
    values: Iterable[AreaValue],
    scale: Scale,
    source: str,
    county: str = "",
    value_label: str = "",
    show_table: bool = True,
) -> Map:
    """Counties (`areas="county"`) or municipalities (`areas="municipality"`, all of them or
    one `county`'s) coloured by the class of their value."""
    found, intro, unit = _subject(areas, county)
    by_code = {value.code: value for value in values}
    no_data_fill = f"url(#{map_id}-nodata)"
    parts = _open_svg(map_id, shapes.view_box(found))
    parts.append('<g class="map__areas">')
    counts: Counter = Counter()
    rows = []
    for shape in sorted(found, key=lambda s: swedish_key(s.name)):
        datum = by_code.get(shape.code)
        cls = scale.classify(datum.value) if datum else None
        text = datum.text if datum and datum.text else _("ingen uppgift")
        counts[cls.key if cls else None] += 1
        parts.append(
            _area(
                shape,
                cls.colour if cls else no_data_fill,
                f"{shape.name}: {text}",
                datum.url if datum else "",
            )
        )
        rows.append(
            TableRow(
                shape.name,
                text,
                cls.label if cls else _("Ingen uppgift"),
                datum.url if datum else "",
            )
        )
    parts.append("</g></svg>")
    legend = [LegendItem(cls.label, cls.colour, counts[cls.key]) for cls in scale.classes]
    legend.append(LegendItem(_("Ingen uppgift"), "", counts[None]))
    return Map(
        id=map_id,
        title=title,
        svg=mark_safe("".join(parts)),  # noqa: S308 - built from escaped text and our own numbers
        summary=_summary(intro, counts, list(scale.classes), counts[None], unit),
        source=source,
        legend=legend,
        rows=rows,
        value_label=value_label,
        show_table=show_table,
    )


def _dot_radius(value: float, largest: float, box_width: int) -> float:
    """Area in proportion to the value, never smaller than a quarter of the largest radius."""
    biggest = box_width * 0.03
    return max(biggest * sqrt(value / largest), biggest / 4) if largest else 0


def dot_map(
    *,
    map_id: str,
    title: str,
    values: Iterable[AreaValue],
    source: str,
    county: str = "",
    value_label: str = "",
    unit: tuple[str, str] = ("", ""),
    show_table: bool = True,
) -> Map:
    """A dot at each municipality's seat, its area in proportion to the (positive) value, over
    the counties (or one county's municipalities). Municipalities without a value get no dot."""
    if county and not shapes.municipalities(county):
        county = ""  # an unknown county: the whole country rather than an empty map
    base = shapes.municipalities(county) if county else shapes.counties()
    places = {shape.code: shape for shape in shapes.municipalities(county)}
    dots = [v for v in values if v.code in places and v.value and float(v.value) > 0]
    largest = max((float(v.value) for v in dots), default=0)
    box = shapes.view_box(base)
    parts = _open_svg(map_id, box)
    parts.append(f'<g class="map__base" aria-hidden="true" fill="{BASE_FILL}">')
    parts += [f'<path d="{shape.path}"/>' for shape in base]
    parts.append(f'</g><g class="map__dots" fill="{palettes()["dot"]}">')
    for datum in sorted(dots, key=lambda v: (-float(v.value), v.code)):
        shape = places[datum.code]
        name = escape(f"{shape.name}: {datum.text}")
        radius = _dot_radius(float(datum.value), largest, box[2])
        circle = (
            f'<circle class="map__dot" cx="{shape.seat[0]}" cy="{shape.seat[1]}" r="{radius:.0f}"'
        )
        if datum.url:
            parts.append(
                f'<a href="{escape(datum.url)}" aria-label="{name}"><title>{name}</title>{circle}/></a>'
            )
        else:
            parts.append(
                f'{circle} tabindex="0" role="img" aria-label="{name}"><title>{name}</title></circle>'
            )
    parts.append("</g></svg>")
    rows = [
        TableRow(places[v.code].name, v.text, "", v.url)
        for v in sorted(dots, key=lambda v: swedish_key(places[v.code].name))
    ]
    legend = [
        LegendItem(
            f"{n} {unit[0] if n == 1 else unit[1]}".strip(),
            palettes()["dot"],
            radius=12 * sqrt(n / largest),
        )
        for n in sorted({1, round(largest / 2) or 1, round(largest)})
        if largest
    ]
    area_word = (
        _("kommunerna i %(county)s") % {"county": _county_name(county)} if county else _("Sverige")
    )
    summary = ngettext(
        "Karta över %(area)s med en punkt för varje kommun som har något att visa, större ju fler: %(count)d kommun.",
        "Karta över %(area)s med en punkt för varje kommun som har något att visa, större ju fler: %(count)d kommuner.",
        len(dots),
    ) % {"area": area_word, "count": len(dots)}
    if dots:
        top = dots[0] if len(dots) == 1 else max(dots, key=lambda v: float(v.value))
        summary += " " + _("Flest i %(name)s (%(text)s).") % {
            "name": places[top.code].name,
            "text": top.text,
        }
    return Map(
        id=map_id,
        title=title,
        svg=mark_safe("".join(parts)),  # noqa: S308 - built from escaped text and our own numbers
        summary=summary,
        source=source,
        legend=legend,
        rows=rows,
        value_label=value_label,
        show_table=show_table,
    )


def _county_name(code: str) -> str:
    return next((c.name for c in shapes.counties() if c.code == code), code)
