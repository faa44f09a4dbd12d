"""axe-core in Chromium on every page template of the demo site: zero WCAG 2.1 A/AA violations.

Each case is one page as a user meets it (role, address, state: e.g. a form after a failed
submit, the print view of a method). axe-core 4.14.1 is injected from tests/e2e/vendor (never a
CDN). The site's CSP allows `script-src 'self'` only, so the browser contexts are opened with
Playwright's `bypass_csp=True` (see a11y_support.py): the site's own CSP header and scripts are
untouched, only the injected axe-core is allowed to run. The rule set is axe's tags wcag2a,
wcag2aa, wcag21a and wcag21aa. One browser context per role, signed in once, reused by its pages.

Addresses with database ids (a listing, a thread, a company's pages) are found the way a user
finds them: by following the first matching link on a page that lists them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

import pytest

from tests.e2e import a11y_support as a11y

pytestmark = [pytest.mark.e2e, pytest.mark.browser]


@dataclass(frozen=True)
class Case:
    role: str
    name: str
    path: str
    # Follow, in turn, the first link whose href matches each regex (from `path` onwards).
    link: str | tuple[str, ...] = ()
    status: int = 200
    action: Callable | None = None  # puts the page in the state to check
    print_media: bool = False
    width: int = 1280  # viewport width in CSS pixels

    @property
    def id(self) -> str:
        return f"{self.role}:{self.name}"


def submit_empty(page) -> None:
    """Submit the page's main form as it is, to check the error summary and field errors."""
    with page.expect_navigation():
        page.locator("main form.form button[type=submit]").first.click()
    assert page.locator(".error-summary, .field__errors").count() > 0, "inga felmeddelanden"


def compare_first_two(page) -> None:
    """Choose the first two alternatives in a comparison form (selects a and b) and submit."""
    for name, index in (("a", 1), ("b", 2)):
        page.select_option(f"main select[name={name}]", index=index)
    with page.expect_navigation():
        page.locator("main select[name=b]").evaluate("el => el.form.requestSubmit()")
    assert "b=" in page.url, "jämförelsen skickades inte"


def show_occupation_on_map(page) -> None:
    """On /rekas/: colour the counties by Arbetsförmedlingen's assessment of an occupation."""
    page.select_option("main select[name=karta]", "yrke")
    page.select_option("main select[name=yrke]", index=1)
    with page.expect_navigation():
        page.get_by_role("button", name="Visa på kartan").click()
    assert "karta=yrke" in page.url, "kartans val skickades inte"


def submit_empty_reply(page) -> None:
    with page.expect_navigation():
        page.locator("main form[action*='/svara/'] button[type=submit]").click()
    assert page.locator(".error-summary, .field__errors").count() > 0, "inga felmeddelanden"


def open_suggestions(page) -> None:
    """Type in the header search so the autocomplete list (an ARIA combobox) is open."""
    page.locator("#header-search-input").press_sequentially("gymn", delay=50)
    page.wait_for_selector("#header-search-input-suggestions li[role=option]")
    page.keyboard.press("ArrowDown")


def submit_without_csrf_cookie(page) -> None:
    """A form sent after the cookies were cleared: the CSRF check refuses it with its own page."""
    page.context.clear_cookies()
    page.fill("input[name=username]", "vagledare@syv-demo.se")
    with page.expect_response(lambda response: response.request.method == "POST") as refused:
        page.locator("main form.form button[type=submit]").click()
    assert refused.value.status == 403
    page.wait_for_load_state("load")
    assert page.get_by_role("heading", level=1).inner_text() == "Formuläret kunde inte skickas"


def bad_login(page) -> None:
    page.fill("input[name=username]", "vagledare@syv-demo.se")
    page.fill("input[name=password]", "fel-losenord")
    submit_empty(page)


