"""Admission imports: every rule, every rejection, atomicity and idempotency."""

import io
import zipfile

import pytest
from openpyxl import Workbook

from rekas.importers import import_admissions
from rekas.models import AdmissionStatistic, ImportBatch, PendingAdmission, School
from tests.rekas.conftest import csv_file

GOOD = "2025;slutlig;1480;Hvitfeldtska gymnasiet;;VO;;30;42;30;12;212,5;245,0"
GOOD_2 = "2025;slutlig;1480;Hvitfeldtska gymnasiet;;NANAT;;60;90;60;30;301.5;318"


def run(path, **kwargs):
    return import_admissions(source=path, file_name=path.name, **kwargs)


def rejection(report):
    return [
        (issue.row, issue.column, issue.value, issue.reason) for issue in report.sorted_errors()
    ]


def test_canonical_file_is_written_with_summary(db, tmp_path):
    report = run(csv_file(tmp_path, GOOD, GOOD_2))

    assert report.ok and report.committed
    assert (report.read, report.written, report.replaced, report.rejected) == (2, 2, 0, 0)
    vo = AdmissionStatistic.objects.get(study_path="VO")
    assert (vo.places, vo.first_choice_applicants, vo.admitted, vo.reserves) == (30, 42, 30, 12)
    assert float(vo.lowest_merit) == 212.5  # decimal comma
    na = AdmissionStatistic.objects.get(study_path="NANAT")
    assert na.programme.code == "NA" and na.orientation.name == "Naturvetenskap"
    assert float(na.lowest_merit) == 301.5  # decimal point
    assert ImportBatch.objects.get(pk=report.batch_id).rows_written == 2


def test_same_file_twice_replaces_instead_of_duplicating(db, tmp_path):
    path = csv_file(tmp_path, GOOD, GOOD_2)
    run(path)

    report = run(path)

    assert (report.written, report.replaced) == (2, 2)
    assert AdmissionStatistic.objects.count() == 2
    assert School.objects.count() == 1


def test_reimport_replaces_only_the_same_year_round_and_municipality(db, tmp_path):
    run(
        csv_file(
            tmp_path, GOOD, "2025;slutlig;1280;Malmö Latinskola;;VO;;30;20;20;0;;", name="a.csv"
        )
    )

    run(
        csv_file(
            tmp_path, "2025;slutlig;1480;Hvitfeldtska gymnasiet;;VO;;30;50;30;20;;", name="b.csv"
        )
    )

    assert AdmissionStatistic.objects.get(municipality__code="1480").first_choice_applicants == 50
    assert AdmissionStatistic.objects.filter(municipality__code="1280").exists()


def test_comma_separated_with_bom_and_year_round_options(db, tmp_path):
    header = "kommunkod,skola,programkod,platser,forstahandssokande,antagna,lagsta_merit"
    path = tmp_path / "bom.csv"
    path.write_bytes(
        "\ufeff".encode()
        + f'{header}\n0180,Kungsholmens gymnasium,NASAM,60,120,60,"305,5"\n'.encode()
    )

    report = run(path, year=2024, round="preliminary")

    assert report.committed, report.errors
    row = AdmissionStatistic.objects.get()
    assert (row.year, row.round, row.municipality.code) == (2024, "preliminary", "0180")
    assert float(row.lowest_merit) == 305.5


