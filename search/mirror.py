"""The database mirror of the search documents (IndexedDocument + IndexedFacetValue).

Written by the same drain and rebuild that feed the engine, so the fallback search has the
same documents, facets, visibility and coordinates without touching any domain model.
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, time

from django.db import connection
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from .models import IndexedDocument, IndexedFacetValue
from .registry import SearchType

FACET_FIELDS = ("content_type", "county", "municipality", "audience", "tags")


SWEDISH = [("å", "a"), ("ä", "a"), ("ö", "o"), ("é", "e"), ("ü", "u")]


def _fold_table() -> dict[int, str]:
    """Latin letters with diacritics → without (à→a, ø stays), precomputed."""
    table = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        bare = "".join(
            c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
        )
        if bare and bare != char:
            table[code] = bare
    return table


FOLD = _fold_table()


def fold(text: str) -> str:
    """Lowercase without diacritics: "Yrkesvägledning" → "yrkesvagledning".

    This runs over every document's full text, so the common Swedish letters go through
    str.replace (C speed) and only text with other letters takes the table."""
    text = text.lower()
    for letter, bare in SWEDISH:
        text = text.replace(letter, bare)
    return text if text.isascii() else text.translate(FOLD)


def text_fields(search_type: SearchType) -> list[str]:
    names = [spec.split("^")[0] for spec in search_type.query_fields]
    return list(dict.fromkeys(["title", "summary", "body", *names]))


def facet_fields(search_type: SearchType) -> list[str]:
    return list(dict.fromkeys([*FACET_FIELDS, *(facet.field for facet in search_type.facets)]))


def _as_datetime(value) -> datetime | None:
    if not value:
        return None
    if isinstance(value, str):
        value = parse_datetime(value) or parse_date(value)
    if isinstance(value, datetime):
        return value if timezone.is_aware(value) else timezone.make_aware(value)
    if isinstance(value, date):
        return timezone.make_aware(datetime.combine(value, time.min))
    return None


def _flatten(value) -> str:
    if isinstance(value, list | tuple):
        return " ".join(_flatten(item) for item in value)
    return "" if value is None else str(value)


COLUMNS = (
    "doc_type",
    "object_id",
    "title",
    "url",
    "visibility",
    "date",
    "latitude",
    "longitude",
    "title_text",
    "search_text",
    "body",
    "data",
    "updated_at",
)


def _row(search_type: SearchType, object_id: str, source: dict, now: datetime) -> tuple:
    location = source.get("location") or {}
    texts = [_flatten(source.get(name)) for name in text_fields(search_type)]
    texts.append(_flatten(source.get("tags")))
    title = source.get("title", "")
    values = {
        "doc_type": search_type.name,
        "object_id": object_id,
        "title": title,
        "url": str(source.get("url") or "")[:500],
        "visibility": source.get("visibility", "public"),
        "date": _as_datetime(source.get("date")),
        "latitude": location.get("lat"),
        "longitude": location.get("lon"),
        "title_text": fold(title),
        "search_text": fold(" ".join(texts)),
        "body": _flatten(source.get("body")),
        "data": {key: value for key, value in source.items() if key != "body"},
        "updated_at": now,
    }
    return tuple(_db_value(name, values[name]) for name in COLUMNS)


def _db_value(column: str, value):
    if column in ("date", "updated_at", "data"):
        return IndexedDocument._meta.get_field(column).get_db_prep_save(value, connection)
    return value


def store(search_type: SearchType, sources: dict[str, dict]) -> None:
    """Replace these documents: delete, then insert with plain executemany (a rebuild writes
    100,000 documents and their facet values; model instances would cost more than the SQL)."""
    if not sources:
        return
    remove(search_type.name, list(sources))
    now = timezone.now()
    documents = IndexedDocument._meta.db_table
    placeholders = ", ".join(["%s"] * len(COLUMNS))
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {documents} ({', '.join(COLUMNS)}) VALUES ({placeholders})",  # noqa: S608
            [_row(search_type, object_id, source, now) for object_id, source in sources.items()],
        )
    ids = dict(
        IndexedDocument.objects.filter(
            doc_type=search_type.name, object_id__in=list(sources)
        ).values_list("object_id", "id")
    )
    fields = facet_fields(search_type)
    values = []
    for object_id, source in sources.items():
        for name in fields:
            raw = source.get(name)
            # Distinct values: the fallback's facet counts count rows, one per document.
            for value in dict.fromkeys(raw if isinstance(raw, list) else [raw]):
                if value is not None and value != "":
                    values.append((ids[object_id], name, str(value)[:200]))
    facet_table = IndexedFacetValue._meta.db_table
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {facet_table} (document_id, field, value) VALUES (%s, %s, %s)",  # noqa: S608
            values,
        )


def remove(doc_type: str, object_ids: list[str]) -> None:
    if object_ids:
        stale = IndexedDocument.objects.filter(doc_type=doc_type, object_id__in=object_ids)
        # Two plain DELETEs; Django's cascade collector would first load every row.
        IndexedFacetValue.objects.filter(document__in=stale)._raw_delete(stale.db)
        stale._raw_delete(stale.db)
