"""Extension points the domain apps fill in from their AppConfig.ready().

The shared core never imports a domain app: each app registers what it contributes to
"Mina sidor" and to the home page here.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.http import HttpRequest


@dataclass
class Panel:
    """A box on "Mina sidor" or the home page, rendered with `template` and `context`."""

    title: str
    template: str
    context: dict = field(default_factory=dict)
    order: int = 100


PanelProvider = Callable[[HttpRequest], Panel | None]

_dashboard_providers: list[PanelProvider] = []
_home_providers: list[PanelProvider] = []


def register_dashboard_panel(provider: PanelProvider) -> PanelProvider:
    if provider not in _dashboard_providers:
        _dashboard_providers.append(provider)
    return provider


def register_home_panel(provider: PanelProvider) -> PanelProvider:
    if provider not in _home_providers:
        _home_providers.append(provider)
    return provider


def _collect(providers: list[PanelProvider], request: HttpRequest) -> list[Panel]:
    panels = [panel for provider in providers if (panel := provider(request)) is not None]
    return sorted(panels, key=lambda panel: panel.order)


def dashboard_panels(request: HttpRequest) -> list[Panel]:
    return _collect(_dashboard_providers, request)


def home_panels(request: HttpRequest) -> list[Panel]:
    return _collect(_home_providers, request)


# --- Page contexts --------------------------------------------------------------------------
# A Wagtail page renders through its model (serve → get_context), but what a page shows beyond
# its own fields (a filtered listing, a member's rating form) is built by the app's view layer,
# which sits above the models. So a page model names no view: the app registers the builder for
# its page class in AppConfig.ready(), and `PageContextMixin.get_context` asks for it.

PageContextBuilder = Callable[..., dict]  # builder(request=…, page=…) -> extra context

_page_contexts: dict[type, PageContextBuilder] = {}


def register_page_context(page_class: type, builder: PageContextBuilder) -> None:
    _page_contexts[page_class] = builder


def page_context(page, request: HttpRequest) -> dict:
    """The registered builder's context for this page (the nearest registered class), or {}."""
    for cls in type(page).__mro__:
        builder = _page_contexts.get(cls)
        if builder is not None:
            return builder(request=request, page=page)
    return {}


class PageContextMixin:
    """For a Wagtail page whose template needs context from its app's views (see above)."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(page_context(self, request))
        return context


# --- Page cache -----------------------------------------------------------------------------
# Anonymous pages are served whole from the cache (syvsite/core/pagecache/). What may be cached,
# and what makes it stale, is the domains' knowledge: each app says, in AppConfig.ready(), which
# of its pages are cached and on which tags they depend (`register_cached_page`), and which of
# its models change those tags when saved or deleted (`register_invalidation`); writes that skip
# model signals (bulk imports, queryset updates) call `syvsite.core.pagecache.invalidate(tag)`.
# Every Wagtail page depends on the tag "pages" (publish, unpublish, move, delete).

PAGES = "pages"
EVERYTHING = "*"  # a page that shows something of every domain (the home page's panels)

_cached_pages: dict[type | str, set[str]] = {}
_known_tags: set[str] = {PAGES}


def register_cached_page(target: type | str, *tags: str) -> None:
    """Cache `target` (a Wagtail page class, or a URL name such as "rekas:municipality") for
    anonymous visitors until one of `tags` changes. Several registrations add up."""
    _cached_pages.setdefault(target, set()).update(tags)
    _known_tags.update(tag for tag in tags if tag != EVERYTHING)


def register_invalidation(model: type, *tags: str) -> None:
    """Saving or deleting a `model` row changes `tags` (after the transaction commits)."""
    from syvsite.core.pagecache.signals import invalidate_on_change

    _known_tags.update(tags)
    invalidate_on_change(model, tags)


def known_cache_tags() -> frozenset[str]:
    return frozenset(_known_tags)


def cache_candidate(view_name: str) -> bool:
    """Whether a request for this URL name may be answered from the page cache at all."""
    return view_name in _cached_pages or view_name == WAGTAIL_SERVE


WAGTAIL_SERVE = "wagtail_serve"


def cached_page_tags(view_name: str, page=None) -> frozenset[str] | None:
    """The tags a response depends on, or None when it is not cached."""
    if page is not None:
        tags = [_cached_pages[cls] for cls in type(page).__mro__ if cls in _cached_pages]
        if not tags:
            return None
        found = {PAGES}.union(*tags)
    elif view_name in _cached_pages:
        found = set(_cached_pages[view_name])
    else:
        return None
    return frozenset(_known_tags) if EVERYTHING in found else frozenset(found)
