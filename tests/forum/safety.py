"""An independent check that HTML is inert: parsed with the standard library, not with nh3."""

import json
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

from syvsite.core.sanitise import ALLOWED_ATTRIBUTES, ALLOWED_TAGS

DATA_BLOCK = re.compile(r'<script[^>]*type="application/json"[^>]*>(.*?)</script>', re.S | re.I)
SAFE_SCHEMES = {"", "http", "https", "mailto"}
# nh3 (ammonia) allows these on every tag; their values are text, escaped.
GENERIC_ATTRIBUTES = {"title", "lang"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "background", "data", "xlink:href"}


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def _url_problem(value: str) -> bool:
    # Browsers ignore control characters and spaces inside a scheme, so strip them first.
    compact = "".join(ch for ch in value if ch > " ").lower()
    return urlsplit(compact).scheme not in SAFE_SCHEMES


def problems_in_user_html(html: str) -> list[str]:
    """Everything outside the sanitiser's allowlist in a fragment of user HTML."""
    collector = _Collector()
    collector.feed(html)
    problems = []
    for tag, attrs in collector.tags:
        if tag not in ALLOWED_TAGS:
            problems.append(f"tag <{tag}>")
        allowed = ALLOWED_ATTRIBUTES.get(tag, set()) | GENERIC_ATTRIBUTES
        allowed |= {"rel"} if tag == "a" else set()
        for name, value in attrs.items():
            if name not in allowed:
                problems.append(f"<{tag} {name}>")
            if name in URL_ATTRIBUTES and value and _url_problem(value):
                problems.append(f"<{tag} {name}={value!r}>")
    return problems


def problems_in_page(html: str) -> list[str]:
    """A whole page: only our own external scripts, no event handlers, no script URLs."""
    collector = _Collector()
    collector.feed(html)
    problems = []
    for tag, attrs in collector.tags:
        own_script = (attrs.get("src") or "").startswith("/static/")
        if tag == "script" and not own_script and attrs.get("type") != "application/json":
            problems.append(f"inline or foreign script {attrs}")
        if tag in {"iframe", "object", "embed", "frame", "base"}:
            problems.append(f"tag <{tag}>")
        for name, value in attrs.items():
            if name.startswith("on") or name == "style":
                problems.append(f"<{tag} {name}>")
            if name in URL_ATTRIBUTES and value and _url_problem(value):
                problems.append(f"<{tag} {name}={value!r}>")
    return problems + _data_block_problems(html)


def _data_block_problems(html: str) -> list[str]:
    """JSON data blocks (json_script) never run; text that closed one early would break its JSON."""
    problems = []
    for match in DATA_BLOCK.finditer(html):
        try:
            json.loads(match.group(1))
        except ValueError:
            problems.append(f"data block cut short: {match.group(1)[:80]!r}")
    return problems
