"""REKAS after upper-secondary school: import speed of each source, as rows per second and as a
ratio against a bare read of the same file in the same run (json.loads for JSON, a
pandas.read_csv of the same encoding and delimiter for SCB's CSV).

Files at full national size, in the sources' own shapes (see FORMATS.md, section 5):
- UHR: 20,000 items (about two years of every programme alternative), urval 1 and 2, three
  selection groups each;
- YH applications: every sex × 15 areas × 22 home regions × 3 study paces (2,970 rows,
  4 measures × 5 years), ISO-8859-1, ",";
- YH follow-up: every sex × 15 areas (45 rows, 65 columns), ISO-8859-1, ";";
- SCB matching rate (RegionInd19M2N) as JSON-stat 2.0: 22 regions × 3 × 8 groups × 10 years.

Each import is timed new and again (replacing what the first wrote). Fresh SQLite database
unless BENCH_DATABASE_URL is set (bench/common.py).
"""

import json
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # also when run directly

from bench.common import setup_django  # noqa: E402

UHR_ITEMS = 20_000
AREAS = [f"utbildningsområde {number}" for number in range(1, 15)]


def once(function):
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def best_of(function, repeat: int = 3) -> float:
    return min(once(function)[0] for _ in range(repeat))


def uhr_file(path: Path) -> int:
    rng = random.Random(1)  # noqa: S311 - benchmark data
    items = []
    for number in range(UHR_ITEMS):
        term = ("HT", "VT")[number % 2] + str(2023 + number % 3)
        groups = [
            {"urvalsgruppId": group, "lägstaAntagnaPoäng": score, "antagna": rng.randint(0, 40)}
            for group, score in (
                ("BI", f"{rng.uniform(10, 22.5):.2f}"),
                ("BII", rng.choice(["*", "-", f"{rng.uniform(10, 22.5):.2f}"])),
                ("HP", f"{rng.uniform(0.1, 2.0):.2f}"),
            )
        ]
        items.append(
            {
                "termin": term, "år": int(term[2:]), "lärosäteId": f"L{number % 40}",
                "lärosäte": f"Lärosäte {number % 40}",
                "anmälningskod": f"L{number % 40}-{number // 3:05d}",
                "anmälningsalternativ": f"Program {number // 3}", "utbildningstyp": "program",
                "studieort": f"Ort {number % 60}", "studietakt": "100",
                "sok": {"sökande": rng.randint(0, 2000), "förstahandsökande": rng.randint(0, 400)},
                "urval1": {"antagna": rng.randint(0, 90), "reserver": rng.randint(0, 300)},
                "urval2": {
                    "antagna": rng.randint(0, 90), "reserver": rng.randint(0, 300),
                    "urvalsgrupper": groups,
                },
            }
        )  # fmt: skip
    path.write_text(json.dumps({"antalObjekt": len(items), "data": items}, ensure_ascii=False))
    return len(items)


def yh_file(path: Path, counties: list[str]) -> int:
    measures = ["Antal ansökningar", "Antal sökande", "Antal behöriga sökande"]
    measures.append("Antal antagna vid start")
    header = ["kön", "utbildningsområde MYH", "region (hemlän)", "utbildningens studietakt"]
    header += [f"{m} {year}" for m in measures for year in range(2020, 2025)]
    lines = [",".join(f'"{h}"' for h in header)]
    for sex in ("totalt", "kvinnor", "män"):
        for area in ["Totalt", *AREAS]:
            for county in ["Samtliga län", *(f" {name}" for name in counties)]:
                for pace in ("Totalt", "Heltid", "Deltid"):
                    values = [str((len(lines) * 7 + i) % 900) for i in range(20)]
                    values[3] = ".."
                    lines.append(f'"{sex}","{area}","{county}","{pace}",' + ",".join(values))
    path.write_bytes(("\n".join(lines) + "\n").encode("iso-8859-1"))
    return len(lines) - 1


