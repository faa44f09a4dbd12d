"""`seed_demo`'s placement content: realistic, complete and idempotent."""

from io import StringIO

import pytest
from django.urls import reverse

from internships import seed
from internships.models import Booking, ChoiceRound, Listing, ListingPeriod, Participant
from internships.selectors.listings import public_listings
from internships.selectors.organisations import companies_awaiting_approval
from syvsite.core.seed import seed_users

pytestmark = pytest.mark.django_db


def counts() -> tuple:
    return tuple(
        model.objects.count()
        for model in (Listing, ListingPeriod, Booking, Participant, ChoiceRound)
    )


def test_seed_creates_a_usable_board_and_can_run_twice(client):
    seed_users(stdout=StringIO())
    output = StringIO()
    seed.run(stdout=output)
    first = counts()
    seed.run(stdout=StringIO())
    assert counts() == first

    assert public_listings().count() >= 40
    assert set(public_listings().values_list("placement_type", flat=True)) == {
        "prao",
        "apl",
        "lia",
        "praktik",
    }
    counties = set(
        public_listings().values_list("workplace__municipality__county__code", flat=True)
    )
    assert len(counties) >= 8
    assert companies_awaiting_approval().count() == 1
    choice_round = ChoiceRound.objects.get(status=ChoiceRound.Status.OPEN)
    assert choice_round.participants.filter(choices__isnull=False).distinct().count() >= 10

    # The printed demo code signs a pupil in.
    code = output.getvalue().split("elevkod för demo: ")[1].split()[0]
    assert client.post(reverse("internships:pupil_login"), {"code": code}).status_code == 302
