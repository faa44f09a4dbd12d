from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import COMMENT_MAX_LENGTH, RATING_MAX, RATING_MIN
from .text import lazy_percent

SCORE_CHOICES = [(n, str(n)) for n in range(RATING_MIN, RATING_MAX + 1)]
SCORE_ERROR = _("Välj ett betyg från 1 till 5.")


class RatingForm(forms.Form):
    score = forms.TypedChoiceField(
        label=_("Ditt betyg (1 = inte användbar, 5 = mycket användbar)"),
        choices=SCORE_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": SCORE_ERROR, "invalid_choice": SCORE_ERROR},
    )


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Din kommentar"),
        max_length=COMMENT_MAX_LENGTH,
        min_length=3,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=lazy_percent(
            _("Högst %(max)s tecken. Kommentaren visas när en moderator har granskat den."),
            max=COMMENT_MAX_LENGTH,
        ),
        error_messages={
            "required": _("Skriv en kommentar."),
            "min_length": _("Kommentaren är för kort."),
            "max_length": _(
                "Kommentaren får vara högst %(limit_value)d tecken (nu %(show_value)d)."
            ),
        },
    )


class ModerationForm(forms.Form):
    DECISIONS = [("approve", _("Publicera")), ("reject", _("Avvisa"))]

    comment = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(choices=DECISIONS)
    note = forms.CharField(label=_("Motivering (valfritt)"), max_length=300, required=False)
