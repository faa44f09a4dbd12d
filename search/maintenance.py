"""`search_index status` and `reconcile`: compare the database, the engine and the mirror."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Max, Min, Q
from django.utils import timezone

from . import indices, registry
from .client import Engine, EngineError, EngineUnavailable, get_engine
from .models import IndexedDocument, OutboxEntry
from .outbox import enqueue

SCROLL_SIZE = 5000


@dataclass
class TypeStatus:
    doc_type: str
    label: str
    alias: str
    indices: list[str]
    in_database: int
    in_engine: int | None  # None: no engine or it did not answer
    in_mirror: int
    pending: int
    failing: int
    oldest_pending_seconds: float | None
    last_error: str = ""


def status(*, types: list[str] | None = None) -> tuple[dict, list[TypeStatus]]:
    engine = get_engine()
    engine_state = engine.health() if engine else {"status": "not_configured"}
    reachable = engine is not None and engine_state["status"] == "ok"
    now = timezone.now()
    rows = []
    for search_type in registry.all_types():
        if types and search_type.name not in types:
            continue
        alias = indices.alias_name(search_type.name)
        outbox = OutboxEntry.objects.filter(doc_type=search_type.name).aggregate(
            pending=Count("id"),
            failing=Count("id", filter=Q(attempts__gt=0)),
            oldest=Min("created_at"),
            last=Max("next_attempt_at"),
        )
        last_error = (
            OutboxEntry.objects.filter(doc_type=search_type.name, attempts__gt=0)
            .order_by("-changed_at")
            .values_list("last_error", flat=True)
            .first()
            or ""
        )
        in_engine, behind = None, []
        if reachable:
            try:
                behind = indices.indices_behind(engine, alias)
                in_engine = engine.request("GET", f"/{alias}/_count")["count"] if behind else 0
            except (EngineUnavailable, EngineError):
                in_engine = None
        rows.append(
            TypeStatus(
                doc_type=search_type.name,
                label=str(search_type.label),
                alias=alias,
                indices=behind,
                in_database=search_type.get_queryset().count(),
                in_engine=in_engine,
                in_mirror=IndexedDocument.objects.filter(doc_type=search_type.name).count(),
                pending=outbox["pending"],
                failing=outbox["failing"],
                oldest_pending_seconds=(now - outbox["oldest"]).total_seconds()
                if outbox["oldest"]
                else None,
                last_error=last_error[:200],
            )
        )
    return engine_state, rows


def engine_ids(engine: Engine, alias: str) -> set[str]:
    """Every document id behind the alias (scroll, `_source` off)."""
    body = {"query": {"match_all": {}}, "size": SCROLL_SIZE, "_source": False, "sort": ["_doc"]}
    try:
        answer = engine.request(
            "POST", f"/{alias}/_search", body=body, params={"scroll": "2m"}, timeout=60
        )
    except EngineError as error:
        if error.status == 404:
            return set()
        raise
    ids: set[str] = set()
    scroll_id = answer.get("_scroll_id")
    try:
        while answer["hits"]["hits"]:
            ids.update(hit["_id"] for hit in answer["hits"]["hits"])
            answer = engine.request(
                "POST", "/_search/scroll", body={"scroll": "2m", "scroll_id": scroll_id}, timeout=60
            )
            scroll_id = answer.get("_scroll_id", scroll_id)
    finally:
        if scroll_id:
            engine.request("DELETE", "/_search/scroll", body={"scroll_id": [scroll_id]})
    return ids


@dataclass
class Drift:
    doc_type: str
    missing_in_engine: set[str] = field(default_factory=set)
    extra_in_engine: set[str] = field(default_factory=set)
    missing_in_mirror: set[str] = field(default_factory=set)
    extra_in_mirror: set[str] = field(default_factory=set)

    @property
    def to_fix(self) -> set[str]:
        return (
            self.missing_in_engine
            | self.extra_in_engine
            | self.missing_in_mirror
            | self.extra_in_mirror
        )


def find_drift(*, types: list[str] | None = None) -> list[Drift]:
    """Objects that belong but are missing, and documents that no longer belong, per type."""
    engine = get_engine()
    drifts = []
    for search_type in registry.all_types():
        if types and search_type.name not in types:
            continue
        wanted = {str(pk) for pk in search_type.get_queryset().values_list("pk", flat=True)}
        mirrored = set(
            IndexedDocument.objects.filter(doc_type=search_type.name).values_list(
                "object_id", flat=True
            )
        )
        drift = Drift(
            search_type.name, missing_in_mirror=wanted - mirrored, extra_in_mirror=mirrored - wanted
        )
        if engine is not None:
            indexed = engine_ids(engine, indices.alias_name(search_type.name))
            drift.missing_in_engine = wanted - indexed
            drift.extra_in_engine = indexed - wanted
        drifts.append(drift)
    return drifts


def reconcile(*, types: list[str] | None = None, fix: bool = True) -> list[Drift]:
    """Find drift and queue every affected object: the drain then indexes or deletes it."""
    drifts = find_drift(types=types)
    if fix:
        for drift in drifts:
            enqueue(doc_type=drift.doc_type, object_ids=drift.to_fix)
    return drifts
