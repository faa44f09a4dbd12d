"""Read-only forum API at /api/v1/forum/.

Anonymous callers see public categories only; a logged-in member (session cookie) also sees
members-only ones. Anything the caller may not see answers 404, exactly like the pages.
"""

from datetime import datetime

from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema

from syvsite.accounts.services import absolute_url
from syvsite.api import ObjectId, PageParams, Paginated, paginate, renamed

from . import selectors
from .models import Status
from .templatetags.forum_tags import author_name

router = Router(tags=["Forum"])
MAX_PAGE_SIZE = 100


class ThreadPageParams(PageParams):
    page_size: int = Field(25, ge=1, le=MAX_PAGE_SIZE, description="Trådar per sida.")
    per_page: int | None = renamed("per_page", "page_size", ge=1, le=MAX_PAGE_SIZE)


class PostPageParams(PageParams):
    page_size: int = Field(50, ge=1, le=MAX_PAGE_SIZE, description="Inlägg per sida.")
    per_page: int | None = renamed("per_page", "page_size", ge=1, le=MAX_PAGE_SIZE)


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


class ThreadPage(Paginated):
    results: list[ThreadOut]


class OldPostsHead(Schema):
    count: int
    page: int
    pages: int


class ThreadDetail(ThreadOut, Paginated):
    """The thread, and one page of its posts in `results`."""

    results: list[PostOut]
    posts: OldPostsHead = Field(
        deprecated=True,
        description="Föråldrat: samma som `count`, `page` och `pages`; finns till v2.",
    )


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
def category_threads(request: HttpRequest, slug: str, params: Query[ThreadPageParams]):
    category = selectors.category_for(request.user, slug)
    threads = selectors.threads_in(request.user, category).filter(status=Status.PUBLISHED)
    rows, meta = paginate(threads.select_related("category"), params)
    return {**meta, "results": [_thread_out(thread) for thread in rows]}


@router.get("/threads/{thread_id}", response={200: ThreadDetail, 404: dict}, summary="En tråd")
def thread_detail(request: HttpRequest, thread_id: ObjectId, params: Query[PostPageParams]):
    thread = selectors.thread_for(request.user, thread_id)
    if thread.status != Status.PUBLISHED:
        raise Http404
    posts = selectors.posts_in(request.user, thread).filter(
        status__in=[Status.PUBLISHED, Status.DELETED]
    )
    rows, meta = paginate(posts, params)
    return {
        **_thread_out(thread),
        **meta,
        "results": [_post_out(post) for post in rows],
        "posts": {key: meta[key] for key in ("count", "page", "pages")},
    }
