from django.apps import AppConfig


class FactsConfig(AppConfig):
    name = "facts"
    verbose_name = "Faktabank"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from syvsite.core.registry import register_dashboard_panel, register_page_context

        from . import panels
        from .models import FactIndexPage, FactPage
        from .views.entry import fact_context
        from .views.listing import listing_context

        register_dashboard_panel(panels.dashboard_panel)
        register_page_context(FactIndexPage, listing_context)
        register_page_context(FactPage, fact_context)
