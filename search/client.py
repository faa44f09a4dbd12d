"""Placeholder: the adapter to OpenSearch / Elasticsearch lives here (see registry.py)."""

from django.conf import settings


def get_engine():
    if not settings.SEARCH["URL"]:
        return None
    raise NotImplementedError("search engine adapter not built yet")
