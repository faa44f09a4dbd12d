from django.apps import AppConfig


class RekasConfig(AppConfig):
    name = "rekas"
    verbose_name = "REKAS"

    def ready(self) -> None:
        from . import retention

        retention.register()
