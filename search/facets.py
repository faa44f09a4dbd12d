"""Which facets a search shows, their query-string names and the labels of their values."""

from __future__ import annotations

from django.utils.translation import gettext as _

from . import registry
from .registry import Facet

MAX_VALUES_PER_FILTER = 20
MAX_VALUE_LENGTH = 100


def common_facets() -> list[Facet]:
    return [
        Facet("content_type", _("Innehållstyp"), param="type"),
        Facet("county", _("Län"), param="lan", size=21),
        Facet("municipality", _("Kommun"), param="kommun", size=20),
        Facet("audience", _("Målgrupp"), param="malgrupp"),
    ]


def facets_for(types: list[str] | None = None) -> list[Facet]:
    """The common facets, then each searched type's own (first definition of a field wins)."""
    facets = {facet.field: facet for facet in common_facets()}
    for search_type in registry.all_types():
        if types and search_type.name not in types:
            continue
        for facet in search_type.facets:
            facets.setdefault(facet.field, facet)
    return list(facets.values())


def clean_filters(
    filters: dict | None, facets: list[Facet]
) -> tuple[dict[str, list[str]], list[str]]:
    """Keep filters on known facet fields (by field or by param name); report the rest."""
    by_name = {facet.field: facet.field for facet in facets}
    by_name.update({facet.name: facet.field for facet in facets})
    cleaned: dict[str, list[str]] = {}
    ignored: list[str] = []
    for name, raw in (filters or {}).items():
        field = by_name.get(name)
        if field is None:
            ignored.append(str(name)[:50])
            continue
        values = raw if isinstance(raw, list | tuple | set) else [raw]
        values = [str(value).strip()[:MAX_VALUE_LENGTH] for value in values]
        values = list(dict.fromkeys(value for value in values if value))[:MAX_VALUES_PER_FILTER]
        if values:
            cleaned.setdefault(field, [])
            cleaned[field] += [value for value in values if value not in cleaned[field]]
    return cleaned, ignored


def filters_from_query(query_dict, *, types: list[str] | None = None) -> dict[str, list[str]]:
    """Facet filters from a request's GET parameters (`?lan=14&lan=01&type=method`)."""
    filters = {}
    for facet in facets_for(types):
        values = query_dict.getlist(facet.name)
        if values:
            filters[facet.field] = values
    return filters


_region_labels: dict[str, dict[str, str]] = {}


def _regions(field: str) -> dict[str, str]:
    if field not in _region_labels:
        from syvsite.regions.models import County, Municipality

        model = County if field == "county" else Municipality
        _region_labels[field] = dict(model.objects.values_list("code", "name"))
    return _region_labels[field]


def value_label(facet: Facet, value: str) -> str:
    if facet.labels and value in facet.labels:
        return str(facet.labels[value])
    if facet.field == "content_type":
        return str(registry.get(value).label) if value in registry.names() else value
    if facet.field in ("county", "municipality"):
        return _regions(facet.field).get(value, value)
    return value
