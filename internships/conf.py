"""Placement board settings with defaults; each can be overridden in Django settings
(INTERNSHIPS_<NAME>)."""

from django.conf import settings

DEFAULTS = {
    # Days a praktikintyg link e-mailed to the supervisor keeps working.
    "CERTIFICATE_LINK_DAYS": 30,
    # A TTF font file for the praktikintyg PDF; empty: the DejaVu Sans shipped in fonts/.
    "PDF_FONT": "",
}


def get(name: str):
    return getattr(settings, f"INTERNSHIPS_{name}", DEFAULTS[name])
