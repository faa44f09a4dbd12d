"""/api/v1/forum/ under the API's conventions: the one pagination for a category's threads and
a thread's posts, `per_page` kept until version 2 with a Deprecation header, and a thread's old
`posts` head beside the new one. (Who sees what: test_visibility.py.)"""

import pytest

from tests.api_checks import check_paging, check_renamed

from .factories import make_post, make_thread

pytestmark = pytest.mark.django_db

THREADS = "/api/v1/forum/categories/gymnasievalet/threads"
THREAD_KEYS = {
    "id",
    "title",
    "category",
    "author",
    "created_at",
    "last_post_at",
    "reply_count",
    "is_locked",
    "is_pinned",
    "url",
    "posts",  # the first release's head of the posts, until version 2
}


@pytest.fixture
def thread(public_category):
    """Five threads in the public category; the last one has five posts."""
    for number in range(4):
        make_thread(category=public_category, title=f"Tråd {number}")
    thread = make_thread(category=public_category, title="Lång tråd")
    for number in range(4):
        make_post(thread=thread, body=f"Svar {number}")
    return thread


def test_category_threads_have_the_one_pagination(client, thread):
    check_paging(client, THREADS, count=5, page_size=2)
    check_paging(client, THREADS, count=5, page_size=100)
    assert client.get(THREADS, {"page_size": 101}).status_code == 422
    assert client.get(THREADS, {"page": 0}).status_code == 422


def test_a_threads_posts_have_the_one_pagination_and_the_old_head(client, thread):
    path = f"/api/v1/forum/threads/{thread.pk}"
    last = check_paging(client, path, count=5, page_size=2, extra=THREAD_KEYS)
    assert last["title"] == "Lång tråd"
    assert last["posts"] == {"count": 5, "page": 3, "pages": 3}
    assert [post["body_html"].strip() for post in last["results"]] == ["<p>Svar 3</p>"]


@pytest.mark.parametrize("path", [THREADS, "/api/v1/forum/threads/{pk}"])
def test_per_page_still_works_and_says_it_is_deprecated(client, thread, path):
    path = path.format(pk=thread.pk)
    answer = check_renamed(client, path, {"per_page": "page_size"}, {"page_size": 2}, page=2)
    assert (answer["page"], answer["page_size"], len(answer["results"])) == (2, 2, 2)


def test_openapi_marks_the_old_names_deprecated(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    for path in ["/api/v1/forum/categories/{slug}/threads", "/api/v1/forum/threads/{thread_id}"]:
        parameters = {p["name"]: p for p in schema["paths"][path]["get"]["parameters"]}
        assert parameters["per_page"]["deprecated"] is True
        assert parameters["per_page"]["schema"]["x-renamed-to"] == "page_size"
        assert not parameters["page_size"].get("deprecated")
    detail = schema["components"]["schemas"]["ThreadDetail"]["properties"]
    assert detail["posts"]["deprecated"] is True
