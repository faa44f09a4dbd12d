"""Method bank settings with defaults; each can be overridden in Django settings (METHODS_<NAME>)."""

from django.conf import settings

DEFAULTS = {
    # Methods per page on /metoder/.
    "PER_PAGE": 12,
    # "Liknande metoder" shown on a method page.
    "RELATED_COUNT": 4,
    # What a member may attach to a contributed method.
    "MAX_IMAGES": 6,
    "MAX_ATTACHMENTS": 6,
    "MAX_IMAGE_BYTES": 10 * 1024 * 1024,
    "MAX_DOCUMENT_BYTES": 10 * 1024 * 1024,
}


def get(name: str):
    return getattr(settings, f"METHODS_{name}", DEFAULTS[name])
