"""The audit log of access to pupils' data: every path that shows or exports pupils writes an
entry, administrators search it by user, object and date, nobody edits it from the site."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from internships.models import Booking, Certificate, ChoiceRound, Participant
from syvsite.accounts.roles import Role
from syvsite.privacy.models import AccessLogEntry
from syvsite.privacy.services import log_access
from tests.factories import make_member
from tests.internships.factories import (
    BookingFactory,
    CompanyFactory,
    ListingFactory,
    PeriodFactory,
    SchoolFactory,
    company_rep,
    in_days,
    round_data,
    school_staff,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def placement():
    school, company = SchoolFactory(name="Loggskolan"), CompanyFactory()
    period = PeriodFactory(listing=ListingFactory(company=company, title="Snickeri"))
    booking = BookingFactory(
        period=period, school=school, status=Booking.Status.ACCEPTED, pupils=["Lisa Loggad"]
    )
    certificate = Certificate.objects.create(
        pupil=booking.pupils.get(), completed_at=timezone.now(), days_planned=5, days_attended=5
    )
    choice_round = ChoiceRound.objects.create(
        school=school, **round_data(title="PRAO loggad", status=ChoiceRound.Status.ALLOCATED)
    )
    return {
        "school": school, "company": company, "booking": booking,
        "certificate": certificate, "round": choice_round,
    }  # fmt: skip


def test_each_access_path_writes_who_what_and_when(client, placement):
    school, booking = placement["school"], placement["booking"]
    counsellor = school_staff(school)
    client.force_login(counsellor)
    urls = [
        ("internships:round", [school.pk, placement["round"].pk], "valomgang", "view"),
        ("internships:round_export", [school.pk, placement["round"].pk, "csv"], "valomgang", "export"),
        ("internships:school_booking", [school.pk, booking.pk], "bokning", "view"),
        ("internships:certificate", [school.pk, placement["certificate"].pk], "intyg", "view"),
        ("internships:certificate_pdf", [school.pk, placement["certificate"].pk], "intyg", "export"),
    ]  # fmt: skip
    for name, args, object_type, action in urls:
        assert client.get(reverse(name, args=args)).status_code == 200, name
        entry = AccessLogEntry.objects.filter(object_type=object_type).first()
        assert (entry.action, entry.user_email) == (action, counsellor.email), name
        assert entry.organisation == "Loggskolan"
        assert "Lisa" not in entry.object_label  # the log names objects, not pupils
    rep = company_rep(placement["company"])
    client.force_login(rep)
    url = reverse("internships:company_booking", args=[placement["company"].pk, booking.pk])
    assert client.get(url).status_code == 200
    assert AccessLogEntry.objects.filter(user=rep, object_type="bokning").count() == 1
    assert AccessLogEntry.objects.count() == 6


def test_refused_access_writes_nothing(client, placement):
    client.force_login(school_staff(SchoolFactory()))
    url = reverse(
        "internships:school_booking", args=[placement["school"].pk, placement["booking"].pk]
    )
    assert client.get(url).status_code == 404
    assert not AccessLogEntry.objects.exists()


def test_the_code_slips_are_logged_as_a_view_of_the_rounds_pupils(client, placement):
    """Adding pupils and issuing a new code show the pupils' names and codes: the log says who
    saw which pupils' slips (by id), never their names."""
    school, choice_round = placement["school"], placement["round"]
    counsellor = school_staff(school)
    client.force_login(counsellor)
    args = [school.pk, choice_round.pk]
    added = client.post(
        reverse("internships:participants_add", args=args),
        {"rows": "Ada Kodlapp; 8A\nBo Kodlapp; 8B"},
    )
    assert added.status_code == 200 and "Ada Kodlapp" in added.text
    ada, bo = Participant.objects.filter(choice_round=choice_round).order_by("pk")
    again = client.post(reverse("internships:participant_code", args=[*args, bo.pk]))
    assert again.status_code == 200 and "Bo Kodlapp" in again.text

    first, second = AccessLogEntry.objects.order_by("pk")
    for entry in (first, second):
        assert (entry.action, entry.object_type, entry.object_id) == (
            "view",
            "valomgang",
            str(choice_round.pk),
        )
        assert (entry.user, entry.user_email, entry.organisation) == (
            counsellor,
            counsellor.email,
            "Loggskolan",
        )
        assert "Kodlapp" not in entry.object_label
    assert (
        first.object_label == f"Valomgång: PRAO loggad (koder till 2 elever, id {ada.pk}, {bo.pk})"
    )
    assert second.object_label == f"Valomgång: PRAO loggad (kod till 1 elev, id {bo.pk})"
    client.force_login(make_member(role=Role.ADMIN))
    _, html = _search(client, object_type="valomgang", object_text=str(choice_round.pk))
    assert "2 poster" in html and f"id {bo.pk})" in html

    # Another school's counsellor is refused and leaves no entry.
    client.force_login(school_staff(SchoolFactory()))
    refused = client.post(reverse("internships:participant_code", args=[*args, ada.pk]))
    assert refused.status_code == 404 and AccessLogEntry.objects.count() == 2


