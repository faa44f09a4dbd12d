import pytest
from django.core import mail
from django.urls import reverse

from syvsite.accounts.roles import Role
from tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db
LOGIN = reverse("accounts:login")


def attempt(client, email, password, ip="10.0.0.1", **extra):
    return client.post(LOGIN, {"username": email, "password": password, **extra}, REMOTE_ADDR=ip)


def test_login_and_logout(client):
    user = UserFactory()
    response = attempt(client, user.email, DEFAULT_PASSWORD)
    assert response.status_code == 302 and response["Location"] == reverse("accounts:dashboard")
    assert client.get(reverse("accounts:dashboard")).status_code == 200
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("accounts:dashboard")).status_code == 302


def test_lockout_after_repeated_failures_names_the_wait_and_unlocks(client, settings):
    user = UserFactory()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, user.email, "fel-losenord").status_code == 200
    assert attempt(client, user.email, "fel-losenord").status_code == 429
    # Locked: even the right password is refused until the timer runs out.
    locked = attempt(client, user.email, DEFAULT_PASSWORD)
    assert locked.status_code == 429
    text = locked.content.decode()
    assert "tillfälligt spärrad" in text and "minuter" in text

    # Another IP address is not locked out for the same account: the lock is per (user, IP).
    assert attempt(client, user.email, DEFAULT_PASSWORD, ip="10.0.0.2").status_code == 302

    # When the cool-off has passed the original pair can log in again.
    from axes.models import AccessAttempt
    from django.utils import timezone

    AccessAttempt.objects.update(attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME * 2)
    client.logout()
    assert attempt(client, user.email, DEFAULT_PASSWORD).status_code == 302


@pytest.mark.parametrize(
    "next_url",
    ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)"],
)
def test_next_redirects_only_to_this_site(client, next_url):
    user = UserFactory()
    response = attempt(client, user.email, DEFAULT_PASSWORD, next=next_url)
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:dashboard")


def test_next_to_local_page_is_followed(client):
    user = UserFactory()
    response = attempt(client, user.email, DEFAULT_PASSWORD, next="/tillganglighet/")
    assert response["Location"] == "/tillganglighet/"


def test_password_reset_mail_and_new_password(client):
    user = UserFactory()
    client.post(reverse("accounts:password_reset"), {"email": user.email})
    assert len(mail.outbox) == 1
    import re

    path = re.search(r"http://testserver(\S+)", mail.outbox[0].body).group(1)
    form_page = client.get(path, follow=True)
    post_url = form_page.redirect_chain[-1][0]
    done = client.post(
        post_url, {"new_password1": "Helt-nytt-losen-99", "new_password2": "Helt-nytt-losen-99"}
    )
    assert done.status_code == 302
    client.logout()
    assert attempt(client, user.email, "Helt-nytt-losen-99").status_code == 302


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        (Role.COUNSELLOR, False),
        (Role.COMPANY_REPRESENTATIVE, False),
        (Role.MUNICIPALITY_EDITOR, True),
        (Role.PLACEMENT_COORDINATOR, True),
        (Role.MODERATOR, True),
        (Role.ADMIN, True),
    ],
)
def test_only_staff_roles_reach_the_wagtail_admin(client, role, allowed):
    client.force_login(UserFactory(roles=[role]))
    response = client.get("/admin/")
    if allowed:
        assert response.status_code == 200
    else:
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
