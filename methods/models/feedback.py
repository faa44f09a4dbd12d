from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

RATING_MIN, RATING_MAX = 1, 5
COMMENT_MAX_LENGTH = 1000


class MethodUse(models.Model):
    """ "Jag har använt metoden": one per member and method."""

    method = models.ForeignKey("methods.MethodPage", on_delete=models.CASCADE, related_name="uses")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="method_uses"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("användning")
        verbose_name_plural = _("användningar")
        constraints = [
            models.UniqueConstraint(fields=["method", "user"], name="method_use_once_per_user")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.method_id}"


class MethodRating(models.Model):
    """A score 1–5; a member has one per method and may change it."""

    method = models.ForeignKey(
        "methods.MethodPage", on_delete=models.CASCADE, related_name="ratings"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="method_ratings"
    )
    score = models.PositiveSmallIntegerField(
        _("betyg"), validators=[MinValueValidator(RATING_MIN), MaxValueValidator(RATING_MAX)]
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("betyg")
        verbose_name_plural = _("betyg")
        constraints = [
            models.UniqueConstraint(fields=["method", "user"], name="method_rating_once_per_user"),
            models.CheckConstraint(
                condition=Q(score__gte=RATING_MIN) & Q(score__lte=RATING_MAX),
                name="method_rating_score_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.method_id}: {self.score}"


class MethodComment(models.Model):
    """A short comment, shown only after a moderator has approved it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Väntar på granskning")
        APPROVED = "approved", _("Publicerad")
        REJECTED = "rejected", _("Avvisad")

    method = models.ForeignKey(
        "methods.MethodPage", on_delete=models.CASCADE, related_name="comments"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="method_comments"
    )
    text = models.TextField(_("kommentar"), max_length=COMMENT_MAX_LENGTH)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("skriven"), auto_now_add=True)
    moderated_at = models.DateTimeField(_("granskad"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("granskad av"),
    )
    moderation_note = models.CharField(_("motivering"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("kommentar")
        verbose_name_plural = _("kommentarer")
        ordering = ["created_at"]
        indexes = [models.Index(fields=["status", "created_at"], name="method_comment_queue_idx")]
        permissions = [("moderate_methodcomment", _("Kan granska kommentarer om metoder"))]

    def __str__(self) -> str:
        return f"{self.user} – {self.method_id} ({self.get_status_display()})"
