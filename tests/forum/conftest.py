import pytest

from forum.models import Visibility
from syvsite.accounts.roles import Role
from tests.factories import make_member

from .factories import CategoryFactory


@pytest.fixture(autouse=True)
def _forum_defaults(settings):
    """Most tests are about something else: no approval queue, generous limits.

    Tests of approval and rate limits set these explicitly.
    """
    settings.FORUM_APPROVAL_THRESHOLD = 0
    settings.FORUM_POST_RATE_LIMITS = ((60, 1000),)


@pytest.fixture
def public_category(db):
    return CategoryFactory(name="Gymnasievalet", slug="gymnasievalet")


@pytest.fixture
def members_category(db):
    return CategoryFactory(
        name="Medlemsrummet", slug="medlemsrummet", visibility=Visibility.MEMBERS
    )


@pytest.fixture
def moderator(db):
    return make_member(role=Role.MODERATOR)
