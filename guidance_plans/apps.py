from django.apps import AppConfig


class GuidancePlansConfig(AppConfig):
    name = "guidance_plans"
    verbose_name = "Vägledningsplaner"

    def ready(self) -> None:
        from syvsite.core.registry import (
            register_dashboard_panel,
            register_home_panel,
            register_page_context,
        )

        from . import panels, signals  # noqa: F401 - connects the signal receivers
        from .models import GuidancePlanIndexPage, ModelPlanPage, MunicipalitySection, NewsIndexPage
        from .views import pages

        register_home_panel(panels.latest_news_panel)
        register_dashboard_panel(panels.editor_plans_panel)
        register_page_context(GuidancePlanIndexPage, pages.overview_context)
        register_page_context(MunicipalitySection, pages.section_context)
        register_page_context(ModelPlanPage, pages.model_plan_context)
        register_page_context(NewsIndexPage, pages.news_listing_context)
        _register_cache()


def _register_cache() -> None:
    """Plans and news are pages ("pages"); the directory, activities and themes are not."""
    from syvsite.core.registry import register_cached_page, register_invalidation

    from . import models

    for page_class in (
        models.GuidancePlanIndexPage,
        models.MunicipalitySection,
        models.ModelPlanPage,
        models.GuidancePlanPage,
        models.NewsIndexPage,
        models.NewsPage,
    ):
        register_cached_page(page_class, "guidance_plans")
    for name in ("compare", "activities", "coordination", "news_rss", "news_atom"):
        register_cached_page(f"guidance_plans:{name}", "guidance_plans", "pages")
    for model in (
        models.CoordinationBody,
        models.CoordinationContact,
        models.NewsTheme,
        models.PlanActivity,
    ):
        register_invalidation(model, "guidance_plans")
