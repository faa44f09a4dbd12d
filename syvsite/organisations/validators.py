import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

_ORG_NUMBER = re.compile(r"^(?:(?:16|19|20)?(\d{6})[-+]?(\d{4}))$")
_SCHOOL_UNIT_CODE = re.compile(r"^\d{8}$")


def luhn_is_valid(digits: str) -> bool:
    total = 0
    for index, char in enumerate(digits):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def normalise_org_number(value: str) -> str:
    """Return the organisationsnummer as NNNNNN-NNNN, or raise ValidationError in Swedish.

    Accepts 10 digits with or without a hyphen and the 12-digit form with the "16" prefix
    that Skatteverket uses; the last digit is a Luhn check digit over the other nine.
    """
    cleaned = re.sub(r"\s", "", value or "")
    match = _ORG_NUMBER.match(cleaned)
    if not match:
        raise ValidationError(
            _("Ange organisationsnumret med tio siffror, till exempel 556036-0793."),
            code="org_number_format",
        )
    digits = match.group(1) + match.group(2)
    if not luhn_is_valid(digits):
        raise ValidationError(
            _("Organisationsnumret %(value)s är inte giltigt: kontrollsiffran stämmer inte."),
            code="org_number_checksum",
            params={"value": value},
        )
    return f"{digits[:6]}-{digits[6:]}"


def validate_org_number(value: str) -> None:
    normalise_org_number(value)


def validate_school_unit_code(value: str) -> None:
    if value and not _SCHOOL_UNIT_CODE.match(value):
        raise ValidationError(
            _("Skolenhetskoden består av åtta siffror."), code="school_unit_code_format"
        )
