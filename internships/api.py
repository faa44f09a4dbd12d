"""Open JSON API under /api/v1/internships/ (mounted by syvsite/api.py): published listings.

Nothing private: no supervisor contact details, no bookings, no pupils.
"""

import re
from datetime import date

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from pydantic import field_validator

from syvsite.accounts.services import absolute_url
from syvsite.api import ObjectId, PageParams, Paginated, renamed
from syvsite.regions.models import County, Municipality

from .models import PlacementType
from .selectors.finding import ListingQuery, find_listings
from .selectors.listings import public_listings, upcoming_periods
from .selectors.rekas import outlook_for, programme_choices

router = Router(tags=["Praktikplatser"])
MAX_PAGE_SIZE = 50
SORTS = ("relevance", "date", "distance")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class PeriodOut(Schema):
    start: date
    end: date
    weeks: str = Field(description="ISO-veckor, t.ex. ”v. 12–13”")
    places: int
    free_places: int = Field(description="Platser som inte är reserverade av en bokning")


class PlaceOut(Schema):
    workplace: str
    city: str
    municipality_code: str
    municipality: str
    county_code: str
    county: str
    lat: float | None
    lon: float | None
    exact_position: bool = Field(description="False: kommunens centralort används som position")


class OutlookOut(Schema):
    headline: str = Field(description="T.ex. ”Brist på arbetskraft i länet”")
    detail: str
    round: str
    national: bool = Field(description="True när bedömningen gäller hela riket")


class ListingSummaryOut(Schema):
    id: int
    title: str
    url: str
    company: str
    placement_type: str = Field(description="prao, apl, lia eller praktik")
    placement_type_label: str
    occupation_ssyk: str
    occupation: str
    programmes: list[str] = Field(description="Programkoder, t.ex. VO")
    place: PlaceOut
    published: str | None
    distance_km: float | None = Field(description="Avstånd från vald kommun, annars null")


class ListingOut(ListingSummaryOut):
    description: str
    min_age: int | None
    language_requirements: str
    requires_driving_licence: bool
    requires_record_extract: bool
    health_and_safety: str
    safety_information: str
    periods: list[PeriodOut]
    outlook: OutlookOut | None = Field(description="Yrkesbarometerns bedömning för yrket i länet")


class ListingPageOut(Paginated):
    engine: str = Field(description="engine (sökmotorn) eller mirror (databaskopian, reserv)")
    results: list[ListingSummaryOut]


class ListingParams(PageParams):
    q: str = Field("", max_length=200, description="Fritext")
    type: list[str] = Field([], description="prao, apl, lia eller praktik (kan upprepas)")
    county: str = Field("", description="Länskod, t.ex. 14")
    municipality: str = Field("", description="Kommunkod, t.ex. 1480")
    programme: str = Field("", description="Programkod, t.ex. VO")
    date_from: date | None = Field(
        None, description="Perioder som slutar detta datum eller senare (ÅÅÅÅ-MM-DD)"
    )
    date_to: date | None = Field(
        None, description="Perioder som börjar detta datum eller tidigare (ÅÅÅÅ-MM-DD)"
    )
    near: str = Field("", description="Kommunkod att mäta avstånd från")
    km: int | None = Field(None, ge=1, le=2000, description="Största avstånd från `near`")
    sort: str = Field("relevance", description="relevance, date eller distance")
    page_size: int = Field(20, ge=1, le=MAX_PAGE_SIZE, description="Platser per sida.")
    typ: list[str] = renamed("typ", "type", default=[])
    lan: str = renamed("lan", "county", default="")
    kommun: str = renamed("kommun", "municipality", default="")
    program: str = renamed("program", "programme", default="")
    fran: date | None = renamed("fran", "date_from")
    till: date | None = renamed("till", "date_to")
    nara: str = renamed("nara", "near", default="")

    @field_validator("date_from", "date_to", "fran", "till", mode="before")
    @classmethod
    def _iso_dates_only(cls, value):
        # pydantic would read "0" as a Unix timestamp (1970-01-01); the API takes ISO dates.
        if isinstance(value, str) and value and not ISO_DATE.fullmatch(value):
            raise ValueError("Ange datum som ÅÅÅÅ-MM-DD.")
        return value


