"""Shared by the accessibility and keyboard tests: signed-in browser contexts per role on the
demo site, a fresh pupil code, and axe-core (served from tests/e2e/vendor, never a CDN).

The site's Content-Security-Policy allows only `script-src 'self'`, so a script tag added by the
test would be refused. The contexts are therefore opened with Playwright's `bypass_csp=True`:
the page, its headers and its own scripts are unchanged, only the injected axe-core runs.
"""

from __future__ import annotations

import re
import uuid
from pathlib import Path

from tests.browser_fixtures import login_in_browser
from tests.e2e.conftest import DEMO_PASSWORD

AXE_PATH = Path(__file__).parent / "vendor" / "axe.min.js"
AXE_VERSION = "4.14.1"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# axe's best-practice rules (unique landmarks, heading order, one h1…) are checked too: the
# site passes them, and they catch what screen reader users notice first.
CHECKED_TAGS = [*WCAG_TAGS, "best-practice"]

ROLE_EMAILS = {
    "vagledare": "vagledare@syv-demo.se",
    "redaktor": "redaktor.goteborg@syv-demo.se",
    "samordnare": "samordnare@syv-demo.se",
    "moderator": "moderator@syv-demo.se",
    "foretag": "foretag@syv-demo.se",
    "admin": "admin@syv-demo.se",
}

DEMO_ROUND = "PRAO år 8 (demo)"


def new_context(chromium):
    return chromium.new_context(
        locale="sv-SE", viewport={"width": 1280, "height": 900}, bypass_csp=True
    )


def open_page(context):
    page = context.new_page()
    page.set_default_timeout(20_000)
    return page


def fresh_pupil_code(site, *, name_prefix: str = "Tangentbord") -> str:
    """A one-time code for a new pupil in the seeded choice round.

    The demo code PRAO-2026 works once per seeding and the journey tests share the same site,
    so these tests add their own pupil (unique name) the way a coordinator does, and use its code.
    """
    script = (
        "from internships.models import ChoiceRound\n"
        "from internships.services.rounds import add_participants\n"
        f"r = ChoiceRound.objects.get(title={DEMO_ROUND!r})\n"
        f"[new] = add_participants(choice_round=r, rows=[({name_prefix + ' ' + uuid.uuid4().hex[:6]!r}, '8A')])\n"
        "print('CODE=' + new.code)\n"
    )
    output = site.manage("shell", "--no-imports", "-c", script).stdout
    return re.search(r"CODE=(\S+)", output).group(1)


def sign_in(page, site, role: str) -> None:
    if role == "anonym":
        return
    if role == "elev":
        page.goto(f"{site.url}/praktik/elev/logga-in/")
        page.fill("input[name=code]", fresh_pupil_code(site))
        page.click("main form button[type=submit]")
        page.wait_for_url(re.compile(r".*/praktik/elev/\d+/$"))
        return
    login_in_browser(page, site, email=ROLE_EMAILS[role], password=DEMO_PASSWORD)


def run_axe(page) -> list[dict]:
    """axe-core's violations of WCAG 2.0/2.1 A and AA (and best practice) on the page as it is now."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_PATH))
    return page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {runOnly: {type: 'tag', values: tags},
                                                     resultTypes: ['violations']});
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary}))
            }));
        }""",
        CHECKED_TAGS,
    )


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:8]:
            lines.append(f"    {node['target']}")
            summary = (node["summary"] or "").replace("\n", " ")[:300]
            lines.append(f"      {summary}")
    return "\n".join(lines)
