"""Resolving municipality codes in a file to rows of the database. Reads only.

Programmes are recognised in `recognise`, places without a code in `places`. The resolver
works once per distinct value and reports an unknown code in its cell; empty cells are the
caller's `require` check, so they are never reported as unknown.
"""

import re

import pandas as pd
from django.utils.translation import gettext as _

from syvsite.regions.models import Municipality

from .normalise import map_unique
from .report import ImportReport


def municipalities_by_code(
    codes: pd.Series, *, column: str, rows: pd.Series, report: ImportReport
) -> pd.Series:
    """Municipality id per row from SCB's four-digit code; an unknown code is a bad value."""
    known = dict(Municipality.objects.values_list("code", "id"))
    # Excel drops leading zeros: "180" is Stockholm's 0180.
    ids = map_unique(codes, lambda value: known.get(re.sub(r"\.0$", "", value).zfill(4)))
    for index in codes.index[codes.notna() & ids.isna()]:
        report.reject(
            row=int(rows[index]),
            column=column,
            value=codes[index],
            reason=_("okänd kommunkod (SCB:s fyrsiffriga kod, t.ex. 0180 för Stockholm)"),
        )
    return ids
