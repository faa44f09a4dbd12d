"""University programmes (UHR's admission statistics) in the open API, with the outlook of the
occupations they lead to. Mounted under /api/v1/rekas/ by rekas/api/__init__.py; conventions
in syvsite/api.py. `OccupationOutlookOut` is shared with the YH endpoints."""

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from syvsite.api import PageParams, Paginated, paginate

from ..models import NATIONAL, UniversityProgramme
from ..selectors import postsecondary

router = Router(tags=["REKAS"])


class OccupationOutlookOut(Schema):
    ssyk: str
    name: str
    url: str
    weight: float = Field(description="Andel av kopplingens vikt, 0–1")
    area_code: str | None = Field(description='Bedömningens område: länskod eller "00"')
    recruitment_situation: str | None
    outlook: str | None = Field(description="Efterfrågan om fem år: öka, vara oförändrad, minska")


def outlooks_out(outlooks) -> list[dict]:
    return [
        {
            "ssyk": item.ssyk,
            "name": item.name,
            "url": item.url,
            "weight": round(item.share, 4),
            "area_code": item.outlook.area_code if item.outlook else None,
            "recruitment_situation": item.outlook.recruitment_situation if item.outlook else None,
            "outlook": (item.outlook.outlook or None) if item.outlook else None,
        }
        for item in outlooks
    ]


class UniversityProgrammeOut(Schema):
    code: str = Field(description="Anmälningskod, t.ex. LU-80008")
    name: str
    institution_code: str
    institution: str
    education_type: str
    study_location: str
    study_pace: str
    latest_term: str | None
    applicants: int | None
    first_choice_applicants: int | None
    admitted: int | None = Field(description="Antagna i sista urvalet")
    url: str


class UniversityProgrammePage(Paginated):
    results: list[UniversityProgrammeOut]


class UniversityParams(PageParams):
    q: str = Field("", max_length=100, description="Sökord i namn, anmälningskod eller lärosäte")
    institution: str = Field("", description="Lärosätes-id, t.ex. LU")
    term: str = Field("", description="Termin, t.ex. HT2024")
    location: str = Field("", description="Studieort")


class ScoreOut(Schema):
    selection_round: int = Field(description="Urval 1 eller 2")
    group: str = Field(description="Urvalsgrupp: BI, BII, BF, HP, …")
    score: float | None = Field(description="Lägsta antagna på gruppens egen skala")
    all_eligible_admitted: bool = Field(description='UHR:s "*": alla behöriga antogs')
    nobody_admitted: bool = Field(description='UHR:s "-": ingen antogs i gruppen')
    outside_scale: bool = Field(
        description="Poängen är högre än gruppens skala tillåter (BI/BII 22,5, HP 2,0, BF 4,0): "
        "som publicerat, men bör kontrolleras"
    )
    admitted: int | None
    reserves: int | None


class TermOut(Schema):
    term: str
    year: int
    applicants: int | None
    first_choice_applicants: int | None
    admitted_1: int | None
    reserves_1: int | None
    admitted_2: int | None
    reserves_2: int | None
    scores: list[ScoreOut]


class UniversityProgrammeDetailOut(Schema):
    code: str
    name: str
    institution_code: str
    institution: str
    education_type: str
    study_location: str
    study_pace: str
    sun_code: str
    url: str
    terms: list[TermOut]
    occupations: list[OccupationOutlookOut]


def _summary(programme) -> dict:
    admitted = programme.latest_admitted_2
    return {
        "code": programme.code,
        "name": programme.name,
        "institution_code": programme.institution_code,
        "institution": programme.institution,
        "education_type": programme.education_type,
        "study_location": programme.study_location,
        "study_pace": programme.study_pace,
        "latest_term": programme.latest_term,
        "applicants": programme.latest_applicants,
        "first_choice_applicants": programme.latest_first_choice_applicants,
        "admitted": admitted if admitted is not None else programme.latest_admitted_1,
        "url": programme.get_absolute_url(),
    }


@router.get(
    "/university/programmes",
    response=UniversityProgrammePage,
    summary="Högskoleprogram med senaste antagningen (UHR)",
)
def university_programmes(request: HttpRequest, filters: Query[UniversityParams]) -> dict:
    queryset = postsecondary.university_programmes(
        q=filters.q, institution=filters.institution, term=filters.term, location=filters.location
    )
    rows, meta = paginate(queryset, filters)
    return {**meta, "results": [_summary(programme) for programme in rows]}


def _term(admission) -> dict:
    return {
        "term": admission.term,
        "year": admission.year,
        "applicants": admission.applicants,
        "first_choice_applicants": admission.first_choice_applicants,
        "admitted_1": admission.admitted_1,
        "reserves_1": admission.reserves_1,
        "admitted_2": admission.admitted_2,
        "reserves_2": admission.reserves_2,
        "scores": [
            {
                "selection_round": score.selection_round,
                "group": score.group,
                "score": float(score.score) if score.score is not None else None,
                "all_eligible_admitted": score.mark == "*",
                "nobody_admitted": score.mark == "-",
                "outside_scale": score.outside_scale,
                "admitted": score.admitted,
                "reserves": score.reserves,
            }
            for score in admission.scores.all()
        ],
    }


@router.get(
    "/university/programmes/{code}",
    response={200: UniversityProgrammeDetailOut, 404: dict},
    summary="Ett högskoleprogram: terminer, urvalsgrupper och yrkenas prognos",
)
def university_programme(request: HttpRequest, code: str, county: str = NATIONAL) -> dict:
    """`county`: länskod för yrkenas prognos (annars hela riket, "00")."""
    programme = UniversityProgramme.objects.filter(code=code.upper()).first()
    if programme is None:
        raise HttpError(404, _("Okänd anmälningskod."))
    links = postsecondary.programme_links(programme)
    return {
        "code": programme.code,
        "name": programme.name,
        "institution_code": programme.institution_code,
        "institution": programme.institution,
        "education_type": programme.education_type,
        "study_location": programme.study_location,
        "study_pace": programme.study_pace,
        "sun_code": programme.sun_code,
        "url": programme.get_absolute_url(),
        "terms": [_term(a) for a in reversed(postsecondary.university_history(programme))],
        "occupations": outlooks_out(postsecondary.education_outlooks(links, county=county)),
    }
