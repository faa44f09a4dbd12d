"""/praktik/ and the listings API: as many queries for 2 places as for 12."""

import pytest
from django.test import Client

from tests.query_counts import assert_bounded

from .factories import ListingFactory, PeriodFactory

pytestmark = pytest.mark.django_db


def _listings(count: int) -> None:
    for _ in range(count):
        PeriodFactory(listing=ListingFactory())


@pytest.mark.parametrize(
    ("path", "ceiling"),
    [("/praktik/", 10), ("/api/v1/internships/listings?page_size=50", 6)],
)
def test_placement_lists_do_not_grow_with_the_page(path, ceiling):
    _listings(2)
    assert_bounded(Client(), path, add_rows=lambda: _listings(10), ceiling=ceiling)
