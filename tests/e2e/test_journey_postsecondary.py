"""A visitor looks past upper-secondary school: finds a university programme, reads its lowest
admitted scores per selection group and follows it to an occupation's outlook; then picks a YH
area and sees the share in work after graduating and where the area leads."""

import pytest
from playwright.sync_api import expect

from tests.e2e.journey_support import path_of, person

pytestmark = [pytest.mark.e2e, pytest.mark.browser]


def test_visitor_goes_from_a_university_programme_to_an_occupation(chromium, demo_site):
    with person(chromium, demo_site) as page:
        page.goto(demo_site.url + "/rekas/hogskola/")
        page.get_by_label("Sök program", exact=True).fill("arkitekt")
        page.get_by_role("button", name="Visa").click()
        page.get_by_role("link", name="Arkitektprogrammet").click()
        assert path_of(page) == "/rekas/hogskola/UMU-P1592/"
        expect(page.get_by_role("heading", level=1)).to_have_text("Arkitektprogrammet")

        hp = page.get_by_role("region", name="Lägsta antagna, urvalsgrupp HP")
        expect(hp.get_by_role("table")).to_contain_text("HT2022")
        expect(hp.locator("canvas")).to_have_count(1)

        occupations = page.get_by_role(
            "region", name="Yrken som utbildningen leder till och Arbetsförmedlingens prognos"
        )
        occupations.get_by_role("link", name="Arkitekter m.fl.").click()
        assert path_of(page) == "/rekas/yrke/2161/"
        expect(page.get_by_role("heading", level=1)).to_have_text("Arkitekter m.fl.")


def test_visitor_picks_a_yh_area_and_sees_work_after_graduating(chromium, demo_site):
    with person(chromium, demo_site) as page:
        page.goto(demo_site.url + "/rekas/yh/")
        page.get_by_label("Utbildningsområde", exact=True).select_option(label="data/It")
        page.get_by_role("button", name="Visa").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Yrkeshögskolan: data/It")

        after = page.get_by_role("region", name="Efter examen: data/It per år")
        expect(after.get_by_role("table")).to_contain_text("74 %")
        occupations = page.get_by_role(
            "region", name="Yrken som utbildningen leder till och Arbetsförmedlingens prognos"
        )
        occupations.get_by_role("link", name="Mjukvaru- och systemutvecklare m.fl.").click()
        assert path_of(page) == "/rekas/yrke/2512/"
