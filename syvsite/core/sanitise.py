"""The one place user-supplied HTML and Markdown become safe HTML (nh3 allowlist)."""

import html

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "blockquote",
    "code",
    "pre",
    "ul",
    "ol",
    "li",
    "a",
    "h2",
    "h3",
    "h4",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}, "td": set(), "ol": {"start"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}

# Markdown in the "safe subset": raw HTML in the source is shown as text, never passed through.
_markdown = (
    MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    .enable("table")
    .enable("strikethrough")
)


def clean_html(html: str) -> str:
    """Strip everything outside the allowlist; links get rel="noopener noreferrer nofollow"."""
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


def render_markdown(text: str) -> str:
    return clean_html(_markdown.render(text or ""))


def plain_text(markup: str) -> str:
    """Text content only, for search documents and e-mail."""
    return html.unescape(nh3.clean(markup or "", tags=set())).strip()
