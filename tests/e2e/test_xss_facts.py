"""The XSS corpus through the facts bank's suggestion form, checked in the real browser.

A counsellor suggests an entry with a payload in every text field; an editor publishes it (in
the site's shell, as the workflow's approval would); the entry page and /fakta/ must show the
text inert. Tripwires: xss_support.py. The feed items of omvärldsbevakning are in
test_xss_feeds.py.
"""

from __future__ import annotations

import pytest

from tests.browser_fixtures import login_in_browser
from tests.e2e.xss_support import (
    check,
    print_figures,
    rotating,
    send,
    set_up_tripwires,
    shell_json,
    with_long,
)

# The XSS modules share their accounts (xss_setup.py) and rename them: one worker runs them all.
pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.xdist_group("xss")]

SHORT = ["title", "publisher", "series", "licence"]
LONG = ["summary", "authors", "key_findings", "implications"]
PUBLISH = """import json
from facts.models import FactSubmission
submission = FactSubmission.objects.filter(submitter__email='{email}').latest('created_at')
page = submission.page.specific
page.get_latest_revision().publish()
page.refresh_from_db()
print(json.dumps({{'url': page.url}}))
"""


def test_fact_suggestion_fields(demo_site, browser_page, xss_accounts):
    page, site = browser_page, demo_site.url
    console = set_up_tripwires(page)
    login_in_browser(
        page, demo_site, email=xss_accounts["counsellor"], password=xss_accounts["password"]
    )
    short_markers, short_values = rotating(SHORT, 0)
    # The summary is at most 1,500 characters: it gets the subset once, the others too.
    long_markers, long_values = with_long(LONG)
    send(page, f"{site}/fakta/foresla/", {**short_values, **long_values})
    published = shell_json(demo_site, PUBLISH.format(email=xss_accounts["counsellor"]))
    problems = check(page, console, f"{site}{published['url']}", short_markers + long_markers)
    problems += check(page, console, f"{site}/fakta/?sort=title", [])
    assert not problems, "\n".join(problems)
    print_figures("faktabanken")
