"""Choice rounds end to end: open, add pupils, pupils choose, allocate, adjust, publish, export."""

import csv
import io
import re

import pytest
from django.core import mail
from django.urls import reverse
from openpyxl import load_workbook

from internships.exceptions import PlacementError
from internships.models import Booking, ChoiceRound, Listing, Participant
from internships.services import allocations, rounds
from tests.factories import municipality

from .factories import (
    BookingFactory,
    ListingFactory,
    PeriodFactory,
    WorkplaceFactory,
    in_days,
    round_data,
)

pytestmark = pytest.mark.django_db


def round_url(choice_round, name="round", *args) -> str:
    return reverse(f"internships:{name}", args=[choice_round.school_id, choice_round.pk, *args])


@pytest.fixture
def choice_round(school, staff):
    return rounds.open_round(school=school, created_by=staff, data=round_data())


@pytest.fixture
def periods(company):
    """Three PRAO places near the school (Göteborg), one far away, one APL place."""
    near = [
        PeriodFactory(listing=ListingFactory(company=company, title=title), places=places)
        for title, places in (("Bageri", 1), ("Verkstad", 1), ("Förskola", 2))
    ]
    far_workplace = WorkplaceFactory(
        company=company, municipality=municipality("2580"), city="Luleå"
    )
    far = PeriodFactory(
        listing=ListingFactory(company=company, workplace=far_workplace, title="Gruva")
    )
    apl = PeriodFactory(
        listing=ListingFactory(company=company, title="APL-plats", placement_type="apl")
    )
    return {"near": near, "far": far, "apl": apl}


def pupil_client(client_class, participant_code: str):
    pupil = client_class()
    assert (
        pupil.post(reverse("internships:pupil_login"), {"code": participant_code}).status_code
        == 302
    )
    return pupil


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"period_start": in_days(-1)},
            "period_start",
            "Praktikperioden kan inte börja i det förflutna.",
        ),
        ({"period_end": in_days(20)}, "period_end", "Perioden kan inte sluta innan den börjar."),
        (
            {"choices_close_at": in_days(31)},
            "choices_close_at",
            "Sista dag för val måste vara före praktikperiodens första dag.",
        ),
        (
            {"choices_close_at": in_days(-2)},
            "choices_close_at",
            "Sista dag för val kan inte ha passerat.",
        ),
        ({"max_distance_km": 0}, "max_distance_km", "Ange minst 1 km."),
    ],
)
def test_opening_a_round_with_bad_dates_is_refused(
    client, school, staff, overrides, field, message
):
    client.force_login(staff)
    response = client.post(
        reverse("internships:round_create", args=[school.pk]), round_data(**overrides)
    )
    assert response.status_code == 200
    assert message in response.context["form"].errors[field]
    assert not ChoiceRound.objects.exists()


def test_adding_pupils_gives_codes_and_accounts(
    client, staff, choice_round, django_capture_on_commit_callbacks
):
    client.force_login(staff)
    bad = client.post(
        round_url(choice_round, "participants_add"),
        {"rows": "Ada Andersson; 8A\nBo Berg; 8B; inte-en-adress"},
    )
    assert bad.status_code == 400
    assert "Rad 2: ”inte-en-adress” är inte en e-postadress." in bad.text
    assert not Participant.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            round_url(choice_round, "participants_add"),
            {"rows": "Ada Andersson; 8A\nBo Berg; 8B; bo.berg@elev.se\n"},
        )
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    codes = re.findall(r'class="code">([A-Z0-9]{4}-[A-Z0-9]{4})<', response.text)
    assert len(codes) == 2
    # Only hashes are stored.
    assert not Participant.objects.filter(code_hash__in=codes).exists()
    bo = Participant.objects.get(name="Bo Berg")
    assert bo.user.email == "bo.berg@elev.se" and not bo.user.has_usable_password()
    assert mail.outbox[-1].to == ["bo.berg@elev.se"]
    assert "/konto/losenord/aterstall/" in mail.outbox[-1].body


def test_pupil_chooses_among_eligible_places_only(client, staff, choice_round, periods):
    ada = rounds.add_participants(choice_round=choice_round, rows=[("Ada", "8A")])[0]
    pupil = pupil_client(client.__class__, ada.code)
    url = reverse("internships:pupil_round", args=[ada.participant.pk])
    page = pupil.get(url)
    offered = {
        int(value) for value, _label in page.context["form"].fields["choice_1"].choices if value
    }
    assert offered == {p.pk for p in periods["near"]}  # not too far away, not the wrong type
    assert "Gruva" not in page.text and "APL-plats" not in page.text

    first, second, third = periods["near"]
    response = pupil.post(url, {"choice_1": third.pk, "choice_2": first.pk})
    assert response.status_code == 302
    assert [c.period_id for c in ada.participant.choices.all()] == [third.pk, first.pk]

    response = pupil.post(url, {"choice_1": first.pk, "choice_2": first.pk})
    assert "Du har valt samma plats mer än en gång." in response.text
    response = pupil.post(url, {"choice_1": periods["far"].pk})
    assert "Platsen går inte att välja" in response.text
    assert [c.period_id for c in ada.participant.choices.all()] == [third.pk, first.pk]


