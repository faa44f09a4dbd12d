"""Swedish text analysis, defined once with elasticsearch-dsl and shipped inline in the index settings.

Every full-text field is indexed three ways (see `SwedishText`):
- the field itself: lowercase, Swedish stop words, light Swedish stemming; at query time also the
  shipped synonyms (`data/synonyms.txt`), so "SYV" finds "studie- och yrkesvägledare";
- `.folded`: the same with å/ä/ö folded to a/o, so "yrkesvagledning" finds "yrkesvägledning";
- `.parts`: compound words split into their parts with the shipped word list
  (`data/compound_words.txt`); the query is split only at derivation roots
  (`data/query_roots.txt`), so "vägledning" finds "yrkesvägledning" and "studievägledare" but
  "grundskolan" does not find "yrkeshögskolan".

The word lists are read from files in this app and put inline into the settings when an index is
created: the engine needs no files in its config folder, and a change takes effect at `rebuild`.
"""

from functools import cache
from pathlib import Path

from elasticsearch_dsl import analyzer, token_filter

DATA_DIR = Path(__file__).resolve().parent / "data"


def _read_lines(name: str) -> list[str]:
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


@cache
def synonym_rules() -> list[str]:
    return _read_lines("synonyms.txt")


@cache
def compound_words() -> list[str]:
    return _read_lines("compound_words.txt")


@cache
def query_roots() -> list[str]:
    return _read_lines("query_roots.txt")


sv_stop = token_filter("sv_stop", "stop", stopwords="_swedish_")
sv_stem = token_filter("sv_stem", "stemmer", language="light_swedish")
sv_fold = token_filter("sv_fold", "asciifolding")
sv_synonyms = token_filter("sv_synonyms", "synonym_graph", synonyms=synonym_rules(), lenient=True)
sv_decompound = token_filter(
    "sv_decompound",
    "dictionary_decompounder",
    word_list=compound_words(),
    min_word_size=6,
    min_subword_size=4,
    only_longest_match=False,
)
# At query time only derivation roots are split off (see data/query_roots.txt): splitting
# every known part would make "grundskolan" match everything about "yrkeshögskolan".
sv_query_roots = token_filter(
    "sv_query_roots",
    "dictionary_decompounder",
    word_list=query_roots(),
    min_word_size=6,
    min_subword_size=4,
    only_longest_match=False,
)

# The light Swedish stemmer removes one suffix per pass: "skolan" → "skola" but "skola" → "skol".
# Two passes bring the forms of a word together (skola/skolan/skolor → skol, yrkeshögskola/
# yrkeshögskolan → yrkeshögskol), at the price of a few over-short stems ("plan" → "pla").
STEM = [sv_stem, sv_stem]

# Index time: no synonyms (a synonym graph belongs at query time, so editing synonyms.txt needs no
# re-index of documents, only of settings).
swedish = analyzer("sv_text", tokenizer="standard", filter=["lowercase", sv_stop, *STEM])
swedish_search = analyzer(
    "sv_text_search", tokenizer="standard", filter=["lowercase", sv_synonyms, sv_stop, *STEM]
)
swedish_folded = analyzer(
    "sv_folded", tokenizer="standard", filter=["lowercase", sv_stop, sv_fold, *STEM]
)
swedish_folded_search = analyzer(
    "sv_folded_search",
    tokenizer="standard",
    filter=["lowercase", sv_synonyms, sv_stop, sv_fold, *STEM],
)
swedish_parts = analyzer(
    "sv_parts", tokenizer="standard", filter=["lowercase", sv_decompound, sv_stop, *STEM]
)
swedish_parts_search = analyzer(
    "sv_parts_search", tokenizer="standard", filter=["lowercase", sv_query_roots, sv_stop, *STEM]
)
# For "Menade du …?" and autocomplete: words as written, only lowercased (and folded for typing).
spelling = analyzer("sv_spelling", tokenizer="standard", filter=["lowercase"])
autocomplete = analyzer("sv_autocomplete", tokenizer="standard", filter=["lowercase", sv_fold])
