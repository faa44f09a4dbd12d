"""In a real browser: a pupil signs in with a code and ranks places using only the keyboard."""

import re

import pytest

from internships.services.rounds import add_participants, open_round

from .factories import (
    ListingFactory,
    PeriodFactory,
    SchoolFactory,
    in_days,
    round_data,
    school_staff,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_pupil_ranks_places_with_the_keyboard(live_server, browser_page):
    school = SchoolFactory()
    choice_round = open_round(school=school, created_by=school_staff(school), data=round_data())
    for title in ("Bageri", "Verkstad"):
        PeriodFactory(listing=ListingFactory(title=title), start_date=in_days(30))
    code = add_participants(choice_round=choice_round, rows=[("Ada Andersson", "8A")])[0].code
    console_errors: list[str] = []
    browser_page.on(
        "console", lambda m: console_errors.append(m.text) if m.type == "error" else None
    )

    browser_page.goto(f"{live_server.url}/praktik/elev/logga-in/")
    browser_page.locator("#id_code").focus()
    browser_page.keyboard.type(code.lower())
    browser_page.keyboard.press("Enter")
    browser_page.wait_for_url(re.compile(r".*/praktik/elev/\d+/$"))
    assert "Hej Ada Andersson" in browser_page.content()

    # The same place twice: the error summary gets focus and names the problem.
    first, second = browser_page.locator("#id_choice_1"), browser_page.locator("#id_choice_2")
    first.select_option(label=first.locator("option", has_text="Bageri").inner_text())
    second.select_option(label=second.locator("option", has_text="Bageri").inner_text())
    browser_page.locator("button", has_text="Spara mina val").focus()
    browser_page.keyboard.press("Enter")
    summary = browser_page.locator(".error-summary")
    summary.wait_for()
    assert "samma plats mer än en gång" in summary.inner_text()
    assert summary.evaluate("el => el === document.activeElement")

    browser_page.locator("#id_choice_2").select_option(
        label=browser_page.locator("#id_choice_2 option", has_text="Verkstad").inner_text()
    )
    browser_page.locator("button", has_text="Spara mina val").click()
    browser_page.wait_for_selector("text=Dina val är sparade")
    ranked = browser_page.locator("main ol li").all_inner_texts()
    assert ranked[0].startswith("Bageri") and ranked[1].startswith("Verkstad")
    assert console_errors == []  # e.g. no Content-Security-Policy violations
