"""No page is wider than the window: every page and state of the accessibility run
(test_accessibility.CASES), on a phone (375 px) and a desktop (1,280 px).

axe does not see a page that scrolls sideways (WCAG 1.4.10 Reflow). Wide tables may scroll
inside their own .table-wrap (focusable, site.js); the document itself must not. Each state is
opened once, at 375 px, measured, then measured again with the window widened to 1,280 px.
"""

from __future__ import annotations

import pytest

from tests.e2e.test_accessibility import (  # noqa: F401 - role_pages is a fixture
    CASES,
    open_case,
    role_pages,
)

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

# Each state once (the accessibility run repeats some at 375 px); both widths are checked here.
STATES = [case for case in CASES if case.width == 1280]
WIDTHS = (375, 1280)

# The document's width against the window's, and the outermost elements that stick out.
MEASURE = """() => {
    const limit = document.documentElement.clientWidth;
    const width = document.documentElement.scrollWidth;
    if (width <= limit) return null;
    const clipped = (el) => {
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
            if (getComputedStyle(p).overflowX !== 'visible') return true;
        }
        return false;
    };
    const name = (el) => {
        const cls = typeof el.className === 'string' && el.className.trim()
            ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
        return `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${cls}`;
    };
    const wide = [];
    for (const el of document.querySelectorAll('body *')) {
        const right = el.getBoundingClientRect().right;
        if (right <= limit + 1) continue;
        // An absolutely positioned element escapes a scroll container that is not positioned.
        const outermost = el.parentElement.getBoundingClientRect().right <= limit + 1;
        if ((outermost && !clipped(el)) || getComputedStyle(el).position === 'absolute')
            wide.push(`${name(el)} (${Math.round(right)} px)`);
    }
    // Text that overflows its box, e.g. a long Swedish compound word in a heading.
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(node);
        const right = range.getBoundingClientRect().right;
        if (right > limit + 1 && !clipped(node.parentElement) && node.textContent.trim())
            wide.push(`"${node.textContent.trim().slice(0, 40)}" i ${name(node.parentElement)} (${Math.round(right)} px)`);
    }
    return {width, limit, wide: wide.slice(0, 6)};
}"""


@pytest.mark.parametrize("case", STATES, ids=[case.id for case in STATES])
def test_page_is_no_wider_than_the_window(case, role_pages, demo_site):  # noqa: F811
    page = role_pages(case.role)
    page.set_viewport_size({"width": WIDTHS[0], "height": 800})
    try:
        response = open_case(page, demo_site.url, case)
        assert response.status == case.status, f"{page.url} svarade {response.status}"
        if case.action:
            case.action(page)
        too_wide = {}
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            if found := page.evaluate(MEASURE):
                too_wide[width] = found
    finally:
        page.set_viewport_size({"width": 1280, "height": 900})
    assert not too_wide, "\n".join(
        f"{page.url} vid {width} px: dokumentet är {found['width']} px brett, fönstret "
        f"{found['limit']} px; sticker ut: {', '.join(found['wide']) or '?'}"
        for width, found in too_wide.items()
    )
