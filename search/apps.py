from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Sök"

    def ready(self) -> None:
        from . import checks, registry, signals  # noqa: F401 - checks registers itself

        registry.autodiscover()
        signals.connect_all()
