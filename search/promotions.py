"""Promoted results: a document an editor pins to the top of the results for one query.

A query matches a promotion when they are the same after lowercasing, collapsing whitespace and
folding å/ä/ö ("PRAO", "prao" and "präo" are one query). A pinned document is shown only while
it is in the search index and visible to the searcher, so unpublishing a page also unpins it.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from .mirror import fold
from .models import IndexedDocument, PromotedResult

MAX_QUERY = 100
MAX_PER_QUERY = 5


class PromotionError(ValueError):
    """Refused in Swedish: unknown document, or too many pinned for the query."""


def query_key(query: str) -> str:
    return fold(" ".join(str(query).split()))[:MAX_QUERY]


def documents_for(*, query: str, types: list[str], visibilities: list[str]) -> list:
    pinned = list(
        PromotedResult.objects.filter(query=query_key(query), doc_type__in=types).values_list(
            "doc_type", "object_id"
        )
    )
    if not pinned:
        return []
    documents = {
        (document.doc_type, document.object_id): document
        for document in IndexedDocument.objects.filter(
            doc_type__in={doc_type for doc_type, _ in pinned},
            object_id__in={object_id for _, object_id in pinned},
            visibility__in=visibilities,
        )
    }
    return [documents[key] for key in pinned if key in documents]


@transaction.atomic
def pin(*, query: str, document_id: int) -> PromotedResult:
    key = query_key(query)
    if not key:
        raise PromotionError(_("Skriv sökfrågan som sidan ska visas först för."))
    document = IndexedDocument.objects.filter(pk=document_id).first()
    if document is None:
        raise PromotionError(_("Sidan finns inte längre i sökindexet. Sök fram den igen."))
    existing = PromotedResult.objects.select_for_update().filter(query=key)
    if existing.count() >= MAX_PER_QUERY:
        raise PromotionError(
            _("Högst %(max)s sidor kan visas först för samma sökfråga.") % {"max": MAX_PER_QUERY}
        )
    last = existing.aggregate(last=Max("position"))["last"]
    promotion, _created = PromotedResult.objects.get_or_create(
        query=key,
        doc_type=document.doc_type,
        object_id=document.object_id,
        defaults={"title": document.title, "position": 0 if last is None else last + 1},
    )
    return promotion


@transaction.atomic
def unpin(*, promotion_id: int) -> None:
    PromotedResult.objects.filter(pk=promotion_id).delete()
