from django.apps import AppConfig


class RegionsConfig(AppConfig):
    name = "syvsite.regions"
    label = "regions"
    verbose_name = "Regioner"
