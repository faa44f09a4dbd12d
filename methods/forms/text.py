from django.utils.functional import lazy


def _percent(message, values: dict) -> str:
    return str(message) % values


def lazy_percent(message, **values):
    """`message % values`, translated when shown: `gettext_lazy(...) % values` would translate
    once, at import, in whatever language was active then."""
    return lazy(_percent, str)(message, values)
