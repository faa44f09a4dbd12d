"""Refusals the method bank's services raise; views turn them into a message or a form error.

They are also Django's own exceptions, so a refusal that reaches Django unhandled still
answers 403 (NotAllowed), and a form can show an Invalid on its field (`form.add_error`).
"""

from django.core.exceptions import PermissionDenied, ValidationError


class MethodBankError(Exception):
    """Base of every refusal in the method bank."""


class NotAllowed(MethodBankError, PermissionDenied):
    """The user may not do this: not a member, not the submitter, not a moderator."""


class Invalid(MethodBankError, ValidationError):
    """A value the rules refuse (a score outside 1–5, an empty comment)."""
