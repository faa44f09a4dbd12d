"""Nothing a member writes executes in a real browser (Chromium, Playwright, live server).

Uses the shared session browser (`chromium`, tests/browser_fixtures.py). Every payload of
the XSS corpus is posted, one through the real reply form; then the thread is read page by
page while we listen for dialogs, page errors and CSP violations, fire mouse and focus events
on every element of the posts and check that no script set the marker `window.__xss`.
"""

import pytest
from django.test import Client

from forum.models import Post

from .factories import make_post, make_thread
from .test_xss import CORPUS

# Fire the events inline handlers listen for on every element of every post.
HOVER_EVERYTHING = """() => {
  for (const element of document.querySelectorAll('.forum-post__body *')) {
    for (const type of ['mouseover', 'mouseenter', 'focus', 'toggle', 'animationstart']) {
      element.dispatchEvent(new Event(type, {bubbles: true}));
    }
  }
}"""

pytestmark = [
    pytest.mark.browser,
    # Live server needs committed data; serialized_rollback restores the data migrations after.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def logged_in_page(browser, live_server, user):
    client = Client()
    client.force_login(user)
    context = browser.new_context(base_url=live_server.url, locale="sv-SE")
    cookie = client.cookies["sessionid"]
    context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])
    page = context.new_page()
    incidents: list[str] = []
    page.on("dialog", lambda dialog: (incidents.append(f"dialog: {dialog.message}"),
                                      dialog.dismiss()))  # fmt: skip
    page.on("pageerror", lambda error: incidents.append(f"page error: {error}"))
    page.on("console", lambda msg: msg.type == "error" and incidents.append(f"console: {msg.text}"))
    return page, incidents


def test_no_payload_executes(chromium, live_server, settings, public_category, member):
    settings.FORUM_APPROVAL_THRESHOLD = 0
    settings.FORUM_POST_RATE_LIMITS = ((60, 1000),)
    thread = make_thread(category=public_category, title="<img src=x onerror=window.__xss=1>")
    for payload in CORPUS[1:]:
        make_post(thread=thread, author=member, body=payload)

    page, incidents = logged_in_page(chromium, live_server, member)
    try:
        check_thread(page, incidents, thread)
    finally:
        page.context.close()


def check_thread(page, incidents, thread):
    page.goto(f"{thread.get_absolute_url()}#svar")
    page.fill("#svar textarea", CORPUS[0] + "\n\n<script>window.__xss = 2</script>")
    page.click("#svar button[type=submit]")
    page.wait_for_load_state("load")
    assert Post.objects.filter(thread=thread).count() == len(CORPUS) + 1

    pages = (len(CORPUS) + 1) // 20 + 1
    for number in range(1, pages + 1):
        page.goto(f"{thread.get_absolute_url()}?page={number}")
        page.evaluate(HOVER_EVERYTHING)
        page.wait_for_timeout(300)  # let any onerror/onload fire
        assert page.evaluate("typeof window.__xss") == "undefined"
        hrefs = page.eval_on_selector_all(".forum-post__body a", "els => els.map(e => e.href)")
        assert all(href.split(":")[0] in ("http", "https", "mailto") for href in hrefs), hrefs
    assert incidents == []
    # The payload is shown as text to the reader, not swallowed.
    assert "window.__xss = 2" in page.content()  # the last page holds the form-posted one
