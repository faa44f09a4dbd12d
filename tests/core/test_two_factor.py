"""Two-factor sign-in: staff reach nothing, the Wagtail admin included, until they give the
code from their authenticator app (or a recovery code), on every way in: the site's login,
the admin's own login, after a password reset. Wrong codes count towards the same lockout as
wrong passwords. Members and companies may turn it on; school staff give it before pupils."""

import base64
import re
import time
from urllib.parse import urlsplit

import pyotp
import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from syvsite.accounts.roles import STAFF_ROLES, Role
from tests.factories import DEFAULT_PASSWORD, UserFactory, make_member
from tests.internships.factories import SchoolFactory

pytestmark = pytest.mark.django_db
LOGIN, VERIFY = reverse("accounts:login"), reverse("accounts:two_factor_verify")
SETUP, ADMIN = reverse("accounts:two_factor_setup"), reverse("wagtailadmin_home")


def code_for(device: TOTPDevice, *, ahead: int = 0) -> str:
    """What the person's authenticator app shows now (or `ahead` steps later)."""
    return pyotp.TOTP(base64.b32encode(device.bin_key).decode()).at(time.time() + ahead * 30)


def with_app(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="Mobilen", confirmed=True)


def password_only_login(client, user, *, path=LOGIN, ip="10.0.0.1"):
    return client.post(path, {"username": user.email, "password": DEFAULT_PASSWORD}, REMOTE_ADDR=ip)


def path_of(response) -> str:
    return urlsplit(response["Location"]).path


@pytest.mark.parametrize("role", sorted(STAFF_ROLES))
def test_staff_with_a_password_only_reach_nothing(client, role):
    staff = make_member(role=role)
    with_app(staff)
    password_only_login(client, staff)
    for url in (ADMIN, reverse("accounts:dashboard"), "/praktik/", reverse("privacy:access_log")):
        response = client.get(url)
        assert response.status_code == 302 and path_of(response) == VERIFY, (role, url)


@pytest.mark.parametrize("group", ["REKAS-redaktör", "Sökredaktör", "Vägledningsplan: Exempelby"])
def test_every_group_that_opens_the_admin_needs_the_code(client, group):
    """Not only the staff roles: any group with access to the Wagtail admin (REKAS editors,
    search editors, a municipality's plan editors) makes its members sign in with the code."""
    from django.contrib.auth.models import Group, Permission

    editor = make_member()  # a counsellor, given admin access only through the group
    admin_group, _ = Group.objects.get_or_create(name=group)
    admin_group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    editor.groups.add(admin_group)
    password_only_login(client, editor)
    response = client.get(ADMIN)
    assert response.status_code == 302 and path_of(response) == SETUP, group
    with_app(editor)
    response = client.get(ADMIN)
    assert response.status_code == 302 and path_of(response) == VERIFY, group


def test_admin_login_page_leads_to_the_code_step_and_the_code_opens_the_admin(client):
    admin = make_member(role=Role.ADMIN)
    device = with_app(admin)
    response = password_only_login(client, admin, path=reverse("wagtailadmin_login"))
    assert response.status_code == 302
    response = client.get(ADMIN)
    assert path_of(response) == VERIFY and "next=%2Fadmin%2F" in response["Location"]
    page = client.get(response["Location"])
    assert "Tvåstegsverifiering" in page.content.decode()
    response = client.post(VERIFY, {"code": code_for(device), "next": ADMIN})
    assert response.status_code == 302 and response["Location"] == ADMIN
    assert client.get(ADMIN).status_code == 200


def test_a_code_works_only_once(client):
    admin = make_member(role=Role.ADMIN)
    device = with_app(admin)
    code = code_for(device)
    password_only_login(client, admin)
    assert client.post(VERIFY, {"code": code}).status_code == 302
    other = Client()
    password_only_login(other, admin)
    response = other.post(VERIFY, {"code": code})
    assert response.status_code == 400 and "Koden stämmer inte" in response.content.decode()
    assert path_of(other.get(ADMIN)) == VERIFY


def test_password_reset_does_not_skip_the_code(client):
    """The admin's own reset and the site's reset both end at a login, which asks for the code."""
    editor = make_member(role=Role.MUNICIPALITY_EDITOR)
    with_app(editor)
    for start in (reverse("wagtailadmin_password_reset"), reverse("accounts:password_reset")):
        mail.outbox.clear()
        client.post(start, {"email": editor.email})
        link = re.search(
            r"https?://[^\s]+/(?:admin/password_reset|konto/losenord)[^\s]+", mail.outbox[0].body
        ).group(0)
        form = client.get(urlsplit(link).path, follow=True)
        new_password = "Helt-nytt-losenord-2026"
        response = client.post(
            form.redirect_chain[-1][0] if form.redirect_chain else urlsplit(link).path,
            {"new_password1": new_password, "new_password2": new_password},
        )
        assert response.status_code == 302, start
        # The reset signs nobody in; signing in with the new password stops at the code.
        assert path_of(client.get(ADMIN)) in (reverse("wagtailadmin_login"), VERIFY)
        client.post(LOGIN, {"username": editor.email, "password": new_password})
        assert path_of(client.get(ADMIN)) == VERIFY, start
        client.post(reverse("accounts:logout"))


