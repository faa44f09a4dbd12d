"""Running a query plan on the engine and reading its answer into our result types."""

from __future__ import annotations

from django.utils.html import escape

from . import indices, registry
from .analysis import fold_word
from .client import Engine
from .queries import QueryPlan, more_like_this_body, search_body, suggest_body
from .results import FacetResult, FacetValue, Hit, SearchResult

PUNCTUATION = "?!.,:;\"'()"
SEARCH_PARAMS = {"ignore_unavailable": "true", "allow_no_indices": "true"}


def _targets(types: list[str]) -> str:
    return ",".join(indices.search_targets(types))


def engine_search(engine: Engine, plan: QueryPlan) -> SearchResult:
    body = search_body(plan)
    answer = engine.request(
        "POST", f"/{_targets(plan.types)}/_search", body=body, params=SEARCH_PARAMS
    )
    total = answer["hits"]["total"]
    total = total["value"] if isinstance(total, dict) else int(total)
    return SearchResult(
        query=plan.text,
        hits=[_hit(raw) for raw in answer["hits"]["hits"]],
        total=total,
        page=1,
        per_page=plan.size,
        facets=_facets(answer.get("aggregations", {}), plan),
        sort=plan.sort,
        engine_used=True,
        suggestion=_suggestion(plan.text, answer.get("suggest", {}), total, _known(answer)),
        filters=plan.filters,
    )


def _first(highlight: dict, names: tuple[str, ...]) -> str | None:
    for name in names:
        if highlight.get(name):
            return highlight[name][0]
    return None


def _hit(raw: dict) -> Hit:
    source = raw.get("_source", {})
    highlight = raw.get("highlight", {})
    doc_type = source.get("content_type", "")
    title = source.get("title", "")
    snippet = _first(
        highlight,
        ("body", "body.folded", "body.parts", "summary", "summary.folded", "summary.parts"),
    )
    if snippet is None:
        summary = " ".join(str(source.get("summary") or "").split())
        snippet = escape(summary[:180] + ("…" if len(summary) > 180 else ""))
    distance = None
    if raw.get("sort") and isinstance(raw["sort"][0], float) and source.get("location"):
        distance = raw["sort"][0]
    return Hit(
        id=raw["_id"],
        doc_type=doc_type,
        type_label=str(registry.get(doc_type).label) if doc_type in registry.names() else doc_type,
        title=title,
        url=source.get("url", ""),
        snippet=snippet,
        title_html=_first(highlight, ("title", "title.folded", "title.parts")) or escape(title),
        source=source,
        score=raw.get("_score"),
        distance_km=distance,
    )


def _facets(aggregations: dict, plan: QueryPlan) -> list[FacetResult]:
    results = []
    for facet in plan.facets:
        buckets = aggregations.get(f"facet_{facet.field}", {}).get("values", {}).get("buckets", [])
        values = [
            FacetValue(str(bucket.get("key_as_string", bucket["key"])), "", bucket["doc_count"])
            for bucket in buckets
        ]
        results.append(FacetResult(facet.field, facet.name, str(facet.label), values))
    return results


def _synonym_words() -> set[str]:
    from .synonyms import current_rules

    words = set()
    for rule in current_rules():
        for part in rule.replace("=>", ",").split(","):
            words.update(fold_word(word) for word in part.strip().split())
    return words


def _written_form(folded: str, entry: dict | None) -> str:
    """The indexed written form of a folded suggestion ("vagledning" → "vägledning")."""
    for option in (entry or {}).get("options") or []:
        if fold_word(option["text"]) == folded:
            return option["text"]
    return folded


def _known(answer: dict) -> set[str]:
    """Query words (folded) that occur in some searched index (see queries._with_vocabulary)."""
    buckets = answer.get("aggregations", {}).get("vocabulary", {}).get("known", {})
    return {word for word, bucket in buckets.get("buckets", {}).items() if bucket["doc_count"]}


def _suggestion(text: str, suggest: dict, total: int, indexed: set[str]) -> str | None:
    """ "Menade du …?": each word missing from the folded vocabulary of every searched index
    replaced by the engine's closest known word, shown as written in the content. Only when the
    search found little, and never for words the synonym list knows (e.g. "APL")."""
    if total >= 3 or not text:
        return None
    replacements = {}
    known = _synonym_words()
    exact = {entry["offset"]: entry for entry in suggest.get("spelling_exact", [])}
    for entry in suggest.get("spelling", []):
        options = entry.get("options") or []
        word = fold_word(entry["text"])
        if options and word not in known and word not in indexed:
            replacements[word] = _written_form(options[0]["text"], exact.get(entry["offset"]))
    if not replacements:
        return None
    words = [replacements.get(fold_word(word).strip(PUNCTUATION), word) for word in text.split()]
    suggestion = " ".join(words)
    return suggestion if fold_word(suggestion) != fold_word(text) else None


def engine_suggest(engine: Engine, prefix: str, visibilities: list[str], *, size: int) -> list[str]:
    targets = _targets(registry.names())
    if not targets:
        return []
    answer = engine.request(
        "POST",
        f"/{targets}/_search",
        body=suggest_body(prefix, visibilities, size=size),
        params=SEARCH_PARAMS,
    )
    titles = []
    for entry in answer.get("suggest", {}).get("titles", []):
        for option in entry.get("options", []):
            title = option.get("_source", {}).get("title") or option.get("text")
            if title and title not in titles:
                titles.append(title)
    return titles[:size]


def engine_more_like_this(
    engine: Engine, *, doc_type: str, object_id: str, size: int, visibilities: list[str]
) -> list[Hit]:
    alias = indices.alias_name(doc_type)
    body = more_like_this_body(
        alias=alias, object_id=object_id, visibilities=visibilities, size=size, types=[doc_type]
    )
    answer = engine.request("POST", f"/{alias}/_search", body=body, params=SEARCH_PARAMS)
    return [_hit(raw) for raw in answer["hits"]["hits"]]
