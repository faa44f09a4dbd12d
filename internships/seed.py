"""Demo content for `manage.py seed_demo`. Idempotent: run it again and nothing is duplicated.

Approved companies with workplaces across Sweden, about 40 listings of every placement type,
periods, bookings from the demo schools, a finished placement with its certificate, a company
and a listing waiting for the coordinator, and an open choice round at Hvitfeldtska gymnasiet
with pupils and choices (pupil code printed below).
"""

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from syvsite.organisations.models import Organisation
from syvsite.organisations.validators import luhn_is_valid
from syvsite.regions.models import Municipality

from . import seed_data as data
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
ROUND_NAMES = ["Första omgången", "Andra omgången", "Tredje omgången"]
WEEKS_BY_TYPE = {
    "prao": (1, [5, 9, 14]),
    "apl": (4, [7, 16]),
    "lia": (8, [10]),
    "praktik": (4, [6, 15]),
}


def org_number(nine: str) -> str:
    check = next(str(d) for d in range(10) if luhn_is_valid(nine + str(d)))
    return f"{nine[:6]}-{nine[6:]}{check}"


def monday_in(weeks: int) -> date:
    today = timezone.localdate()
    return today - timedelta(days=today.weekday()) + timedelta(weeks=weeks)


def _company(name, nine, code, description, contact, *, approved=True) -> Organisation:
    municipality = Municipality.objects.get(code=code)
    company, _ = Organisation.objects.update_or_create(
        kind=Organisation.Kind.COMPANY,
        org_number=org_number(nine),
        defaults={
            "name": name,
            "municipality": municipality,
            "is_approved": approved,
            "email": f"praktik@{name.split()[0].lower()}.example.se",
        },
    )
    if approved and company.approved_at is None:
        company.approved_at = timezone.now()
        company.save(update_fields=["approved_at"])
    first = contact.split()[0].lower()
    CompanyProfile.objects.update_or_create(
        company=company,
        defaults={
            "description": description,
            "contact_name": contact,
            "contact_email": f"{first}@{name.split()[0].lower()}.example.se",
            "submitted_at": timezone.now(),
        },
    )
    return company


def _workplace(company, spec) -> Workplace:
    name, street, postal, city, code, position = spec
    workplace, _ = Workplace.objects.update_or_create(
        company=company,
        name=name,
        defaults={
            "street_address": street,
            "postal_code": f"{postal[:3]} {postal[3:]}",
            "city": city,
            "municipality": Municipality.objects.get(code=code),
            "latitude": position[0] if position else None,
            "longitude": position[1] if position else None,
        },
    )
    return workplace


def _listing(company, workplaces, spec, *, status=S.PUBLISHED) -> Listing:
    title, kind, ssyk, programmes, index, places, text = spec
    listing, _ = Listing.objects.update_or_create(
        company=company,
        title=title,
        defaults={
            "workplace": workplaces[index],
            "description": text,
            "placement_type": kind,
            "occupation_ssyk": ssyk,
            "occupation_name": occupation_name(ssyk),
            "min_age": 14 if kind == "prao" else None,
            "requires_record_extract": ssyk.startswith("53"),
            "health_and_safety": "Arbetskläder och skyddsutrustning lånas ut. Berätta om allergier i förväg.",
            "safety_information": "Alla praktikanter får en säkerhetsgenomgång första dagen.",
            "supervisor_name": company.internship_profile.contact_name,
            "supervisor_title": "Handledare",
            "supervisor_email": company.internship_profile.contact_email,
            "status": status,
            "published_at": timezone.now() if status == S.PUBLISHED else None,
        },
    )
    for code in programmes:
        ListingProgramme.objects.get_or_create(listing=listing, code=code)
    length, starts = WEEKS_BY_TYPE[kind]
    for number, start in enumerate(starts):
        first = monday_in(start)
        ListingPeriod.objects.update_or_create(
            listing=listing,
            note=ROUND_NAMES[number],
            defaults={
                "start_date": first,
                "end_date": first + timedelta(weeks=length - 1, days=4),
                "places": places,
            },
        )
    return listing


def _book(period, school, user, names, status) -> Booking:
    booking = Booking.objects.filter(period=period, school=school).first()
    if booking is None:
        booking = Booking.objects.create(
            period=period, school=school, requested_by=user, places=len(names), status=status
        )
        BookingPupil.objects.bulk_create(BookingPupil(booking=booking, name=n) for n in names)
    return booking


