"""Members contribute methods from the front end; editors review them in Wagtail's workflow.

A submission is a draft MethodPage under /metoder/ (owner = the member) plus a
MethodSubmission row, put into the "Granskning av metoder" workflow. The member may revise it
until it has been published; revising after "changes requested" resubmits it.
"""

import re
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, WorkflowState

from syvsite.organisations.services import organisations_for

from ..exceptions import NotAllowed
from ..models import (
    RESERVED_SLUGS,
    MethodAttachment,
    MethodImage,
    MethodIndexPage,
    MethodPage,
    MethodSubmission,
)
from .bank import ensure_method_bank, review_workflow
from .feedback import require_member
from .notifications import silence_wagtail_mails_for

UPLOAD_COLLECTION = "Metodbidrag"
_TRANSLITERATION = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u"})


@dataclass
class ImageInput:
    alt_text: str
    caption: str = ""
    file: UploadedFile | None = None
    existing: MethodImage | None = None


@dataclass
class AttachmentInput:
    title: str = ""
    file: UploadedFile | None = None
    existing: MethodAttachment | None = None


@dataclass
class MethodContent:
    """Everything a member fills in, already validated by the submission form."""

    title: str
    summary: str
    purpose: str
    duration: str
    target_groups: list = field(default_factory=list)
    formats: list = field(default_factory=list)
    themes: list = field(default_factory=list)
    time_needed: str = ""
    preparation: str = ""
    materials: str = ""
    adaptation_tips: str = ""
    author_organisation: object | None = None
    steps: list[dict] = field(default_factory=list)
    references: list[dict] = field(default_factory=list)
    images: list[ImageInput] = field(default_factory=list)
    attachments: list[AttachmentInput] = field(default_factory=list)


@transaction.atomic
def submit_method(*, user: AbstractBaseUser, content: MethodContent) -> MethodSubmission:
    require_member(user)
    index = MethodIndexPage.objects.first() or ensure_method_bank()
    page = MethodPage(owner=user, live=False, slug=_unique_slug(index, content.title))
    _apply(page=page, content=content, user=user)
    index.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    submission = MethodSubmission.objects.create(page=page, submitter=user)
    silence_wagtail_mails_for(user)
    (page.get_workflow() or review_workflow()).start(page, user)
    return submission


@transaction.atomic
def update_submission(
    *, submission: MethodSubmission, user: AbstractBaseUser, content: MethodContent
) -> MethodSubmission:
    if not can_edit_submission(user=user, submission=submission):
        raise NotAllowed(_("Du kan bara ändra dina egna bidrag som inte är publicerade."))
    page = MethodPage.objects.select_for_update().get(pk=submission.page_id)
    _apply(page=page, content=content, user=user)
    page.save()  # never published, so the row is the draft (as Wagtail's editor does)
    page.save_revision(user=user, log_action=True)
    state = page.current_workflow_state
    if state is None:
        (page.get_workflow() or review_workflow()).start(page, user)
    elif state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    submission.save(update_fields=["updated_at"])
    return submission


def can_edit_submission(*, user: AbstractBaseUser, submission: MethodSubmission) -> bool:
    """Only the submitter, and only until the method has been published once."""
    if not user.is_authenticated or submission.submitter_id != user.pk:
        return False
    page = submission.page
    return not page.live and page.first_published_at is None


def _apply(*, page: MethodPage, content: MethodContent, user: AbstractBaseUser) -> None:
    allowed_organisations = organisations_for(user)
    organisation = content.author_organisation
    if organisation is not None and not allowed_organisations.filter(pk=organisation.pk).exists():
        organisation = None
    page.title = page.draft_title = content.title.strip()
    page.summary, page.purpose = content.summary.strip(), content.purpose.strip()
    page.duration, page.time_needed = content.duration, content.time_needed.strip()
    page.preparation, page.materials = content.preparation.strip(), content.materials.strip()
    page.adaptation_tips = content.adaptation_tips.strip()
    page.author_organisation = organisation
    page.target_groups = list(content.target_groups)
    page.formats = list(content.formats)
    page.themes = list(content.themes)
    page.steps = [("step", step) for step in content.steps]
    page.steering_references = [("reference", ref) for ref in content.references]
    page.images = [_image(item, user) for item in content.images]
    page.attachments = [_attachment(item, user) for item in content.attachments]


def _collection() -> Collection:
    root = Collection.get_first_root_node() or Collection.add_root(name="Root")
    existing = root.get_children().filter(name=UPLOAD_COLLECTION).first()
    return existing or root.add_child(name=UPLOAD_COLLECTION)


def _image(item: ImageInput, user) -> MethodImage:
    if item.existing is not None:
        item.existing.alt_text, item.existing.caption = item.alt_text, item.caption
        return item.existing
    image = get_image_model()(
        title=item.alt_text[:255], file=item.file, collection=_collection(), uploaded_by_user=user
    )
    image._set_image_file_metadata()
    image.save()
    return MethodImage(image=image, alt_text=item.alt_text, caption=item.caption)


def _attachment(item: AttachmentInput, user) -> MethodAttachment:
    if item.existing is not None:
        item.existing.title = item.title
        return item.existing
    title = item.title or item.file.name.rsplit(".", 1)[0]
    document = get_document_model()(
        title=title[:255], file=item.file, collection=_collection(), uploaded_by_user=user
    )
    document._set_document_file_metadata()
    document.save()
    return MethodAttachment(document=document, title=item.title)


def _unique_slug(index: MethodIndexPage, title: str) -> str:
    base = slugify(title.lower().translate(_TRANSLITERATION))[:70].strip("-") or "metod"
    base = re.sub(r"-{2,}", "-", base)
    taken = set(index.get_children().values_list("slug", flat=True)) | RESERVED_SLUGS
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug
