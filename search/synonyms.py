"""The synonym list editors keep in the staff pages, and how a change reaches the engine.

The list starts as the shipped `data/synonyms.txt`; once an editor saves it, the saved list is
used (one `SynonymList` row). Synonyms are applied only at query time, so the documents never
need re-reading from the database: applying a change copies every index into a new version
whose settings carry the new list (`_reindex` inside the engine) and swaps the alias in one
atomic request, as `rebuild` does. Searches use the old version until the swap, so there is no
moment without an index. The database fallback reads the list directly.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from . import indices, registry
from .analysis import synonym_rules
from .client import Engine, get_engine
from .locks import drain_lock
from .models import SynonymList

CACHE_SECONDS = 30.0  # how soon other processes see a saved list
MAX_RULES = 2000
MAX_LINE = 300
REINDEX_TIMEOUT = 600
# Letters, digits, spaces, hyphens and the two separators of the Solr format ("," and "=>").
ALLOWED = re.compile(r"^[\w\s\-,=>.'&/]+$")

_cache: tuple[float, list[str]] | None = None


class SynonymError(ValueError):
    """A line of the list that the engine would refuse; the message names the line."""


@dataclass
class ApplyReport:
    types: int = 0
    documents: int = 0
    seconds: float = 0.0


def current_rules() -> list[str]:
    """The rules in force: the saved list, else the shipped file (cached a short while)."""
    global _cache
    if _cache is not None and time.monotonic() - _cache[0] < CACHE_SECONDS:
        return _cache[1]
    saved = SynonymList.objects.order_by("-id").values_list("text", flat=True).first()
    rules = parse(saved) if saved is not None else list(synonym_rules())
    _cache = (time.monotonic(), rules)
    return rules


def forget_cached() -> None:
    global _cache
    _cache = None


def current_text() -> str:
    saved = SynonymList.objects.order_by("-id").values_list("text", flat=True).first()
    return saved if saved is not None else "\n".join(synonym_rules())


def parse(text: str) -> list[str]:
    """Rules, one per line ("a, b, c" or "a, b => c"); blank lines and # comments skipped.
    Raises SynonymError naming the first line the engine would refuse."""
    rules = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = " ".join(raw.split()).lower()
        if not line or line.startswith("#"):
            continue
        _check_line(number, line)
        rules.append(line)
    if len(rules) > MAX_RULES:
        raise SynonymError(_("Listan får ha högst %(max)s rader.") % {"max": MAX_RULES})
    return rules


def _check_line(number: int, line: str) -> None:
    def fail(reason: str) -> None:
        raise SynonymError(
            _("Rad %(number)s (”%(line)s”): %(reason)s")
            % {"number": number, "line": line[:60], "reason": reason}
        )

    if len(line) > MAX_LINE:
        fail(_("raden är för lång (högst %(max)s tecken).") % {"max": MAX_LINE})
    if not ALLOWED.match(line):
        fail(_("bara bokstäver, siffror, bindestreck, kommatecken och => får användas."))
    if line.count("=>") > 1:
        fail(_("=> får bara stå en gång på raden."))
    sides = line.split("=>")
    for side in sides:
        words = [word.strip() for word in side.split(",")]
        if any(not word for word in words):
            fail(_("ett ord saknas mellan kommatecknen."))
    if len(sides) == 1 and len(sides[0].split(",")) < 2:
        fail(_("skriv minst två ord med kommatecken emellan, t.ex. ”prao, praktik”."))


@transaction.atomic
def save_rules(*, text: str) -> list[str]:
    """Validate and save the list (SynonymError if a line is wrong; nothing is saved then)."""
    rules = parse(text)
    row = SynonymList.objects.select_for_update().order_by("-id").first()
    if row is None:
        row = SynonymList(text=text)
    row.text = text
    row.save()
    forget_cached()
    return rules


def apply_to_engine(*, engine: Engine | None = None) -> ApplyReport | None:
    """Copy every index into a new version with the current synonyms and swap the aliases.
    None when no engine is configured (the list then takes effect at the next rebuild)."""
    engine = engine or get_engine()
    if engine is None:
        return None
    forget_cached()
    report = ApplyReport()
    started = time.monotonic()
    with drain_lock(blocking=True) as held:
        if not held:
            raise RuntimeError(_("En annan indexering pågår. Försök igen om en stund."))
        for search_type in registry.all_types():
            report.documents += _copy_with_new_settings(engine, search_type)
            report.types += 1
    report.seconds = time.monotonic() - started
    return report


def _copy_with_new_settings(engine: Engine, search_type) -> int:
    alias = indices.alias_name(search_type.name)
    indices.ensure_index(engine, search_type)
    old = indices.indices_behind(engine, alias)
    new_index = indices.create_index(engine, search_type, for_bulk_load=True)
    try:
        answer = engine.request(
            "POST",
            "/_reindex",
            body={"source": {"index": alias}, "dest": {"index": new_index}},
            params={"wait_for_completion": "true", "refresh": "true"},
            timeout=REINDEX_TIMEOUT,
        )
        # Replicas and refreshes as for every serving index (see indices.BULK_LOAD_SETTINGS).
        engine.request("PUT", f"/{new_index}/_settings", body=indices.serving_settings_body())
        engine.request("POST", f"/{new_index}/_refresh", timeout=REINDEX_TIMEOUT)
        indices.point_alias(engine, alias=alias, new_index=new_index, old_indices=old)
    except BaseException:
        indices.delete_indices(engine, [new_index])
        raise
    indices.delete_indices(engine, old)
    indices.forget_known_aliases()
    return int(answer.get("total", 0))
