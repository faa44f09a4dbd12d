"""What an import tells the user: counts, rejected cells and rows flagged for review."""

from dataclasses import asdict, dataclass, field

from django.utils.translation import gettext as _


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
    errors: list[RowIssue] = field(default_factory=list)
    flagged: list[RowIssue] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    batch_id: int | None = None
    committed: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    def reject(self, *, row: int | None, column: str = "", value="", reason: str) -> None:
        self.errors.append(RowIssue(row=row, column=column, value=_as_text(value), reason=reason))

    def flag(self, *, row: int | None, column: str = "", value="", reason: str) -> None:
        self.flagged.append(RowIssue(row=row, column=column, value=_as_text(value), reason=reason))

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
            "flagged": len(self.flagged),
        }

    def as_dict(self) -> dict:
        data = asdict(self)
        data["errors"] = [asdict(issue) for issue in self.errors[:500]]
        data["flagged"] = [asdict(issue) for issue in self.flagged[:500]]
        return data


class ImportRejected(Exception):
    """The file was rejected as a whole; nothing was written. `report.errors` says why."""

    def __init__(self, report: ImportReport):
        super().__init__(report.summary())
        self.report = report


def _as_text(value) -> str:
    if value is None:
        return ""
    text = str(value)
    return text if len(text) <= 80 else text[:77] + "…"
