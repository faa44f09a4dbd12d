"""Feedback on methods: use, rating, comments and their moderation.

Every write recomputes the page's denormalised counters from the source rows inside the same
transaction (with the page row locked), so "most used" and "best rated" stay exact and cheap.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.db.models import Avg, Count
from django.utils import timezone
from django.utils.translation import gettext as _

from syvsite.accounts.roles import is_member

from ..exceptions import Invalid, NotAllowed
from ..models import (
    COMMENT_MAX_LENGTH,
    RATING_MAX,
    RATING_MIN,
    MethodComment,
    MethodPage,
    MethodRating,
    MethodUse,
)

MODERATE_PERMISSION = "methods.moderate_methodcomment"


def require_member(user: AbstractBaseUser) -> None:
    if not is_member(user):
        raise NotAllowed(_("Bara inloggade medlemmar kan göra det här."))


def can_moderate_comments(user: AbstractBaseUser) -> bool:
    return bool(user.is_authenticated and user.is_active and user.has_perm(MODERATE_PERMISSION))


def _lock(method: MethodPage) -> None:
    # Serialises concurrent feedback on one method so the recount sees every committed row.
    list(MethodPage.objects.select_for_update().filter(pk=method.pk).values_list("pk"))


def refresh_feedback_counts(*, method: MethodPage) -> None:
    ratings = MethodRating.objects.filter(method=method).aggregate(n=Count("id"), avg=Avg("score"))
    counts = {
        "use_count": MethodUse.objects.filter(method=method).count(),
        "rating_count": ratings["n"],
        "rating_average": round(ratings["avg"], 2) if ratings["avg"] is not None else None,
        "comment_count": method.comments.filter(status=MethodComment.Status.APPROVED).count(),
    }
    MethodPage.objects.filter(pk=method.pk).update(**counts)
    for name, value in counts.items():
        setattr(method, name, value)


@transaction.atomic
def set_used(*, user: AbstractBaseUser, method: MethodPage, used: bool = True) -> bool:
    """Mark (or unmark) "Jag har använt metoden". Marking twice counts once."""
    require_member(user)
    _lock(method)
    if used:
        MethodUse.objects.get_or_create(method=method, user=user)
    else:
        for use in MethodUse.objects.filter(method=method, user=user):
            use.delete()  # one by one so the search index hears about it
    refresh_feedback_counts(method=method)
    return used


def clean_score(value) -> int:
    try:
        score = int(str(value).strip())
    except (TypeError, ValueError):
        score = None
    if score is None or not RATING_MIN <= score <= RATING_MAX:
        raise Invalid(
            _("Betyget måste vara ett heltal från %(min)s till %(max)s.")
            % {"min": RATING_MIN, "max": RATING_MAX},
            code="invalid_score",
        )
    return score


@transaction.atomic
def rate_method(*, user: AbstractBaseUser, method: MethodPage, score) -> MethodRating:
    """One rating per member and method; rating again changes the earlier score."""
    require_member(user)
    score = clean_score(score)
    _lock(method)
    try:
        with transaction.atomic():
            rating, created = MethodRating.objects.get_or_create(
                method=method, user=user, defaults={"score": score}
            )
    except IntegrityError:  # a parallel request created it first
        rating, created = MethodRating.objects.get(method=method, user=user), False
    if not created and rating.score != score:
        rating.score = score
        rating.save(update_fields=["score", "updated_at"])
    refresh_feedback_counts(method=method)
    return rating


@transaction.atomic
def add_comment(*, user: AbstractBaseUser, method: MethodPage, text: str) -> MethodComment:
    """A comment waits for a moderator before anyone else sees it."""
    require_member(user)
    text = (text or "").strip()
    if not text:
        raise Invalid(_("Skriv en kommentar."), code="required")
    if len(text) > COMMENT_MAX_LENGTH:
        raise Invalid(
            _("Kommentaren får vara högst %(max)s tecken.") % {"max": COMMENT_MAX_LENGTH},
            code="max_length",
        )
    return MethodComment.objects.create(method=method, user=user, text=text)


@transaction.atomic
def moderate_comment(
    *, comment: MethodComment, moderator: AbstractBaseUser, approve: bool, note: str = ""
) -> MethodComment:
    if not can_moderate_comments(moderator):
        raise NotAllowed(_("Du har inte behörighet att granska kommentarer."))
    method = MethodPage.objects.get(pk=comment.method_id)
    _lock(method)
    comment.status = MethodComment.Status.APPROVED if approve else MethodComment.Status.REJECTED
    comment.moderated_by = moderator
    comment.moderated_at = timezone.now()
    comment.moderation_note = (note or "").strip()[:300]
    comment.save(update_fields=["status", "moderated_by", "moderated_at", "moderation_note"])
    refresh_feedback_counts(method=method)
    return comment
