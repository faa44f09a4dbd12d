"""A visitor who chooses English with the footer switch gets the site's interface in English.

The switch is a link in the footer (a link rather than a form, so pages carry no CSRF token and
can be served from the page cache), and the choice lives in a cookie that SiteLanguageMiddleware
reads; the content itself (page titles, municipality names) stays Swedish. Django's
/i18n/setlang/ POST still works, with its CSRF token.
"""

import os
import re
import shutil
import subprocess
import sys
from contextlib import chdir
from html import unescape
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import translation

from syvsite.accounts.roles import Role
from tests.conftest import require_service
from tests.factories import make_member
from tests.forum.factories import CategoryFactory

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db

CATALOGUES = sorted(ROOT.glob("*/locale/en/LC_MESSAGES/django.po"))
APPS_WITH_ENGLISH = {
    "syvsite",
    "search",
    "facts",
    "forum",
    "guidance_plans",
    "internships",
    "methods",
    "omvarld",
    "rekas",
}

LINK_IN_SWITCH = re.compile(r'<p class="language-switch">\s*<a href="([^"]+)"', re.S)


@pytest.fixture(scope="module")
def compiled_english():
    """Build the English .mo files as `make messages` does (unchanged ones are skipped)."""
    require_service(shutil.which("msgfmt") is not None, "msgfmt (gettext) saknas")
    with chdir(ROOT):
        call_command(
            "compilemessages",
            locale=["en"],
            ignore_patterns=[".venv", "search/engine"],
            verbosity=0,
        )


@pytest.fixture
def visitor(compiled_english, settings):
    # Setting LOCALE_PATHS again makes Django drop catalogues loaded before the .mo files existed.
    settings.LOCALE_PATHS = list(settings.LOCALE_PATHS)
    return Client(enforce_csrf_checks=True)


def switch_language(client: Client, language: str, *, on: str) -> str:
    """Follow the footer language link on page `on`; return the HTML of the page it leads back to."""
    page = client.get(on).content.decode()
    link = unescape(LINK_IN_SWITCH.search(page).group(1))
    assert link.startswith(f"/sprak/{language}/")
    response = client.get(link)
    assert response.status_code == 302 and response["Location"] == on
    return client.get(on).content.decode()


def assert_english(html: str, *, shows: list[str], not_swedish: list[str]) -> None:
    assert '<html lang="en">' in html
    for text in shows:
        assert text in html, text
    for text in not_swedish:
        assert text not in html, text


def test_home_page_switches_to_english_and_back(visitor):
    swedish = visitor.get("/").content.decode()
    assert '<html lang="sv">' in swedish and "Hoppa till innehållet" in swedish

    english = switch_language(visitor, "en", on="/")
    assert_english(
        english,
        shows=[
            "Skip to content",
            'aria-label="Main menu"',
            "What are you looking for?",
            ">Log in<",
            ">Become a member<",
            ">Method bank<",
            ">Guidance plans<",
            "Accessibility statement",
        ],
        not_swedish=["Hoppa till innehållet", "Huvudmeny", "Vad letar du efter?", "Bli medlem"],
    )
    assert 'lang="sv" hreflang="sv" rel="nofollow">På svenska</a>' in english

    back = switch_language(visitor, "sv", on="/")
    assert '<html lang="sv">' in back
    assert "Hoppa till innehållet" in back and "Vad letar du efter?" in back
    assert "Skip to content" not in back and "What are you looking for?" not in back
    assert 'lang="en" hreflang="en" rel="nofollow">In English</a>' in back


def test_switch_without_csrf_token_is_refused(visitor):
    response = visitor.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 403
    assert '<html lang="sv">' in visitor.get("/").content.decode()


def test_login_page_and_its_error_in_english(visitor):
    html = switch_language(visitor, "en", on="/konto/logga-in/")
    assert_english(
        html,
        shows=["<h1>Log in</h1>", "Email address", "Password", "Forgotten your password?"],
        not_swedish=["Glömt lösenordet?", "E-postadress", "Lösenord", "Skicka ny aktiveringslänk"],
    )

    token = visitor.cookies["csrftoken"].value
    response = visitor.post(
        "/konto/logga-in/",
        {
            "username": "nobody@example.org",
            "password": "wrong-password-1",
            "csrfmiddlewaretoken": token,
        },
    )
    error = response.content.decode()
    assert response.status_code == 200
    assert "Incorrect email address or password." in error
    assert "Fel e-postadress eller lösenord" not in error


