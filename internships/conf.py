"""Placement board settings with defaults; each can be overridden in Django settings
(INTERNSHIPS_<NAME>)."""

from django.conf import settings

DEFAULTS = {
    # Days a praktikintyg link e-mailed to the supervisor keeps working.
    "CERTIFICATE_LINK_DAYS": 30,
    # A TTF font file for the praktikintyg PDF; empty: the DejaVu Sans shipped in fonts/.
    "PDF_FONT": "",
    # Retention (gallring, `manage.py gallra`), in days. Pupils in a choice round (names,
    # classes, accounts, one-time codes) count from the round's last placement day; pupils
    # named in bookings and the booking's messages from the period's last day; certificates
    # from when the company filled them in (the school downloads or archives them before
    # then); rejected company registrations from the rejection.
    "ROUND_RETENTION_DAYS": 365,
    "BOOKING_RETENTION_DAYS": 365,
    "CERTIFICATE_RETENTION_DAYS": 365,
    "REJECTED_COMPANY_RETENTION_DAYS": 180,
}


def get(name: str):
    return getattr(settings, f"INTERNSHIPS_{name}", DEFAULTS[name])
