"""The XSS corpus and its browser tripwires, shared by the test_xss_*.py files.

Payloads come from the forum's corpus (tests/forum/xss_payloads.txt): the ones that would set
`window.__xss` or open a dialog if they ran. A page is checked with three tripwires: the window
flag, alert/confirm/prompt (page.dialogs), and the console (a CSP report means markup got through
escaping and only the policy stopped it). The page must also show the submitted text (escaped, or
cleaned by the sanitiser) and contain no event-handler attributes, script URLs or foreign scripts.
"""

from __future__ import annotations

import contextlib
import itertools
import json
from collections.abc import Iterator
from pathlib import Path

from tests.e2e.journey_support import person
from tests.forum.safety import problems_in_page

CORPUS = Path(__file__).resolve().parents[1] / "forum" / "xss_payloads.txt"
PAYLOAD_COUNT = 8  # a representative subset, spread over the corpus
ROUNDS = 2  # short fields see ROUNDS payloads each
FIGURES = {"fields": set(), "submissions": 0, "payloads_sent": 0, "pages_checked": 0}


def _payloads() -> list[str]:
    lines = [
        line.replace("\\n", "\n")
        for line in CORPUS.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    # The ones that signal when they run, short enough for a 120-character title with a marker.
    active = [p for p in lines if ("__xss" in p or "alert(" in p) and len(p) <= 100]
    step = max(1, len(active) // PAYLOAD_COUNT)
    return active[::step][:PAYLOAD_COUNT]


PAYLOADS = _payloads()
_markers = itertools.count(1)


def marked(payload: str) -> tuple[str, str]:
    marker = f"xssmark{next(_markers)}"
    return marker, f"{marker} {payload}"


def long_text() -> tuple[list[str], str]:
    """Every payload of the subset in one text, each behind its own marker."""
    markers, parts = [], []
    for payload in PAYLOADS:
        marker, text = marked(payload)
        markers.append(marker)
        parts.append(text)
    return markers, "\n\n".join(parts)


def rotating(fields: list[str], round_number: int) -> tuple[list[str], dict[str, str]]:
    """One payload per short field; successive rounds move each field on to the next payload."""
    markers, values = [], {}
    for index, field in enumerate(fields):
        payload = PAYLOADS[(round_number * len(fields) + index) % len(PAYLOADS)]
        marker, values[field] = marked(payload)
        markers.append(marker)
        FIGURES["fields"].add(field)
    return markers, values


def with_long(fields: list[str]) -> tuple[list[str], dict[str, str]]:
    markers, values = [], {}
    for field in fields:
        field_markers, values[field] = long_text()
        markers += field_markers
        FIGURES["fields"].add(field)
    return markers, values


def set_up_tripwires(page) -> list[str]:
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    page.on("pageerror", lambda error: console.append(str(error)))
    return console


@contextlib.contextmanager
def other_person(chromium, demo_site, **login) -> Iterator[tuple[object, list[str]]]:
    """A second browser (own cookies, see journey_support.person) with the console tripwire."""
    with person(chromium, demo_site, **login) as page:
        yield page, set_up_tripwires(page)


def send(page, url: str, values: dict[str, str], *, before=None, button=None) -> None:
    """Fill the form on `url` that holds the first field, send it, and expect no field errors."""
    page.goto(url)
    if before:
        before(page)
    for name, value in values.items():
        page.fill(f"main [name='{name}']", value)
    form = page.locator("main form").filter(has=page.locator(f"[name='{next(iter(values))}']"))
    with page.expect_navigation():
        (button or form.first.locator("button[type=submit]").last).click()
    errors = page.locator("main .errorlist, main .form-errors, main [role=alert]")
    assert not errors.count(), f"{url} avvisade formuläret: {errors.all_inner_texts()}"
    FIGURES["submissions"] += 1
    FIGURES["payloads_sent"] += sum(value.count("xssmark") for value in values.values())


def check(page, console: list[str], url: str, markers: list[str]) -> list[str]:
    """Problems on the page at `url`; empty when nothing ran and every marker is shown."""
    console.clear()
    page.goto(url)
    page.wait_for_load_state("load")
    FIGURES["pages_checked"] += 1
    problems = []
    if page.evaluate("() => window.__xss !== undefined"):
        problems.append("window.__xss sattes")
    problems += [f"dialog: {text}" for text in page.dialogs]
    problems += [f"konsol: {text}" for text in console if "Content Security Policy" in text]
    problems += page.evaluate(LIVE_DOM_CHECK)
    # The page as the server sent it (site.js may add a CSSOM style to a live element).
    problems += problems_in_page(page.request.get(url).text())
    text = page.inner_text("body")
    problems += [f"syns inte: {marker}" for marker in markers if marker not in text]
    page.dialogs.clear()
    return [f"{url}: {problem}" for problem in problems]


def shell_json(demo_site, script: str) -> dict:
    """Run `script` in the site's `manage.py shell`; it prints JSON on its last line."""
    result = demo_site.manage("shell", "-c", script)
    return json.loads(result.stdout.strip().splitlines()[-1])


def print_figures(title: str) -> None:
    print(
        f"\nXSS ({title}): {len(FIGURES['fields'])} fält hittills, {len(PAYLOADS)} nyttolaster i "
        f"korpusurvalet, {FIGURES['submissions']} formulär skickade, "
        f"{FIGURES['payloads_sent']} nyttolaster, {FIGURES['pages_checked']} sidvisningar "
        "kontrollerade"
    )


LIVE_DOM_CHECK = r"""() => {
  const bad = [];
  const urlAttributes = ["href", "src", "action", "formaction", "xlink:href", "data"];
  for (const el of document.querySelectorAll("*")) {
    for (const attribute of el.attributes) {
      const name = attribute.name.toLowerCase();
      const value = attribute.value.replace(/[\x00-\x20]/g, "").toLowerCase();
      if (name.startsWith("on")) bad.push(`<${el.tagName} ${name}>`);
      if (urlAttributes.includes(name) && /^(javascript|vbscript|data:text\/html)/.test(value))
        bad.push(`<${el.tagName} ${name}=${attribute.value}>`);
    }
    if (el.tagName === "SCRIPT" && el.type === "application/json") {
      // A data block (json_script) never runs; text that closed it early would break its JSON.
      try { JSON.parse(el.textContent); } catch (e) { bad.push(`data block: ${el.id}`); }
    } else if (el.tagName === "SCRIPT" && !(el.getAttribute("src") || "").startsWith("/static/"))
      bad.push(`script: ${el.outerHTML.slice(0, 80)}`);
    if (["IFRAME", "OBJECT", "EMBED", "BASE", "FRAME"].includes(el.tagName)) bad.push(el.tagName);
  }
  return bad;
}"""