def test_forum_index_in_english(visitor):
    CategoryFactory(name="Gymnasievalet", slug="gymnasievalet")
    html = switch_language(visitor, "en", on="/forum/")
    assert_english(
        html,
        shows=[
            "A moderated meeting place where study and career counsellors share experiences",
            "Anyone can read the open categories.",
            "Forum categories",
            "Latest activity",
            "Gymnasievalet",  # content keeps its Swedish name
        ],
        not_swedish=["En modererad mötesplats", "Alla kan läsa", "Senaste aktivitet", "Trådar<"],
    )


def test_guidance_plan_overview_in_english(visitor):
    from guidance_plans.services.sections import ensure_plan_index

    ensure_plan_index()
    html = switch_language(visitor, "en", on="/vagledningsplaner/")
    assert_english(
        html,
        shows=[
            "Status in the whole country",
            "No plan",
            "Guidance plans by municipality (290 municipalities)",
            "Period of validity",
            "All counties",
            "Compare plans",
        ],
        not_swedish=[
            "Status i hela landet",
            "Plan saknas",
            "Giltighetstid",
            "Alla län",
            "Jämför planer",
        ],
    )


def test_fact_bank_in_english(visitor):
    html = switch_language(visitor, "en", on="/fakta/")
    assert_english(
        html,
        shows=[
            ">Facts<",  # the main menu
            "Suggest a source",
            "Search the fact bank",
            "0 sources",
            "Export the list as references:",
            "No sources match your choices.",
        ],
        not_swedish=["Föreslå ett underlag", "Sök i faktabanken", "Inga underlag matchar"],
    )


def test_sector_news_and_its_sources_in_english(visitor):
    html = switch_language(visitor, "en", on="/omvarld/")
    assert_english(
        html,
        shows=[
            ">Sector news<",  # the main menu
            "<h1>Sector news watch</h1>",
            "Sources and their status",
            "Search the sector news watch",
            "No entries match your choices.",
        ],
        not_swedish=["Omvärldsbevakning<", "Källor och deras status", "Inga poster matchar"],
    )
    sources = visitor.get("/omvarld/kallor/").content.decode()
    assert_english(
        sources,
        shows=["Sources in the sector news watch", "No feeds have been registered yet."],
        not_swedish=["Källor i omvärldsbevakningen", "Inga flöden är registrerade ännu."],
    )


def test_two_step_verification_page_in_english(visitor):
    visitor.force_login(make_member())
    html = switch_language(visitor, "en", on="/mina-sidor/tvastegsverifiering/")
    assert_english(
        html,
        shows=[
            "<h1>Two-step verification</h1>",
            "Off: you log in with your password only.",
            "Turn on two-step verification",
        ],
        not_swedish=["Tvåstegsverifiering", "Avstängd: du loggar in", "Slå på"],
    )


def test_access_log_for_pupil_data_in_english(visitor):
    visitor.force_login(make_member(role=Role.ADMIN))
    html = switch_language(visitor, "en", on="/personuppgifter/atkomstlogg/")
    assert_english(
        html,
        shows=[
            "<h1>Access log for pupil data</h1>",
            "User (email)",
            "All types",
            "0 entries",
            "No log entries match the search.",
        ],
        not_swedish=["Åtkomstlogg för elevuppgifter", "Alla typer", "Inga loggposter"],
    )


def test_retention_table_on_the_privacy_page_in_english(visitor):
    """The table lists rules from several apps (accounts, placements, forum): all in English."""
    from syvsite.home.blocks import RetentionRulesBlock

    with translation.override("en"):
        html = RetentionRulesBlock().render(None)
    for text in (
        "How long personal data is kept",
        "Failed logins",
        "after the last day of the placement period",
        "IP addresses in forum posts",
        "90 days after the post",
    ):
        assert text in html, text
    for text in ("Så länge sparas", "Misslyckade inloggningar", "efter inlägget"):
        assert text not in html, text


