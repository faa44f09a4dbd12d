"""A member's own forum pages: subscriptions, and the unsubscribe link from notification mail."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from .. import selectors
from ..models import Category, Subscription, Thread
from ..services.subscriptions import read_unsubscribe_token, unfollow


@login_required
def my_subscriptions(request: HttpRequest) -> HttpResponse:
    context = {
        "subscriptions": selectors.subscriptions_of(request.user),
        "threads": selectors.threads_by(request.user)[:50],
    }
    return render(request, "forum/my_forum.html", context)


@login_required
@require_POST
def remove_subscription(request: HttpRequest, pk: int) -> HttpResponse:
    subscription = get_object_or_404(Subscription, pk=pk, user=request.user)
    unfollow(user=request.user, thread=subscription.thread, category=subscription.category)
    messages.success(request, _("Du följer inte längre %(name)s.") % {"name": subscription.target})
    return redirect("forum:my_forum")


# The token is the credential (mail clients' one-click unsubscribe posts without a CSRF token).
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    payload = read_unsubscribe_token(token)
    if payload is None:
        context = {"invalid": True}
        return render(request, "forum/unsubscribe.html", context, status=400)
    model = Thread if payload["k"] == "thread" else Category
    target = model.objects.filter(pk=payload["t"]).first()
    lookup = {payload["k"]: target} if target is not None else None
    subscription = (
        Subscription.objects.filter(user_id=payload["u"], **lookup).first() if lookup else None
    )
    done = request.method == "POST"
    if done and subscription is not None:
        unfollow(user=subscription.user, thread=subscription.thread, category=subscription.category)
    context = {"target": target, "kind": payload["k"], "subscribed": subscription is not None,
               "done": done}  # fmt: skip
    return render(request, "forum/unsubscribe.html", context)
