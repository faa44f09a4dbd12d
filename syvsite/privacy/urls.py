from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("personuppgifter/atkomstlogg/", views.access_log, name="access_log"),
]
