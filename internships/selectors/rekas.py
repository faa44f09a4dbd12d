"""What the placement board reads from REKAS: its programmes and SSYK occupations (loaded by
its reference-data migration), and Yrkesbarometern's outlook for a listing's occupation."""

import logging
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rekas.models import Occupation, Programme
from rekas.selectors import outlook_for as rekas_outlook_for

logger = logging.getLogger(__name__)

SITUATION_HEADLINES = {
    "brist": gettext_lazy("Brist på arbetskraft"),
    "balans": gettext_lazy("Balans mellan utbud och efterfrågan"),
    "överskott": gettext_lazy("Överskott på arbetskraft"),
    "paradox": gettext_lazy("Svårt att rekrytera trots många sökande"),
}


@dataclass(frozen=True)
class Outlook:
    """What a listing shows, e.g. "Brist på arbetskraft i länet", with the source round."""

    headline: str
    detail: str = ""
    is_shortage: bool = False
    round: str = ""
    url: str = ""
    is_national: bool = False


def programme_choices() -> list[tuple[str, str]]:
    """(code, name) of every upper-secondary programme, e.g. ("VO", "Vård- och omsorgs…")."""
    return list(Programme.objects.values_list("code", "name"))


def programme_names(codes) -> list[str]:
    names = dict(programme_choices())
    return [names.get(code, code) for code in codes]


def occupation_choices() -> list[tuple[str, str]]:
    """SSYK 2012 groups as (code, "Name (code)")."""
    return [
        (ssyk, f"{name} ({ssyk})")
        for ssyk, name in Occupation.objects.order_by("name").values_list("ssyk", "name")
    ]


def occupation_name(ssyk: str) -> str:
    if not ssyk:
        return ""
    return Occupation.objects.filter(ssyk=ssyk).values_list("name", flat=True).first() or ""


def outlook_for(*, ssyk: str, county_code: str) -> Outlook | None:
    if not ssyk or not county_code:
        return None
    try:
        result = rekas_outlook_for(ssyk=ssyk, county_code=county_code)
    except Exception:  # noqa: BLE001 - the outlook is an extra: a REKAS fault must not break a listing page
        logger.exception("REKAS outlook failed for %s in %s", ssyk, county_code)
        return None
    if result is None or result.recruitment_situation not in SITUATION_HEADLINES:
        return None
    national = result.is_national_fallback
    where = _("i riket") if national else _("i länet")
    detail = _("Jobbmöjligheter: %(chances)s. Efterfrågan om fem år väntas: %(outlook)s.") % {
        "chances": result.job_opportunities_label.lower(),
        "outlook": result.outlook_label.lower(),
    }
    return Outlook(
        headline=f"{SITUATION_HEADLINES[result.recruitment_situation]} {where}",
        detail=detail,
        is_shortage=result.recruitment_situation == "brist",
        round=result.round,
        url=result.url,
        is_national=national,
    )
