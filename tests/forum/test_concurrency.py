"""On PostgreSQL, simultaneous posts from one user cannot slip past the rate limit together."""

import threading

import pytest
from django.db import connection

from forum.exceptions import RateLimited
from forum.models import Post
from forum.services.posting import create_reply
from tests.factories import make_member

from .factories import make_thread

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_parallel_posts_respect_the_limit(require_postgres, settings, public_category):
    settings.FORUM_POST_RATE_LIMITS = ((60, 2),)
    # Different threads, so the thread's row lock does not serialise them by accident.
    threads = [make_thread(category=public_category, title=f"Tråd {n}") for n in range(6)]
    author = make_member()
    barrier = threading.Barrier(6)
    outcomes: list[str] = []

    def post(number: int) -> None:
        try:
            connection.ensure_connection()  # connect first, so the posts really overlap
            barrier.wait()
            create_reply(author=author, thread=threads[number], body=f"Samtidigt svar {number}")
            outcomes.append("ok")
        except RateLimited:
            outcomes.append("429")
        finally:
            connection.close()

    workers = [threading.Thread(target=post, args=(n,)) for n in range(6)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert sorted(outcomes) == ["429"] * 4 + ["ok"] * 2
    assert Post.objects.filter(author=author).count() == 2
