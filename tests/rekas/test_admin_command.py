"""Staff upload in the Wagtail admin and the rekas_import command."""

import io

import pytest
from django.core.management import CommandError, call_command

from rekas.models import AdmissionStatistic
from syvsite.accounts.roles import Role
from tests.factories import UserFactory

GOOD = b"ar;antagningsomgang;kommunkod;skola;programkod;platser;forstahandssokande;antagna\n2025;slutlig;1480;Testskolan;VO;30;20;20\n"
BAD = b"ar;antagningsomgang;kommunkod;skola;programkod;platser;forstahandssokande;antagna\n2025;slutlig;1480;Testskolan;VO;30;-2;20\n"


def upload(client, content, name="fil.csv"):
    file = io.BytesIO(content)
    file.name = name
    return client.post("/admin/rekas/import/", {"kind": "admissions", "file": file})


@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(roles=[Role.ADMIN]))
    return client


def test_preview_then_confirm_commits(admin_client):
    response = upload(admin_client, GOOD)

    assert "Spara importen" in response.content.decode()
    assert not AdmissionStatistic.objects.exists()  # nothing before confirmation
    token = admin_client.session["rekas_upload"]["token"]
    response = admin_client.post("/admin/rekas/import/spara/", {"token": token})
    assert response.status_code == 302
    assert AdmissionStatistic.objects.get().school.name == "Testskolan"


def test_bad_file_shows_report_and_cannot_be_confirmed(admin_client):
    html = upload(admin_client, BAD).content.decode()

    assert "Filen avvisades" in html and "negativt antal" in html and "rad 2" in html
    assert "rekas_upload" not in admin_client.session
    admin_client.post("/admin/rekas/import/spara/", {"token": "x"})
    assert not AdmissionStatistic.objects.exists()


def test_rekas_editor_group_may_import(client, db):
    from django.contrib.auth.models import Group

    user = UserFactory()
    user.groups.add(Group.objects.get(name="REKAS-redaktör"))
    client.force_login(user)

    assert client.get("/admin/rekas/import/").status_code == 200


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.MUNICIPALITY_EDITOR])
def test_others_may_not_import(client, db, role):
    client.force_login(UserFactory(roles=[role]))

    response = client.get("/admin/rekas/import/")

    assert response.status_code in (302, 403)
    assert not AdmissionStatistic.objects.exists()


def test_command_imports_and_summarises(db, tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes(GOOD)
    out = io.StringIO()

    call_command("rekas_import", "admissions", str(path), stdout=out, stderr=io.StringIO())

    assert "Lästa rader: 1. Skrivna: 1. Ersatta: 0. Avvisade: 0." in out.getvalue()


def test_command_rejects_and_names_the_cell(db, tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes(BAD)
    err = io.StringIO()

    with pytest.raises(CommandError, match="inget sparades"):
        call_command("rekas_import", "admissions", str(path), stdout=io.StringIO(), stderr=err)
    assert "rad 2, kolumn ”forstahandssokande”, värde ”-2”" in err.getvalue()
