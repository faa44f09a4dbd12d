from django.apps import AppConfig


class GuidancePlansConfig(AppConfig):
    name = "guidance_plans"
    verbose_name = "Vägledningsplaner"
