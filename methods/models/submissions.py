from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class MethodSubmission(models.Model):
    """A method a member contributed from the front end; it follows the page through review."""

    page = models.OneToOneField(
        "methods.MethodPage", on_delete=models.CASCADE, related_name="submission"
    )
    submitter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="method_submissions"
    )
    created_at = models.DateTimeField(_("inskickad"), auto_now_add=True)
    updated_at = models.DateTimeField(_("senast ändrad"), auto_now=True)
    published_notified_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("metodbidrag")
        verbose_name_plural = _("metodbidrag")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.page.draft_title} ({self.submitter})"