def test_wrong_codes_count_towards_the_lockout(client, settings):
    moderator = make_member(role=Role.MODERATOR)
    device = with_app(moderator)
    password_only_login(client, moderator)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert client.post(VERIFY, {"code": "000000"}, REMOTE_ADDR="10.0.0.1").status_code == 400
    locked = client.post(VERIFY, {"code": "000000"}, REMOTE_ADDR="10.0.0.1")
    assert locked.status_code == 429 and "tillfälligt spärrad" in locked.content.decode()
    # The half-open session is over, and the password step is locked for the pair too.
    assert path_of(client.get(ADMIN)) == reverse("wagtailadmin_login")
    assert password_only_login(client, moderator).status_code == 429
    assert path_of(client.post(VERIFY, {"code": code_for(device)})) == LOGIN


def test_staff_without_an_app_set_one_up_and_get_recovery_codes(client, settings):
    # django-otp slows down a device after a wrong code (1 s, 2 s, …): a person retyping
    # never notices, this test would; the lockout test above covers repeated wrong codes.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    coordinator = make_member(role=Role.PLACEMENT_COORDINATOR)
    password_only_login(client, coordinator)
    response = client.get(ADMIN)
    assert path_of(response) == SETUP
    page = client.get(response["Location"]).content.decode()
    assert "QR-kod" in page
    assert client.get(reverse("accounts:two_factor_qr"))["Content-Type"] == "image/svg+xml"
    device = TOTPDevice.objects.get(user=coordinator, confirmed=False)
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    assert " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)) in page
    assert client.post(SETUP, {"code": "000000", "next": ADMIN}).status_code == 400
    done = client.post(SETUP, {"code": code_for(device), "next": ADMIN})
    codes = re.findall(r"<li><code>([a-z0-9]+)</code></li>", done.content.decode())
    assert len(codes) == 10
    assert client.get(ADMIN).status_code == 200

    # A recovery code signs in once instead of the app.
    client.post(reverse("accounts:logout"))
    password_only_login(client, coordinator)
    assert client.post(VERIFY, {"code": codes[0].upper()}).status_code == 302
    assert client.get(ADMIN).status_code == 200
    client.post(reverse("accounts:logout"))
    password_only_login(client, coordinator)
    assert client.post(VERIFY, {"code": codes[0]}).status_code == 400


def test_staff_cannot_turn_it_off_members_can(client):
    member = make_member()
    password_only_login(client, member)
    assert client.get(reverse("accounts:dashboard")).status_code == 200  # optional: not asked
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=member)
    client.post(SETUP, {"code": code_for(device)})
    client.post(reverse("accounts:logout"))
    password_only_login(client, member)
    assert path_of(client.get(reverse("accounts:dashboard"))) == VERIFY  # turned on: asked
    client.post(VERIFY, {"code": code_for(device, ahead=1)})
    client.post(reverse("accounts:two_factor_off"))
    assert not TOTPDevice.objects.filter(user=member).exists()

    admin = make_member(role=Role.ADMIN)
    with_app(admin)
    client.force_login(admin)
    client.post(reverse("accounts:two_factor_off"))
    assert TOTPDevice.objects.filter(user=admin).exists()


def test_school_staff_give_the_code_before_they_see_pupils(client):
    school = SchoolFactory()
    counsellor = make_member(organisation=school)
    password_only_login(client, counsellor)
    assert client.get(reverse("accounts:dashboard")).status_code == 200
    school_page = reverse("internships:school", args=[school.pk])
    response = client.get(school_page)
    assert path_of(response) == SETUP and "next=" in response["Location"]
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=counsellor)
    client.post(SETUP, {"code": code_for(device), "next": school_page})
    assert client.get(school_page).status_code == 200


def test_members_without_an_app_sign_in_as_before(client):
    user = UserFactory()
    response = password_only_login(client, user)
    assert response["Location"] == reverse("accounts:dashboard")
    assert client.get(reverse("accounts:dashboard")).status_code == 200


def test_xss_corpus_typed_as_a_code_is_shown_inert(client, settings):
    """The code fields show what was typed again on a wrong code: escaped."""
    from tests.forum.safety import problems_in_page
    from tests.forum.test_xss import CORPUS

    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    member = make_member()
    client.force_login(member)
    for payload in CORPUS:
        response = client.post(SETUP, {"code": payload})
        assert response.status_code == 400 and problems_in_page(response.text) == [], payload
    staff = make_member(role=Role.MODERATOR)
    with_app(staff)
    client.logout()
    password_only_login(client, staff)
    # Fewer than the lockout's limit: each wrong code is a failed login.
    for payload in CORPUS[: settings.AXES_FAILURE_LIMIT - 1]:
        response = client.post(VERIFY, {"code": payload}, REMOTE_ADDR="10.0.0.1")
        assert response.status_code == 400 and problems_in_page(response.text) == [], payload
