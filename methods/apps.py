from django.apps import AppConfig


class MethodsConfig(AppConfig):
    name = "methods"
    verbose_name = "Metodbank"
