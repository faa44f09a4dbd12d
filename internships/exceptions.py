"""Errors the services raise with a Swedish message a view can show as it is."""


class PlacementError(Exception):
    """A refused action. `field` names the form field the message belongs to, if any."""

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


class CapacityError(PlacementError):
    """Not enough free places (left after pending and accepted bookings)."""


class InvalidTransition(PlacementError):
    """A status change the workflow does not allow from the current status."""
