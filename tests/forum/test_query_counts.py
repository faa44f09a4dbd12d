"""A category's thread list, as a page and in the API: as many queries for 2 threads as for 12,
each by its own author."""

import pytest
from django.test import Client

from tests.query_counts import assert_bounded

from .factories import make_thread

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "ceiling"),
    [
        ("/forum/gymnasievalet/", 3),
        ("/api/v1/forum/categories/gymnasievalet/threads?page_size=50", 3),
    ],
)
def test_thread_lists_do_not_grow_with_the_page(public_category, path, ceiling):
    def threads(count):
        for number in range(count):
            make_thread(category=public_category, title=f"Tråd {number}", replies=1)

    threads(2)
    assert_bounded(Client(), path, add_rows=lambda: threads(10), ceiling=ceiling)
