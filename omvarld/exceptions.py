"""What can go wrong with a feed; each has a Swedish message that the feed's health shows."""


class FeedError(Exception):
    """A feed could not be fetched or read. str(error) is the Swedish status shown to staff."""


class NotAllowed(FeedError):
    """The user may not do this (not an editor)."""
