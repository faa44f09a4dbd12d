"""Query-count checks for list pages and API lists: the number of queries does not grow with
the number of rows shown (no N+1), and stays under a pinned ceiling."""

from collections.abc import Callable

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def queries_for(client: Client, path: str) -> int:
    # A first request applies pending search-index changes (tests drain the outbox in the
    # request that searches next); the second is the page as every later visitor gets it.
    assert client.get(path).status_code == 200, path
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return len(captured)


def assert_bounded(client: Client, path: str, *, add_rows: Callable[[], None], ceiling: int):
    """The same number of queries with a few rows and with many more, and no more than
    `ceiling` (a page that shows each row with one query per row fails the first check)."""
    few = queries_for(client, path)
    add_rows()
    many = queries_for(client, path)
    assert many == few, f"{path}: {few} queries for a few rows, {many} for more (N+1)"
    assert many <= ceiling, f"{path}: {many} queries (at most {ceiling})"
