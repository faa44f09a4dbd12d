"""REKAS pages. Each view parses filters, builds its tables (admission_tables, outlook_tables)
and renders or exports them.

`?export=<table name>&format=csv|xlsx` on any page downloads one of its tables.
"""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from syvsite.regions.models import County, Municipality

from .. import selectors
from ..forms import AreaForm, CompareForm, FilterForm
from ..models import NATIONAL, AdmissionStatistic, Occupation, Programme
from ..selectors import statistics
from ..selectors.statistics import Level
from . import admission_tables, maps, outlook_tables
from .admission_tables import Filters
from .exports import export_response
from .postsecondary_tables import matching_rate_tables


def _filters(request: HttpRequest, state: selectors.State) -> tuple[FilterForm, Filters]:
    default_year, default_round = state.published.default
    data = {"year": default_year or "", "round": default_round, "kind": ""}
    data.update({key: request.GET[key] for key in data if key in request.GET})
    form = FilterForm(data, published=state.published)
    year, round_, kind = form.values()
    return form, Filters(year=year, round=round_, kind=kind)


def _source_context(state: selectors.State, filters: Filters | None = None) -> dict:
    return {
        "barometer_round": state.barometer_round,
        "demo_assessments": state.demo_assessments,
        "demo_admissions": state.demo_admissions,
        "filters": filters,
        "round_label": dict(AdmissionStatistic.Round.choices).get(filters.round) if filters else "",
        "pending_rows": state.pending_rows,
    }


def _respond(request: HttpRequest, template: str, context: dict, *, file_stem: str):
    wanted = request.GET.get("export")
    if wanted:
        table = next((t for t in context["tables"] if t.name == wanted), None)
        if table is None:
            raise Http404(_("Tabellen finns inte."))
        file_format = "xlsx" if request.GET.get("format") == "xlsx" else "csv"
        return export_response(
            table, file_format=file_format, file_stem=f"{file_stem}-{table.name}"
        )
    for table in context["tables"]:
        table.set_export_links(request.GET)
    context["charts"] = [
        {"id": f"chart-{table.name}", "data": table.chart_data()}
        for table in context["tables"]
        if table.chart_data()
    ]
    return render(request, template, context)


def index(request: HttpRequest) -> HttpResponse:
    area_form = AreaForm(request.GET or None)
    if area_form.is_valid():
        if area_form.cleaned_data.get("kommun"):
            return redirect("rekas:municipality", code=area_form.cleaned_data["kommun"])
        if area_form.cleaned_data.get("lan"):
            return redirect("rekas:county", code=area_form.cleaned_data["lan"])
    state = selectors.state()
    form, filters = _filters(request, state)
    where = {"year": filters.year, "round": filters.round, "kind": filters.kind}
    country = statistics.area(level=Level.COUNTRY, area_code=NATIONAL, **where)
    counties = statistics.totals(level=Level.COUNTY, **where)
    tables = [
        admission_tables.programme_matching_table(
            country.programmes,
            caption=_("Program i hela riket"),
            note=admission_tables.partial_note(country.total),
        ),
        admission_tables.area_table(
            counties,
            names=selectors.county_names(),
            url_name="rekas:county",
            caption=_("Län"),
            name="lan",
            note=admission_tables.partial_note(country.total),
        ),
        admission_tables.trend_table(country.history, caption=_("Utveckling i hela riket")),
    ]
    map_form, county_map = maps.national_map(request, filters, counties)
    context = {
        "area_form": area_form,
        "form": form,
        "map_form": map_form,
        "map": county_map,
        "tables": tables,
        "title": _("REKAS – gymnasieantagning och arbetsmarknad"),
        "programmes": Programme.objects.exclude(kind=Programme.Kind.INTRODUCTION),
        **_source_context(state, filters),
    }
    return _respond(request, "rekas/index.html", context, file_stem="rekas-riket")


def county(request: HttpRequest, code: str) -> HttpResponse:
    county = get_object_or_404(County, code=code)
    state = selectors.state()
    form, filters = _filters(request, state)
    where = {"year": filters.year, "round": filters.round, "kind": filters.kind}
    own = statistics.area(level=Level.COUNTY, area_code=code, **where)
    municipalities = statistics.totals(level=Level.MUNICIPALITY, county_code=code, **where)
    tables = [
        admission_tables.programme_matching_table(
            own.programmes,
            caption=_("Program i %(area)s") % {"area": county.name},
            note=admission_tables.partial_note(own.total),
        ),
        admission_tables.trend_table(
            own.history, caption=_("Utveckling i %(area)s") % {"area": county.name}
        ),
        admission_tables.area_table(
            municipalities,
            names=dict(county.municipalities.values_list("code", "name")),
            url_name="rekas:municipality",
            caption=_("Kommuner i %(area)s") % {"area": county.name},
            name="kommuner",
            note=admission_tables.partial_note(own.total),
        ),
    ]
    scb_tables, scb_sources = matching_rate_tables(county_code=code, county_name=county.name)
    context = {
        "form": form,
        "tables": [*tables, *scb_tables],
        "map": maps.county_map(county, municipalities, filters),
        "title": county.name,
        "county": county,
        "scb_sources": scb_sources,
        **_source_context(state, filters),
    }
    return _respond(request, "rekas/area.html", context, file_stem=f"rekas-{county.name}")


