from django.urls import path

from . import views
from .views import two_factor

app_name = "accounts"

urlpatterns = [
    path("konto/registrera/", views.register, name="register"),
    path("konto/registrera/klart/", views.register_done, name="register_done"),
    path("konto/verifiera/<str:token>/", views.verify, name="verify"),
    path("konto/verifiera-igen/", views.resend_verification, name="resend_verification"),
    path("konto/logga-in/", views.LoginView.as_view(), name="login"),
    path("konto/logga-ut/", views.logout, name="logout"),
    path("konto/tvastegs/", two_factor.verify, name="two_factor_verify"),
    path("konto/tvastegs/ny-app/", two_factor.setup, name="two_factor_setup"),
    path("konto/tvastegs/ny-app/qr.svg", two_factor.setup_qr, name="two_factor_qr"),
    path("konto/losenord/aterstall/", views.password_reset, name="password_reset"),
    path(
        "konto/losenord/aterstall/skickat/", views.password_reset_done, name="password_reset_done"
    ),
    path(
        "konto/losenord/aterstall/<uidb64>/<token>/",
        views.password_reset_confirm,
        name="password_reset_confirm",
    ),
    path(
        "konto/losenord/aterstall/klart/",
        views.password_reset_complete,
        name="password_reset_complete",
    ),
    path("konto/losenord/byt/", views.password_change, name="password_change"),
    path("mina-sidor/", views.dashboard, name="dashboard"),
    path("mina-sidor/uppgifter/", views.profile, name="profile"),
    path(
        "mina-sidor/mina-uppgifter.json",
        views.download_personal_data,
        name="personal_data",
    ),
    path("mina-sidor/radera-konto/", views.delete_my_account, name="delete_account"),
    path("mina-sidor/tvastegsverifiering/", two_factor.manage, name="two_factor"),
    path(
        "mina-sidor/tvastegsverifiering/reservkoder/",
        two_factor.recovery_codes,
        name="two_factor_recovery_codes",
    ),
    path("mina-sidor/tvastegsverifiering/stang-av/", two_factor.turn_off, name="two_factor_off"),
]
