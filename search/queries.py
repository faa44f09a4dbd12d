"""Request bodies for the engine, built with elasticsearch-dsl and sent as plain dicts.

The full-text part searches three analyses of every text field at once (see analysis.py): the
stemmed field with synonyms, the folded sub-field and the compound-part sub-field. A document
matches when all words of the query match within one of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from elasticsearch_dsl import A, Q, Search

from . import registry
from .registry import Facet
from .results import GeoFilter

HIGHLIGHT_TAGS = {"pre_tags": ["<mark>"], "post_tags": ["</mark>"]}
SNIPPET_LENGTH = 180


@dataclass
class QueryPlan:
    text: str
    types: list[str]
    visibilities: list[str]
    filters: dict[str, list[str]]
    facets: list[Facet]
    sort: str
    offset: int
    size: int
    geo: GeoFilter | None = None
    with_suggestion: bool = True


def query_fields(types: list[str]) -> list[str]:
    """The searched types' query fields (first boost wins), e.g. ["title^3", "summary^2", "body"]."""
    fields: dict[str, str] = {}
    for search_type in registry.all_types():
        if search_type.name in types:
            for spec in search_type.query_fields:
                fields.setdefault(spec.split("^")[0], spec)
    return list(fields.values()) or ["title^3", "summary^2", "body"]


def _subfields(fields: list[str], suffix: str) -> list[str]:
    result = []
    for spec in fields:
        name, _, boost = spec.partition("^")
        result.append(f"{name}.{suffix}^{boost}" if boost else f"{name}.{suffix}")
    return result


def text_query(text: str, types: list[str]) -> Q:
    if not text:
        return Q("match_all")
    fields = query_fields(types)
    groups = [
        (fields, 1.0),
        (_subfields(fields, "folded"), 0.7),
        (_subfields(fields, "parts"), 0.4),
    ]
    clauses = [
        Q("multi_match", query=text, type="cross_fields", fields=group, operator="and", boost=boost)
        for group, boost in groups
    ]
    phrase = Q("multi_match", query=text, type="phrase", fields=fields[:2], slop=2, boost=2.0)
    # A phrase match implies a match of the first group, so it only adds to the score.
    return Q("bool", should=[*clauses, phrase], minimum_should_match=1)


def _terms(field: str, values: list[str]) -> Q:
    return Q("terms", **{field: values})


def base_filters(plan: QueryPlan) -> list[Q]:
    filters = [_terms("visibility", plan.visibilities), _terms("content_type", plan.types)]
    if plan.geo is not None:
        filters.append(
            Q(
                "geo_distance",
                distance=f"{plan.geo.km}km",
                location={"lat": plan.geo.lat, "lon": plan.geo.lon},
            )
        )
    return filters


def sort_clause(plan: QueryPlan) -> list:
    if plan.sort == "date":
        return [{"date": {"order": "desc", "missing": "_last"}}, "_score"]
    if plan.sort == "distance" and plan.geo is not None:
        location = {"lat": plan.geo.lat, "lon": plan.geo.lon}
        return [{"_geo_distance": {"location": location, "order": "asc", "unit": "km"}}]
    if plan.sort not in ("relevance", "") and plan.sort.lstrip("-"):
        field = plan.sort.lstrip("-")
        order = "desc" if plan.sort.startswith("-") else "asc"
        return [{field: {"order": order, "missing": "_last", "unmapped_type": "keyword"}}, "_score"]
    return ["_score", {"date": {"order": "desc", "missing": "_last"}}]


def search_body(plan: QueryPlan) -> dict:
    search = Search().query(
        Q("bool", must=[text_query(plan.text, plan.types)], filter=base_filters(plan))
    )
    facet_filters = {field: _terms(field, values) for field, values in plan.filters.items()}
    if facet_filters:
        search = search.post_filter(Q("bool", filter=list(facet_filters.values())))
    search = search.extra(from_=plan.offset, size=plan.size, track_total_hits=True)
    search = search.sort(*sort_clause(plan))
    search = search.source(excludes=["body", "suggest", "spelling"])
    if plan.text:
        search = _with_highlight(search)
        if plan.with_suggestion:
            search = search.suggest(
                "spelling",
                plan.text,
                term={"field": "spelling", "suggest_mode": "missing", "size": 1},
            )
    # Aggregations last: they are added in place, while every call above copies the Search.
    for facet in plan.facets:
        # Each facet counts with every filter except its own, so its other values stay choosable.
        others = [query for field, query in facet_filters.items() if field != facet.field]
        bucket = A("filter", Q("bool", filter=others))
        bucket.bucket("values", "terms", field=facet.field, size=facet.size)
        search.aggs.bucket(f"facet_{facet.field}", bucket)
    return search.to_dict()


def _with_highlight(search: Search) -> Search:
    search = search.highlight_options(encoder="html", **HIGHLIGHT_TAGS)
    for name in ("title", "title.folded", "title.parts"):
        search = search.highlight(name, number_of_fragments=0)
    for name in ("summary", "body", "summary.folded", "body.folded", "summary.parts", "body.parts"):
        search = search.highlight(name, fragment_size=SNIPPET_LENGTH, number_of_fragments=1)
    return search


def suggest_body(prefix: str, visibilities: list[str], *, size: int = 8) -> dict:
    completion = {
        "field": "suggest",
        "size": size,
        "skip_duplicates": True,
        "contexts": {"visibility": visibilities},
    }
    if len(prefix) >= 5:
        completion["fuzzy"] = {"fuzziness": 1, "prefix_length": 3}
    return {
        "_source": ["title", "url"],
        "suggest": {"titles": {"prefix": prefix, "completion": completion}},
    }


def more_like_this_body(
    *, alias: str, object_id: str, visibilities: list[str], size: int, types: list[str]
) -> dict:
    like = Q(
        "more_like_this",
        fields=["title", "summary", "body"],
        like=[{"_index": alias, "_id": object_id}],
        min_term_freq=1,
        min_doc_freq=1,
        max_query_terms=25,
    )
    search = Search().query(
        Q(
            "bool",
            must=[like],
            filter=[_terms("visibility", visibilities), _terms("content_type", types)],
        )
    )
    return search.extra(size=size).source(excludes=["body", "suggest", "spelling"]).to_dict()
