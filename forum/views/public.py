"""Reading the forum: the category list, a category's threads, a thread, a post's permalink."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from syvsite.accounts.roles import is_member

from .. import conf, selectors
from ..forms import ReplyForm
from ..models import Status
from ..permissions import can_delete, can_edit, can_moderate, can_reply, can_report
from ..services.posting import mark_read, suspension_message
from ..services.subscriptions import is_following
from .quoting import quote_text


def index(request: HttpRequest) -> HttpResponse:
    categories = list(selectors.categories_with_stats(request.user))
    context = {
        "categories": categories,
        "is_member": is_member(request.user),
        "can_moderate": can_moderate(request.user),
    }
    return render(request, "forum/index.html", context)


def category(request: HttpRequest, slug: str) -> HttpResponse:
    category = selectors.category_for(request.user, slug)
    threads = selectors.threads_in(request.user, category)
    page_obj = Paginator(threads, conf.get("THREADS_PER_PAGE")).get_page(request.GET.get("page"))
    page_obj.object_list = selectors.annotate_unread(request.user, page_obj.object_list)
    context = {
        "category": category,
        "page_obj": page_obj,
        "is_member": is_member(request.user),
        "following": is_following(user=request.user, category=category),
    }
    return render(request, "forum/category.html", context)


def thread(request: HttpRequest, pk: int, slug: str = "") -> HttpResponse:
    thread = selectors.thread_for(request.user, pk)
    if slug != thread.slug:
        query = f"?{request.GET.urlencode()}" if request.GET else ""
        return redirect(f"{thread.get_absolute_url()}{query}", permanent=True)
    user = request.user
    previous_marker = selectors.read_markers(user, [thread.pk]).get(thread.pk, 0)
    posts = selectors.posts_in(user, thread)
    page_obj = Paginator(posts, conf.get("POSTS_PER_PAGE")).get_page(request.GET.get("page"))
    page_posts = list(page_obj.object_list)
    selectors.attach_role_names(post.author for post in page_posts)
    for post in page_posts:
        post.thread = thread  # the permission checks below read it; no query per post
        post.is_new = user.is_authenticated and post.pk > previous_marker and post.author != user
        post.can_edit, post.can_delete = can_edit(user, post), can_delete(user, post)
        post.can_report = can_report(user, post)
    page_obj.object_list = page_posts
    published_ids = [post.pk for post in page_posts if post.status == Status.PUBLISHED]
    if published_ids:
        mark_read(user=user, thread=thread, post_id=max(published_ids))
    context = {
        "thread": thread,
        "category": thread.category,
        "page_obj": page_obj,
        "can_moderate": can_moderate(user),
        "following": is_following(user=user, thread=thread),
        **reply_box(request, thread),
    }
    return render(request, "forum/thread.html", context)


def reply_box(request: HttpRequest, thread, form: ReplyForm | None = None) -> dict:
    """What the reply area shows: the form, or why the user cannot reply."""
    user = request.user
    if form is None and can_reply(user, thread):
        form = ReplyForm(initial={"body": quote_text(request, thread)})
    return {
        "reply_form": form if can_reply(user, thread) else None,
        "is_member": is_member(user),
        "suspension_message": suspension_message(user) if user.is_authenticated else None,
    }


def post_permalink(request: HttpRequest, pk: int) -> HttpResponse:
    post = selectors.post_for(request.user, pk)
    page = selectors.page_of_post(request.user, post)
    url = post.thread.get_absolute_url()
    if page > 1:
        url += f"?page={page}"
    return redirect(f"{url}#inlagg-{post.pk}")


def thread_short(request: HttpRequest, pk: int) -> HttpResponse:
    return redirect(reverse("forum:thread", args=[pk, selectors.thread_for(request.user, pk).slug]))
