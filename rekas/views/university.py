"""University and college programmes (UHR's admission statistics): the list with search and
filters, and one programme's terms, selection groups and the occupations it leads to.

Scores are shown per selection group and never combined: each group has its own scale (BI/BII
up to 22.5, HP 0–2.0, BF up to 4.0), so each group gets its own table and chart.
"""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.text import slugify
from django.utils.translation import gettext as _

from syvsite.regions.models import County

from ..forms import UniversityFilterForm
from ..models import NATIONAL, UniversityProgramme
from ..selectors import county_names, postsecondary
from .postsecondary_tables import occupations_table, source_context
from .public import _respond
from .tables import Chart, Column, Table

PER_PAGE = 50


def _ratio(numerator, denominator) -> float | None:
    return numerator / denominator if numerator is not None and denominator else None


def _programme_row(programme: UniversityProgramme) -> dict:
    admitted = (
        programme.latest_admitted_2
        if programme.latest_admitted_2 is not None
        else programme.latest_admitted_1
    )
    return {
        "name": programme.name,
        "url": programme.get_absolute_url(),
        "code": programme.code,
        "institution": programme.institution,
        "location": programme.study_location,
        "term": programme.latest_term,
        "applicants": programme.latest_applicants,
        "first_choice": programme.latest_first_choice_applicants,
        "admitted": admitted,
        "per_admitted": _ratio(programme.latest_applicants, admitted),
    }


def _programmes_table(rows: list[dict]) -> Table:
    return Table(
        name="program",
        caption=_("Högskoleprogram"),
        columns=[
            Column("name", _("Program"), link_key="url"),
            Column("code", _("Anmälningskod")),
            Column("institution", _("Lärosäte")),
            Column("location", _("Studieort")),
            Column("term", _("Termin")),
            Column("applicants", _("Sökande"), "int"),
            Column("first_choice", _("Förstahandssökande"), "int"),
            Column("admitted", _("Antagna"), "int"),
            Column("per_admitted", _("Sökande per antagen"), "decimal"),
        ],
        rows=rows,
        chart=Chart(
            kind="bar",
            label_key="name",
            series=(("per_admitted", _("Sökande per antagen")),),
            description=_("Stapeldiagram: sökande per antagen för programmen på sidan."),
            horizontal=True,
        ),
        empty_text=_("Inga program matchar sökningen."),
    )


def university_index(request: HttpRequest) -> HttpResponse:
    form = UniversityFilterForm(request.GET or None)
    programmes = postsecondary.university_programmes(**form.filters())
    page_obj = Paginator(programmes, PER_PAGE).get_page(request.GET.get("page"))
    exporting = bool(request.GET.get("export"))
    rows = [_programme_row(p) for p in (programmes if exporting else page_obj.object_list)]
    context = {
        "form": form,
        "page_obj": page_obj,
        "tables": [_programmes_table(rows)],
        "title": _("Högskoleprogram – antagning och arbetsmarknad"),
        **source_context(),
    }
    return _respond(request, "rekas/university_index.html", context, file_stem="rekas-hogskola")


def _score_text(score) -> str:
    if score.mark == "*":
        return _("alla behöriga antogs")
    if score.mark == "-":
        return _("ingen antogs")
    if score.score is None:
        return "–"
    text = f"{score.score:.2f}".replace(".", ",")
    if score.outside_scale:
        return _("%(score)s (över skalans högsta värde %(max)s: kontrollera hos UHR)") % {
            "score": text,
            "max": f"{score.scale_max:.1f}".replace(".", ","),
        }
    return text


