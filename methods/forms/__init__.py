from .bundle import SubmissionForms
from .feedback import CommentForm, ModerationForm, RatingForm
from .submission import (
    AttachmentFormSet,
    ImageFormSet,
    MethodSubmissionForm,
    ReferenceFormSet,
    StepFormSet,
)

__all__ = [
    "AttachmentFormSet",
    "CommentForm",
    "ImageFormSet",
    "MethodSubmissionForm",
    "ModerationForm",
    "RatingForm",
    "ReferenceFormSet",
    "StepFormSet",
    "SubmissionForms",
]
