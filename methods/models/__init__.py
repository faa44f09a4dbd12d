from .feedback import (
    COMMENT_MAX_LENGTH,
    RATING_MAX,
    RATING_MIN,
    MethodComment,
    MethodRating,
    MethodUse,
)
from .pages import (
    FEEDBACK_FIELDS,
    RESERVED_SLUGS,
    MethodAttachment,
    MethodImage,
    MethodIndexPage,
    MethodPage,
)
from .submissions import MethodSubmission
from .terms import Duration, MethodFormat, TargetGroup, Theme

__all__ = [
    "COMMENT_MAX_LENGTH",
    "FEEDBACK_FIELDS",
    "RATING_MAX",
    "RATING_MIN",
    "RESERVED_SLUGS",
    "Duration",
    "MethodAttachment",
    "MethodComment",
    "MethodFormat",
    "MethodImage",
    "MethodIndexPage",
    "MethodPage",
    "MethodRating",
    "MethodSubmission",
    "MethodUse",
    "TargetGroup",
    "Theme",
]
