from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "syvsite.home"
    label = "home"
    verbose_name = "Startsida"
