from django import template
from django.core.paginator import Page
from django.utils.html import format_html

register = template.Library()


@register.simple_tag(takes_context=True)
def query_replace(context, **kwargs) -> str:
    """The current query string with some parameters replaced (None removes one)."""
    query = context["request"].GET.copy()
    for key, value in kwargs.items():
        if value is None or value == "":
            query.pop(key, None)
        else:
            query[key] = value
    return query.urlencode()


@register.simple_tag(takes_context=True)
def query_toggle(context, key: str, value: str) -> str:
    """The current query string with `value` added to or removed from the list under `key`."""
    query = context["request"].GET.copy()
    values = query.getlist(key)
    value = str(value)
    values = [v for v in values if v != value] if value in values else [*values, value]
    query.setlist(key, values)
    query.pop("page", None)
    return query.urlencode()


@register.simple_tag
def elided_pages(page_obj: Page) -> list:
    return list(
        page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
    )


@register.filter
def swedish_number(value, decimals: int = 0) -> str:
    """12345.6 → "12 345,6" with a narrow no-break space, the Swedish convention."""
    if value is None or value == "":
        return "–"
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    text = f"{number:,.{int(decimals)}f}".replace(",", "\u202f").replace(".", ",")
    return text


@register.simple_tag
def icon(name: str, label: str = "") -> str:
    if label:
        return format_html(
            '<span class="icon icon--{}" role="img" aria-label="{}"></span>', name, label
        )
    return format_html('<span class="icon icon--{}" aria-hidden="true"></span>', name)
