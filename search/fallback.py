"""Search answered by the database mirror when the engine is off or away.

Honest about its limits: every word but the stop words must occur in the document's folded
text ("contains" matching on the word with a common ending cut off, so "gymnasium" finds
"gymnasiet" and "skolan" finds "skolor"; compound parts work because "vägledning" is contained
in "yrkesvägledning"; no real stemming). When no document has every word, most of the words are
enough (`QueryPlan.relaxed`). The synonyms in force are applied, facets and visibility are
exact, the distance filter is computed in SQL, ranking is simple: most words matched, matches
in the title, then newest.
"""

from __future__ import annotations

import re
from functools import lru_cache

from django.db.models import (
    Case,
    Count,
    F,
    FloatField,
    IntegerField,
    Q,
    QuerySet,
    TextField,
    Value,
    When,
)
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import ACos, Cast, Cos, Least, Radians, Sin
from django.utils.html import escape
from elasticsearch_dsl import field as dsl_field

from . import registry
from .analysis import stop_words
from .mirror import fold
from .models import IndexedDocument, IndexedFacetValue
from .queries import QueryPlan
from .results import FacetResult, FacetValue

WORD = re.compile(r"\w+")
MAX_TERMS = 10
SNIPPET_LENGTH = 180


# Endings cut off before "contains" matching, longest first; at least four letters stay.
ENDINGS = ("arnas", "ernas", "ornas", "arna", "erna", "orna", "ium", "eum", "iet", "et", "en")
ENDINGS += ("an", "ar", "er", "or", "na", "um", "a", "e")
MIN_STEM = 4


def _stop_words() -> frozenset[str]:
    return _folded_stop_words(tuple(stop_words()))


