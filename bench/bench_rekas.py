"""REKAS benchmark: importing 100,000 admission rows and matching all 290 municipalities.

The floor, measured in the same run on the same database: a bare `pandas.read_csv` of the file
plus a bare bulk insert of the same 100,000 rows into the same table (COPY on PostgreSQL,
executemany INSERTs on SQLite), committed (so the deferred foreign-key checks count too) and
then deleted again. Preparing those rows (codes to ids) is not part of the floor. Goals:
import ≤ 3× the floor on PostgreSQL, peak memory < 500 MB, matching for all municipalities
< 1 s. The bare read alone is printed too, as before.

Runs against a fresh temporary SQLite database (migrated first) unless BENCH_DATABASE_URL is
set, e.g. postgres://syv:syv@127.0.0.1:5432/syv_bench_rekas (created if missing by you); see
bench/common.py. Time and memory are measured in separate runs: tracemalloc slows Python down.
"""

import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # also when run directly

from bench.common import setup_django  # noqa: E402

ROWS = 100_000


def write_file(path: Path) -> None:
    """100,000 canonical rows: schools in every municipality × study paths × years × rounds."""
    from syvsite.regions.models import Municipality

    codes = list(Municipality.objects.order_by("code").values_list("code", flat=True))
    paths = ["NA", "SA", "VO", "EE", "TEINF", "BA"]
    lines = [
        "ar;antagningsomgang;kommunkod;skola;programkod;platser;forstahandssokande;antagna;reserver;lagsta_merit;median_merit"
    ]
    count = 0
    while count < ROWS:
        for year in range(2027, 1999, -1):  # newest first: recent years complete
            for round_ in ("preliminär", "slutlig"):
                for index, code in enumerate(codes):
                    for school in range(2):
                        for number, study_path in enumerate(paths):
                            if count >= ROWS:
                                break
                            applicants = (index * 7 + number * 13 + year) % 90
                            lines.append(
                                f"{year};{round_};{code};Skola {school} i {code};{study_path};60;{applicants};"
                                f"{min(60, applicants)};{max(0, applicants - 60)};{180 + number * 10},5;{220 + number * 10},0"
                            )
                            count += 1
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


FLOOR_COLUMNS = [
    "year", "round", "municipality_id", "school_id", "programme_id", "study_path", "places",
    "first_choice_applicants", "admitted", "reserves", "lowest_merit", "median_merit",
    "needs_review", "review_note", "source",
]  # fmt: skip


def floor_rows(csv_path: Path) -> list[tuple]:
    """The file's rows as the table stores them (ids resolved, schools created): not timed."""
    import pandas as pd

    from rekas.models import Orientation, Programme, School
    from syvsite.regions.models import Municipality

    frame = pd.read_csv(csv_path, sep=";", dtype=str, keep_default_na=False)  # "NA" is a code
    municipalities = dict(Municipality.objects.values_list("code", "id"))
    programmes = dict(Programme.objects.values_list("code", "id"))
    programmes |= dict(Orientation.objects.values_list("code", "programme_id"))
    names = frame[["kommunkod", "skola"]].drop_duplicates()
    School.objects.bulk_create(
        [School(municipality_id=municipalities[code], name=name) for code, name in names.values],
        ignore_conflicts=True,
    )
    schools = {(s.municipality_id, s.name): s.pk for s in School.objects.all()}
    rounds = {"slutlig": "final", "preliminär": "preliminary"}
    rows = []
    for (
        year,
        round_,
        code,
        school,
        path,
        places,
        applicants,
        admitted,
        reserves,
        low,
        median,
    ) in frame.itertuples(index=False):
        municipality = municipalities[code]
        rows.append(
            (int(year), rounds[round_], municipality, schools[(municipality, school)],
             programmes[path], path, int(places), int(applicants), int(admitted), int(reserves),
             float(low.replace(",", ".")), float(median.replace(",", ".")), False, "", "bench")
        )  # fmt: skip
    return rows


