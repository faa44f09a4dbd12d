"""Rule-based themes: an item gets a rule's theme when its title or summary contains a word.

A word matches at the start of a word ("yrkesprogram" matches "yrkesprogrammen", not
"gymnasieyrkesprogram"), case-insensitively, so staff can write base forms.
"""

import re

from django.db import transaction

from ..models import FeedItem, ThemeRule


def compile_rules(rules=None) -> list[tuple[int, re.Pattern]]:
    rules = rules if rules is not None else ThemeRule.objects.filter(active=True)
    compiled = []
    for rule in rules:
        words = [re.escape(word) for word in rule.word_list]
        if words:
            compiled.append(
                (rule.theme_id, re.compile(r"(?<!\w)(?:" + "|".join(words) + ")", re.IGNORECASE))
            )
    return compiled


def themes_for(text: str, compiled: list[tuple[int, re.Pattern]]) -> set[int]:
    return {theme_id for theme_id, pattern in compiled if pattern.search(text)}


@transaction.atomic
def retag_all() -> int:
    """Apply the current rules to every stored item (after staff edit a rule); items changed."""
    compiled = compile_rules()
    changed = 0
    for item in FeedItem.objects.prefetch_related("themes"):
        wanted = themes_for(f"{item.title} {item.summary_text}", compiled)
        if wanted != {theme.pk for theme in item.themes.all()}:
            item.themes.set(wanted)
            changed += 1
    return changed
