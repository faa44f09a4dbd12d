"""Anonymous pages from the page cache: every change shows at the next request, and nothing
personal is ever shared (syvsite/core/pagecache/).

Changes are made as the product makes them (publishing a revision, a service, an import) inside
`django_capture_on_commit_callbacks(execute=True)`, which runs what happens after the commit.
"""

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils.http import http_date
from wagtail.models import PageViewRestriction

from internships.services.bookings import request_booking
from methods.models import MethodIndexPage, Theme
from rekas.importers import import_admissions
from syvsite.home.models import HomePage
from tests.factories import DEFAULT_PASSWORD, make_member
from tests.facts.factories import make_fact
from tests.internships.factories import PeriodFactory, SchoolFactory, school_staff
from tests.methods.factories import make_method
from tests.rekas.conftest import csv_file

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """`with commit():` runs the block's after-commit work, as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def visit(path: str, **headers):
    return Client().get(path, headers=headers)


def test_second_anonymous_visit_is_served_from_cache(commit):
    with commit():
        page = make_method(title="Framtidsbrevet")
    first, second = visit(page.url), visit(page.url)
    assert first["X-Cache"] == "MISS" and second["X-Cache"] == "HIT"
    assert first.content == second.content and "Framtidsbrevet" in second.content.decode()
    assert "csrfmiddlewaretoken" not in second.content.decode()
    assert "Set-Cookie" not in second and "Cookie" in second["Vary"]


def test_conditional_requests_get_304(commit):
    with commit():
        page = make_method(title="Framtidsbrevet")
    first = visit(page.url)
    assert visit(page.url, if_none_match=first["ETag"]).status_code == 304
    later = http_date()
    assert visit(page.url, if_modified_since=later).status_code == 304
    assert visit(page.url, if_none_match='"annan"').status_code == 200


def test_publishing_a_change_shows_at_next_request(commit):
    with commit():
        page = make_method(title="Framtidsbrevet")
    visit(page.url)
    visit("/metoder/")
    page.title = "Brevet till framtiden"
    with commit():
        page.save_revision().publish()
    assert "Brevet till framtiden" in visit(page.url).content.decode()
    assert "Brevet till framtiden" in visit("/metoder/").content.decode()


def test_unpublishing_and_moving_show_at_next_request(commit):
    with commit():
        gone = make_method(title="Framtidsbrevet")
        moved = make_method(title="Yrkeslotteriet")
    old_address = moved.url
    assert visit(gone.url).status_code == 200 and visit(old_address).status_code == 200
    with commit():
        gone.unpublish()
    assert visit(gone.url).status_code == 404
    with commit():
        moved.move(HomePage.objects.get(), pos="last-child")
    moved.refresh_from_db()
    old = visit(old_address)  # Wagtail leaves a redirect to the new address
    assert old.status_code == 301 and old["Location"] == moved.url
    assert "Yrkeslotteriet" in visit(moved.url).content.decode()


def test_vocabulary_change_shows_at_next_request(commit):
    with commit():
        make_method(title="Framtidsbrevet", themes=("arbetsmarknadskunskap",))
    assert "Arbetsmarknadskunskap" in visit("/metoder/").content.decode()
    with commit():
        theme = Theme.objects.get(slug="arbetsmarknadskunskap")
        theme.name = "Kunskap om arbetslivet"
        theme.save()
    assert "Kunskap om arbetslivet" in visit("/metoder/").content.decode()


def test_rating_shows_at_next_request(commit):
    with commit():
        page = make_method(title="Framtidsbrevet")
    assert "Inga betyg ännu" in visit(page.url).content.decode()
    member = Client()
    member.force_login(make_member())
    with commit():
        assert member.post(f"{page.url}betyg/", {"score": "4"}).status_code == 302
    assert "4,0 av 5 (1 betyg)" in visit(page.url).content.decode()


def test_rekas_import_shows_at_next_request(commit, tmp_path):
    assert "Hvitfeldtska gymnasiet" not in visit("/rekas/kommun/1480/").content.decode()
    assert visit("/rekas/kommun/1480/")["X-Cache"] == "HIT"
    line = "2025;slutlig;1480;Hvitfeldtska gymnasiet;;VO;;30;42;30;12;212,5;245,0"
    with commit():
        path = csv_file(tmp_path, line)
        assert import_admissions(source=path, file_name=path.name).committed
    assert "Hvitfeldtska gymnasiet" in visit("/rekas/kommun/1480/").content.decode()


def test_publishing_a_statistics_source_shows_on_rekas_at_next_request(commit):
    """REKAS pages list the facts bank's statistics sources ("Källor och licens")."""
    title = "Arbetskraftsundersökningarna (AKU)"
    assert title not in visit("/rekas/").content.decode()
    assert visit("/rekas/")["X-Cache"] == "HIT"
    with commit():
        source = make_fact(title=title, kind="statistikkalla", source_for_rekas=True)
    link = f'href="{source.url}"'
    assert link in visit("/rekas/").content.decode()
    with commit():
        source.unpublish()
    assert link not in visit("/rekas/").content.decode()


