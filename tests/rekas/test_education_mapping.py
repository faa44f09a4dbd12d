"""The staff-curated links from YH areas and university programmes to SSYK occupations:
`rekas_import education_mapping FILE` replaces the shipped set (like the programme mapping),
pages follow it, and a bad file is refused whole with the links unchanged."""

import io

import pytest
from django.core.management import call_command

from rekas.importers import run_import
from rekas.models import EducationOccupation
from rekas.services import DATA_DIR
from tests.rekas.factories import assess

UHR_SAMPLE = DATA_DIR / "postsecondary" / "uhr_antagningsstatistik_sample.json"
YH_SAMPLE = DATA_DIR / "postsecondary" / "scb_yh_sokande_antagna_hemlan_sample.csv"


def links_file(tmp_path, *lines, name="kopplingar.csv"):
    path = tmp_path / name
    path.write_text("\n".join(["typ;nyckel;ssyk;vikt", *lines]) + "\n", encoding="utf-8")
    return path


def links():
    return sorted(
        EducationOccupation.objects.values_list("kind", "key", "occupation__ssyk", "weight")
    )


@pytest.fixture
def samples(db):
    for kind, path in (("uhr", UHR_SAMPLE), ("yh", YH_SAMPLE)):
        assert run_import(kind, source=path, file_name=path.name).committed


def test_import_replaces_the_links_and_pages_follow(client, samples, tmp_path):
    # A programme of the real sample that the shipped links leave out (forensic chemistry).
    assert not EducationOccupation.objects.filter(key="ORU-59200").exists()
    assess("2131", "18", "brist", "öka")
    path = links_file(
        tmp_path,
        "university;oru-59200;2131;1",  # codes are read without case
        "yh_area;data/It;2512;0,6",  # the area as SCB writes it: kept by its slug
        "sun;45DH;3212;1",
    )

    output = io.StringIO()
    call_command("rekas_import", "education_mapping", str(path), stdout=output)

    assert output.getvalue().strip().splitlines()[-1].startswith("Lästa rader: 3. Skrivna: 3.")
    assert [(kind, key, ssyk) for kind, key, ssyk, _weight in links()] == [
        ("sun", "45DH", "3212"),
        ("university", "ORU-59200", "2131"),
        ("yh_area", "datait", "2512"),
    ]
    html = client.get("/rekas/hogskola/ORU-59200/?lan=18").content.decode()
    assert "/rekas/yrke/2131/" in html and "Brist" in html
    html = client.get("/rekas/hogskola/HB-22128/").content.decode()
    assert "Utbildningen är ännu inte kopplad till några yrken." in html  # replaced whole


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("gymnasium;NA;2131;1", ("typ", "gymnasium", "okänd typ")),
        ("university;ORU-59200;9999;1", ("ssyk", "9999", "okänd SSYK-kod")),
        ("university;ORU-59200;2131;0", ("vikt", "0", "större än 0")),
        ("university;ORU-59200;2131;1,5", ("vikt", "1,5", "högst 1")),
        ("university;;2131;1", ("nyckel", "", "värde saknas")),
        ("university;lu-80008;2131;0,5", ("ssyk", "2131", "dubblett av rad 2")),
    ],
)
def test_a_bad_file_is_refused_whole_and_the_links_stay(db, tmp_path, line, expected):
    before = links()
    assert before  # the shipped links (data migration)

    report = run_import(
        "education_mapping", source=links_file(tmp_path, "university;LU-80008;2131;0,5", line)
    )

    assert not report.committed
    issue = report.sorted_errors()[0]
    assert (issue.row, issue.column, issue.value) == (3, *expected[:2])
    assert expected[2] in issue.reason
    assert links() == before


def test_a_file_without_the_weight_column_is_refused(db, tmp_path):
    path = tmp_path / "kopplingar.csv"
    path.write_text("typ;nyckel;ssyk\nuniversity;LU-80008;2131\n", encoding="utf-8")

    report = run_import("education_mapping", source=path)

    assert not report.committed and "kolumnen saknas" in str(report.errors[0])
