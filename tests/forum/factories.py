"""Forum factories. Threads and posts are written straight to the database (no rate limits,
no approval); tests of those rules go through forum.services instead."""

import factory
from django.utils import timezone

from forum.models import Category, Post, Status, Thread, Visibility
from forum.services.posting import refresh_thread
from syvsite.core.sanitise import render_markdown
from tests.factories import make_member


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Kategori {n}")
    slug = factory.Sequence(lambda n: f"kategori-{n}")
    description = "Om gymnasieval och vägledning."
    visibility = Visibility.PUBLIC


def make_thread(
    *,
    category: Category,
    author=None,
    title: str = "Hur förbereder ni gymnasievalet?",
    body: str = "Vi börjar i åk 8 med studiebesök.",
    status: str = Status.PUBLISHED,
    replies: int = 0,
) -> Thread:
    author = author or make_member()
    thread = Thread.objects.create(category=category, title=title, author=author, status=status)
    make_post(thread=thread, author=author, body=body, status=status, opening=True)
    for number in range(replies):
        make_post(thread=thread, body=f"Svar nummer {number + 1} om prao och studiebesök.")
    refresh_thread(thread=thread)
    return thread


def make_post(*, thread: Thread, author=None, body: str = "Bra fråga!", status=Status.PUBLISHED,
              opening: bool = False, ip_address: str | None = None) -> Post:  # fmt: skip
    post = Post.objects.create(
        thread=thread,
        author=author or make_member(),
        body_markdown=body,
        body_html=render_markdown(body),
        status=status,
        is_opening=opening,
        approved_at=timezone.now() if status == Status.PUBLISHED else None,
        ip_address=ip_address,
    )
    refresh_thread(thread=thread)
    return post
