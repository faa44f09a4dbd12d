"""/praktik/'s map: a dot per municipality with published places, sized by how many listings
match the current filters there, each linking to the list filtered to that municipality."""

from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from syvsite.maps import AreaValue, Map, dot_map

from ..selectors.finding import ListingQuery, ListingResults


def _filtered_url(request: HttpRequest, code: str) -> str:
    params = request.GET.copy()
    params["kommun"] = code
    params.pop("page", None)
    return f"?{params.urlencode()}"


def placements_map(request: HttpRequest, query: ListingQuery, results: ListingResults) -> Map:
    values = [
        AreaValue(
            code,
            count,
            ngettext("%(count)d praktikplats", "%(count)d praktikplatser", count)
            % {"count": count},
            url=_filtered_url(request, code),
        )
        for code, count in results.by_municipality.items()
    ]
    return dot_map(
        map_id="karta-praktik",
        title=_("Praktikplatserna på kartan"),
        values=values,
        county=query.county,
        source=_("publicerade praktikplatser på SYV-portalen som matchar filtren."),
        value_label=_("Praktikplatser"),
        unit=(_("plats"), _("platser")),
    )
