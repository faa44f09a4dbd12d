"""E-mail to the member who contributed a method, in Swedish, as review progresses.

Wagtail's own workflow mails link into the admin, which members cannot open; for members
without admin access we switch those off on their profile and send these instead.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import page_published, task_submitted, workflow_cancelled, workflow_rejected
from wagtail.users.models import UserProfile

from syvsite.accounts.services import absolute_url

from ..models import MethodPage, MethodSubmission

logger = logging.getLogger(__name__)


def silence_wagtail_mails_for(user) -> None:
    if user.has_perm("wagtailadmin.access_admin"):
        return
    profile = UserProfile.get_for_user(user)
    profile.approved_notifications = False
    profile.rejected_notifications = False
    profile.save(update_fields=["approved_notifications", "rejected_notifications"])


def _submission_for_object(object_id) -> MethodSubmission | None:
    try:
        page_id = int(object_id)
    except (TypeError, ValueError):
        return None
    return (
        MethodSubmission.objects.select_related("submitter", "page").filter(page_id=page_id).first()
    )


def send_submission_mail(*, submission: MethodSubmission, kind: str, comment: str = "") -> None:
    """kind: received | changes_requested | cancelled | published"""
    user = submission.submitter
    if not (user.is_active and user.email):
        return
    page = submission.page.specific
    context = {
        "user": user,
        "title": page.draft_title or page.title,
        "comment": comment,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "dashboard_url": absolute_url(reverse("accounts:dashboard")),
        "edit_url": absolute_url(reverse("methods:edit_submission", args=[submission.pk])),
        "page_url": absolute_url(page.url or "") if page.live else "",
    }
    subject = render_to_string(f"methods/email/{kind}_subject.txt", context).strip()
    body = render_to_string(f"methods/email/{kind}.txt", context)
    try:
        send_mail(subject, body, None, [user.email])
    except Exception:  # a mail server hiccup must never undo a review decision
        logger.exception("Kunde inte skicka e-post om metodbidrag %s", submission.pk)


def _after_commit(submission: MethodSubmission | None, kind: str, comment: str = "") -> None:
    if submission is None:
        return
    transaction.on_commit(
        lambda: send_submission_mail(submission=submission, kind=kind, comment=comment)
    )


def on_task_submitted(sender, instance: TaskState, **kwargs) -> None:
    _after_commit(_submission_for_object(instance.workflow_state.object_id), "received")


def on_workflow_rejected(sender, instance: WorkflowState, **kwargs) -> None:
    task_state = instance.current_task_state
    comment = task_state.comment if task_state else ""
    _after_commit(_submission_for_object(instance.object_id), "changes_requested", comment)


def on_workflow_cancelled(sender, instance: WorkflowState, **kwargs) -> None:
    _after_commit(_submission_for_object(instance.object_id), "cancelled")


def on_page_published(sender, instance, **kwargs) -> None:
    if not isinstance(instance, MethodPage):
        return
    # Only the first publication of a contributed method is news to its author.
    claimed = MethodSubmission.objects.filter(
        page_id=instance.pk, published_notified_at__isnull=True
    ).update(published_notified_at=timezone.now())
    if claimed:
        _after_commit(_submission_for_object(instance.pk), "published")


def connect() -> None:
    task_submitted.connect(on_task_submitted, dispatch_uid="methods_task_submitted")
    workflow_rejected.connect(on_workflow_rejected, dispatch_uid="methods_workflow_rejected")
    workflow_cancelled.connect(on_workflow_cancelled, dispatch_uid="methods_workflow_cancelled")
    page_published.connect(on_page_published, dispatch_uid="methods_page_published")
