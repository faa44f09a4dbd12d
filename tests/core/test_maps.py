"""The map component (syvsite/maps): shapes that match our region codes, the projection, a
simplification without gaps, classes and colours, links and accessible names."""

import gzip
import json
import math
import re
import shutil
import xml.etree.ElementTree as ET

import pytest

from syvsite.maps import AreaValue, categorical, choropleth, diverging, dot_map, sequential, shapes
from syvsite.maps.build import SOURCE_DIR, ShapeDataError, build
from syvsite.maps.projection import sweref99tm
from syvsite.maps.scales import palettes
from syvsite.maps.simplify import simplify_rings

SVG = "{http://www.w3.org/2000/svg}"


def svg_tree(map_) -> ET.Element:
    return ET.fromstring(str(map_.svg))  # noqa: S314 - our own SVG, built by the test


def fills_by_name(map_) -> dict[str, str]:
    """Each area's accessible name → its fill, whether the area is a link or not."""
    root = svg_tree(map_)
    result = {}
    for link in root.iter(f"{SVG}a"):
        result[link.get("aria-label")] = link.find(f"{SVG}path").get("fill")
    for path in root.iter(f"{SVG}path"):
        if path.get("aria-label"):
            result[path.get("aria-label")] = path.get("fill")
    return result


def test_shapes_and_our_municipality_codes_agree_one_to_one(db):
    from syvsite.regions.models import County, Municipality

    ours = dict(Municipality.objects.values_list("code", "county__code"))
    shipped = {shape.code: shape.county for shape in shapes.municipalities()}
    assert len(shipped) == 290
    assert shipped == ours  # same codes, each in the same county
    assert {shape.code for shape in shapes.counties()} == set(
        County.objects.values_list("code", flat=True)
    )
    assert all(shape.path.startswith("M") for shape in shapes.municipalities())
    for county in County.objects.all():
        assert {s.code for s in shapes.municipalities(county.code)} == set(
            county.municipalities.values_list("code", flat=True)
        )


def test_the_shipped_shapes_are_what_the_build_makes():
    """The site reads data/shapes.json; it must be exactly what build_map_shapes writes from
    the shipped boundaries (so nobody edits it by hand or forgets to rebuild)."""
    shipped = json.loads(shapes.SHAPES_PATH.read_text(encoding="utf-8"))
    assert build() == shipped


def test_the_build_refuses_boundaries_that_do_not_match_our_codes(tmp_path):
    source = tmp_path / "source"
    shutil.copytree(SOURCE_DIR, source)
    path = source / "municipalities.geojson"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["features"][0]["properties"]["municipality_code"] = "9999"
    removed = data["features"][1]["properties"]["municipality_code"]
    del data["features"][1]
    path.write_text(json.dumps(data), encoding="utf-8")

    with pytest.raises(ShapeDataError) as error:
        build(source)

    message = str(error.value)
    assert "Kommunkoderna" in message and "9999" in message and removed in message


def test_projection_is_sweref_99_tm():
    """On the central meridian (15° E) the easting is 500 000 m and the northing is 0.9996 of
    the GRS80 meridian arc, integrated here independently; east and west mirror each other."""
    a, f = 6_378_137.0, 1 / 298.257222101
    e2 = f * (2 - f)
    phi, steps = math.radians(62.0), 20_000
    arc = sum(
        a * (1 - e2) / (1 - e2 * math.sin((i + 0.5) / steps * phi) ** 2) ** 1.5 * phi / steps
        for i in range(steps)
    )
    east, north = sweref99tm(62.0, 15.0)
    assert east == pytest.approx(500_000, abs=1e-6)
    assert north == pytest.approx(0.9996 * arc, abs=0.01)
    west, north_w = sweref99tm(58.0, 12.0)
    east_e, north_e = sweref99tm(58.0, 18.0)
    assert 500_000 - west == pytest.approx(east_e - 500_000, abs=1e-6)
    assert north_w == pytest.approx(north_e, abs=1e-6)
    # Stockholm lies north-east of the central meridian, about 6.58 million metres north.
    x, y = sweref99tm(59.3293, 18.0686)
    assert 670_000 < x < 680_000 and 6_575_000 < y < 6_585_000


