from django.urls import path

from .views import moderation, submit

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
]
