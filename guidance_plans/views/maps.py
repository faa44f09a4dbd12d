"""The overview's map: every municipality (or one county's) coloured by the status of its
guidance plan, each linking to its plan (syvsite.maps)."""

from django.http import HttpRequest
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from syvsite.maps import AreaValue, Map, categorical, choropleth

from ..constants import MunicipalityStatus
from ..selectors import MunicipalityRow

# From none to current, on an ordered palette: orange for what is missing, purple for a plan.
STATUS_ORDER = [
    MunicipalityStatus.MISSING,
    MunicipalityStatus.EXPIRED,
    MunicipalityStatus.IN_PROGRESS,
    MunicipalityStatus.UPCOMING,
    MunicipalityStatus.CURRENT,
]


def _text(row: MunicipalityRow) -> str:
    if row.plan is None:
        return str(row.status.label)
    end = (
        formats.date_format(row.plan.valid_to, "j F Y") if row.plan.valid_to else _("tills vidare")
    )
    return _("%(status)s: %(title)s, %(start)s – %(end)s") % {
        "status": row.status.label,
        "title": row.plan.title,
        "start": formats.date_format(row.plan.valid_from, "j F Y"),
        "end": end,
    }


def coverage_map(
    request: HttpRequest, rows: list[MunicipalityRow], *, county: str, show_table: bool
) -> Map:
    values = [
        AreaValue(
            row.municipality.code,
            row.status.value,
            _text(row),
            url=row.plan.get_url(request=request) if row.plan else "",
        )
        for row in rows
    ]
    return choropleth(
        map_id="karta-planer",
        title=_("Vägledningsplaner på kartan"),
        areas="municipality",
        county=county,
        values=values,
        scale=categorical([(s.value, s.label) for s in STATUS_ORDER], palette="diverging"),
        source=_("kommunernas vägledningsplaner publicerade på SYV-portalen, %(date)s.")
        % {"date": formats.date_format(timezone.localdate(), "j F Y")},
        value_label=_("Status"),
        show_table=show_table,
    )