CASES = [
    # Information pages and accounts
    Case("anonym", "startsida", "/"),
    Case("anonym", "startsida-sokforslag", "/", action=open_suggestions),
    Case("anonym", "standardsida", "/om/"),
    Case("anonym", "tillganglighetsredogorelse", "/tillganglighet/"),
    Case("anonym", "logga-in", "/konto/logga-in/"),
    Case("anonym", "logga-in-fel", "/konto/logga-in/", action=bad_login),
    Case("anonym", "registrera", "/konto/registrera/"),
    Case("anonym", "registrera-fel", "/konto/registrera/", action=submit_empty),
    Case("anonym", "registrera-klart", "/konto/registrera/klart/"),
    Case("anonym", "aktiveringslank-igen", "/konto/verifiera-igen/"),
    Case("anonym", "aktiveringslank-ogiltig", "/konto/verifiera/ogiltig/", status=400),
    Case("anonym", "losenord-aterstall", "/konto/losenord/aterstall/"),
    Case("anonym", "losenord-skickat", "/konto/losenord/aterstall/skickat/"),
    Case("anonym", "losenord-ogiltig-lank", "/konto/losenord/aterstall/MQ/ogiltig-lank/"),
    Case("anonym", "losenord-klart", "/konto/losenord/aterstall/klart/"),
    Case("anonym", "sidan-finns-inte", "/finns-inte-alls/", status=404),
    Case("anonym", "formular-avvisat-csrf", "/konto/logga-in/", action=submit_without_csrf_cookie),
    # Method bank
    Case("anonym", "metoder", "/metoder/"),
    Case("anonym", "metoder-filtrerade", "/metoder/?malgrupp=gymnasieskola&format=grupp"),
    Case("anonym", "metoder-fritext", "/metoder/?q=gymnasieval"),
    Case("anonym", "metod", "/metoder/", link=r"^/metoder/(?!bidra/)[\w-]+/$"),
    Case(
        "anonym",
        "metod-utskrift",
        "/metoder/",
        link=r"^/metoder/(?!bidra/)[\w-]+/$",
        print_media=True,
    ),
    Case("vagledare", "metod-inloggad", "/metoder/", link=r"^/metoder/(?!bidra/)[\w-]+/$"),
    Case("vagledare", "metod-bidra", "/metoder/bidra/"),
    Case("vagledare", "metod-bidra-fel", "/metoder/bidra/", action=submit_empty),
    Case("vagledare", "kommentarer-ingen-behorighet", "/metoder/kommentarer/granska/", status=403),
    Case("moderator", "kommentarer-granska", "/metoder/kommentarer/granska/"),
    # Facts bank and omvärldsbevakning
    Case("anonym", "fakta", "/fakta/"),
    Case("anonym", "fakta-filtrerade", "/fakta/?typ=lag&tema=beslut-och-planering"),
    Case("anonym", "faktauppgift", "/fakta/", link=r"^/fakta/(?!foresla/|granska/)[\w-]+/$"),
    Case("vagledare", "fakta-foresla", "/fakta/foresla/"),
    Case("vagledare", "fakta-foresla-fel", "/fakta/foresla/", action=submit_empty),
    Case("moderator", "fakta-granska", "/fakta/granska/"),
    Case("anonym", "omvarld", "/omvarld/"),
    Case("anonym", "omvarld-kallor", "/omvarld/kallor/"),
    # Search
    Case("anonym", "sok-traffar", "/sok/?q=undersk%C3%B6terska"),
    Case("anonym", "sok-filtrerad", "/sok/?q=yrke&typ=prao"),
    Case("anonym", "sok-inga-traffar", "/sok/?q=qwxzvbnm"),
    Case("anonym", "sok-tom", "/sok/"),
    # Forum
    Case("anonym", "forum", "/forum/"),
    Case("anonym", "forum-kategori", "/forum/gymnasievalet/"),
    Case("anonym", "forum-trad", "/forum/gymnasievalet/", link=r"^/forum/trad/\d+/[\w-]+/$"),
    Case(
        "vagledare", "forum-trad-medlem", "/forum/gymnasievalet/", link=r"^/forum/trad/\d+/[\w-]+/$"
    ),
    Case(
        "vagledare",
        "forum-svar-fel",
        "/forum/gymnasievalet/",
        link=r"^/forum/trad/\d+/[\w-]+/$",
        action=submit_empty_reply,
    ),
    Case("vagledare", "forum-ny-trad", "/forum/gymnasievalet/ny-trad/"),
    Case("vagledare", "forum-ny-trad-fel", "/forum/gymnasievalet/ny-trad/", action=submit_empty),
    Case("vagledare", "forum-mitt-forum", "/forum/mitt-forum/"),
    Case("vagledare", "forum-moderering-ingen-behorighet", "/forum/moderering/", status=403),
    Case("moderator", "forum-moderering", "/forum/moderering/"),
    Case("moderator", "forum-moderering-logg", "/forum/moderering/logg/"),
    Case(
        "moderator",
        "forum-moderering-anvandare",
        "/forum/moderering/",
        link=r"^/forum/moderering/anvandare/\d+/$",
    ),
    Case(
        "vagledare",
        "forum-anmal-inlagg",
        "/forum/gymnasievalet/",
        link=(r"^/forum/trad/\d+/[\w-]+/$", r"/anmal/$"),
    ),
    # Guidance plans and news
    Case("anonym", "vagledningsplaner", "/vagledningsplaner/"),
    Case(
        "anonym",
        "vagledningsplan",
        "/vagledningsplaner/",
        link=r"^/vagledningsplaner/goteborg/[\w-]+/$",
    ),
    Case(
        "anonym",
        "vagledningsplan-andringar",
        "/vagledningsplaner/",
        link=(r"^/vagledningsplaner/goteborg/[\w-]+/$", r"/andringar/"),
    ),
    Case("anonym", "vagledningsplan-kommun", "/vagledningsplaner/goteborg/"),
    Case("anonym", "vagledningsplaner-lan", "/vagledningsplaner/?lan=14"),
    Case("anonym", "modellplan", "/vagledningsplaner/modellplan/"),
    Case("anonym", "vagledningsplaner-jamfor", "/vagledningsplaner/jamfor/"),
    Case(
        "anonym",
        "vagledningsplaner-jamforda",
        "/vagledningsplaner/jamfor/",
        action=compare_first_two,
    ),
    Case("anonym", "aktivitetsbank", "/vagledningsplaner/aktiviteter/"),
    Case("anonym", "samverkan", "/vagledningsplaner/samverkan/"),
    Case("anonym", "nyheter", "/nyheter/"),
    Case("anonym", "nyhet", "/nyheter/", link=r"^/nyheter/(?!rss/|atom/)[\w-]+/$"),
    # REKAS
    Case("anonym", "rekas", "/rekas/"),
    Case("anonym", "rekas-karta-yrke", "/rekas/", action=show_occupation_on_map),
    Case("anonym", "rekas-karta-fel", "/rekas/?karta=yrke"),
    Case("anonym", "rekas-lan", "/rekas/lan/14/"),
    Case("anonym", "rekas-kommun", "/rekas/kommun/1480/"),
    Case("anonym", "rekas-program", "/rekas/program/NA/"),
    Case("anonym", "rekas-yrke", "/rekas/program/VO/", link=r"^/rekas/yrke/\d+/$"),
    Case("anonym", "rekas-jamfor", "/rekas/jamfor/"),
    Case("anonym", "rekas-jamforda", "/rekas/jamfor/", action=compare_first_two),
    Case("anonym", "rekas-hogskola", "/rekas/hogskola/?q=arkitekt"),
    Case("anonym", "rekas-hogskoleprogram", "/rekas/hogskola/UMU-P1592/"),
    Case("anonym", "rekas-yh", "/rekas/yh/"),
    Case("anonym", "rekas-yh-omrade", "/rekas/yh/?omrade=datait"),
    # Placement board: public, school staff, company, coordinator, pupil
    Case("anonym", "praktik", "/praktik/"),
    Case("anonym", "praktik-filtrerad", "/praktik/?typ=prao&lan=14"),
    Case("anonym", "praktikannons", "/praktik/", link=r"^/praktik/\d+/$"),
    Case("anonym", "elev-logga-in", "/praktik/elev/logga-in/"),
    Case("anonym", "elev-logga-in-fel", "/praktik/elev/logga-in/", action=submit_empty),
    Case("vagledare", "praktikannons-skolpersonal", "/praktik/", link=r"^/praktik/\d+/$"),
    Case("vagledare", "praktik-boka", "/praktik/", link=(r"^/praktik/\d+/$", r"/boka/\d+/$")),
    Case("vagledare", "skola", "/praktik/skola/"),
    Case(
        "vagledare", "skola-bokning", "/praktik/skola/", link=r"/praktik/skola/\d+/bokningar/\d+/$"
    ),
    Case(
        "samordnare", "valomgang", "/praktik/skola/", link=r"/praktik/skola/\d+/valomgangar/\d+/$"
    ),
    Case(
        "samordnare", "valomgang-ny", "/praktik/skola/", link=r"/praktik/skola/\d+/valomgangar/ny/$"
    ),
    Case(
        "samordnare",
        "valomgang-ny-fel",
        "/praktik/skola/",
        link=r"/valomgangar/ny/$",
        action=submit_empty,
    ),
    Case("samordnare", "samordning", "/praktik/samordning/"),
    Case(
        "samordnare",
        "samordning-foretag",
        "/praktik/samordning/",
        link=r"^/praktik/samordning/foretag/\d+/$",
    ),
    Case(
        "samordnare",
        "samordning-annons",
        "/praktik/samordning/",
        link=r"^/praktik/samordning/annonser/\d+/$",
    ),
    Case("foretag", "foretag", "/praktik/foretag/"),
    Case("foretag", "foretag-profil", "/praktik/foretag/", link=r"/praktik/foretag/\d+/profil/$"),
    Case("foretag", "foretag-arbetsplats", "/praktik/foretag/", link=r"/arbetsplatser/\d+/$"),
    Case("foretag", "foretag-arbetsplats-ny", "/praktik/foretag/", link=r"/arbetsplatser/ny/$"),
    Case("foretag", "foretag-annons", "/praktik/foretag/", link=r"/annonser/\d+/$"),
    Case("foretag", "foretag-annons-ny", "/praktik/foretag/", link=r"/annonser/ny/$"),
    Case(
        "foretag",
        "foretag-annons-ny-fel",
        "/praktik/foretag/",
        link=r"/annonser/ny/$",
        action=submit_empty,
    ),
    Case(
        "foretag",
        "foretag-bokningar",
        "/praktik/foretag/",
        link=r"/praktik/foretag/\d+/bokningar/$",
    ),
    Case("foretag", "foretag-bokning", "/praktik/foretag/", link=r"/bokningar/\d+/$"),
    Case("elev", "elev-val", "/praktik/elev/"),
    # Mina sidor for each role
    *(
        Case(role, "mina-sidor", "/mina-sidor/")
        for role in ("vagledare", "redaktor", "samordnare", "moderator", "foretag", "admin")
    ),
    Case("vagledare", "mina-uppgifter", "/mina-sidor/uppgifter/"),
    Case("vagledare", "byt-losenord", "/konto/losenord/byt/"),
    Case("vagledare", "byt-losenord-fel", "/konto/losenord/byt/", action=submit_empty),
    Case("vagledare", "radera-konto", "/mina-sidor/radera-konto/"),
    # Two-factor sign-in (optional for the company) and the audit log (administrators)
    Case("foretag", "tvastegsverifiering", "/mina-sidor/tvastegsverifiering/"),
    Case("foretag", "tvastegs-ny-app", "/konto/tvastegs/ny-app/"),
    Case("foretag", "tvastegs-ny-app-fel", "/konto/tvastegs/ny-app/", action=submit_empty),
    Case("admin", "atkomstlogg", "/personuppgifter/atkomstlogg/"),
    Case("admin", "atkomstlogg-fel", "/personuppgifter/atkomstlogg/?date_from=igar", status=400),
    Case("anonym", "integritet", "/integritet/"),
]


