"""Context for a method page: feedback state, related methods and sharing."""

from urllib.parse import quote

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from syvsite.accounts.roles import is_member
from syvsite.accounts.services import absolute_url

from ..forms import CommentForm, RatingForm
from ..models import MethodComment, MethodPage, MethodRating, MethodUse
from ..related import related_methods


def method_context(*, request: HttpRequest, page: MethodPage) -> dict:
    user = request.user
    member = is_member(user)
    own_rating = MethodRating.objects.filter(method=page, user=user).first() if member else None
    page_url = absolute_url(page.url or "")
    subject = _("Tips från metodbanken: %(title)s") % {"title": page.title}
    return {
        "is_member": member,
        "has_used": member and MethodUse.objects.filter(method=page, user=user).exists(),
        "own_rating": own_rating,
        "rating_form": RatingForm(initial={"score": own_rating.score} if own_rating else None),
        "comment_form": CommentForm(),
        "comments": page.comments.filter(status=MethodComment.Status.APPROVED).select_related(
            "user"
        ),
        "own_pending_comments": (
            page.comments.filter(user=user, status=MethodComment.Status.PENDING) if member else []
        ),
        "related_methods": related_methods(page),
        "share_url": page_url,
        "mailto_url": f"mailto:?subject={quote(subject)}&body={quote(page_url)}",
        "login_url": f"{reverse('accounts:login')}?next={quote(page.url or '/')}",
    }
