"""Staff mark an entry as reviewed from the review queue."""

from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _

from syvsite.accounts.roles import Role, has_role

from ..exceptions import NotAllowed
from ..models import FactPage


def can_review(user: AbstractBaseUser) -> bool:
    return has_role(user, Role.MODERATOR) or has_role(user, Role.ADMIN)


@transaction.atomic
def mark_reviewed(*, page: FactPage, user: AbstractBaseUser, today: date | None = None) -> FactPage:
    """A new revision with today's date, published: the page's history shows who reviewed it."""
    if not can_review(user):
        raise NotAllowed(_("Bara redaktörer kan markera fakta som granskade."))
    page = FactPage.objects.select_for_update().get(pk=page.pk)
    if page.has_unpublished_changes:
        raise NotAllowed(
            _(
                "Sidan har ändringar som inte är publicerade. Granska och publicera den i redigeringsläget."
            )
        )
    page.last_reviewed = today or date.today()
    page.save_revision(user=user, log_action=True).publish(user=user)
    return page
