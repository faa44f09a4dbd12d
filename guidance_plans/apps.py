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
