from django.urls import include, path


def broken_view(request):
    raise RuntimeError("simulated bug")


urlpatterns = [path("trasig/", broken_view), path("", include("syvsite.urls"))]
handler500 = "syvsite.core.views.server_error"
