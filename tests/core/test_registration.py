import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from syvsite.accounts.roles import Role, has_role
from syvsite.organisations.models import Organisation

User = get_user_model()
pytestmark = pytest.mark.django_db

GOOD = {
    "account_type": "counsellor",
    "first_name": "Vera",
    "last_name": "Vägledare",
    "email": "vera@skola.se",
    "municipality": "1480",
    "school_name": "Hvitfeldtska gymnasiet",
    "password1": "Sjutton-gubbar-2026",
    "password2": "Sjutton-gubbar-2026",
    "accept_terms": "on",
}


def register(client, **overrides):
    return client.post(reverse("accounts:register"), {**GOOD, **overrides})


def link_from_last_mail() -> str:
    return re.search(r"http://testserver(/konto/verifiera/\S+/)", mail.outbox[-1].body).group(1)


def test_registration_sends_link_and_verification_activates(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = register(client)
    assert response.status_code == 302
    user = User.objects.get(email="vera@skola.se")
    assert not user.is_active and not user.has_verified_email
    assert len(mail.outbox) == 1 and "Aktivera" in mail.outbox[0].subject

    # Not verified yet: logging in fails with a hint about the activation link.
    login = client.post(
        reverse("accounts:login"), {"username": "vera@skola.se", "password": GOOD["password1"]}
    )
    assert "Aktivera kontot" in login.content.decode()

    response = client.get(link_from_last_mail(), follow=True)
    user.refresh_from_db()
    assert user.is_active and user.has_verified_email
    assert has_role(user, Role.COUNSELLOR)
    assert response.redirect_chain[-1][0] == reverse("accounts:dashboard")
    assert "Mina sidor" in response.content.decode()
    assert user.organisations.filter(kind="municipality", municipality__code="1480").exists()
    assert user.organisations.filter(kind="school", name="Hvitfeldtska gymnasiet").exists()


def test_company_registration_creates_unapproved_company(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        register(client, account_type="company", company_name="Bygg AB", org_number="5560360793")
    client.get(link_from_last_mail())
    user = User.objects.get(email="vera@skola.se")
    company = Organisation.objects.get(kind="company")
    assert company.org_number == "556036-0793" and not company.is_approved
    assert has_role(user, Role.COMPANY_REPRESENTATIVE) and not has_role(user, Role.COUNSELLOR)


def test_tampered_or_expired_link_is_refused(client, settings):
    response = client.get(reverse("accounts:verify", args=["not-a-token"]))
    assert response.status_code == 400
    assert "Länken fungerar inte" in response.content.decode()


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"account_type": "company", "company_name": "X AB", "org_number": "556036-0794"},
            "org_number",
            "kontrollsiffran",
        ),
        (
            {"account_type": "company", "company_name": "X AB", "org_number": ""},
            "org_number",
            "Ange företagets organisationsnummer",
        ),
        ({"municipality": "9999"}, "municipality", "Okänd kommunkod"),
        ({"password1": "123456789", "password2": "123456789"}, "password1", "Lösenordet"),
        ({"password2": "Annat-losenord-2026"}, "password2", "inte likadana"),
        ({"email": "inte-en-adress"}, "email", "giltig e-postadress"),
        ({"accept_terms": ""}, "accept_terms", "godkänna"),
        ({"first_name": ""}, "first_name", "obligatoriskt"),
    ],
)
def test_bad_input_gets_swedish_field_errors_and_creates_nothing(client, overrides, field, message):
    response = register(client, **overrides)
    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors
    assert message.lower() in " ".join(form.errors[field]).lower()
    assert not User.objects.exists()
    assert 'role="alert"' in response.content.decode()


def test_duplicate_email_is_refused(client):
    User.objects.create_user(email="vera@skola.se", password="x")
    response = register(client, email="Vera@Skola.se")
    assert "finns redan ett konto" in " ".join(response.context["form"].errors["email"])
    assert User.objects.count() == 1


def test_profile_form_shows_and_keeps_the_saved_municipality(client):
    from tests.factories import UserFactory, municipality

    user = UserFactory(home_municipality=municipality("1280"))
    client.force_login(user)
    page = client.get(reverse("accounts:profile")).content.decode()
    assert '<option value="1280" selected>' in page
    response = client.post(
        reverse("accounts:profile"),
        {
            "first_name": "Ny",
            "last_name": "Person",
            "job_title": "SYV",
            "home_municipality": "1480",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.home_municipality.code == "1480" and user.first_name == "Ny"
