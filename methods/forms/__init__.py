from .bundle import SubmissionForms
from .feedback import CommentForm, ModerationForm, RatingForm

__all__ = ["CommentForm", "ModerationForm", "RatingForm", "SubmissionForms"]