def test_booking_that_fills_a_period_shows_at_next_request(commit):
    with commit():
        period = PeriodFactory(places=2)
        school = SchoolFactory()
        staff = school_staff(school)
    address = f"/praktik/{period.listing_id}/"
    assert "2 av 2" in visit(address).content.decode()
    assert period.listing.title in visit("/praktik/").content.decode()
    with commit():
        request_booking(
            period_id=period.pk, school=school, requested_by=staff, pupil_names=["Ada", "Bo"]
        )
    assert "Fullbokad" in visit(address).content.decode()


def test_members_pages_are_never_cached_nor_shared(commit):
    with commit():
        page = make_method(title="Framtidsbrevet")
    visit(page.url)  # an anonymous copy is in the cache
    member = Client()
    member.force_login(make_member(email="vagledare@example.se"))
    html = member.get(page.url).content.decode()
    assert "Logga ut" in html and "Betygsätt metoden" in html  # not the anonymous copy
    assert "X-Cache" not in member.get(page.url)
    anonymous = visit(page.url).content.decode()
    assert "Logga ut" not in anonymous and "Betygsätt metoden" not in anonymous


def test_forms_are_never_cached():
    """The login form carries a CSRF token: every visitor gets their own."""
    first, second = visit("/konto/logga-in/"), visit("/konto/logga-in/")
    assert "X-Cache" not in first and "X-Cache" not in second
    assert "csrfmiddlewaretoken" in second.content.decode()
    assert "csrftoken" in second.cookies


def test_messages_are_never_cached_nor_shared():
    """A member who deletes their account lands on the home page with a message, which only
    they see; the home page others get from the cache never shows it."""
    visit("/")  # an anonymous copy is in the cache
    leaving = Client()
    leaving.force_login(make_member())
    response = leaving.post(
        "/mina-sidor/radera-konto/", {"password": DEFAULT_PASSWORD, "confirm": "on"}, follow=True
    )
    message = "Ditt konto och dina personuppgifter är raderade."
    assert message in response.content.decode()
    assert "X-Cache" not in response
    other = visit("/")
    assert other["X-Cache"] == "HIT" and message not in other.content.decode()


def test_home_page_follows_every_domain(commit):
    assert MethodIndexPage.objects.exists()
    visit("/")
    with commit():
        make_method(title="Framtidsbrevet")
    assert "Framtidsbrevet" in visit("/").content.decode()


def test_a_statistics_source_shows_on_rekas_pages_at_next_request(commit):
    """The sources box is kept in the cache for members' pages too: a published, unpublished
    or restricted source shows (or goes) at the next request, signed in or not."""
    member = Client()
    member.force_login(make_member())
    for client in (Client(), member):
        assert "Arbetsmarknadsutsikterna" not in client.get("/rekas/kommun/1480/").content.decode()
    with commit():
        fact = make_fact(
            title="Arbetsmarknadsutsikterna", kind="statistikkalla", publisher="Arbetsförmedlingen",
            source_for_rekas=True,
        )  # fmt: skip
    for client in (Client(), member):
        assert "Arbetsmarknadsutsikterna" in client.get("/rekas/kommun/1480/").content.decode()
    with commit():
        PageViewRestriction.objects.create(page=fact, restriction_type="login")
    for client in (Client(), member):
        assert "Arbetsmarknadsutsikterna" not in client.get("/rekas/kommun/1480/").content.decode()
