"""The search page's facet checkboxes."""

from html import escape  # Django's escape() is this behind a lazy-text check, per value

from django import template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from syvsite.core.templatetags.syv_tags import swedish_number

from ..results import FacetResult

register = template.Library()


@register.simple_tag
def facet_options(facet: FacetResult) -> SafeString:
    """One `<li>` with a labelled checkbox per value. Written here rather than as a template
    loop: a search shows up to 22 facets with a hundred values between them, and the loop cost
    more than the rest of the page together (bench/bench_load.py)."""
    param = escape(facet.param)
    hits = escape(gettext("träffar"))
    items = []
    for index, value in enumerate(facet.values, 1):
        key = f"f-{param}-{index}"
        checked = " checked" if value.selected else ""
        items.append(
            f'<li>\n  <input type="checkbox" id="{key}" name="{param}"'
            f' value="{escape(str(value.value))}"{checked}>\n'
            f'  <label for="{key}">{escape(str(value.label))} <span class="facet-count">'
            f"({escape(swedish_number(value.count))}"
            f'<span class="visually-hidden"> {hits}</span>)</span></label>\n</li>'
        )
    return mark_safe("\n".join(items))  # noqa: S308 - every value above is escaped