def _place(listing) -> dict:
    workplace, municipality = listing.workplace, listing.workplace.municipality
    location = listing.location
    return {
        "workplace": workplace.name,
        "city": workplace.city,
        "municipality_code": municipality.code,
        "municipality": municipality.name,
        "county_code": municipality.county.code,
        "county": municipality.county.name,
        "lat": location[0] if location else None,
        "lon": location[1] if location else None,
        "exact_position": workplace.has_exact_position,
    }


def _summary(listing) -> dict:
    distance = getattr(listing, "distance", None)
    return {
        "id": listing.pk,
        "title": listing.title,
        "url": absolute_url(listing.get_absolute_url()),
        "company": listing.company.name,
        "placement_type": listing.placement_type,
        "placement_type_label": str(listing.get_placement_type_display()),
        "occupation_ssyk": listing.occupation_ssyk,
        "occupation": listing.occupation_name,
        "programmes": [programme.code for programme in listing.programmes.all()],
        "place": _place(listing),
        "published": listing.published_at.isoformat() if listing.published_at else None,
        "distance_km": round(distance, 1) if distance is not None else None,
    }


def _check(filters: ListingParams) -> None:
    """Unknown codes are a client error with a Swedish message, not an empty answer."""
    unknown = [value for value in filters.type if value not in PlacementType.values]
    if unknown:
        raise HttpError(
            400, f"Okänd typ av praktik: {', '.join(unknown)}. Använd prao, apl, lia eller praktik."
        )
    for code, model, label in (
        (filters.county, County, "länskod"),
        (filters.municipality, Municipality, "kommunkod"),
        (filters.near, Municipality, "kommunkod"),
    ):
        if code and not model.objects.filter(code=code).exists():
            raise HttpError(400, f"Okänd {label}: {code}.")
    if filters.programme and filters.programme not in dict(programme_choices()):
        raise HttpError(400, f"Okänd programkod: {filters.programme}.")
    if filters.sort not in SORTS:
        raise HttpError(400, f"Okänd sortering: {filters.sort}. Använd {', '.join(SORTS)}.")
    if filters.date_from and filters.date_to and filters.date_to < filters.date_from:
        raise HttpError(400, "`date_to` kan inte vara före `date_from`.")


@router.get(
    "/listings",
    response={200: ListingPageOut, 400: dict},
    summary="Publicerade praktikplatser med filter",
)
def list_listings(request, filters: Query[ListingParams]):
    _check(filters)
    origin = None
    if filters.near:
        origin = Municipality.objects.get(code=filters.near).location
    query = ListingQuery(
        text=filters.q,
        types=filters.type,
        county=filters.county,
        municipality=filters.municipality,
        programme=filters.programme,
        period_from=filters.date_from,
        period_to=filters.date_to,
        origin=origin,
        km=filters.km if origin else None,
        sort=filters.sort,
        page=filters.page,
    )
    results = find_listings(query, per_page=filters.page_size)
    return {
        "count": results.total,
        "page": results.page_obj.number,
        "page_size": filters.page_size,
        # Only the pages a search can reach (the engine's window), as in search's answer.
        "pages": results.page_obj.paginator.num_pages,
        "engine": results.engine,
        "results": [_summary(listing) for listing in results.listings],
    }


@router.get("/listings/{listing_id}", response=ListingOut, summary="En publicerad praktikplats")
def listing_detail(request, listing_id: ObjectId):
    listing = get_object_or_404(public_listings(), pk=listing_id)
    outlook = outlook_for(
        ssyk=listing.occupation_ssyk, county_code=listing.workplace.municipality.county.code
    )
    return {
        **_summary(listing),
        "description": listing.description,
        "min_age": listing.min_age,
        "language_requirements": listing.language_requirements,
        "requires_driving_licence": listing.requires_driving_licence,
        "requires_record_extract": listing.requires_record_extract,
        "health_and_safety": listing.health_and_safety,
        "safety_information": listing.safety_information,
        "periods": [
            {
                "start": p.start_date,
                "end": p.end_date,
                "weeks": p.weeks,
                "places": p.places,
                "free_places": p.left,
            }
            for p in upcoming_periods(listing=listing)
        ],
        "outlook": {
            "headline": outlook.headline,
            "detail": outlook.detail,
            "round": outlook.round,
            "national": outlook.is_national,
        }
        if outlook
        else None,
    }
