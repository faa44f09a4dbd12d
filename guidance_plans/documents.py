"""Plans, plan activities and news in the unified search, with county and municipality facets.

- "guidance_plan": one document per published plan; `audience` holds the stages its
  activities cover. Status is not indexed (it changes with the calendar, not with the plan):
  the plan's validity dates are, and the page shows the current status.
- "plan_activity": one document per row of the activity index (published plans only), with
  stage and role facets. Rows are saved one by one on publish, so the outbox sees them.
- "news": one document per published news page; themes are a facet, and the municipalities a
  news item concerns give its county/municipality facets.
"""

from django.utils.translation import gettext_lazy as _
from elasticsearch_dsl import Date, Keyword

from search.documents import BaseDocument
from search.registry import Facet, ModelLabels, SearchType, register
from search.text import joined, stream_text

from .constants import PlanRole, Stage

PLAN_TYPE = "guidance_plan"
ACTIVITY_TYPE = "plan_activity"
NEWS_TYPE = "news"


class GuidancePlanDocument(BaseDocument):
    valid_from = Date()
    valid_to = Date()


class PlanActivityDocument(BaseDocument):
    activity_stage = Keyword()
    activity_role = Keyword()


class NewsDocument(BaseDocument):
    news_theme = Keyword(multi=True)


def _region(municipality) -> dict:
    return {"county": [municipality.county.code], "municipality": [municipality.code]}


# Plans -----------------------------------------------------------------------------------


def plan_queryset():
    from .models import GuidancePlanPage

    return GuidancePlanPage.objects.live().public().select_related("municipality__county")


def plan_to_document(plan) -> dict:
    """What the plan knows; search.indexing.prepare_source fills the other common fields."""
    from .text import plan_plain_text

    stages = [block.value["stage"] for block in plan.activities]
    return {
        "title": plan.title,
        "summary": plan.summary or plan.search_description,
        "body": plan_plain_text(plan),
        "url": plan.url,
        **_region(plan.municipality),
        "audience": [str(Stage(stage).label) for stage in Stage.values if stage in stages],
        "date": plan.valid_from,
        "tags": [str(_("Vägledningsplan")), plan.municipality.name],
        "valid_from": plan.valid_from,
        "valid_to": plan.valid_to,
    }


# Activities ------------------------------------------------------------------------------


def activity_queryset():
    from .models import GuidancePlanPage, PlanActivity

    return PlanActivity.objects.filter(
        plan__in=GuidancePlanPage.objects.live().public()
    ).select_related("plan", "municipality__county", "method")


def activity_to_document(activity) -> dict:
    from .text import activity_line

    value = {
        "title": activity.title,
        "stage": activity.stage,
        "responsible_role": activity.responsible_role,
        "timing": activity.timing,
        "description": activity.description,
        "method": activity.method,
    }
    return {
        # Many plans share activity names ("PRAO"): the municipality tells hits apart.
        "title": f"{activity.title} ({activity.municipality.name})",
        "summary": activity.description or activity.timing,
        "body": joined(activity_line(value), activity.plan.title),
        "url": activity.get_absolute_url(),
        **_region(activity.municipality),
        # No audience: the stage is its own facet ("stadium"), not repeated as Målgrupp.
        "date": activity.plan.valid_from,
        "tags": [activity.get_responsible_role_display()],
        "activity_stage": activity.stage,
        "activity_role": activity.responsible_role,
    }


# News ------------------------------------------------------------------------------------


def news_queryset():
    from .models import NewsPage

    return NewsPage.objects.live().public().prefetch_related("themes", "municipalities__county")


def news_to_document(page) -> dict:
    themes = list(page.themes.all())
    municipalities = list(page.municipalities.all())
    return {
        "title": page.title,
        "summary": page.intro,
        "body": joined(page.intro, stream_text(page.body)),
        "url": page.url,
        "county": sorted({m.county.code for m in municipalities}),
        "municipality": [m.code for m in municipalities],
        "date": page.date,
        "tags": [theme.name for theme in themes],
        "news_theme": [theme.slug for theme in themes],
    }


register(
    SearchType(
        name=PLAN_TYPE,
        label=_("Vägledningsplaner"),
        document=GuidancePlanDocument,
        model="guidance_plans.GuidancePlanPage",
        get_queryset=plan_queryset,
        to_document=plan_to_document,
        is_page=True,
        sortable=("valid_from",),
    )
)

register(
    SearchType(
        name=ACTIVITY_TYPE,
        label=_("Aktiviteter i vägledningsplaner"),
        document=PlanActivityDocument,
        model="guidance_plans.PlanActivity",
        get_queryset=activity_queryset,
        to_document=activity_to_document,
        facets=(
            Facet(
                "activity_stage", _("Skolform/stadium"), param="stadium", labels=dict(Stage.choices)
            ),
            Facet("activity_role", _("Ansvarig roll"), param="roll", labels=dict(PlanRole.choices)),
        ),
        # A row of a plan, often the same activity in many plans: the plan, the method and
        # the other content it names rank before its copies.
        boost=0.5,
    )
)

register(
    SearchType(
        name=NEWS_TYPE,
        label=_("Nyheter"),
        document=NewsDocument,
        model="guidance_plans.NewsPage",
        get_queryset=news_queryset,
        to_document=news_to_document,
        is_page=True,
        facets=(
            Facet(
                "news_theme",
                _("Nyhetstema"),
                param="nyhetstema",
                labels=ModelLabels("guidance_plans.NewsTheme"),
            ),
        ),
    )
)
