"""What an import tells the user: counts, refused cells and rows flagged for review.

Every importer reports through `ImportReport`, so every refused cell reads the same way:
*row, column, value: reason*. A cell gets one message (the first problem found in it), and a
missing value is shown as nothing at all, never as pandas' nan, None, NaT or <NA>.
"""

from dataclasses import asdict, dataclass, field, fields

from django.utils.translation import gettext as _

from .normalise import is_missing


@dataclass(frozen=True)
class RowIssue:
    """One problem, located as a person would look for it: file row (1 = header), column, value."""

    row: int | None
    column: str
    value: str
    reason: str

    def __str__(self) -> str:
        where = _("rad %(row)s") % {"row": self.row} if self.row else _("filen")
        column = ", " + _("kolumn ”%(column)s”") % {"column": self.column} if self.column else ""
        value = ", " + _("värde ”%(value)s”") % {"value": self.value} if self.value != "" else ""
        return f"{where}{column}{value}: {self.reason}"


@dataclass
class ImportReport:
    kind: str
    file_name: str = ""
    read: int = 0
    written: int = 0
    replaced: int = 0
    rejected: int = 0
    # Rows waiting for a name in "Okända namn att koppla" (admissions); None for importers
    # without that queue, whose rows to review are the flagged ones.
    waiting: int | None = None
    errors: list[RowIssue] = field(default_factory=list)
    flagged: list[RowIssue] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    batch_id: int | None = None
    committed: bool = False
    _cells: set = field(default_factory=set, init=False, repr=False)  # cells refused already

    @property
    def ok(self) -> bool:
        return not self.errors

    def reject(self, *, row: int | None, column: str = "", value: object = "", reason: str) -> None:
        """Refuse a cell (or the file, without row and column). A cell already refused keeps
        its first message: two reasons for one cell only repeat the same mistake."""
        if row is not None and column:
            if (row, column) in self._cells:
                return
            self._cells.add((row, column))
        self.errors.append(RowIssue(row=row, column=column, value=_as_text(value), reason=reason))

    def flag(self, *, row: int | None, column: str = "", value: object = "", reason: str) -> None:
        self.flagged.append(RowIssue(row=row, column=column, value=_as_text(value), reason=reason))

    def count_rejected(self, *, whole_file: bool = False) -> None:
        """Rows refused: all of them when the file as a whole is at fault (a missing column, a
        wrong option), otherwise each row with a refused cell."""
        rows = {issue.row for issue in self.errors}
        self.rejected = self.read if whole_file or None in rows else len(rows)

    def sorted_errors(self) -> list[RowIssue]:
        return sorted(self.errors, key=lambda issue: (issue.row or 0, issue.column))

    def summary(self) -> str:
        return _(
            "Lästa rader: %(read)s. Skrivna: %(written)s. Ersatta: %(replaced)s. "
            "Avvisade: %(rejected)s. Att granska: %(flagged)s."
        ) % {
            "read": self.read,
            "written": self.written,
            "replaced": self.replaced,
            "rejected": self.rejected,
            "flagged": len(self.flagged) if self.waiting is None else self.waiting,
        }

    def as_dict(self) -> dict:
        data = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "_cells"}
        data["errors"] = [asdict(issue) for issue in self.errors[:500]]
        data["flagged"] = [asdict(issue) for issue in self.flagged[:500]]
        return data


def _as_text(value: object) -> str:
    if is_missing(value):
        return ""
    text = str(value)
    return text if len(text) <= 80 else text[:77] + "…"
