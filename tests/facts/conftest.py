"""Fixtures for the facts bank: /fakta/ as the migrations create it, members and an editor."""

import pytest

from syvsite.accounts.roles import Role
from tests.factories import make_member


@pytest.fixture(autouse=True)
def fact_bank(db):
    from facts.models import FactIndexPage

    return FactIndexPage.objects.get()


@pytest.fixture
def editor(db):
    """A moderator: reviews suggestions in the Wagtail admin and works the review queue."""
    return make_member(role=Role.MODERATOR)


def suggestion_data(**overrides) -> dict:
    data = {
        "title": "Framtidsval – karriärvägledning för individ och samhälle",
        "kind": "utredning",
        "year": "2019",
        "authors": "",
        "publisher": "Utbildningsdepartementet",
        "series": "Statens offentliga utredningar",
        "link": "https://www.regeringen.se/rattsliga-dokument/statens-offentliga-utredningar/2019/01/sou-20194/",
        "doi": "",
        "isbn": "978-91-38-24894-2",
        "sfs_number": "",
        "sou_number": "SOU 2019:4",
        "diarienummer": "",
        "language": "sv",
        "access": "oppen",
        "licence": "",
        "summary": "Utredningen föreslår att vägledning ska heta karriärvägledning.",
        "key_findings": "Framtidsval införs i grundskolan",
        "implications": "Stöd för planen för vägledning.",
        "themes": ["utbildnings-och-yrkesval"],
        "target_groups": ["grundskola-7-9"],
    }
    data.update(overrides)
    return data