def test_simplification_keeps_a_shared_border_identical():
    """Two areas sharing a wiggly border: after simplification both still use the very same
    points along it (no gap, no overlap), and wiggles under the tolerance are gone."""
    border = [(0, 0), (1, 10), (-1, 20), (2, 30), (0, 40), (30, 50), (0, 60)]
    west = [(-50, 60), (-50, 0), *border, (-50, 60)]
    east = [(50, 0), (50, 60), *border[::-1], (50, 0)]
    simple_west, simple_east = simplify_rings([west, east], tolerance=5)
    west_border = [p for p in simple_west if p[0] > -50]
    east_border = [p for p in simple_east if p[0] < 50]
    assert set(west_border) == set(east_border)
    assert (30, 50) in west_border  # beyond the tolerance: kept
    assert (1, 10) not in west_border  # within it: gone


def test_numeric_classes_are_half_open_and_no_data_is_not_a_class():
    scale = sequential([0.5, 1.0, 1.5], decimals=1)
    assert [scale.classify(v).key for v in (0.49, 0.5, 0.99, 1.0, 7)] == ["0", "1", "1", "2", "3"]
    assert scale.classify(None) is None and scale.classify(float("nan")) is None
    assert [c.label for c in scale.classes] == ["Under 0,5", "0,5–1,0", "1,0–1,5", "1,5 eller mer"]
    assert [c.colour for c in scale.classes] == palettes()["sequential"]["4"]
    assert [c.colour for c in diverging([-1, 0, 1]).classes] == palettes()["diverging"]["4"]
    assert categorical([("a", "A")]).classify("b") is None


def test_the_colour_of_an_area_follows_its_value_and_class():
    scale = diverging([0.6, 0.9, 1.1, 1.5], decimals=1)
    colours = [c.colour for c in scale.classes]
    values = [
        AreaValue("14", 1.6, "1,6 per plats", url="/rekas/lan/14/"),
        AreaValue("12", 1.0, "1,0 per plats", url="/rekas/lan/12/"),
        AreaValue("01", 0.2, "0,2 per plats"),
    ]
    county_map = choropleth(
        map_id="test", title="Söktryck", areas="county", values=values, scale=scale, source="X."
    )

    fills = fills_by_name(county_map)
    assert fills["Västra Götalands län: 1,6 per plats"] == colours[4]
    assert fills["Skåne län: 1,0 per plats"] == colours[2]
    assert fills["Stockholms län: 0,2 per plats"] == colours[0]
    assert fills["Uppsala län: ingen uppgift"] == "url(#test-nodata)"
    assert len(fills) == 21
    legend = {item.label: item.count for item in county_map.legend}
    assert legend == {
        "Under 0,6": 1,
        "0,6–0,9": 0,
        "0,9–1,1": 1,
        "1,1–1,5": 0,
        "1,5 eller mer": 1,
        "Ingen uppgift": 18,
    }
    assert "Ingen uppgift: 18 län" in county_map.summary


def test_areas_are_links_or_focusable_with_their_name_and_value():
    values = [
        AreaValue("1480", "a", 'Gällande <plan> & "mer"', url="/vagledningsplaner/goteborg/plan/"),
        AreaValue("1401", "b", "Plan saknas"),
    ]
    scale = categorical([("a", "Gällande"), ("b", "Saknas")])
    county_map = choropleth(
        map_id="planer",
        title="Planer",
        areas="municipality",
        county="14",
        values=values,
        scale=scale,
        source="X.",
    )
    root = svg_tree(county_map)  # well-formed: the text was escaped

    assert root.get("aria-labelledby") == "planer-title"
    assert root.get("aria-describedby") == "planer-summary"
    links = {a.get("aria-label"): a.get("href") for a in root.iter(f"{SVG}a")}
    assert links == {'Göteborg: Gällande <plan> & "mer"': "/vagledningsplaner/goteborg/plan/"}
    focusable = [p for p in root.iter(f"{SVG}path") if p.get("tabindex") == "0"]
    assert {p.get("role") for p in focusable} == {"img"}
    names = {p.get("aria-label") for p in focusable}
    assert "Härryda: Plan saknas" in names and "Kungälv: ingen uppgift" in names
    assert len(names) + len(links) == len(shapes.municipalities("14")) == 49
    assert all(p.find(f"{SVG}title").text == p.get("aria-label") for p in focusable)


