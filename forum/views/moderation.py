"""The moderation front end under /forum/moderering/. Every view checks can_moderate first."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .. import selectors
from ..exceptions import ForumError
from ..forms import MoveThreadForm, ReasonForm, SuspendForm
from ..models import ModerationAction, ModerationLogEntry, Post, Suspension, Thread
from ..permissions import active_suspension, can_moderate
from ..services import moderation
from .common import form_refusal, login_first, posted, refusal


def moderator_required(view):
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return login_first(request)
        if not can_moderate(request.user):
            return refusal(request, _("Sidan är bara för forumets moderatorer."))
        return view(request, *args, **kwargs)

    return wrapper


@moderator_required
def queue(request: HttpRequest) -> HttpResponse:
    reported = list(selectors.open_reports()[:50])
    for post in reported:
        post.open_report_list = list(selectors.report_details(post))
    context = {
        "reported": reported,
        "pending": selectors.pending_posts()[:50],
        "active_suspensions": Suspension.objects.filter(
            lifted_at__isnull=True, ends_at__gt=timezone.now()
        ).count(),
    }
    return render(request, "forum/moderation/queue.html", context)


@moderator_required
def log(request: HttpRequest) -> HttpResponse:
    entries = ModerationLogEntry.objects.select_related(
        "moderator", "thread", "post", "target_user"
    )
    action = request.GET.get("atgard", "")
    if action in ModerationAction.values:
        entries = entries.filter(action=action)
    page_obj = Paginator(entries, 50).get_page(request.GET.get("page"))
    context = {"page_obj": page_obj, "actions": ModerationAction.choices, "selected": action}
    return render(request, "forum/moderation/log.html", context)


# URL word → (service call, needs a reason, Swedish confirmation)
POST_ACTIONS = {
    "godkann": (moderation.approve_post, False, _("Inlägget är godkänt och publicerat.")),
    "avsla": (moderation.reject_post, True, _("Inlägget är avslaget.")),
    "dolj": (moderation.hide_post, True, _("Inlägget är dolt.")),
    "aterstall": (moderation.restore_post, False, _("Inlägget är återställt.")),
    "avfarda": (moderation.dismiss_reports, False, _("Anmälningarna är avfärdade.")),
}


@moderator_required
@require_http_methods(["GET", "POST"])
def post_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    if action not in POST_ACTIONS:
        raise Http404
    post = get_object_or_404(Post.objects.select_related("thread__category", "author"), pk=pk)
    service, reason_required, done = POST_ACTIONS[action]
    form = ReasonForm(posted(request), required=reason_required)
    context = {"post": post, "action": action, "form": form}
    if request.method == "POST" and form.is_valid():
        try:
            service(moderator=request.user, post=post, reason=form.cleaned_data["reason"])
        except ForumError as error:
            return form_refusal(request, "forum/moderation/post_action.html", context, error)
        messages.success(request, done)
        return redirect(_safe_next(request) or "forum:moderation")
    status = 400 if form.errors else 200
    return render(request, "forum/moderation/post_action.html", context, status=status)


def _safe_next(request: HttpRequest) -> str | None:
    target = request.POST.get("next", "")
    allowed = url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()})
    return target if target and allowed else None


THREAD_FLAG_ACTIONS = {
    "las": ModerationAction.LOCK,
    "las-upp": ModerationAction.UNLOCK,
    "fast": ModerationAction.PIN,
    "lossa": ModerationAction.UNPIN,
}


@moderator_required
@require_http_methods(["GET", "POST"])
def thread_tools(request: HttpRequest, pk: int) -> HttpResponse:
    thread = get_object_or_404(Thread.objects.select_related("category"), pk=pk)
    action = request.POST.get("action", "")
    reason_form = ReasonForm(request.POST if action in ("dolj", "aterstall") else None)
    move_form = MoveThreadForm(request.POST if action == "flytta" else None)
    context = {"thread": thread, "category": thread.category, "form": reason_form,
               "move_form": move_form}  # fmt: skip
    if request.method == "POST":
        try:
            done = _apply_thread_action(request, thread, action, reason_form, move_form)
        except ForumError as error:
            return form_refusal(request, "forum/moderation/thread_tools.html", context, error)
        if done:
            messages.success(request, done)
            return redirect("forum:moderation_thread", pk=thread.pk)
    status = 400 if reason_form.errors or move_form.errors else 200
    return render(request, "forum/moderation/thread_tools.html", context, status=status)


def _apply_thread_action(request, thread, action, reason_form, move_form) -> str | None:
    user, reason = request.user, request.POST.get("reason", "")[:1000]
    if action in THREAD_FLAG_ACTIONS:
        flag = THREAD_FLAG_ACTIONS[action]
        moderation.set_thread_flag(moderator=user, thread=thread, action=flag, reason=reason)
        return str(flag.label)
    if action in ("dolj", "aterstall") and reason_form.is_valid():
        hidden = action == "dolj"
        reason = reason_form.cleaned_data["reason"]
        moderation.set_thread_hidden(moderator=user, thread=thread, hidden=hidden, reason=reason)
        return _("Tråden är dold.") if hidden else _("Tråden är återställd.")
    if action == "flytta" and move_form.is_valid():
        category = move_form.cleaned_data["category"]
        reason = move_form.cleaned_data["reason"]
        moderation.move_thread(moderator=user, thread=thread, category=category, reason=reason)
        return _("Tråden är flyttad till %(category)s.") % {"category": category.name}
    return None


@moderator_required
@require_http_methods(["GET", "POST"])
def user_tools(request: HttpRequest, pk: int) -> HttpResponse:
    member = get_object_or_404(get_user_model(), pk=pk)
    form = SuspendForm(posted(request))
    context = {
        "member": member,
        "form": form,
        "suspension": active_suspension(member),
        "history": member.forum_suspensions.select_related("created_by"),
        "recent_posts": Post.objects.filter(author=member)
        .select_related("thread")
        .order_by("-created_at")[:20],
    }
    if request.method == "POST" and form.is_valid():
        try:
            moderation.suspend_user(moderator=request.user, user=member, **form.cleaned_data)
        except ForumError as error:
            return form_refusal(request, "forum/moderation/user_tools.html", context, error)
        messages.success(request, _("Användaren är avstängd från att skriva i forumet."))
        return redirect("forum:moderation_user", pk=member.pk)
    status = 400 if form.errors else 200
    return render(request, "forum/moderation/user_tools.html", context, status=status)


@moderator_required
@require_http_methods(["POST"])
def lift_suspension(request: HttpRequest, pk: int) -> HttpResponse:
    suspension = get_object_or_404(Suspension, pk=pk, lifted_at__isnull=True)
    moderation.lift_suspension(
        moderator=request.user, suspension=suspension, reason=request.POST.get("reason", "")
    )
    messages.success(request, _("Avstängningen är hävd."))
    return redirect("forum:moderation_user", pk=suspension.user_id)
