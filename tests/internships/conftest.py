import pytest

from internships.models import ListingProgramme
from tests.factories import municipality

from .factories import (
    CompanyFactory,
    ListingFactory,
    PeriodFactory,
    SchoolFactory,
    WorkplaceFactory,
    company_rep,
    in_days,
    school_staff,
)


@pytest.fixture
def company(db):
    return CompanyFactory()


@pytest.fixture
def school(db):
    return SchoolFactory()


@pytest.fixture
def rep(company):
    return company_rep(company)


@pytest.fixture
def staff(school):
    return school_staff(school)


@pytest.fixture
def listing(company):
    return ListingFactory(company=company)


@pytest.fixture
def period(listing):
    return PeriodFactory(listing=listing, places=3)


@pytest.fixture
def places(company):
    """Göteborg (PRAO, VO), Borås (APL, BA, ~60 km), Stockholm (LIA), each with one period."""

    def make(title, code, city, placement_type, programme, start):
        workplace = WorkplaceFactory(company=company, municipality=municipality(code), city=city)
        listing = ListingFactory(
            company=company, workplace=workplace, title=title, placement_type=placement_type
        )
        ListingProgramme.objects.create(listing=listing, code=programme)
        PeriodFactory(listing=listing, start_date=in_days(start), end_date=in_days(start + 4))
        return listing

    return {
        "goteborg": make("Vårdpraktik Göteborg", "1480", "Göteborg", "prao", "VO", 20),
        "boras": make("Byggpraktik Borås", "1490", "Borås", "apl", "BA", 60),
        "stockholm": make("LIA Stockholm", "0180", "Stockholm", "lia", "TE", 100),
    }
