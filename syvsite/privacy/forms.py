from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import AccessLogEntry


class AccessLogSearchForm(forms.Form):
    user = forms.CharField(label=_("Användare (e-post)"), max_length=254, required=False)
    object_type = forms.ChoiceField(
        label=_("Typ"),
        choices=[("", _("Alla typer")), *AccessLogEntry.ObjectType.choices],
        required=False,
    )
    object_text = forms.CharField(
        label=_("Objekt (id, namn eller organisation)"), max_length=200, required=False
    )
    date_from = forms.DateField(
        label=_("Från och med"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Skriv datumet som ÅÅÅÅ-MM-DD.")},
    )
    date_to = forms.DateField(
        label=_("Till och med"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Skriv datumet som ÅÅÅÅ-MM-DD.")},
    )

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            raise ValidationError(_("Slutdatumet ligger före startdatumet."), code="date_order")
        return data
