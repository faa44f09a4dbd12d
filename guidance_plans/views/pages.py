"""What the app's Wagtail pages show beyond their own fields, registered in apps.ready().

Each builder is called as `builder(request=…, page=…)` by `syvsite.core.registry` when the page
renders, and returns the extra template context.
"""

from django.core.paginator import Paginator
from django.http import HttpRequest
from django.utils.http import urlencode

from syvsite.regions.models import County

from ..constants import MunicipalityStatus
from ..forms import NewsFilterForm, OverviewFilterForm
from ..models import (
    GuidancePlanIndexPage,
    GuidancePlanPage,
    ModelPlanPage,
    MunicipalitySection,
    NewsIndexPage,
    NewsTheme,
)
from ..selectors import editable_sections, model_plan, municipality_overview, published_news
from .maps import coverage_map

NEWS_PER_PAGE = 10

STATUS_BADGES = {
    MunicipalityStatus.CURRENT: "badge--success",
    MunicipalityStatus.UPCOMING: "badge--warning",
    MunicipalityStatus.IN_PROGRESS: "badge--warning",
    MunicipalityStatus.EXPIRED: "badge--error",
    MunicipalityStatus.MISSING: "",
}


def overview_context(*, request: HttpRequest, page: GuidancePlanIndexPage) -> dict:
    """`/vagledningsplaner/`: every municipality's plan status, filterable by county."""
    form = OverviewFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    overview = municipality_overview(
        county_code=filters.get("lan", ""), status=filters.get("status", "")
    )
    status_summary = [
        {
            "value": choice.value,
            "label": choice.label,
            "count": overview.counts[choice.value],
            "badge": STATUS_BADGES[choice],
        }
        for choice in MunicipalityStatus
    ]
    county_code = filters.get("lan", "")
    every_status = (
        municipality_overview(county_code=county_code) if filters.get("status") else overview
    )
    return {
        "filter_form": form,
        "overview": overview,
        "map": coverage_map(
            request, every_status.rows, county=county_code, show_table=bool(filters.get("status"))
        ),
        "rows": [
            {"row": row, "badge": STATUS_BADGES[row.status], "label": row.status.label}
            for row in overview.rows
        ],
        "status_summary": status_summary,
        "model_plan": model_plan(),
        "chosen_county": County.objects.filter(code=filters.get("lan") or None).first(),
    }


def section_context(*, request: HttpRequest, page: MunicipalitySection) -> dict:
    """A municipality's page: its published plans, newest first."""
    plans = GuidancePlanPage.objects.child_of(page).live().public().order_by("-valid_from")
    return {"plans": plans}


def model_plan_context(*, request: HttpRequest, page: ModelPlanPage) -> dict:
    """The model plan offers “Skapa plan från modellplanen” to those who may add a plan."""
    return {"editor_sections": editable_sections(request.user)}


def news_listing_context(*, request: HttpRequest, page: NewsIndexPage) -> dict:
    """`/nyheter/`: news with theme filters and pagination."""
    themes = list(NewsTheme.objects.all())
    form = NewsFilterForm(
        request.GET or None, theme_choices=[(theme.slug, theme.name) for theme in themes]
    )
    chosen = form.cleaned_data.get("tema", []) if form.is_valid() else []
    news = published_news(theme_slugs=chosen).descendant_of(page)
    page_obj = Paginator(news, NEWS_PER_PAGE).get_page(request.GET.get("page"))
    return {
        "filter_form": form,
        "themes": themes,
        "chosen_themes": chosen,
        "page_obj": page_obj,
        "news_items": page_obj.object_list,
        "feed_query": urlencode({"tema": chosen}, doseq=True) if chosen else "",
    }
