from django.apps import AppConfig


class OmvarldConfig(AppConfig):
    name = "omvarld"
    verbose_name = "Omvärldsbevakning"
    default_auto_field = "django.db.models.BigAutoField"
