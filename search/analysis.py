"""Swedish text analysis, defined once with elasticsearch-dsl and shipped inline in the index settings.

Every full-text field is indexed three ways (see `SwedishText`):
- the field itself: lowercase, Swedish stop words, light Swedish stemming; at query time also the
  synonyms (`data/synonyms.txt`, or the list editors keep in the staff pages), so "SYV" finds
  "studie- och yrkesvägledare";
- `.folded`: the same with å/ä/ö folded to a/o, so "yrkesvagledning" finds "yrkesvägledning";
- `.parts`: folded too, and compound words split into their parts with the shipped word list
  (`data/compound_words.txt`); the query is split only at derivation roots
  (`data/query_roots.txt`), so "vägledning" finds "yrkesvägledning" and "studievägledare" but
  "grundskolan" does not find "yrkeshögskolan". Because this analysis also folds, a query
  that mixes a folded word with a compound half ("vard och omsorg" for
  "Vård- och omsorgsprogrammet") matches within it.

The light stemmer runs until the forms of a word meet (four passes), and around it every
analysis brings together what it leaves apart: plural definite agent nouns ("lärarna" with
"lärare"), Latin neuters ("gymnasium" with "gymnasiet", "gymnasier" and the compound half
"gymnasie-", "museum" with "museet") and stems that keep a double consonant ("programmet" →
"programm" with "program"). The stop words (`data/stopwords.txt`) are removed in their written and their
folded form, in every analysis, so a stop word never has to be found in a field.

The word lists are read from files in this app and put inline into the settings when an index is
created: the engine needs no files in its config folder, and a change takes effect at `rebuild`
(the synonyms: when an editor saves them, see `search/synonyms.py`).
"""

from functools import cache
from pathlib import Path

from elasticsearch_dsl import analyzer, token_filter

DATA_DIR = Path(__file__).resolve().parent / "data"
_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u"})


def fold_word(word: str) -> str:
    """Lowercase, å/ä/ö → a/o (as the engine's asciifolding does for Swedish letters)."""
    return word.lower().translate(_FOLD)


def _read_lines(name: str) -> list[str]:
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _with_folded(words: list[str]) -> list[str]:
    """The words and their folded forms, for filters that run on text typed either way."""
    return list(dict.fromkeys([*words, *(fold_word(word) for word in words)]))


@cache
def synonym_rules() -> list[str]:
    """The shipped synonyms (the default of the editable list, see search/synonyms.py)."""
    return _read_lines("synonyms.txt")


@cache
def compound_words() -> list[str]:
    return _with_folded(_read_lines("compound_words.txt"))


@cache
def query_roots() -> list[str]:
    return _with_folded(_read_lines("query_roots.txt"))


@cache
def stop_words() -> list[str]:
    return _with_folded(_read_lines("stopwords.txt"))


sv_stop = token_filter("sv_stop", "stop", stopwords=stop_words())
sv_stem = token_filter("sv_stem", "stemmer", language="light_swedish")
sv_fold = token_filter("sv_fold", "asciifolding")
# The rules are parsed with the filters before this one in each analyzer, so the same rules
# also match folded text in the folded analyses. `search.indices` puts the current list in.
sv_synonyms = token_filter("sv_synonyms", "synonym_graph", synonyms=synonym_rules(), lenient=True)
sv_decompound = token_filter(
    "sv_decompound",
    "dictionary_decompounder",
    word_list=compound_words(),
    min_word_size=6,
    min_subword_size=3,  # "val" in "gymnasievalet", "yrkesval"; the list has few short words
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
# Latin neuters: the stemmer leaves "gymnasium" whole but cuts "gymnasiet", "gymnasier" and
# "gymnasie-" to "gymnasi"; "museet" becomes "mus". Applied after stemming, so the stems meet.
sv_latin_ium = token_filter(
    "sv_latin_ium", "pattern_replace", pattern="^(\\p{L}{3,}i)um$", replacement="$1"
)
sv_latin_eum = token_filter(
    "sv_latin_eum", "pattern_replace", pattern="^(\\p{L}{3,})eum$", replacement="$1"
)
# "programmet" → "programm" but "program" → "program": a final double consonant is made single.
sv_degeminate = token_filter(
    "sv_degeminate",
    "pattern_replace",
    pattern="^(\\p{L}{2,}?)([bcdfghjklmnpqrstvwxz])\\2$",
    replacement="$1$2",
)

# Plural definite "-arna": the stemmer cuts one letter ("lärarna" → "lärarn"), so it is first
# written as the "-are" form it belongs with ("lärare", "djurskötare"; "bilarna" → "bilare" →
# "bil" as "bilar").
sv_agent = token_filter(
    "sv_agent", "pattern_replace", pattern="^(\\p{L}{2,})arnas?$", replacement="$1are"
)

# The light Swedish stemmer removes one suffix per pass: "skolan" → "skola" but "skola" → "skol".
# Four passes (where every form has stopped changing) bring the forms of a word together
# (skola/skolan/skolor → skol, barometer/barometern → barom, mässa/mässan → mäs: a compound
# part is indexed in its base form, the query may be definite), at the price of a few
# over-short stems ("plan" and "plats" → "pla").
STEM = [sv_agent, sv_stem, sv_stem, sv_stem, sv_stem, sv_latin_ium, sv_latin_eum, sv_degeminate]

# Index time: no synonyms (a synonym graph belongs at query time, so editing the synonyms needs
# no re-index of documents, only new settings).
swedish = analyzer("sv_text", tokenizer="standard", filter=["lowercase", sv_stop, *STEM])
swedish_search = analyzer(
    "sv_text_search", tokenizer="standard", filter=["lowercase", sv_synonyms, sv_stop, *STEM]
)
swedish_folded = analyzer(
    "sv_folded", tokenizer="standard", filter=["lowercase", sv_fold, sv_stop, *STEM]
)
swedish_folded_search = analyzer(
    "sv_folded_search",
    tokenizer="standard",
    filter=["lowercase", sv_fold, sv_synonyms, sv_stop, *STEM],
)
# The word list is matched before folding (it holds both forms), the parts are then folded.
swedish_parts = analyzer(
    "sv_parts",
    tokenizer="standard",
    filter=["lowercase", sv_decompound, sv_fold, sv_stop, *STEM],
)
swedish_parts_search = analyzer(
    "sv_parts_search",
    tokenizer="standard",
    filter=["lowercase", sv_fold, sv_synonyms, sv_query_roots, sv_stop, *STEM],
)
# For "Menade du …?": the indexed vocabulary, folded, so a word typed without å/ä/ö counts as
# known; `.exact` keeps the written form to show. Autocomplete folds too.
spelling = analyzer("sv_spelling", tokenizer="standard", filter=["lowercase", sv_fold])
spelling_exact = analyzer("sv_spelling_exact", tokenizer="standard", filter=["lowercase"])
autocomplete = analyzer("sv_autocomplete", tokenizer="standard", filter=["lowercase", sv_fold])
