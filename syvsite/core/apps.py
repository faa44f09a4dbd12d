from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "syvsite.core"
    label = "core"
    verbose_name = "Gemensamt"
