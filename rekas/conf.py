"""REKAS settings with defaults; each can be overridden in Django settings (REKAS_<NAME>)."""

from django.conf import settings

DEFAULTS = {
    # Retention (gallring): days an import's report and importing user are kept.
    "IMPORT_REPORT_RETENTION_DAYS": 365,
    # SCB's PxWeb API (v1) for the statistical database; a table's path is appended.
    "SCB_API_URL": "https://api.scb.se/OV0104/v1/doris/sv/ssd/",
    # Seconds to wait for SCB's answer before giving up with a message.
    "SCB_API_TIMEOUT": 60,
    # Arbetsförmedlingen's open-data file of the current Yrkesbarometer round (CC0); set by the
    # environment variable REKAS_YRKESBAROMETER_URL (syvsite/settings/environment.py).
    "YRKESBAROMETER_URL": "https://data.arbetsformedlingen.se/prognoser/yrkesbarometer.json",
    # Seconds without an answer (connecting, or between two parts of the file) before the
    # download gives up with a message.
    "YRKESBAROMETER_TIMEOUT": 60,
}


def get(name: str):
    return getattr(settings, f"REKAS_{name}", DEFAULTS[name])
