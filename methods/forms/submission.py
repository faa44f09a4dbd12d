"""The front-end form a member uses to contribute (or revise) a method."""

from django import forms
from django.utils.translation import gettext_lazy as _

from syvsite.organisations.services import organisations_for

from ..blocks import SteeringDocument
from ..models import Duration, MethodFormat, MethodPage, TargetGroup, Theme
from ..submissions import AttachmentInput, ImageInput, MethodContent
from ..uploads import MAX_ATTACHMENTS, MAX_IMAGES, validate_document, validate_image

REQUIRED = _("Fyll i fältet.")
ROW_LABELS = (_("Steg"), _("Hänvisning"), _("Bild"), _("Bilaga"))
PICK_ONE = _("Välj minst ett alternativ.")


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
        help_text=_("JPEG, PNG, GIF eller WebP, högst 10 MB."),
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
        help_text=_("PDF, Word, Excel, PowerPoint eller OpenDocument, högst 10 MB."),
    )
    title = forms.CharField(label=_("Rubrik (valfritt)"), max_length=200, required=False)
    remove = forms.BooleanField(label=_("Ta bort bilagan"), required=False)

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload:
            validate_document(upload)
        return upload


ImageFormSet = forms.formset_factory(ImageForm, extra=2, max_num=MAX_IMAGES, validate_max=True)
AttachmentFormSet = forms.formset_factory(
    AttachmentForm, extra=2, max_num=MAX_ATTACHMENTS, validate_max=True
)


class SubmissionForms:
    """The main form and its four formsets, validated and converted together."""

    def __init__(self, *, user, data=None, files=None, page: MethodPage | None = None):
        self.page = page
        initial = _initial_from_page(page) if page else {}
        self.form = MethodSubmissionForm(data, user=user, initial=initial.get("form"))
        self.steps = StepFormSet(data, prefix="steps", initial=initial.get("steps"))
        self.references = ReferenceFormSet(data, prefix="refs", initial=initial.get("refs"))
        self.images = ImageFormSet(data, files, prefix="images", initial=initial.get("images"))
        self.attachments = AttachmentFormSet(
            data, files, prefix="files", initial=initial.get("files")
        )
        self._attach_existing_items()

    def _attach_existing_items(self) -> None:
        """Give each row for an existing image/attachment its object, for the template."""
        for formset, related in ((self.images, "images"), (self.attachments, "attachments")):
            items = (
                {item.pk: item for item in getattr(self.page, related).all()} if self.page else {}
            )
            for form in formset.forms:
                form.existing_item = items.get(form.initial.get("existing"))

    @property
    def formsets(self):
        return [self.steps, self.references, self.images, self.attachments]

    def is_valid(self) -> bool:
        return all([self.form.is_valid(), *(formset.is_valid() for formset in self.formsets)])

    @property
    def error_count(self) -> int:
        count = len(self.form.errors)
        for formset in self.formsets:
            count += len(formset.non_form_errors()) + sum(len(e) for e in formset.errors)
        return count

    def error_list(self) -> list[tuple[str, str]]:
        """(anchor id, message) for every error, for the summary at the top of the form."""
        errors = [
            (
                self.form[name].auto_id if name in self.form.fields else "",
                f"{self._label(name)}{msg}",
            )
            for name, messages in self.form.errors.items()
            for msg in messages
        ]
        for formset, row_label in zip(self.formsets, ROW_LABELS, strict=True):
            errors += [(f"{formset.prefix}-section", str(msg)) for msg in formset.non_form_errors()]
            for number, form in enumerate(formset.forms, start=1):
                for name, messages in form.errors.items():
                    anchor = form[name].auto_id if name in form.fields else ""
                    label = (
                        f"{row_label} {number}, {form.fields[name].label.lower()}: "
                        if name in form.fields
                        else ""
                    )
                    errors += [(anchor, f"{label}{msg}") for msg in messages]
        return errors

    def _label(self, name: str) -> str:
        field = self.form.fields.get(name)
        return f"{field.label}: " if field else ""

    def to_content(self) -> MethodContent:
        data = self.form.cleaned_data
        return MethodContent(
            title=data["title"],
            summary=data["summary"],
            purpose=data["purpose"],
            duration=data["duration"],
            target_groups=list(data["target_groups"]),
            formats=list(data["formats"]),
            themes=list(data["themes"]),
            time_needed=data["time_needed"],
            preparation=data["preparation"],
            materials=data["materials"],
            adaptation_tips=data["adaptation_tips"],
            author_organisation=data["author_organisation"],
            steps=[
                {
                    "title": row["title"],
                    "instructions": row["instructions"],
                    "minutes": row.get("minutes"),
                }
                for row in _filled(self.steps)
                if row.get("title")
            ],
            references=[
                {"document": row["document"], "section": row["section"], "url": row["url"]}
                for row in _filled(self.references)
                if row.get("document")
            ],
            images=self._images(),
            attachments=self._attachments(),
        )

    def _images(self) -> list[ImageInput]:
        existing = {item.pk: item for item in (self.page.images.all() if self.page else [])}
        result = []
        for row in _filled(self.images):
            if row.get("remove"):
                continue
            if row.get("existing") in existing:
                kept = existing[row["existing"]]
                result.append(ImageInput(row["alt_text"].strip(), row["caption"], existing=kept))
            elif row.get("file"):
                result.append(ImageInput(row["alt_text"].strip(), row["caption"], file=row["file"]))
        return result

    def _attachments(self) -> list[AttachmentInput]:
        existing = {item.pk: item for item in (self.page.attachments.all() if self.page else [])}
        result = []
        for row in _filled(self.attachments):
            if row.get("remove"):
                continue
            if row.get("existing") in existing:
                result.append(AttachmentInput(row["title"], existing=existing[row["existing"]]))
            elif row.get("file"):
                result.append(AttachmentInput(row["title"], file=row["file"]))
        return result


def _filled(formset) -> list[dict]:
    return [form.cleaned_data for form in formset.forms if form.cleaned_data]


def _initial_from_page(page: MethodPage) -> dict:
    return {
        "form": {
            "title": page.draft_title or page.title,
            "summary": page.summary,
            "purpose": page.purpose,
            "target_groups": list(page.target_groups.all()),
            "formats": list(page.formats.all()),
            "themes": list(page.themes.all()),
            "duration": page.duration,
            "time_needed": page.time_needed,
            "preparation": page.preparation,
            "materials": page.materials,
            "adaptation_tips": page.adaptation_tips,
            "author_organisation": page.author_organisation_id,
        },
        "steps": [dict(block.value) for block in page.steps],
        "refs": [
            {"document": b.value["document"], "section": b.value["section"], "url": b.value["url"]}
            for b in page.steering_references
        ],
        "images": [
            {"existing": i.pk, "alt_text": i.alt_text, "caption": i.caption}
            for i in page.images.all()
        ],
        "files": [{"existing": a.pk, "title": a.title} for a in page.attachments.all()],
    }
