"""The contribution form as one unit: the main form and its four formsets."""

from ..models import MethodPage
from ..services.submissions import AttachmentInput, ImageInput, MethodContent
from .submission import (
    ROW_LABELS,
    AttachmentFormSet,
    ImageFormSet,
    MethodSubmissionForm,
    ReferenceFormSet,
    StepFormSet,
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
