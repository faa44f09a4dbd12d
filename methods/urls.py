from django.urls import path

from .views import feedback, moderation, submit

app_name = "methods"

urlpatterns = [
    path("metoder/bidra/", submit.contribute, name="contribute"),
    path("metoder/bidra/<int:pk>/", submit.edit_submission, name="edit_submission"),
    path(
        "metoder/bidra/<int:pk>/forhandsvisning/",
        submit.preview_submission,
        name="preview_submission",
    ),
    path("metoder/kommentarer/granska/", moderation.comment_queue, name="comment_queue"),
    # Under a method page's own address (Wagtail serves /metoder/<slug>/ itself).
    path("metoder/<str:slug>/anvant/", feedback.mark_used, name="mark_used"),
    path("metoder/<str:slug>/betyg/", feedback.rate, name="rate"),
    path("metoder/<str:slug>/kommentera/", feedback.comment, name="comment"),
]
