"""Demo content for `manage.py seed_demo`, read from data/demo/*.yaml. Idempotent: run it again
and nothing is duplicated.

Approved companies with workplaces across Sweden, about 40 listings of every placement type,
periods, bookings from the demo schools, a finished placement with its certificate, a company
and a listing waiting for the coordinator, and an open choice round with pupils and choices
(the demo pupil's code is printed).
"""

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from syvsite.core.seed import demo_data
from syvsite.organisations.models import Organisation
from syvsite.organisations.validators import luhn_is_valid
from syvsite.regions.models import Municipality

from .models import (
    Booking,
    BookingPupil,
    Certificate,
    ChoiceRound,
    CompanyProfile,
    Listing,
    ListingPeriod,
    ListingProgramme,
    Participant,
    Workplace,
)
from .selectors.rekas import occupation_name
from .selectors.rounds import eligible_periods
from .services.rounds import hash_code, save_choices

S = Listing.Status


def org_number(nine: str) -> str:
    check = next(str(d) for d in range(10) if luhn_is_valid(nine + str(d)))
    return f"{nine[:6]}-{nine[6:]}{check}"


def monday_in(weeks: int) -> date:
    today = timezone.localdate()
    return today - timedelta(days=today.weekday()) + timedelta(weeks=weeks)


def _mail_domain(company_name: str) -> str:
    return f"{company_name.split()[0].lower()}.example.se"


def _company(spec: dict, *, approved: bool = True) -> Organisation:
    company, _ = Organisation.objects.update_or_create(
        kind=Organisation.Kind.COMPANY,
        org_number=org_number(spec["org_number"]),
        defaults={
            "name": spec["name"],
            "municipality": Municipality.objects.get(code=spec["municipality"]),
            "is_approved": approved,
            "email": f"praktik@{_mail_domain(spec['name'])}",
        },
    )
    if approved and company.approved_at is None:
        company.approved_at = timezone.now()
        company.save(update_fields=["approved_at"])
    first = spec["contact"].split()[0].lower()
    CompanyProfile.objects.update_or_create(
        company=company,
        defaults={
            "description": spec["description"],
            "contact_name": spec["contact"],
            "contact_email": f"{first}@{_mail_domain(spec['name'])}",
            "submitted_at": timezone.now(),
        },
    )
    return company


def _workplace(company: Organisation, spec: dict) -> Workplace:
    position = spec.get("position")
    postal = spec["postal_code"]
    workplace, _ = Workplace.objects.update_or_create(
        company=company,
        name=spec["name"],
        defaults={
            "street_address": spec["street"],
            "postal_code": f"{postal[:3]} {postal[3:]}",
            "city": spec["city"],
            "municipality": Municipality.objects.get(code=spec["municipality"]),
            "latitude": position[0] if position else None,
            "longitude": position[1] if position else None,
        },
    )
    return workplace


def _listing(company, workplaces: dict, spec: dict, shared: dict, *, status=S.PUBLISHED) -> Listing:
    kind, ssyk = spec["type"], spec["ssyk"]
    profile = company.internship_profile
    listing, _ = Listing.objects.update_or_create(
        company=company,
        title=spec["title"],
        defaults={
            "workplace": workplaces[spec["workplace"]],
            "description": spec["text"],
            "placement_type": kind,
            "occupation_ssyk": ssyk,
            "occupation_name": occupation_name(ssyk),
            "min_age": 14 if kind == "prao" else None,
            # SSYK 53xx: care and childcare, where an extract from the criminal record is usual.
            "requires_record_extract": ssyk.startswith("53"),
            "health_and_safety": shared["health_and_safety"],
            "safety_information": shared["safety_information"],
            "supervisor_name": profile.contact_name,
            "supervisor_title": shared["supervisor_title"],
            "supervisor_email": profile.contact_email,
            "status": status,
            "published_at": timezone.now() if status == S.PUBLISHED else None,
        },
    )
    for code in spec.get("programmes", []):
        ListingProgramme.objects.get_or_create(listing=listing, code=code)
    periods = shared["periods"][kind]
    for name, start in zip(shared["period_names"], periods["starts_in_weeks"], strict=False):
        first = monday_in(start)
        ListingPeriod.objects.update_or_create(
            listing=listing,
            note=name,
            defaults={
                "start_date": first,
                "end_date": first + timedelta(weeks=periods["weeks"] - 1, days=4),
                "places": spec["places"],
            },
        )
    return listing


def _company_listings(company, spec: dict, shared: dict, *, status=S.PUBLISHED) -> list:
    workplaces = {item["name"]: _workplace(company, item) for item in spec["workplaces"]}
    return [_listing(company, workplaces, item, shared, status=status) for item in spec["listings"]]


