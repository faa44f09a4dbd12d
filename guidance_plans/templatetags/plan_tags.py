from django import template

from ..constants import PlanRole, Stage

register = template.Library()


def _label(choices, value) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return value or ""


@register.filter
def role_label(value: str) -> str:
    return _label(PlanRole, value)


@register.filter
def stage_label(value: str) -> str:
    return _label(Stage, value)


@register.filter
def activities_by_stage(stream) -> list[dict]:
    """Activity blocks grouped by stage, in school order; stages without activities left out."""
    groups: dict[str, list] = {stage: [] for stage in Stage.values}
    for block in stream:
        groups.setdefault(block.value["stage"], []).append(block)
    return [
        {"stage": stage, "label": _label(Stage, stage), "blocks": blocks}
        for stage, blocks in groups.items()
        if blocks
    ]