def test_municipality_code_without_leading_zero_is_understood(db, tmp_path):
    report = run(csv_file(tmp_path, "2025;slutlig;180;Kungsholmens gymnasium;;NA;;60;120;60;;;"))

    assert report.committed
    assert AdmissionStatistic.objects.get().municipality.name == "Stockholm"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2025;slutlig;9999;Skola;;VO;;30;40;30;;;", (3, "kommunkod", "9999", "okänd kommunkod")),
        (
            "2025;slutlig;1480;Skola;;VO;;30;-4;30;;;",
            (3, "forstahandssokande", "-4", "negativt antal"),
        ),
        ("2025;slutlig;1480;Skola;;VO;;30,5;40;30;;;", (3, "platser", "30,5", "inte ett heltal")),
        ("1899;slutlig;1480;Skola;;VO;;30;40;30;;;", (3, "ar", "1899", "året ligger utanför")),
        (
            "2025;sommar;1480;Skola;;VO;;30;40;30;;;",
            (3, "antagningsomgang", "sommar", "okänd antagningsomgång"),
        ),
        (
            "2025;slutlig;1480;Skola;;VO;;30;40;30;;-3;",
            (3, "lagsta_merit", "-3", "utanför det möjliga"),
        ),
        ("2025;slutlig;1480;Skola;;VO;;30;40;30;;abc;", (3, "lagsta_merit", "abc", "inte ett tal")),
        (
            "2025;slutlig;1480;Skola;123;VO;;30;40;30;;;",
            (3, "skolenhetskod", "123", "åtta siffror"),
        ),
        ("2025;slutlig;1480;;;VO;;30;40;30;;;", (3, "skola", "", "värde saknas")),
        ("2025;slutlig;1480;Skola;;;;30;40;30;;;", (3, "programkod", "", "värde saknas")),
    ],
)
def test_each_rejection_names_row_column_value_and_reason(db, tmp_path, line, expected):
    report = run(csv_file(tmp_path, GOOD, line))

    assert not report.ok and not report.committed
    row, column, value, reason = rejection(report)[0]
    assert (row, column, value) == expected[:3]
    assert expected[3] in reason
    assert report.rejected == 1 and report.read == 2
    assert not AdmissionStatistic.objects.exists()


def test_duplicate_key_names_both_rows(db, tmp_path):
    duplicate = "2025;slutlig;1480;HVITFELDTSKA GYMNASIET;;VO;;30;40;30;;;"

    report = run(csv_file(tmp_path, GOOD, duplicate))

    [(row, column, _value, reason)] = rejection(report)
    assert (row, column) == (3, "skola")
    assert "dubblett" in reason and "rad 2" in reason


def test_a_file_without_any_figure_column_is_refused(db, tmp_path):
    header = "ar;antagningsomgang;kommunkod;skola;programkod"

    report = run(csv_file(tmp_path, "2025;slutlig;1480;Skola;VO", header=header))

    [(row, column, reason)] = [(i.row, i.column, i.reason) for i in report.errors]
    assert (row, reason) == (1, "kolumnen saknas i filen")
    assert "platser" in column and "lagsta_merit" in column
    assert not AdmissionStatistic.objects.exists()


def test_a_row_without_any_figure_is_refused_with_its_row(db, tmp_path):
    report = run(csv_file(tmp_path, GOOD, "2025;slutlig;1480;Skola;;EK;;;;;;;"))

    [(row, _column, _value, reason)] = rejection(report)
    assert row == 3 and "ingen siffra" in reason
    assert not AdmissionStatistic.objects.exists()


def test_figures_a_file_leaves_out_are_stored_as_not_published(db, tmp_path):
    header = "ar;antagningsomgang;kommunkod;skola;programkod;antagna;lagsta_merit"

    report = run(csv_file(tmp_path, "2025;slutlig;1480;Skola;EK;28;0", header=header))

    assert report.committed, report.errors
    row = AdmissionStatistic.objects.get()
    assert row.admitted == 28
    assert row.places is None and row.first_choice_applicants is None
    assert row.lowest_merit is None  # 0 in a merit column means "no value"


def test_unknown_programme_code_waits_for_a_name_instead_of_refusing(db, tmp_path):
    report = run(csv_file(tmp_path, GOOD, "2025;slutlig;1480;Skola;;XX;;30;40;30;;;"))

    assert report.committed and (report.written, report.waiting, report.rejected) == (1, 1, 0)
    assert report.summary().endswith("Avvisade: 0. Att granska: 1.")
    [waiting] = PendingAdmission.objects.all()
    assert (waiting.row, waiting.programme_name, waiting.reason) == (3, "XX", "okänt program")


