"""The site's form renderer: Django's widget templates through settings.TEMPLATES (so the
overrides in syvsite/templates/django/forms/ apply), except `<select>`, which is written here.

Why: a select is a template loop with an include per option and per attribute list, about
20 µs an option. REKAS pages render their filter form for every visitor the page cache does not
serve, and the selects cost more than the page's statistics (bench/bench_load.py). The markup
is Django's own, byte for byte (tests/core/test_formrenderer.py renders both and compares).
"""

from django.forms.renderers import TemplatesSetting
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData
from django.utils.timezone import template_localtime

SELECT_TEMPLATE = "django/forms/widgets/select.html"
OPTION_TEMPLATE = "django/forms/widgets/select_option.html"


class FormRenderer(TemplatesSetting):
    def render(self, template_name, context, request=None):
        if template_name == SELECT_TEMPLATE and _stock_options(context["widget"]):
            return select_html(context["widget"])
        return super().render(template_name, context, request)


def _stock_options(widget: dict) -> bool:
    """Every option uses Django's option template: a widget with its own is left to it."""
    return all(
        option["template_name"] == OPTION_TEMPLATE
        for _name, options, _index in widget["optgroups"]
        for option in options
    )


def select_html(widget: dict) -> str:
    """What django/forms/widgets/select.html renders for `widget` (a widget's context)."""
    parts = [f'<select name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{_text(group_name)}">')
        for option in options:
            parts.append(
                f'\n  <option value="{_formatted(option["value"])}"{_attrs(option["attrs"])}>'
                f"{_text(option['label'])}</option>\n"
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")  # Django strips what its renderers return
    return "".join(parts)


def _attrs(attrs: dict) -> str:
    """django/forms/widgets/attrs.html: False leaves the attribute out, True writes its name."""
    return "".join(
        f" {_text(name)}" if value is True else f' {_text(name)}="{_formatted(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def _text(value) -> str:
    """`{{ value }}`: localised, then escaped unless marked safe."""
    return conditional_escape(str(localize(template_localtime(value))))


def _formatted(value) -> str:
    """`{{ value|stringformat:'s' }}`: the filter keeps a safe value safe."""
    return conditional_escape(value if isinstance(value, SafeData) else str(value))
