"""REKAS settings with defaults; each can be overridden in Django settings (REKAS_<NAME>)."""

from django.conf import settings

DEFAULTS = {
    # Retention (gallring): days an import's report and importing user are kept.
    "IMPORT_REPORT_RETENTION_DAYS": 365,
}


def get(name: str):
    return getattr(settings, f"REKAS_{name}", DEFAULTS[name])
