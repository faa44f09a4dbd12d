"""Real-browser fixtures (pytest plugin): Debian's Chromium driven by Playwright.

Use with pytest-django's `live_server`:

    @pytest.mark.browser
    def test_something(live_server, browser_page):
        browser_page.goto(live_server.url + "/")
"""

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import require_service

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Without these flags Chromium keeps trying to reach Google's services, which this
# network refuses; see the machine notes.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def chromium():
    require_service(
        Path(CHROMIUM).exists() or shutil.which("chromium") is not None,
        f"Testet kräver Chromium ({CHROMIUM}); installera paketet chromium",
    )
    # Playwright's sync API runs an event loop in this thread; Django's ORM refuses to run
    # next to one unless told that the test knows what it is doing.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Playwright also runs the rest of the session in a new context (greenlet), where Django's
    # context-local connections are new objects without the test database's serialized
    # contents: every later serialized_rollback test would start on an empty database. Keep
    # this thread's connection objects.
    ours = {alias: connections[alias] for alias in connections}
    with sync_playwright() as playwright:
        for alias, connection in ours.items():
            connections[alias] = connection
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser_context(chromium):
    context = chromium.new_context(locale="sv-SE", viewport={"width": 1280, "height": 900})
    yield context
    context.close()


@pytest.fixture
def browser_page(browser_context):
    page = browser_context.new_page()
    page.set_default_timeout(15_000)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.dialogs = dialogs  # an XSS that runs alert() shows up here
    yield page
    page.close()


def login_in_browser(page, live_server, *, email: str, password: str) -> None:
    page.goto(f"{live_server.url}/konto/logga-in/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", password)
    page.click("form.form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/mina-sidor/")