def test_a_county_map_is_drawn_in_finer_detail_than_the_country():
    box = shapes.view_box(shapes.municipalities("01"))
    country = shapes.view_box(shapes.municipalities())
    assert box[2] < country[2] / 4
    stockholm = {s.code: s for s in shapes.municipalities("01")}["0180"]
    in_country = {s.code: s for s in shapes.municipalities()}["0180"]
    assert len(stockholm.path) > len(in_country.path)


def test_dot_sizes_follow_the_values_and_dots_link_to_the_filtered_list():
    values = [
        AreaValue("1480", 12, "12 platser", url="?kommun=1480"),
        AreaValue("0180", 3, "3 platser", url="?kommun=0180"),
        AreaValue("1280", 0, "0 platser", url="?kommun=1280"),
    ]
    dots = dot_map(
        map_id="p", title="Platser", values=values, source="X.", unit=("plats", "platser")
    )
    root = svg_tree(dots)

    links = {a.get("aria-label"): a for a in root.iter(f"{SVG}a")}
    assert set(links) == {"Göteborg: 12 platser", "Stockholm: 3 platser"}
    big = float(links["Göteborg: 12 platser"].find(f"{SVG}circle").get("r"))
    small = float(links["Stockholm: 3 platser"].find(f"{SVG}circle").get("r"))
    assert big / small == pytest.approx(2, rel=0.05)  # area in proportion: √(12/3)
    assert links["Stockholm: 3 platser"].get("href") == "?kommun=0180"
    assert [item.label for item in dots.legend] == ["1 plats", "6 platser", "12 platser"]
    base = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "map__base")
    assert base.get("aria-hidden") == "true"


def test_a_country_map_of_every_municipality_stays_small():
    scale = sequential([10, 20, 30], decimals=0)
    values = [
        AreaValue(s.code, i % 40, f"{i % 40} st", url=f"/rekas/kommun/{s.code}/")
        for i, s in enumerate(shapes.municipalities())
    ]
    country = choropleth(
        map_id="k", title="Kommuner", areas="municipality", values=values, scale=scale, source="X."
    )
    assert len(gzip.compress(str(country.svg).encode())) < 150_000
    assert "style=" not in str(country.svg)  # nothing for the CSP to allow


def test_an_unknown_county_gives_the_whole_country_not_an_error():
    scale = sequential([1, 2, 3])
    whole = choropleth(
        map_id="x",
        title="X",
        areas="municipality",
        county="99",
        values=[],
        scale=scale,
        source="X.",
    )
    assert len(fills_by_name(whole)) == 290
    dots = dot_map(
        map_id="d", title="D", values=[AreaValue("1480", 2, "2")], county="99", source="X."
    )
    assert "Göteborg: 2" in str(dots.svg)


def test_areas_and_table_are_in_swedish_alphabetical_order():
    scale = sequential([1, 2, 3])
    county = choropleth(
        map_id="x",
        title="X",
        areas="municipality",
        county="14",
        values=[],
        scale=scale,
        source="X.",
    )
    names = [row.name for row in county.rows]
    assert names[-2:] == ["Åmål", "Öckerö"] and names[0] == "Ale"
    labels = [a.split(":")[0] for a in re.findall(r'aria-label="([^"]*)"', str(county.svg))]
    assert labels == names
