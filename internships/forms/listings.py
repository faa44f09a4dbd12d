from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Listing, ListingPeriod, PlacementType
from ..selectors.listings import today
from ..selectors.rekas import occupation_choices, occupation_name, programme_choices
from ..services.listings import LISTING_FIELDS
from . import date_field


class ListingForm(forms.ModelForm):
    programmes = forms.MultipleChoiceField(
        label=_("Passar för program"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("För APL: vilka gymnasieprogram platsen passar. Valfritt för andra typer."),
    )

    class Meta:
        model = Listing
        fields = list(LISTING_FIELDS)
        widgets = {
            "placement_type": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 8}),
            "health_and_safety": forms.Textarea(attrs={"rows": 3}),
            "safety_information": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "occupation_ssyk": _(
                "Fyra siffror enligt SSYK 2012, till exempel 5321 för undersköterskor. "
                "Används för att visa Arbetsförmedlingens prognos för yrket i länet."
            ),
            "health_and_safety": _(
                "Till exempel skyddskläder, allergier att tänka på, krav på vaccination."
            ),
            "safety_information": _("Risker på arbetsplatsen och hur eleven introduceras."),
            "min_age": _("Lämna tomt om det inte finns någon åldersgräns."),
        }
        error_messages = {
            "title": {"required": _("Skriv en rubrik.")},
            "description": {"required": _("Beskriv vad praktikanten får göra.")},
            "placement_type": {"required": _("Välj typ av praktik.")},
            "workplace": {"required": _("Välj arbetsplats. Lägg till en under företagsprofilen.")},
            "supervisor_name": {"required": _("Ange handledarens namn.")},
            "supervisor_email": {
                "required": _("Ange handledarens e-post; dit skickas länken till praktikintyget."),
                "invalid": _("Ange en giltig e-postadress."),
            },
        }

    def __init__(self, *args, company, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["workplace"].queryset = company.workplaces.select_related("municipality")
        self.fields["workplace"].empty_label = _("Välj arbetsplats")
        self.fields["placement_type"].choices = PlacementType.choices
        self.fields["programmes"].choices = programme_choices()
        self.occupations = occupation_choices()
        if self.occupations:
            # Suggestions from REKAS's SSYK register; any valid SSYK code is still accepted.
            self.fields["occupation_ssyk"].widget.attrs["list"] = "ssyk-codes"
        self.fields["occupation_name"].help_text = _(
            "Lämna tomt så hämtas yrkesbenämningen från SSYK-koden när den är känd."
        )
        if self.instance.pk:
            self.initial["programmes"] = list(
                self.instance.programmes.values_list("code", flat=True)
            )

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("occupation_name") and data.get("occupation_ssyk"):
            data["occupation_name"] = occupation_name(data["occupation_ssyk"])
        return data

    def clean_min_age(self):
        age = self.cleaned_data.get("min_age")
        if age is not None and not 13 <= age <= 70:
            raise forms.ValidationError(_("Ange en ålder mellan 13 och 70, eller lämna tomt."))
        return age


class PeriodForm(forms.Form):
    start_date = date_field(_("Första dag"))
    end_date = date_field(_("Sista dag"))
    places = forms.IntegerField(
        label=_("Antal platser"),
        error_messages={
            "required": _("Ange hur många elever ni kan ta emot."),
            "invalid": _("Ange antalet platser som ett heltal."),
        },
    )
    note = forms.CharField(
        label=_("Kommentar"),
        max_length=150,
        required=False,
        help_text=_("Till exempel ”vecka 12–13” eller ”förmiddagar”."),
    )

    def __init__(self, *args, period: ListingPeriod | None = None, **kwargs):
        self.period = period
        if period is not None and not kwargs.get("data") and not args:
            kwargs["initial"] = {
                "start_date": period.start_date,
                "end_date": period.end_date,
                "places": period.places,
                "note": period.note,
            }
        super().__init__(*args, **kwargs)

    def clean_places(self) -> int:
        places = self.cleaned_data["places"]
        if places < 1:
            raise forms.ValidationError(_("Antalet platser måste vara minst 1."))
        if places > 500:
            raise forms.ValidationError(_("Högst 500 platser per period."))
        return places

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        unchanged = self.period is not None and (start, end) == (
            self.period.start_date,
            self.period.end_date,
        )
        if start and start < today() and not unchanged:
            self.add_error("start_date", _("Perioden kan inte börja i det förflutna."))
        if start and end and end < start:
            self.add_error("end_date", _("Sista dag kan inte vara före första dag."))
        return data
