"""Method bank benchmark: does /metoder/ stay fast and free of N+1 as the bank grows?

Baselines measured in the same run:
- listing: the same filtered, sorted /metoder/ page (facet counts included) on a bank of 20
  methods. Goal: with 1,000 methods the page costs ≤ 3× that, with the same number of SQL
  queries. The engine is off, so the search app's database copy answers (filters and facet
  counts are joins on its facet values, sorting uses the rank fields of the documents).
- rating: a bare `MethodRating.objects.create`. `rate_method` adds validation, a row lock and
  the recount of the page's counters; goal ≤ 10× the bare insert.

Database: see bench/common.py (BENCH_DATABASE_URL=…/syv_bench_methods for PostgreSQL).
"""

import os
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # also when run directly

from bench.common import page_cost, setup_django, timed  # noqa: E402

SMALL, LARGE = 20, 1_000
REPEAT = 15
QUERY = (
    "/metoder/?malgrupp=grundskola-7-9&malgrupp=gymnasieskola&tema=sjalvkannedom&sort=best_rated"
)


def add_methods(count: int, start: int = 0) -> list:
    """Live method pages with random vocabularies and feedback counters (no revisions)."""
    from methods.models import MethodFormat, MethodIndexPage, MethodPage, TargetGroup, Theme
    from search.rebuild import rebuild

    index = MethodIndexPage.objects.get()
    groups, formats, themes = (list(m.objects.all()) for m in (TargetGroup, MethodFormat, Theme))
    rng = random.Random(start)
    pages = []
    for number in range(start, start + count):
        page = MethodPage(
            title=f"Metod {number}",
            slug=f"metod-{number}",
            summary="En övning om yrkesval.",
            purpose="Eleverna reflekterar över sina val.",
            duration=rng.choice(["kort", "lektion", "lang", "flera"]),
            steps=[("step", {"title": "Steg", "instructions": "Gör så här.", "minutes": 10})],
            live=True,
            use_count=rng.randint(0, 50),
            rating_count=rng.randint(0, 20),
        )
        page.rating_average = round(rng.uniform(1, 5), 2) if page.rating_count else None
        page.target_groups = rng.sample(groups, 2)
        page.formats = rng.sample(formats, 1)
        page.themes = rng.sample(themes, 2)
        index.add_child(instance=page)
        pages.append(page)
    # Pages made without publishing reach no outbox: write the search copy of all of them.
    rebuild(types=["method"], progress=False)
    return pages


def bench_rating(page) -> tuple[float, float]:
    from methods.models import MethodRating
    from methods.services.feedback import rate_method
    from tests.factories import make_member

    raters = [make_member(email=f"betyg{n}@exempel.se") for n in range(100)]
    bare_users = iter(raters[:50])
    full_users = iter(raters[50:])

    def bare():
        MethodRating.objects.create(method=page, user=next(bare_users), score=4)

    def full():
        rate_method(user=next(full_users), method=page, score=4)

    return timed(full, 50), timed(bare, 50)


def main() -> None:
    from_env = os.environ.get("BENCH_DATABASE_URL")
    with tempfile.TemporaryDirectory() as workdir:
        setup_django(Path(workdir))
        from django.test import Client

        client = Client(HTTP_HOST="127.0.0.1")
        print(f"Metodbank ({'PostgreSQL' if from_env else 'SQLite'}): bygger {SMALL} metoder …")
        pages = add_methods(SMALL)
        base_ms, base_queries = page_cost(client, QUERY, REPEAT)
        print(f"bygger {LARGE} metoder …", flush=True)
        add_methods(LARGE - SMALL, start=SMALL)
        large_ms, large_queries = page_cost(client, QUERY, REPEAT)
        print(f"{'/metoder/ (filter + betyg)':<32}{'ms':>8}{'frågor':>8}")
        print(f"{f'{SMALL} metoder (bas)':<32}{base_ms * 1000:>8.1f}{base_queries:>8}")
        print(f"{f'{LARGE} metoder':<32}{large_ms * 1000:>8.1f}{large_queries:>8}")
        print(
            f"kvot {large_ms / base_ms:.2f} (mål ≤ 3), frågor {large_queries - base_queries:+d} (mål 0)"
        )
        full, bare = bench_rating(pages[0])
        print(f"betyg via rate_method: {full * 1000:.2f} ms, bart insert {bare * 1000:.2f} ms, "
              f"kvot {full / bare:.1f} (mål ≤ 10)")  # fmt: skip


if __name__ == "__main__":
    main()
