"""Index names, index bodies and aliases.

Each type lives in a versioned index `<prefix>-<type>-<version>` behind the alias
`<prefix>-<type>`. Reads and writes go through the alias; `rebuild` fills a new version and
moves the alias in one atomic `_aliases` call, then deletes the old versions.
"""

from __future__ import annotations

import re
import threading

from django.conf import settings
from django.utils import timezone
from elasticsearch_dsl import Index

from . import registry
from .client import Engine, EngineError
from .registry import SearchType

_known_aliases: set[tuple[int, str]] = set()
_known_lock = threading.Lock()


def prefix() -> str:
    return settings.SEARCH["INDEX_PREFIX"]


def alias_name(doc_type: str) -> str:
    return f"{prefix()}-{doc_type}"


def new_index_name(doc_type: str) -> str:
    return f"{alias_name(doc_type)}-{timezone.now():%Y%m%d%H%M%S%f}"


# One replica as soon as a second node exists, none on a single development node; new documents
# searchable within a second.
SERVING_SETTINGS = {"auto_expand_replicas": "0-1", "refresh_interval": "1s"}
# While `rebuild` fills a new version nobody searches it: no refreshes and no replicas to copy
# every document to. `serving_settings_body()` puts the serving settings back before the swap.
BULK_LOAD_SETTINGS = {
    "auto_expand_replicas": "false",
    "number_of_replicas": 0,
    "refresh_interval": "-1",
}


def serving_settings_body() -> dict:
    return {"index": dict(SERVING_SETTINGS)}


def index_body(search_type: SearchType, *, for_bulk_load: bool = False) -> dict:
    """Settings (with the Swedish analysis) and mappings from the type's document class."""
    index = Index("unused")
    index.document(search_type.document)
    index.settings(
        number_of_shards=1,
        max_result_window=10_000,
        **(BULK_LOAD_SETTINGS if for_bulk_load else SERVING_SETTINGS),
    )
    body = index.to_dict()
    body["mappings"]["dynamic"] = False  # unknown keys are kept in _source, not indexed
    # The synonyms editors keep in the staff pages (search/synonyms.py), not those at import.
    from .synonyms import current_rules

    body["settings"]["analysis"]["filter"]["sv_synonyms"]["synonyms"] = current_rules()
    return body


def search_targets(types: list[str] | None = None) -> list[str]:
    names = types or [search_type.name for search_type in registry.all_types()]
    return [alias_name(name) for name in names if name in registry.names()]


def indices_behind(engine: Engine, alias: str) -> list[str]:
    # _cat/aliases answers [] for a missing alias (GET /_alias/x answers 404 and logs a warning).
    answer = engine.request("GET", f"/_cat/aliases/{alias}", params={"format": "json"})
    return sorted(row["index"] for row in answer if row.get("alias") == alias)


def create_index(engine: Engine, search_type: SearchType, *, for_bulk_load: bool = False) -> str:
    name = new_index_name(search_type.name)
    engine.request(
        "PUT", f"/{name}", body=index_body(search_type, for_bulk_load=for_bulk_load), timeout=60
    )
    return name


def ensure_index(engine: Engine, search_type: SearchType) -> None:
    """Create the type's first index and alias if there is none (cached per process)."""
    ensure_indices(engine, [search_type])


def ensure_indices(engine: Engine, search_types: list[SearchType]) -> None:
    """`ensure_index` for several types, asking the engine once which aliases exist."""
    wanted = {alias_name(t.name): t for t in search_types}
    unknown = {alias: t for alias, t in wanted.items() if (id(engine), alias) not in _known_aliases}
    if not unknown:
        return
    with _known_lock:
        answer = engine.request("GET", f"/_cat/aliases/{prefix()}-*", params={"format": "json"})
        existing = {row["alias"] for row in answer}
        for alias, search_type in unknown.items():
            if alias not in existing:
                name = create_index(engine, search_type)
                try:
                    point_alias(engine, alias=alias, new_index=name, old_indices=[])
                except EngineError:
                    # Another process won the race: keep its index, drop ours.
                    engine.request("DELETE", f"/{name}", timeout=30)
            _known_aliases.add((id(engine), alias))


def forget_known_aliases() -> None:
    _known_aliases.clear()


def point_alias(engine: Engine, *, alias: str, new_index: str, old_indices: list[str]) -> None:
    """Move the alias in one atomic request: searches see the old or the new index, never none."""
    actions = [{"remove": {"index": old, "alias": alias}} for old in old_indices]
    actions.append({"add": {"index": new_index, "alias": alias, "is_write_index": True}})
    engine.request("POST", "/_aliases", body={"actions": actions}, timeout=30)


def delete_indices(engine: Engine, names: list[str]) -> None:
    for name in names:
        try:
            engine.request("DELETE", f"/{name}", timeout=60)
        except EngineError as error:
            if error.status != 404:
                raise


def versions_of(engine: Engine, doc_type: str) -> list[str]:
    """Every index of this type, in use or left over from an interrupted rebuild."""
    pattern = f"{alias_name(doc_type)}-*"
    answer = engine.request("GET", f"/{pattern}/_settings/index.provided_name")
    version = re.compile(rf"^{re.escape(alias_name(doc_type))}-\d{{20}}$")
    return sorted(name for name in answer if version.match(name))


def delete_all_indices(engine: Engine) -> None:
    """Delete every index under this prefix (tests and `search_index drop`)."""
    for search_type in registry.all_types():
        delete_indices(engine, versions_of(engine, search_type.name))
    forget_known_aliases()