def catalogue_gaps(path: Path) -> tuple[list[str], list[str]]:
    """(untranslated, fuzzy) msgids; with only gettext installed, counts stand in for the msgids."""
    try:
        import polib
    except ImportError:
        return _gaps_from_msgfmt(path)
    catalogue = polib.pofile(str(path))
    return (
        [entry.msgid for entry in catalogue.untranslated_entries()],
        [entry.msgid for entry in catalogue.fuzzy_entries()],
    )


def _gaps_from_msgfmt(path: Path) -> tuple[list[str], list[str]]:
    require_service(shutil.which("msgfmt") is not None, "msgfmt (gettext) saknas")
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", os.devnull, str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr

    def count(kind: str) -> int:
        found = re.search(rf"(\d+) {kind}", result.stderr)
        return int(found.group(1)) if found else 0

    untranslated, fuzzy = count("untranslated"), count("fuzzy")
    return (
        [f"{untranslated} untranslated"] if untranslated else [],
        [f"{fuzzy} fuzzy"] if fuzzy else [],
    )


def test_every_app_with_a_user_interface_ships_english():
    assert {path.relative_to(ROOT).parts[0] for path in CATALOGUES} >= APPS_WITH_ENGLISH


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda path: path.relative_to(ROOT).parts[0])
def test_english_catalogue_is_complete(catalogue):
    untranslated, fuzzy = catalogue_gaps(catalogue)
    assert untranslated == [], f"Oöversatt i {catalogue.relative_to(ROOT)}: {untranslated[:10]}"
    assert fuzzy == [], (
        f"Osäkra (fuzzy) översättningar i {catalogue.relative_to(ROOT)}: {fuzzy[:10]}"
    )


@pytest.mark.parametrize("app", sorted({path.relative_to(ROOT).parts[0] for path in CATALOGUES}))
def test_english_catalogue_has_every_string_of_its_app(app, tmp_path):
    """`makemessages -l en` run afresh in a copy of the app finds no string its catalogue lacks.

    The completeness test above only reads the catalogue; a new Swedish string that nobody
    extracted is missing from it and shows in Swedish to English visitors all the same.
    """
    require_service(shutil.which("msgcmp") is not None, "msgcmp (gettext) saknas")
    copy = tmp_path / app
    # search/engine holds no strings but the running engine's data (files come and go while
    # the copy runs) and its jars.
    skip = shutil.ignore_patterns("locale", "__pycache__", "engine")
    shutil.copytree(ROOT / app, copy, ignore=skip)
    (copy / "locale").mkdir()
    # Without settings, as in the app directory by hand (docs/architecture.md): with settings,
    # makemessages would write to LOCALE_PATHS. -P: the app's selectors.py must not shadow the
    # standard library's module of that name.
    environment = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    subprocess.run(
        [sys.executable, "-P", "-m", "django", "makemessages", "-l", "en"],
        cwd=copy,
        env=environment,
        capture_output=True,
        check=True,
    )
    catalogue = f"{app}/locale/en/LC_MESSAGES/django.po"
    fresh = copy / catalogue.removeprefix(f"{app}/")
    result = subprocess.run(
        ["msgcmp", str(ROOT / catalogue), str(fresh)], capture_output=True, text=True, check=False
    )
    lines = fresh.read_text().splitlines()
    missing = [
        _msgid_before(lines, int(number) - 1)
        for number in re.findall(r":(\d+): this message is used but not defined", result.stderr)
    ]
    assert result.returncode == 0, (
        f"Saknas i {catalogue} (kör `django-admin makemessages -l en` i {app}/ och översätt): "
        f"{missing[:10] or result.stderr[-2000:]}"
    )


def _msgid_before(lines: list[str], index: int) -> str:
    """The msgid text of the entry whose msgstr is at lines[index] (msgcmp names that line)."""
    start = index
    while not lines[start].startswith("msgid "):
        start -= 1
    end = start + 1
    while lines[end].startswith('"'):
        end += 1
    return "".join(line.removeprefix("msgid ").strip('"') for line in lines[start:end])
