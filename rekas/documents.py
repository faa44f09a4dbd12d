"""Search registration: programmes and occupations (SSYK groups with an outlook).

A search for "undersköterska" finds the occupation with Arbetsförmedlingen's outlook and the
programme that leads there (VO), because each programme document carries the names of its
occupations and each occupation document the programmes that lead to it.
"""

from collections import Counter

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from elasticsearch_dsl import Keyword

from search.documents import BaseDocument, SwedishText
from search.registry import Facet, Related, SearchType, register
from search.text import joined

from .models import (
    NATIONAL,
    Assessment,
    Occupation,
    Programme,
    UniversityProgramme,
    YhArea,
    YhOutcome,
)
from .selectors import Outlook, county_names, latest_round, outlook_for

PROGRAMME_TYPE = "rekas_programme"
OCCUPATION_TYPE = "rekas_occupation"


class ProgrammeDocument(BaseDocument):
    code = Keyword()
    programme_kind = Keyword()
    occupations = SwedishText()


class OccupationDocument(BaseDocument):
    ssyk = Keyword()
    area = Keyword()
    recruitment_situation = Keyword()
    programmes = SwedishText()


def programme_queryset() -> QuerySet:
    return Programme.objects.all()


def programme_to_document(programme: Programme) -> dict:
    links = programme.occupation_links.select_related("occupation").order_by("-weight")
    occupation_names = list(dict.fromkeys(link.occupation.name for link in links))
    orientations = [o.name for o in programme.orientations.all()]
    leads_to = ", ".join(occupation_names[:8])
    return {
        "title": programme.name,
        "summary": str(_("%(kind)s. Leder bland annat till: %(occupations)s."))
        % {"kind": programme.get_kind_display(), "occupations": leads_to or "–"},
        "body": joined(programme.description, ", ".join(orientations)),
        "occupations": "\n".join(occupation_names),
        "url": programme.get_absolute_url(),
        "audience": [str(_("Gymnasieskola"))],
        "tags": [programme.code, *(o.code for o in programme.orientations.all())],
        "code": programme.code,
        "programme_kind": programme.kind,
    }


def occupation_queryset() -> QuerySet:
    return Occupation.objects.filter(
        Q(barometer_occupations__isnull=False) | Q(programme_links__isnull=False)
    ).distinct()


def occupation_to_document(occupation: Occupation) -> dict:
    outlook = outlook_for(ssyk=occupation.ssyk, county_code=NATIONAL)
    barometer_names = list(occupation.barometer_occupations.values_list("name", flat=True))
    programmes = list(
        dict.fromkeys(
            link.programme.name for link in occupation.programme_links.select_related("programme")
        )
    )
    if outlook is None:
        outlook = _most_common_outlook(occupation)
    if outlook:
        summary = str(
            _(
                "Rekryteringssituation (%(where)s): %(situation)s. Efterfrågan om fem år väntas: %(outlook)s (Yrkesbarometern %(round)s)."
            )
        ) % {
            "where": county_names().get(outlook.area_code, outlook.area_code),
            "situation": outlook.recruitment_label.lower(),
            "outlook": outlook.outlook_label.lower(),
            "round": outlook.round,
        }
    else:
        summary = str(_("Arbetsförmedlingen har ingen bedömning av yrket."))
    if programmes:
        summary += " " + str(_("Utbildning: %(programmes)s.")) % {
            "programmes": ", ".join(programmes[:4])
        }
    return {
        "title": occupation.name,
        "summary": summary,
        "body": joined(", ".join(barometer_names), outlook.text if outlook else ""),
        "programmes": "\n".join(programmes),
        "url": occupation.get_absolute_url(),
        "tags": [occupation.ssyk],
        "ssyk": occupation.ssyk,
        "area": occupation.area.name if occupation.area_id else "",
        "recruitment_situation": outlook.recruitment_situation if outlook else "",
    }


def _most_common_outlook(occupation: Occupation) -> Outlook | None:
    """Without a national assessment: the situation most counties have (ties: first by code)."""
    areas = Assessment.objects.filter(
        barometer_occupation__occupations=occupation, round=latest_round()
    ).exclude(recruitment_situation="")
    counts = Counter(areas.values_list("recruitment_situation", flat=True))
    if not counts:
        return None
    situation = counts.most_common(1)[0][0]
    area = areas.filter(recruitment_situation=situation).order_by("area_code").first()
    return outlook_for(ssyk=occupation.ssyk, county_code=area.area_code)


register(
    SearchType(
        name=PROGRAMME_TYPE,
        label=_("Gymnasieprogram"),
        document=ProgrammeDocument,
        model="rekas.Programme",
        get_queryset=programme_queryset,
        to_document=programme_to_document,
        facets=(Facet("programme_kind", _("Programtyp"), labels=dict(Programme.Kind.choices)),),
        related=(Related("rekas.ProgrammeOccupation", lambda link: [link.programme_id]),),
        query_fields=("title^3", "summary^2", "occupations^2", "body"),
    )
)

register(
    SearchType(
        name=OCCUPATION_TYPE,
        label=_("Yrken och prognoser"),
        document=OccupationDocument,
        model="rekas.Occupation",
        get_queryset=occupation_queryset,
        to_document=occupation_to_document,
        facets=(
            Facet(
                "recruitment_situation",
                _("Rekryteringssituation"),
                labels=dict(Assessment.Situation.choices),
            ),
            Facet("area", _("Yrkesområde")),
        ),
        # Assessments are written only by the Yrkesbarometer import, in bulk, which then calls
        # enqueue_after_import (per-row signals on ~4,800 rows would be slow).
        related=(Related("rekas.ProgrammeOccupation", lambda link: [link.occupation_id]),),
        query_fields=("title^3", "summary^2", "programmes", "body"),
    )
)