def _terms_table(history) -> Table:
    rows = []
    for admission in history:
        admitted = (
            admission.admitted_2 if admission.admitted_2 is not None else admission.admitted_1
        )
        reserves = (
            admission.reserves_2 if admission.admitted_2 is not None else admission.reserves_1
        )
        rows.append(
            {
                "term": admission.term,
                "applicants": admission.applicants,
                "first_choice": admission.first_choice_applicants,
                "admitted": admitted,
                "reserves": reserves,
                "per_admitted": _ratio(admission.applicants, admitted),
                "first_per_admitted": _ratio(admission.first_choice_applicants, admitted),
            }
        )
    return Table(
        name="terminer",
        caption=_("Sökande och antagna per termin"),
        columns=[
            Column("term", _("Termin")),
            Column("applicants", _("Sökande"), "int"),
            Column("first_choice", _("Förstahandssökande"), "int"),
            Column("admitted", _("Antagna"), "int"),
            Column("reserves", _("Reserver"), "int"),
            Column("per_admitted", _("Sökande per antagen"), "decimal"),
            Column("first_per_admitted", _("Förstahandssökande per antagen"), "decimal"),
        ],
        rows=rows,
        chart=Chart(
            kind="line",
            label_key="term",
            series=(("applicants", _("Sökande")), ("admitted", _("Antagna"))),
            description=_("Linjediagram: sökande och antagna per termin."),
        ),
    )


def _scores_tables(history) -> list[Table]:
    """All groups in one table as published, then one trend table and chart per group."""
    rows, by_group = [], {}
    for admission in history:
        for score in admission.scores.all():
            row = {
                "term": admission.term,
                "round": score.selection_round,
                "group": score.group,
                "score": float(score.score) if score.score is not None else None,
                "text": _score_text(score),
                "admitted": score.admitted,
                "reserves": score.reserves,
            }
            rows.append(row)
            by_group.setdefault(score.group, {})[(admission.term, score.selection_round)] = row
    tables = [
        Table(
            name="urvalsgrupper",
            caption=_("Lägsta antagna per termin och urvalsgrupp"),
            columns=[
                Column("term", _("Termin")),
                Column("round", _("Urval")),
                Column("group", _("Urvalsgrupp")),
                Column("text", _("Lägsta antagna")),
                Column("admitted", _("Antagna i gruppen"), "int"),
                Column("reserves", _("Reserver i gruppen"), "int"),
            ],
            rows=rows,
        )
    ]
    for group, cells in sorted(by_group.items()):
        # History order (oldest term first); a later selection round replaces an earlier one.
        last_round = {term: row for (term, _round), row in cells.items()}
        tables.append(
            Table(
                name=f"poang-{slugify(group) or 'grupp'}",
                caption=_("Lägsta antagna, urvalsgrupp %(group)s") % {"group": group},
                columns=[
                    Column("term", _("Termin")),
                    Column("score", _("Poäng"), "decimal"),
                    Column("text", _("Som publicerat")),
                ],
                rows=list(last_round.values()),
                chart=Chart(
                    kind="line",
                    label_key="term",
                    series=(("score", group),),
                    description=_(
                        "Linjediagram: lägsta antagna poäng i urvalsgrupp %(group)s per termin "
                        "(gruppens egen skala; sista urvalet)."
                    )
                    % {"group": group},
                ),
            )
        )
    return tables


def university_programme(request: HttpRequest, code: str) -> HttpResponse:
    programme = get_object_or_404(UniversityProgramme, code=code.upper())
    county_code = request.GET.get("lan") or NATIONAL
    if county_code != NATIONAL and not County.objects.filter(code=county_code).exists():
        county_code = NATIONAL
    history = postsecondary.university_history(programme)
    links = postsecondary.programme_links(programme)
    tables = [
        _terms_table(history),
        *_scores_tables(history),
        occupations_table(postsecondary.education_outlooks(links, county=county_code)),
    ]
    context = {
        "tables": tables,
        "title": programme.name,
        "programme": programme,
        "latest": history[-1] if history else None,
        "county_code": county_code,
        "county_name": county_names()[county_code],
        "counties": County.objects.all(),
        **source_context(),
    }
    return _respond(
        request, "rekas/university_programme.html", context, file_stem=f"rekas-{programme.code}"
    )
