"""Panels for the home page (latest news) and Mina sidor (a municipality editor's plans)."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from syvsite.core.registry import Panel

from .models import GuidancePlanPage, MunicipalitySection
from .selectors import model_plan, news_index, published_news

LATEST_NEWS_COUNT = 3


def latest_news_panel(request: HttpRequest) -> Panel | None:
    news = list(published_news()[:LATEST_NEWS_COUNT])
    if not news:
        return None
    return Panel(
        title=_("Senaste nyheterna"),
        template="guidance_plans/panels/latest_news.html",
        context={"news": news, "news_index": news_index()},
        order=40,
    )


def _plan_entry(plan: GuidancePlanPage) -> dict:
    if plan.workflow_in_progress:
        state = _("Väntar på granskning")
    elif plan.live and plan.has_unpublished_changes:
        state = _("Publicerad, med ändringar som inte är publicerade")
    elif plan.live:
        state = _("Publicerad")
    else:
        state = _("Utkast")
    return {
        "plan": plan,
        "status": plan.get_status_display(),
        "state": state,
        "edit_url": reverse("wagtailadmin_pages:edit", args=[plan.pk]),
    }


def editor_plans_panel(request: HttpRequest) -> Panel | None:
    """Only for members of a "Kommunredaktör – <kommun>" group."""
    user = request.user
    if not user.is_authenticated:
        return None
    sections = (
        MunicipalitySection.objects.filter(group_permissions__group__user=user)
        .select_related("municipality")
        .distinct()
        .order_by("title")
    )
    entries = []
    for section in sections:
        plans = GuidancePlanPage.objects.child_of(section).order_by("-valid_from")
        entries.append(
            {
                "section": section,
                "plans": [_plan_entry(plan) for plan in plans],
                "explore_url": reverse("wagtailadmin_explore", args=[section.pk]),
                "create_url": reverse("guidance_plans_create_from_model")
                + f"?section={section.pk}",
            }
        )
    if not entries:
        return None
    return Panel(
        title=_("Mina vägledningsplaner"),
        template="guidance_plans/panels/editor_plans.html",
        context={"sections": entries, "has_model_plan": model_plan() is not None},
        order=30,
    )
