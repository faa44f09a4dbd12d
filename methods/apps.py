from django.apps import AppConfig


class MethodsConfig(AppConfig):
    name = "methods"
    verbose_name = "Metodbank"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from syvsite.core.registry import (
            register_dashboard_panel,
            register_home_panel,
            register_page_context,
        )

        from . import panels
        from .models import MethodIndexPage, MethodPage
        from .services import notifications
        from .views.listing import listing_context
        from .views.method import method_context

        notifications.connect()
        register_home_panel(panels.home_panel)
        register_dashboard_panel(panels.dashboard_panel)
        register_page_context(MethodIndexPage, listing_context)
        register_page_context(MethodPage, method_context)
