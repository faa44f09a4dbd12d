"""Tables shown on REKAS pages: rendered as accessible HTML, drawn as charts, exported.

A page builds a list of `Table`s; the same objects feed the template, the chart data
(`json_script`) and the CSV/XLSX export, so what you see is what you download.
"""

import math
from dataclasses import dataclass, field
from html import escape  # Django's escape() is this behind a lazy-text check, per cell

from django.http import QueryDict
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy

NOT_PUBLISHED = gettext_lazy("ej publicerat")


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: str = "text"  # text | int | decimal | percent | merit
    link_key: str = ""  # row key holding a URL for this cell
    badge_key: str = ""  # row key holding a badge tone (success/warning/error)
    # What an empty numeric cell says: the office did not publish the figure (or a ratio's
    # figures), which must never read as 0. A computed change without a year before says "–".
    missing: str = NOT_PUBLISHED

    @property
    def numeric(self) -> bool:
        return self.kind in {"int", "decimal", "percent", "merit"}


@dataclass(frozen=True)
class Chart:
    kind: str  # "bar" | "line"
    label_key: str
    series: tuple[tuple[str, str], ...]  # (row key, legend label)
    description: str  # the chart's text alternative
    y_label: str = ""
    horizontal: bool = False


@dataclass
class Table:
    name: str
    caption: str
    columns: list[Column]
    rows: list[dict]
    chart: Chart | None = None
    empty_text: str = gettext_lazy("Det finns inga uppgifter för det här urvalet.")
    # The caption names its own year (SCB, YH, UHR): the page's admission year isn't added.
    own_period: bool = False
    note: str = ""  # shown above the table, e.g. when two areas are measured differently
    export_links: dict[str, str] = field(default_factory=dict)  # format → "?…" (set_export_links)

    def set_export_links(self, query: QueryDict) -> None:
        """The table's download addresses: the page's own query with this table and a format."""
        query = query.copy()
        query["export"] = self.name
        for file_format in ("csv", "xlsx"):
            query["format"] = file_format
            self.export_links[file_format] = "?" + query.urlencode()

    def chart_data(self) -> dict | None:
        """None without a chart, rows, or any published number to draw (the table remains).
        Computed once: the template asks twice and the page's chart data once more."""
        if "_chart_data" not in self.__dict__:
            self.__dict__["_chart_data"] = self._chart_data()
        return self.__dict__["_chart_data"]

    def _chart_data(self) -> dict | None:
        if self.chart is None or not self.rows:
            return None
        keys = [key for key, _label in self.chart.series]
        if all(clean_number(row.get(key)) is None for row in self.rows for key in keys):
            return None
        return {
            "kind": self.chart.kind,
            "horizontal": self.chart.horizontal,
            "yLabel": self.chart.y_label,
            "labels": [str(row.get(self.chart.label_key, "")) for row in self.rows],
            "datasets": [
                {"label": label, "data": [clean_number(row.get(key)) for row in self.rows]}
                for key, label in self.chart.series
            ],
        }

    def head_html(self) -> SafeString:
        """The header cells (in Python for the same reason as the body)."""
        cells = (
            ('<th scope="col" class="num">' if column.numeric else '<th scope="col">')
            + escape(str(column.label))
            + "</th>"
            for column in self.columns
        )
        return mark_safe("".join(cells))  # noqa: S308 - the labels are escaped

    def body_html(self) -> SafeString:
        """The body rows as escaped HTML: cells with their formatted text, link and badge.
        Built here rather than in the template because a municipality's tables hold thousands
        of cells, and a template loop costs tens of microseconds a cell."""
        # Per column once, not per cell: the translated "not published" and the cell's tags.
        columns = [
            (
                column.key,
                column.kind,
                str(column.missing),
                column.link_key,
                column.badge_key,
                ('<th scope="row">', "</th>")
                if index == 0
                else ('<td class="num">' if column.numeric else "<td>", "</td>"),
            )
            for index, column in enumerate(self.columns)
        ]
        parts = []
        for row in self.rows:
            parts.append("<tr>")
            for key, kind, missing, link_key, badge_key, (opening, closing) in columns:
                text = escape(format_cell(row.get(key), kind, missing))
                url = row.get(link_key) if link_key else ""
                badge = row.get(badge_key) if badge_key else None
                if url:
                    text = f'<a href="{escape(url)}">{text}</a>'
                elif badge is not None:
                    tone = f" badge--{escape(badge)}" if badge else ""
                    text = f'<span class="badge{tone}">{text}</span>'
                parts.append(f"{opening}{text}{closing}")
            parts.append("</tr>\n")
        return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped


def clean_number(value):
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def format_cell(value, kind: str, missing: str = NOT_PUBLISHED) -> str:
    if kind == "text":
        return (
            "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)
        )
    number = clean_number(value)
    if number is None:
        return str(missing)
    if kind == "int":
        text = f"{number:,.0f}"
    elif kind == "percent":
        text = f"{number * 100:,.0f} %"
    elif kind == "merit":
        text = f"{number:,.1f}"
    else:
        text = f"{number:,.2f}"
    return text.replace(",", "\u202f").replace(".", ",")
