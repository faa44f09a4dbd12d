from django.urls import path

from .views import stream

app_name = "omvarld"

urlpatterns = [
    path("omvarld/", stream.stream, name="stream"),
    path("omvarld/kallor/", stream.sources, name="sources"),
    path("omvarld/<int:pk>/gor-nyhet/", stream.make_news_view, name="make_news"),
]
