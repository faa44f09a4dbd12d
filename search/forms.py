"""Forms of the editors' search tools in the staff pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .promotions import MAX_QUERY
from .synonyms import SynonymError, parse


class SynonymForm(forms.Form):
    text = forms.CharField(
        label=_("Synonymer"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 24, "cols": 80, "spellcheck": "false"}),
        help_text=_(
            "En rad per grupp ord som betyder samma sak, med kommatecken emellan: "
            "”prao, praktisk arbetslivsorientering”. ”a, b => c” söker a och b som c. "
            "Rader som börjar med # är kommentarer."
        ),
    )

    def clean_text(self) -> str:
        text = self.cleaned_data["text"]
        try:
            parse(text)
        except SynonymError as error:
            raise forms.ValidationError(str(error)) from error
        return text


class PinForm(forms.Form):
    query = forms.CharField(label=_("Sökfråga"), max_length=MAX_QUERY)
    document = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class LookupForm(forms.Form):
    query = forms.CharField(
        label=_("Sökfråga"),
        max_length=MAX_QUERY,
        required=False,
        help_text=_("Den sökning sidan ska visas först för, t.ex. ”prao”."),
    )
    find = forms.CharField(
        label=_("Sök sidan att visa först"),
        max_length=100,
        required=False,
        help_text=_("Ord ur sidans titel."),
    )
