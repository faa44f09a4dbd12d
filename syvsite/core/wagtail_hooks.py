from wagtail import hooks


@hooks.register("before_serve_page")
def note_page_for_cache(page, request, *args):
    """The page cache (syvsite/core/pagecache/) decides by the page's class what to store."""
    request.page_cache_page = page
