"""Fixtures shared by every test package. Domain packages add their own conftest.py."""

import os

import pytest
from django.db import connection

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
