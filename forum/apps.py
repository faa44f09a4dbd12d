from django.apps import AppConfig


class ForumConfig(AppConfig):
    name = "forum"
    verbose_name = "Forum"

    def ready(self) -> None:
        from syvsite.accounts.signals import account_deleting, collect_personal_data
        from syvsite.core.registry import register_dashboard_panel, register_home_panel

        from . import documents, panels, retention  # noqa: F401 - documents connects receivers
        from .services import personal_data

        register_dashboard_panel(panels.dashboard_panel)
        register_home_panel(panels.home_panel)
        retention.register()
        collect_personal_data.connect(personal_data.collect, dispatch_uid="forum.collect")
        account_deleting.connect(personal_data.anonymise, dispatch_uid="forum.anonymise")