def enqueue_after_import(*, programmes: bool = False, occupations: bool = False) -> None:
    """Bulk writes send no signals: after an import, re-index what it touched."""
    from search.outbox import enqueue

    if programmes:
        enqueue(
            doc_type=PROGRAMME_TYPE, object_ids=programme_queryset().values_list("pk", flat=True)
        )
    if occupations:
        enqueue(
            doc_type=OCCUPATION_TYPE, object_ids=Occupation.objects.values_list("pk", flat=True)
        )


# After upper-secondary school: university programmes (UHR) and YH areas, each with the
# occupations they lead to, so a search for an occupation finds the educations too.
UNIVERSITY_TYPE = "rekas_university"


class UniversityProgrammeDocument(BaseDocument):
    code = Keyword()
    institution = Keyword()
    occupations = SwedishText()


def university_queryset() -> QuerySet:
    return UniversityProgramme.objects.all()


def university_to_document(programme: UniversityProgramme) -> dict:
    from .selectors.postsecondary import programme_links

    latest = programme.admissions.order_by("-term_order").first()
    occupation_names = [link.occupation.name for link in programme_links(programme)]
    figures = (
        str(_("Senaste termin %(term)s: %(applicants)s sökande."))
        % {"term": latest.term, "applicants": latest.applicants or "–"}
        if latest
        else ""
    )
    return {
        "title": programme.name,
        "summary": joined(
            programme.institution,
            figures,
            str(_("Leder bland annat till: %(occupations)s."))
            % {"occupations": ", ".join(occupation_names[:6])}
            if occupation_names
            else "",
        ),
        "body": joined(programme.code, programme.study_location, programme.education_type),
        "occupations": "\n".join(occupation_names),
        "url": programme.get_absolute_url(),
        "audience": [str(_("Högskola"))],
        "tags": [programme.code, programme.institution_code],
        "code": programme.code,
        "institution": programme.institution,
    }


register(
    SearchType(
        name=UNIVERSITY_TYPE,
        label=_("Högskoleprogram"),
        document=UniversityProgrammeDocument,
        model="rekas.UniversityProgramme",
        get_queryset=university_queryset,
        to_document=university_to_document,
        facets=(Facet("institution", _("Lärosäte")),),
        related=(Related("rekas.EducationOccupation", lambda link: _linked_programmes(link)),),
        query_fields=("title^3", "summary^2", "occupations^2", "body"),
    )
)


YH_AREA_TYPE = "rekas_yh_area"


class YhAreaDocument(BaseDocument):
    occupations = SwedishText()


def yh_area_queryset() -> QuerySet:
    return YhArea.objects.all()


def yh_area_to_document(area: YhArea) -> dict:
    from .selectors.postsecondary import education_links

    names = [link.occupation.name for link in education_links(kind="yh_area", key=area.slug)]
    outcome = (
        YhOutcome.objects.filter(area=area, sex="total", work__isnull=False)
        .order_by("-year")
        .first()
    )
    in_work = (
        str(_("I arbete efter examen: %(share)s %% (±%(margin)s), %(year)s."))
        % {
            "share": f"{float(outcome.work):g}",
            "margin": f"{float(outcome.work_margin):g}" if outcome.work_margin is not None else "–",
            "year": outcome.year,
        }
        if outcome
        else ""
    )
    leads_to = (
        str(_("Leder bland annat till: %(occupations)s.")) % {"occupations": ", ".join(names[:6])}
        if names
        else ""
    )
    return {
        "title": str(_("Yrkeshögskolan: %(area)s")) % {"area": area.name},
        "summary": joined(in_work, leads_to),
        "body": area.name,
        "occupations": "\n".join(names),
        "url": area.get_absolute_url(),
        "audience": [str(_("Yrkeshögskola"))],
        "tags": [area.slug],
    }


register(
    SearchType(
        name=YH_AREA_TYPE,
        label=_("Yrkeshögskolans utbildningsområden"),
        document=YhAreaDocument,
        model="rekas.YhArea",
        get_queryset=yh_area_queryset,
        to_document=yh_area_to_document,
        related=(
            Related(
                "rekas.EducationOccupation",
                lambda link: (
                    YhArea.objects.filter(slug=link.key).values_list("pk", flat=True)
                    if link.kind == "yh_area"
                    else []
                ),
            ),
        ),
        query_fields=("title^3", "summary^2", "occupations^2", "body"),
    )
)


def _linked_programmes(link) -> list[int]:
    field = {"university": "code", "sun": "sun_code"}.get(link.kind)
    if field is None:
        return []
    return list(
        UniversityProgramme.objects.filter(**{field: link.key}).values_list("pk", flat=True)
    )


def enqueue_postsecondary(*, universities=(), yh_areas=()) -> None:
    """Bulk imports send no signals: re-index the programmes and areas an import touched."""
    from search.outbox import enqueue

    enqueue(doc_type=UNIVERSITY_TYPE, object_ids=universities)
    enqueue(doc_type=YH_AREA_TYPE, object_ids=yh_areas)
