from django.urls import path, re_path

from .views import export, review, suggest

app_name = "facts"

urlpatterns = [
    path("fakta/foresla/", suggest.suggest, name="suggest"),
    path("fakta/granska/", review.review_queue, name="review_queue"),
    re_path(r"^fakta/export\.(?P<fmt>ris|bib|json)$", export.export_list, name="export"),
    # Under an entry's own address (Wagtail serves /fakta/<slug>/ itself).
    re_path(
        r"^fakta/(?P<slug>[-\w]+)/referens\.(?P<fmt>ris|bib|json)$", export.export_one, name="cite"
    ),
]
