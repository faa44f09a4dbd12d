"""Fixtures shared by every test package. Domain packages add their own conftest.py."""

import os

import pytest
from django.db import connection
from django.test import Client

from tests.factories import UserFactory, make_member

pytest_plugins = ["tests.search_fixtures", "tests.browser_fixtures"]


TRUTHY = {"1", "true", "yes"}


def services_required() -> bool:
    """In CI a missing service fails the test instead of skipping it.

    `.ci/run` sets REQUIRE_SERVICES=1; CI services set CI (GitHub and GitLab: CI=true).
    """
    flags = (os.environ.get("REQUIRE_SERVICES", ""), os.environ.get("CI", ""))
    return any(flag.strip().lower() in TRUTHY for flag in flags)


def require_service(available: bool, message: str) -> None:
    if available:
        return
    if services_required():
        pytest.fail(f"{message} (krävs i CI)")
    pytest.skip(f"{message}. Kör `.ci/run` eller sätt tjänsten för att köra testet.")


def _commits(item) -> bool:
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    return bool(marker and marker.kwargs.get("transaction")) or any(
        name in fixtures for name in ("transactional_db", "live_server")
    )


def _restores(item) -> bool:
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    return bool(marker and marker.kwargs.get("serialized_rollback")) or (
        "django_db_serialized_rollback" in fixtures
    )


def pytest_collection_modifyitems(items):
    """A test that commits (transaction=True, live_server) must restore the migrations' data
    afterwards with serialized_rollback. Without it its flush leaves the next test, whichever
    pytest-xdist runs next, an empty database or content types with new ids: order-dependent
    failures. So it is refused here instead of flaking later."""
    careless = [item.nodeid for item in items if _commits(item) and not _restores(item)]
    if careless:
        raise pytest.UsageError(
            "Transaktionella tester måste ha serialized_rollback=True "
            "(pytest.mark.django_db(transaction=True, serialized_rollback=True)): "
            + ", ".join(careless)
        )


def pytest_sessionfinish(session):
    """The run's controller (the only process without pytest-xdist) stops the demo site that
    the end-to-end tests shared, once every worker is done."""
    if hasattr(session.config, "workerinput"):
        return
    from tests.e2e.site_server import stop_shared_demo_site

    stop_shared_demo_site(session.config._tmp_path_factory.getbasetemp())


@pytest.fixture
def require_postgres(db):
    require_service(connection.vendor == "postgresql", "Testet kräver PostgreSQL (DATABASE_URL)")


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


def sign_in_with_second_factor(client: Client, user) -> None:
    """What a real sign-in does for an account that uses a second factor: password, then the
    code from its authenticator app (a device made here if it has none), as one step."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Testapp", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


_force_login = Client.force_login


@pytest.fixture(autouse=True)
def _force_login_signs_in_fully(monkeypatch):
    """`client.force_login(user)` stands for a finished sign-in. For staff and school staff
    (who sign in with a second factor) that includes the code step, so their tests reach the
    pages they test; the code step itself is tested through the real forms in
    tests/core/test_two_factor.py, and `password_only_login` there skips this."""

    def force_login(self, user, backend=None):
        from syvsite.accounts.roles import reaches_pupil_data, requires_second_factor

        _force_login(self, user, backend)
        if requires_second_factor(user) or reaches_pupil_data(user):
            sign_in_with_second_factor(self, user)

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def member(db):
    """A verified counsellor: the typical logged-in user."""
    return make_member()


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    client.user = member
    return client
