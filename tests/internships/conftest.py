import pytest

from .factories import (
    CompanyFactory,
    ListingFactory,
    PeriodFactory,
    SchoolFactory,
    company_rep,
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