def test_choice_rules_in_the_service(choice_round, periods, listing):
    ada = rounds.add_participants(choice_round=choice_round, rows=[("Ada", "8A")])[0].participant
    many = [PeriodFactory(listing=ListingFactory(company=listing.company)).pk for _ in range(6)]
    with pytest.raises(PlacementError, match="högst 5"):
        rounds.save_choices(participant=ada, period_ids=many)
    full = periods["near"][0]
    BookingFactory(period=full, places=1, status=Booking.Status.ACCEPTED)
    with pytest.raises(PlacementError, match="Bageri är fullbokad"):
        rounds.save_choices(participant=ada, period_ids=[full.pk])
    expired = periods["near"][1]
    Listing.objects.filter(pk=expired.listing_id).update(status=Listing.Status.EXPIRED)
    with pytest.raises(PlacementError, match="utgången eller inte publicerad"):
        rounds.save_choices(participant=ada, period_ids=[expired.pk])
    assert not ada.choices.exists()
    rounds.save_choices(participant=ada, period_ids=many[:5])
    assert ada.choices.count() == 5

    choice_round.status = ChoiceRound.Status.CLOSED
    choice_round.save()
    with pytest.raises(PlacementError, match="Valet är stängt"):
        rounds.save_choices(participant=ada, period_ids=many[:1])
    assert ada.choices.count() == 5


def test_allocate_override_publish_and_export(
    client, staff, choice_round, periods, rep, django_capture_on_commit_callbacks
):
    bageri, verkstad, forskola = periods["near"]
    wishes = {
        "Ada": [bageri, verkstad],
        "Bo": [bageri],
        "Cia": [forskola],
        '=HYPERLINK("http://x")': [forskola, bageri],
        "Eli": [forskola, bageri],
    }
    created = rounds.add_participants(
        choice_round=choice_round, rows=[(name, "8A") for name in wishes]
    )
    for new in created:
        rounds.save_choices(
            participant=new.participant, period_ids=[p.pk for p in wishes[new.participant.name]]
        )
    client.force_login(staff)

    client.post(round_url(choice_round, "round_allocate"), {"seed": "2026"})
    choice_round.refresh_from_db()
    assert choice_round.status == ChoiceRound.Status.ALLOCATED and choice_round.seed == 2026
    first = {p.name: p.assigned_period_id for p in choice_round.participants.all()}
    # 4 places for 5 pupils. Only giving Bo the bakery and Ada the workshop (her 2nd choice)
    # places four; three pupils want the preschool first and the lottery picks two of them.
    assert first["Bo"] == bageri.pk and first["Ada"] == verkstad.pk
    assert {first["Cia"], first["Eli"], first['=HYPERLINK("http://x")']} == {forskola.pk, None}
    assert sum(1 for period in first.values() if period) == 4
    assert sum(1 for period in first.values() if period == forskola.pk) == 2

    # Same seed, same result.
    client.post(round_url(choice_round, "round_allocate"), {"seed": "2026"})
    assert {p.name: p.assigned_period_id for p in choice_round.participants.all()} == first

    # Manual placement: the unplaced pupil cannot take a full place, but the preschool can be swapped.
    unplaced = choice_round.participants.get(assigned_period__isnull=True)
    response = client.post(
        round_url(choice_round, "participant_override", unplaced.pk),
        {"period": bageri.pk},
        follow=True,
    )
    assert "har inga fler lediga platser" in response.text
    bo = choice_round.participants.get(name="Bo")
    client.post(round_url(choice_round, "participant_override", bo.pk), {"period": ""})
    client.post(round_url(choice_round, "participant_override", unplaced.pk), {"period": bageri.pk})
    unplaced.refresh_from_db()
    assert unplaced.assigned_period_id == bageri.pk and unplaced.assigned_manually
    # Re-running keeps manual placements.
    client.post(round_url(choice_round, "round_allocate"), {"seed": "1"})
    unplaced.refresh_from_db()
    bo.refresh_from_db()
    assert unplaced.assigned_period_id == bageri.pk
    assert bo.assigned_period_id is None and bo.assigned_manually

    # Export: formulas are defused in both formats.
    csv_text = client.get(round_url(choice_round, "round_export", "csv")).content.decode(
        "utf-8-sig"
    )
    rows = list(csv.reader(io.StringIO(csv_text), delimiter=";"))
    assert rows[0][:3] == ["Klass", "Elev", "Praktikplats"]
    names = [row[1] for row in rows[1:]]
    assert '\'=HYPERLINK("http://x")' in names and '=HYPERLINK("http://x")' not in names
    workbook = load_workbook(
        io.BytesIO(client.get(round_url(choice_round, "round_export", "xlsx")).content)
    )
    cells = [cell for row in workbook.active.iter_rows(min_row=2) for cell in row]
    assert not any(cell.data_type == "f" for cell in cells)
    assert any(cell.value == '\'=HYPERLINK("http://x")' for cell in cells)
    assert client.get(round_url(choice_round, "round_export", "pdf")).status_code == 404

    # Publishing books the places (one request per period) and tells the company.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(round_url(choice_round, "round_publish"))
    choice_round.refresh_from_db()
    assert choice_round.status == ChoiceRound.Status.PUBLISHED
    bookings = Booking.objects.filter(choice_round=choice_round)
    assert sorted(b.places for b in bookings) == [1, 1, 2]
    assert rep.email in {m.to[0] for m in mail.outbox}