def outcomes_file(path: Path) -> int:
    outcomes = ["arbete", "anställd", "egen företagare", "arbetssökande", "studerande", "annat"]
    header = ["kön", "utbildningsområde MYH"]
    header += [f"totalt antal examinerade {year}" for year in range(2020, 2025)]
    for outcome in outcomes:
        header += [f"{outcome}, procent {year}" for year in range(2020, 2025)]
        header += [f"{outcome}, felmarginal ±, procent {year}" for year in range(2020, 2025)]
    lines = [";".join(f'"{h}"' for h in header)]
    for sex in ("totalt", "kvinnor", "män"):
        for area in ["totalt", *AREAS]:
            values = [str((len(lines) + i) % 100) for i in range(len(header) - 2)]
            lines.append(f'"{sex}";"{area}";' + ";".join(values))
    path.write_bytes(("\n".join(lines) + "\n").encode("iso-8859-1"))
    return len(lines) - 1


def matching_file(path: Path, counties: list[str]) -> int:
    sample = Path(__file__).resolve().parents[1] / "rekas/data/postsecondary"
    document = json.loads((sample / "scb_matchningsgrad_sample.json").read_text())
    regions = ["00", *counties]
    years = [str(year) for year in range(2013, 2023)]
    document["dimension"]["Region"]["category"] = {
        "index": {code: i for i, code in enumerate(regions)},
        "label": {code: code for code in regions},
    }
    document["dimension"]["Tid"]["category"] = {
        "index": {year: i for i, year in enumerate(years)},
        "label": {year: year for year in years},
    }
    document["size"] = [len(regions), 3, 8, 1, len(years)]
    cells = len(regions) * 3 * 8 * len(years)
    document["value"] = [round(50 + (i % 300) / 10, 1) for i in range(cells)]
    document["status"] = {"5": ".."}
    document["value"][5] = None
    path.write_text(json.dumps(document, ensure_ascii=False))
    return cells


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        workdir = Path(folder)
        setup_django(workdir)
        import pandas as pd

        from rekas.importers import run_import
        from syvsite.regions.models import County

        counties = list(County.objects.order_by("code").values_list("name", flat=True))
        codes = list(County.objects.order_by("code").values_list("code", flat=True))
        files = {
            "uhr": (workdir / "uhr.json", uhr_file, ()),
            "yh": (workdir / "yh.csv", yh_file, (counties,)),
            "yh_outcomes": (workdir / "uppfoljning.csv", outcomes_file, ()),
            "scb": (workdir / "matchning.json", matching_file, (codes,)),
        }
        bare = {
            "uhr": lambda p: json.loads(p.read_text(encoding="utf-8")),
            "yh": lambda p: pd.read_csv(p, sep=",", dtype=str, encoding="iso-8859-1"),
            "yh_outcomes": lambda p: pd.read_csv(p, sep=";", dtype=str, encoding="iso-8859-1"),
            "scb": lambda p: json.loads(p.read_text(encoding="utf-8")),
        }
        print("REKAS after upper-secondary school: imports")
        print(f"  {'source':<12}{'rows':>8}{'bare read':>12}{'import':>10}{'rows/s':>10}"
              f"{'ratio':>8}{'again':>10}{'ratio':>8}")  # fmt: skip
        for kind, (path, make, args) in files.items():
            rows = make(path, *args)
            read = best_of(lambda p=path, k=kind: bare[k](p))
            first, report = once(lambda p=path, k=kind: run_import(k, source=p))
            assert report.committed, report.errors[:5]
            again, report = once(lambda p=path, k=kind: run_import(k, source=p))
            assert report.committed and report.replaced, report.errors[:5]
            print(
                f"  {kind:<12}{rows:>8,}{read:>11.3f}s{first:>9.2f}s{rows / first:>10,.0f}"
                f"{first / read:>7.0f}×{again:>9.2f}s{again / read:>7.0f}×"
            )


if __name__ == "__main__":
    main()
