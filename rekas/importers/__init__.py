"""REKAS imports: validate a whole file, then write every row or none (see docs/rekas-method.md).

One module per job: `files` reads (`download` fetches a file over HTTP first), `adapters`
matches headers, `columns` validates cells, `recognise` reads programme names and codes,
`places` and `resolve` find municipalities, `schools` creates the schools a file names,
`pending` keeps the rows waiting for a name, `writer` writes (one transaction, the ImportBatch
record, progress) and `report` is what the user sees.
Each source has its own module that puts these together (`admissions`, `yrkesbarometer`,
`mapping`, `education_mapping`, `uhr`, `yh`, `scb`) and is registered in IMPORTERS, which the command and the admin upload both use.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.base_user import AbstractBaseUser

from .admissions import import_admissions
from .education_mapping import import_education_mapping
from .files import Source
from .mapping import import_mapping
from .report import ImportReport, RowIssue
from .scb import import_scb
from .uhr import import_uhr
from .yh import import_yh, import_yh_outcomes
from .yrkesbarometer import import_yrkesbarometer


@dataclass(frozen=True)
class Importer:
    function: Callable[..., ImportReport]
    options: tuple[str, ...] = ()  # keyword options beyond the file, e.g. ("year", "round")


IMPORTERS = {
    "yrkesbarometer": Importer(import_yrkesbarometer),
    "admissions": Importer(import_admissions, options=("year", "round")),
    "mapping": Importer(import_mapping),
    "uhr": Importer(import_uhr),
    "yh": Importer(import_yh),
    "yh_outcomes": Importer(import_yh_outcomes),
    "scb": Importer(import_scb, options=("table",)),
    "education_mapping": Importer(import_education_mapping),
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
    "import_education_mapping",
    "import_mapping",
    "import_scb",
    "import_uhr",
    "import_yh",
    "import_yh_outcomes",
    "import_yrkesbarometer",
    "run_import",
]
