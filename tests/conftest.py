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
