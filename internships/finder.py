"""Finding published listings for /praktik/ and the API: the search engine, or the database.

The engine path goes through `search.services.search` (geo_distance filter and sort on
`location`); when the search app is missing, the engine is off, or it fails, the same filters
run on the database and distance comes from `distance_km` on the workplace's coordinates.
"""

import math
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet

from syvsite.regions.services import distance_km

from .models import Listing, ListingPeriod
from .selectors import public_listings

KM_PER_DEGREE_LAT = 111.2
MAX_WEEKS_IN_FILTER = 60
MAX_FILTER_VALUES = 20  # search.facets.MAX_VALUES_PER_FILTER
ALL_OF_SWEDEN_KM = 2000  # a distance sort needs a geo filter; this one excludes nothing
DOC_TYPE = "internship"


@dataclass
class ListingQuery:
    text: str = ""
    types: list[str] = field(default_factory=list)
    county: str = ""
    municipality: str = ""
    programme: str = ""
    period_from: date | None = None
    period_to: date | None = None
    origin: tuple[float, float] | None = None
    km: int | None = None
    sort: str = "relevance"
    page: int = 1
    origin_label: str = ""

    @property
    def sort_by_distance(self) -> bool:
        return self.sort == "distance" and self.origin is not None


@dataclass
class ListingResults:
    listings: list[Listing]
    page_obj: Page
    total: int
    engine: str  # "engine", "mirror" (the search app's database copy) or "database"
    notice: str = ""
    facets: list = field(default_factory=list)


def iso_weeks(start: date, end: date) -> list[str]:
    """ISO weeks ("2026-W12") touched by a date range; what the index stores per listing."""
    weeks, day = [], start - timedelta(days=start.weekday())
    while day <= end and len(weeks) < MAX_WEEKS_IN_FILTER:
        year, week, _ = day.isocalendar()
        weeks.append(f"{year}-W{week:02d}")
        day += timedelta(days=7)
    return weeks


def _bounding_box(origin: tuple[float, float], km: float) -> Q:
    lat, lon = origin
    dlat = km / KM_PER_DEGREE_LAT
    dlon = km / (KM_PER_DEGREE_LAT * max(math.cos(math.radians(lat)), 0.01))
    exact = Q(
        workplace__latitude__range=(lat - dlat, lat + dlat),
        workplace__longitude__range=(lon - dlon, lon + dlon),
    )
    seat = Q(
        workplace__latitude__isnull=True,
        workplace__municipality__latitude__range=(lat - dlat, lat + dlat),
        workplace__municipality__longitude__range=(lon - dlon, lon + dlon),
    )
    return exact | seat


def database_queryset(query: ListingQuery) -> QuerySet:
    listings = public_listings()
    if query.text:
        for word in query.text.split()[:8]:
            listings = listings.filter(
                Q(title__icontains=word)
                | Q(description__icontains=word)
                | Q(occupation_name__icontains=word)
                | Q(company__name__icontains=word)
                | Q(workplace__city__icontains=word)
            )
    if query.types:
        listings = listings.filter(placement_type__in=query.types)
    if query.county:
        listings = listings.filter(workplace__municipality__county__code=query.county)
    if query.municipality:
        listings = listings.filter(workplace__municipality__code=query.municipality)
    if query.programme:
        listings = listings.filter(programmes__code=query.programme)
    if query.period_from or query.period_to:
        periods = ListingPeriod.objects.all()
        if query.period_to:
            periods = periods.filter(start_date__lte=query.period_to)
        if query.period_from:
            periods = periods.filter(end_date__gte=query.period_from)
        listings = listings.filter(pk__in=periods.values("listing_id"))
    if query.origin and query.km:
        listings = listings.filter(_bounding_box(query.origin, query.km))
    return listings.distinct()


def with_distance(listings, origin: tuple[float, float] | None) -> list[Listing]:
    result = list(listings)
    for listing in result:
        location = listing.location
        listing.distance = distance_km(origin, location) if origin and location else None
    return result


def search_database(query: ListingQuery, *, per_page: int = 20) -> ListingResults:
    listings = with_distance(database_queryset(query), query.origin)
    if query.origin and query.km:
        listings = [
            item for item in listings if item.distance is not None and item.distance <= query.km
        ]
    if query.sort_by_distance:
        listings.sort(key=lambda item: (item.distance is None, item.distance or 0, item.pk))
    elif query.sort == "date":
        listings.sort(key=lambda item: item.published_at or item.created_at, reverse=True)
    paginator = Paginator(listings, per_page)
    page = paginator.get_page(query.page)
    return ListingResults(
        listings=list(page.object_list), page_obj=page, total=paginator.count, engine="database"
    )


def period_filter(query: ListingQuery) -> dict[str, list[str]]:
    """ISO weeks when they fit in one filter, whole months otherwise (a little wider)."""
    if not (query.period_from or query.period_to):
        return {}
    start = query.period_from or query.period_to - timedelta(days=7 * (MAX_FILTER_VALUES - 1))
    end = query.period_to or start + timedelta(days=7 * (MAX_FILTER_VALUES - 1))
    weeks = iso_weeks(start, end)
    if len(weeks) <= MAX_FILTER_VALUES:
        return {"weeks": weeks}
    from .documents import months_between

    return {"months": months_between(start, end)[:MAX_FILTER_VALUES]}


def search_engine(query: ListingQuery, *, per_page: int = 20) -> ListingResults | None:
    """Through search.services (the engine, or its own database mirror when it is away)."""
    try:
        from search import registry
        from search.services import GeoFilter, search
    except ImportError:
        return None
    if DOC_TYPE not in registry.names():
        return None
    filters: dict[str, list[str]] = {}
    if query.types:
        filters["placement_type"] = query.types
    if query.county:
        filters["county"] = [query.county]
    if query.municipality:
        filters["municipality"] = [query.municipality]
    if query.programme:
        filters["programme"] = [query.programme]
    filters.update(period_filter(query))
    geo = None
    if query.origin and (query.km or query.sort_by_distance):
        geo = GeoFilter(lat=query.origin[0], lon=query.origin[1], km=query.km or ALL_OF_SWEDEN_KM)
    sort = {"date": "date", "distance": "distance"}.get(query.sort, "relevance")
    result = search(
        query=query.text,
        types=[DOC_TYPE],
        filters=filters,
        sort=sort,
        page=query.page,
        per_page=per_page,
        user=None,
        geo=geo,
    )
    by_id = public_listings().in_bulk([int(hit.id) for hit in result.hits])
    listings = []
    for hit in result.hits:
        listing = by_id.get(int(hit.id))
        if listing is None:  # left the index's queryset since it was indexed
            continue
        listing.distance = hit.distance_km
        listings.append(listing)
    if query.origin:
        for listing in listings:
            if listing.distance is None and listing.location:
                listing.distance = distance_km(query.origin, listing.location)
    return ListingResults(
        listings=listings,
        page_obj=result.page_obj,
        total=result.total,
        engine="engine" if result.engine_used else "mirror",
        notice=result.notice,
        facets=result.facets,
    )


def find_listings(query: ListingQuery, *, per_page: int = 20) -> ListingResults:
    return search_engine(query, per_page=per_page) or search_database(query, per_page=per_page)