# The same pages on a phone (375 px): wide tables scroll sideways there, menus wrap.
MOBILE = {
    "anonym": [
        "startsida",
        "metoder",
        "metod",
        "fakta",
        "faktauppgift",
        "omvarld",
        "sok-traffar",
        "forum-kategori",
        "forum-trad",
        "vagledningsplaner",
        "vagledningsplaner-lan",
        "vagledningsplan",
        "rekas",
        "rekas-karta-yrke",
        "rekas-lan",
        "rekas-kommun",
        "rekas-program",
        "rekas-yrke",
        "rekas-jamforda",
        "rekas-hogskoleprogram",
        "rekas-yh",
        "praktik",
        "praktik-filtrerad",
        "praktikannons",
    ],
    "vagledare": ["mina-sidor", "skola"],
    "samordnare": ["valomgang"],
    "moderator": ["forum-moderering-logg"],
    "foretag": ["foretag-bokningar"],
}
CASES += [
    replace(case, name=f"{case.name}-mobil", width=375)
    for case in list(CASES)
    if case.name in MOBILE.get(case.role, ())
]


@pytest.fixture(scope="module")
def role_pages(chromium, demo_site):
    """One signed-in browser page per role, created on first use and kept for the module."""
    contexts, pages = [], {}

    def page_for(role: str):
        if role not in pages:
            context = a11y.new_context(chromium)
            contexts.append(context)
            pages[role] = a11y.open_page(context)
            a11y.sign_in(pages[role], demo_site, role)
        return pages[role]

    yield page_for
    for context in contexts:
        context.close()


