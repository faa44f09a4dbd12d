from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class FactSubmission(models.Model):
    """An entry a member suggested from the front end; it follows the page through review."""

    page = models.OneToOneField(
        "facts.FactPage", on_delete=models.CASCADE, related_name="submission"
    )
    submitter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="fact_submissions"
    )
    created_at = models.DateTimeField(_("inskickad"), auto_now_add=True)

    class Meta:
        verbose_name = _("faktaförslag")
        verbose_name_plural = _("faktaförslag")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.page.draft_title} ({self.submitter})"
