"""REKAS imports: validate a whole file, then write every row or none (see docs/rekas-method.md)."""

from .admissions import import_admissions
from .mapping import import_mapping
from .report import ImportReport, RowIssue
from .yrkesbarometer import import_yrkesbarometer

IMPORTERS = {
    "yrkesbarometer": import_yrkesbarometer,
    "admissions": import_admissions,
    "mapping": import_mapping,
}

__all__ = [
    "IMPORTERS",
    "ImportReport",
    "RowIssue",
    "import_admissions",
    "import_mapping",
    "import_yrkesbarometer",
]
