"""/rekas/yh/: YH programmes per education area and home county: applicants per admitted, the
share in work after the programme (with its margin of error), and the occupations each area
leads to with Arbetsförmedlingen's outlook.

`?lan=` picks the home county ("00" = all), `?omrade=` one area (its slug), `?ar=` the year.
"""

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from syvsite.regions.models import County

from ..models import NATIONAL, EducationOccupation, YhArea
from ..selectors import county_names, postsecondary
from .postsecondary_tables import occupations_table, source_context
from .public import _respond
from .tables import Chart, Column, Table


def _share(value) -> float | None:
    return float(value) / 100 if value is not None else None


def _per(numerator, denominator) -> float | None:
    return numerator / denominator if numerator is not None and denominator else None


def _choices(request: HttpRequest) -> tuple[str, YhArea | None, int | None]:
    county = request.GET.get("lan") or NATIONAL
    if county != NATIONAL and not County.objects.filter(code=county).exists():
        county = NATIONAL
    area = YhArea.objects.filter(slug=request.GET.get("omrade") or "").first()
    years = postsecondary.yh_years()
    year = request.GET.get("ar")
    year = int(year) if year and year.isdigit() and int(year) in years else None
    return county, area, year or (years[0] if years else None)


def _application_row(row) -> dict:
    return {
        "year": row.year,
        "area": row.area_name or _("Alla utbildningsområden"),
        "url": f"?omrade={row.area_slug}" if row.area_slug else "",
        "applicants": row.applicants,
        "eligible": row.eligible_applicants,
        "admitted": row.admitted,
        "per_admitted": _per(row.applicants, row.admitted),
    }


def _application_columns(first: Column) -> list[Column]:
    return [
        first,
        Column("applicants", _("Sökande"), "int"),
        Column("eligible", _("Behöriga sökande"), "int"),
        Column("admitted", _("Antagna vid start"), "int"),
        Column("per_admitted", _("Sökande per antagen"), "decimal"),
    ]


def areas_table(applications, *, year: int | None, county_name: str) -> Table:
    rows = [_application_row(row) for row in applications if row.year == year]
    return Table(
        name="omraden",
        caption=_("Sökande och antagna per utbildningsområde, %(county)s %(year)s")
        % {"county": county_name, "year": year or "–"},
        columns=_application_columns(Column("area", _("Utbildningsområde"), link_key="url")),
        rows=rows,
        chart=Chart(
            kind="bar",
            label_key="area",
            series=(("per_admitted", _("Sökande per antagen")),),
            description=_("Stapeldiagram: sökande per antagen per utbildningsområde."),
            horizontal=True,
        ),
    )


def trend_table(applications, *, area: YhArea | None, county_name: str) -> Table:
    wanted = area.name if area else None
    rows = [_application_row(row) for row in applications if row.area_name == wanted]
    return Table(
        name="utveckling",
        caption=_("Utveckling: %(area)s, %(county)s")
        % {"area": area.name if area else _("alla utbildningsområden"), "county": county_name},
        columns=_application_columns(Column("year", _("År"))),
        rows=rows,
        chart=Chart(
            kind="line",
            label_key="year",
            series=(("applicants", _("Sökande")), ("admitted", _("Antagna vid start"))),
            description=_("Linjediagram: sökande och antagna per år."),
        ),
    )


def _outcome_row(outcome) -> dict:
    row = {
        "year": outcome.year,
        "area": outcome.area_name or _("Alla utbildningsområden"),
        "url": f"?omrade={outcome.area_slug}" if outcome.area_slug else "",
        "graduates": outcome.graduates,
    }
    for field in ("work", "employed", "self_employed", "job_seeking", "studying", "other"):
        row[field] = _share(getattr(outcome, field))
    row["work_margin"] = _share(outcome.work_margin)
    return row


OUTCOME_COLUMNS = [
    Column("graduates", _("Examinerade"), "int"),
    Column("work", _("I arbete"), "percent"),
    Column("work_margin", _("Felmarginal i arbete (±)"), "percent"),
    Column("employed", _("Anställda"), "percent"),
    Column("self_employed", _("Egna företagare"), "percent"),
    Column("job_seeking", _("Arbetssökande"), "percent"),
    Column("studying", _("Studerande"), "percent"),
    Column("other", _("Annat"), "percent"),
]


def outcomes_table(outcomes, *, area: YhArea | None) -> Table:
    if area is not None:
        rows = [_outcome_row(o) for o in outcomes]
        first, label_key, name = Column("year", _("År")), "year", "uppfoljning-ar"
        caption = _("Efter examen: %(area)s per år") % {"area": area.name}
    else:
        latest = max((o.year for o in outcomes), default=None)
        rows = [_outcome_row(o) for o in outcomes if o.year == latest]
        first = Column("area", _("Utbildningsområde"), link_key="url")
        label_key, name = "area", "uppfoljning"
        caption = _("Efter examen, examinerade %(year)s") % {"year": latest or "–"}
    return Table(
        name=name,
        caption=caption,
        columns=[first, *OUTCOME_COLUMNS],
        rows=rows,
        chart=Chart(
            kind="bar",
            label_key=label_key,
            series=(("work", _("I arbete")),),
            description=_(
                "Stapeldiagram: andel i arbete efter examen. Felmarginalen står i tabellen."
            ),
            horizontal=area is None,
        ),
    )


def area_occupations_table(*, county: str) -> Table:
    """Every area's linked occupations with their outlook, for the overview."""
    rows = []
    for area in postsecondary.yh_areas():
        links = postsecondary.education_links(kind=EducationOccupation.Kind.YH_AREA, key=area.slug)
        for item in postsecondary.education_outlooks(links, county=county):
            rows.append(
                {
                    "area": area.name,
                    "area_url": f"?omrade={area.slug}",
                    "occupation": item.name,
                    "url": item.url,
                    "situation": item.outlook.recruitment_label
                    if item.outlook
                    else _("Ingen bedömning"),
                    "outlook": item.outlook.outlook_label if item.outlook else "–",
                }
            )
    return Table(
        name="omradesyrken",
        caption=_("Yrken som utbildningsområdena leder till och Arbetsförmedlingens prognos"),
        columns=[
            Column("area", _("Utbildningsområde"), link_key="area_url"),
            Column("occupation", _("Yrke"), link_key="url"),
            Column("situation", _("Rekryteringssituation")),
            Column("outlook", _("Efterfrågan om fem år väntas")),
        ],
        rows=rows,
        empty_text=_("Inga utbildningsområden är kopplade till yrken ännu."),
    )


def yh(request: HttpRequest) -> HttpResponse:
    county, area, year = _choices(request)
    county_name = county_names()[county]
    applications = list(postsecondary.yh_applications(county=county))
    outcomes = list(postsecondary.yh_outcomes(area=area))
    tables = [
        areas_table(applications, year=year, county_name=county_name),
        trend_table(applications, area=area, county_name=county_name),
        outcomes_table(outcomes, area=area),
    ]
    if area is not None:
        links = postsecondary.education_links(kind=EducationOccupation.Kind.YH_AREA, key=area.slug)
        tables.append(occupations_table(postsecondary.education_outlooks(links, county=county)))
    else:
        tables.append(area_occupations_table(county=county))
    context = {
        "tables": tables,
        "title": _("Yrkeshögskolan – sökande och jobb efter examen"),
        "area": area,
        "areas": postsecondary.yh_areas(),
        "county_code": county,
        "counties": County.objects.all(),
        "years": postsecondary.yh_years(),
        "year": year,
        **source_context(),
    }
    return _respond(request, "rekas/yh.html", context, file_stem="rekas-yh")
