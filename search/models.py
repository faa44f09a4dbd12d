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


class QueryDay(models.Model):
    """How often one query was searched on one day, and how often it found nothing.

    For the editors' statistics. Deliberately nothing else: no user, no session, no IP address,
    no time of day. The query is stored lowercased with whitespace collapsed."""

    day = models.DateField()
    query = models.CharField(max_length=100)
    searches = models.PositiveIntegerField(default=0)
    zero_hits = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["day", "query"], name="query_day_one_row_per_query")
        ]
        indexes = [models.Index(fields=["query"])]

    def __str__(self) -> str:
        return f"{self.day} {self.query}: {self.searches}"


class PromotedResult(models.Model):
    """A document an editor pins to the top of the results for one query ("prao")."""

    query = models.CharField(max_length=100, db_index=True)  # folded (see search.promotions)
    doc_type = models.CharField(max_length=50)
    object_id = models.CharField(max_length=64)
    title = models.TextField()  # as when pinned, for the list in the staff pages
    position = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["query", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["query", "doc_type", "object_id"], name="promoted_result_once_per_query"
            )
        ]

    def __str__(self) -> str:
        return f"{self.query} → {self.doc_type}:{self.object_id}"


class SynonymList(models.Model):
    """The synonyms as editors keep them (one row; without it the shipped data/synonyms.txt)."""

    text = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        permissions = [("manage_search", "Kan hantera sökningen")]

    def __str__(self) -> str:
        return f"Synonymer ({self.updated_at:%Y-%m-%d %H:%M})"
