from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Sök"

    def ready(self) -> None:
        from . import registry, signals

        registry.autodiscover()
        signals.connect_all()
