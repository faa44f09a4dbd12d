"""Reads shared by the views, the API and the panels."""

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.utils import timezone
from wagtail.models import PageLogEntry, Revision

from syvsite.regions.models import Municipality

from .constants import MunicipalityStatus, PlanStatus, Stage
from .models import (
    GuidancePlanIndexPage,
    GuidancePlanPage,
    ModelPlanPage,
    MunicipalitySection,
    NewsIndexPage,
    NewsPage,
    PlanActivity,
)

# A municipality's status is that of its best published plan, in this order of preference.
_STATUS_PREFERENCE = {
    PlanStatus.CURRENT: MunicipalityStatus.CURRENT,
    PlanStatus.UPCOMING: MunicipalityStatus.UPCOMING,
    PlanStatus.EXPIRED: MunicipalityStatus.EXPIRED,
}


@dataclass(frozen=True)
class MunicipalityRow:
    municipality: Municipality
    status: MunicipalityStatus
    plan: GuidancePlanPage | None


@dataclass(frozen=True)
class Overview:
    rows: list[MunicipalityRow]  # after every filter
    counts: dict[str, int]  # per status, after the county filter only
    total: int  # municipalities after the county filter


# The plan's sections: large JSON/HTML that listings never show.
CONTENT_FIELDS = ("current_state", "goals", "responsibilities", "activities", "follow_up")


def published_plans(*, with_content: bool = True) -> QuerySet:
    plans = (
        GuidancePlanPage.objects.live()
        .public()
        .select_related("municipality__county")
        .order_by("municipality__name", "-valid_from")
    )
    return plans if with_content else plans.defer(*CONTENT_FIELDS, "attachments")


def live_plan(*, section_slug: str, plan_slug: str) -> GuidancePlanPage | None:
    """The live, public plan at `<plans index>/<section>/<plan>/`, found as Wagtail routes it."""
    index = GuidancePlanIndexPage.objects.first()
    if index is None:
        return None
    url_path = f"{index.url_path}{section_slug}/{plan_slug}/"
    return published_plans().filter(url_path=url_path).first()


def plan_index() -> GuidancePlanIndexPage | None:
    """The live `/vagledningsplaner/` page, for links to it from plain views."""
    return GuidancePlanIndexPage.objects.live().first()


def news_index() -> NewsIndexPage | None:
    return NewsIndexPage.objects.live().first()


def model_plan() -> ModelPlanPage | None:
    return ModelPlanPage.objects.live().first()


def editable_sections(user) -> list[MunicipalitySection]:
    """The sections `user` may add plans to, by Wagtail's own permission check."""
    if not user.is_authenticated:
        return []
    sections = MunicipalitySection.objects.select_related("municipality").order_by("title")
    if not user.is_superuser:
        sections = sections.filter(group_permissions__group__user=user).distinct()
    return [s for s in sections if s.permissions_for_user(user).can_add_subpage()]


def published_revisions(plan: GuidancePlanPage) -> list[Revision]:
    """The revisions of a plan that were actually published, newest first (drafts never)."""
    revision_ids = (
        PageLogEntry.objects.filter(page=plan, action="wagtail.publish")
        .exclude(revision__isnull=True)
        .values_list("revision_id", flat=True)
    )
    return list(
        Revision.page_revisions.filter(object_id=str(plan.pk), pk__in=revision_ids)
        .select_related("user")
        .order_by("-created_at", "-pk")
    )


def published_news(*, theme_slugs: list[str] | None = None) -> QuerySet[NewsPage]:
    """Live, public news, newest first; narrowed to any of `theme_slugs` when given."""
    news = NewsPage.objects.live().public().prefetch_related("themes")
    if theme_slugs:
        news = news.filter(themes__slug__in=theme_slugs).distinct()
    return news.order_by("-date", "-first_published_at", "-pk")


