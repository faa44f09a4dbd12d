"""The admission lists regional offices really publish: the real rows of the shared sample,
each office's figures, organisers, and files that are refused whole."""

import csv
import io
import json
import re
from pathlib import Path

import pytest
from django.core.management import call_command

from rekas.importers import import_admissions
from rekas.models import AdmissionStatistic, PendingAdmission

SAMPLE = (
    Path(__file__).resolve().parents[1] / "fixtures" / "rekas" / "admissions_regional_sample.json"
)


def sample_rows(region: str) -> list[dict]:
    rows = json.loads(SAMPLE.read_text(encoding="utf-8"))
    return [row for row in rows if row["sourceRegion"] == region]


def office_file(tmp_path, header: list[str], rows: list[list], name="lista.csv") -> Path:
    """A list in an office's layout: its own headers and only the figures it publishes."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\n")
    writer.writerow(header)
    writer.writerows([["" if cell is None else cell for cell in row] for row in rows])
    path = tmp_path / name
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def run(path, **options):
    return import_admissions(source=path, file_name=path.name, **options)


def test_every_real_row_is_imported_or_waits_for_a_name_with_a_reason(db):
    report = run(SAMPLE, year=2025, round="final")

    assert report.ok and report.committed, report.sorted_errors()[:5]
    assert (report.read, report.rejected) == (109, 0)
    assert report.written + report.waiting == 109
    assert AdmissionStatistic.objects.count() == report.written
    waiting = PendingAdmission.objects.all()
    assert waiting.count() == report.waiting
    assert all(row.reason and (row.programme_name or row.place_name) for row in waiting)
    unknown = set(waiting.values_list("programme_name", flat=True)) - {""}
    assert "Introduktionsprogrammet" in unknown  # which introduction programme: a person says
    assert any("Floristutbildningen" in name for name in unknown)
    assert "NTI-Gymnasiet" in set(waiting.values_list("place_name", flat=True))


def test_figures_an_office_does_not_publish_are_missing_never_zero(db):
    run(SAMPLE, year=2025, round="final")

    stockholm = AdmissionStatistic.objects.get(
        school__name="Södra Latins gymnasium", study_path="HUSPR"
    )
    assert (stockholm.places, stockholm.admitted, stockholm.reserves) == (66, 66, 46)
    assert stockholm.first_choice_applicants is None and stockholm.mean_merit is None
    assert float(stockholm.median_merit) == 317.5
    borlange = AdmissionStatistic.objects.get(school__name="Borlänge", study_path="TE")
    assert borlange.municipality.name == "Borlänge"
    assert (borlange.admitted_first_choice, borlange.first_choice_applicants) == (97, None)
    assert float(borlange.mean_merit) == 271 and borlange.reserves is None
    # A 0 lowest merit in Storsthlm's list means "no value" (everyone was admitted).
    botvid = AdmissionStatistic.objects.get(school__name="S:t Botvids Gymnasium", study_path="NA")
    assert botvid.lowest_merit is None and float(botvid.median_merit) == 212.5


def test_a_school_glued_into_the_programme_column_is_the_school(db):
    run(SAMPLE, year=2025, round="final")

    row = AdmissionStatistic.objects.get(school__name="Viskastrandsgymnasiet", study_path="FT")
    assert row.municipality.name == "Borås"
    assert (row.places, row.admitted, row.admitted_first_choice) == (70, 70, 140)


def test_impossible_rows_are_stored_flagged(db):
    report = run(SAMPLE, year=2025, round="final")

    assert any("fler antagna än platser" in issue.reason for issue in report.flagged)
    # Viskastrandsgymnasiet: 70 admitted, 140 "admitted on first choice" - impossible as named
    # (the list's column probably counts first-choice applicants): kept as published, flagged.
    flagged = [i for i in report.flagged if "fler antagna i första hand än antagna" in i.reason]
    rows = json.loads(SAMPLE.read_text(encoding="utf-8"))
    expected = [
        (number, "firstChoiceAdmittedCount", str(row["firstChoiceAdmittedCount"]))
        for number, row in enumerate(rows, start=1)
        if None not in (row["firstChoiceAdmittedCount"], row["admittedCount"])
        and row["firstChoiceAdmittedCount"] > row["admittedCount"]
    ]
    assert expected and sorted((i.row, i.column, i.value) for i in flagged) == expected
    viskastrand = AdmissionStatistic.objects.get(
        school__name="Viskastrandsgymnasiet", study_path="FT"
    )
    assert viskastrand.needs_review and viskastrand.admitted_first_choice == 140


def test_command_summary_keeps_its_form(db, capsys):
    call_command("rekas_import", "admissions", str(SAMPLE), "--year", "2025", "--round", "slutlig")

    last = capsys.readouterr().out.strip().splitlines()[-1]
    match = re.fullmatch(
        r"Lästa rader: 109\. Skrivna: (\d+)\. Ersatta: 0\. Avvisade: 0\. Att granska: (\d+)\.",
        last,
    )
    assert match and int(match[1]) + int(match[2]) == 109
    assert int(match[2]) == PendingAdmission.objects.count()


STORSTHLM = ["Skola", "Kommun", "Program", "Antal platser", "Antagna", "Reserver",
             "Lägsta meritvärde", "Medianmeritvärde"]  # fmt: skip


def test_storsthlm_layout(db, tmp_path):
    rows = [
        [r["school"], r["municipality"], r["programName"], r["places"], r["admittedCount"],
         r["reserveCount"], r["admissionMeritMin"], r["admissionMeritMedian"]]
        for r in sample_rows("storsthlm")
    ]  # fmt: skip

    report = run(office_file(tmp_path, STORSTHLM, rows), year=2025, round="final")

    assert report.committed and report.rejected == 0
    assert "Gymnasieantagningen Storsthlm" in report.notes[0]
    assert report.written == 32 and report.waiting == 1  # Guldsmedsutbildningen waits
    assert not AdmissionStatistic.objects.exclude(first_choice_applicants=None).exists()


def test_merit_only_layout_of_goteborgsregionen_and_skane(db, tmp_path):
    header = ["Skola", "Kommun", "Program", "Lägsta meritvärde", "Medelmeritvärde"]
    rows = [
        [
            r["school"],
            r["school"],
            r["programName"],
            r["admissionMeritMin"],
            r["admissionMeritMean"],
        ]
        for r in sample_rows("dalarna-gavleborg")
        if r["admissionRound"] == "final"
    ]

    report = run(office_file(tmp_path, header, rows), year=2025, round="final")

    assert report.committed and report.rejected == 0
    assert "Göteborgsregionen, Skåne" in report.notes[0]
    counts = AdmissionStatistic.objects.values_list("places", "admitted", "first_choice_applicants")
    assert set(counts) == {(None, None, None)}
    assert AdmissionStatistic.objects.exclude(mean_merit=None).count() == report.written


def test_admitted_on_first_choice_layout(db, tmp_path):
    header = ["Skola", "Program", "Platser", "Antagna", "Antagna i första hand",
              "Lägsta meritvärde", "Medelmeritvärde"]  # fmt: skip
    rows = [
        [r["school"], r["programName"], r["places"], r["admittedCount"],
         r["firstChoiceAdmittedCount"], r["admissionMeritMin"], r["admissionMeritMean"]]
        for r in sample_rows("dalarna-gavleborg")
    ]  # fmt: skip

    report = run(office_file(tmp_path, header, rows), year=2025, round="final")

    assert report.committed and "Dalarna/Gävleborg" in report.notes[0]
    hedemora = AdmissionStatistic.objects.get(school__name="Hedemora", study_path="BF")
    assert (hedemora.admitted_first_choice, hedemora.first_choice_applicants) == (17, None)
    assert hedemora.municipality.county.code == "20"


def test_organisers_land_in_their_municipality_or_wait_with_the_members(db, tmp_path):
    header = ["Huvudman", "Skola", "Program", "Antagna", "Lägsta meritvärde"]
    rows = [
        ["Sydnärkes Utbildningsförbund", "Alléskolan", "Ekonomiprogr.", 30, "210,5"],
        ["Kunskapsförbundet Väst", "Nils Ericsonsgymnasiet", "TE25", 60, 240],
    ]

    report = run(office_file(tmp_path, header, rows), year=2025, round="final")

    assert report.committed and (report.written, report.waiting) == (1, 1)
    row = AdmissionStatistic.objects.get()
    assert (row.school.name, row.municipality.name, row.municipality.county.code) == (
        "Alléskolan", "Hallsberg", "18",
    )  # fmt: skip
    waiting = PendingAdmission.objects.get()
    assert waiting.place_name == "Nils Ericsonsgymnasiet"
    assert "Trollhättan" in waiting.reason and "Vänersborg" in waiting.reason


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        (["Alléskolan", "Hallsberg", "Ekonomiprogrammet", "tolv", "210"], (3, "Antagna", "tolv")),
        (["Alléskolan", "Hallsberg", "Ekonomiprogrammet", "-1", "210"], (3, "Antagna", "-1")),
        (
            ["Alléskolan", "Hallsberg", "Ekonomiprogrammet", "12", "-5"],
            (3, "Lägsta meritvärde", "-5"),
        ),
    ],
)
def test_a_malformed_regional_file_is_refused_whole(db, tmp_path, cells, expected):
    header = ["Skola", "Kommun", "Program", "Antagna", "Lägsta meritvärde"]
    rows = [
        ["Alléskolan", "Hallsberg", "Teknikprogrammet", 30, 200],
        ["X", "Y", "Rymdprogrammet", 1, 1],
        cells,
    ]
    rows = [rows[0], cells, rows[1]]

    report = run(office_file(tmp_path, header, rows), year=2025, round="final")

    assert not report.committed
    assert [(i.row, i.column, i.value) for i in report.sorted_errors()] == [expected]
    assert not AdmissionStatistic.objects.exists() and not PendingAdmission.objects.exists()


def test_importing_the_same_list_again_replaces_its_waiting_rows(db, tmp_path):
    path = office_file(tmp_path, ["Skola", "Kommun", "Program", "Antagna"],
                       [["Skola", "Borås", "Rymdprogrammet", 3]])  # fmt: skip
    run(path, year=2025, round="final")

    report = run(path, year=2025, round="final")

    assert report.waiting == 1 and PendingAdmission.objects.count() == 1
