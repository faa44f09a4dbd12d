import pytest

from tests.browser_fixtures import login_in_browser
from tests.factories import DEFAULT_PASSWORD, UserFactory

# serialized_rollback restores the migrations' data (municipalities, roles, home page) after each test.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_keyboard_user_reaches_main_content_with_skip_link(live_server, browser_page):
    browser_page.goto(live_server.url + "/tillganglighet/")
    browser_page.keyboard.press("Tab")
    skip = browser_page.locator(".skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.is_visible()
    browser_page.keyboard.press("Enter")
    assert browser_page.url.endswith("#main")


def test_member_logs_in_and_sees_mina_sidor(live_server, browser_page):
    user = UserFactory(email="vera@skola.se", first_name="Vera")
    login_in_browser(browser_page, live_server, email=user.email, password=DEFAULT_PASSWORD)
    assert browser_page.locator("h1").inner_text() == "Mina sidor"
    assert "Hej Vera" in browser_page.content()
