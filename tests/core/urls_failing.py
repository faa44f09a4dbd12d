from django.db import OperationalError
from django.urls import include, path


def broken_view(request):
    raise RuntimeError("simulated bug")


def database_gone_view(request):
    raise OperationalError("connection refused")


urlpatterns = [
    path("trasig/", broken_view),
    path("databas-borta/", database_gone_view),
    path("api/v1/databas-borta/", database_gone_view),
    path("", include("syvsite.urls")),
]
handler500 = "syvsite.core.views.server_error"
