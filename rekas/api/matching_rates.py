"""SCB's regional matching indicators (AM9906) for a county in the open API."""

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from syvsite.api import PageParams, Paginated, paginate

from ..selectors import postsecondary

router = Router(tags=["REKAS"])


class MatchingRateParams(PageParams):
    county: str = Field(..., description='Tvåsiffrig länskod, eller "00" för hela riket')
    table: str = Field("", description="SCB-tabell, t.ex. RegionInd19M2N; tomt = alla")
    year: int | None = Field(None, ge=1900, le=2100)
    page_size: int = Field(200, ge=1, le=1000, description="Rader per sida.")


class MatchingRateOut(Schema):
    table_id: str = Field(description="SCB-tabellens id, t.ex. RegionInd19M2N")
    region_code: str
    year: int
    sex_code: str
    sex_label: str
    group_dimension: str = Field(description="AlderFodelselandgr, Utbildning (SUN 2020) …")
    group_code: str
    group_label: str
    measure_code: str
    measure_label: str
    value: float | None = Field(description='Procent; null när SCB visar ".."')
    status: str = Field(description='SCB:s markering, t.ex. ".." (kan inte redovisas)')


class MatchingRatePage(Paginated):
    source: str = Field(description="Källa och licens")
    results: list[MatchingRateOut]


@router.get(
    "/matching-rates",
    response=MatchingRatePage,
    summary="SCB:s regionala matchningsindikatorer för ett län",
)
def matching_rates(request: HttpRequest, filters: Query[MatchingRateParams]) -> dict:
    queryset = postsecondary.matching_rates(county=filters.county)
    if filters.table:
        queryset = queryset.filter(table_id=filters.table.rsplit("/", 1)[-1])
    if filters.year:
        queryset = queryset.filter(year=filters.year)
    queryset = queryset.order_by("table_id", "year", "sex_code", "group_code", "measure_code")
    rows, meta = paginate(queryset, filters)
    fields = [name for name in MatchingRateOut.model_fields if name != "value"]
    return {
        **meta,
        "source": "SCB, Regionala matchningsindikatorer (AM9906). Licens: CC0.",
        "results": [
            {
                **{field: getattr(row, field) for field in fields},
                "value": float(row.value) if row.value is not None else None,
            }
            for row in rows
        ],
    }
