from django.urls import path

from .views import public, university, yh

app_name = "rekas"

urlpatterns = [
    path("rekas/", public.index, name="index"),
    path("rekas/lan/<str:code>/", public.county, name="county"),
    path("rekas/kommun/<str:code>/", public.municipality, name="municipality"),
    path("rekas/program/<str:code>/", public.programme, name="programme"),
    path("rekas/yrke/<str:ssyk>/", public.occupation, name="occupation"),
    path("rekas/jamfor/", public.compare, name="compare"),
    path("rekas/hogskola/", university.university_index, name="university"),
    path("rekas/yh/", yh.yh, name="yh"),
    path(
        "rekas/hogskola/<str:code>/",
        university.university_programme,
        name="university_programme",
    ),
]
