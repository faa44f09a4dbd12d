"""Run the benchmarks: every bench/bench_*.py, each `main()` in its own process.

    python bench/run.py               # all of them (what `make bench` runs)
    python bench/run.py search rekas  # only bench_search.py and bench_rekas.py
    python bench/run.py --list

Each benchmark prints its own figures and ratios against a baseline measured in the same run.
A separate process per benchmark keeps their Django settings and databases apart. At the end,
the performance targets (bench/summary.py) are printed as one table from this run's figures.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent


def discover() -> dict[str, Path]:
    return {path.stem.removeprefix("bench_"): path for path in sorted(BENCH_DIR.glob("bench_*.py"))}


def run_one(name: str, path: Path) -> tuple[int, float]:
    code = (
        "import runpy, sys; "
        f"sys.path.insert(0, {str(ROOT)!r}); "
        f"runpy.run_path({str(path)!r}, run_name='bench_main')['main']()"
    )
    started = time.monotonic()
    completed = subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=False)
    return completed.returncode, time.monotonic() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Kör prestandamätningarna i bench/.")
    parser.add_argument("names", nargs="*", help="Bara dessa (t.ex. search eller bench_search).")
    parser.add_argument("--list", action="store_true", help="Visa vilka mätningar som finns.")
    args = parser.parse_args(argv)
    available = discover()
    if args.list:
        print("\n".join(available))
        return 0
    wanted = [name.removeprefix("bench_").removesuffix(".py") for name in args.names]
    unknown = [name for name in wanted if name not in available]
    if unknown:
        print(
            f"Okänd mätning: {', '.join(unknown)}. Finns: {', '.join(available)}", file=sys.stderr
        )
        return 2
    sys.path.insert(0, str(ROOT))
    from bench import summary

    results = []
    with tempfile.TemporaryDirectory(prefix="bench-summary-") as folder:
        os.environ["BENCH_SUMMARY"] = str(Path(folder) / "figures.jsonl")
        for name in wanted or list(available):
            print(f"\n=== bench_{name} ===", flush=True)
            returncode, seconds = run_one(name, available[name])
            results.append((name, returncode, seconds))
        figures = summary.read(os.environ.pop("BENCH_SUMMARY"))
    print("\n=== Sammanfattning ===")
    for name, returncode, seconds in results:
        state = "ok" if returncode == 0 else f"MISSLYCKADES (kod {returncode})"
        print(f"bench_{name:<20} {state:<28} {seconds:7.1f} s")
    if figures:
        print("\nMålen (issue 18), kvoter från den här körningen:")
        summary.print_table(figures)
    return 0 if all(returncode == 0 for _, returncode, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
