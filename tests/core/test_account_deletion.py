"""A member's own data: the download and the deletion other apps hook into."""

import pytest
from django.contrib.auth import get_user_model

from syvsite.accounts.services import delete_account, export_personal_data
from syvsite.accounts.signals import account_deleting, collect_personal_data
from syvsite.organisations.models import Membership
from tests.factories import OrganisationFactory, make_member

pytestmark = pytest.mark.django_db


def test_export_has_profile_and_what_apps_contribute():
    user = make_member(first_name="Vera", organisation=OrganisationFactory(name="Hvitfeldtska"))

    def contribute(sender, *, user, **kwargs):
        return "testapp", {"items": [user.first_name]}

    collect_personal_data.connect(contribute)
    try:
        data = export_personal_data(user=user)
    finally:
        collect_personal_data.disconnect(contribute)
    assert data["profile"]["first_name"] == "Vera"
    assert data["profile"]["organisations"][0]["name"] == "Hvitfeldtska"
    assert data["testapp"] == {"items": ["Vera"]}


def test_delete_removes_user_and_memberships():
    user = make_member(organisation=OrganisationFactory())
    delete_account(user=user)
    assert not get_user_model().objects.filter(pk=user.pk).exists()
    assert not Membership.objects.exists()


def test_a_failing_app_aborts_the_whole_deletion():
    user = make_member()

    def refuse(sender, **kwargs):
        raise RuntimeError("kan inte anonymisera")

    account_deleting.connect(refuse)
    try:
        with pytest.raises(RuntimeError):
            delete_account(user=user)
    finally:
        account_deleting.disconnect(refuse)
    assert get_user_model().objects.filter(pk=user.pk).exists()
