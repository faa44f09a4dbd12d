from pathlib import Path

from django import forms
from django.utils.translation import gettext_lazy as _

from syvsite.regions.models import County, Municipality

from . import selectors
from .importers.files import MAX_FILE_BYTES
from .models import AdmissionStatistic, ImportBatch, Programme

UPLOAD_SUFFIXES = {".csv", ".xlsx", ".json", ".txt"}


class FilterForm(forms.Form):
    """Year, round and programme kind; invalid values fall back to the defaults with a message."""

    year = forms.TypedChoiceField(label=_("År"), coerce=int, required=False)
    round = forms.ChoiceField(
        label=_("Antagningsomgång"), choices=AdmissionStatistic.Round.choices, required=False
    )
    kind = forms.ChoiceField(
        label=_("Programtyp"),
        choices=[("", _("Alla program")), *Programme.Kind.choices],
        required=False,
    )

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["year"].choices = [(year, year) for year in selectors.available_years()]
        default_year, default_round = selectors.default_year_and_round()
        self.fields["year"].initial = default_year
        self.fields["round"].initial = default_round

    def values(self) -> tuple[int | None, str, str]:
        default_year, default_round = selectors.default_year_and_round()
        if not self.is_valid():
            return default_year, default_round, ""
        data = self.cleaned_data
        return (
            data.get("year") or default_year,
            data.get("round") or default_round,
            data.get("kind") or "",
        )


def area_choices() -> list:
    counties = [(county.code, county.name) for county in County.objects.all()]
    municipalities = [
        (m.code, f"{m.name} ({m.county.short_name})")
        for m in Municipality.objects.select_related("county")
    ]
    return [("", _("Välj område")), (_("Län"), counties), (_("Kommuner"), municipalities)]


class AreaForm(forms.Form):
    lan = forms.ChoiceField(label=_("Län"), required=False)
    kommun = forms.ChoiceField(label=_("Kommun"), required=False)

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["lan"].choices = [
            ("", _("Välj län")),
            *((c.code, c.name) for c in County.objects.all()),
        ]
        self.fields["kommun"].choices = [
            ("", _("Välj kommun")),
            *((m.code, m.name) for m in Municipality.objects.order_by("name")),
        ]


class CompareForm(forms.Form):
    a = forms.ChoiceField(label=_("Område 1"))
    b = forms.ChoiceField(label=_("Område 2"))

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        choices = area_choices()
        self.fields["a"].choices = choices
        self.fields["b"].choices = choices


class UploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("Vad innehåller filen?"), choices=ImportBatch.Kind.choices)
    file = forms.FileField(
        label=_("Fil"),
        help_text=_(
            "Antagningsstatistik: CSV (; eller ,) eller XLSX. Yrkesbarometern: JSON. "
            "Koppling: CSV med programkod;ssyk;vikt. Högst 50 MB."
        ),
    )
    year = forms.IntegerField(
        label=_("År"),
        required=False,
        help_text=_("Bara om filen saknar kolumnen år (t.ex. Gymnasieantagningens listor)."),
    )
    round = forms.ChoiceField(
        label=_("Antagningsomgång"),
        required=False,
        choices=[("", _("Står i filen")), *AdmissionStatistic.Round.choices],
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if Path(upload.name).suffix.lower() not in UPLOAD_SUFFIXES:
            raise forms.ValidationError(_("Filen ska vara CSV, XLSX eller JSON."))
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(_("Filen är större än 50 MB."))
        return upload
