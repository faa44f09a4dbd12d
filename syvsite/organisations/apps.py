from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "syvsite.organisations"
    label = "organisations"
    verbose_name = "Organisationer"