def _best_plan(plans: list[GuidancePlanPage], today: date) -> GuidancePlanPage | None:
    """Current (latest start) before upcoming (earliest start) before expired (latest end)."""
    by_status: dict[str, list[GuidancePlanPage]] = {}
    for plan in plans:
        by_status.setdefault(plan.status(today), []).append(plan)
    if current := by_status.get(PlanStatus.CURRENT):
        return max(current, key=lambda plan: plan.valid_from)
    if upcoming := by_status.get(PlanStatus.UPCOMING):
        return min(upcoming, key=lambda plan: plan.valid_from)
    if expired := by_status.get(PlanStatus.EXPIRED):
        return max(expired, key=lambda plan: plan.valid_to or plan.valid_from)
    return None


def _row_status(plan: GuidancePlanPage | None, drafting: bool, today: date) -> MunicipalityStatus:
    """A plan in force or coming first; then a plan being written (an unpublished page: only
    that it exists is shown, never its text); then the out-of-date plan, or none."""
    status = _STATUS_PREFERENCE[plan.status(today)] if plan else MunicipalityStatus.MISSING
    if drafting and status in (MunicipalityStatus.EXPIRED, MunicipalityStatus.MISSING):
        return MunicipalityStatus.IN_PROGRESS
    return status


def municipality_overview(
    *, county_code: str = "", status: str = "", today: date | None = None
) -> Overview:
    """Every municipality with the status of its plan; three queries whatever the size."""
    today = today or timezone.localdate()
    municipalities = Municipality.objects.select_related("county").order_by("name")
    plans = published_plans(with_content=False)
    drafts = GuidancePlanPage.objects.filter(live=False)
    if county_code:
        municipalities = municipalities.filter(county__code=county_code)
        plans = plans.filter(municipality__county__code=county_code)
        drafts = drafts.filter(municipality__county__code=county_code)
    plans_by_municipality: dict[int, list[GuidancePlanPage]] = {}
    for plan in plans:
        plans_by_municipality.setdefault(plan.municipality_id, []).append(plan)
    drafting = set(drafts.values_list("municipality_id", flat=True))
    rows = []
    for municipality in municipalities:
        plan = _best_plan(plans_by_municipality.get(municipality.pk, []), today)
        rows.append(
            MunicipalityRow(
                municipality, _row_status(plan, municipality.pk in drafting, today), plan
            )
        )
    counts = Counter(row.status.value for row in rows)
    all_counts = {choice.value: counts.get(choice.value, 0) for choice in MunicipalityStatus}
    filtered = [row for row in rows if not status or row.status == status]
    return Overview(rows=filtered, counts=all_counts, total=len(rows))


def filter_activities(
    *,
    stages: list[str] | None = None,
    roles: list[str] | None = None,
    county_code: str = "",
    municipality_code: str = "",
    query: str = "",
    current_only: bool = False,
    today: date | None = None,
) -> QuerySet:
    """Activities of published plans, filtered; an empty filter means "all"."""
    # Live and without a view restriction (a restriction can be added without republishing).
    visible_plans = GuidancePlanPage.objects.live().public().values("pk")
    activities = PlanActivity.objects.filter(plan__in=visible_plans).select_related(
        "plan", "municipality__county", "method", "fact"
    )
    if stages:
        activities = activities.filter(stage__in=stages)
    if roles:
        activities = activities.filter(responsible_role__in=roles)
    if county_code:
        activities = activities.filter(municipality__county__code=county_code)
    if municipality_code:
        activities = activities.filter(municipality__code=municipality_code)
    if current_only:
        today = today or timezone.localdate()
        activities = activities.filter(plan__valid_from__lte=today).filter(
            Q(plan__valid_to__isnull=True) | Q(plan__valid_to__gte=today)
        )
    if query:
        activities = activities.filter(
            Q(title__icontains=query) | Q(description__icontains=query) | Q(timing__icontains=query)
        )
    stage_order = Case(
        *(When(stage=stage, then=Value(index)) for index, stage in enumerate(Stage.values)),
        default=Value(99),
        output_field=IntegerField(),
    )
    return activities.annotate(stage_order=stage_order).order_by(
        "stage_order", "municipality__name", "plan_id", "position"
    )
