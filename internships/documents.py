"""Published listings in the search engine: one document per listing, with its location.

`location` is the workplace's exact position or its municipality's seat, so the engine can
filter and sort by distance (geo_distance). Periods become ISO weeks and months (facets, so
a period filter is a terms filter); free places are indexed so a booking re-indexes its
listing (`related`), as do changes to periods, programmes, workplaces and the company's
approval.
"""

from datetime import date, timedelta

from django.utils.translation import gettext_lazy as _
from elasticsearch_dsl import Date, Integer, Keyword

from search.documents import BaseDocument
from search.registry import Facet, ModelLabels, Related, SearchType, register
from search.text import joined

from .models import RESERVING_STATUSES, ListingPeriod, PlacementType
from .selectors.listings import public_listings, today

DOC_TYPE = "internship"
MAX_WEEKS = 60  # of one period; a longer one is indexed by its first 60 weeks

# Short names for tags.
PLACEMENT_TYPE_SHORT = {
    PlacementType.PRAO: "PRAO",
    PlacementType.APL: "APL",
    PlacementType.LIA: "LIA",
    PlacementType.PRAKTIK: "Praktik",
}

# Who the placement is for, as search `audience` labels.
PLACEMENT_TYPE_AUDIENCE = {
    PlacementType.PRAO: "Grundskola",
    PlacementType.APL: "Gymnasieskola",
    PlacementType.LIA: "Yrkeshögskola",
    PlacementType.PRAKTIK: "Vuxenutbildning",
}


class ListingDocument(BaseDocument):
    placement_type = Keyword()
    programme = Keyword(multi=True)
    occupation = Keyword()
    weeks = Keyword(multi=True)  # "2026-W12"
    months = Keyword(multi=True)  # "2026-03"
    company_name = Keyword()
    free_places = Integer()
    next_start = Date()


def get_queryset():
    return public_listings().prefetch_related("periods__bookings")


def iso_weeks(start: date, end: date) -> list[str]:
    """ISO weeks ("2026-W12") touched by a date range; what the index stores per listing."""
    weeks, day = [], start - timedelta(days=start.weekday())
    while day <= end and len(weeks) < MAX_WEEKS:
        year, week, _ = day.isocalendar()
        weeks.append(f"{year}-W{week:02d}")
        day += timedelta(days=7)
    return weeks


def months_between(start: date, end: date) -> list[str]:
    months, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        months.append(f"{year}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _period_facts(listing) -> tuple[list[str], list[str], int, date | None]:
    weeks, months, free, starts = [], [], 0, []
    for period in listing.periods.all():
        if period.end_date < today():
            continue
        weeks += iso_weeks(period.start_date, period.end_date)
        months += months_between(period.start_date, period.end_date)
        held = sum(b.places for b in period.bookings.all() if b.status in RESERVING_STATUSES)
        free += max(period.places - held, 0)
        starts.append(period.start_date)
    return sorted(set(weeks)), sorted(set(months)), free, min(starts, default=None)


def to_document(listing) -> dict:
    """What a listing knows; visibility (public) and common fields left empty are filled in
    by search.indexing.prepare_source."""
    workplace = listing.workplace
    municipality = workplace.municipality
    weeks, months, free, next_start = _period_facts(listing)
    location = listing.location
    return {
        "title": listing.title,
        "summary": listing.description[:300],
        "body": joined(
            # The kind of placement is what many search for ("prao göteborg", "apl bygg").
            PLACEMENT_TYPE_SHORT[listing.placement_type],
            listing.description,
            listing.company.name,
            listing.occupation_name,
            workplace.city,
            municipality.name,
            listing.language_requirements,
            listing.health_and_safety,
        ),
        "url": listing.get_absolute_url(),
        "county": [municipality.county.code],
        "municipality": [municipality.code],
        "audience": [PLACEMENT_TYPE_AUDIENCE[listing.placement_type]],
        "date": listing.published_at,
        "location": {"lat": location[0], "lon": location[1]} if location else None,
        "tags": [PLACEMENT_TYPE_SHORT[listing.placement_type], listing.occupation_name],
        "placement_type": listing.placement_type,
        "programme": [programme.code for programme in listing.programmes.all()],
        "occupation": listing.occupation_ssyk,
        "weeks": weeks,
        "months": months,
        "company_name": listing.company.name,
        "free_places": free,
        "next_start": next_start,
    }


def _listing_of(child) -> list[int]:
    return [child.listing_id]


def _listing_of_booking(booking) -> list[int]:
    return list(
        ListingPeriod.objects.filter(pk=booking.period_id).values_list("listing_id", flat=True)
    )


def _listings_of_workplace(workplace) -> list[int]:
    return list(workplace.listings.values_list("pk", flat=True))


def _listings_of_company(organisation) -> list[int]:
    if organisation.kind != "company":
        return []
    return list(organisation.listings.values_list("pk", flat=True))


register(
    SearchType(
        name=DOC_TYPE,
        label=_("Praktikplatser"),
        document=ListingDocument,
        model="internships.Listing",
        get_queryset=get_queryset,
        to_document=to_document,
        facets=(
            Facet(
                "placement_type",
                _("Typ av praktik"),
                param="typ",
                labels=dict(PlacementType.choices),
            ),
            Facet(
                "programme",
                _("Program"),
                param="program",
                labels=ModelLabels("rekas.Programme", key="code", label="name"),
            ),
            Facet("months", _("Månad"), param="manad", size=24),
            Facet("weeks", _("Vecka"), param="vecka", size=60),
        ),
        related=(
            Related("internships.ListingPeriod", _listing_of),
            Related("internships.ListingProgramme", _listing_of),
            Related("internships.Booking", _listing_of_booking),
            Related("internships.Workplace", _listings_of_workplace),
            Related("organisations.Organisation", _listings_of_company),
        ),
        query_fields=("title^3", "summary^2", "body"),
        sortable=("free_places", "next_start"),
    )
)
