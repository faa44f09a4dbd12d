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
        _register_cache()


def _register_cache() -> None:
    """Method pages and the bank show ratings, uses, approved comments and the vocabularies."""
    from syvsite.core.registry import register_cached_page, register_invalidation

    from . import models

    register_cached_page(models.MethodIndexPage, "methods")
    register_cached_page(models.MethodPage, "methods")
    for model in (
        models.MethodRating,
        models.MethodUse,
        models.MethodComment,
        models.TargetGroup,
        models.MethodFormat,
        models.Theme,
    ):
        register_invalidation(model, "methods")
