"""Omvärldsbevakning settings with defaults; each can be overridden as OMVARLD_<NAME>."""

from django.conf import settings

DEFAULTS = {
    # One feed request: seconds to connect and between bytes, and the most redirects followed.
    "CONNECT_TIMEOUT": 5,
    "READ_TIMEOUT": 15,
    "MAX_REDIRECTS": 5,
    # The most seconds one feed's whole body may take, however steadily the bytes trickle in.
    "TOTAL_TIMEOUT": 60,
    # A feed body larger than this is refused unread (counted while streaming, not trusted
    # from Content-Length alone).
    "MAX_BYTES": 50 * 1024 * 1024,
    # Items per page on /omvarld/.
    "PER_PAGE": 20,
    # Longest summary kept per item (characters of sanitised HTML).
    "MAX_SUMMARY": 20_000,
}


def get(name: str):
    return getattr(settings, f"OMVARLD_{name}", DEFAULTS[name])
