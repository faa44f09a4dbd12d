"""Maps benchmark: a country map of all 290 municipalities, from cache, and its weight.

Goals (issue #17): the map (SVG, legend, summary and its data table, as a page includes it)
renders in under 50 ms from cache and weighs under 150 KB gzip-compressed; a county's map
costs no more than the country's. Baseline in the same run: the same 290 rows rendered as a
plain HTML table by the same template engine (what the page showed before the map).

Needs no database: the shapes are a shipped file, read once per process ("cold" below).
"""

import gzip
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # also when run directly

from bench.common import timed  # noqa: E402

REPEAT = 50
GOAL_MS = 50
GOAL_KB = 150

TABLE = """<table><caption>{{ title }}</caption><tbody>{% for row in rows %}
<tr><th scope="row"><a href="{{ row.url }}">{{ row.name }}</a></th><td>{{ row.text }}</td></tr>
{% endfor %}</tbody></table>"""


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "syvsite.settings.dev")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    from django.template import engines
    from django.template.loader import render_to_string

    from syvsite.maps import AreaValue, choropleth, dot_map, sequential, shapes

    def values(found) -> list[AreaValue]:
        return [
            AreaValue(s.code, i % 40 / 20, f"{i % 40 / 20:.2f} per plats", url=f"/x/{s.code}/")
            for i, s in enumerate(found)
        ]

    scale = sequential([0.5, 1.0, 1.5], decimals=1)

    def country() -> str:
        area_values = values(shapes.municipalities())
        drawn = choropleth(
            map_id="k", title="Kommuner", areas="municipality", values=area_values, scale=scale,
            source="Bench.",
        )  # fmt: skip
        return render_to_string("maps/map.html", {"map": drawn})

    def county() -> str:
        drawn = choropleth(
            map_id="k", title="Län 14", areas="municipality", county="14",
            values=values(shapes.municipalities("14")), scale=scale, source="Bench.",
        )  # fmt: skip
        return render_to_string("maps/map.html", {"map": drawn})

    def dots() -> str:
        found = shapes.municipalities()
        drawn = dot_map(
            map_id="d", title="Platser", source="Bench.",
            values=[AreaValue(s.code, i % 13, f"{i % 13} platser", url="?") for i, s in enumerate(found)],
        )  # fmt: skip
        return render_to_string("maps/map.html", {"map": drawn})

    table = engines["django"].from_string(TABLE)
    rows = values(shapes.municipalities())

    start = time.perf_counter()
    shapes._data.cache_clear()
    shapes.municipalities.cache_clear()
    html = country()
    cold = time.perf_counter() - start
    baseline = timed(lambda: table.render({"title": "Kommuner", "rows": rows}), REPEAT)
    warm = timed(country, REPEAT)
    one_county = timed(county, REPEAT)
    dot_time = timed(dots, REPEAT)
    packed = len(gzip.compress(html.encode("utf-8")))

    print(f"Kommunkarta, hela landet (290), första gången (läser formfilen): {cold * 1000:7.1f} ms")
    print(
        f"Baslinje: samma 290 rader som HTML-tabell:                      {baseline * 1000:7.1f} ms"
    )
    print(
        f"Kommunkarta, hela landet, från cache:  {warm * 1000:7.1f} ms  "
        f"({warm / baseline:4.1f} × baslinjen; mål < {GOAL_MS} ms: {'ok' if warm * 1000 < GOAL_MS else 'ÖVER'})"
    )
    print(
        f"Kommunkarta, ett län (Västra Götaland, 49): {one_county * 1000:7.1f} ms  "
        f"({one_county / warm:4.2f} × hela landet)"
    )
    print(
        f"Punktkarta, hela landet:               {dot_time * 1000:7.1f} ms  ({dot_time / baseline:4.1f} × baslinjen)"
    )
    print(
        f"Vikt: {len(html.encode()) / 1024:6.1f} kB okomprimerad, {packed / 1024:6.1f} kB gzip "
        f"(mål < {GOAL_KB} kB: {'ok' if packed / 1024 < GOAL_KB else 'ÖVER'})"
    )


if __name__ == "__main__":
    main()
