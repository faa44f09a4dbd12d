"""Facts bank settings with defaults; each can be overridden in Django settings (FACTS_<NAME>)."""

from django.conf import settings

DEFAULTS = {
    # Entries per page on /fakta/.
    "PER_PAGE": 20,
    # An entry not reviewed for this many months joins the staff review queue.
    "REVIEW_AFTER_MONTHS": 18,
    # The link checker: seconds per request, and how many redirects it follows.
    "LINK_TIMEOUT": 10,
    "LINK_MAX_REDIRECTS": 5,
    # The most entries one citation export holds.
    "EXPORT_MAX": 500,
}


def get(name: str):
    return getattr(settings, f"FACTS_{name}", DEFAULTS[name])
