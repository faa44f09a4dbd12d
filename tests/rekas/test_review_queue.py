""" "Okända namn att koppla": unknown names wait for staff, are mapped once, the waiting rows
are written then, and later imports use the alias. Not for the public."""

import pytest

from rekas.importers import import_admissions
from rekas.models import AdmissionStatistic, NameAlias, PendingAdmission, Programme
from syvsite.accounts.roles import Role
from syvsite.regions.models import Municipality
from tests.factories import UserFactory

QUEUE = "/admin/rekas/okanda-namn/"
HEADER = "Skola;Kommun;Program;Platser;Antagna;Lägsta meritvärde"


def import_lines(tmp_path, *lines, name="lista.csv"):
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    return import_admissions(source=path, file_name=name, year=2025, round="final")


@pytest.fixture
def staff_client(client, db):
    client.force_login(UserFactory(roles=[Role.ADMIN]))
    return client


def test_map_a_programme_once_writes_the_rows_and_later_imports_use_it(staff_client, tmp_path):
    report = import_lines(
        tmp_path,
        "Almåsgymnasiet;Borås;Floristutbildningen;2;2;165",
        "Almåsgymnasiet;Borås;Hotell- och turismprogrammet;14;14;107,5",
    )
    assert (report.written, report.waiting) == (1, 1)
    assert not AdmissionStatistic.objects.filter(programme__code="HV").exists()

    page = staff_client.get(QUEUE)
    assert page.status_code == 200
    assert "Floristutbildningen" in page.content.decode()
    hv = Programme.objects.get(code="HV")
    answer = staff_client.post(
        QUEUE,
        {"kind": "programme", "name": "Floristutbildningen", "programme": hv.pk},
        follow=True,
    )

    assert "Skrivna rader: 1" in answer.content.decode()
    row = AdmissionStatistic.objects.get(programme=hv)
    assert (row.school.name, row.places, row.admitted, float(row.lowest_merit)) == (
        "Almåsgymnasiet", 2, 2, 165,
    )  # fmt: skip
    assert not PendingAdmission.objects.exists()
    assert NameAlias.objects.get().name == "Floristutbildningen"

    again = import_lines(tmp_path, "Almåsgymnasiet;Borås;Floristutbildningen;3;3;170", name="b.csv")

    assert (again.written, again.waiting) == (1, 0)
    assert AdmissionStatistic.objects.get(programme=hv).places == 3


def test_map_a_place_to_its_municipality(staff_client, tmp_path):
    import_lines(tmp_path, "NTI-Gymnasiet;NTI-Gymnasiet;TEINM;32;32;180")
    lulea = Municipality.objects.get(name="Luleå")

    staff_client.post(QUEUE, {"kind": "place", "name": "NTI-Gymnasiet", "municipality": lulea.pk})

    row = AdmissionStatistic.objects.get()
    assert (row.municipality, row.study_path, row.programme.code) == (lulea, "TEINM", "TE")


def test_a_row_with_two_unknown_names_waits_for_the_second(staff_client, tmp_path):
    import_lines(tmp_path, "Okänd skola;;Floristutbildningen;2;2;165")
    hv = Programme.objects.get(code="HV")

    staff_client.post(
        QUEUE, {"kind": "programme", "name": "Floristutbildningen", "programme": hv.pk}
    )

    waiting = PendingAdmission.objects.get()
    assert (waiting.programme_name, waiting.place_name) == ("", "Okänd skola")
    assert not AdmissionStatistic.objects.exists()


def test_a_name_that_does_not_wait_cannot_be_mapped(staff_client, db):
    hv = Programme.objects.get(code="HV")

    answer = staff_client.post(
        QUEUE, {"kind": "programme", "name": "<b>Påhittat</b>", "programme": hv.pk}, follow=True
    )

    assert "Inga rader väntar" in answer.content.decode()
    assert "<b>Påhittat</b>" not in answer.content.decode()
    assert not NameAlias.objects.exists()


@pytest.mark.parametrize("role", [None, Role.COUNSELLOR])
def test_the_queue_is_not_for_the_public(client, db, role):
    if role:
        client.force_login(UserFactory(roles=[role]))

    assert client.get(QUEUE).status_code in (302, 403)
    assert client.post(QUEUE, {"kind": "place", "name": "x"}).status_code in (302, 403)


def test_public_pages_say_how_many_rows_wait(client, tmp_path, db):
    import_lines(
        tmp_path,
        "Almåsgymnasiet;Borås;Floristutbildningen;2;2;165",
        "Almåsgymnasiet;Borås;Hotell- och turismprogrammet;14;14;107,5",
    )

    page = client.get("/rekas/kommun/1490/?year=2025&round=final").content.decode()

    assert "1 rad ur antagningslistorna väntar" in page


def test_names_from_files_are_shown_as_text(staff_client, tmp_path):
    import_lines(tmp_path, "Skola;Borås;<script>alert(1)</script>;2;2;165")

    page = staff_client.get(QUEUE).content.decode()

    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)</script>" not in page
