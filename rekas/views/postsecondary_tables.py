"""Pieces shared by the post-secondary pages (university, YH, SCB on county pages): the table of
occupations an education leads to, with Arbetsförmedlingen's outlook, and the source context."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from .. import selectors
from ..models import DEMO_SOURCE
from ..selectors import postsecondary
from ..selectors.postsecondary import EducationOutlook
from .tables import Chart, Column, Table


def occupations_table(outlooks: list[EducationOutlook], *, name: str = "yrken") -> Table:
    rows = [
        {
            "ssyk": item.ssyk,
            "occupation": item.name,
            "url": item.url,
            "weight": item.share,
            "situation": item.outlook.recruitment_label if item.outlook else _("Ingen bedömning"),
            "outlook": item.outlook.outlook_label if item.outlook else "–",
            "level": (
                (
                    _("Hela riket (länet saknar bedömning)")
                    if item.outlook.is_national_fallback
                    else (_("Hela riket") if item.outlook.area_code == "00" else _("Länet"))
                )
                if item.outlook
                else "–"
            ),
        }
        for item in outlooks
    ]
    return Table(
        name=name,
        caption=_("Yrken som utbildningen leder till och Arbetsförmedlingens prognos"),
        columns=[
            Column("ssyk", _("SSYK")),
            Column("occupation", _("Yrke"), link_key="url"),
            Column("weight", _("Vikt"), "percent"),
            Column("situation", _("Rekryteringssituation")),
            Column("outlook", _("Efterfrågan om fem år väntas")),
            Column("level", _("Bedömningens område")),
        ],
        rows=rows,
        chart=Chart(
            kind="bar",
            label_key="occupation",
            series=(("weight", _("Vikt")),),
            description=_("Stapeldiagram: yrkenas vikt i kopplingen."),
            horizontal=True,
        ),
        empty_text=_("Utbildningen är ännu inte kopplad till några yrken."),
    )


def source_context() -> dict:
    state = selectors.state()
    return {
        "barometer_round": state.barometer_round,
        "demo_assessments": state.demo_assessments,
        "demo_postsecondary": postsecondary.demo_postsecondary(DEMO_SOURCE),
        "postsecondary": True,
    }


# SCB's matching indicators on the county pages: the rate over the years by sex, by
# age/country-of-birth group and per education group, each table naming its SCB table.
SEX_KEYS = {"SAMANST": "total", "2": "women", "1": "men"}
SEX_COLUMNS = (("total", _lazy("Samtliga")), ("women", _lazy("Kvinnor")), ("men", _lazy("Män")))


def _sex_key(rate) -> str | None:
    if rate.sex_code in SEX_KEYS:
        return SEX_KEYS[rate.sex_code]
    label = rate.sex_label.casefold()
    if label.startswith(("samtliga", "totalt")) or not rate.sex_code:
        return "total"
    return {"kvinnor": "women", "män": "men"}.get(label)


def _value(rate) -> float | None:
    return float(rate.value) if rate.value is not None else None


def _sex_columns() -> list[Column]:
    return [Column(key, label, "merit") for key, label in SEX_COLUMNS]


def _measure(rates: list) -> str:
    labels = list(dict.fromkeys(rate.measure_label for rate in rates))
    return next((m for m in labels if "matchningsgrad" in m.casefold()), labels[0])


def matching_rate_tables(*, county_code: str, county_name: str) -> tuple[list[Table], list[dict]]:
    """The county's matching-indicator tables and, per SCB table shown, its source line."""
    by_table: dict[str, list] = {}
    for rate in postsecondary.matching_rates(county=county_code):
        by_table.setdefault(rate.table_id, []).append(rate)
    tables, sources = [], []
    for table_id, rates in by_table.items():
        measure = _measure(rates)
        rates = [rate for rate in rates if rate.measure_label == measure]
        spec = scb_table(table_id)
        sources.append(
            {
                "table_id": spec.get("path", table_id),
                "title": spec.get("title", measure),
                "demo": any(rate.source == DEMO_SOURCE for rate in rates),
            }
        )
        if rates[0].group_dimension in ("Utbildning", "Utbildngrupp"):
            tables.append(_education_table(table_id, rates, measure, county_name))
        else:
            tables.extend(_background_tables(table_id, rates, measure, county_name))
    return tables, sources


def scb_table(table_id: str) -> dict:
    from ..importers.scb import known_tables

    return known_tables().get(table_id, {})


def _total_group(rates: list) -> str:
    codes = list(dict.fromkeys(rate.group_code for rate in rates))
    return next((code for code in ("totalt", "20-64", "") if code in codes), codes[0])


def _background_tables(table_id, rates, measure, county_name) -> list[Table]:
    total = _total_group(rates)
    years: dict[int, dict] = {}
    groups: dict[str, dict] = {}
    latest = max(rate.year for rate in rates)
    for rate in rates:
        key = _sex_key(rate)
        if key is None:
            continue
        if rate.group_code == total:
            years.setdefault(rate.year, {"year": rate.year})[key] = _value(rate)
        elif rate.year == latest:
            groups.setdefault(rate.group_code, {"group": rate.group_label})[key] = _value(rate)
    slug = table_id.lower()
    return [
        Table(
            name=f"scb-{slug}-ar",
            caption=_("%(measure)s över tid, %(county)s (SCB)")
            % {"measure": measure, "county": county_name},
            columns=[Column("year", _("År")), *_sex_columns()],
            rows=[years[year] for year in sorted(years)],
            chart=Chart(
                kind="line",
                label_key="year",
                series=tuple((key, str(label)) for key, label in SEX_COLUMNS),
                description=_("Linjediagram: matchningsgrad i procent per år, totalt och per kön."),
                y_label=_("Procent"),
            ),
            own_period=True,
        ),
        Table(
            name=f"scb-{slug}-grupper",
            caption=_("%(measure)s efter ålder och födelseland, %(county)s %(year)s (SCB)")
            % {"measure": measure, "county": county_name, "year": latest},
            columns=[Column("group", _("Grupp")), *_sex_columns()],
            rows=list(groups.values()),
            chart=Chart(
                kind="bar",
                label_key="group",
                series=tuple((key, str(label)) for key, label in SEX_COLUMNS),
                description=_("Stapeldiagram: matchningsgrad i procent per grupp och kön."),
                horizontal=True,
            ),
            own_period=True,
        ),
    ]


def _education_table(table_id, rates, measure, county_name) -> Table:
    latest = max(rate.year for rate in rates)
    rows = {}
    for rate in rates:
        if rate.year == latest and _sex_key(rate) == "total":
            rows[rate.group_code] = {
                "code": rate.group_code,
                "group": rate.group_label,
                "value": _value(rate),
            }
    return Table(
        name=f"scb-{table_id.lower()}-utbildning",
        caption=_("%(measure)s per utbildningsgrupp (SUN 2020), %(county)s %(year)s (SCB)")
        % {"measure": measure, "county": county_name, "year": latest},
        columns=[
            Column("code", _("SUN 2020")),
            Column("group", _("Utbildningsgrupp")),
            Column("value", _("Procent"), "merit"),
        ],
        rows=list(rows.values()),
        chart=Chart(
            kind="bar",
            label_key="group",
            series=(("value", measure),),
            description=_("Stapeldiagram: värdet per utbildningsgrupp."),
            horizontal=True,
        ),
        own_period=True,
    )
