from django.apps import AppConfig


class MapsConfig(AppConfig):
    name = "syvsite.maps"
    label = "maps"
    verbose_name = "Kartor"
