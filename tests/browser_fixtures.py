"""Real-browser fixtures (pytest plugin): Debian's Chromium driven by Playwright.

Use with pytest-django's `live_server`:

    @pytest.mark.browser
    def test_something(live_server, browser_page):
        browser_page.goto(live_server.url + "/")
"""

import base64
import os
import re
import shutil
import time
from pathlib import Path

import pyotp
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


CODE_STEP = re.compile(r".*/konto/tvastegs/(ny-app/)?(\?.*)?$")
# Signed-in sessions of accounts with a second factor, per (site, e-mail), for this process.
_sessions: dict[tuple[str, str], list[dict]] = {}


def login_in_browser(page, live_server, *, email: str, password: str) -> None:
    """Sign in through the login form and, for accounts with a second factor, the code step
    with the code their authenticator app would show (see `totp_code`).

    A code is accepted once per 30-second step, and many tests sign in the same demo staff
    account: so a session that passed the code step is kept for this process and reused by the
    next sign-in as that account (a fresh sign-in when the session has ended)."""
    site = live_server.url
    saved = _sessions.get((site, email))
    if saved:
        page.context.add_cookies(saved)
        page.goto(f"{site}/mina-sidor/")
        if page.url == f"{site}/mina-sidor/":
            return
        page.context.clear_cookies()
    page.goto(f"{site}/konto/logga-in/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", password)
    page.click("form.form button[type=submit]")
    page.wait_for_url(re.compile(rf"^{re.escape(site)}/(mina-sidor/|konto/tvastegs/.*)$"))
    if CODE_STEP.match(page.url):
        pass_code_step(page, site, email=email)
        _sessions[(site, email)] = [
            cookie for cookie in page.context.cookies() if cookie["name"] == "sessionid"
        ]
    page.wait_for_url(f"{site}/mina-sidor/")


def pass_code_step(page, site: str, *, email: str) -> None:
    """Enter the app's code (setting up an app first if the account has none yet). A code
    already used in this 30-second step (another test, another worker) is refused: then the
    next step's code is waited for, never a fixed sleep."""
    if "/ny-app/" in page.url:
        key = page.locator("code.secret").inner_text().replace(" ", "")
        page.fill("input[name=code]", pyotp.TOTP(key).now())
        page.click("main form.form button[type=submit]")
        page.get_by_role("link", name="Jag har sparat koderna").click()
        return
    for _attempt in range(3):
        step = int(time.time() // 30)
        page.fill("input[name=code]", totp_code(email))
        page.click("main form.form button[type=submit]")
        page.wait_for_load_state("load")
        if not CODE_STEP.match(page.url):
            return
        while int(time.time() // 30) == step:
            page.wait_for_timeout(200)
    raise AssertionError(f"Koden för {email} godtogs inte")


_known_keys: dict[str, str] = {}


def register_totp_key(email: str, key: str) -> None:
    """The app key (hex) of an account a test made on the demo site, for `totp_code`."""
    _known_keys[email] = key


def totp_code(email: str) -> str:
    """The current code of the account's app: its key from the demo accounts
    (syvsite/core/data/demo/accounts.yaml), from `register_totp_key`, or, for an account of
    the test's own database (live_server), from that database."""
    from syvsite.core.seed import demo_data

    keys = {u["email"]: u.get("totp_key") for u in demo_data("syvsite.core", "accounts")["users"]}
    key = keys.get(email) or _known_keys.get(email)
    if key is None:
        from django_otp.plugins.otp_totp.models import TOTPDevice

        key = TOTPDevice.objects.filter(user__email=email, confirmed=True).get().key
    return pyotp.TOTP(base64.b32encode(bytes.fromhex(key)).decode()).now()