def municipality(request: HttpRequest, code: str) -> HttpResponse:
    municipality = get_object_or_404(Municipality.objects.select_related("county"), code=code)
    state = selectors.state()
    form, filters = _filters(request, state)
    own = statistics.area(
        level=Level.MUNICIPALITY,
        area_code=code,
        year=filters.year,
        round=filters.round,
        kind=filters.kind,
    )
    tables = [
        admission_tables.programme_matching_table(
            own.programmes,
            caption=_("Program i %(area)s") % {"area": municipality.name},
            note=admission_tables.partial_note(own.total),
        ),
        admission_tables.trend_table(
            own.history, caption=_("Utveckling i %(area)s") % {"area": municipality.name}
        ),
        admission_tables.schools_table(
            own.schools,
            caption=_("Skolor och program i %(area)s") % {"area": municipality.name},
        ),
    ]
    context = {
        "form": form,
        "tables": tables,
        "title": municipality.name,
        "county": municipality.county,
        "municipality": municipality,
        **_source_context(state, filters),
    }
    return _respond(request, "rekas/area.html", context, file_stem=f"rekas-{municipality.name}")


def programme(request: HttpRequest, code: str) -> HttpResponse:
    programme = get_object_or_404(Programme, code=code.upper())
    state = selectors.state()
    form, filters = _filters(request, state)
    county_code = request.GET.get("lan") or NATIONAL
    if county_code != NATIONAL and not County.objects.filter(code=county_code).exists():
        county_code = NATIONAL
    study_path = request.GET.get("inriktning") or programme.code
    if not programme.orientations.filter(code=study_path).exists():
        study_path = programme.code
    names = selectors.county_names()
    by_county = admission_tables.county_programme_table(
        statistics.programmes(
            level=Level.COUNTY, year=filters.year, round=filters.round, programme=programme.code
        ),
        caption=_("%(programme)s per län") % {"programme": programme.name},
    )
    tables = [
        outlook_tables.programme_occupations_table(study_path=study_path, county=county_code),
        outlook_tables.outlook_share_table(study_path=study_path, county=county_code),
        by_county,
        admission_tables.trend_table(
            statistics.programme_history(programme=programme.code, round=filters.round),
            caption=_("Utveckling i hela riket"),
        ),
    ]
    context = {
        "form": form,
        "tables": tables,
        "title": programme.name,
        "programme": programme,
        "orientations": programme.orientations.all(),
        "study_path": study_path,
        "county_code": county_code,
        "counties": County.objects.all(),
        "county_name": names[county_code],
        **_source_context(state, filters),
    }
    return _respond(request, "rekas/programme.html", context, file_stem=f"rekas-{programme.code}")


def occupation(request: HttpRequest, ssyk: str) -> HttpResponse:
    occupation = get_object_or_404(Occupation.objects.select_related("area"), ssyk=ssyk)
    round_options = selectors.rounds()
    round_ = request.GET.get("omgang")
    if round_ not in round_options:
        round_ = round_options[0] if round_options else None
    outlook_table = outlook_tables.occupation_outlook_table(occupation=occupation, round=round_)
    tables = [
        outlook_table,
        outlook_tables.situation_count_table(outlook_table),
        outlook_tables.programmes_for_occupation_table(occupation=occupation),
        outlook_tables.occupation_history_table(occupation=occupation),
    ]
    context = {
        "tables": tables,
        "title": occupation.name,
        "occupation": occupation,
        "national": selectors.outlook_for(ssyk=ssyk, county_code=NATIONAL, round=round_),
        "round_options": round_options,
        "selected_round": round_,
        **_source_context(selectors.state()),
    }
    return _respond(request, "rekas/occupation.html", context, file_stem=f"rekas-yrke-{ssyk}")


def compare(request: HttpRequest) -> HttpResponse:
    compare_form = CompareForm(request.GET if "a" in request.GET else None)
    state = selectors.state()
    form, filters = _filters(request, state)
    tables = []
    labels = None
    if compare_form.is_valid():
        a = selectors.area(compare_form.cleaned_data["a"])
        b = selectors.area(compare_form.cleaned_data["b"])
        if a and b:
            labels = (a.name, b.name)
            where = {"year": filters.year, "round": filters.round, "kind": filters.kind}
            tables.append(
                admission_tables.compare_table(
                    statistics.programmes(level=a.level, area_code=a.code, **where),
                    statistics.programmes(level=b.level, area_code=b.code, **where),
                    label_a=a.name,
                    label_b=b.name,
                )
            )
    context = {
        "form": form,
        "compare_form": compare_form,
        "tables": tables,
        "labels": labels,
        "title": _("Jämför två områden"),
        **_source_context(state, filters),
    }
    return _respond(request, "rekas/compare.html", context, file_stem="rekas-jamforelse")
