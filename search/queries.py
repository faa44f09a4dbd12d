"""Request bodies for the engine, built with elasticsearch-dsl and sent as plain dicts.

The full-text part searches three analyses of every text field at once (see analysis.py): the
stemmed field with synonyms, the folded sub-field and the compound-part sub-field (folded too).
A document matches when all words of the query match within one of them; when none does, the
search is run again "relaxed" (`QueryPlan.relaxed`): most of the words are enough, and a word
may be a letter or two off (a typo).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from elasticsearch_dsl import A, Q, Search

from . import registry
from .analysis import fold_word
from .registry import Facet
from .results import GeoFilter

WORD = re.compile(r"\w+")
MAX_SUGGESTED_WORDS = 10
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
    relaxed: bool = False  # most words, or near spellings, instead of all words (after nothing)


# "Most words" for the relaxed search: one of two, two of three, three of four or five.
MOST_WORDS = "75%"
# In the relaxed search, documents with every word stay first.
RELAXED_BOOST = 10.0


def query_fields(types: list[str]) -> list[str]:
    """The searched types' query fields (first boost wins), e.g. ["title^3", "summary^2", "body"]."""
    fields: dict[str, str] = {}
    for search_type in registry.all_types():
        if search_type.name in types:
            for spec in search_type.query_fields:
                fields.setdefault(spec.split("^")[0], spec)
    return list(fields.values()) or ["title^3", "summary^2", "body"]


def type_weights(types: list[str]) -> dict[str, float]:
    """alias → SearchType.boost, for the searched types whose weight is not 1."""
    from .indices import alias_name

    return {
        alias_name(t.name): t.boost
        for t in registry.all_types()
        if t.name in types and t.boost != 1.0
    }


def _subfields(fields: list[str], suffix: str) -> list[str]:
    result = []
    for spec in fields:
        name, _, boost = spec.partition("^")
        result.append(f"{name}.{suffix}^{boost}" if boost else f"{name}.{suffix}")
    return result


def text_query(text: str, types: list[str], *, relaxed: bool = False) -> Q:
    if not text:
        return Q("match_all")
    fields = query_fields(types)
    groups = [
        (fields, 1.0),
        (_subfields(fields, "folded"), 0.7),
        (_subfields(fields, "parts"), 0.4),
    ]
    clauses = [
        Q("multi_match", query=text, type="cross_fields", fields=group, boost=boost, operator="and")
        for group, boost in groups
    ]
    phrase = Q("multi_match", query=text, type="phrase", fields=fields[:2], slop=2, boost=2.0)
    # A phrase match implies a match of the first group, so it only adds to the score.
    if not relaxed:
        return Q("bool", should=[*clauses, phrase], minimum_should_match=1)
    strict = Q("bool", should=[*clauses, phrase], minimum_should_match=1, boost=RELAXED_BOOST)
    return Q("bool", should=[strict, *_relaxed(text, fields)], minimum_should_match=1)


def _relaxed(text: str, fields: list[str]) -> list[Q]:
    """Most of the words; the query split at every known compound part (not only at roots:
    "praoelev" finds "prao" and "elev"); and words a letter or two off (typos)."""
    folded, parts = _subfields(fields, "folded"), _subfields(fields, "parts")
    most = {"type": "cross_fields", "minimum_should_match": MOST_WORDS}
    clauses = [
        Q("multi_match", query=text, fields=fields, **most),
        Q("multi_match", query=text, fields=folded, boost=0.7, **most),
        # Typos against the words as written (folded, not stemmed: a stem would hide the typo).
        Q(
            "match",
            spelling={
                "query": text,
                "fuzziness": "AUTO",
                "prefix_length": 1,
                "minimum_should_match": MOST_WORDS,
            },
        ),
    ]
    if len(text.split()) > 1:
        # Not for a single word: any of its parts would do ("styrkekrot" has "yrke" in it).
        clauses.append(
            Q("multi_match", query=text, fields=parts, analyzer="sv_parts", boost=0.3, **most)
        )
    return clauses


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
        Q(
            "bool",
            must=[text_query(plan.text, plan.types, relaxed=plan.relaxed)],
            filter=base_filters(plan),
        )
    )
    facet_filters = {field: _terms(field, values) for field, values in plan.filters.items()}
    if facet_filters:
        search = search.post_filter(Q("bool", filter=list(facet_filters.values())))
    search = search.extra(from_=plan.offset, size=plan.size, track_total_hits=True)
    weights = type_weights(plan.types)
    if weights:
        search = search.extra(indices_boost=[{alias: w} for alias, w in weights.items()])
    search = search.sort(*sort_clause(plan))
    search = search.source(excludes=["body", "suggest", "spelling"])
    if plan.text:
        search = _with_highlight(search)
        if plan.with_suggestion:
            # Unknown words are looked up in the folded vocabulary (a word typed without å/ä/ö
            # is known); the written vocabulary gives the spelling to show.
            search = search.suggest(
                "spelling",
                plan.text,
                term={"field": "spelling", "suggest_mode": "missing", "size": 1},
            ).suggest(
                "spelling_exact",
                plan.text,
                term={"field": "spelling.exact", "suggest_mode": "always", "size": 5},
            )
    # Aggregations last: they are added in place, while every call above copies the Search.
    if plan.text and plan.with_suggestion:
        _with_vocabulary(search, plan.text)
    body = search.to_dict()
    facets = tuple((facet.field, facet.size) for facet in plan.facets)
    filters = tuple((field, tuple(values)) for field, values in plan.filters.items())
    if facets:
        body["aggs"] = {**body.get("aggs", {}), **facet_aggregations(facets, filters)}
    return body


@lru_cache(maxsize=256)
def facet_aggregations(
    facets: tuple[tuple[str, int], ...], filters: tuple[tuple[str, tuple[str, ...]], ...]
) -> dict:
    """The facets' counts, `facets` as (field, size) and `filters` as (field, values): the same
    for most searches, and building them cost more than the rest of the body (22 facets).
    Shared between searches: never change the answer."""
    aggs = Search()
    for field, size in facets:
        # Each facet counts with every filter except its own, so its other values stay choosable.
        others = [_terms(name, list(values)) for name, values in filters if name != field]
        bucket = A("filter", Q("bool", filter=others))
        bucket.bucket("values", "terms", field=field, size=size)
        aggs.aggs.bucket(f"facet_{field}", bucket)
    return aggs.to_dict()["aggs"]


def vocabulary_words(text: str) -> list[str]:
    """The query's words as the folded vocabulary holds them ("Vård" → "vard")."""
    return list(dict.fromkeys(WORD.findall(fold_word(text))))[:MAX_SUGGESTED_WORDS]


def _with_vocabulary(search: Search, text: str) -> None:
    """Whether each word occurs anywhere in the searched indices: the term suggester decides
    "missing" per index, so a word known in one index would be "corrected" from another."""
    filters = {word: Q("match", spelling=word) for word in vocabulary_words(text)}
    if filters:
        search.aggs.bucket("vocabulary", "global").bucket("known", "filters", filters=filters)


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
