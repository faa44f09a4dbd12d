from django.apps import AppConfig


class GuidancePlansConfig(AppConfig):
    name = "guidance_plans"
    verbose_name = "Vägledningsplaner"

    def ready(self) -> None:
        from syvsite.core.registry import register_dashboard_panel, register_home_panel

        from . import panels, signals  # noqa: F401 - connects the signal receivers

        register_home_panel(panels.latest_news_panel)
        register_dashboard_panel(panels.editor_plans_panel)
