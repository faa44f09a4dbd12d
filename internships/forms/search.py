from django import forms
from django.utils.translation import gettext_lazy as _

from syvsite.regions.models import County

from ..models import PlacementType
from ..selectors.rekas import programme_choices
from . import DateInput, municipality_field

DISTANCES = [
    ("", _("Alla avstånd")),
    ("10", "10 km"),
    ("25", "25 km"),
    ("50", "50 km"),
    ("100", "100 km"),
    ("200", "200 km"),
]
SORTS = [
    ("relevance", _("Relevans")),
    ("date", _("Senast publicerad")),
    ("distance", _("Närmast först")),
]


class ListingFilterForm(forms.Form):
    """The filters of /praktik/. Every field is optional; invalid values are dropped, not fatal."""

    q = forms.CharField(label=_("Sökord"), required=False, max_length=200)
    typ = forms.MultipleChoiceField(
        label=_("Typ av praktik"),
        required=False,
        choices=PlacementType.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    lan = forms.ModelChoiceField(
        label=_("Län"),
        queryset=County.objects.order_by("name"),
        to_field_name="code",
        required=False,
        empty_label=_("Alla län"),
    )
    kommun = municipality_field(required=False, empty_label=_("Alla kommuner"))
    program = forms.ChoiceField(label=_("Program"), required=False)
    fran = forms.DateField(label=_("Period från"), required=False, widget=DateInput())
    till = forms.DateField(label=_("Period till"), required=False, widget=DateInput())
    nara = municipality_field(
        required=False, label=_("Avstånd från kommun"), empty_label=_("Välj kommun")
    )
    skola = forms.TypedChoiceField(
        label=_("Avstånd från min skola"), required=False, coerce=int, empty_value=None
    )
    km = forms.TypedChoiceField(
        label=_("Inom"), choices=DISTANCES, required=False, coerce=int, empty_value=None
    )
    sort = forms.ChoiceField(label=_("Sortera"), choices=SORTS, required=False)

    def __init__(self, *args, schools=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["program"].choices = [("", _("Alla program"))] + programme_choices()
        school_list = list(schools or [])
        self.fields["skola"].choices = [("", _("Ingen"))] + [
            (str(s.pk), s.name) for s in school_list
        ]
        if not school_list:
            del self.fields["skola"]
        self.schools = {school.pk: school for school in school_list}

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("fran"), data.get("till")
        if start and end and end < start:
            self.add_error("till", _("Slutdatum kan inte vara före startdatum."))
        return data

    def valid_data(self) -> dict:
        """The fields that parsed; a bad value in one filter must not drop the others."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if name not in self.errors}
