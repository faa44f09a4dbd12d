from django.apps import AppConfig


class MethodsConfig(AppConfig):
    name = "methods"
    verbose_name = "Metodbank"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from syvsite.core.registry import register_dashboard_panel, register_home_panel

        from . import notifications, panels

        notifications.connect()
        register_home_panel(panels.home_panel)
        register_dashboard_panel(panels.dashboard_panel)
