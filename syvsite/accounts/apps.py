from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "syvsite.accounts"
    label = "accounts"
    verbose_name = "Konton"
