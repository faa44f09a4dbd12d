"""Signals that write outbox rows for registered types (connected in SearchConfig.ready()).

- Plain models: post_save, post_delete and many-to-many changes.
- Wagtail pages (`is_page=True`): page_published, page_unpublished, post_delete, and page
  moves or slug changes, which also re-index the page's descendants of registered types
  (their URLs changed).
- `related` models: their save/delete re-index the objects `get_ids(instance)` names.
"""

from __future__ import annotations

import logging

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from . import registry
from .outbox import enqueue
from .registry import SearchType

logger = logging.getLogger(__name__)
_connected: set[str] = set()  # "type:app.Model" already connected


def connect_all() -> None:
    for search_type in registry.all_types():
        connect(search_type)


def connect(search_type: SearchType) -> None:
    model = search_type.model_class()
    key = f"{search_type.name}:{model._meta.label}"
    if key in _connected:
        return
    _connected.add(key)
    uid = f"search-{search_type.name}"
    if search_type.is_page:
        _connect_page_signals()
    else:
        post_save.connect(_on_object_changed, sender=model, dispatch_uid=f"{uid}-save", weak=False)
        for field in model._meta.many_to_many:
            through = field.remote_field.through
            if isinstance(through, type):
                m2m_changed.connect(
                    _on_m2m_changed, sender=through, dispatch_uid=f"{uid}-m2m", weak=False
                )
    post_delete.connect(_on_object_changed, sender=model, dispatch_uid=f"{uid}-delete", weak=False)
    for related in search_type.related:
        handler = _related_handler(search_type.name, related)
        for signal, kind in ((post_save, "save"), (post_delete, "delete")):
            signal.connect(
                handler,
                sender=related.model,
                dispatch_uid=f"{uid}-{related.model}-{kind}",
                weak=False,
            )


def _types_for(model) -> list[SearchType]:
    return [t for t in registry.all_types() if issubclass(model, t.model_class())]


def _on_object_changed(sender, instance, **kwargs) -> None:
    for search_type in _types_for(type(instance)):
        enqueue(
            doc_type=search_type.name,
            object_ids=[instance.pk],
            using=instance._state.db or "default",
        )


def _on_m2m_changed(sender, instance, action, reverse, pk_set, model, **kwargs) -> None:
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        _on_object_changed(type(instance), instance)
    elif pk_set:
        for search_type in _types_for(model):
            enqueue(doc_type=search_type.name, object_ids=pk_set)


def _related_handler(doc_type: str, related):
    def handler(sender, instance, **kwargs) -> None:
        try:
            ids = list(related.get_ids(instance) or [])
        except Exception:  # a half-deleted object may not resolve; never fail the save
            logger.exception("search: related get_ids failed for %s", doc_type)
            return
        enqueue(doc_type=doc_type, object_ids=ids)

    return handler


# --- Wagtail pages ---------------------------------------------------------------------------

_page_signals_connected = False


def _connect_page_signals() -> None:
    global _page_signals_connected
    if _page_signals_connected:
        return
    _page_signals_connected = True
    from wagtail.models import Page
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(_on_page_changed, dispatch_uid="search-page-published", weak=False)
    page_unpublished.connect(_on_page_changed, dispatch_uid="search-page-unpublished", weak=False)
    post_page_move.connect(_on_page_moved, dispatch_uid="search-page-moved", weak=False)
    pre_save.connect(_remember_url_path, dispatch_uid="search-page-pre-save", weak=False)
    post_save.connect(_on_page_saved, dispatch_uid="search-page-saved", weak=False)
    del Page


def _page_types() -> list[SearchType]:
    return [t for t in registry.all_types() if t.is_page]


def _on_page_changed(sender, instance, **kwargs) -> None:
    specific_class = getattr(instance, "specific_class", None) or type(instance)
    for search_type in _types_for(specific_class):
        if search_type.is_page:
            enqueue(doc_type=search_type.name, object_ids=[instance.pk])


def enqueue_descendants(page) -> None:
    """Re-index registered pages below `page` (their URL changed with their ancestor's)."""
    from wagtail.models import Page

    descendants = Page.objects.descendant_of(page)
    for search_type in _page_types():
        model = search_type.model_class()
        ids = list(
            model.objects.filter(pk__in=descendants.values("pk")).values_list("pk", flat=True)
        )
        enqueue(doc_type=search_type.name, object_ids=ids)


def _on_page_moved(sender, instance, url_path_before=None, url_path_after=None, **kwargs) -> None:
    _on_page_changed(sender, instance)
    if url_path_before != url_path_after:
        enqueue_descendants(instance)


def _is_page(instance) -> bool:
    from wagtail.models import Page

    return isinstance(instance, Page)


def _remember_url_path(sender, instance, raw=False, **kwargs) -> None:
    if raw or not _is_page(instance) or instance.pk is None or not _page_types():
        return
    from wagtail.models import Page

    instance._search_url_path_before = (
        Page.objects.filter(pk=instance.pk).values_list("url_path", flat=True).first()
    )


def _on_page_saved(sender, instance, created=False, raw=False, **kwargs) -> None:
    if raw or created or not _is_page(instance):
        return
    before = getattr(instance, "_search_url_path_before", None)
    if before is not None and before != instance.url_path:
        instance._search_url_path_before = instance.url_path
        enqueue_descendants(instance)
