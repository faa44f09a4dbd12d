from django import template
from django.utils.translation import gettext as _

from syvsite.accounts.roles import Role, has_role

register = template.Library()


@register.filter
def author_name(user) -> str:
    """The author as shown in the forum; deleted accounts become "borttagen användare"."""
    if user is None:
        return _("borttagen användare")
    return user.display_name


@register.filter
def author_role(user) -> str:
    if user is None:
        return ""
    if has_role(user, Role.ADMIN) and not user.is_superuser:
        return _("Administratör")
    if has_role(user, Role.MODERATOR) and not user.is_superuser:
        return _("Moderator")
    return ""
