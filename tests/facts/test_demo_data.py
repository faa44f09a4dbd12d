"""The demo facts (facts/data/demo/facts.yaml) pass the same rules as an editor's entry."""

import pytest

from facts.models import FactPage, Kind
from facts.seed import build_page, run
from methods.models import TargetGroup, Theme
from syvsite.core.seed import demo_data

pytestmark = pytest.mark.django_db

ENTRIES = demo_data("facts", "facts")


def test_at_least_thirty_entries_with_unique_addresses():
    slugs = [entry["slug"] for entry in ENTRIES]
    assert len(slugs) >= 30
    assert len(set(slugs)) == len(slugs)


@pytest.mark.parametrize("entry", ENTRIES, ids=[entry["slug"] for entry in ENTRIES])
def test_entry_is_valid_and_already_normalised(entry):
    page = build_page(entry)
    page.clean_fact_fields()
    for name in ("doi", "isbn", "sfs_number", "sou_number", "diarienummer"):
        assert getattr(page, name) == str(entry.get(name, "")), name  # stored as written
    assert entry["kind"] in Kind.values
    assert set(entry["themes"]) <= set(Theme.objects.values_list("slug", flat=True))
    assert set(entry["target_groups"]) <= set(TargetGroup.objects.values_list("slug", flat=True))
    known_methods = {method["slug"] for method in demo_data("methods", "methods")}
    assert set(entry.get("methods", [])) <= known_methods


def test_seed_is_idempotent(capsys):
    class Out:
        def write(self, text):
            print(text)

    run(stdout=Out())
    run(stdout=Out())
    assert FactPage.objects.live().count() == len(ENTRIES)
    assert "(0 nya)" in capsys.readouterr().out
