"""The two reads every REKAS area page makes, as SQL written once per process from the models'
own table and column names.

Django compiles a queryset on every evaluation, and for these two (thirty summary columns, and
a municipality's admission rows with their school and programme names) compiling cost four
times running the query (bench/bench_load.py, issue 18). Every other read goes through the ORM.
Both return plain tuples in the order of their field lists.
"""

# ruff: noqa: S608 - the statements hold identifiers from the models' meta; every value is a
# query parameter.

from functools import cache

from django.db import connection

from syvsite.regions.models import Municipality

from ..models import AdmissionStatistic, AdmissionSummary, Programme, School


def fetch(statement: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        return cursor.fetchall()


def _column(model, name: str, alias: str = "") -> str:
    column = connection.ops.quote_name(model._meta.get_field(name).column)
    return f"{alias}.{column}" if alias else column


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


@cache
def area_summaries(fields: tuple[str, ...]) -> str:
    """An area's summary rows of a round: every row of the year, and the totals rows (no
    programme) of a kind in every year. Parameters: level, area code, round, year, kind."""
    column = lambda name: _column(AdmissionSummary, name)  # noqa: E731
    return (
        f"SELECT {', '.join(column(name) for name in fields)} FROM {_table(AdmissionSummary)}"
        f" WHERE {column('level')} = %s AND {column('area_code')} = %s"
        f" AND {column('round')} = %s AND ({column('year')} = %s"
        f" OR ({column('programme_code')} = '' AND {column('kind')} = %s))"
    )


@cache
def municipality_admissions(fields: tuple[str, ...], *, by_kind: bool) -> str:
    """A municipality's admission rows of a year and round; `fields` name AdmissionStatistic
    columns, "school__name" and "programme__name". Parameters: municipality code, year, round
    and, `by_kind`, the programme kind."""
    related = {
        "school__name": _column(School, "name", "s"),
        "programme__name": _column(Programme, "name", "p"),
    }
    columns = [related.get(name) or _column(AdmissionStatistic, name, "a") for name in fields]
    row = lambda name: _column(AdmissionStatistic, name, "a")  # noqa: E731
    statement = (
        f"SELECT {', '.join(columns)} FROM {_table(AdmissionStatistic)} a"
        f" JOIN {_table(School)} s ON {_column(School, 'id', 's')} = {row('school')}"
        f" JOIN {_table(Programme)} p ON {_column(Programme, 'id', 'p')} = {row('programme')}"
        f" JOIN {_table(Municipality)} m"
        f" ON {_column(Municipality, 'id', 'm')} = {row('municipality')}"
        f" WHERE {_column(Municipality, 'code', 'm')} = %s"
        f" AND {row('year')} = %s AND {row('round')} = %s"
    )
    return statement + (f" AND {_column(Programme, 'kind', 'p')} = %s" if by_kind else "")
