"""The public search page (public.py) and the editors' search tools in the staff pages
(editors.py)."""

from .public import search_page

__all__ = ["search_page"]
