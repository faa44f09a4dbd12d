"""Fixtures for guidance plans: the page tree with its workflow, and municipality editors."""

import pytest

from guidance_plans.services.sections import add_editor, ensure_news_index, ensure_plan_index
from guidance_plans.services.workflow import ensure_plan_workflow
from syvsite.accounts.roles import Role
from tests.factories import UserFactory, municipality


@pytest.fixture
def plan_index(db):
    index = ensure_plan_index()
    ensure_plan_workflow(index_page=index)
    return index


@pytest.fixture
def news_index(db):
    return ensure_news_index()


@pytest.fixture
def make_editor(plan_index):
    def make(code: str):
        user = UserFactory(roles=[Role.MUNICIPALITY_EDITOR])
        add_editor(user=user, municipality=municipality(code))
        return user

    return make


@pytest.fixture
def moderator(db):
    return UserFactory(roles=[Role.MODERATOR])
