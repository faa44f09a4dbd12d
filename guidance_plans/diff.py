"""“Vad har ändrats?”: differences between two versions of a plan, section by section.

A loose module because it is none of the layers: pure computation on two plan objects (no
database, no request), used by the changes view and the benchmarks. The versions themselves
come from `selectors.published_revisions`.
"""

import difflib
from dataclasses import dataclass, field

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .text import SectionText, plan_sections


@dataclass(frozen=True)
class Fragment:
    """A run of words inside a changed paragraph: "equal", "insert" or "delete"."""

    kind: str
    text: str


@dataclass(frozen=True)
class DiffLine:
    """One paragraph: unchanged ("equal"), added, removed, or changed (with word fragments)."""

    kind: str  # equal | insert | delete | change
    text: str = ""
    fragments: tuple[Fragment, ...] = ()


@dataclass
class SectionDiff:
    key: str
    heading: str
    lines: list[DiffLine] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(line.kind != "equal" for line in self.lines)

    def blocks(self, context: int = 1) -> list[dict]:
        """Lines for display: unchanged runs far from any change fold into one "collapsed" block."""
        changed = [index for index, line in enumerate(self.lines) if line.kind != "equal"]
        near = {i for c in changed for i in range(c - context, c + context + 1)}
        blocks: list[dict] = []
        for index, line in enumerate(self.lines):
            if line.kind != "equal" or index in near:
                blocks.append({"kind": "line", "line": line})
            elif blocks and blocks[-1]["kind"] == "collapsed":
                blocks[-1]["lines"].append(line)
            else:
                blocks.append({"kind": "collapsed", "lines": [line]})
        return blocks

    @property
    def counts(self) -> dict[str, int]:
        kinds = [line.kind for line in self.lines]
        return {kind: kinds.count(kind) for kind in ("insert", "delete", "change")}


def _word_fragments(old: str, new: str) -> tuple[Fragment, ...]:
    old_words, new_words = old.split(), new.split()
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    fragments: list[Fragment] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            fragments.append(Fragment("equal", " ".join(old_words[i1:i2])))
            continue
        if i2 > i1:
            fragments.append(Fragment("delete", " ".join(old_words[i1:i2])))
        if j2 > j1:
            fragments.append(Fragment("insert", " ".join(new_words[j1:j2])))
    return tuple(fragments)


def diff_paragraphs(old: tuple[str, ...], new: tuple[str, ...]) -> list[DiffLine]:
    """Paragraph-level diff; a paragraph replaced by one similar paragraph shows word changes."""
    lines: list[DiffLine] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            lines.extend(DiffLine("equal", text) for text in old[i1:i2])
        elif tag == "replace" and i2 - i1 == j2 - j1:
            for before, after in zip(old[i1:i2], new[j1:j2], strict=True):
                similarity = difflib.SequenceMatcher(a=before.split(), b=after.split()).ratio()
                if similarity >= 0.4:
                    lines.append(DiffLine("change", fragments=_word_fragments(before, after)))
                else:
                    lines += [DiffLine("delete", before), DiffLine("insert", after)]
        else:
            lines.extend(DiffLine("delete", text) for text in old[i1:i2])
            lines.extend(DiffLine("insert", text) for text in new[j1:j2])
    return lines


def _basics(plan) -> SectionText:
    valid_to = date_format(plan.valid_to, "j F Y") if plan.valid_to else _("tills vidare")
    paragraphs = [
        _("Titel: %(title)s") % {"title": plan.title},
        _("Giltig: %(start)s – %(end)s")
        % {"start": date_format(plan.valid_from, "j F Y"), "end": valid_to},
    ]
    if plan.adopted_by:
        paragraphs.append(_("Beslutad av: %(body)s") % {"body": plan.adopted_by})
    if plan.summary:
        paragraphs.append(_("Sammanfattning: %(summary)s") % {"summary": plan.summary})
    return SectionText("basics", _("Grunduppgifter"), tuple(paragraphs))


def diff_plans(old_plan, new_plan) -> list[SectionDiff]:
    """Section-by-section differences between two versions of a plan."""
    old_sections = [_basics(old_plan), *plan_sections(old_plan)]
    new_sections = [_basics(new_plan), *plan_sections(new_plan)]
    return [
        SectionDiff(new.key, new.heading, diff_paragraphs(old.paragraphs, new.paragraphs))
        for old, new in zip(old_sections, new_sections, strict=True)
    ]
