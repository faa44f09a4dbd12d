"""The outlook tables (and charts) of the REKAS pages: the occupations a programme leads to
and Arbetsförmedlingen's assessments of an occupation, read through selectors."""

from collections import Counter

from django.utils.translation import gettext as _

from .. import selectors
from ..models import NATIONAL
from ..selectors import statistics
from .tables import Chart, Column, Table


def programme_occupations_table(*, study_path: str, county: str) -> Table:
    links = selectors.programme_links(study_path=study_path)
    total = sum(float(link.weight) for link in links) or 1
    rows = []
    for link in links:
        outlook = selectors.outlook_for(ssyk=link.occupation.ssyk, county_code=county)
        rows.append(
            {
                "ssyk": link.occupation.ssyk,
                "occupation": link.occupation.name,
                "url": link.occupation.get_absolute_url(),
                "weight": float(link.weight) / total,
                "situation": outlook.recruitment_label if outlook else _("Ingen bedömning"),
                "outlook": outlook.outlook_label if outlook else "–",
                "level": (
                    _("Hela riket (länet saknar bedömning)")
                    if outlook.is_national_fallback
                    else _("Länet")
                )
                if outlook
                else "–",
            }
        )
    return Table(
        name="yrken",
        caption=_("Yrken som utbildningen leder till och deras prognos"),
        columns=[
            Column("ssyk", _("SSYK")),
            Column("occupation", _("Yrke"), link_key="url"),
            Column("weight", _("Vikt"), "percent"),
            Column("situation", _("Rekryteringssituation")),
            Column("outlook", _("Efterfrågan om fem år väntas")),
            Column("level", _("Bedömningens område")),
        ],
        rows=rows,
    )


def outlook_share_table(*, study_path: str, county: str) -> Table:
    row = statistics.outlook_share(study_path=study_path, county=county) or {}
    labels = [
        ("shortage", _("Brist")),
        ("paradox", _("Paradox")),
        ("balance", _("Balans")),
        ("surplus", _("Överskott")),
        ("increase", _("Efterfrågan ökar om fem år")),
        ("unchanged", _("Oförändrad om fem år")),
        ("decrease", _("Minskar om fem år")),
        ("coverage", _("Andel av vikten med bedömning")),
        ("fallback_weight", _("Andel där rikets bedömning används")),
    ]
    return Table(
        name="prognosandelar",
        caption=_("Viktad prognos för yrkena"),
        columns=[Column("label", _("Mått")), Column("share", _("Andel"), "percent")],
        rows=[{"label": label, "share": row.get(key)} for key, label in labels] if row else [],
        chart=Chart(
            kind="bar",
            label_key="label",
            series=(("share", _("Andel")),),
            description=_("Stapeldiagram: viktad andel av yrkena i brist, balans och överskott."),
        ),
        empty_text=_(
            "Arbetsförmedlingen har ingen bedömning av yrkena som utbildningen leder till."
        ),
    )


def occupation_outlook_table(*, occupation, round: str | None) -> Table:
    names = selectors.county_names()
    assessments = selectors.occupation_assessments(occupation, round=round)
    rows = [
        {
            "area": names.get(a.area_code, a.area_code),
            "barometer": a.barometer_occupation.name,
            "opportunities": a.get_job_opportunities_display() or _("Ingen bedömning"),
            "situation": a.get_recruitment_situation_display() or _("Ingen bedömning"),
            "outlook": a.get_outlook_display() or _("Ingen bedömning"),
            "level": a.assessment_level,
            "partial": _("Delvis") if a.partial else _("Helt"),
        }
        for a in assessments
    ]
    return Table(
        name="bedomningar",
        caption=_("Arbetsförmedlingens bedömning per län, omgång %(round)s")
        % {"round": round or "–"},
        columns=[
            Column("area", _("Område")),
            Column("barometer", _("Yrke i Yrkesbarometern")),
            Column("opportunities", _("Jobbmöjligheter")),
            Column("situation", _("Rekryteringssituation")),
            Column("outlook", _("Efterfrågan om fem år väntas")),
            Column("level", _("Högsta bedömningsnivå")),
            Column("partial", _("Underlag för länet")),
        ],
        rows=rows,
    )


def situation_count_table(outlook_table: Table) -> Table:
    national = selectors.county_names()[NATIONAL]
    counts = Counter(row["situation"] for row in outlook_table.rows if row["area"] != national)
    return Table(
        name="situationer",
        caption=_("Antal län per rekryteringssituation"),
        columns=[
            Column("situation", _("Rekryteringssituation")),
            Column("counties", _("Antal län"), "int"),
        ],
        rows=[
            {"situation": situation, "counties": number}
            for situation, number in counts.most_common()
        ],
        chart=Chart(
            kind="bar",
            label_key="situation",
            series=(("counties", _("Antal län")),),
            description=_("Stapeldiagram: antal län per rekryteringssituation."),
        ),
    )


def occupation_history_table(*, occupation) -> Table:
    assessments = selectors.occupation_assessments(occupation, areas=[NATIONAL])
    rows = [
        {
            "round": a.round,
            "barometer": a.barometer_occupation.name,
            "situation": a.get_recruitment_situation_display() or _("Ingen bedömning"),
            "outlook": a.get_outlook_display() or _("Ingen bedömning"),
        }
        for a in assessments.order_by("-round")
    ]
    return Table(
        name="historik",
        caption=_("Bedömning för hela riket per omgång"),
        columns=[
            Column("round", _("Omgång")),
            Column("barometer", _("Yrke i Yrkesbarometern")),
            Column("situation", _("Rekryteringssituation")),
            Column("outlook", _("Efterfrågan om fem år väntas")),
        ],
        rows=rows,
    )


def programmes_for_occupation_table(*, occupation) -> Table:
    links = selectors.programme_links(occupation=occupation)
    rows = [
        {
            "programme": link.programme.name,
            "orientation": link.orientation.name if link.orientation else _("Hela programmet"),
            "study_path": link.study_path,
            "weight": float(link.weight),
            "url": link.programme.get_absolute_url(),
        }
        for link in links
    ]
    return Table(
        name="program",
        caption=_("Utbildningar som leder till yrket"),
        columns=[
            Column("programme", _("Program"), link_key="url"),
            Column("orientation", _("Inriktning")),
            Column("study_path", _("Studieväg")),
            Column("weight", _("Vikt i kopplingen"), "percent"),
        ],
        rows=rows,
    )
