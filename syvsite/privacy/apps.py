from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "syvsite.privacy"
    label = "privacy"
    verbose_name = "Personuppgifter"

    def ready(self) -> None:
        from syvsite.core.registry import register_dashboard_panel

        from . import panels, rules

        rules.register()
        register_dashboard_panel(panels.privacy_panel)