def _bookings(listings, schools, staff) -> int:
    plan = [
        (0, 0, ["Ali Hassan", "Britt Berg"], Booking.Status.ACCEPTED),
        (4, 0, ["Cecilia Ek"], Booking.Status.PENDING),
        (12, 1, ["Dino Kovač", "Emma Holm"], Booking.Status.PENDING),
        (13, 1, ["Fatima Said"], Booking.Status.ACCEPTED),
        (40, 0, ["Gustav Lund"], Booking.Status.PENDING),
    ]
    for index, school_index, names, status in plan:
        if index < len(listings):
            period = listings[index].periods.order_by("start_date").first()
            _book(period, schools[school_index], staff[school_index], names, status)
    # A placement that took place last month, with its certificate filled in.
    listing = listings[1]
    past_start = monday_in(-5)
    past, _ = ListingPeriod.objects.get_or_create(
        listing=listing,
        note="Genomförd period",
        defaults={
            "start_date": past_start,
            "end_date": past_start + timedelta(days=4),
            "places": 1,
        },
    )
    booking = _book(past, schools[0], staff[0], ["Hanna Ström"], Booking.Status.ACCEPTED)
    Certificate.objects.get_or_create(
        pupil=booking.pupils.get(),
        defaults={
            "days_planned": 5,
            "days_attended": 5,
            "punctuality": 3,
            "engagement": 3,
            "cooperation": 2,
            "tasks": "Bakade bröd, skötte kassan och hjälpte till i butiken.",
            "assessment": "Hanna var punktlig, nyfiken och tog egna initiativ.",
            "signed_by_name": listing.supervisor_name,
            "signed_by_title": "Handledare",
            "completed_at": timezone.now() - timedelta(days=20),
            "link_version": 1,
        },
    )
    return Booking.objects.count()


def _choice_round(school, coordinator, stdout) -> ChoiceRound:
    start = monday_in(9)
    choice_round, _ = ChoiceRound.objects.update_or_create(
        school=school,
        title="PRAO år 8 (demo)",
        defaults={
            "placement_type": "prao",
            "period_start": start,
            "period_end": start + timedelta(days=4),
            "choices_close_at": monday_in(4),
            "max_distance_km": 80,
            "created_by": coordinator,
            "status": ChoiceRound.Status.OPEN,
        },
    )
    periods = [period.pk for period in eligible_periods(choice_round)]
    for number, (name, school_class) in enumerate([*data.PUPILS, data.DEMO_PUPIL]):
        participant, created = Participant.objects.get_or_create(
            choice_round=choice_round, name=name, defaults={"school_class": school_class}
        )
        if created and periods and number < 16:
            ranked = [
                periods[(number * 3 + step) % len(periods)] for step in range(min(5, len(periods)))
            ]
            save_choices(participant=participant, period_ids=list(dict.fromkeys(ranked)))
    demo = Participant.objects.get(choice_round=choice_round, name=data.DEMO_PUPIL[0])
    demo.code_hash, demo.code_used_at, demo.code_created_at = (
        hash_code(data.DEMO_PUPIL_CODE),
        None,
        timezone.now(),
    )
    demo.save(update_fields=["code_hash", "code_used_at", "code_created_at"])
    stdout.write(
        f"  Valomgång med {choice_round.participants.count()} elever; elevkod för demo: {data.DEMO_PUPIL_CODE}"
    )
    return choice_round


@transaction.atomic
def run(*, stdout) -> None:
    User = get_user_model()
    listings = []
    for name, nine, code, description, contact, workplace_specs, listing_specs in data.COMPANIES:
        company = _company(name, nine, code, description, contact)
        workplaces = [_workplace(company, spec) for spec in workplace_specs]
        listings += [_listing(company, workplaces, spec) for spec in listing_specs]
    demo_company = Organisation.objects.filter(
        kind="company", memberships__user__email="foretag@syv-demo.se"
    ).first()
    if demo_company is not None:
        profile, _ = CompanyProfile.objects.get_or_create(company=demo_company)
        if not profile.contact_name:
            profile.contact_name, profile.contact_email = "Felix Företagare", "foretag@syv-demo.se"
            profile.save()
        workplace = _workplace(demo_company, data.DEMO_WORKPLACE)
        listings += [
            _listing(demo_company, [workplace], spec) for spec in data.DEMO_COMPANY_LISTINGS
        ]
    name, nine, code, description, contact, workplace_spec, listing_spec = data.PENDING_COMPANY
    pending = _company(name, nine, code, description, contact, approved=False)
    _listing(pending, [_workplace(pending, workplace_spec)], listing_spec, status=S.PENDING_REVIEW)
    stdout.write(
        f"  {len(listings)} praktikannonser hos {len(data.COMPANIES) + 1} företag (+1 väntar på godkännande)"
    )

    schools = [
        Organisation.objects.filter(kind="school", name=n).first()
        for n in ("Hvitfeldtska gymnasiet", "Malmö Latinskola")
    ]
    staff = [
        User.objects.filter(email=e).first()
        for e in ("samordnare@syv-demo.se", "vagledare2@syv-demo.se")
    ]
    if all(schools) and all(staff):
        stdout.write(f"  {_bookings(listings, schools, staff)} bokningar")
        _choice_round(schools[0], staff[0], stdout)
