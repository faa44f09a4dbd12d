"""What invalidates cached pages: Wagtail's page events (tag "pages") and the models the
domains registered (`syvsite.core.registry.register_invalidation`)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from django.db.models.signals import m2m_changed, post_delete, post_save

from ..registry import PAGES
from .generations import invalidate


def _changed(tags: tuple[str, ...], sender=None, **kwargs) -> None:
    invalidate(*tags)


def invalidate_on_change(model: type, tags: Iterable[str]) -> None:
    """Receivers per model (never for every model: a delete receiver on all models would turn
    Django's fast bulk deletes, e.g. of a REKAS import's old rows, into row-by-row work)."""
    receiver = partial(_changed, tuple(tags))
    uid = f"pagecache:{model._meta.label}:{','.join(sorted(tags))}"
    post_save.connect(receiver, sender=model, weak=False, dispatch_uid=uid)
    post_delete.connect(receiver, sender=model, weak=False, dispatch_uid=uid)
    for field in model._meta.local_many_to_many:
        m2m_changed.connect(
            receiver, sender=field.remote_field.through, weak=False, dispatch_uid=uid
        )


def connect_pages() -> None:
    """Publishing, unpublishing, moving, deleting or restricting any page changes "pages"
    (menus, listings and the home page show other pages, so one page's change can show
    anywhere; a listing leaves out pages under a view restriction)."""
    from wagtail import signals as wagtail_signals
    from wagtail.models import PageViewRestriction, get_page_models

    receiver = partial(_changed, (PAGES,))
    for signal in (
        wagtail_signals.page_published,
        wagtail_signals.page_unpublished,
        wagtail_signals.post_page_move,
    ):
        signal.connect(receiver, weak=False, dispatch_uid="pagecache:pages")
    for model in get_page_models():
        post_delete.connect(
            receiver, sender=model, weak=False, dispatch_uid=f"pagecache:delete:{model._meta.label}"
        )
    invalidate_on_change(PageViewRestriction, (PAGES,))
