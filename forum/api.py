"""Read-only forum API at /api/v1/forum/.

Anonymous callers see public categories only; a logged-in member (session cookie) also sees
members-only ones. Anything the caller may not see answers 404, exactly like the pages.
"""

from datetime import datetime

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest
from ninja import Field, Path, Router, Schema

from syvsite.accounts.services import absolute_url

from . import selectors
from .models import Status
from .templatetags.forum_tags import author_name

router = Router(tags=["Forum"])
# Ids are 64-bit integers; a larger one is a bad request (422), not a database crash.
ID_MAX = 2**63 - 1

MAX_PER_PAGE = 100


class CategoryOut(Schema):
    slug: str
    name: str
    description: str
    visibility: str = Field(description='"public" eller "members"')
    thread_count: int
    url: str


class ThreadOut(Schema):
    id: int
    title: str
    category: str = Field(description="Kategorins slug")
    author: str = Field(description='Visningsnamn, eller "borttagen användare"')
    created_at: datetime
    last_post_at: datetime | None
    reply_count: int
    is_locked: bool
    is_pinned: bool
    url: str


class PostOut(Schema):
    id: int
    author: str
    created_at: datetime
    edited_at: datetime | None
    is_opening: bool
    deleted: bool = Field(description="Borttaget av skribenten: texten visas inte")
    body_html: str = Field(description="Sanerad HTML (tillåtlista)")
    url: str


class Paged(Schema):
    count: int
    page: int
    pages: int


class ThreadPage(Paged):
    results: list[ThreadOut]


class ThreadDetail(ThreadOut):
    posts: Paged
    results: list[PostOut]


def _page(queryset, page: int, per_page: int):
    paginator = Paginator(queryset, max(1, min(per_page, MAX_PER_PAGE)))
    page_obj = paginator.get_page(page)
    meta = {"count": paginator.count, "page": page_obj.number, "pages": paginator.num_pages}
    return page_obj, meta


def _thread_out(thread) -> dict:
    return {
        "id": thread.pk,
        "title": thread.title,
        "category": thread.category.slug,
        "author": author_name(thread.author),
        "created_at": thread.created_at,
        "last_post_at": thread.last_post_at,
        "reply_count": thread.reply_count,
        "is_locked": thread.is_locked,
        "is_pinned": thread.is_pinned,
        "url": absolute_url(thread.get_absolute_url()),
    }


def _post_out(post) -> dict:
    deleted = post.status == Status.DELETED
    return {
        "id": post.pk,
        "author": author_name(post.author),
        "created_at": post.created_at,
        "edited_at": post.edited_at,
        "is_opening": post.is_opening,
        "deleted": deleted,
        "body_html": "" if deleted else post.body_html,
        "url": absolute_url(post.get_absolute_url()),
    }


@router.get("/categories", response=list[CategoryOut], summary="Kategorier")
def categories(request: HttpRequest):
    return [
        {
            "slug": category.slug,
            "name": category.name,
            "description": category.description,
            "visibility": category.visibility,
            "thread_count": category.thread_count,
            "url": absolute_url(category.get_absolute_url()),
        }
        for category in selectors.categories_with_stats(request.user)
    ]


@router.get(
    "/categories/{slug}/threads",
    response={200: ThreadPage, 404: dict},
    summary="Trådar i en kategori",
)
def category_threads(request: HttpRequest, slug: str, page: int = 1, per_page: int = 25):
    category = selectors.category_for(request.user, slug)
    threads = selectors.threads_in(request.user, category).filter(status=Status.PUBLISHED)
    page_obj, meta = _page(threads.select_related("category"), page, per_page)
    return {**meta, "results": [_thread_out(thread) for thread in page_obj]}


@router.get("/threads/{thread_id}", response={200: ThreadDetail, 404: dict}, summary="En tråd")
def thread_detail(
    request: HttpRequest,
    thread_id: int = Path(..., ge=1, le=ID_MAX),
    page: int = 1,
    per_page: int = 50,
):
    thread = selectors.thread_for(request.user, thread_id)
    if thread.status != Status.PUBLISHED:
        raise Http404
    posts = selectors.posts_in(request.user, thread).filter(
        status__in=[Status.PUBLISHED, Status.DELETED]
    )
    page_obj, meta = _page(posts, page, per_page)
    return {
        **_thread_out(thread),
        "posts": meta,
        "results": [_post_out(post) for post in page_obj],
    }
