"""A method page: its context (feedback state, related methods, sharing) and rendering it with
more context, for a form with errors or a contributor's preview.

`method_context` is registered for MethodPage in MethodsConfig.ready().
"""

from urllib.parse import quote

from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from syvsite.accounts.roles import is_member
from syvsite.accounts.services import absolute_url

from ..forms import CommentForm, RatingForm
from ..models import MethodComment, MethodPage, MethodRating, MethodUse
from ..selectors import related_methods
from .access import login_url


def method_context(*, request: HttpRequest, page: MethodPage) -> dict:
    user = request.user
    member = is_member(user)
    own_rating = MethodRating.objects.filter(method=page, user=user).first() if member else None
    page_url = absolute_url(page.url)
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
        "login_url": login_url(page.url),
    }


def render_method(
    request: HttpRequest, page: MethodPage, extra: dict, *, status: int = 200
) -> TemplateResponse:
    """The method page as Wagtail serves it, with `extra` added to (or replacing) its context."""
    context = {**page.get_context(request), **extra}
    return TemplateResponse(request, page.get_template(request), context, status=status)
