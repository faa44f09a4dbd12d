"""From objects to documents, and the outbox drain.

Draining asks each type's `get_queryset()` whether an object belongs in the index: if it does,
`to_document(obj)` is written; if not (deleted, unpublished, hidden), it is removed. The same
documents go to the engine and to the database mirror (search/mirror.py) that the fallback
searches. A row leaves the outbox only when the engine has accepted it and the object has not
changed again meanwhile.
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from . import indices, mirror, registry
from .client import EngineError, EngineUnavailable, get_engine
from .documents import VISIBILITIES, VISIBILITY_PUBLIC
from .locks import drain_lock
from .models import OutboxEntry
from .registry import SearchType

logger = logging.getLogger(__name__)

LIST_FIELDS = ("county", "municipality", "audience", "tags")
TEXT_FIELDS = ("title", "summary", "body", "url")
MAX_BACKOFF_SECONDS = 300


def as_list(value) -> list:
    if value is None or value == "":
        return []
    if isinstance(value, list | tuple | set | frozenset):
        return [item for item in value if item is not None and item != ""]
    return [value]


def suggestion_inputs(title: str, tags: list[str]) -> list[str]:
    """The title, the title from each of its first words on, and the tags: autocomplete
    matches the start of any of these, so "vägledning" suggests "Yrkesvägledning i …"."""
    words = title.split()
    inputs = [title] if title else []
    inputs += [" ".join(words[start:]) for start in range(1, min(len(words), 6))]
    inputs += [str(tag) for tag in tags[:10]]
    unique = dict.fromkeys(text.strip() for text in inputs if len(text.strip()) >= 2)
    return list(unique)


def prepare_source(search_type: SearchType, obj) -> dict:
    """The document for one object: the type's `to_document` plus what every document needs.

    `to_document` returns only what it knows: a common field it leaves out (or sets to None
    or "") is filled in here (text "", lists [], date and location None, visibility public).
    """
    source = dict(search_type.to_document(obj))
    source["content_type"] = search_type.name
    for name in TEXT_FIELDS:
        source[name] = str(source.get(name) or "")
    source["date"] = source.get("date") or None
    for name in LIST_FIELDS:
        source[name] = [str(value) for value in as_list(source.get(name))]
    for facet in search_type.facets:
        if facet.field in source and facet.field not in LIST_FIELDS:
            value = source[facet.field]
            source[facet.field] = value if isinstance(value, bool | int | float) else as_list(value)
    visibility = source.get("visibility") or VISIBILITY_PUBLIC
    if visibility not in VISIBILITIES:
        raise ValueError(f"okänd visibility {visibility!r} (tillåtna: {VISIBILITIES})")
    source["visibility"] = visibility
    location = source.get("location")
    if location:
        source["location"] = {"lat": float(location["lat"]), "lon": float(location["lon"])}
    else:
        source["location"] = None
    source["suggest"] = {"input": suggestion_inputs(source["title"], source["tags"])}
    return source


def bulk_lines(alias: str, sources: dict[str, dict], deleted: list[str]) -> list[dict]:
    lines: list[dict] = []
    for object_id, source in sources.items():
        lines.append({"index": {"_index": alias, "_id": object_id}})
        lines.append(source)
    lines += [{"delete": {"_index": alias, "_id": object_id}} for object_id in deleted]
    return lines


def send_bulk(
    engine, lines: list[dict], *, refresh: bool = False, timeout: float = 30, to_alias: bool = False
) -> dict:
    """One bulk request. Returns {document id: error text} for the items the engine refused.

    `to_alias`: the targets must be aliases; a missing one fails the item instead of letting
    the engine auto-create a concrete index with guessed mappings under the alias's name."""
    if not lines:
        return {}
    params = {"refresh": "true"} if refresh else {}
    if to_alias:
        params["require_alias"] = "true"
    answer = engine.request(
        "POST", "/_bulk", body=lines, ndjson=True, params=params, timeout=timeout
    )
    if not answer.get("errors"):
        return {}
    failures = {}
    for item in answer.get("items", []):
        action, result = next(iter(item.items()))
        if result.get("status", 200) >= 300 and not (
            action == "delete" and result["status"] == 404
        ):
            failures[result.get("_id")] = str(result.get("error"))[:500]
    return failures


@dataclass
class DrainReport:
    indexed: int = 0
    deleted: int = 0
    failed: int = 0
    skipped: bool = False  # another drain held the lock
    stopped_early: bool = False  # the deadline passed with rows still due
    engine_error: str = ""
    errors: list[str] = field(default_factory=list)

    @property
    def retry_soon(self) -> bool:
        return self.skipped or self.stopped_early or self.failed > 0

    @property
    def retry_after(self) -> float:
        return 2.0 if self.skipped or self.stopped_early else 10.0


def _due(*, batch_size: int, ignore_schedule: bool, exclude: set[int]) -> list[OutboxEntry]:
    entries = OutboxEntry.objects.exclude(id__in=exclude).order_by("changed_at")
    if not ignore_schedule:
        entries = entries.filter(
            Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=timezone.now())
        )
    return list(entries[:batch_size])


