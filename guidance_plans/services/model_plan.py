"""Start a municipality's plan from the model plan: a draft copy in the editor's section."""

import copy
import uuid
from datetime import date

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Page

from ..constants import MODEL_PLAN_TITLE
from ..exceptions import ModelPlanMissing, NotAllowed
from ..models import GuidancePlanPage, ModelPlanPage, MunicipalitySection
from ..selectors import model_plan
from .sections import ensure_plan_index

STREAM_SECTIONS = ("goals", "responsibilities", "activities", "attachments")
TEXT_SECTIONS = ("summary", "current_state", "follow_up")


@transaction.atomic
def ensure_model_plan(**content) -> ModelPlanPage:
    """The model plan under the index (created once; later runs leave editors' changes alone)."""
    existing = ModelPlanPage.objects.first()
    if existing is not None:
        return existing
    page = ensure_plan_index().add_child(
        instance=ModelPlanPage(title=MODEL_PLAN_TITLE, slug="modellplan", **content)
    )
    page.save_revision(log_action=True).publish()
    return page


def _fresh_ids(raw_blocks: list[dict]) -> list[dict]:
    """A deep copy with new block ids, so the new plan's blocks are its own."""
    blocks = copy.deepcopy(list(raw_blocks))
    for block in blocks:
        block["id"] = str(uuid.uuid4())
    return blocks


def _unique_slug(section: Page, title: str) -> str:
    base = slugify(title) or "plan"
    slug, number = base, 2
    while section.get_children().filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def create_plan_from_model(
    *,
    section: MunicipalitySection,
    user,
    title: str,
    valid_from: date,
    valid_to: date | None = None,
) -> GuidancePlanPage:
    """A new, unpublished plan in `section` with the model plan's sections as starting text."""
    if not section.permissions_for_user(user).can_add_subpage():
        raise NotAllowed(_("Du får inte skapa planer för den här kommunen."))
    source = model_plan()
    if source is None:
        raise ModelPlanMissing(
            _("Modellplanen är inte publicerad ännu. Kontakta en administratör.")
        )
    plan = GuidancePlanPage(
        title=title,
        slug=_unique_slug(section, title),
        valid_from=valid_from,
        valid_to=valid_to,
        owner=user,
        live=False,
        has_unpublished_changes=True,
    )
    for field in TEXT_SECTIONS:
        setattr(plan, field, getattr(source, field))
    for field in STREAM_SECTIONS:
        setattr(plan, field, _fresh_ids(getattr(source, field).get_prep_value()))
    plan = section.add_child(instance=plan)
    log(instance=plan, action="wagtail.create", user=user)
    plan.save_revision(user=user, log_action=True)
    return plan
