"""The performance targets (issue 18) as one table of ratios from one `make bench` run.

Each benchmark records its figures with `record()`; `bench/run.py` gives them a file to write
to (BENCH_SUMMARY) and prints the table at the end. A benchmark run on its own prints its rows.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    target: str
    better: str  # "higher" or "lower": which way the target points
    limit: float

    def met(self, value: float) -> bool:
        return value >= self.limit if self.better == "higher" else value <= self.limit


FIGURES = [
    Figure(
        "method_cached", "metodsida i cache, anrop/s ÷ /healthz anrop/s", "≥ 0,3", "higher", 0.3
    ),
    Figure("rekas_cached", "REKAS kommunsida i cache, anrop/s ÷ /healthz", "≥ 0,3", "higher", 0.3),
    Figure(
        "rekas_uncached_single",
        "REKAS kommunsida utan cache, en användare, tid ÷ /healthz (samma process)",
        "≤ 30×",
        "lower",
        30.0,
    ),
    Figure(
        "search_vs_engine",
        "söksidan anrop/s under last ÷ sökmotorn direkt anrop/s (samma last)",
        "≥ 0,5",
        "higher",
        0.5,
    ),
    Figure("rebuild_vs_bulk", "rebuild dok/s ÷ ren bulkladdning dok/s", "≥ 0,9", "higher", 0.9),
    Figure("load_errors", "fel under last", "0", "lower", 0.0),
]


def record(key: str, value: float, *, detail: str = "") -> None:
    """Add one figure of this run (to BENCH_SUMMARY when bench/run.py runs us, else printed)."""
    row = {"key": key, "value": value, "detail": detail}
    path = os.environ.get("BENCH_SUMMARY")
    if path:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(row) + "\n")
    else:
        print_table([row])


def read(path: str) -> list[dict]:
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def print_table(rows: list[dict]) -> None:
    found = {row["key"]: row for row in rows}
    print(f"\n{'mått':<76}{'värde':>10}  {'mål':<7} uppfyllt")
    print("-" * 104)
    for figure in FIGURES:
        row = found.get(figure.key)
        if row is None:
            continue
        value = row["value"]
        shown = f"{value:.0f}" if figure.key == "load_errors" else f"{value:.3g}"
        state = "ja" if figure.met(value) else "NEJ"
        print(f"{figure.label:<76}{shown:>10}  {figure.target:<7} {state}")
        if row.get("detail"):
            print(f"    {row['detail']}")