BULK_TIMEOUT = 30.0


def drain(
    *,
    batch_size: int = 200,
    ignore_schedule: bool = False,
    refresh: bool = False,
    blocking: bool = False,
    within: float | None = None,
) -> DrainReport:
    """Process the outbox until nothing is due. Each row is tried at most once per call.

    `within`: give up after this many seconds (waiting for the lock included) and leave what
    is still due for the next drain (`report.stopped_early`); a request that waits for its own
    change uses it, so a slow engine or a large import never holds a page for long."""
    report = DrainReport()
    deadline = None if within is None else time.monotonic() + within
    lock_timeout = 600.0 if deadline is None else max(0.0, within)
    with drain_lock(blocking=blocking, timeout=lock_timeout) as held:
        if not held:
            report.skipped = True
            return report
        engine = get_engine()
        tried: set[int] = set()
        while entries := _due(
            batch_size=batch_size, ignore_schedule=ignore_schedule, exclude=tried
        ):
            remaining = BULK_TIMEOUT if deadline is None else deadline - time.monotonic()
            if remaining <= 0:
                report.stopped_early = True
                break
            tried.update(entry.id for entry in entries)
            _process(
                entries,
                engine=engine,
                report=report,
                refresh=refresh,
                timeout=min(BULK_TIMEOUT, remaining),
            )
    return report


def _process(
    entries: list[OutboxEntry], *, engine, report: DrainReport, refresh: bool, timeout: float
) -> None:
    by_type: dict[str, list[OutboxEntry]] = defaultdict(list)
    for entry in entries:
        by_type[entry.doc_type].append(entry)
    lines: list[dict] = []
    done: list[OutboxEntry] = []
    failed: dict[int, str] = {}
    entry_of: dict[tuple[str, str], OutboxEntry] = {}
    for doc_type, group in by_type.items():
        if doc_type not in registry.names():
            logger.warning("search outbox: unknown type %s, dropping %d rows", doc_type, len(group))
            done += group
            continue
        search_type = registry.get(doc_type)
        sources, deleted, errors = _documents_for(search_type, group)
        with transaction.atomic():
            mirror.store(search_type, sources)
            mirror.remove(doc_type, deleted)
        failed.update(
            {entry.id: errors[entry.object_id] for entry in group if entry.object_id in errors}
        )
        report.indexed += len(sources)
        report.deleted += len(deleted)
        alias = indices.alias_name(doc_type)
        lines += bulk_lines(alias, sources, deleted)
        for entry in group:
            if entry.id not in failed:
                entry_of[(alias, entry.object_id)] = entry
    if engine is not None and lines:
        try:
            known = [registry.get(doc_type) for doc_type in by_type if doc_type in registry.names()]
            indices.ensure_indices(engine, known)
            refused = send_bulk(
                engine, lines, refresh=refresh, timeout=max(timeout, 1.0), to_alias=True
            )
            if any("index_not_found" in error for error in refused.values()):
                indices.forget_known_aliases()  # e.g. the engine lost its data: recreate next time
        except (EngineUnavailable, EngineError) as error:
            report.engine_error = str(error)[:300]
            failed.update({entry.id: report.engine_error for entry in entry_of.values()})
        else:
            for (_alias, object_id), entry in entry_of.items():
                if object_id in refused:
                    failed[entry.id] = refused[object_id]
    done += [entry for entry in entry_of.values() if entry.id not in failed]
    _finish(done, [entry for entry in entries if entry.id in failed], failed)
    report.failed += len(failed)
    report.errors += list(failed.values())[:5]


def _documents_for(search_type: SearchType, group: list[OutboxEntry]):
    ids = [entry.object_id for entry in group]
    try:
        objects = {str(obj.pk): obj for obj in search_type.get_queryset().filter(pk__in=ids)}
    except (ValueError, ValidationError):
        objects = {}
    sources, deleted, errors = {}, [], {}
    for object_id in ids:
        obj = objects.get(object_id)
        if obj is None:
            deleted.append(object_id)
            continue
        try:
            sources[object_id] = prepare_source(search_type, obj)
        except Exception as error:  # one broken object must not block the others
            logger.exception("search: to_document failed for %s:%s", search_type.name, object_id)
            errors[object_id] = f"{error.__class__.__name__}: {error}"
    return sources, deleted, errors


def _finish(done: list[OutboxEntry], failed: list[OutboxEntry], errors: dict[int, str]) -> None:
    # Only rows not changed again since we read them: a newer change stays for the next drain.
    for entry in done:
        OutboxEntry.objects.filter(id=entry.id, changed_at=entry.changed_at).delete()
    now = timezone.now()
    for entry in failed:
        attempts = entry.attempts + 1
        delay = min(MAX_BACKOFF_SECONDS, 2**attempts)
        OutboxEntry.objects.filter(id=entry.id).update(
            attempts=attempts,
            next_attempt_at=now + timedelta(seconds=delay),
            last_error=errors.get(entry.id, "")[:2000],
        )
