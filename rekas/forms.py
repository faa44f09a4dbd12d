from pathlib import Path

from django import forms
from django.utils.translation import gettext_lazy as _

from syvsite.regions.models import County, Municipality

from . import selectors
from .importers.files import MAX_FILE_BYTES
from .importers.normalise import normalise_text
from .models import (
    AdmissionStatistic,
    ImportBatch,
    NameKind,
    Orientation,
    PendingAdmission,
    Programme,
)

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

    def __init__(self, data=None, *, published: selectors.Published, **kwargs):
        super().__init__(data, **kwargs)
        self.default = published.default
        self.fields["year"].choices = [(year, year) for year in published.years]
        self.fields["year"].initial, self.fields["round"].initial = self.default

    def values(self) -> tuple[int | None, str, str]:
        default_year, default_round = self.default
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
    kind = forms.ChoiceField(label=_("Vad innehåller filen?"))
    file = forms.FileField(
        label=_("Fil"),
        help_text=_(
            "Antagningsstatistik: CSV (; eller ,) eller XLSX. Yrkesbarometern: JSON. "
            "Koppling: CSV med programkod;ssyk;vikt. UHR: JSON från UHR:s statistik-API. "
            "YH och SCB: CSV från SCB:s statistikdatabas; SCB även JSON-stat. Högst 50 MB."
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

    def __init__(self, *args, **kwargs):
        from .importers import IMPORTERS

        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [
            choice for choice in ImportBatch.Kind.choices if choice[0] in IMPORTERS
        ]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if Path(upload.name).suffix.lower() not in UPLOAD_SUFFIXES:
            raise forms.ValidationError(_("Filen ska vara CSV, XLSX eller JSON."))
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(_("Filen är större än 50 MB."))
        return upload


class UniversityFilterForm(forms.Form):
    """Search and filters of /rekas/hogskola/; an unknown choice is ignored with a message."""

    q = forms.CharField(label=_("Sök program"), required=False, max_length=100)
    larosate = forms.ChoiceField(label=_("Lärosäte"), required=False)
    termin = forms.ChoiceField(label=_("Termin"), required=False)
    ort = forms.ChoiceField(label=_("Studieort"), required=False)

    def __init__(self, data=None, **kwargs):
        from .selectors import postsecondary

        super().__init__(data, **kwargs)
        self.fields["larosate"].choices = [("", _("Alla lärosäten")), *postsecondary.institutions()]
        self.fields["termin"].choices = [
            ("", _("Senaste terminen")),
            *((term, term) for term in postsecondary.university_terms()),
        ]
        self.fields["ort"].choices = [
            ("", _("Alla orter")),
            *((place, place) for place in postsecondary.study_locations()),
        ]

    def filters(self) -> dict[str, str]:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "q": data["q"].strip(),
            "institution": data["larosate"],
            "term": data["termin"],
            "location": data["ort"],
        }


class MapForm(forms.Form):
    """What the national page's map shows: a programme's söktryck or matching per county, or
    Arbetsförmedlingen's assessment of an occupation per county. Bad values fall back."""

    SOKTRYCK, MATCHNING, YRKE = "soktryck", "matchning", "yrke"

    karta = forms.ChoiceField(
        label=_("Färga länen efter"),
        choices=[
            (SOKTRYCK, _("Söktryck (förstahandssökande per plats)")),
            (MATCHNING, _("Matchning mot arbetsmarknaden (efterfrågeindex)")),
            (YRKE, _("Arbetsförmedlingens bedömning av ett yrke")),
        ],
        required=False,
    )
    program = forms.ChoiceField(label=_("Program (söktryck och matchning)"), required=False)
    yrke = forms.ChoiceField(label=_("Yrke (Arbetsförmedlingens bedömning)"), required=False)

    def __init__(self, data=None, *, occupations, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["program"].choices = [
            ("", _("Alla program")),
            *Programme.objects.exclude(kind=Programme.Kind.INTRODUCTION).values_list(
                "code", "name"
            ),
        ]
        self.fields["yrke"].choices = [
            ("", _("Välj yrke")),
            *((o.ssyk, f"{o.name} ({o.ssyk})") for o in occupations),
        ]

    def clean(self):
        data = super().clean()
        if data.get("karta") == self.YRKE and not data.get("yrke"):
            self.add_error("yrke", _("Välj ett yrke för att se Arbetsförmedlingens bedömning."))
        if data.get("karta") == self.MATCHNING and not data.get("program"):
            self.add_error("program", _("Välj ett program för att se matchningen per län."))
        return data

    def choice(self) -> tuple[str, str, str]:
        """(measure, programme code, SSYK code); söktryck for all programmes when invalid."""
        if not self.is_bound or not self.is_valid():
            return self.SOKTRYCK, "", ""
        data = self.cleaned_data
        return data.get("karta") or self.SOKTRYCK, data.get("program", ""), data.get("yrke", "")


class MapNameForm(forms.Form):
    """Map an unknown name from "Okända namn att koppla": a programme name to a programme (and
    orientation), a school or organiser name to a municipality. Only names that wait are valid."""

    kind = forms.ChoiceField(choices=NameKind.choices, widget=forms.HiddenInput)
    name = forms.CharField(max_length=255, widget=forms.HiddenInput)
    programme = forms.ModelChoiceField(
        label=_("Program"),
        queryset=Programme.objects.all(),
        required=False,
        empty_label=_("Välj program"),
    )
    orientation = forms.ModelChoiceField(
        label=_("Inriktning (valfri)"),
        queryset=Orientation.objects.select_related("programme"),
        required=False,
        empty_label=_("Ingen inriktning"),
    )
    municipality = forms.ModelChoiceField(
        label=_("Kommun"),
        queryset=Municipality.objects.order_by("name"),
        required=False,
        empty_label=_("Välj kommun"),
    )

    def clean(self):
        data = super().clean()
        kind, name = data.get("kind"), data.get("name", "")
        key_field = "programme_key" if kind == NameKind.PROGRAMME else "place_key"
        waiting = PendingAdmission.objects.filter(**{key_field: normalise_text(name)[:255]})
        if kind and not waiting.exists():
            raise forms.ValidationError(_("Inga rader väntar längre på namnet ”%(name)s”.") % {
                "name": name
            })  # fmt: skip
        if kind == NameKind.PROGRAMME and not data.get("programme"):
            self.add_error("programme", _("Välj ett program."))
        if kind == NameKind.PLACE and not data.get("municipality"):
            self.add_error("municipality", _("Välj en kommun."))
        return data