def test_publish_refuses_when_places_were_taken_meanwhile(staff, choice_round, periods):
    bageri = periods["near"][0]
    ada = rounds.add_participants(choice_round=choice_round, rows=[("Ada", "8A")])[0].participant
    rounds.save_choices(participant=ada, period_ids=[bageri.pk])
    allocations.run_allocation(choice_round=choice_round, seed=3)
    BookingFactory(period=bageri, places=1)  # someone else booked the last place
    with pytest.raises(PlacementError, match="Bageri.*Kör fördelningen igen"):
        allocations.publish_allocation(choice_round=choice_round, published_by=staff)
    assert not Booking.objects.filter(choice_round=choice_round).exists()
    choice_round.refresh_from_db()
    assert choice_round.status == ChoiceRound.Status.ALLOCATED


def test_allocation_counts_places_already_booked(choice_round, periods):
    forskola = periods["near"][2]  # 2 places
    BookingFactory(period=forskola, places=1, status=Booking.Status.ACCEPTED)
    created = rounds.add_participants(
        choice_round=choice_round, rows=[("A", ""), ("B", ""), ("C", "")]
    )
    for new in created:
        rounds.save_choices(participant=new.participant, period_ids=[forskola.pk])
    result = allocations.run_allocation(choice_round=choice_round, seed=9)
    assert result.placed == 1


def test_pupil_sees_the_result_after_publishing(client, staff, choice_round, periods):
    new = rounds.add_participants(choice_round=choice_round, rows=[("Ada", "8A")])[0]
    rounds.save_choices(participant=new.participant, period_ids=[periods["near"][1].pk])
    allocations.run_allocation(choice_round=choice_round, seed=5)
    pupil = pupil_client(client.__class__, new.code)
    url = reverse("internships:pupil_round", args=[new.participant.pk])
    assert "Din praktikplats" not in pupil.get(url).text  # not before it is sent out
    allocations.publish_allocation(choice_round=choice_round, published_by=staff)
    page = pupil.get(url).text
    assert "Din praktikplats" in page and "Verkstad" in page


def test_pupil_account_sets_a_password_and_sees_only_its_round(
    client, staff, choice_round, periods, django_capture_on_commit_callbacks
):
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            round_url(choice_round, "participants_add"),
            {"rows": "Bo Berg; 8B; bo@elev.se\nAda; 8A"},
        )
    client.logout()
    link = re.search(
        r"http://testserver(/konto/losenord/aterstall/\S+/)", mail.outbox[-1].body
    ).group(1)
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(
        form_url,
        {"new_password1": "Ett-langt-elevlosen-26", "new_password2": "Ett-langt-elevlosen-26"},
    )
    response = client.post(
        reverse("accounts:login"), {"username": "bo@elev.se", "password": "Ett-langt-elevlosen-26"}
    )
    assert response.status_code == 302
    dashboard = client.get(reverse("accounts:dashboard")).text
    assert "Mina praktikval" in dashboard and "PRAO vecka 12" in dashboard
    bo = Participant.objects.get(name="Bo Berg")
    ada = Participant.objects.get(name="Ada")
    assert client.get(reverse("internships:pupil_home")).url == reverse(
        "internships:pupil_round", args=[bo.pk]
    )
    assert client.get(reverse("internships:pupil_round", args=[ada.pk])).status_code == 404
    # A pupil account is not school staff.
    assert client.get(round_url(choice_round)).status_code == 404