def _links(page, pattern: str) -> list[str]:
    hrefs = page.eval_on_selector_all("main a[href]", "els => els.map(e => e.getAttribute('href'))")
    return list(dict.fromkeys(href for href in hrefs if re.search(pattern, href)))


def open_case(page, site: str, case: Case):
    """Open the case's page: its path, then a link matching each of `case.link` in turn. Other
    tests change the shared site (a listing's last free period gets booked), so when a link
    leads to a page without the next one, the next matching link is tried (up to ten)."""
    response = page.goto(site + case.path)
    patterns = (case.link,) if isinstance(case.link, str) else case.link or ()
    return _follow(page, site, list(patterns), response)


def _follow(page, site: str, patterns: list[str], response):
    if not patterns:
        return response
    here, candidates = page.url, _links(page, patterns[0])
    assert candidates, f"ingen länk som matchar {patterns[0]} på {page.url}"
    for href in candidates[:10]:
        found = page.goto(site + href)
        if len(patterns) == 1 or _links(page, patterns[1]):
            return _follow(page, site, patterns[1:], found)
        page.goto(here)
    raise AssertionError(f"ingen av länkarna {candidates[:10]} på {here} leder till {patterns[1]}")


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_page_has_no_wcag_violations(case, role_pages, demo_site):
    page = role_pages(case.role)
    page.set_viewport_size({"width": case.width, "height": 900})
    response = open_case(page, demo_site.url, case)
    assert response.status == case.status, f"{page.url} svarade {response.status}"
    # WCAG 2.4.2: every page has its own title, ending with the portal's name.
    assert page.title().endswith(" – SYV-portalen"), page.title()
    if case.action:
        case.action(page)
    if case.print_media:
        page.emulate_media(media="print")
    try:
        violations = a11y.run_axe(page)
    finally:
        page.emulate_media(media="screen")
        page.set_viewport_size({"width": 1280, "height": 900})
    assert not violations, f"{page.url}\n{a11y.describe(violations)}"


