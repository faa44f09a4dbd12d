"""The coordination directory, and the Mina sidor panel for municipality editors."""

import pytest

from guidance_plans.models import CoordinationBody
from syvsite.regions.models import County, Municipality
from tests.factories import municipality

from .factories import CoordinationBodyFactory, CoordinationContactFactory, GuidancePlanPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(db):
    gr = CoordinationBodyFactory(
        name="Göteborgsregionen",
        short_name="GR",
        slug="gr",
        members=[municipality("1480"), municipality("1384"), municipality("1481")],
    )
    CoordinationContactFactory(body=gr, name="Karin Demo", email="karin@syv-demo.se")
    skane = CoordinationBodyFactory(
        name="Skåne Nordväst",
        slug="skane-nordvast",
        kind=CoordinationBody.Kind.SUBREGION,
        county=County.objects.get(code="12"),
        members=list(Municipality.objects.filter(code__in=["1283", "1282"])),
    )
    return gr, skane


def test_directory_lists_bodies_by_county_with_contacts_and_members(client, directory):
    html = client.get("/vagledningsplaner/samverkan/").content.decode()
    assert '<h2 id="lan-12">Skåne län</h2>' in html
    assert '<h2 id="lan-14">Västra Götalands län</h2>' in html
    assert "Göteborgsregionen (GR)" in html
    assert '<a href="mailto:karin@syv-demo.se">' in html
    assert "3 medlemskommuner" in html and "<li>Kungsbacka</li>" in html


def test_directory_answers_which_body_a_municipality_belongs_to(client, directory):
    html = client.get("/vagledningsplaner/samverkan/", {"kommun": "1384"}).content.decode()
    assert "Kungsbacka ingår i 1 samverkan." in html
    assert "Göteborgsregionen" in html and "Skåne Nordväst" not in html
    assert "<strong>Kungsbacka</strong>" in html


def test_directory_filters_by_county_and_explains_bad_input(client, directory):
    html = client.get("/vagledningsplaner/samverkan/", {"lan": "12"}).content.decode()
    assert "Skåne Nordväst" in html and "Göteborgsregionen" not in html
    bad = client.get("/vagledningsplaner/samverkan/", {"kommun": "0000"})
    assert bad.status_code == 200
    assert "Kommunen finns inte" in bad.content.decode()


def test_editor_sees_own_plans_with_status_on_mina_sidor(client, make_editor, plan_index):
    GuidancePlanPageFactory(municipality_code="1480", title="Göteborgs gällande plan")
    GuidancePlanPageFactory(
        municipality_code="1480", title="Göteborgs utkast", live=False, publish=False
    )
    GuidancePlanPageFactory(municipality_code="1280", title="Malmös plan")
    client.force_login(make_editor("1480"))
    html = client.get("/mina-sidor/").content.decode()
    assert "Mina vägledningsplaner" in html
    assert "Göteborgs gällande plan" in html and "Göteborgs utkast" in html
    assert "Utkast" in html and "Publicerad" in html
    assert "Malmös plan" not in html
    assert "/admin/pages/" in html


def test_counsellors_do_not_get_the_editor_panel(member_client, plan_index):
    html = member_client.get("/mina-sidor/").content.decode()
    assert "Mina vägledningsplaner" not in html
