from django.urls import path

from . import views

app_name = "rekas"

urlpatterns = [
    path("rekas/", views.index, name="index"),
    path("rekas/lan/<str:code>/", views.county, name="county"),
    path("rekas/kommun/<str:code>/", views.municipality, name="municipality"),
    path("rekas/program/<str:code>/", views.programme, name="programme"),
    path("rekas/yrke/<str:ssyk>/", views.occupation, name="occupation"),
    path("rekas/jamfor/", views.compare, name="compare"),
]
