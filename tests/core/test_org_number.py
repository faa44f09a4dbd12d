import pytest
from django.core.exceptions import ValidationError

from syvsite.organisations.validators import normalise_org_number, validate_school_unit_code


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("556036-0793", "556036-0793"),
        ("5560360793", "556036-0793"),
        (" 556036 0793 ", "556036-0793"),
        ("16556036-0793", "556036-0793"),
        ("202100-6255", "202100-6255"),  # a public authority
    ],
)
def test_valid_numbers_are_normalised(raw, expected):
    assert normalise_org_number(raw) == expected


@pytest.mark.parametrize("raw", ["556036-0794", "5560360790", "202100-6256"])
def test_wrong_check_digit_is_rejected_in_swedish(raw):
    with pytest.raises(ValidationError) as info:
        normalise_org_number(raw)
    assert "kontrollsiffran stämmer inte" in info.value.messages[0]


@pytest.mark.parametrize("raw", ["", "abc", "55603607", "556036-07931", "556036/0793"])
def test_malformed_numbers_are_rejected(raw):
    with pytest.raises(ValidationError) as info:
        normalise_org_number(raw)
    assert "tio siffror" in info.value.messages[0]


def test_school_unit_code_must_be_eight_digits():
    validate_school_unit_code("12345678")
    with pytest.raises(ValidationError):
        validate_school_unit_code("1234567")