def test_a_long_list_of_code_slips_fits_in_the_log(client, placement):
    school, choice_round = placement["school"], placement["round"]
    choice_round.title = "Ö" * 150  # the longest name a round can have
    choice_round.save()
    client.force_login(school_staff(school))
    rows = "\n".join(f"Elev {n}; 9A" for n in range(60))
    url = reverse("internships:participants_add", args=[school.pk, choice_round.pk])
    assert client.post(url, {"rows": rows}).status_code == 200
    ids = list(
        Participant.objects.filter(choice_round=choice_round)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    label = AccessLogEntry.objects.get().object_label
    assert label.endswith(f"(koder till 60 elever, id {ids[0]} till {ids[-1]})")
    assert len(label) <= AccessLogEntry._meta.get_field("object_label").max_length


@pytest.fixture
def supervised(django_capture_on_commit_callbacks):
    """An accepted booking that has started; the school's counsellor asks the company's
    supervisor for a certificate through the site, which e-mails the link."""
    school, company = SchoolFactory(name="Länkskolan"), CompanyFactory(name="Länkbolaget AB")
    listing = ListingFactory(company=company, title="Bageri", supervisor_email="berit@bageri.se")
    period = PeriodFactory(listing=listing, start_date=in_days(-7), end_date=in_days(-3))
    counsellor = school_staff(school)
    booking = BookingFactory(
        period=period, school=school, status=Booking.Status.ACCEPTED, pupils=["Nora Länkad"],
        requested_by=counsellor,
    )  # fmt: skip
    pupil = booking.pupils.get()
    client = Client()
    client.force_login(counsellor)
    request = reverse("internships:certificate_request", args=[school.pk, booking.pk, pupil.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(request, {"parts": ["ratings", "tasks", "assessment"]})
    link = re.search(r"http://testserver(/praktik/intyg/\S+/)", mail.outbox[-1].body).group(1)
    AccessLogEntry.objects.all().delete()  # the counsellor's own pages are logged elsewhere
    return {"school": school, "counsellor": counsellor, "pupil": pupil, "link": link}


FILLED = {
    "days_planned": 5, "days_attended": 5, "punctuality": 3, "engagement": 3, "cooperation": 3,
    "tasks": "Bakade bröd.", "assessment": "Nyfiken och noggrann.",
    "signed_by_name": "Berit Bagare", "signed_by_title": "Bagarmästare",
}  # fmt: skip


def test_the_supervisors_e_mailed_link_is_logged_like_the_schools_certificate_pages(
    client, supervised, django_capture_on_commit_callbacks
):
    link = supervised["link"]
    assert "Praktikintyg för Nora Länkad" in client.get(link).text
    assert client.post(link, {**FILLED, "days_attended": 9}).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(link, FILLED, follow=True)
    assert "Praktikintyget är inskickat" in done.text
    certificate = Certificate.objects.get(pupil=supervised["pupil"])
    # The form twice (before and after the refused figures) and the thank-you page, each one
    # entry naming the certificate, the address the link went to and the supervisor's company.
    entries = list(AccessLogEntry.objects.order_by("pk"))
    assert len(entries) == 3
    for entry in entries:
        assert (entry.action, entry.object_type, entry.object_id) == (
            "view",
            "intyg",
            str(certificate.pk),
        )
        assert (entry.user, entry.user_email) == (None, "berit@bageri.se")
        assert entry.organisation == "Länkbolaget AB"
        assert "via e-postlänken" in entry.object_label
        assert "Nora" not in f"{entry.object_label} {entry.user_email} {entry.organisation}"

    # What the data protection officer finds, by the supervisor's address or the certificate.
    client.force_login(make_member(role=Role.ADMIN))
    _, html = _search(client, user="berit@bageri.se")
    assert "3 poster" in html and f"Praktikintyg {certificate.pk} (bokning" in html
    _, html = _search(client, object_type="intyg", object_text=str(certificate.pk))
    assert "3 poster" in html and "Länkbolaget AB" in html
    # ... and the pupil's register extract lists these openings too.
    client.force_login(
        make_member(role=Role.PLACEMENT_COORDINATOR, organisation=supervised["school"])
    )
    extract = client.get(
        reverse(
            "internships:pupil_extract_json",
            args=[supervised["school"].pk, "bokning", supervised["pupil"].pk],
        )
    ).json()
    assert [a["user"] for a in extract["accesses"]].count("berit@bageri.se") == 3


def test_a_signed_in_visitor_on_the_link_is_logged_as_themselves(client, supervised):
    client.force_login(supervised["counsellor"])
    assert client.get(supervised["link"]).status_code == 200
    entry = AccessLogEntry.objects.get()
    assert (entry.user, entry.user_email) == (
        supervised["counsellor"],
        supervised["counsellor"].email,
    )
    assert "via e-postlänken" in entry.object_label


def test_a_refused_link_writes_nothing(client, supervised, django_capture_on_commit_callbacks):
    token = supervised["link"].split("/")[-2]
    assert client.get(f"/praktik/intyg/{token[:-3]}xyz/").status_code == 400
    # A new link replaces the old one: the old one is refused, only the new one is logged.
    client.force_login(supervised["counsellor"])
    school, pupil = supervised["school"], supervised["pupil"]
    request = reverse(
        "internships:certificate_request", args=[school.pk, pupil.booking_id, pupil.pk]
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(request, {"parts": ["ratings"]})
    client.logout()
    AccessLogEntry.objects.all().delete()
    assert client.get(supervised["link"]).status_code == 410
    assert not AccessLogEntry.objects.exists()


@pytest.fixture
def entries():
    ada, bo = make_member(email="ada@skola.se"), make_member(email="bo@skola.se")
    made = [
        log_access(user=ada, action="view", object_type="valomgang", object_id=7, label="Valomgång: PRAO vår", organisation="Alfaskolan"),
        log_access(user=bo, action="export", object_type="intyg", object_id=9, label="Praktikintyg 9 (bokning 3)", organisation="Betaskolan"),
        log_access(user=bo, action="view", object_type="bokning", object_id=3, label="Bokning 3: Snickeri", organisation="Betaskolan"),
    ]  # fmt: skip
    AccessLogEntry.objects.filter(pk=made[0].pk).update(at=timezone.now() - timedelta(days=10))
    return made


def _search(client, **params):
    response = client.get(reverse("privacy:access_log"), params)
    return response, response.content.decode()


def test_administrators_search_by_user_object_and_date(client, entries):
    client.force_login(make_member(role=Role.ADMIN))
    response, html = _search(client, user="bo@")
    assert response.status_code == 200
    assert "Bokning 3: Snickeri" in html and "Praktikintyg 9" in html and "PRAO vår" not in html
    _, html = _search(client, object_type="valomgang")
    assert "PRAO vår" in html and "Snickeri" not in html
    _, html = _search(client, object_text="9")
    assert "Praktikintyg 9" in html and "Snickeri" not in html
    _, html = _search(client, object_text="Alfaskolan")
    assert "PRAO vår" in html and "Praktikintyg 9" not in html
    today = timezone.localdate()
    _, html = _search(client, date_from=(today - timedelta(days=1)).isoformat())
    assert "PRAO vår" not in html and "Snickeri" in html
    _, html = _search(client, date_to=(today - timedelta(days=5)).isoformat())
    assert "PRAO vår" in html and "Snickeri" not in html


def test_bad_dates_get_a_swedish_message(client, entries):
    client.force_login(make_member(role=Role.ADMIN))
    response, html = _search(client, date_from="igår")
    assert response.status_code == 400 and "ÅÅÅÅ-MM-DD" in html
    response, html = _search(client, date_from="2026-05-02", date_to="2026-05-01")
    assert response.status_code == 400 and "före startdatumet" in html


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.PLACEMENT_COORDINATOR, Role.MODERATOR])
def test_only_administrators_read_the_log(client, entries, role):
    client.force_login(make_member(role=role))
    response, html = _search(client)
    assert response.status_code == 403 and "PRAO vår" not in html


def test_the_log_has_no_way_to_change_it(client, entries):
    client.force_login(make_member(role=Role.ADMIN))
    before = list(AccessLogEntry.objects.values_list("pk", "object_label"))
    response = client.post(reverse("privacy:access_log"), {"object_label": "ändrad"})
    assert response.status_code == 405
    assert list(AccessLogEntry.objects.values_list("pk", "object_label")) == before
