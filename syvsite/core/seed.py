"""Demo content shared by every section: the site's pages and one account per role.

The content is in data/demo/site.yaml and accounts.yaml, where an editor can change it without
reading Python; `demo_data()` is the one loader every app's seed.py uses for its own files.
Idempotent: pages are updated by slug, accounts by e-mail.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from importlib import import_module
from pathlib import Path
from typing import Any

import yaml
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Page, Site

from syvsite.accounts.roles import Role
from syvsite.accounts.services import assign_role
from syvsite.home.models import HomePage, StandardPage
from syvsite.organisations.models import Organisation
from syvsite.organisations.services import add_member, municipality_organisation
from syvsite.regions.models import Municipality


def demo_data(package: str, name: str) -> Any:
    """`<package>/data/demo/<name>.yaml` as Python data: `demo_data("forum", "threads")`."""
    folder = Path(import_module(package).__file__).parent / "data" / "demo"
    with (folder / f"{name}.yaml").open(encoding="utf-8") as file:
        return yaml.safe_load(file)


@cache
def _site() -> dict:
    return demo_data("syvsite.core", "site")


@cache
def _accounts() -> dict:
    return demo_data("syvsite.core", "accounts")


def accessibility_review() -> dict:
    """What the accessibility statement reports: reviewed (date), axe_version, pages_checked."""
    return dict(_site()["accessibility_review"])


def demo_password() -> str:
    return _accounts()["password"]


def standard_page(slug: str) -> dict:
    return next(page for page in _site()["pages"] if page["slug"] == slug)


def _home() -> HomePage:
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(title="Studie- och yrkesvägledning", slug="start"))
        Site.objects.update_or_create(
            is_default_site=True, defaults={"root_page": home, "hostname": "localhost"}
        )
    return home


def _body(blocks: list[dict], review: dict) -> list[tuple[str, str]]:
    values = {**review, "reviewed": f"{review['reviewed']:%Y-%m-%d}"}
    body = []
    for block in blocks:
        ((kind, text),) = block.items()
        text = " ".join(text.split()).format(**values)
        body.append((kind, f"<p>{text}</p>" if kind == "paragraph" else text))
    return body


def _last_reviewed(value: date | str, review: dict) -> date:
    return review["reviewed"] if value == "accessibility_review" else value


@transaction.atomic
def seed_site(*, stdout) -> HomePage:
    content, review = _site(), accessibility_review()
    home = _home()
    home.title = content["home"]["title"]
    home.intro = " ".join(content["home"]["intro"].split())
    home.sections = [("section", section) for section in content["home"]["sections"]]
    home.save_revision().publish()
    for item in content["pages"]:
        page = StandardPage.objects.child_of(home).filter(slug=item["slug"]).first()
        if page is None:
            page = home.add_child(instance=StandardPage(title=item["title"], slug=item["slug"]))
        page.title, page.intro = item["title"], item["intro"]
        page.body = _body(item["body"], review)
        page.last_reviewed = _last_reviewed(item["last_reviewed"], review)
        page.save_revision().publish()
    stdout.write(f"  Startsida och {len(content['pages'])} informationssidor")
    return home


def _organisation(kind: str, municipality: Municipality) -> Organisation:
    accounts = _accounts()
    if kind == "school":
        school = accounts["schools"][municipality.code]
        return Organisation.objects.get_or_create(
            kind=Organisation.Kind.SCHOOL,
            name=school["name"],
            defaults={
                "municipality": municipality,
                "school_unit_code": school["school_unit_code"],
                "is_approved": True,
            },
        )[0]
    company = accounts["company"]
    return Organisation.objects.get_or_create(
        kind=Organisation.Kind.COMPANY,
        org_number=company["org_number"],
        defaults={"name": company["name"], "municipality": municipality, "is_approved": True},
    )[0]


def _demo_authenticator(user, key: str) -> None:
    """The demo account's authenticator app (key from accounts.yaml), so staff can sign in with
    their second factor on the demo site."""
    TOTPDevice.objects.update_or_create(
        user=user, name="Demoapp", defaults={"key": key, "confirmed": True}
    )


MUNICIPALITY_MEMBERS = (Role.COUNSELLOR, Role.MUNICIPALITY_EDITOR, Role.PLACEMENT_COORDINATOR)


@transaction.atomic
def seed_users(*, stdout) -> dict:
    User = get_user_model()
    accounts = _accounts()
    users = {}
    for account in accounts["users"]:
        role = Role[account["role"].upper()]
        municipality = Municipality.objects.get(code=account["municipality"])
        user, created = User.objects.get_or_create(
            email=account["email"],
            defaults={
                "first_name": account["first_name"],
                "last_name": account["last_name"],
                "home_municipality": municipality,
            },
        )
        if created:
            user.set_password(accounts["password"])
        user.is_active = True
        user.email_verified_at = user.email_verified_at or timezone.now()
        user.is_superuser = user.is_staff = role == Role.ADMIN
        user.save()
        assign_role(user=user, role=role)
        if role in MUNICIPALITY_MEMBERS:
            add_member(user=user, organisation=municipality_organisation(municipality=municipality))
        kind = account.get("organisation")
        if kind:
            organisation = _organisation(kind, municipality)
            add_member(
                user=user,
                organisation=organisation,
                **({"role": "admin"} if kind == "company" else {}),
            )
        if account.get("totp_key"):
            _demo_authenticator(user, account["totp_key"])
        users[role] = users.get(role) or user
    stdout.write(f"  {len(accounts['users'])} demokonton (lösenord: {accounts['password']})")
    return users
