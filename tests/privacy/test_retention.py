"""The core's retention rules (unconfirmed registrations, login records, the audit log itself),
the `gallra` command's own behaviour, and the privacy page that states the rules."""

import io
from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessLog
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.utils import timezone

from syvsite.accounts.services import AccountType, register_user
from syvsite.core.seed import seed_site
from syvsite.organisations.models import Organisation
from syvsite.privacy.models import AccessLogEntry, AccessLogError
from syvsite.privacy.retention import retention_rules
from syvsite.privacy.services import log_access
from tests.factories import UserFactory, municipality

pytestmark = pytest.mark.django_db


def gallra(*args) -> str:
    out = io.StringIO()
    call_command("gallra", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def _register(email: str, *, company: str = "", days_ago: int):
    user = register_user(
        email=email, password="Ett-bra-losenord-2026", first_name="Ny", last_name="Person",
        account_type=AccountType.COMPANY if company else AccountType.COUNSELLOR,
        municipality=municipality(), company_name=company,
        org_number="556036-0793" if company else "",
    )  # fmt: skip
    get_user_model().objects.filter(pk=user.pk).update(
        date_joined=timezone.now() - timedelta(days=days_ago)
    )
    return user


def test_unconfirmed_registrations_go_after_30_days_with_their_company():
    old = _register("gammal@exempel.se", company="Aldrig Bekräftat AB", days_ago=31)
    recent = _register("ny@exempel.se", days_ago=29)
    confirmed = UserFactory(email="aktiv@exempel.se")
    get_user_model().objects.filter(pk=confirmed.pk).update(
        date_joined=timezone.now() - timedelta(days=400)
    )
    gallra("--only", "overifierade-konton")
    users = get_user_model().objects
    assert not users.filter(pk=old.pk).exists()
    assert not Organisation.objects.filter(name="Aldrig Bekräftat AB").exists()
    assert users.filter(pk=recent.pk).exists() and users.filter(pk=confirmed.pk).exists()


def test_login_records_go_after_30_days():
    for days, ip in ((31, "192.0.2.1"), (29, "192.0.2.2")):
        for model, extra in ((AccessAttempt, {"failures_since_start": 1}), (AccessLog, {})):
            row = model.objects.create(
                username="a@exempel.se", ip_address=ip, user_agent="x", path_info="/", **extra
            )
            model.objects.filter(pk=row.pk).update(
                attempt_time=timezone.now() - timedelta(days=days)
            )
    gallra()
    for model in (AccessAttempt, AccessLog):
        assert list(model.objects.values_list("ip_address", flat=True)) == ["192.0.2.2"]


def test_the_audit_log_is_kept_for_its_period_and_never_edited():
    user = UserFactory()
    old = log_access(user=user, action="view", object_type="valomgang", object_id=1, label="A")
    new = log_access(user=user, action="view", object_type="valomgang", object_id=2, label="B")
    AccessLogEntry.objects.filter(pk=old.pk).update(at=timezone.now() - timedelta(days=731))
    new.object_label = "Ändrad"
    with pytest.raises(AccessLogError):
        new.save()
    gallra("--only", "atkomstlogg")
    assert list(AccessLogEntry.objects.values_list("object_label", flat=True)) == ["B"]


def test_dry_run_changes_nothing_and_unknown_rules_are_named():
    _register("gammal@exempel.se", days_ago=40)
    output = gallra("--dry-run")
    assert "overifierade-konton" in output and "Inget ändrat" in output
    assert get_user_model().objects.filter(email="gammal@exempel.se").exists()
    with pytest.raises(CommandError, match="Okänd regel: bananer"):
        gallra("--only", "bananer")


def test_every_kind_of_data_in_the_issue_has_a_rule():
    keys = {rule.key for rule in retention_rules()}
    assert keys >= {
        "valomgangar", "bokningar", "praktikintyg", "forum-ip", "overifierade-konton",
        "avslagna-foretag", "importrapporter", "atkomstlogg", "inloggningsforsok",
    }  # fmt: skip


def test_privacy_page_states_the_rules_and_who_to_ask(client, settings):
    settings.FORUM_IP_RETENTION_DAYS = 91
    seed_site(stdout=io.StringIO())
    html = client.get("/integritet/").content.decode()
    assert "IP-adresser i foruminlägg" in html and "91 dagar efter inlägget" in html
    assert "Elever i valomgångar" in html and "365 dagar efter praktikperiodens sista dag" in html
    assert "skolans praktiksamordnare" in html
    assert "mailto:dataskydd@syv-portalen.se" in html
