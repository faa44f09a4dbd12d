from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from . import conf
from .exceptions import ForumError
from .models import Category, Report
from .services.posting import validate_body, validate_title

BODY_HELP = _(
    "Du kan använda Markdown: **fetstil**, *kursiv*, [länktext](https://…), "
    "> citat, listor med - och tabeller. HTML visas som vanlig text. "
    "Skriv aldrig namn eller andra uppgifter om elever."
)


def _as_validation_error(check, value):
    try:
        return check(value)
    except ForumError as error:
        raise ValidationError(error.message) from error


class BodyField(forms.CharField):
    def __init__(self, **kwargs):
        super().__init__(
            label=kwargs.pop("label", _("Text")),
            widget=forms.Textarea(attrs={"rows": 10, "class": "forum-editor"}),
            help_text=BODY_HELP,
            strip=False,
            error_messages={"required": _("Inlägget är tomt. Skriv någon text.")},
            **kwargs,
        )

    def clean(self, value):
        return _as_validation_error(validate_body, super().clean(value))

    def widget_attrs(self, widget):
        # A generous browser-side limit; the server gives the exact Swedish message.
        return {**super().widget_attrs(widget), "maxlength": str(conf.get("MAX_BODY_LENGTH"))}


class TitleField(forms.CharField):
    def __init__(self, **kwargs):
        super().__init__(
            label=_("Rubrik"),
            max_length=150,
            error_messages={
                "required": _("Skriv en rubrik för tråden."),
                "max_length": _(
                    "Rubriken får vara högst %(limit_value)d tecken (nu %(show_value)d)."
                ),
            },
            **kwargs,
        )

    def clean(self, value):
        return _as_validation_error(validate_title, super().clean(value))


class ThreadForm(forms.Form):
    title = TitleField()
    body = BodyField()


class ReplyForm(forms.Form):
    body = BodyField(label=_("Ditt svar"))


class EditPostForm(forms.Form):
    body = BodyField()

    def __init__(self, *args, with_title: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if with_title:
            self.fields = {"title": TitleField(), **self.fields}


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Vad är fel med inlägget?"),
        choices=Report.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Välj en anledning.")},
    )
    message = forms.CharField(
        label=_("Beskriv gärna (valfritt)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": _("Högst %(limit_value)d tecken.")},
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Anledning"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sparas i moderationsloggen."),
        error_messages={"required": _("Skriv en anledning. Den sparas i moderationsloggen.")},
    )

    def __init__(self, *args, required: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = required
        if not required:
            self.fields["reason"].label = _("Anledning (valfritt)")


class MoveThreadForm(ReasonForm):
    category = forms.ModelChoiceField(
        label=_("Flytta till kategori"),
        queryset=Category.objects.all(),
        empty_label=None,
        error_messages={"invalid_choice": _("Välj en kategori i listan.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, required=False, **kwargs)


SUSPENSION_DAYS = [(1, _("1 dag")), (3, _("3 dagar")), (7, _("1 vecka")), (30, _("30 dagar")),
                   (365, _("1 år"))]  # fmt: skip


class SuspendForm(ReasonForm):
    days = forms.TypedChoiceField(
        label=_("Hur länge?"), choices=SUSPENSION_DAYS, coerce=int, initial=7,
        error_messages={"invalid_choice": _("Välj en av tiderna i listan.")},
    )  # fmt: skip

    field_order = ["days", "reason"]