def _book(period, school, user, names, status) -> Booking:
    booking = Booking.objects.filter(period=period, school=school).first()
    if booking is None:
        booking = Booking.objects.create(
            period=period, school=school, requested_by=user, places=len(names), status=status
        )
        BookingPupil.objects.bulk_create(BookingPupil(booking=booking, name=n) for n in names)
    return booking


def _bookings(plan: dict, listings: dict, schools: dict, staff: dict) -> int:
    for request in plan["requests"]:
        listing = listings.get(request["listing"])
        if listing is not None:  # e.g. the demo company's listings when it does not exist
            period = listing.periods.order_by("start_date").first()
            school = request["school"]
            _book(period, schools[school], staff[school], request["pupils"], request["status"])
    finished = plan["finished"]
    listing, school = listings[finished["listing"]], finished["school"]
    past_start = monday_in(-finished["weeks_ago"])
    past, _ = ListingPeriod.objects.get_or_create(
        listing=listing,
        note=finished["period_name"],
        defaults={
            "start_date": past_start,
            "end_date": past_start + timedelta(days=4),
            "places": 1,
        },
    )
    booking = _book(
        past, schools[school], staff[school], [finished["pupil"]], Booking.Status.ACCEPTED
    )
    certificate = dict(finished["certificate"])
    completed_days_ago = certificate.pop("completed_days_ago")
    Certificate.objects.get_or_create(
        pupil=booking.pupils.get(),
        defaults={
            **certificate,
            "signed_by_name": listing.supervisor_name,
            "completed_at": timezone.now() - timedelta(days=completed_days_ago),
            "link_version": 1,
        },
    )
    return Booking.objects.count()


def _choice_round(school, coordinator, stdout) -> ChoiceRound:
    spec = demo_data("internships", "choice_round")
    start = monday_in(spec["period_starts_in_weeks"])
    choice_round, _ = ChoiceRound.objects.update_or_create(
        school=school,
        title=spec["title"],
        defaults={
            "placement_type": spec["placement_type"],
            "period_start": start,
            "period_end": start + timedelta(days=4),
            "choices_close_at": monday_in(spec["choices_close_in_weeks"]),
            "max_distance_km": spec["max_distance_km"],
            "created_by": coordinator,
            "status": ChoiceRound.Status.OPEN,
        },
    )
    periods = [period.pk for period in eligible_periods(choice_round)]
    for number, (name, school_class) in enumerate([*spec["pupils"], spec["demo_pupil"]]):
        participant, created = Participant.objects.get_or_create(
            choice_round=choice_round, name=name, defaults={"school_class": school_class}
        )
        if created and periods and number < spec["pupils_with_choices"]:
            # Spread the pupils' choices over the places, five each, in a fixed pattern.
            ranked = [
                periods[(number * 3 + step) % len(periods)] for step in range(min(5, len(periods)))
            ]
            save_choices(participant=participant, period_ids=list(dict.fromkeys(ranked)))
    code = spec["demo_pupil_code"]
    demo = Participant.objects.get(choice_round=choice_round, name=spec["demo_pupil"][0])
    demo.code_hash, demo.code_used_at, demo.code_created_at = hash_code(code), None, timezone.now()
    demo.save(update_fields=["code_hash", "code_used_at", "code_created_at"])
    stdout.write(
        f"  Valomgång med {choice_round.participants.count()} elever; elevkod för demo: {code}"
    )
    return choice_round


@transaction.atomic
def run(*, stdout) -> None:
    User = get_user_model()
    shared = demo_data("internships", "listings")
    companies = demo_data("internships", "companies")
    listings: list[Listing] = []
    for spec in companies:
        listings += _company_listings(_company(spec), spec, shared)
    demo = demo_data("internships", "demo_company")
    demo_company = Organisation.objects.filter(
        kind="company", memberships__user__email=demo["account"]
    ).first()
    if demo_company is not None:
        profile, _ = CompanyProfile.objects.get_or_create(company=demo_company)
        if not profile.contact_name:
            profile.contact_name, profile.contact_email = demo["contact"], demo["account"]
            profile.save()
        listings += _company_listings(demo_company, demo, shared)
    pending = demo_data("internships", "pending_company")
    _company_listings(_company(pending, approved=False), pending, shared, status=S.PENDING_REVIEW)
    stdout.write(
        f"  {len(listings)} praktikannonser hos {len(companies) + 1} företag (+1 väntar på godkännande)"
    )

    plan = demo_data("internships", "bookings")
    schools = {
        item["name"]: Organisation.objects.filter(kind="school", name=item["name"]).first()
        for item in plan["schools"]
    }
    staff = {
        item["name"]: User.objects.filter(email=item["staff"]).first() for item in plan["schools"]
    }
    if all(schools.values()) and all(staff.values()):
        by_title = {listing.title: listing for listing in listings}
        stdout.write(f"  {_bookings(plan, by_title, schools, staff)} bokningar")
        first = plan["schools"][0]["name"]
        _choice_round(schools[first], staff[first], stdout)
