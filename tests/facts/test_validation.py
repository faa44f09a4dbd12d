"""Identifiers are checked for their format (ISBN by its check digit) wherever an entry is made:
the editor's page, the member's form and the demo data."""

import pytest
from django.core.exceptions import ValidationError

from facts.forms import FactSuggestionForm
from facts.models import FactPage
from facts.validation import (
    clean_diarienummer,
    clean_doi,
    clean_isbn,
    clean_sfs,
    clean_sou,
    clean_year,
)

from .conftest import suggestion_data


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("10.1017/S0047279410000656", "10.1017/S0047279410000656"),
        ("https://doi.org/10.1017/S0047279410000656", "10.1017/S0047279410000656"),
        ("doi: 10.1787/51c9d18d-en", "10.1787/51c9d18d-en"),
        ("", ""),
    ],
)
def test_doi_is_normalised(typed, stored):
    assert clean_doi(typed) == stored


@pytest.mark.parametrize("typed", ["10.1017", "11.1017/abc", "10.12/abc", "S0047279410000656"])
def test_malformed_doi_is_refused_with_an_example(typed):
    with pytest.raises(ValidationError, match="10.1017/S0047279410000656"):
        clean_doi(typed)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("978-91-38-24894-2", "978-91-38-24894-2"),  # SOU 2019:4
        ("ISBN 978-91-38-24894-2", "978-91-38-24894-2"),
        ("9789138248942", "9789138248942"),
        ("0-8044-2957-x", "0-8044-2957-X"),  # ISBN-10 with X as its check digit
    ],
)
def test_valid_isbn_passes(typed, stored):
    assert clean_isbn(typed) == stored


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("978-91-38-24894-3", "Kontrollsiffran"),  # one digit wrong
        ("978-91-38-42894-2", "Kontrollsiffran"),  # two digits swapped
        ("0-8044-2957-5", "Kontrollsiffran"),
        ("978-91-38", "10 eller 13 siffror"),
        ("ISBN: abc", "siffror och bindestreck"),
    ],
)
def test_invalid_isbn_is_refused(typed, message):
    with pytest.raises(ValidationError, match=message):
        clean_isbn(typed)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("2010:800", "2010:800"), ("SFS 2011:1108", "2011:1108"), ("sfs  1992:1434", "1992:1434")],
)
def test_sfs_number(typed, stored):
    assert clean_sfs(typed) == stored


@pytest.mark.parametrize(
    "typed", ["2010/800", "10:800", "2010:", "2010:0", "1700:12", "SOU 2019:4"]
)
def test_malformed_sfs_number_is_refused(typed):
    with pytest.raises(ValidationError):
        clean_sfs(typed)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("SOU 2019:4", "SOU 2019:4"), ("sou 2002:121", "SOU 2002:121"), ("2015:97", "SOU 2015:97")],
)
def test_sou_number(typed, stored):
    assert clean_sou(typed) == stored


@pytest.mark.parametrize("typed", ["SOU 2019", "Ds 2000:24", "SOU 19:4"])
def test_malformed_sou_number_is_refused(typed):
    with pytest.raises(ValidationError, match="SOU 2019:4"):
        clean_sou(typed)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("400-2011:3033", "400-2011:3033"),
        ("Dnr 400-2011:3033", "400-2011:3033"),
        ("U2017/01234", "U2017/01234"),
    ],
)
def test_diarienummer(typed, stored):
    assert clean_diarienummer(typed) == stored


@pytest.mark.parametrize("typed", ["12345", "<script>", "abc-def", "-2011:3033", "x" * 41 + ":1"])
def test_malformed_diarienummer_is_refused(typed):
    with pytest.raises(ValidationError):
        clean_diarienummer(typed)


def test_year_must_be_plausible():
    assert clean_year(2019) == 2019
    with pytest.raises(ValidationError, match="mellan 1800"):
        clean_year(1066)
    with pytest.raises(ValidationError):
        clean_year(9999)


@pytest.mark.django_db
def test_editor_page_rules_normalise_and_name_each_bad_field():
    page = FactPage(
        title="Skollag",
        slug="skollag",
        kind="lag",
        summary="x",
        isbn="978-91-38-24894-3",
        doi="nej",
    )
    with pytest.raises(ValidationError) as refused:
        page.clean_fact_fields()
    assert set(refused.value.message_dict) == {"isbn", "doi", "sfs_number"}
    assert "SFS-nummer" in refused.value.message_dict["sfs_number"][0]
    page = FactPage(
        title="Skollag", slug="skollag", kind="lag", summary="x", sfs_number="SFS 2010:800"
    )
    page.clean_fact_fields()
    assert page.sfs_number == "2010:800"


@pytest.mark.django_db
def test_reserved_address_is_refused():
    page = FactPage(title="Föreslå", slug="foresla", kind="rapport", summary="x")
    with pytest.raises(ValidationError) as refused:
        page.clean_fact_fields()
    assert "reserverad" in refused.value.message_dict["slug"][0]


@pytest.mark.django_db
def test_member_form_uses_the_same_rules():
    form = FactSuggestionForm(
        suggestion_data(isbn="978-91-38-24894-3", sou_number="SOU 2019", year="1500")
    )
    assert not form.is_valid()
    assert "Kontrollsiffran" in form.errors["isbn"][0]
    assert "SOU 2019:4" in form.errors["sou_number"][0]
    assert "mellan 1800" in form.errors["year"][0]
    form = FactSuggestionForm(suggestion_data(kind="lag"))
    assert not form.is_valid()
    assert "SFS-nummer" in form.errors["sfs_number"][0]
    form = FactSuggestionForm(suggestion_data(sou_number="sou 2019:4", isbn="ISBN 9789138248942"))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["sou_number"] == "SOU 2019:4"
    assert form.cleaned_data["isbn"] == "9789138248942"
