from django.apps import AppConfig


class InternshipsConfig(AppConfig):
    name = "internships"
    verbose_name = "Praktikplatser"

    def ready(self) -> None:
        from syvsite.core.registry import register_dashboard_panel, register_home_panel

        from . import panels

        for provider in (
            panels.coordinator_panel,
            panels.company_panel,
            panels.school_panel,
            panels.pupil_panel,
        ):
            register_dashboard_panel(provider)
        register_home_panel(panels.home_panel)
