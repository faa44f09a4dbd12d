"""Forum benchmark: do pages, posting and mail batching stay flat as the forum grows?

Baselines measured in the same run:
- pages: the same view on an almost empty forum (a category with 1 thread, a thread with 1
  post). Goal: a category with 2,000 threads and the first and last page of a thread with
  2,000 posts cost ≤ 2× that, with the same number of SQL queries (no N+1).
- posting: a bare `Post.objects.create`. `create_reply` adds validation, Markdown, the rate
  limit, approval, follow, read marker and notification events; goal ≤ 15× the bare insert.
- mail batching: sending the same number of mails straight through Django's mail API.
  Goal: collecting 4,000 events (100 threads × 20 followers × 2 posts) into 2,000 mails
  costs ≤ 5× the bare sending.

Runs against a fresh temporary SQLite database (migrated first) unless BENCH_DATABASE_URL is
set, e.g. postgres://syv:syv@127.0.0.1:5432/syv_bench_forum (create it first).
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
THREADS = 2_000
POSTS = 2_000
REPEAT = 15


def setup_django(workdir: Path) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "syvsite.settings.dev")
    os.environ["DATABASE_URL"] = (
        os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{workdir / 'bench.sqlite3'}"
    )
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ["EMAIL_URL"] = "memorymail://"
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    settings.SEARCH = {**settings.SEARCH, "URL": "", "DRAIN": "off"}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.ALLOWED_HOSTS = ["*"]
    settings.FORUM_APPROVAL_THRESHOLD = 0
    settings.FORUM_POST_RATE_LIMITS = ((60, 10**9),)


def timed(function, repeat: int = REPEAT) -> float:
    """Median seconds of `repeat` calls."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def page_cost(client, url: str) -> tuple[float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200, url
    return timed(lambda: client.get(url)), len(queries)


def build_forum():
    from django.utils import timezone

    from forum.models import Category, Post, Status, Thread
    from forum.services.posting import refresh_thread
    from tests.factories import make_member

    users = [make_member(email=f"bench{n}@exempel.se") for n in range(50)]
    small = Category.objects.create(name="Liten", slug="liten")
    big = Category.objects.create(name="Stor", slug="stor")
    now = timezone.now()

    def thread_with(category, title, count):
        thread = Thread.objects.create(category=category, title=title, author=users[0])
        Post.objects.bulk_create(
            Post(thread=thread, author=users[n % 50], is_opening=n == 0, status=Status.PUBLISHED,
                 body_markdown=f"Inlägg {n} om **prao**", approved_at=now,
                 body_html=f"<p>Inlägg {n} om <strong>prao</strong></p>")
            for n in range(count)
        )  # fmt: skip
        refresh_thread(thread=thread)
        return thread

    tiny = thread_with(small, "En tråd", 1)
    for number in range(THREADS - 1):
        thread_with(big, f"Tråd {number}", 2)
    long = thread_with(big, "Lång tråd", POSTS)
    return users, small, big, tiny, long


def bench_pages(users, small, big, tiny, long) -> list[tuple[str, float, int, float, int]]:
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(users[1])
    rows = []
    base_category = page_cost(client, small.get_absolute_url())
    rows.append(("kategori, 2 000 trådar", *page_cost(client, big.get_absolute_url()),
                 *base_category))  # fmt: skip
    base_thread = page_cost(client, tiny.get_absolute_url())
    rows.append(("tråd, sida 1 av 100", *page_cost(client, long.get_absolute_url()),
                 *base_thread))  # fmt: skip
    last = f"{long.get_absolute_url()}?page=100"
    rows.append(("tråd, sida 100 av 100", *page_cost(client, last), *base_thread))
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

    from forum.models import NotificationEvent, Thread
    from forum.services.notifications import send_pending
    from forum.services.subscriptions import follow_thread

    threads = list(Thread.objects.filter(category=big).order_by("pk")[:100])
    followers = users[10:30]
    events = []
    for thread in threads:
        posts = list(thread.posts.all()[:2])
        for user in followers:
            follow_thread(user=user, thread=thread)
            events += [NotificationEvent(user=user, thread=thread, post=post) for post in posts]
    NotificationEvent.objects.bulk_create(events, ignore_conflicts=True)
    start = time.perf_counter()
    counts = send_pending()
    batched = time.perf_counter() - start
    sent = counts["sent"]
    mail.outbox = []
    start = time.perf_counter()
    for number in range(sent):
        mail.EmailMessage(f"Ämne {number}", "Text " * 60, to=["x@exempel.se"]).send()
    bare = time.perf_counter() - start
    return batched, bare, sent, len(events)


def main() -> None:
    with tempfile.TemporaryDirectory() as workdir:
        setup_django(Path(workdir))
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
        print(f"aviseringar: {events} händelser → {sent} mejl på {batched:.2f} s; samma antal mejl "
              f"direkt {bare_mail:.2f} s; kvot {batched / bare_mail:.1f}")  # fmt: skip


if __name__ == "__main__":
    main()
