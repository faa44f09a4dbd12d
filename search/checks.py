"""System checks for registered search types (`manage.py check`): mistakes in a domain app's
documents.py show up at start-up, not as a failed drain later."""

from __future__ import annotations

import re

from django.core.checks import Error, register

from . import registry
from .documents import COMMON_FIELDS, BaseDocument

NAME = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
FACET_TYPES = {"keyword", "boolean", "integer", "long", "short", "byte", "float", "double", "date"}


def _mapping(document: type) -> dict:
    return document._doc_type.mapping.to_dict().get("properties", {})


def problems(search_type) -> list[str]:
    found = []
    if not NAME.match(search_type.name):
        found.append(f"name {search_type.name!r}: lowercase letters, digits and _ only")
    if not (
        isinstance(search_type.document, type) and issubclass(search_type.document, BaseDocument)
    ):
        return [*found, "document must subclass search.documents.BaseDocument"]
    try:
        search_type.model_class()
    except (LookupError, ValueError):
        found.append(f"model {search_type.model!r} is not an installed model")
    properties = _mapping(search_type.document)
    missing = [name for name in COMMON_FIELDS if name not in properties]
    if missing:
        found.append(f"document lacks common fields {missing}")
    for facet in search_type.facets:
        kind = properties.get(facet.field, {}).get("type")
        if kind not in FACET_TYPES:
            found.append(
                f"facet {facet.field!r} must be a Keyword (or number/date) field, not {kind}"
            )
    for spec in search_type.query_fields:
        name = spec.split("^")[0]
        if properties.get(name, {}).get("type") != "text":
            found.append(f"query field {name!r} is not a text field (use SwedishText())")
    for name in search_type.sortable:
        if properties.get(name, {}).get("type") in (None, "text"):
            found.append(f"sortable field {name!r} must be a number, date or keyword field")
    return found


@register("search")
def check_search_types(app_configs, **kwargs) -> list[Error]:
    return [
        Error(f"Search type {search_type.name!r}: {problem}", id="search.E001")
        for search_type in registry.all_types()
        for problem in problems(search_type)
    ]
