import csv
import math
from pathlib import Path

from django.db import transaction

DATA_DIR = Path(__file__).resolve().parent / "data"
EARTH_RADIUS_KM = 6371.0


def read_municipality_rows() -> list[dict[str, str]]:
    """The shipped SCB list, joined with the seat coordinates when that file is present."""
    with open(DATA_DIR / "municipalities.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    seats_path = DATA_DIR / "municipality_seats.csv"
    if seats_path.exists():
        with open(seats_path, encoding="utf-8") as handle:
            seats = {row["municipality_code"]: row for row in csv.DictReader(handle)}
        for row in rows:
            seat = seats.get(row["municipality_code"], {})
            row["seat_name"] = seat.get("seat_name", "")
            row["latitude"] = seat.get("latitude", "")
            row["longitude"] = seat.get("longitude", "")
    return rows


@transaction.atomic
def load_regions(*, county_model, municipality_model) -> int:
    """Create or update counties and municipalities; models are passed in so migrations can call it."""
    rows = read_municipality_rows()
    counties = {}
    for row in rows:
        county, _ = county_model.objects.update_or_create(
            code=row["county_code"], defaults={"name": row["county_name"]}
        )
        counties[county.code] = county
    for row in rows:
        municipality_model.objects.update_or_create(
            code=row["municipality_code"],
            defaults={
                "name": row["municipality_name"],
                "county": counties[row["county_code"]],
                "seat_name": row.get("seat_name", ""),
                "latitude": float(row["latitude"]) if row.get("latitude") else None,
                "longitude": float(row["longitude"]) if row.get("longitude") else None,
            },
        )
    return len(rows)


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (lat, lon) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))
