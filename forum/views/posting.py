"""Writing: new thread, reply, edit, delete, report, follow."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from syvsite.accounts.roles import is_member

from .. import conf, selectors
from ..exceptions import ForumError
from ..forms import EditPostForm, ReplyForm, ReportForm, ThreadForm
from ..models import Status
from ..permissions import can_delete, can_edit, can_report
from ..services import moderation, posting, subscriptions
from .common import client_ip, form_refusal, login_first, posted, refusal
from .public import reply_box


def _member_or_refusal(request: HttpRequest) -> HttpResponse | None:
    if not request.user.is_authenticated:
        return login_first(request)
    if not is_member(request.user):
        return refusal(
            request,
            _(
                "Bara verifierade vägledare och medarbetare kan skriva i forumet. "
                "Bekräfta din e-postadress eller kontakta oss om du saknar behörighet."
            ),
        )
    return None


def _posted_message(request: HttpRequest, status: str) -> None:
    if status == Status.PENDING:
        messages.info(
            request,
            _(
                "Tack! Som ny medlem granskas dina första inlägg av en moderator innan de visas "
                "för andra. Det brukar gå inom en arbetsdag."
            ),
        )
    else:
        messages.success(request, _("Ditt inlägg är publicerat."))


@require_http_methods(["GET", "POST"])
def new_thread(request: HttpRequest, slug: str) -> HttpResponse:
    category = selectors.category_for(request.user, slug)
    if (denied := _member_or_refusal(request)) is not None:
        return denied
    form = ThreadForm(posted(request))
    context = {
        "category": category,
        "form": form,
        "suspension_message": posting.suspension_message(request.user),
    }
    if request.method == "POST" and form.is_valid():
        try:
            thread = posting.create_thread(
                author=request.user,
                category=category,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                ip_address=client_ip(request),
            )
        except ForumError as error:
            return form_refusal(request, "forum/new_thread.html", context, error)
        _posted_message(request, thread.status)
        return redirect(thread)
    return render(request, "forum/new_thread.html", context, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
def reply(request: HttpRequest, pk: int) -> HttpResponse:
    thread = selectors.thread_for(request.user, pk)
    if request.method == "GET":
        query = request.GET.urlencode()
        return redirect(f"{thread.get_absolute_url()}{'?' + query if query else ''}#svar")
    if (denied := _member_or_refusal(request)) is not None:
        return denied
    form = ReplyForm(request.POST)
    context = {"thread": thread, "category": thread.category, "form": form}
    context.update(reply_box(request, thread, form))
    if form.is_valid():
        try:
            post = posting.create_reply(
                author=request.user,
                thread=thread,
                body=form.cleaned_data["body"],
                ip_address=client_ip(request),
            )
        except ForumError as error:
            return form_refusal(request, "forum/reply.html", context, error)
        _posted_message(request, post.status)
        return redirect(post)
    return render(request, "forum/reply.html", context, status=400)


@require_http_methods(["GET", "POST"])
def edit_post(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.is_authenticated:
        return login_first(request)  # e.g. the session ran out: log in, then edit
    post = selectors.post_for(request.user, pk)
    if not can_edit(request.user, post):
        minutes = int(conf.get("EDIT_WINDOW").total_seconds() // 60)
        return refusal(
            request,
            _(
                "Inlägget kan inte ändras längre. Du kan ändra dina egna inlägg i %(minutes)s "
                "minuter efter att du skrivit dem, så länge tråden är öppen."
            )
            % {"minutes": minutes},
        )
    initial = {"body": post.body_markdown, "title": post.thread.title}
    form = EditPostForm(posted(request), initial=initial, with_title=post.is_opening)
    context = {"post": post, "thread": post.thread, "category": post.thread.category, "form": form}
    if request.method == "POST" and form.is_valid():
        try:
            posting.edit_post(
                user=request.user,
                post=post,
                body=form.cleaned_data["body"],
                title=form.cleaned_data.get("title"),
            )
        except ForumError as error:
            return form_refusal(request, "forum/edit_post.html", context, error)
        messages.success(request, _("Ändringen är sparad."))
        return redirect(post)
    return render(request, "forum/edit_post.html", context, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
def delete_post(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.is_authenticated:
        return login_first(request)
    post = selectors.post_for(request.user, pk)
    if not can_delete(request.user, post):
        return refusal(request, _("Du kan bara ta bort dina egna inlägg."))
    if request.method == "POST":
        posting.delete_post(user=request.user, post=post)
        messages.success(request, _("Inlägget är borttaget."))
        if post.thread.status == Status.DELETED:
            return redirect(post.thread.category)
        return redirect(post.thread)
    context = {"post": post, "thread": post.thread, "category": post.thread.category}
    return render(request, "forum/delete_post.html", context)


@require_http_methods(["GET", "POST"])
def report_post(request: HttpRequest, pk: int) -> HttpResponse:
    post = selectors.post_for(request.user, pk)
    if (denied := _member_or_refusal(request)) is not None:
        return denied
    if not can_report(request.user, post):
        return refusal(request, _("Du kan inte anmäla det här inlägget."))
    form = ReportForm(posted(request))
    context = {"post": post, "thread": post.thread, "category": post.thread.category, "form": form}
    if request.method == "POST" and form.is_valid():
        try:
            moderation.report_post(reporter=request.user, post=post, **form.cleaned_data)
        except ForumError as error:
            return form_refusal(request, "forum/report_post.html", context, error)
        messages.success(request, _("Tack! En moderator tittar på din anmälan."))
        return redirect(post)
    return render(request, "forum/report_post.html", context, status=400 if form.errors else 200)


@require_POST
def follow_thread(request: HttpRequest, pk: int) -> HttpResponse:
    thread = selectors.thread_for(request.user, pk)
    if not request.user.is_authenticated:
        return login_first(request)
    if request.POST.get("follow") == "0":
        subscriptions.unfollow(user=request.user, thread=thread)
        messages.success(request, _("Du följer inte längre tråden."))
    else:
        subscriptions.follow_thread(user=request.user, thread=thread)
        messages.success(request, _("Du följer tråden och får e-post när någon svarar."))
    return redirect(thread)


@require_POST
def follow_category(request: HttpRequest, slug: str) -> HttpResponse:
    category = selectors.category_for(request.user, slug)
    if not request.user.is_authenticated:
        return login_first(request)
    if request.POST.get("follow") == "0":
        subscriptions.unfollow(user=request.user, category=category)
        messages.success(request, _("Du följer inte längre kategorin."))
    else:
        subscriptions.follow_category(user=request.user, category=category)
        messages.success(request, _("Du följer kategorin och får e-post om nya inlägg."))
    return redirect(category)
