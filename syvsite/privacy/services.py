"""Writing the audit log of access to pupils' personal data.

    log_access(user=request.user, action=AccessLogEntry.Action.VIEW,
               object_type=AccessLogEntry.ObjectType.BOOKING, object_id=booking.pk,
               label="Bokning 12: Undersköterska, v. 12", organisation=school.name)

Called by the views that show or export pupils (the domain apps), in the same request. The
label must not contain a pupil's name: the object's id and its context are enough to find it.
A visitor who is not signed in but opened an e-mailed link (a supervisor's certificate form) is
recorded by `link_holder`, the address the link was sent to; the label says it was the link.
"""

from __future__ import annotations

from django.db import transaction

from .models import AccessLogEntry


@transaction.atomic
def log_access(
    *,
    user,
    action: str,
    object_type: str,
    object_id: int | str,
    label: str,
    organisation: str = "",
    link_holder: str = "",
) -> AccessLogEntry:
    signed_in = user.is_authenticated
    return AccessLogEntry.objects.create(
        user=user if signed_in else None,
        user_email=(getattr(user, "email", "") if signed_in else link_holder) or "",
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        object_label=label[:300],
        organisation=str(organisation)[:200],
    )
