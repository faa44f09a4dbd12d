"""Plans as plain text, section by section: for version differences, comparison and search.

A loose module because it is none of the layers: pure functions of a plan object (no database,
no request), shared by the views, the API, documents.py and diff.py.
"""

import html
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _
from wagtail.rich_text import expand_db_html

from .constants import PLAN_SECTIONS, PlanRole, Stage

_BLOCK_END = re.compile(r"</(p|li|h[1-6]|blockquote|tr)>|<br\s*/?>", re.IGNORECASE)
_LIST_ITEM = re.compile(r"<li[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class SectionText:
    key: str
    heading: str
    paragraphs: tuple[str, ...]


def rich_text_paragraphs(value: str) -> list[str]:
    """Rich text HTML → one string per paragraph or list item, tags removed."""
    text = _LIST_ITEM.sub("• ", expand_db_html(str(value or "")))
    text = _BLOCK_END.sub("\n", text)
    text = html.unescape(_TAG.sub("", text))
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def choice_label(choices, value: str) -> str:
    """The label of a coded value (a stage, a role); an unknown code as it is."""
    try:
        return str(choices(value).label)
    except ValueError:
        return value or ""


def _goal_lines(stream) -> list[str]:
    lines = []
    for block in stream:
        line = _("Mål: %(goal)s") % {"goal": " ".join(block.value["goal"].split())}
        if block.value.get("indicator"):
            line += " – " + _("Uppföljning: %(indicator)s") % {
                "indicator": block.value["indicator"]
            }
        lines.append(line)
    return lines


def _responsibility_lines(stream) -> list[str]:
    return [
        f"{choice_label(PlanRole, block.value['role'])}: {' '.join(block.value['description'].split())}"
        for block in stream
    ]


def activity_line(value) -> str:
    parts = [
        f"{choice_label(Stage, value['stage'])}: {value['title']}",
        _("När: %(timing)s") % {"timing": value["timing"]},
        _("Ansvarig: %(role)s") % {"role": choice_label(PlanRole, value["responsible_role"])},
    ]
    if value.get("description"):
        parts.append(" ".join(value["description"].split()))
    if value.get("method") is not None:
        parts.append(_("Metod: %(method)s") % {"method": value["method"].title})
    return " – ".join(parts)


def _activity_lines(stream) -> list[str]:
    order = {stage: index for index, stage in enumerate(Stage.values)}
    blocks = sorted(stream, key=lambda block: order.get(block.value["stage"], 99))
    return [activity_line(block.value) for block in blocks]


def _attachment_lines(stream) -> list[str]:
    lines = []
    for block in stream:
        document = block.value.get("document")
        name = block.value.get("title") or (document.title if document else _("Saknat dokument"))
        lines.append(f"{name} (PDF)")
    return lines


_RENDERERS = {
    "current_state": rich_text_paragraphs,
    "goals": _goal_lines,
    "responsibilities": _responsibility_lines,
    "activities": _activity_lines,
    "follow_up": rich_text_paragraphs,
    "attachments": _attachment_lines,
}


def plan_sections(plan) -> list[SectionText]:
    """Every structured section of a plan (or the model plan) as paragraphs of plain text."""
    return [
        SectionText(key, str(heading), tuple(_RENDERERS[key](getattr(plan, key))))
        for key, heading in PLAN_SECTIONS
    ]


def plan_plain_text(plan) -> str:
    """The whole plan as text, for the search index."""
    chunks = [plan.summary or ""]
    for section in plan_sections(plan):
        chunks.append(section.heading)
        chunks.extend(section.paragraphs)
    return "\n".join(chunk for chunk in chunks if chunk)
