"""The front-end form a member uses to contribute (or revise) a method."""

from django import forms
from django.utils.translation import gettext_lazy as _

from syvsite.organisations.services import organisations_for

from .. import conf
from ..blocks import SteeringDocument
from ..models import Duration, MethodFormat, TargetGroup, Theme
from .text import lazy_percent
from .uploads import validate_document, validate_image

REQUIRED = _("Fyll i fältet.")
ROW_LABELS = (_("Steg"), _("Hänvisning"), _("Bild"), _("Bilaga"))
PICK_ONE = _("Välj minst ett alternativ.")


def _megabytes(name: str) -> int:
    return conf.get(name) // (1024 * 1024)


IMAGE_HELP = lazy_percent(
    _("JPEG, PNG, GIF eller WebP, högst %(megabytes)s MB."),
    megabytes=_megabytes("MAX_IMAGE_BYTES"),
)
DOCUMENT_HELP = lazy_percent(
    _("PDF, Word, Excel, PowerPoint eller OpenDocument, högst %(megabytes)s MB."),
    megabytes=_megabytes("MAX_DOCUMENT_BYTES"),
)


def _required(label, **kwargs):
    kwargs.setdefault("error_messages", {"required": REQUIRED})
    return forms.CharField(label=label, **kwargs)


def _terms(model, label):
    return forms.ModelMultipleChoiceField(
        label=label,
        queryset=model.objects.all(),
        to_field_name="slug",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": PICK_ONE, "invalid_choice": _("Ogiltigt val.")},
    )


class MethodSubmissionForm(forms.Form):
    required_css_class = "label--required"  # methods.css marks these labels with *

    title = _required(_("Metodens namn"), max_length=120)
    summary = _required(
        _("Sammanfattning"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("En eller två meningar som visas i listan. Högst 300 tecken."),
    )
    purpose = _required(
        _("Syfte"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Vad ska deltagarna få syn på eller lära sig?"),
    )
    target_groups = _terms(TargetGroup, _("Målgrupper"))
    formats = _terms(MethodFormat, _("Arbetsform"))
    themes = _terms(Theme, _("Teman"))
    duration = forms.ChoiceField(
        label=_("Tidsåtgång"),
        choices=Duration.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Välj ungefärlig tidsåtgång.")},
    )
    time_needed = forms.CharField(
        label=_("Tidsåtgång i detalj (valfritt)"),
        max_length=200,
        required=False,
        help_text=_("Till exempel ”Två lektioner à 60 minuter”."),
    )
    preparation = forms.CharField(
        label=_("Förberedelser (valfritt)"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    materials = forms.CharField(
        label=_("Material (valfritt)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("En sak per rad."),
    )
    adaptation_tips = forms.CharField(
        label=_("Tips för anpassning (valfritt)"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Hur kan metoden anpassas för till exempel nyanlända eller anpassad skola?"),
    )
    author_organisation = forms.ModelChoiceField(
        label=_("Organisation som står bakom metoden (valfritt)"),
        queryset=None,
        required=False,
        empty_label=_("Ingen organisation"),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["author_organisation"].queryset = organisations_for(user)


class StepForm(forms.Form):
    title = forms.CharField(label=_("Rubrik"), max_length=120, required=False)
    instructions = forms.CharField(
        label=_("Gör så här"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    minutes = forms.IntegerField(
        label=_("Minuter (valfritt)"), min_value=1, max_value=600, required=False
    )

    def clean(self):
        data = super().clean()
        if data.get("instructions") and not data.get("title"):
            self.add_error("title", _("Ge steget en rubrik."))
        if data.get("title") and not data.get("instructions"):
            self.add_error("instructions", _("Beskriv vad som görs i steget."))
        return data


class BaseStepFormSet(forms.BaseFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        if not [form for form in self.forms if form.cleaned_data.get("title")]:
            raise forms.ValidationError(_("Beskriv minst ett steg i genomförandet."))


StepFormSet = forms.formset_factory(
    StepForm, formset=BaseStepFormSet, extra=5, max_num=20, validate_max=True
)


class ReferenceForm(forms.Form):
    document = forms.ChoiceField(
        label=_("Styrdokument"),
        choices=[("", _("– Välj styrdokument –")), *SteeringDocument.choices],
        required=False,
    )
    section = forms.CharField(label=_("Avsnitt"), max_length=200, required=False)
    url = forms.URLField(label=_("Länk"), required=False, assume_scheme="https")

    def clean(self):
        data = super().clean()
        if (data.get("section") or data.get("url")) and not data.get("document"):
            self.add_error("document", _("Välj vilket styrdokument du hänvisar till."))
        return data


ReferenceFormSet = forms.formset_factory(ReferenceForm, extra=2, max_num=10, validate_max=True)


class ImageForm(forms.Form):
    existing = forms.IntegerField(widget=forms.HiddenInput, required=False)
    file = forms.FileField(
        label=_("Bild"),
        required=False,
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/gif,image/webp"}),
        help_text=IMAGE_HELP,
    )
    alt_text = forms.CharField(
        label=_("Alternativtext"),
        max_length=250,
        required=False,
        help_text=_("Beskriv vad bilden visar för den som inte ser den."),
    )
    caption = forms.CharField(label=_("Bildtext (valfritt)"), max_length=250, required=False)
    remove = forms.BooleanField(label=_("Ta bort bilden"), required=False)

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload:
            validate_image(upload)
        return upload

    def clean(self):
        data = super().clean()
        in_use = (data.get("file") or data.get("existing")) and not data.get("remove")
        if in_use and not (data.get("alt_text") or "").strip():
            self.add_error("alt_text", _("Skriv en alternativtext som beskriver bilden."))
        return data


class AttachmentForm(forms.Form):
    existing = forms.IntegerField(widget=forms.HiddenInput, required=False)
    file = forms.FileField(
        label=_("Fil"),
        required=False,
        widget=forms.FileInput(attrs={"accept": ".pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp"}),
        help_text=DOCUMENT_HELP,
    )
    title = forms.CharField(label=_("Rubrik (valfritt)"), max_length=200, required=False)
    remove = forms.BooleanField(label=_("Ta bort bilagan"), required=False)

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload:
            validate_document(upload)
        return upload


ImageFormSet = forms.formset_factory(
    ImageForm, extra=2, max_num=conf.get("MAX_IMAGES"), validate_max=True
)
AttachmentFormSet = forms.formset_factory(
    AttachmentForm, extra=2, max_num=conf.get("MAX_ATTACHMENTS"), validate_max=True
)
