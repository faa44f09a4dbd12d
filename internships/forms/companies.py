from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from ..models import Workplace
from ..services.companies import WORKPLACE_FIELDS
from . import municipality_field

OUTSIDE = _("Positionen ligger inte i Sverige.")


class CompanyProfileForm(forms.Form):
    name = forms.CharField(label=_("Företagets namn"), max_length=200)
    phone = forms.CharField(label=_("Telefon (växel)"), max_length=40, required=False)
    website = forms.URLField(
        label=_("Webbplats"),
        required=False,
        assume_scheme="https",
        error_messages={"invalid": _("Ange en webbadress, till exempel https://foretaget.se.")},
    )
    description = forms.CharField(
        label=_("Om företaget"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=4000,
        required=False,
        help_text=_("Vad ni gör och vad en praktikant får vara med om. Visas i era annonser."),
    )
    contact_name = forms.CharField(
        label=_("Kontaktperson för praktik"),
        max_length=150,
        error_messages={"required": _("Ange vem skolorna ska kontakta.")},
    )
    contact_email = forms.EmailField(
        label=_("Kontaktpersonens e-post"),
        error_messages={
            "required": _("Ange kontaktpersonens e-postadress."),
            "invalid": _("Ange en giltig e-postadress."),
        },
    )
    contact_phone = forms.CharField(
        label=_("Kontaktpersonens telefon"), max_length=40, required=False
    )


class WorkplaceForm(forms.ModelForm):
    municipality = municipality_field()
    latitude = forms.FloatField(
        label=_("Latitud (valfritt)"),
        required=False,
        validators=[MinValueValidator(55.0, OUTSIDE), MaxValueValidator(69.1, OUTSIDE)],
        help_text=_("Lämna tomt så används kommunens centralort för avståndssökning."),
        error_messages={"invalid": _("Ange latitud som ett decimaltal, till exempel 57.7089.")},
    )
    longitude = forms.FloatField(
        label=_("Longitud (valfritt)"),
        required=False,
        validators=[MinValueValidator(10.9, OUTSIDE), MaxValueValidator(24.2, OUTSIDE)],
        error_messages={"invalid": _("Ange longitud som ett decimaltal, till exempel 11.9746.")},
    )

    class Meta:
        model = Workplace
        fields = list(WORKPLACE_FIELDS)

    def clean_postal_code(self) -> str:
        digits = "".join(char for char in self.cleaned_data["postal_code"] if char.isdigit())
        if len(digits) != 5:
            raise forms.ValidationError(_("Postnumret består av fem siffror, till exempel 411 04."))
        return f"{digits[:3]} {digits[3:]}"

    def clean(self) -> dict:
        data = super().clean()
        if (data.get("latitude") is None) != (data.get("longitude") is None):
            self.add_error("longitude", _("Ange både latitud och longitud, eller ingen av dem."))
        return data


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Skäl"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": _("Skriv ett skäl.")},
    )
