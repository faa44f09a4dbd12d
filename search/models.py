from django.db import models


class OutboxEntry(models.Model):
    """A pending "object X of type T changed" note, written in the same transaction as the change.

    One row per object (coalesced): a second change before the drain only bumps `changed_at`.
    """

    doc_type = models.CharField(max_length=50)
    object_id = models.CharField(max_length=64)
    changed_at = models.DateTimeField(auto_now=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True, db_index=True)
    last_error = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["doc_type", "object_id"], name="outbox_one_row_per_object"
            )
        ]
        indexes = [models.Index(fields=["doc_type", "created_at"])]

    def __str__(self) -> str:
        return f"{self.doc_type}:{self.object_id}"
