"""A company from registration to a published listing, as the people involved click through it."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from internships.models import Listing, Workplace
from syvsite.organisations.models import Organisation

from .factories import coordinator, in_days

pytestmark = pytest.mark.django_db


def register_company(client, captured):
    with captured(execute=True):
        response = client.post(
            reverse("accounts:register"),
            {
                "account_type": "company",
                "first_name": "Felix",
                "last_name": "Företagare",
                "email": "felix@bageriet.se",
                "municipality": "1480",
                "company_name": "Bageriet i Majorna AB",
                "org_number": "556036-0793",
                "password1": "Sjutton-gubbar-2026",
                "password2": "Sjutton-gubbar-2026",
                "accept_terms": "on",
            },
        )
    assert response.status_code == 302
    link = re.search(r"http://testserver(/konto/verifiera/\S+/)", mail.outbox[-1].body).group(1)
    client.get(link)
    return Organisation.objects.get(org_number="556036-0793")


def test_company_onboarding_to_published_listing(client, django_capture_on_commit_callbacks):
    captured = django_capture_on_commit_callbacks
    company = register_company(client, captured)
    base = f"/praktik/foretag/{company.pk}/"

    # The dashboard links to the company's page, which explains the steps to approval.
    assert base in client.get(reverse("accounts:dashboard")).text
    page = client.get(base).text
    assert "Skicka in för granskning" in page

    # Submitting before the profile is complete is refused with a reason.
    with captured(execute=True):
        client.post(base + "skicka-in/")
    assert "Fyll i kontaktperson" in client.get(base).text

    client.post(
        base + "profil/",
        {
            "name": "Bageriet i Majorna AB",
            "contact_name": "Felix Företagare",
            "contact_email": "felix@bageriet.se",
            "description": "Surdegsbageri sedan 1985.",
        },
    )
    response = client.post(
        base + "arbetsplatser/ny/",
        {
            "name": "Bageriet",
            "street_address": "Allmänna vägen 12",
            "postal_code": "41460",
            "city": "Göteborg",
            "municipality": "1480",
        },
    )
    assert response.status_code == 302
    workplace = Workplace.objects.get(company=company)
    assert workplace.postal_code == "414 60"
    assert workplace.location == workplace.municipality.location  # no exact position given

    sam = coordinator()
    mail.outbox.clear()
    with captured(execute=True):
        client.post(base + "skicka-in/")
    assert [m.to for m in mail.outbox] == [[sam.email]]
    assert "Bageriet i Majorna AB" in mail.outbox[0].subject

    # A listing with a period, submitted for review.
    response = client.post(
        base + "annonser/ny/",
        {
            "title": "Bagare för en vecka",
            "placement_type": "prao",
            "workplace": workplace.pk,
            "description": "Baka bröd och kanelbullar från tidig morgon.",
            "occupation_ssyk": "7512",
            "occupation_name": "Bagare och konditorer",
            "supervisor_name": "Berit Bagare",
            "supervisor_email": "berit@bageriet.se",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    listing = Listing.objects.get(company=company)
    assert listing.status == Listing.Status.DRAFT
    listing_url = base + f"annonser/{listing.pk}/"
    client.post(
        listing_url + "perioder/ny/",
        {"start_date": in_days(20), "end_date": in_days(24), "places": 2},
    )
    with captured(execute=True):
        client.post(listing_url + "status/", {"to": "pending_review"})
    listing.refresh_from_db()
    assert listing.status == Listing.Status.PENDING_REVIEW
    assert client.get(reverse("internships:listing", args=[listing.pk])).status_code == 404

    # The coordinator cannot publish before approving the company …
    client.force_login(sam)
    queue = client.get(reverse("internships:coordination")).text
    assert "Bageriet i Majorna AB" in queue and "Bagare för en vecka" in queue
    client.post(reverse("internships:review_listing", args=[listing.pk]), {"decision": "publish"})
    listing.refresh_from_db()
    assert listing.status == Listing.Status.PENDING_REVIEW

    # … approves it (the company hears about it) and publishes the listing.
    mail.outbox.clear()
    with captured(execute=True):
        client.post(
            reverse("internships:review_company", args=[company.pk]), {"decision": "approve"}
        )
        client.post(
            reverse("internships:review_listing", args=[listing.pk]), {"decision": "publish"}
        )
    company.refresh_from_db()
    listing.refresh_from_db()
    assert company.is_approved and listing.status == Listing.Status.PUBLISHED
    assert any("godkänt" in m.subject for m in mail.outbox)

    client.logout()
    public = client.get(reverse("internships:listings")).text
    assert "Bagare för en vecka" in public
    detail = client.get(reverse("internships:listing", args=[listing.pk])).text
    assert "2 av 2" in detail
    # The supervisor's contact details are for school staff, not the public.
    assert "berit@bageriet.se" not in detail


def test_coordinator_returns_listing_with_a_note(
    client, listing, rep, django_capture_on_commit_callbacks
):
    from .factories import PeriodFactory

    PeriodFactory(listing=listing)
    listing.status = Listing.Status.PENDING_REVIEW
    listing.save()
    client.force_login(coordinator())
    url = reverse("internships:review_listing", args=[listing.pk])
    response = client.post(url, {"decision": "return", "reason": ""})
    assert "Skriv ett skäl." in response.text
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"decision": "return", "reason": "Beskriv arbetsuppgifterna tydligare."})
    listing.refresh_from_db()
    assert listing.status == Listing.Status.DRAFT
    assert rep.email in [address for m in mail.outbox for address in m.to]
    client.force_login(rep)
    page = client.get(
        reverse("internships:company_listing", args=[listing.company_id, listing.pk])
    ).text
    assert "Beskriv arbetsuppgifterna tydligare." in page


def test_reject_company_requires_reason_and_tells_the_company(client, company, rep):
    client.force_login(coordinator())
    url = reverse("internships:review_company", args=[company.pk])
    company.is_approved = False
    company.save()
    assert "Skriv ett skäl." in client.post(url, {"decision": "reject", "reason": " "}).text
    client.post(
        url, {"decision": "reject", "reason": "Organisationsnumret hör till ett annat företag."}
    )
    client.force_login(rep)
    assert (
        "Organisationsnumret hör till ett annat företag."
        in client.get(reverse("internships:company", args=[company.pk])).text
    )