def test_an_unknown_orientation_is_kept_as_the_published_variant(db, tmp_path):
    report = run(csv_file(tmp_path, "2025;slutlig;1480;Skola;;NA;Kvantfysik;30;40;30;;;"))

    assert report.committed
    row = AdmissionStatistic.objects.get()
    assert (row.study_path, row.orientation, row.variant) == ("NA", None, "Kvantfysik")


def test_more_admitted_than_places_is_stored_and_flagged(db, tmp_path):
    report = run(csv_file(tmp_path, "2025;slutlig;1480;Skola;;VO;;2;1;3;;;"))

    assert report.committed
    [flag] = report.flagged
    assert (flag.row, flag.column, flag.value) == (2, "antagna", "3")
    row = AdmissionStatistic.objects.get()
    assert row.needs_review and row.review_note == "Fler antagna än platser"


def test_empty_file_is_rejected(db, tmp_path):
    path = tmp_path / "tom.csv"
    path.write_bytes(b"")

    report = run(path)

    assert report.errors[0].reason == "Filen är tom."


def test_header_only_file_is_rejected(db, tmp_path):
    report = run(csv_file(tmp_path))

    assert "inga datarader" in report.errors[0].reason


def test_wrong_encoding_is_rejected_with_a_hint(db, tmp_path):
    report = run(
        csv_file(
            tmp_path,
            GOOD,
            "2025;slutlig;1480;Göteborgs högre samskola;;VO;;30;40;30;;;",
            encoding="cp1252",
        )
    )

    assert "inte UTF-8" in report.errors[0].reason and "rad 3" in report.errors[0].reason
    assert not AdmissionStatistic.objects.exists()


def test_one_bad_row_leaves_the_database_unchanged(db, tmp_path):
    run(csv_file(tmp_path, GOOD, name="first.csv"))
    before = list(AdmissionStatistic.objects.values_list("study_path", "first_choice_applicants"))

    report = run(
        csv_file(
            tmp_path,
            "2025;slutlig;1480;Hvitfeldtska gymnasiet;;VO;;30;99;30;;;",
            "2025;slutlig;1480;Ny skola;;EK;;30;40;30;;;",
            "2025;slutlig;1480;Ny skola;;TE;;30;-1;30;;;",
            name="second.csv",
        )
    )

    assert not report.committed
    assert (
        list(AdmissionStatistic.objects.values_list("study_path", "first_choice_applicants"))
        == before
    )
    assert not School.objects.filter(name="Ny skola").exists()
    assert ImportBatch.objects.count() == 1


def test_merit_above_340_is_stored_flagged_for_review(db, tmp_path):
    report = run(csv_file(tmp_path, "2025;slutlig;1480;Estetiska skolan;;ESMUS;;30;60;30;;355;"))

    assert report.committed
    [flag] = report.flagged
    assert (flag.row, flag.column, flag.value) == (2, "lagsta_merit", "355")
    row = AdmissionStatistic.objects.get()
    assert row.needs_review and float(row.lowest_merit) == 355


def test_no_merit_markers_mean_empty(db, tmp_path):
    report = run(csv_file(tmp_path, "2025;slutlig;1480;Skola;;VO;;30;10;10;;Alla antagna;–"))

    assert report.committed
    row = AdmissionStatistic.objects.get()
    assert row.lowest_merit is None and row.median_merit is None


def test_dry_run_writes_nothing_but_reports_counts(db, tmp_path):
    report = run(csv_file(tmp_path, GOOD, GOOD_2), commit=False)

    assert report.ok and not report.committed and report.written == 2
    assert not AdmissionStatistic.objects.exists()


REGIONAL_HEADER = "Skola;Kommun;Program;Antal platser;Antal förstahandssökande;Antagna;Reserver;Lägsta meritvärde;Medianmeritvärde"


