"""Build the POST data of Wagtail's page edit form for a plan, as the admin would send it."""

from wagtail.test.utils.form_data import nested_form_data, rich_text


def _stream(stream, fields: list[str]) -> dict:
    data: dict = {"count": str(len(stream))}
    for index, block in enumerate(stream):
        raw = dict(block.value.items()) if hasattr(block.value, "items") else block.value
        value = {}
        for name in fields:
            item = raw.get(name)
            value[name] = getattr(item, "pk", item) if item is not None else ""
        data[str(index)] = {
            "type": block.block_type,
            "id": block.id,
            "value": value,
            "deleted": "",
            "order": str(index),
        }
    return data


def plan_form_data(plan, **changes) -> dict:
    """The edit form's data for `plan` with some fields changed; add an `action-…` key to act."""
    fields = {
        "title": plan.title,
        "slug": plan.slug,
        "summary": plan.summary,
        "valid_from": plan.valid_from.isoformat(),
        "valid_to": plan.valid_to.isoformat() if plan.valid_to else "",
        "adopted_by": plan.adopted_by,
        "current_state": rich_text(plan.current_state),
        "follow_up": rich_text(plan.follow_up),
        "goals": _stream(plan.goals, ["goal", "indicator"]),
        "responsibilities": _stream(plan.responsibilities, ["role", "description"]),
        "activities": _stream(
            plan.activities,
            ["title", "stage", "responsible_role", "timing", "description", "method"],
        ),
        "attachments": _stream(plan.attachments, ["document", "title"]),
        "seo_title": "",
        "search_description": "",
    }
    for key, value in changes.items():
        fields[key] = rich_text(value) if key in ("current_state", "follow_up") else value
    return nested_form_data(fields)
