from django.core.serializers.json import DjangoJSONEncoder
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


class IndexedDocument(models.Model):
    """The database's copy of one search document, kept by the same drain and rebuild as the
    engine. Search answers from it when the engine is off or away (see search/fallback.py)."""

    doc_type = models.CharField(max_length=50)
    object_id = models.CharField(max_length=64)
    title = models.TextField()
    url = models.CharField(max_length=500, blank=True)
    visibility = models.CharField(max_length=20, default="public", db_index=True)
    date = models.DateTimeField(null=True, blank=True, db_index=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    # Lowercased, å/ä/ö folded: what the fallback's "contains" matching runs on.
    title_text = models.TextField(blank=True)
    search_text = models.TextField(blank=True)
    body = models.TextField(blank=True)  # kept apart from `data`: long, and only for snippets
    data = models.JSONField(default=dict, encoder=DjangoJSONEncoder)  # the document, less body
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["doc_type", "object_id"], name="indexed_document_one_per_object"
            )
        ]

    def __str__(self) -> str:
        return f"{self.doc_type}:{self.object_id} {self.title}"


class IndexedFacetValue(models.Model):
    """One keyword value of an indexed document (county, audience, a type's facet…): the
    fallback's filters and facet counts are joins on this table."""

    document = models.ForeignKey(
        IndexedDocument, on_delete=models.CASCADE, related_name="facet_values"
    )
    field = models.CharField(max_length=50)
    value = models.CharField(max_length=200)

    class Meta:
        indexes = [models.Index(fields=["field", "value"])]

    def __str__(self) -> str:
        return f"{self.field}={self.value}"
