"""The moderators' queue of comments waiting to be shown."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ..forms import ModerationForm
from ..models import MethodComment
from ..services.feedback import can_moderate_comments, moderate_comment
from .access import login_url


@require_http_methods(["GET", "POST"])
def comment_queue(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect(login_url(request.path))
    if not can_moderate_comments(request.user):
        return render(
            request,
            "methods/forbidden.html",
            {"message": _("Bara moderatorer kan granska kommentarer.")},
            status=403,
        )
    if request.method == "POST":
        form = ModerationForm(request.POST)
        if form.is_valid():
            comment = get_object_or_404(MethodComment, pk=form.cleaned_data["comment"])
            approve = form.cleaned_data["decision"] == "approve"
            moderate_comment(
                comment=comment,
                moderator=request.user,
                approve=approve,
                note=form.cleaned_data["note"],
            )
            if approve:
                messages.success(request, _("Kommentaren är publicerad."))
            else:
                messages.info(request, _("Kommentaren är avvisad."))
            return redirect("methods:comment_queue")
        messages.error(request, _("Välj om kommentaren ska publiceras eller avvisas."))
    pending = (
        MethodComment.objects.filter(status=MethodComment.Status.PENDING)
        .select_related("user", "method")
        .order_by("created_at")
    )
    page_obj = Paginator(pending, 20).get_page(request.GET.get("page"))
    return render(request, "methods/comment_queue.html", {"page_obj": page_obj})
