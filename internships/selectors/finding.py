"""Finding published listings for /praktik/ and the API, through `search.services.search`.

The search app answers from the engine (geo_distance filter and sort on `location`) or, when
no engine is configured or it does not answer, from its database copy with the same filters,
distance and sorts, and says so in `notice`.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.paginator import Page

from search.facets import MAX_VALUES_PER_FILTER
from search.services import GeoFilter, search
from syvsite.regions.services import distance_km

from ..documents import DOC_TYPE, iso_weeks, months_between
from ..models import Listing
from .listings import public_listings

ALL_OF_SWEDEN_KM = 2000  # a distance sort needs a geo filter; this one excludes nothing
MUNICIPALITIES = 290  # count listings in every municipality, for the map


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
    listings: list[Listing]  # each with `.distance` (km from the query's origin, or None)
    page_obj: Page
    total: int
    engine: str  # "engine", or "mirror" when the search app's database copy answered
    notice: str = ""  # Swedish, shown on the page when the engine did not answer
    # Listings per municipality code with every filter but the municipality's own (a facet).
    by_municipality: dict[str, int] = field(default_factory=dict)


def period_filter(query: ListingQuery) -> dict[str, list[str]]:
    """ISO weeks when they fit in one filter, whole months otherwise (a little wider)."""
    if not (query.period_from or query.period_to):
        return {}
    start = query.period_from or query.period_to - timedelta(days=7 * (MAX_VALUES_PER_FILTER - 1))
    end = query.period_to or start + timedelta(days=7 * (MAX_VALUES_PER_FILTER - 1))
    weeks = iso_weeks(start, end)
    if len(weeks) <= MAX_VALUES_PER_FILTER:
        return {"weeks": weeks}
    return {"months": months_between(start, end)[:MAX_VALUES_PER_FILTER]}


def _filters(query: ListingQuery) -> dict[str, list[str]]:
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
    return filters


def find_listings(query: ListingQuery, *, per_page: int = 20) -> ListingResults:
    geo = None
    if query.origin and (query.km or query.sort_by_distance):
        geo = GeoFilter(lat=query.origin[0], lon=query.origin[1], km=query.km or ALL_OF_SWEDEN_KM)
    result = search(
        query=query.text,
        types=[DOC_TYPE],
        filters=_filters(query),
        sort={"date": "date", "distance": "distance"}.get(query.sort, "relevance"),
        page=query.page,
        per_page=per_page,
        user=None,
        geo=geo,
        facet_sizes={"municipality": MUNICIPALITIES},
    )
    by_id = public_listings().in_bulk([int(hit.id) for hit in result.hits])
    listings = []
    for hit in result.hits:
        listing = by_id.get(int(hit.id))
        if listing is None:  # left the index's queryset since it was indexed
            continue
        listing.distance = hit.distance_km
        if listing.distance is None and query.origin and listing.location:
            # Without a geo filter the search does not measure; the page still shows how far.
            listing.distance = distance_km(query.origin, listing.location)
        listings.append(listing)
    return ListingResults(
        listings=listings,
        page_obj=result.page_obj,
        total=result.total,
        engine="engine" if result.engine_used else "mirror",
        notice=result.notice,
        by_municipality={
            value.value: value.count
            for facet in result.facets
            if facet.field == "municipality"
            for value in facet.values
            if value.count
        },
    )
