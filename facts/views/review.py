"""Staff's review queue: entries not reviewed for a long time, or whose link has gone dead."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from methods.views.access import login_url

from .. import conf
from ..exceptions import NotAllowed
from ..forms import ReviewForm
from ..models import FactPage
from ..selectors import review_queue as queue
from ..selectors import review_reasons
from ..services.review import can_review, mark_reviewed


@require_http_methods(["GET", "POST"])
def review_queue(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect(login_url(request.path))
    if not can_review(request.user):
        return render(
            request,
            "methods/forbidden.html",
            {"message": _("Bara redaktörer kan se granskningskön för faktabanken.")},
            status=403,
        )
    if request.method == "POST":
        form = ReviewForm(request.POST)
        if form.is_valid():
            page = get_object_or_404(FactPage, pk=form.cleaned_data["fact"])
            try:
                mark_reviewed(page=page, user=request.user)
                messages.success(
                    request, _("”%(title)s” är markerad som granskad.") % {"title": page.title}
                )
            except NotAllowed as refusal:
                messages.error(request, str(refusal.args[0]))
        return redirect("facts:review_queue")
    page_obj = Paginator(queue(), 25).get_page(request.GET.get("page"))
    rows = [{"fact": fact, "reasons": review_reasons(fact)} for fact in page_obj.object_list]
    context = {"rows": rows, "page_obj": page_obj, "months": conf.get("REVIEW_AFTER_MONTHS")}
    return render(request, "facts/review_queue.html", context)
