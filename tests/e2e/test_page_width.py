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
    _first_link,
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
    const wide = [];
    for (const el of document.querySelectorAll('body *')) {
        const right = el.getBoundingClientRect().right;
        const parent = el.parentElement.getBoundingClientRect().right;
        if (right > limit + 1 && parent <= limit + 1) {
            const cls = typeof el.className === 'string' && el.className.trim()
                ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
            wide.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${cls} (${Math.round(right)} px)`);
            if (wide.length === 6) break;
        }
    }
    return {width, limit, wide};
}"""


@pytest.mark.parametrize("case", STATES, ids=[case.id for case in STATES])
def test_page_is_no_wider_than_the_window(case, role_pages, demo_site):  # noqa: F811
    page = role_pages(case.role)
    page.set_viewport_size({"width": WIDTHS[0], "height": 800})
    try:
        response = page.goto(demo_site.url + case.path)
        for pattern in (case.link,) if isinstance(case.link, str) else case.link:
            response = page.goto(demo_site.url + _first_link(page, pattern))
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
