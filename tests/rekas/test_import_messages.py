"""What `rekas_import` tells the user about a refused file: one message per refused cell, naming
row, column and value, and never an internal value (nan, None, NaT, <NA>) as the value."""

import io
import json
import re
from collections import Counter

import pytest
from django.core.management import CommandError, call_command

from rekas.models import AdmissionStatistic, Assessment, ProgrammeOccupation
from rekas.services import BAROMETER_EXCERPT

MESSAGE = re.compile(r"^rad (\d+), kolumn ”([^”]+)”(?:, värde ”([^”]*)”)?: (.+)$")
INTERNAL = {"nan", "none", "nat", "<na>", "null"}


def refused(tmp_path, kind: str, content: bytes | str, name: str, *options: str) -> list:
    """Run the command on a file it must refuse; (row, column, value, reason) per message."""
    path = tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match="Filen avvisades, inget sparades"):
        call_command("rekas_import", kind, str(path), *options, stdout=out, stderr=err)
    text = out.getvalue() + err.getvalue()
    for word in INTERNAL:
        assert not re.search(rf"(?i)[”\s]{re.escape(word)}[”\s.,:]", text), text
    messages = [MESSAGE.match(line) for line in err.getvalue().splitlines()]
    assert all(messages), err.getvalue()
    issues = [(int(m[1]), m[2], m[3] or "", m[4]) for m in messages]
    cells = Counter((row, column) for row, column, _value, _reason in issues)
    assert [cell for cell, count in cells.items() if count > 1] == [], err.getvalue()
    return issues


def excerpt_records() -> list[dict]:
    return json.loads(BAROMETER_EXCERPT.read_text(encoding="utf-8"))


def test_barometer_record_without_county_is_one_message(db, tmp_path):
    records = excerpt_records()
    del records[0]["lan"]
    records[1]["lan"] = None

    issues = refused(tmp_path, "yrkesbarometer", json.dumps(records), "yb.json")

    assert issues == [(1, "lan", "", "värde saknas"), (2, "lan", "", "värde saknas")]
    assert not Assessment.objects.exists()


def test_barometer_empty_fields_are_each_named_once(db, tmp_path):
    records = excerpt_records()
    records[2].update(ssyk=None, omgang="", yb_yrke=None, yb_concept_id=None)
    records[3].update(lan="99", rekryteringssituation=["brist"], paradox="ja")

    issues = refused(tmp_path, "yrkesbarometer", json.dumps(records), "yb.json")

    assert {(row, column, value) for row, column, value, _reason in issues} == {
        (3, "ssyk", ""),
        (3, "omgang", ""),
        (3, "yb_yrke", ""),
        (3, "yb_concept_id", ""),
        (4, "lan", "99"),
        (4, "rekryteringssituation", "['brist']"),
        (4, "paradox", "ja"),
    }


HEADER = "ar;antagningsomgang;kommunkod;skola;programkod;platser;forstahandssokande;antagna"


def test_admission_rows_with_empty_cells_name_each_cell_once(db, tmp_path):
    lines = [
        HEADER,
        "2025;slutlig;1480;Skola A;VO;30;20;20",
        ";;;;;1;1;1",
        "2025;slutlig;1480;Skola B;VO;-2,5;x;",
    ]

    issues = refused(tmp_path, "admissions", "\n".join(lines) + "\n", "a.csv")

    assert issues == [
        (3, "antagningsomgang", "", "värde saknas"),
        (3, "ar", "", "värde saknas"),
        (3, "kommunkod", "", "värde saknas"),
        (3, "programkod", "", "värde saknas"),
        (3, "skola", "", "värde saknas"),
        (4, "forstahandssokande", "x", "inte ett heltal"),
        (4, "platser", "-2,5", "inte ett heltal"),
    ]
    assert not AdmissionStatistic.objects.exists()


def test_year_outside_the_range_and_the_option_is_one_message(db, tmp_path):
    lines = [HEADER, "1899;slutlig;1480;Skola;VO;30;20;20", "2024;slutlig;1480;Skola;NA;30;20;20"]

    issues = refused(tmp_path, "admissions", "\n".join(lines), "a.csv", "--year", "2025")

    assert [(row, column, value) for row, column, value, _reason in issues] == [
        (2, "ar", "1899"),
        (3, "ar", "2024"),
    ]
    assert "utanför" in issues[0][3] and "skiljer sig" in issues[1][3]


def test_regional_file_without_programme_names_the_empty_cell(db, tmp_path):
    lines = [
        "Skola;Kommun;Program;Antal platser;Antal förstahandssökande;Antagna",
        "Skola;;;30;31;30",
    ]

    issues = refused(
        tmp_path, "admissions", "\n".join(lines), "b.csv", "--year", "2025", "--round", "final"
    )

    # The municipality may be left out (a heading, or in the school's name); the programme not.
    assert issues == [(2, "Program", "", "värde saknas")]


def test_rows_are_counted_in_the_file_even_after_blank_lines(db, tmp_path):
    lines = [
        HEADER,
        "2025;slutlig;1480;Skola;VO;30;20;20",
        "",
        ";;",
        "2025;slutlig;1480;Skola;EK;-3;2;2",
    ]

    issues = refused(tmp_path, "admissions", "\n".join(lines), "a.csv")

    assert [(row, column, value) for row, column, value, _reason in issues] == [
        (5, "platser", "-3")
    ]


def test_mapping_empty_cells_are_one_message_each_with_the_file_row(db, tmp_path):
    before = ProgrammeOccupation.objects.count()
    content = "programme_code;ssyk;weight\nVO;5321;0,5\n;;\nVO;;0.5\n;5323;\nNA;2221;abc\n"

    issues = refused(tmp_path, "mapping", content, "koppling.csv")

    assert issues == [
        (4, "ssyk", "", "värde saknas"),
        (5, "programme_code", "", "värde saknas"),
        (5, "weight", "", "värde saknas"),
        (6, "weight", "abc", "vikten ska vara ett tal större än 0 och högst 1"),
    ]
    assert ProgrammeOccupation.objects.count() == before


def test_xlsx_rows_are_the_sheet_rows(db, tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append([])  # a title row left empty above the header
    sheet.append(HEADER.split(";"))
    sheet.append([2025, "Slutlig", 1480, "Skola", "VO", 30, 20, 20])
    sheet.append([])
    sheet.append([2025, "Slutlig", 1480, "Skola", "NA", 30, "x", 20])
    buffer = io.BytesIO()
    workbook.save(buffer)

    issues = refused(tmp_path, "admissions", buffer.getvalue(), "a.xlsx")

    assert issues == [(5, "forstahandssokande", "x", "inte ett heltal")]
