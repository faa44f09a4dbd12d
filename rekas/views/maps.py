"""The REKAS maps (syvsite.maps): counties on the national page, a county's municipalities on
its page. Söktryck and matching follow the page's filters (year, round, programme kind)."""

import math

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from syvsite.maps import AreaValue, Map, categorical, choropleth, diverging
from syvsite.maps.scales import swedish

from .. import selectors
from ..forms import MapForm
from ..labels import Match
from ..models import NATIONAL, AdmissionStatistic, Assessment, Occupation
from ..selectors import statistics
from .admission_tables import Filters

# Around 1.0: fewer first-choice applicants than places below it, more above it.
PRESSURE_SCALE = ([0.6, 0.9, 1.1, 1.5], 1)
# The demand index runs from −1 to 1; ±0.2 are the limits REKAS uses for weak and demanded.
DEMAND_BREAKS = [-0.6, -0.2, 0.2, 0.6]
# Recruitment situations from a surplus of workers to a shortage (purple: jobs to be had).
SITUATIONS = [
    Assessment.Situation.SURPLUS,
    Assessment.Situation.BALANCE,
    Assessment.Situation.PARADOX,
    Assessment.Situation.SHORTAGE,
]


def _admission_source(filters: Filters) -> str:
    return _("Antagningsstatistik från de regionala antagningskanslierna, %(year)s, %(round)s.") % {
        "year": filters.year or "–",
        "round": _round_label(filters.round),
    }


def _round_label(round_: str) -> str:
    return str(dict(AdmissionStatistic.Round.choices).get(round_, round_)).lower()


def _number(value) -> float | None:
    if value is None:
        return None
    number = float(value)
    return None if math.isnan(number) else number


def _pressure_values(areas: list[dict], url_name: str) -> list[AreaValue]:
    values = []
    for row in areas:
        pressure = _number(row.get("applicants_per_place"))
        if pressure is None:
            continue
        values.append(
            AreaValue(
                row["area_code"],
                pressure,
                _("%(value)s förstahandssökande per plats") % {"value": swedish(pressure, 2)},
                url=reverse(url_name, args=[row["area_code"]]),
            )
        )
    return values


def _pressure_map(*, map_id: str, title: str, values, filters, **where) -> Map:
    breaks, decimals = PRESSURE_SCALE
    return choropleth(
        map_id=map_id,
        title=title,
        values=values,
        scale=diverging(breaks, decimals=decimals),
        source=_admission_source(filters),
        value_label=_("Förstahandssökande per plats"),
        **where,
    )


def _matching_map(programmes: list[dict], filters: Filters, name: str) -> Map:
    values = []
    for row in programmes:
        index = _number(row.get("demand_index"))
        if index is None or row["county_code"] == NATIONAL:
            continue
        text = _("efterfrågeindex %(value)s, %(label)s") % {
            "value": swedish(index, 2),
            "label": str(Match.LABELS[row["match"]]).lower(),
        }
        url = reverse("rekas:county", args=[row["county_code"]])
        values.append(AreaValue(row["county_code"], index, text, url=url))
    return choropleth(
        map_id="karta-lan",
        title=_("Matchning per län: %(programme)s") % {"programme": name},
        areas="county",
        values=values,
        scale=diverging(DEMAND_BREAKS, decimals=1),
        source=_admission_source(filters)
        + " "
        + _("Prognoser: Arbetsförmedlingen, Yrkesbarometern (CC0)."),
        value_label=_("Efterfrågeindex (−1 till 1)"),
    )


def _occupation_map(occupation: Occupation, round_: str | None) -> Map:
    values, seen = [], set()
    for assessment in selectors.occupation_assessments(occupation, round=round_):
        code = assessment.area_code
        if code == NATIONAL or code in seen or not assessment.recruitment_situation:
            continue
        seen.add(code)  # the first barometer occupation by name, as outlook_for picks
        text = _(
            "%(situation)s; jobbmöjligheter %(chances)s; efterfrågan om fem år: %(outlook)s"
        ) % {
            "situation": assessment.get_recruitment_situation_display(),
            "chances": (assessment.get_job_opportunities_display() or "–").lower(),
            "outlook": (assessment.get_outlook_display() or "–").lower(),
        }
        url = reverse("rekas:county", args=[code])
        values.append(AreaValue(code, assessment.recruitment_situation, text, url=url))
    scale = categorical([(s.value, s.label) for s in SITUATIONS], palette="diverging")
    return choropleth(
        map_id="karta-lan",
        title=_("Rekryteringssituation per län: %(occupation)s") % {"occupation": occupation.name},
        areas="county",
        values=values,
        scale=scale,
        source=_("Arbetsförmedlingen, Yrkesbarometern, bedömningsomgång %(round)s (CC0).")
        % {"round": round_ or "–"},
        value_label=_("Arbetsförmedlingens bedömning"),
    )


def national_map(
    request: HttpRequest, filters: Filters, counties: list[dict]
) -> tuple[MapForm, Map]:
    """The counties coloured as the visitor chose in the map form (default: söktryck);
    `counties` are the page's totals per county (selectors.statistics.totals)."""
    round_ = selectors.latest_round()
    occupations = (
        Occupation.objects.filter(barometer_occupations__assessments__round=round_)
        .distinct()
        .order_by("name")
    )
    form = MapForm(request.GET if "karta" in request.GET else None, occupations=occupations)
    measure, programme, ssyk = form.choice()
    if measure == MapForm.YRKE:
        return form, _occupation_map(occupations.get(ssyk=ssyk), round_)
    name = dict(form.fields["program"].choices).get(programme, "") if programme else ""
    if programme:
        counties = statistics.programmes(
            level=statistics.Level.COUNTY,
            year=filters.year,
            round=filters.round,
            programme=programme,
            kind=filters.kind,
        )
    if measure == MapForm.MATCHNING:
        return form, _matching_map(counties, filters, name)
    title = (
        _("Söktryck per län: %(programme)s") % {"programme": name}
        if programme
        else _("Söktryck per län, alla program")
    )
    values = _pressure_values(counties, "rekas:county")
    return form, _pressure_map(
        map_id="karta-lan", title=title, values=values, filters=filters, areas="county"
    )


def county_map(county, municipalities: list[dict], filters: Filters) -> Map:
    """A county's municipalities coloured by söktryck (every programme of the chosen kind;
    `municipalities`: their totals, selectors.statistics.totals)."""
    return _pressure_map(
        map_id="karta-kommuner",
        title=_("Söktryck per kommun i %(county)s") % {"county": county.name},
        values=_pressure_values(municipalities, "rekas:municipality"),
        filters=filters,
        areas="municipality",
        county=county.code,
    )
