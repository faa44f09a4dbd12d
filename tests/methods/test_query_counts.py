"""The method bank's list page and API list: as many queries for 2 methods as for 12."""

import pytest
from django.test import Client

from tests.query_counts import assert_bounded

from .factories import make_method

pytestmark = pytest.mark.django_db


def _methods(start: int, count: int) -> None:
    for number in range(start, start + count):
        make_method(title=f"Metod nummer {number}", themes=("arbetsmarknadskunskap",))


@pytest.mark.parametrize(
    ("path", "ceiling"),
    [("/metoder/", 19), ("/api/v1/methods/?page_size=50", 10)],
)
def test_method_lists_do_not_grow_with_the_page(path, ceiling):
    _methods(0, 2)
    assert_bounded(Client(), path, add_rows=lambda: _methods(2, 10), ceiling=ceiling)
