"""What a search returns, the same whether the engine or the database answered."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from django.core.paginator import Page, Paginator

MAX_RESULT_WINDOW = 10_000  # the engine's default max_result_window


@dataclass(frozen=True)
class GeoFilter:
    """Only documents within `km` kilometres of (lat, lon)."""

    lat: float
    lon: float
    km: float


@dataclass
class Hit:
    id: str  # the object's primary key, as text
    doc_type: str
    type_label: str
    title: str
    url: str
    snippet: str  # safe HTML: escaped text with <mark> around matches
    title_html: str  # safe HTML, the title with <mark> around matches
    source: dict  # the stored document (without the long body)
    score: float | None = None
    distance_km: float | None = None

    @property
    def date(self):
        return self.source.get("date")


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class FacetResult:
    field: str
    param: str
    label: str
    values: list[FacetValue] = field(default_factory=list)

    @property
    def selected(self) -> list[FacetValue]:
        return [value for value in self.values if value.selected]


@dataclass
class SearchResult:
    query: str
    hits: list[Hit]
    total: int
    page: int
    per_page: int
    facets: list[FacetResult]
    sort: str
    engine_used: bool
    notice: str = ""  # shown to the user (Swedish), e.g. when the database answered
    suggestion: str | None = None  # "Menade du …?"
    filters: dict[str, list[str]] = field(default_factory=dict)  # the filters applied
    ignored_filters: list[str] = field(default_factory=list)  # unknown filter names
    query_truncated: bool = False
    relaxed: bool = False  # few or no documents had every word: these have most of them
    exact_total: int = 0  # when relaxed: how many had every word (they come first)
    promoted: list[Hit] = field(default_factory=list)  # pinned by editors for this query

    @property
    def num_pages(self) -> int:
        reachable = min(self.total, MAX_RESULT_WINDOW)
        return max(1, -(-reachable // self.per_page))

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @cached_property
    def page_obj(self) -> Page:
        """A Django Page for includes/pagination.html (no objects, just the numbers)."""
        reachable = min(self.total, MAX_RESULT_WINDOW)
        return Paginator(range(reachable), self.per_page, allow_empty_first_page=True).page(
            min(self.page, self.num_pages)
        )
