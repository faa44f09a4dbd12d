"""Contribute a method from the front end, and revise one's own pending contribution."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ..forms import SubmissionForms
from ..models import MethodPage, MethodSubmission
from ..selectors import submission_status
from ..services.submissions import can_edit_submission, submit_method, update_submission
from .access import members_only
from .method import render_method


@require_http_methods(["GET", "POST"])
def contribute(request: HttpRequest) -> HttpResponse:
    if (refused := members_only(request, reverse("methods:contribute"))) is not None:
        return refused
    forms = SubmissionForms(
        user=request.user,
        data=request.POST if request.method == "POST" else None,
        files=request.FILES if request.method == "POST" else None,
    )
    if request.method == "POST" and forms.is_valid():
        submit_method(user=request.user, content=forms.to_content())
        messages.success(
            request,
            _(
                "Tack! Ditt bidrag har skickats till redaktionen för granskning. "
                "Du får e-post när det har granskats och kan följa det här på Mina sidor."
            ),
        )
        return redirect("accounts:dashboard")
    return _render_form(request, forms, submission=None)


def _own_submission(request: HttpRequest, pk: int) -> MethodSubmission:
    submission = get_object_or_404(
        MethodSubmission.objects.select_related("page"), pk=pk, submitter=request.user
    )
    return submission


@require_http_methods(["GET", "POST"])
def edit_submission(request: HttpRequest, pk: int) -> HttpResponse:
    if (refused := members_only(request, request.path)) is not None:
        return refused
    submission = _own_submission(request, pk)
    if not can_edit_submission(user=request.user, submission=submission):
        messages.info(request, _("Bidraget är publicerat och kan inte längre ändras här."))
        return redirect(submission.page.url or "accounts:dashboard")
    page = MethodPage.objects.get(pk=submission.page_id)
    forms = SubmissionForms(
        user=request.user,
        data=request.POST if request.method == "POST" else None,
        files=request.FILES if request.method == "POST" else None,
        page=page,
    )
    if request.method == "POST" and forms.is_valid():
        update_submission(submission=submission, user=request.user, content=forms.to_content())
        messages.success(request, _("Dina ändringar är sparade och skickade till redaktionen."))
        return redirect("accounts:dashboard")
    return _render_form(request, forms, submission=submission)


def _render_form(request, forms: SubmissionForms, *, submission) -> HttpResponse:
    context = {
        "forms": forms,
        "submission": submission,
        "status": submission_status(submission) if submission else None,
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "methods/submit.html", context, status=status)


def preview_submission(request: HttpRequest, pk: int) -> HttpResponse:
    """The submitter sees their draft as it will look once published."""
    if (refused := members_only(request, request.path)) is not None:
        return refused
    submission = _own_submission(request, pk)
    revision = submission.page.get_latest_revision()
    if revision is None:
        raise Http404
    draft = revision.as_object()
    return render_method(
        request, draft, {"draft_preview": True, "status": submission_status(submission)}
    )
