from django.apps import AppConfig


class RekasConfig(AppConfig):
    name = "rekas"
    verbose_name = "REKAS"
