"""Refusals the services raise; views turn them into a Swedish message with the right status."""


class ForumError(Exception):
    status = 400

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class NotAllowed(ForumError):
    status = 403


class RateLimited(ForumError):
    status = 429

    def __init__(self, message: str, *, retry_after: int):
        super().__init__(message)
        self.retry_after = retry_after
