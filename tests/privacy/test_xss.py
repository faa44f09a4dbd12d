"""The XSS corpus through the audit log: a choice round title or school name typed by a school
ends up in log entries, and the search form shows what the administrator typed. Both inert."""

import pytest
from django.urls import reverse

from syvsite.accounts.roles import Role
from syvsite.privacy.services import log_access
from tests.factories import make_member
from tests.forum.safety import problems_in_page
from tests.forum.test_xss import CORPUS

pytestmark = pytest.mark.django_db


def test_corpus_in_entries_and_search_fields_is_inert(client):
    admin = make_member(role=Role.ADMIN)
    client.force_login(admin)
    for index, payload in enumerate(CORPUS):
        log_access(
            user=admin, action="view", object_type="valomgang", object_id=index,
            label=f"Valomgång: {payload}", organisation=payload,
        )  # fmt: skip
    url = reverse("privacy:access_log")
    shown = 0
    for payload in CORPUS:
        for params in ({"object_text": payload}, {"user": payload}, {}):
            response = client.get(url, params)
            html = response.content.decode()
            assert response.status_code in (200, 400), payload
            assert problems_in_page(html) == [], (payload, params)
            shown += "Valomgång:" in html
    assert shown >= len(CORPUS)
