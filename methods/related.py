"""Related methods: the engine's more-like-this, or shared themes when it cannot answer."""

import logging

from .models import MethodPage
from .selectors import by_ids_in_order, same_theme_methods

logger = logging.getLogger(__name__)
RELATED_COUNT = 4


def related_methods(page: MethodPage, limit: int = RELATED_COUNT) -> list[MethodPage]:
    related = _more_like_this(page, limit)
    if len(related) < limit:  # top up with methods sharing themes and target groups
        seen = {method.pk for method in related}
        extra = same_theme_methods(page, limit + len(related))
        related += [method for method in extra if method.pk not in seen][: limit - len(related)]
    return related


def _more_like_this(page: MethodPage, limit: int) -> list[MethodPage]:
    try:
        from search import services
    except ImportError:
        return []
    more_like_this = getattr(services, "more_like_this", None)
    if more_like_this is None:
        return []
    try:
        hits = more_like_this(doc_type="method", object_id=page.pk, size=limit)
    except Exception:  # the page must render even if the engine misbehaves
        logger.warning("more_like_this misslyckades för metod %s", page.pk, exc_info=True)
        return []
    ids = []
    for hit in getattr(hits, "hits", hits) or []:
        hit_id = hit.get("id") if isinstance(hit, dict) else getattr(hit, "id", None)
        try:
            ids.append(int(hit_id))
        except (TypeError, ValueError):
            continue
    return [method for method in by_ids_in_order(ids) if method.pk != page.pk][:limit]
