"""Placement board benchmark: the allocation, booking under the row lock, and /praktik/ without the engine.

Baselines measured in the same run:
- allocation: serial dictatorship (pupils in lottery order take their best free choice),
  the simple rule many schools use by hand. The exact rank-maximal min-cost flow should
  place at least as many pupils, give at least as many 1st choices, and for 600 pupils ×
  330 periods finish in well under a coordinator's patience (goal < 5 s).
- booking: a bare `Booking.objects.create` + pupils. `request_booking` adds the period row
  lock, the capacity count and e-mail; goal ≤ 5× the bare insert.
- finding: /praktik/'s search (`find_listings`) answered by the search app's database copy,
  as when the engine is off (filters, distance from a municipality, sorted nearest first),
  with 1,500 listings against the same query with 15 listings; goal ≤ 10×.

Database: see bench/common.py (BENCH_DATABASE_URL=…/syv_bench_internships for PostgreSQL).
"""

import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # also when run directly

from bench.common import setup_django, timed  # noqa: E402

REPEAT = 5


def choices_for(pupils: int, periods: int, seed: int) -> tuple[dict, dict]:
    """Five ranked choices per pupil with a popularity skew (a few places everyone wants)."""
    rng = random.Random(seed)
    slots = [f"p{index}" for index in range(periods)]
    weights = [1 / (index + 1) ** 0.8 for index in range(periods)]
    preferences = {}
    for pupil in range(pupils):
        ranked: list[str] = []
        while len(ranked) < 5:
            pick = rng.choices(slots, weights)[0]
            if pick not in ranked:
                ranked.append(pick)
        preferences[f"e{pupil}"] = ranked
    capacity = {slot: rng.randint(1, 3) for slot in slots}  # 2 on average
    return preferences, capacity


def run_both(preferences: dict, capacity: dict) -> tuple[float, float]:
    from internships.allocation import allocate, serial_dictatorship

    flow = timed(lambda: allocate(preferences=preferences, capacity=capacity, seed=1), 3)
    base = timed(lambda: serial_dictatorship(preferences=preferences, capacity=capacity, seed=1), 3)
    return flow, base


def bench_allocation() -> None:
    from internships.allocation import allocate, serial_dictatorship

    print("Fördelning (rank-maximal min-cost flow) mot seriell diktatur (lottordning):")
    print(
        f"{'elever':>7} {'perioder':>9} {'tid flow':>10} {'tid bas':>9} {'kvot':>7} "
        f"{'placerade':>10} {'bas':>5} {'förstaval':>10} {'bas':>5}"
    )
    for pupils, periods in ((100, 55), (300, 165), (600, 330)):  # ~1.1 places per pupil
        preferences, capacity = choices_for(pupils, periods, seed=pupils)
        flow_time, base_time = run_both(preferences, capacity)
        result = allocate(preferences=preferences, capacity=capacity, seed=1)
        greedy = serial_dictatorship(preferences=preferences, capacity=capacity, seed=1)
        greedy_placed = sum(1 for slot in greedy.values() if slot)
        greedy_first = sum(1 for p, slot in greedy.items() if slot and preferences[p][0] == slot)
        print(
            f"{pupils:>7} {periods:>9} {flow_time * 1000:>8.0f}ms {base_time * 1000:>7.1f}ms "
            f"{flow_time / base_time:>6.0f}× {result.placed:>10} {greedy_placed:>5} "
            f"{result.rank_counts.get(1, 0):>10} {greedy_first:>5}"
        )


def make_listings(count: int, prefix: str) -> None:
    from datetime import timedelta

    from django.utils import timezone

    from internships.models import Listing, ListingPeriod, Workplace
    from syvsite.organisations.models import Organisation
    from syvsite.regions.models import Municipality

    municipalities = list(Municipality.objects.all())
    company = Organisation.objects.create(kind="company", name=f"{prefix} AB", is_approved=True)
    rng = random.Random(count)
    workplaces = Workplace.objects.bulk_create(
        Workplace(
            company=company,
            name=f"{prefix} {i}",
            street_address="Gatan 1",
            postal_code="111 11",
            city="Ort",
            municipality=rng.choice(municipalities),
        )
        for i in range(count)
    )
    listings = Listing.objects.bulk_create(
        Listing(
            company=company,
            workplace=workplace,
            title=f"{prefix} plats {i}",
            description="Praktik",
            placement_type=rng.choice(["prao", "apl", "lia", "praktik"]),
            supervisor_name="H",
            supervisor_email="h@example.se",
            status="published",
            published_at=timezone.now(),
        )
        for i, workplace in enumerate(workplaces)
    )
    start = timezone.localdate() + timedelta(days=30)
    ListingPeriod.objects.bulk_create(
        ListingPeriod(
            listing=listing, start_date=start, end_date=start + timedelta(days=4), places=3
        )
        for listing in listings
    )


def bench_database(workdir: Path) -> None:
    setup_django(workdir)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from internships.models import Booking, BookingPupil, Listing, ListingPeriod
    from internships.selectors.finding import ListingQuery, find_listings
    from internships.services.bookings import request_booking
    from search.rebuild import rebuild
    from syvsite.organisations.models import Organisation
    from syvsite.regions.models import Municipality

    origin = Municipality.objects.get(code="1480").location
    query = ListingQuery(origin=origin, km=200, sort="distance", types=["prao", "apl"])
    # bulk_create sends no signals: the database copy is built as `search_index rebuild` does.
    make_listings(15, "Liten")
    rebuild(types=["internship"], progress=False)
    small = timed(lambda: find_listings(query), REPEAT)
    with CaptureQueriesContext(connection) as small_queries:
        find_listings(query)
    make_listings(1485, "Stor")
    rebuild(types=["internship"], progress=False)
    large = timed(lambda: find_listings(query), REPEAT)
    with CaptureQueriesContext(connection) as large_queries:
        found = find_listings(query)
    print(
        "\n/praktik/ utan sökmotor (sökappens databaskopia; ≤ 200 km från Göteborg, närmast först):"
    )
    print(f"  15 annonser:    {small * 1000:7.1f} ms, {len(small_queries)} SQL-frågor")
    print(
        f"  1 500 annonser: {large * 1000:7.1f} ms, {len(large_queries)} SQL-frågor, "
        f"{found.total} träffar; kvot {large / small:.1f}× (mål ≤ 10×)"
    )

    school = Organisation.objects.create(kind="school", name="Benchskolan", is_approved=True)
    periods = list(ListingPeriod.objects.filter(listing__in=Listing.objects.published())[:400])
    periods_for_bare, periods_for_service = periods[:200], periods[200:400]

    def bare() -> None:
        for period in periods_for_bare:
            booking = Booking.objects.create(period=period, school=school, places=1)
            BookingPupil.objects.create(booking=booking, name="Elev")

    def service() -> None:
        for period in periods_for_service:
            request_booking(
                period_id=period.pk, school=school, requested_by=None, pupil_names=["Elev"]
            )

    bare_time, service_time = timed(bare, 1), timed(service, 1)
    print("\nBokning (200 st):")
    print(f"  bara insert:        {bare_time * 1000 / 200:6.2f} ms/st")
    print(
        f"  request_booking:    {service_time * 1000 / 200:6.2f} ms/st (radlås, kapacitet, e-post); "
        f"kvot {service_time / bare_time:.1f}× (mål ≤ 5×)"
    )


def main() -> None:
    bench_allocation()
    with tempfile.TemporaryDirectory() as workdir:
        bench_database(Path(workdir))


if __name__ == "__main__":
    main()
