from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "syvsite.home"
    label = "home"
    verbose_name = "Startsida"

    def ready(self) -> None:
        from syvsite.core.registry import EVERYTHING, register_cached_page

        from .models import HomePage

        # The home page shows the domains' panels: any change anywhere makes it stale.
        register_cached_page(HomePage, EVERYTHING)