@lru_cache(maxsize=1)
def _folded_stop_words(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(fold(word) for word in words)


def terms(text: str) -> list[str]:
    """The query's folded words without stop words (unless it has nothing else)."""
    words = list(dict.fromkeys(WORD.findall(fold(text))))
    meaningful = [word for word in words if word not in _stop_words()]
    return (meaningful or words)[:MAX_TERMS]


def stem(word: str) -> str:
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word


def most_words(count: int) -> int:
    """How many words the relaxed search needs (as the engine's "75%")."""
    return max(1, count * 3 // 4)


def _synonyms() -> dict[str, list[str]]:
    from .synonyms import current_rules

    return _synonym_table(tuple(current_rules()))


@lru_cache(maxsize=4)
def _synonym_table(rules: tuple[str, ...]) -> dict[str, list[str]]:
    """Single-word term → its synonyms (folded phrases), from the synonym list in force."""
    table: dict[str, list[str]] = {}
    for rule in rules:
        if "=>" in rule:
            left, right = rule.split("=>", 1)
            sources, targets = left.split(","), right.split(",")
        else:
            sources = targets = rule.split(",")
        phrases = [" ".join(WORD.findall(fold(part))) for part in targets]
        for source in sources:
            words = WORD.findall(fold(source))
            if len(words) == 1:
                table.setdefault(words[0], [])
                table[words[0]] += [p for p in phrases if p and p != words[0]]
    return table


def _term_condition(term: str) -> Q:
    condition = Q(search_text__contains=stem(term))
    for alternative in _synonyms().get(term, []):
        condition |= Q(search_text__contains=alternative)
    return condition


def _distance_km(lat: float, lon: float):
    """Great-circle distance in SQL (Django provides the trigonometry on SQLite too)."""
    cosine = Cos(Radians(Value(lat))) * Cos(Radians(F("latitude"))) * Cos(
        Radians(F("longitude")) - Radians(Value(lon))
    ) + Sin(Radians(Value(lat))) * Sin(Radians(F("latitude")))
    return 6371.0 * ACos(Least(Value(1.0), cosine, output_field=FloatField()))


def _with_facet(queryset: QuerySet, field: str, values: list[str]) -> QuerySet:
    matching = IndexedFacetValue.objects.filter(field=field, value__in=values)
    return queryset.filter(id__in=matching.values("document_id"))


def base_queryset(plan: QueryPlan) -> QuerySet:
    queryset = IndexedDocument.objects.filter(
        visibility__in=plan.visibilities, doc_type__in=plan.types
    )
    words = terms(plan.text)
    if plan.relaxed and len(words) > 1:  # no typo tolerance here: most words only
        matched = sum(
            (Case(When(_term_condition(word), then=Value(1)), default=Value(0)) for word in words),
            Value(0),
        )
        queryset = queryset.annotate(matched_words=matched).filter(
            matched_words__gte=most_words(len(words))
        )
    else:
        for word in words:
            queryset = queryset.filter(_term_condition(word))
    if plan.geo is not None:
        queryset = queryset.filter(latitude__isnull=False, longitude__isnull=False)
        queryset = queryset.annotate(distance=_distance_km(plan.geo.lat, plan.geo.lon))
        queryset = queryset.filter(distance__lte=plan.geo.km)
    return queryset


def _ordered(queryset: QuerySet, plan: QueryPlan) -> QuerySet:
    if plan.sort == "date":
        return queryset.order_by(F("date").desc(nulls_last=True), "id")
    if plan.sort == "distance" and plan.geo is not None:
        return queryset.order_by("distance", "id")
    if plan.sort not in ("relevance", "") and plan.sort.lstrip("-"):
        key = _sort_key(plan.sort.lstrip("-"), plan.types)
        key = key.desc(nulls_last=True) if plan.sort.startswith("-") else key.asc(nulls_last=True)
        return queryset.order_by(key, "id")
    words = terms(plan.text)
    if not words:
        return queryset.order_by(F("date").desc(nulls_last=True), "id")
    in_title = Case(
        *[When(title_text__contains=stem(word), then=Value(1)) for word in words[:3]],
        default=Value(0),
        output_field=IntegerField(),
    )
    first = ["-matched_words"] if plan.relaxed and len(words) > 1 else []
    weight = Case(
        *[When(doc_type=t.name, then=Value(t.boost)) for t in registry.all_types()],
        default=Value(1.0),
        output_field=FloatField(),
    )
    return queryset.annotate(in_title=in_title, type_weight=weight).order_by(
        *first, "-in_title", "-type_weight", F("date").desc(nulls_last=True), "id"
    )


NUMERIC_FIELDS = (dsl_field.Integer, dsl_field.Long, dsl_field.Float, dsl_field.Double)


def _sort_key(field: str, types: list[str]):
    """The document value to sort on, as SQL sees it: a missing value or JSON null is a real
    NULL (SQLite's text of a JSON null is 'null', which would sort among the values), and
    numbers compare as numbers (as text, 10 would come before 9)."""
    numeric = False
    for search_type in registry.all_types():
        mapped = search_type.document._doc_type.mapping
        if search_type.name in types and field in mapped:
            numeric = isinstance(mapped[field], NUMERIC_FIELDS)
            break
    value = KeyTextTransform(field, "data")
    output = FloatField() if numeric else TextField()
    missing = Q(**{f"data__{field}__isnull": True}) | Q(**{f"data__{field}": None})
    return Case(
        When(missing, then=Value(None, output_field=output)),
        default=Cast(value, output) if numeric else value,
        output_field=output,
    )


def _filtered(queryset: QuerySet, filters: dict[str, list[str]], *, skip: str = "") -> QuerySet:
    for field, values in filters.items():
        if field != skip:
            queryset = _with_facet(queryset, field, values)
    return queryset


def search(plan: QueryPlan) -> tuple[list[IndexedDocument], int, list[FacetResult]]:
    unfiltered = base_queryset(plan)
    queryset = _filtered(unfiltered, plan.filters)
    total = queryset.count()
    rows = list(_ordered(queryset, plan)[plan.offset : plan.offset + plan.size])
    return rows, total, facet_counts(unfiltered, queryset, plan)


def _counts(scope: QuerySet, fields: list[str]) -> dict[str, list[tuple[str, int]]]:
    """Value counts of these fields among the documents in `scope`, in one grouped query."""
    rows = (
        IndexedFacetValue.objects.filter(field__in=fields, document__in=scope.values("id"))
        .values("field", "value")
        .annotate(count=Count("id"))
        .order_by("field", "-count", "value")
    )
    counts: dict[str, list[tuple[str, int]]] = {field: [] for field in fields}
    for row in rows:
        counts[row["field"]].append((row["value"], row["count"]))
    return counts


def facet_counts(unfiltered: QuerySet, filtered: QuerySet, plan: QueryPlan) -> list[FacetResult]:
    """Like the engine: each facet counts with every filter except its own. Facets without a
    filter of their own share one query over the filtered documents (every scan of the text
    matters on this path)."""
    plain = [facet.field for facet in plan.facets if facet.field not in plan.filters]
    counts = _counts(filtered, plain) if plain else {}
    for field in plan.filters:
        if any(facet.field == field for facet in plan.facets):
            counts.update(_counts(_filtered(unfiltered, plan.filters, skip=field), [field]))
    return [
        FacetResult(
            field=facet.field,
            param=facet.name,
            label=str(facet.label),
            values=[
                FacetValue(value, value, count)
                for value, count in counts[facet.field][: facet.size]
            ],
        )
        for facet in plan.facets
    ]


def _mark(text: str, words: list[str]) -> str:
    """Escape `text` and put <mark> around each occurrence of the (folded) words, to the end of
    the word they start ("behorigh" marks "behörighet")."""
    folded = fold(text)
    if len(folded) != len(text):  # a character folded into several: skip marking
        return escape(text)
    spans = []
    for word in words:
        spans += [(m.start(), m.end()) for m in re.finditer(re.escape(word) + r"\w*", folded)]
    parts, position = [], 0
    for start, end in sorted(spans):
        if start < position:
            continue
        parts += [escape(text[position:start]), "<mark>", escape(text[start:end]), "</mark>"]
        position = end
    parts.append(escape(text[position:]))
    return "".join(parts)


def snippet(document: IndexedDocument, text: str) -> tuple[str, str]:
    """(title HTML, snippet HTML) for a hit: the first matching passage of the summary or body."""
    words = [stem(word) for word in terms(text)]
    data = document.data
    title_html = _mark(document.title, words)
    texts = {"summary": str(data.get("summary") or ""), "body": document.body}
    for name in ("summary", "body"):
        content = " ".join(texts[name].split())
        position = next((fold(content).find(w) for w in words if w in fold(content)), -1)
        if position >= 0:
            start = max(0, position - SNIPPET_LENGTH // 3)
            window = content[start : start + SNIPPET_LENGTH]
            prefix = "…" if start > 0 else ""
            suffix = "…" if start + SNIPPET_LENGTH < len(content) else ""
            return title_html, prefix + _mark(window, words) + suffix
    summary = " ".join((texts["summary"] or texts["body"]).split())
    cut = summary[:SNIPPET_LENGTH] + ("…" if len(summary) > SNIPPET_LENGTH else "")
    return title_html, escape(cut)


def suggest(prefix: str, visibilities: list[str], *, size: int = 8) -> list[str]:
    folded = fold(prefix)
    queryset = IndexedDocument.objects.filter(visibility__in=visibilities).filter(
        Q(title_text__startswith=folded) | Q(title_text__contains=f" {folded}")
    )
    titles = queryset.order_by(F("date").desc(nulls_last=True)).values_list("title", flat=True)
    return list(dict.fromkeys(titles[: size * 3]))[:size]


def similar(doc_type: str, object_id: str, *, size: int, visibilities: list[str]) -> list:
    """Documents of the type sharing the most audience values and tags with this one."""
    values = IndexedFacetValue.objects.filter(
        document__doc_type=doc_type, document__object_id=object_id, field__in=["tags", "audience"]
    ).values_list("field", "value")
    conditions = Q(pk__in=[])
    for field, value in values:
        conditions |= Q(facet_values__field=field, facet_values__value=value)
    return list(
        IndexedDocument.objects.filter(doc_type=doc_type, visibility__in=visibilities)
        .exclude(object_id=object_id)
        .filter(conditions)
        .annotate(shared=Count("facet_values"))
        .order_by("-shared", F("date").desc(nulls_last=True))[:size]
    )
