"""REKAS imports: validate a whole file, then write every row or none (see docs/rekas-method.md).

One module per job: `files` reads, `adapters` matches headers, `columns` validates cells,
`resolve` finds names in the database, `schools` creates the schools a file names, `writer`
writes (one transaction, the ImportBatch record, progress) and `report` is what the user sees.
Each source has its own module that puts these together (`admissions`, `yrkesbarometer`,
`mapping`) and is registered in IMPORTERS, which the command and the admin upload both use.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.base_user import AbstractBaseUser

from .admissions import import_admissions
from .files import Source
from .mapping import import_mapping
from .report import ImportReport, RowIssue
from .yrkesbarometer import import_yrkesbarometer


@dataclass(frozen=True)
class Importer:
    function: Callable[..., ImportReport]
    options: tuple[str, ...] = ()  # keyword options beyond the file, e.g. ("year", "round")


IMPORTERS = {
    "yrkesbarometer": Importer(import_yrkesbarometer),
    "admissions": Importer(import_admissions, options=("year", "round")),
    "mapping": Importer(import_mapping),
}


def run_import(
    kind: str,
    *,
    source: Source,
    file_name: str = "",
    commit: bool = True,
    user: AbstractBaseUser | None = None,
    progress: bool = False,
    **options: object,
) -> ImportReport:
    """Run the importer of `kind`, passing on the options it takes (empty ones left out)."""
    importer = IMPORTERS[kind]
    given = {
        name: value
        for name, value in options.items()
        if name in importer.options and value not in (None, "")
    }
    return importer.function(
        source=source, file_name=file_name, commit=commit, user=user, progress=progress, **given
    )


__all__ = [
    "IMPORTERS",
    "ImportReport",
    "RowIssue",
    "import_admissions",
    "import_mapping",
    "import_yrkesbarometer",
    "run_import",
]
