"""Re-queue search documents after changes the search signals cannot see by themselves.

A thread's replies carry its title, category and visibility; re-indexing them on every thread
save would redo a long thread's every reply for each new post, so the services that change
those things call `threads_changed` instead. Draining the outbox asks documents.py's querysets
whether each object still belongs, so hidden or moved content is removed or updated.
"""

from collections.abc import Iterable

from search.outbox import enqueue

from .documents import POST_TYPE, THREAD_TYPE
from .models import Category, Post


def threads_changed(*, thread_ids: Iterable[int]) -> None:
    thread_ids = list(thread_ids)
    if not thread_ids:
        return
    enqueue(doc_type=THREAD_TYPE, object_ids=thread_ids)
    post_ids = Post.objects.filter(thread_id__in=thread_ids, is_opening=False)
    enqueue(doc_type=POST_TYPE, object_ids=post_ids.values_list("pk", flat=True))


def category_changed(*, category: Category) -> None:
    threads_changed(thread_ids=category.threads.values_list("pk", flat=True))
