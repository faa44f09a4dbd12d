"""`/vagledningsplaner/`: every municipality's plan status, filterable by county."""

from django.http import HttpRequest

from syvsite.regions.models import County

from ..constants import MunicipalityStatus
from ..forms import OverviewFilterForm
from ..selectors import municipality_overview
from ..services.model_plan import model_plan

STATUS_BADGES = {
    MunicipalityStatus.CURRENT: "badge--success",
    MunicipalityStatus.UPCOMING: "badge--warning",
    MunicipalityStatus.EXPIRED: "badge--error",
    MunicipalityStatus.MISSING: "",
}


def overview_context(request: HttpRequest) -> dict:
    form = OverviewFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    overview = municipality_overview(
        county_code=filters.get("lan", ""), status=filters.get("status", "")
    )
    status_summary = [
        {
            "value": choice.value,
            "label": choice.label,
            "count": overview.counts[choice.value],
            "badge": STATUS_BADGES[choice],
        }
        for choice in MunicipalityStatus
    ]
    return {
        "filter_form": form,
        "overview": overview,
        "rows": [
            {"row": row, "badge": STATUS_BADGES[row.status], "label": row.status.label}
            for row in overview.rows
        ],
        "status_summary": status_summary,
        "model_plan": model_plan(),
        "chosen_county": County.objects.filter(code=filters.get("lan") or None).first(),
    }