def bulk_insert(rows: list[tuple]) -> float:
    """Seconds to insert `rows` into the admissions table and commit; they are deleted after."""
    import csv
    import io

    from django.db import connection, transaction

    from rekas.models import AdmissionStatistic

    table = AdmissionStatistic._meta.db_table
    start = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            buffer = io.StringIO()
            csv.writer(buffer, quoting=csv.QUOTE_NONNUMERIC).writerows(rows)  # "" is not NULL
            columns = ", ".join(FLOOR_COLUMNS)
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN (FORMAT csv)") as copy:
                copy.write(buffer.getvalue())
        else:
            marks = ", ".join(["%s"] * len(FLOOR_COLUMNS))
            cursor.executemany(
                f"INSERT INTO {table} ({', '.join(FLOOR_COLUMNS)}) VALUES ({marks})",  # noqa: S608
                rows,
            )
    seconds = time.perf_counter() - start
    AdmissionStatistic.objects.filter(source="bench").delete()
    return seconds


def once(function):
    """(seconds, result) of one call: an import changes the database, so it isn't repeated."""
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def peak_mb(function) -> float:
    tracemalloc.start()
    function()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1024 / 1024


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        workdir = Path(folder)
        setup_django(workdir)
        import pandas as pd

        from rekas import aggregates, analysis, frames
        from rekas.importers import import_admissions, import_yrkesbarometer
        from rekas.models import AdmissionStatistic
        from rekas.seed import seed_demo_assessments
        from rekas.services import BAROMETER_EXCERPT

        import_yrkesbarometer(source=BAROMETER_EXCERPT)  # real outlooks for the matching …
        seed_demo_assessments()  # … and demo ones for the other SSYK groups of the mapping

        csv_path = workdir / "admissions.csv"
        write_file(csv_path)
        read_time, _ = once(lambda: pd.read_csv(csv_path, sep=";", dtype=str))
        read_peak = peak_mb(lambda: pd.read_csv(csv_path, sep=";", dtype=str))
        insert_time = bulk_insert(floor_rows(csv_path))
        floor = read_time + insert_time
        from django.db import connection

        vendor = connection.vendor

        import_time, report = once(
            lambda: import_admissions(source=csv_path, file_name=csv_path.name)
        )
        assert report.committed, report.errors[:5]
        reimport_time, again = once(
            lambda: import_admissions(source=csv_path, file_name=csv_path.name)
        )
        validate_time, _ = once(
            lambda: import_admissions(source=csv_path, file_name=csv_path.name, commit=False)
        )
        import_peak = peak_mb(lambda: import_admissions(source=csv_path, file_name=csv_path.name))
        stored = AdmissionStatistic.objects.count()

        load_time, inputs = once(
            lambda: (
                frames.admissions_frame(year=2027, round="final"),
                frames.links_frame(),
                frames.assessments_frame(),
            )
        )
        match_time, result = once(lambda: analysis.matching(*inputs, by=["municipality_code"]))
        municipalities = result["municipality_code"].nunique()
        refresh_time, summaries = once(lambda: aggregates.refresh())

    print(f"REKAS ({vendor})")
    print(f"  rows in file                          {ROWS:>10,}")
    print(
        f"  bare pandas.read_csv                  {read_time:>9.2f} s   peak {read_peak:>7.1f} MB"
    )
    print(f"  bare bulk insert of the same rows     {insert_time:>9.2f} s")
    print(f"  floor = read + insert                 {floor:>9.2f} s")
    print(
        f"  import (validate + write, new)        {import_time:>9.2f} s   ratio {import_time / floor:>6.1f}×  goal ≤ 3×"
    )
    print(
        f"  import again (replace {again.replaced:,} rows)  {reimport_time:>9.2f} s   ratio {reimport_time / floor:>6.1f}×"
    )
    print(
        f"  validation only (preview)             {validate_time:>9.2f} s   ratio {validate_time / floor:>6.1f}×"
    )
    print(f"  import peak memory (tracemalloc)      {import_peak:>9.1f} MB  goal < 500 MB")
    print(f"  rows stored                           {stored:>10,}")
    print(f"  matching: load frames from database   {load_time:>9.3f} s")
    print(f"  matching {municipalities} municipalities (pandas)  {match_time:>9.3f} s   goal < 1 s")
    print(f"  matching incl. loading                {load_time + match_time:>9.3f} s")
    print(
        f"  stored statistics, every year (refresh) {refresh_time:>7.3f} s   {summaries:,} rows"
        "  (part of each import above)"
    )


if __name__ == "__main__":
    main()
