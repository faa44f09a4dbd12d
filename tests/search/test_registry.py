"""Registration mistakes in a domain app's documents.py are reported by `manage.py check`."""

from dataclasses import replace

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from elasticsearch_dsl import Integer, Keyword, Text

from search import registry
from search.checks import problems
from search.registry import Facet
from tests.search.conftest import ORG_TYPE, OrganisationDocument


class LooseDocument(OrganisationDocument):
    phase = Text()
    rating = Integer()
    level = Keyword()


def test_the_registered_types_are_valid():
    for search_type in registry.all_types():
        assert problems(search_type) == [], search_type.name


def test_a_wrong_registration_is_reported(org_type):
    wrong = replace(
        org_type,
        name="Fel Namn",
        document=LooseDocument,
        facets=(Facet("phase", "Fas"), Facet("level", "Nivå")),
        query_fields=("title^3", "rating"),
        sortable=("rating", "phase"),
    )
    found = problems(wrong)
    assert any("lowercase" in problem for problem in found)
    assert any("facet 'phase'" in problem for problem in found)
    assert not any("facet 'level'" in problem for problem in found)
    assert any("query field 'rating'" in problem for problem in found)
    assert any("sortable field 'phase'" in problem for problem in found)
    assert not any("sortable field 'rating'" in problem for problem in found)


def test_manage_py_check_fails_on_a_wrong_registration(org_type):
    registry.register(replace(org_type, facets=(Facet("title", "Titel"),)))
    with pytest.raises(SystemCheckError, match=f"Search type '{ORG_TYPE}': facet 'title'"):
        call_command("check")
