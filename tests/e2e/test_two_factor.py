"""Staff sign in with two factors in a real browser: the password, then the code their
authenticator app shows (computed here from the demo account's key), on the site's login and
on the Wagtail admin's own login. The code step is accessible (axe)."""

import re

import pytest

from tests.browser_fixtures import pass_code_step
from tests.e2e import a11y_support as a11y
from tests.e2e.conftest import DEMO_PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.browser]


def test_moderator_gives_the_code_before_reaching_anything(chromium, demo_site):
    context = a11y.new_context(chromium)
    try:
        page = a11y.open_page(context)
        page.goto(f"{demo_site.url}/konto/logga-in/")
        page.fill("input[name=username]", "moderator@syv-demo.se")
        page.fill("input[name=password]", DEMO_PASSWORD)
        page.click("main form.form button[type=submit]")
        page.wait_for_url(re.compile(r".*/konto/tvastegs/\?next="))
        assert page.get_by_role("heading", level=1).inner_text() == "Tvåstegsverifiering"
        assert a11y.run_axe(page) == [], a11y.describe(a11y.run_axe(page))
        # Half signed in: the moderation queue sends the browser back to the code step.
        page.goto(f"{demo_site.url}/forum/moderering/")
        assert "/konto/tvastegs/" in page.url
        pass_code_step(page, demo_site.url, email="moderator@syv-demo.se")
        page.wait_for_url(f"{demo_site.url}/forum/moderering/")
    finally:
        context.close()


def test_admin_login_page_asks_for_the_code_too(chromium, demo_site):
    context = a11y.new_context(chromium)
    try:
        page = a11y.open_page(context)
        page.goto(f"{demo_site.url}/admin/login/")
        page.fill("input[name=username]", "redaktor.malmo@syv-demo.se")
        page.fill("input[name=password]", DEMO_PASSWORD)
        page.locator("form button[type=submit]").first.click()
        page.wait_for_url(re.compile(r".*/konto/tvastegs/\?next=%2Fadmin%2F"))
        pass_code_step(page, demo_site.url, email="redaktor.malmo@syv-demo.se")
        page.wait_for_url(f"{demo_site.url}/admin/")
        assert page.locator("#wagtail").count() or page.locator("main").count()
    finally:
        context.close()
