"""A member's own data: download it as JSON, or delete the account.

Domain apps take part through two signals, connected in their AppConfig.ready():

- `collect_personal_data(sender, user)`: a receiver returns `(key, data)`; `data` must be
  JSON-serialisable (dates are fine). It ends up under `key` in the download.
- `account_deleting(sender, user)`: sent inside the deletion transaction, before the user row
  is deleted, so an app can anonymise what must survive (forum posts keep their text but lose
  their author) and remove the rest. An exception aborts the whole deletion.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone

collect_personal_data = Signal()
account_deleting = Signal()


def _profile(user) -> dict:
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "job_title": user.job_title,
        "home_municipality": str(user.home_municipality) if user.home_municipality else None,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "email_verified_at": user.email_verified_at,
        "roles": sorted(user.groups.values_list("name", flat=True)),
        "organisations": [
            {"name": m.organisation.name, "kind": m.organisation.kind, "role": m.role}
            for m in user.memberships.select_related("organisation")
        ],
    }


def export_personal_data(*, user) -> dict:
    data = {"exported_at": timezone.now(), "profile": _profile(user)}
    for _receiver, response in collect_personal_data.send(sender=get_user_model(), user=user):
        if response:
            key, value = response
            data[key] = value
    return data


@transaction.atomic
def delete_account(*, user) -> None:
    """Remove the account and its personal data; apps keep anonymised content via the signal."""
    account_deleting.send(sender=get_user_model(), user=user)
    user.delete()
