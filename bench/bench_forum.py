"""Forum benchmark: do pages, posting and mail batching stay flat as the forum grows?

Baselines measured in the same run:
- pages: the same view showing the same number of rows from a small forum (a category with 25
  threads, a thread with 20 posts: one full page each). Goal: a category with 2,000 threads and
  the first and last page of a thread with 2,000 posts cost ≤ 1.5× that, with the same number
  of SQL queries (no N+1).
- posting: a bare `Post.objects.create`. `create_reply` adds validation, Markdown, the rate
  limit, approval, follow, read marker and notification events; goal ≤ 15× the bare insert.
- mail batching: rendering and sending the same 2,000 mails one by one (the floor any
  implementation pays). Goal: collecting 4,000 events (100 threads × 20 followers × 2 posts)
  into those mails – loading the events with their posts and readers, the interval and access
  checks, marking them sent – costs ≤ 2× that.

Database: see bench/common.py (BENCH_DATABASE_URL=…/syv_bench_forum for PostgreSQL).
"""

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # also when run directly

from bench.common import page_cost, setup_django, timed  # noqa: E402

THREADS = 2_000
POSTS = 2_000
REPEAT = 15


def setup_forum(workdir: Path) -> None:
    setup_django(workdir)
    from django.conf import settings

    settings.FORUM_APPROVAL_THRESHOLD = 0
    settings.FORUM_POST_RATE_LIMITS = ((60, 10**9),)
    # Django clears the query log when a request starts; keep it so queries can be counted.
    from django.core.signals import request_started
    from django.db import reset_queries

    request_started.disconnect(reset_queries)


def build_forum():
    """Bulk-created (no signals, no outbox): we measure reading, not building."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from forum.models import Category, Post, Status, Thread

    User = get_user_model()
    now = timezone.now()
    counsellors, _ = Group.objects.get_or_create(name="Vägledare")
    users = User.objects.bulk_create(
        User(email=f"bench{n}@exempel.se", first_name="Bänk", last_name=str(n),
             email_verified_at=now, password=make_password(None))
        for n in range(50)
    )  # fmt: skip
    counsellors.user_set.add(*users)
    small = Category.objects.create(name="Liten", slug="liten")
    big = Category.objects.create(name="Stor", slug="stor")
    specs = [(small, "Kort tråd", 20)] + [(small, f"Liten {n}", 2) for n in range(24)]
    specs += [(big, f"Tråd {n}", 2) for n in range(THREADS - 1)] + [(big, "Lång tråd", POSTS)]
    threads = Thread.objects.bulk_create(
        Thread(category=category, title=title, author=users[0]) for category, title, _ in specs
    )
    posts = Post.objects.bulk_create(
        (
            Post(thread=thread, author=users[n % 50], is_opening=n == 0, status=Status.PUBLISHED,
                 body_markdown=f"Inlägg {n} om **prao**", approved_at=now,
                 body_html=f"<p>Inlägg {n} om <strong>prao</strong></p>")
            for thread, (_, _, count) in zip(threads, specs, strict=True)
            for n in range(count)
        ),
        batch_size=1000,
    )  # fmt: skip
    last = {post.thread_id: post for post in posts}
    for thread, (_, _, count) in zip(threads, specs, strict=True):
        thread.last_post = last[thread.pk]
        thread.last_post_at = last[thread.pk].created_at
        thread.reply_count = count - 1
    Thread.objects.bulk_update(threads, ["last_post", "last_post_at", "reply_count"], 500)
    return users, small, big, threads[0], threads[-1]


def bench_pages(users, small, big, tiny, long) -> list[tuple[str, float, int, float, int]]:
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(users[1])
    rows = []
    base_category = page_cost(client, small.get_absolute_url(), REPEAT)
    rows.append(("kategori, 2 000 trådar", *page_cost(client, big.get_absolute_url(), REPEAT),
                 *base_category))  # fmt: skip
    base_thread = page_cost(client, tiny.get_absolute_url(), REPEAT)
    rows.append(("tråd, sida 1 av 100", *page_cost(client, long.get_absolute_url(), REPEAT),
                 *base_thread))  # fmt: skip
    last = f"{long.get_absolute_url()}?page=100"
    rows.append(("tråd, sida 100 av 100", *page_cost(client, last, REPEAT), *base_thread))
    return rows


def bench_posting(users, tiny) -> tuple[float, float]:
    from forum.models import Post, Status
    from forum.services.posting import create_reply

    def bare():
        Post.objects.create(thread=tiny, author=users[2], body_markdown="Hej",
                            body_html="<p>Hej</p>", status=Status.PUBLISHED)  # fmt: skip

    def full():
        create_reply(author=users[3], thread=tiny, body="Hej **alla**")

    return timed(full, 50), timed(bare, 50)


def bench_mail(users, big) -> tuple[float, float, int, int]:
    from django.core import mail

    from forum.models import NotificationEvent, Subscription, Thread
    from forum.services.notifications import _mail, send_pending

    threads = list(Thread.objects.filter(category=big).order_by("pk")[:100])
    followers = users[10:30]
    Subscription.objects.bulk_create(
        Subscription(user=user, thread=thread) for thread in threads for user in followers
    )
    posts_of = {thread.pk: list(thread.posts.all()[:2]) for thread in threads}
    NotificationEvent.objects.bulk_create(
        NotificationEvent(user=user, thread=thread, post=post)
        for thread in threads
        for user in followers
        for post in posts_of[thread.pk]
    )
    events = NotificationEvent.objects.count()
    start = time.perf_counter()
    sent = send_pending()["sent"]
    batched = time.perf_counter() - start
    mail.outbox = []
    start = time.perf_counter()
    for thread in threads:  # the same mails, rendered and sent one by one: the floor
        for user in followers:
            _mail(user=user, thread=thread, posts=posts_of[thread.pk], thread_link=True,
                  category_link=False)  # fmt: skip
    bare = time.perf_counter() - start
    return batched, bare, sent, events


def main() -> None:
    with tempfile.TemporaryDirectory() as workdir:
        setup_forum(Path(workdir))
        print("Forum: bygger testdata …", flush=True)
        users, small, big, tiny, long = build_forum()
        print(f"{'sida':<26}{'ms':>8}{'frågor':>8}{'bas ms':>8}{'frågor':>8}{'kvot':>7}")
        for label, seconds, queries, base, base_queries in bench_pages(
            users, small, big, tiny, long
        ):
            print(f"{label:<26}{seconds * 1000:>8.1f}{queries:>8}{base * 1000:>8.1f}"
                  f"{base_queries:>8}{seconds / base:>7.2f}")  # fmt: skip
        full, bare = bench_posting(users, tiny)
        print(f"svar via create_reply: {full * 1000:.1f} ms, bart insert {bare * 1000:.2f} ms, "
              f"kvot {full / bare:.1f}")  # fmt: skip
        batched, bare_mail, sent, events = bench_mail(users, big)
        print(f"aviseringar: {events} händelser → {sent} mejl på {batched:.2f} s; "
              f"bara rendera och skicka {bare_mail:.2f} s; kvot {batched / bare_mail:.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