def test_gymnasieantagningen_layout_with_programme_names(db, tmp_path):
    path = csv_file(
        tmp_path,
        "Kungsholmens gymnasium;Stockholm;Naturvetenskapsprogrammet - Naturvetenskap och samhälle;60;150;60;90;298,5;315,0",
        "Kärrtorps gymnasium;Stockholms kommun;Vård- Och Omsorgsprogrammet;32;20;25;0;Alla antagna;",
        "Solna gymnasium;SOLNA;EKONOMIPROGRAMMET;30;31;30;1;240;255",
        header=REGIONAL_HEADER,
    )

    report = run(path, year=2025, round="final")

    assert report.committed, report.errors
    assert "Regional resultatlista" in report.notes[0]
    paths = dict(AdmissionStatistic.objects.values_list("school__name", "study_path"))
    assert paths == {
        "Kungsholmens gymnasium": "NASAM",
        "Kärrtorps gymnasium": "VO",
        "Solna gymnasium": "EK",
    }
    assert AdmissionStatistic.objects.get(study_path="VO").municipality.code == "0180"


def test_gymnasieantagningen_layout_needs_year_and_round(db, tmp_path):
    report = run(
        csv_file(
            tmp_path, "Skola;Stockholm;Ekonomiprogrammet;30;31;30;1;240;255", header=REGIONAL_HEADER
        )
    )

    assert {issue.column for issue in report.errors} == {"ar", "antagningsomgang"}


def test_unknown_programme_name_in_regional_file_waits(db, tmp_path):
    report = run(
        csv_file(
            tmp_path, "Skola;Stockholm;Rymdprogrammet;30;31;30;1;240;255", header=REGIONAL_HEADER
        ),
        year=2025,
        round="final",
    )

    assert report.committed and report.waiting == 1
    assert PendingAdmission.objects.get().programme_name == "Rymdprogrammet"
    assert any("Rymdprogrammet" in note and "okänt program" in note for note in report.notes)


def _xlsx(rows) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_xlsx_file_is_read(db, tmp_path):
    path = tmp_path / "antagning.xlsx"
    path.write_bytes(
        _xlsx(
            [
                [
                    "ar",
                    "antagningsomgang",
                    "kommunkod",
                    "skola",
                    "programkod",
                    "platser",
                    "forstahandssokande",
                    "antagna",
                    "lagsta_merit",
                ],
                [2025, "Slutlig", 1480, "Hvitfeldtska gymnasiet", "TEINF", 30, 45, 30, 265.5],
            ]
        )
    )

    report = run(path)

    assert report.committed, report.errors
    row = AdmissionStatistic.objects.get()
    assert (row.study_path, row.municipality.code, float(row.lowest_merit)) == (
        "TEINF",
        "1480",
        265.5,
    )


def test_zip_bomb_is_refused_before_parsing(db, tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * 30_000_000)
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(buffer.getvalue())

    report = run(path)

    assert "säkerhetsskäl" in report.errors[0].reason


def test_too_many_zip_entries_are_refused(db, tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for number in range(300):
            archive.writestr(f"x/{number}.xml", b"<a/>")
    path = tmp_path / "many.xlsx"
    path.write_bytes(buffer.getvalue())

    report = run(path)

    assert "för många delar" in report.errors[0].reason


def test_not_an_xlsx_is_a_clear_error(db, tmp_path):
    path = tmp_path / "fake.xlsx"
    path.write_bytes(b"PK\x03\x04 this is not a zip file at all")

    report = run(path)

    assert report.errors[0].reason == "Filen är inte en giltig XLSX-fil."


def test_school_unit_code_links_the_school_organisation(db, tmp_path):
    from tests.factories import OrganisationFactory

    organisation = OrganisationFactory(name="Hvitfeldtska", school_unit_code="12345678")

    run(csv_file(tmp_path, "2025;slutlig;1480;Hvitfeldtska gymnasiet;12345678;VO;;30;42;30;12;;"))

    assert School.objects.get().organisation == organisation


def test_older_programme_names_are_recognised(db, tmp_path):
    header = "ar;antagningsomgang;kommunkod;skola;programnamn;platser;forstahandssokande;antagna"

    report = run(
        csv_file(tmp_path, "2009;slutlig;1480;Skola;OMVÅRDNADSPROGRAMMET;30;20;20", header=header)
    )

    assert report.committed, report.errors
    assert AdmissionStatistic.objects.get().programme.code == "VO"
