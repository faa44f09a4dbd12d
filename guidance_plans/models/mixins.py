"""Context every public page of this app needs."""


def ancestor_crumbs(page, request) -> list[dict]:
    """Breadcrumb links to the page's ancestors between the home page and the page."""
    ancestors = page.get_ancestors().filter(depth__gt=2)
    return [{"url": ancestor.get_url(request), "label": ancestor.title} for ancestor in ancestors]


class BreadcrumbMixin:
    """Adds `breadcrumb_items`: the ancestors between the home page and this page."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["breadcrumb_items"] = ancestor_crumbs(self, request)
        return context
