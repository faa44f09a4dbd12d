"""Members suggest an entry from the front end; editors review it in Wagtail's workflow.

A suggestion is a draft FactPage under /fakta/ (owner = the member) plus a FactSubmission
row, put into the same review workflow as contributed methods.
"""

import re
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.text import slugify

from methods.services.bank import review_workflow
from methods.services.feedback import require_member
from methods.services.notifications import silence_wagtail_mails_for

from ..models import RESERVED_SLUGS, FactIndexPage, FactPage, FactSubmission
from .bank import ensure_fact_bank

_TRANSLITERATION = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u"})
TEXT_FIELDS = (
    "kind",
    "authors",
    "publisher",
    "series",
    "link",
    "doi",
    "isbn",
    "sfs_number",
    "sou_number",
    "diarienummer",
    "language",
    "access",
    "licence",
    "summary",
    "key_findings",
    "implications",
)


@dataclass
class FactContent:
    """What a member fills in, already validated (and normalised) by the suggestion form."""

    title: str
    kind: str
    summary: str
    year: int | None = None
    authors: str = ""
    publisher: str = ""
    series: str = ""
    link: str = ""
    doi: str = ""
    isbn: str = ""
    sfs_number: str = ""
    sou_number: str = ""
    diarienummer: str = ""
    language: str = "sv"
    access: str = "oppen"
    licence: str = ""
    key_findings: str = ""
    implications: str = ""
    themes: list = field(default_factory=list)
    target_groups: list = field(default_factory=list)


@transaction.atomic
def suggest_fact(*, user: AbstractBaseUser, content: FactContent) -> FactSubmission:
    require_member(user)
    index = FactIndexPage.objects.first() or ensure_fact_bank()
    page = FactPage(owner=user, live=False, slug=_unique_slug(index, content.title))
    page.title = page.draft_title = content.title.strip()
    for name in TEXT_FIELDS:
        setattr(page, name, str(getattr(content, name) or "").strip())
    page.year = content.year
    page.themes = list(content.themes)
    page.target_groups = list(content.target_groups)
    index.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    submission = FactSubmission.objects.create(page=page, submitter=user)
    silence_wagtail_mails_for(user)
    (page.get_workflow() or review_workflow()).start(page, user)
    return submission


def _unique_slug(index: FactIndexPage, title: str) -> str:
    base = slugify(title.lower().translate(_TRANSLITERATION))[:70].strip("-") or "fakta"
    base = re.sub(r"-{2,}", "-", base)
    taken = set(index.get_children().values_list("slug", flat=True)) | RESERVED_SLUGS
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug
