"""The member's suggestion form (the same rules as the editor's page form) and the review form."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from methods.models import TargetGroup, Theme

from . import validation
from .models import Access, FactPage, Kind, Language
from .services.submissions import FactContent


def _field(name: str, **kwargs) -> forms.Field:
    """The form field for a FactPage field, with its label, length and help text."""
    return FactPage._meta.get_field(name).formfield(**kwargs)


class FactSuggestionForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=255)
    kind = forms.ChoiceField(label=_("Typ av underlag"), choices=Kind.choices)
    year = forms.IntegerField(label=_("Utgivningsår"), required=False)
    authors = _field("authors", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    publisher = _field("publisher", required=False)
    series = _field("series", required=False)
    link = forms.URLField(label=_("Länk"), max_length=500, required=False, assume_scheme="https")
    doi = _field("doi", required=False)
    isbn = _field("isbn", required=False)
    sfs_number = _field("sfs_number", required=False)
    sou_number = _field("sou_number", required=False)
    diarienummer = _field("diarienummer", required=False)
    language = forms.ChoiceField(
        label=_("Språk"), choices=Language.choices, initial=Language.SWEDISH
    )
    access = forms.ChoiceField(label=_("Åtkomst"), choices=Access.choices, initial=Access.OPEN)
    licence = _field("licence", required=False)
    summary = forms.CharField(
        label=_("Sammanfattning"),
        max_length=1500,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Vad handlar underlaget om? Skriv med egna ord, högst 1 500 tecken."),
    )
    key_findings = _field("key_findings", required=False, widget=forms.Textarea(attrs={"rows": 4}))
    implications = _field("implications", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    themes = forms.ModelMultipleChoiceField(
        label=_("Teman"),
        queryset=Theme.objects.all(),
        required=False,
        to_field_name="slug",
        widget=forms.CheckboxSelectMultiple,
    )
    target_groups = forms.ModelMultipleChoiceField(
        label=_("Målgrupper"),
        queryset=TargetGroup.objects.all(),
        required=False,
        to_field_name="slug",
        widget=forms.CheckboxSelectMultiple,
    )

    def _identifier(self, name: str) -> str:
        return validation.CLEANERS[name](self.cleaned_data.get(name, ""))

    def clean_doi(self) -> str:
        return self._identifier("doi")

    def clean_isbn(self) -> str:
        return self._identifier("isbn")

    def clean_sfs_number(self) -> str:
        return self._identifier("sfs_number")

    def clean_sou_number(self) -> str:
        return self._identifier("sou_number")

    def clean_diarienummer(self) -> str:
        return self._identifier("diarienummer")

    def clean_year(self) -> int | None:
        return validation.clean_year(self.cleaned_data.get("year"))

    def clean(self) -> dict:
        data = super().clean()
        if (
            data.get("kind") == Kind.LAW
            and not data.get("sfs_number")
            and "sfs_number" not in self.errors
        ):
            self.add_error(
                "sfs_number", ValidationError(_("En lag eller förordning behöver sitt SFS-nummer."))
            )
        return data

    def to_content(self) -> FactContent:
        data = self.cleaned_data
        return FactContent(**{name: data.get(name) for name in FactContent.__dataclass_fields__})


class ReviewForm(forms.Form):
    fact = forms.IntegerField(widget=forms.HiddenInput)
