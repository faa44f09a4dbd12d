from django.urls import path  # noqa: F401

app_name = "guidance_plans"

urlpatterns: list = []
