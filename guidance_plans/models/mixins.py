"""Context every public page of this app needs."""


class BreadcrumbMixin:
    """Adds `breadcrumb_items`: the ancestors between the home page and this page."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        ancestors = self.get_ancestors().filter(depth__gt=2)
        context["breadcrumb_items"] = [
            {"url": ancestor.get_url(request), "label": ancestor.title} for ancestor in ancestors
        ]
        return context