def test_axe_is_alive_despite_the_csp(role_pages, demo_site):
    """The injected axe-core really runs on the site's pages and reports what it should: a
    control without a name, added to a real page, is a violation (button-name)."""
    page = role_pages("anonym")
    page.goto(demo_site.url + "/om/")
    assert not a11y.run_axe(page)
    page.evaluate("() => document.querySelector('main').append(document.createElement('button'))")
    assert "button-name" in {violation["id"] for violation in a11y.run_axe(page)}
    assert page.evaluate("() => axe.version") == a11y.AXE_VERSION


# The next test rewrites the statement page this one reads: never at the same time.
@pytest.mark.xdist_group("statement")
def test_statement_reports_what_these_tests_check(demo_site):
    """The published accessibility statement states what this file runs: the number of pages
    and states, the axe-core version and the date of the review."""
    from syvsite.core.seed import accessibility_review

    review = accessibility_review()
    assert len(CASES) == review["pages_checked"], "uppdatera syvsite/core/data/demo/site.yaml"
    assert review["axe_version"] == a11y.AXE_VERSION
    status, html = demo_site.get("/tillganglighet/")
    assert status == 200
    assert f"granskas {len(CASES)} sidor och tillstånd" in html
    assert f"axe-core {a11y.AXE_VERSION}" in html
    assert f'<time datetime="{review["reviewed"]:%Y-%m-%d}">' in html
    assert "Kända brister" in html


@pytest.mark.xdist_group("statement")
def test_seeding_again_updates_an_existing_statement(demo_site):
    """seed_demo is idempotent and brings an older statement page up to date."""
    demo_site.manage(
        "shell",
        "--no-imports",
        "-c",
        "from syvsite.home.models import StandardPage\n"
        "page = StandardPage.objects.get(slug='tillganglighet')\n"
        "page.body = [('paragraph', '<p>Gammal redogörelse.</p>')]\n"
        "page.save_revision().publish()\n",
    )
    assert "Gammal redogörelse." in demo_site.get("/tillganglighet/")[1]
    demo_site.manage(
        "shell",
        "--no-imports",
        "-c",
        "import sys\nfrom syvsite.core.seed import seed_site\nseed_site(stdout=sys.stdout)",
    )
    status, html = demo_site.get("/tillganglighet/")
    assert status == 200 and "Gammal redogörelse." not in html
    assert f"axe-core {a11y.AXE_VERSION}" in html
    count = demo_site.manage(
        "shell",
        "--no-imports",
        "-c",
        "from syvsite.home.models import StandardPage\n"
        "print(StandardPage.objects.filter(slug='tillganglighet').count())",
    )
    assert count.stdout.strip() == "1"
