from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Certificate
from ..services.certificates import CERTIFICATE_FIELDS


class BookingForm(forms.Form):
    school = forms.ModelChoiceField(
        label=_("Skola"),
        queryset=None,
        empty_label=None,
        error_messages={"invalid_choice": _("Välj en av dina skolor.")},
    )
    pupils = forms.CharField(
        label=_("Elever"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Ett namn per rad. Antalet namn är antalet platser du bokar."),
        error_messages={"required": _("Skriv namnet på minst en elev, en per rad.")},
    )
    message = forms.CharField(
        label=_("Meddelande till företaget (valfritt)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
    )

    def __init__(self, *args, schools, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = schools

    @property
    def pupil_names(self) -> list[str]:
        return self.cleaned_data["pupils"].splitlines()


class DecisionForm(forms.Form):
    message = forms.CharField(
        label=_("Meddelande till skolan (valfritt)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
    )


class CertificateForm(forms.ModelForm):
    class Meta:
        model = Certificate
        fields = list(CERTIFICATE_FIELDS)
        widgets = {
            "punctuality": forms.RadioSelect,
            "engagement": forms.RadioSelect,
            "cooperation": forms.RadioSelect,
            "tasks": forms.Textarea(attrs={"rows": 3}),
            "assessment": forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = {
            "days_planned": {"max_value": _("Ange högst 366 dagar.")},
            "days_attended": {"max_value": _("Ange högst 366 dagar.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only what the school asked for (minimisation): the other parts are not even shown.
        for name in list(self.fields):
            if name not in self.instance.asked_fields:
                del self.fields[name]
        for name in ("days_planned", "days_attended", "signed_by_name"):
            self.fields[name].required = True
        self.fields["signed_by_name"].error_messages["required"] = _("Skriv ditt namn.")
        self.fields["days_planned"].error_messages["required"] = _("Ange antalet planerade dagar.")
        self.fields["days_attended"].error_messages["required"] = _(
            "Ange hur många dagar eleven var på plats."
        )
        for name in ("punctuality", "engagement", "cooperation"):
            if name not in self.fields:
                continue
            self.fields[name].choices = [
                choice for choice in self.fields[name].choices if choice[0] != ""
            ]

    def clean(self) -> dict:
        data = super().clean()
        planned, attended = data.get("days_planned"), data.get("days_attended")
        if planned is not None and attended is not None and attended > planned:
            self.add_error(
                "days_attended", _("Närvarande dagar kan inte vara fler än planerade dagar.")
            )
        return data
