from django import template

from ..constants import PlanRole, Stage
from ..text import choice_label

register = template.Library()


@register.filter
def role_label(value: str) -> str:
    return choice_label(PlanRole, value)


@register.filter
def stage_label(value: str) -> str:
    return choice_label(Stage, value)


@register.filter
def activities_by_stage(stream) -> list[dict]:
    """Activity blocks grouped by stage, in school order; stages without activities left out."""
    groups: dict[str, list] = {stage: [] for stage in Stage.values}
    for block in stream:
        groups.setdefault(block.value["stage"], []).append(block)
    return [
        {"stage": stage, "label": choice_label(Stage, stage), "blocks": blocks}
        for stage, blocks in groups.items()
        if blocks
    ]
