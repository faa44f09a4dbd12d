"""Full rebuild: every type into a new index version, then one atomic alias swap.

Searches keep using the old version until the swap, so they never see an empty or half-built
index. The drain is paused meanwhile (the drain lock): changes made during the rebuild wait in
the outbox and are applied to the new version right after. The database mirror is rebuilt in
the same pass from the same documents.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from tqdm import tqdm

from . import indices, mirror, registry
from .client import Engine, get_engine
from .indexing import bulk_lines, drain, prepare_source, send_bulk
from .locks import drain_lock
from .models import IndexedDocument
from .registry import SearchType

BULK_TIMEOUT = 120
SENDERS = 2  # bulk requests in flight at once


@dataclass
class RebuildReport:
    doc_type: str
    objects: int = 0
    indexed: int = 0
    failed: int = 0
    seconds: float = 0.0
    new_index: str = ""
    errors: list[str] = field(default_factory=list)

    @property
    def per_second(self) -> float:
        return self.indexed / self.seconds if self.seconds else 0.0


def chunks(search_type: SearchType, size: int) -> Iterator[list]:
    """The type's objects in primary-key order, `size` at a time (keyset pagination)."""
    queryset = search_type.get_queryset().order_by("pk")
    last = None
    while True:
        page = queryset if last is None else queryset.filter(pk__gt=last)
        objects = list(page[:size])
        if not objects:
            return
        yield objects
        last = objects[-1].pk


def rebuild(
    *,
    types: list[str] | None = None,
    chunk_size: int | None = None,
    progress: bool = True,
    output=None,
) -> list[RebuildReport]:
    engine = get_engine()
    selected = [t for t in registry.all_types() if not types or t.name in types]
    reports = []
    with drain_lock(blocking=True) as held:
        if not held:
            raise RuntimeError("En annan indexering pågår. Försök igen om en stund.")
        for search_type in selected:
            reports.append(
                rebuild_type(
                    search_type,
                    engine=engine,
                    chunk_size=chunk_size,
                    progress=progress,
                    output=output,
                )
            )
    drain(ignore_schedule=True, blocking=True)  # what changed while we were rebuilding
    return reports


def rebuild_type(
    search_type: SearchType,
    *,
    engine: Engine | None,
    chunk_size: int | None = None,
    progress: bool = True,
    output=None,
) -> RebuildReport:
    size = chunk_size or search_type.chunk_size
    report = RebuildReport(search_type.name)
    started = time.monotonic()
    since = timezone.now()
    alias = indices.alias_name(search_type.name)
    new_index = indices.create_index(engine, search_type, for_bulk_load=True) if engine else ""
    report.new_index = new_index
    total = search_type.get_queryset().count()
    report.objects = total
    bar = tqdm(
        total=total,
        unit=" dok",
        desc=search_type.name,
        disable=not progress,
        file=output,
        leave=True,
    )
    # Build the next chunks while the engine indexes earlier ones, SENDERS bulk requests at a
    # time (the engine indexes them in parallel: a single stream leaves it waiting for us).
    in_flight: deque[tuple[Future, list[str]]] = deque()
    with ThreadPoolExecutor(max_workers=SENDERS) as sender:
        try:
            for objects in chunks(search_type, size):
                sources = _sources(search_type, objects, report)
                with transaction.atomic():
                    mirror.store(search_type, sources)
                if engine is not None:
                    while len(in_flight) >= SENDERS:
                        _collect(*in_flight.popleft(), report)
                    lines = bulk_lines(new_index, sources, [])
                    future = sender.submit(send_bulk, engine, lines, timeout=BULK_TIMEOUT)
                    in_flight.append((future, list(sources)))
                else:
                    report.indexed += len(sources)
                bar.update(len(objects))
            while in_flight:
                _collect(*in_flight.popleft(), report)
        except BaseException:
            for future, _ids in in_flight:
                future.cancel()
            if engine is not None:
                sender.shutdown(wait=True)
                indices.delete_indices(engine, [new_index])
            raise
        finally:
            bar.close()
    IndexedDocument.objects.filter(doc_type=search_type.name, updated_at__lt=since).delete()
    if engine is not None:
        _publish(engine, search_type, alias=alias, new_index=new_index)
    report.seconds = time.monotonic() - started
    return report


def _sources(search_type: SearchType, objects: list, report: RebuildReport) -> dict[str, dict]:
    sources = {}
    for obj in objects:
        try:
            sources[str(obj.pk)] = prepare_source(search_type, obj)
        except Exception as error:  # reported, the rest continues
            report.failed += 1
            if len(report.errors) < 10:
                report.errors.append(
                    f"{search_type.name}:{obj.pk}: {error.__class__.__name__}: {error}"
                )
    return sources


def _collect(pending: Future, ids: list[str], report: RebuildReport) -> None:
    refused = pending.result()
    report.indexed += len(ids) - len(refused)
    report.failed += len(refused)
    for object_id, error in list(refused.items())[: max(0, 10 - len(report.errors))]:
        report.errors.append(f"{report.doc_type}:{object_id}: {error}")


def _publish(engine: Engine, search_type: SearchType, *, alias: str, new_index: str) -> None:
    """Serving settings back (refresh, replicas), make the new version searchable, swap the
    alias atomically, delete the old versions."""
    engine.request(
        "PUT", f"/{new_index}/_settings", body=indices.serving_settings_body(), timeout=60
    )
    engine.request("POST", f"/{new_index}/_refresh", timeout=BULK_TIMEOUT)
    old = indices.indices_behind(engine, alias)
    indices.point_alias(engine, alias=alias, new_index=new_index, old_indices=old)
    leftovers = [
        name for name in indices.versions_of(engine, search_type.name) if name != new_index
    ]
    indices.delete_indices(engine, leftovers)
    indices.forget_known_aliases()
