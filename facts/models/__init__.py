from .choices import Access, Kind, Language
from .pages import LINK_FIELDS, RESERVED_SLUGS, FactIndexPage, FactPage
from .submissions import FactSubmission

__all__ = [
    "LINK_FIELDS",
    "RESERVED_SLUGS",
    "Access",
    "FactIndexPage",
    "FactPage",
    "FactSubmission",
    "Kind",
    "Language",
]
