"""Every environment variable the site reads, declared once with its type and default.

Settings modules read values only through `env`; `tests/core/test_settings.py` checks that
README.md documents every variable listed here.
"""

from dataclasses import dataclass
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent


@dataclass(frozen=True)
class Variable:
    name: str
    type: type
    default: object
    description: str


VARIABLES = [
    Variable(
        "SECRET_KEY", str, "", "Django's secret key. Required (50+ characters) in production."
    ),
    Variable("DEBUG", bool, False, "Debug mode. Never on in production."),
    Variable("ALLOWED_HOSTS", list, ["127.0.0.1", "localhost"], "Host names the site answers to."),
    Variable("CSRF_TRUSTED_ORIGINS", list, [], "Origins (https://…) allowed to post forms."),
    Variable(
        "SITE_URL", str, "http://127.0.0.1:8000", "The site's public address, used in e-mail links."
    ),
    Variable(
        "DATABASE_URL",
        str,
        f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        "Database. SQLite by default; e.g. postgres://user:pass@127.0.0.1:5432/syv.",
    ),
    Variable(
        "SEARCH_URL",
        str,
        "",
        "Search engine (OpenSearch 2/3 or Elasticsearch 8), e.g. http://127.0.0.1:9201. Empty: search answers from the database.",
    ),
    Variable(
        "CACHE_URL",
        str,
        "",
        "Shared cache for several web processes or machines: redis://127.0.0.1:6379/0 (Redis or Valkey). Empty: a cache in files under var/cache on this machine, no server needed. The site answers uncached while the cache server is down.",
    ),
    Variable(
        "PAGE_CACHE_SECONDS",
        int,
        600,
        "Longest time an anonymous visitor's page is served from the cache; changes invalidate it at once. 0 turns the page cache off.",
    ),
    Variable("SEARCH_INDEX_PREFIX", str, "syv", "Prefix of index names and aliases."),
    Variable(
        "SEARCH_TIMEOUT",
        float,
        2.0,
        "Seconds before an engine request gives up and the database fallback answers.",
    ),
    Variable(
        "SEARCH_INDEX_WAIT",
        float,
        5.0,
        "Seconds a request that changed content waits for the search index to have it (PostgreSQL), so the person sees it in their next search; the rest is indexed right after in the background.",
    ),
    Variable("SEARCH_VERIFY_CERTS", bool, True, "Verify the search engine's TLS certificate."),
    Variable(
        "EMAIL_URL",
        str,
        "consolemail://",
        "Mail server, e.g. smtp+tls://user:pass@smtp.example.se:587. Default prints mail to the console.",
    ),
    Variable(
        "DEFAULT_FROM_EMAIL",
        str,
        "SYV-portalen <noreply@syv-portalen.se>",
        "Sender of outgoing e-mail.",
    ),
    Variable("MEDIA_ROOT", str, str(BASE_DIR / "media"), "Folder for uploaded files."),
    Variable(
        "STATIC_ROOT",
        str,
        str(BASE_DIR / "staticfiles"),
        "Folder for collected static files (production).",
    ),
    Variable("LOG_LEVEL", str, "INFO", "Log level (DEBUG, INFO, WARNING, ERROR)."),
    Variable(
        "LOG_FORMAT", str, "json", "Log format: json (structured, one object per line) or text."
    ),
    Variable("SECURE_SSL_REDIRECT", bool, True, "Redirect http to https (production)."),
    Variable("SECURE_HSTS_SECONDS", int, 31536000, "HSTS max-age in seconds (production)."),
    Variable(
        "LOGIN_FAILURE_LIMIT",
        int,
        5,
        "Failed logins before the (account, IP address) pair is locked.",
    ),
    Variable("LOGIN_COOLOFF_MINUTES", int, 15, "Minutes until a locked login unlocks by itself."),
    Variable(
        "REKAS_YRKESBAROMETER_URL",
        str,
        "https://data.arbetsformedlingen.se/prognoser/yrkesbarometer.json",
        "Where `manage.py rekas_fetch yrkesbarometer` downloads Arbetsförmedlingen's Yrkesbarometer (open data, CC0).",
    ),
    Variable(
        "REKAS_SCB_API_URL",
        str,
        "https://api.scb.se/OV0104/v1/doris/sv/ssd/",
        "SCB's PxWeb API (v1) that `manage.py rekas_fetch scb TABLE` queries for the matching indicators (CC0); the table's path is appended.",
    ),
]

env = environ.Env(**{v.name: (v.type, v.default) for v in VARIABLES})
