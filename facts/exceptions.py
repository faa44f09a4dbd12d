"""Refusals the facts bank's services raise; views turn them into a message."""

from django.core.exceptions import PermissionDenied, ValidationError


class FactsError(Exception):
    """Base of every refusal in the facts bank."""


class NotAllowed(FactsError, PermissionDenied):
    """The user may not do this: not a member, not an editor."""


class Invalid(FactsError, ValidationError):
    """A value the rules refuse."""
