"""Identifiers of a publication, checked for their format and normalised.

Each `clean_*` takes what a person typed and returns the stored form, or raises a
ValidationError with a Swedish message that says what a correct value looks like:

    clean_doi("https://doi.org/10.1017/S0047279410000656")  -> "10.1017/S0047279410000656"
    clean_isbn("ISBN 978-91-38-24894-2")                     -> "978-91-38-24894-2"
    clean_sfs("SFS 2010:800")                                -> "2010:800"
    clean_sou("sou 2019:4")                                  -> "SOU 2019:4"
    clean_diarienummer("Dnr 400-2011:3033")                  -> "400-2011:3033"

ISBNs are checked with their check digit (ISBN-10 modulo 11, ISBN-13 modulo 10), so a
mistyped digit is caught, not only a wrong length.
"""

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

FIRST_YEAR = 1800

_DOI = re.compile(r"^10\.\d{4,9}/\S+$")
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_ISBN_PREFIX = re.compile(r"^ISBN(?:-1[03])?:?\s*", re.IGNORECASE)
_ISBN_CHARS = re.compile(r"^[0-9Xx\- ]+$")
_YEAR_NUMBER = r"(\d{4}):(\d{1,4})"
_SFS = re.compile(rf"^(?:SFS\s*)?{_YEAR_NUMBER}$", re.IGNORECASE)
_SOU = re.compile(rf"^(?:SOU\s*)?{_YEAR_NUMBER}$", re.IGNORECASE)
_DNR_PREFIX = re.compile(r"^(?:dnr|diarienr|diarienummer)\.?:?\s*", re.IGNORECASE)
_DNR = re.compile(r"^[0-9A-Za-zÅÄÖåäö][0-9A-Za-zÅÄÖåäö .:/\-]{1,38}[0-9A-Za-zÅÄÖåäö]$")


def clean_year(value: int | None) -> int | None:
    if value is None:
        return None
    latest = date.today().year + 1
    if not FIRST_YEAR <= value <= latest:
        raise ValidationError(
            _("Ange ett årtal mellan %(first)s och %(last)s.")
            % {"first": FIRST_YEAR, "last": latest}
        )
    return value


def clean_doi(value: str) -> str:
    value = _DOI_PREFIX.sub("", (value or "").strip())
    if not value:
        return ""
    if not _DOI.match(value):
        raise ValidationError(
            _(
                "En DOI börjar med ”10.”, följt av en siffergrupp, ett snedstreck och ett suffix, "
                "till exempel 10.1017/S0047279410000656."
            )
        )
    return value


def isbn_check_digit_ok(digits: str) -> bool:
    """True when a 10- or 13-character ISBN (digits, X last in ISBN-10) has the right check digit."""
    if len(digits) == 10:
        if not digits[:9].isdigit() or not (digits[9].isdigit() or digits[9] == "X"):
            return False
        values = [int(d) for d in digits[:9]] + [10 if digits[9] == "X" else int(digits[9])]
        return sum((10 - i) * v for i, v in enumerate(values)) % 11 == 0
    if len(digits) == 13 and digits.isdigit() and digits[:3] in ("978", "979"):
        total = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(digits[:12]))
        return (10 - total % 10) % 10 == int(digits[12])
    return False


def clean_isbn(value: str) -> str:
    value = _ISBN_PREFIX.sub("", (value or "").strip())
    if not value:
        return ""
    if not _ISBN_CHARS.match(value):
        raise ValidationError(
            _("Ett ISBN består av siffror och bindestreck, till exempel 978-91-38-24894-2.")
        )
    digits = re.sub(r"[\- ]", "", value).upper()
    if len(digits) not in (10, 13):
        raise ValidationError(
            _("Ett ISBN har 10 eller 13 siffror (du skrev %(count)s).") % {"count": len(digits)}
        )
    if not isbn_check_digit_ok(digits):
        raise ValidationError(
            _(
                "Kontrollsiffran stämmer inte för ISBN %(isbn)s. Kontrollera att alla siffror är rätt."
            )
            % {"isbn": value}
        )
    return re.sub(r"\s+", "-", value.upper().strip("- "))


def _year_number(pattern: re.Pattern, value: str, message: str) -> tuple[int, int] | None:
    value = re.sub(r"\s+", " ", (value or "").strip())
    if not value:
        return None
    match = pattern.match(value)
    if not match:
        raise ValidationError(message)
    year, number = int(match.group(1)), int(match.group(2))
    clean_year(year)
    if number < 1:
        raise ValidationError(message)
    return year, number


def clean_sfs(value: str) -> str:
    parsed = _year_number(
        _SFS, value, _("Ett SFS-nummer skrivs år:löpnummer, till exempel 2010:800.")
    )
    return f"{parsed[0]}:{parsed[1]}" if parsed else ""


def clean_sou(value: str) -> str:
    parsed = _year_number(
        _SOU, value, _("Ett SOU-nummer skrivs SOU år:nummer, till exempel SOU 2019:4.")
    )
    return f"SOU {parsed[0]}:{parsed[1]}" if parsed else ""


def clean_diarienummer(value: str) -> str:
    value = _DNR_PREFIX.sub("", re.sub(r"\s+", " ", (value or "").strip()))
    if not value:
        return ""
    if not _DNR.match(value) or not re.search(r"\d", value) or not re.search(r"[-:/]", value):
        raise ValidationError(
            _(
                "Ett diarienummer har siffror och skiljetecken som myndigheten skriver det, "
                "till exempel 400-2011:3033 eller U2017/01234."
            )
        )
    return value


CLEANERS = {
    "doi": clean_doi,
    "isbn": clean_isbn,
    "sfs_number": clean_sfs,
    "sou_number": clean_sou,
    "diarienummer": clean_diarienummer,
}
