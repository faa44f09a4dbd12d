"""News, the plans API and the plan overview: as many queries for 2 as for 12."""

import pytest
from django.test import Client

from tests.query_counts import assert_bounded

from .factories import GuidancePlanPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

CODES = ["1480", "1490", "0180", "1280", "0380", "1880", "0580", "1380", "2480", "2580"]


def test_news_list_does_not_grow_with_the_page(news_index):
    def news(count):
        for _ in range(count):
            NewsPageFactory()

    news(2)
    assert_bounded(Client(), "/nyheter/", add_rows=lambda: news(10), ceiling=11)


@pytest.mark.parametrize(
    ("path", "ceiling"),
    [("/api/v1/guidance-plans/plans", 2), ("/vagledningsplaner/", 14)],
)
def test_plan_lists_do_not_grow_with_the_page(plan_index, path, ceiling):
    for code in CODES[:2]:
        GuidancePlanPageFactory(municipality_code=code)
    assert_bounded(
        Client(),
        path,
        add_rows=lambda: [GuidancePlanPageFactory(municipality_code=c) for c in CODES[2:]],
        ceiling=ceiling,
    )
