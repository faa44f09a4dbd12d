from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AccessLogError(Exception):
    pass


class AccessLogEntry(models.Model):
    """One person looking at or exporting pupils' personal data: who, what, when.

    Entries are written once and never changed (save refuses an update); they are removed
    only by the retention rule for the log itself (`gallra`). The object is named by type,
    id and a label that carries no pupil's name, so the log does not spread what it guards.
    """

    class Action(models.TextChoices):
        VIEW = "view", _("Visade")
        EXPORT = "export", _("Exporterade")
        EXTRACT = "extract", _("Registerutdrag")
        ERASE = "erase", _("Radering på begäran")

    class ObjectType(models.TextChoices):
        CHOICE_ROUND = "valomgang", _("Valomgångens elever")
        BOOKING = "bokning", _("Bokningens elever")
        CERTIFICATE = "intyg", _("Praktikintyg")
        PUPIL = "elev", _("Elev")

    at = models.DateTimeField(_("tidpunkt"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # Kept as text: the entry must still say who it was after their account is deleted.
    user_email = models.CharField(_("användare"), max_length=254, db_index=True)
    action = models.CharField(_("åtgärd"), max_length=10, choices=Action.choices)
    object_type = models.CharField(_("typ"), max_length=20, choices=ObjectType.choices)
    object_id = models.CharField(_("id"), max_length=40)
    object_label = models.CharField(_("vad"), max_length=300)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("loggpost")
        verbose_name_plural = _("åtkomstlogg")
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.user_email} {self.action} {self.object_label}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AccessLogError("Åtkomstloggen kan inte ändras.")
        super().save(*args, **kwargs)
