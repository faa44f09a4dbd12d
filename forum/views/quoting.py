"""Quoting: "Citera" prefills the reply with the quoted post as a Markdown block quote."""

from django.http import HttpRequest
from django.utils.translation import gettext as _

from ..models import Post, Status, Thread
from ..permissions import post_visibility_q
from ..templatetags.forum_tags import author_name

QUOTE_LIMIT = 1500  # characters of the quoted post; a quote is a reminder, not a copy


def quote_text(request: HttpRequest, thread: Thread) -> str:
    raw = request.GET.get("citera", "")
    if not raw.isdigit():
        return ""
    post = (
        Post.objects.filter(post_visibility_q(request.user), pk=int(raw), thread=thread)
        .filter(status=Status.PUBLISHED)
        .select_related("author")
        .first()
    )
    if post is None:
        return ""
    source = post.body_markdown.strip()
    if len(source) > QUOTE_LIMIT:
        source = source[:QUOTE_LIMIT].rstrip() + " …"
    quoted = "\n".join(f"> {line}" if line else ">" for line in source.splitlines())
    heading = _("%(name)s skrev:") % {"name": author_name(post.author)}
    return f"> **{heading}**\n>\n{quoted}\n\n"
