"""Simplifying boundaries without opening gaps between neighbours (build time only).

Method: every ring is cut into arcs at its junctions (points where the set of neighbouring
points changes, i.e. where a border starts to be shared with another area or stops), each arc is
simplified once with Douglas–Peucker keeping its end points, and both areas that share a border
get the very same simplified arc. A ring that shares nothing is simplified as a closed line
from its lowest point. This is what TopoJSON and mapshaper do; it keeps the map free of slivers
and overlaps however coarse the tolerance.
"""

from collections import defaultdict
from collections.abc import Iterable

Point = tuple[int, int]
Ring = list[Point]


def _distance_sq(p: Point, a: Point, b: Point) -> float:
    """Squared distance from p to the segment a–b."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    if dx == 0 and dy == 0:
        return (p[0] - a[0]) ** 2 + (p[1] - a[1]) ** 2
    t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)))
    x, y = a[0] + t * dx, a[1] + t * dy
    return (p[0] - x) ** 2 + (p[1] - y) ** 2


def douglas_peucker(line: list[Point], tolerance: float) -> list[Point]:
    """The line's points that stay within `tolerance` of it; both end points are kept."""
    if len(line) < 3:
        return list(line)
    keep = [False] * len(line)
    keep[0] = keep[-1] = True
    stack = [(0, len(line) - 1)]
    limit = tolerance * tolerance
    while stack:
        first, last = stack.pop()
        worst, index = -1.0, -1
        for i in range(first + 1, last):
            d = _distance_sq(line[i], line[first], line[last])
            if d > worst:
                worst, index = d, i
        if worst > limit:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [point for point, kept in zip(line, keep, strict=True) if kept]


def _junctions(rings: Iterable[Ring]) -> set[Point]:
    neighbours: dict[Point, set[Point]] = defaultdict(set)
    for ring in rings:
        points = ring[:-1] if ring[0] == ring[-1] else ring
        count = len(points)
        for i, point in enumerate(points):
            neighbours[point].add(points[i - 1])
            neighbours[point].add(points[(i + 1) % count])
    return {point for point, around in neighbours.items() if len(around) > 2}


def _arcs(points: list[Point], junctions: set[Point]) -> list[list[Point]]:
    """An open ring (first point not repeated) cut at its junctions; closed arcs end at start."""
    cuts = [i for i, point in enumerate(points) if point in junctions]
    if not cuts:
        start = points.index(min(points))
        rotated = points[start:] + points[:start]
        return [rotated + [rotated[0]]]
    rotated = points[cuts[0] :] + points[: cuts[0]]
    offset = cuts[0]
    cuts = [(i - offset) % len(points) for i in cuts] + [len(points)]
    rotated.append(rotated[0])
    return [rotated[a : b + 1] for a, b in zip(cuts, cuts[1:], strict=False)]


def _simplify_arc(arc: list[Point], tolerance: float, done: dict) -> list[Point]:
    key, backwards = min((tuple(arc), False), (tuple(reversed(arc)), True))
    if key not in done:
        line = list(key)
        if line[0] == line[-1]:  # a closed ring: keep its start and the point farthest from it
            far = max(range(len(line)), key=lambda i: _distance_sq(line[i], line[0], line[0]))
            line = douglas_peucker(line[: far + 1], tolerance)[:-1] + douglas_peucker(
                line[far:], tolerance
            )
        else:
            line = douglas_peucker(line, tolerance)
        done[key] = line
    return list(reversed(done[key])) if backwards else list(done[key])


def simplify_rings(rings: list[Ring], tolerance: float) -> list[Ring | None]:
    """Each ring simplified consistently with the others; None for a ring that collapsed to
    fewer than three points (a tiny island at this tolerance). Rings are open or closed; the
    answer's rings are closed."""
    junctions = _junctions(rings)
    done: dict = {}
    result: list[Ring | None] = []
    for ring in rings:
        points = ring[:-1] if ring[0] == ring[-1] else list(ring)
        simplified: Ring = []
        for arc in _arcs(points, junctions):
            line = _simplify_arc(arc, tolerance, done)
            simplified += line if not simplified else line[1:]
        result.append(simplified if len(set(simplified)) >= 3 else None)
    return result
