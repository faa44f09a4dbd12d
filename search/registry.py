"""Where domain apps declare what they put in the search engine.

Each domain app has a `documents.py` that defines an elasticsearch-dsl document class
(subclassing `search.documents.BaseDocument`) and calls `register(SearchType(...))`.
`search/` never imports a domain model: it only sees what is registered here.

Indexing model: a change to a registered object (or a related object) writes a row to the
outbox in the same transaction. Draining the outbox asks the type's `get_queryset()` whether
the object still belongs in the index: if it does, `to_document(obj)` is (re)indexed; if not
(unpublished, deleted, hidden), the document is removed. So there is no "action" to get wrong.
"""

import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib import import_module

from django.apps import apps
from django.db.models import Model, QuerySet


class ModelLabels(Mapping):
    """Facet value → its current name, read from a model: `ModelLabels("methods.Theme")` maps
    slug → name. Read at most once a minute per process, so a renamed term shows its new name
    soon without a query for every facet shown."""

    ttl_seconds = 60.0

    def __init__(self, model: str, *, key: str = "slug", label: str = "name"):
        self.model, self.key, self.label = model, key, label
        self._cache: dict[str, str] = {}
        self._read_at = float("-inf")

    def _labels(self) -> dict[str, str]:
        if time.monotonic() - self._read_at > self.ttl_seconds:
            rows = apps.get_model(self.model).objects.values_list(self.key, self.label)
            self._cache = {str(key): str(label) for key, label in rows}
            self._read_at = time.monotonic()
        return self._cache

    def __getitem__(self, key: str) -> str:
        return self._labels()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._labels())

    def __len__(self) -> int:
        return len(self._labels())


@dataclass(frozen=True)
class Facet:
    """A keyword field shown as a facet with counts and usable as a filter (`?<param>=value`)."""

    field: str
    label: str
    param: str = ""  # query-string name; defaults to `field`
    # value → display label, for coded values: a dict, or ModelLabels for a vocabulary model
    labels: Mapping[str, str] | None = None
    size: int = 30

    @property
    def name(self) -> str:
        return self.param or self.field


@dataclass(frozen=True)
class Related:
    """Another model whose changes re-index objects of this type (e.g. a rating → its method)."""

    model: str  # "app_label.ModelName"
    get_ids: Callable[[Model], Iterable[int | str]]


@dataclass(frozen=True)
class SearchType:
    name: str  # short id: index alias suffix and the `content_type` value, e.g. "method"
    label: str  # Swedish plural for the content-type facet, e.g. "Metoder"
    document: type  # subclass of search.documents.BaseDocument
    model: str  # "app_label.ModelName"
    get_queryset: Callable[[], QuerySet]  # exactly the objects that belong in the index
    to_document: Callable[[Model], dict]  # field values for one object
    is_page: bool = False  # Wagtail page: follow publish/unpublish/move/delete, not every save
    facets: tuple[Facet, ...] = ()
    related: tuple[Related, ...] = ()
    # Fields and boosts for the full-text part of the query.
    query_fields: tuple[str, ...] = ("title^3", "summary^2", "body")
    sortable: tuple[str, ...] = ()  # extra numeric/date fields a caller may sort by
    # Weight in relevance ranking: below 1 for documents that repeat a part of a larger one
    # (a plan's activities), so the standalone document comes first.
    boost: float = 1.0
    chunk_size: int = 500
    extra: dict = field(default_factory=dict)

    def model_class(self) -> type[Model]:
        return apps.get_model(self.model)


_registry: dict[str, SearchType] = {}


def register(search_type: SearchType) -> SearchType:
    _registry[search_type.name] = search_type
    if apps.ready:  # registered after start-up (e.g. by a test): connect its signals now
        from .signals import connect

        connect(search_type)
    return search_type


def get(name: str) -> SearchType:
    return _registry[name]


def all_types() -> list[SearchType]:
    return list(_registry.values())


def autodiscover() -> None:
    """Import `<app>.documents` for every installed app that has one."""
    for config in apps.get_app_configs():
        try:
            import_module(f"{config.name}.documents")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.documents":
                raise


def names() -> list[str]:
    return list(_registry)


def unregister(name: str) -> None:
    """Remove a type (benchmarks and tests that register a throwaway type). Its signal
    handlers stay connected but find no type and do nothing."""
    _registry.pop(name, None)
