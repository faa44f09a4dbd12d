import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import get_commands
from django.db import connection

from syvsite.settings.environment import VARIABLES

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


def test_home_page_is_swedish_and_accessible_shell(client):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="sv">' in html
    assert 'class="skip-link" href="#main"' in html
    assert '<main id="main"' in html
    assert 'aria-label="Huvudmeny"' in html
    assert "/tillganglighet/" in html and "/integritet/" in html


def test_security_headers(client):
    response = client.get("/")
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


def test_readyz_lists_each_dependency(client):
    body = client.get("/readyz").json()
    assert body["checks"]["database"]["status"] == "ok"
    assert "search_engine" in body["checks"] and "index_backlog" in body["checks"]


def test_readyz_is_503_without_database(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise connection.Database.OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/readyz")
    assert response.status_code == 503
    body = json.loads(response.content)
    assert body["status"] == "down" and body["checks"]["database"]["status"] == "down"
    assert "Traceback" not in response.content.decode()


def test_unknown_page_is_a_swedish_404(client):
    response = client.get("/finns-inte/")
    assert response.status_code == 404
    assert "Sidan finns inte" in response.content.decode()


def test_readme_documents_every_environment_variable():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [v.name for v in VARIABLES if f"`{v.name}`" not in readme]
    assert not missing, f"README saknar: {missing}"


def _scheduled(markdown: str) -> list[str]:
    """The commands (name and arguments) of the cron lines in a document's ```cron blocks."""
    blocks = re.findall(r"^```cron\n(.*?)^```", markdown, re.M | re.S)
    lines = [line.split("#")[0] for block in blocks for line in block.splitlines()]
    return [line.split("manage.py", 1)[1].strip() for line in lines if "manage.py" in line]


def test_readme_lists_every_scheduled_command_once():
    """An operator setting up the scheduler finds one section with all the entries: every
    command another document schedules, each once, and each a command that exists."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(re.findall(r"^#+ Scheduled commands\b", readme, re.M)) == 1
    section = readme.split("Scheduled commands", 1)[1]
    assert readme.count("```cron") == section.count("```cron") == 1
    listed = _scheduled(readme)
    assert len(listed) == len(set(listed)), listed
    elsewhere = {c for doc in (ROOT / "docs").glob("*.md") for c in _scheduled(doc.read_text())}
    assert elsewhere <= set(listed), elsewhere - set(listed)
    names = {command.split()[0] for command in listed}
    assert names <= set(get_commands()), names - set(get_commands())
    assert "gallra" in names  # the retention rules run only if the scheduler runs them


def test_check_deploy_is_clean_with_production_settings():
    # A production environment as an operator has it: not the browser tests' escape hatch for
    # Playwright's event loop (DJANGO_ALLOW_ASYNC_UNSAFE), set in this process when one ran.
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "syvsite.settings.production",
        "SECRET_KEY": "x" * 20 + "y7#kQ!pZ2@rT9$wL5^nB8&vC1*mX4(sD6)fG3",
        "ALLOWED_HOSTS": "syv.example.se",
        "DATABASE_URL": "sqlite:///" + str(ROOT / "var" / "deploy-check.sqlite3"),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_unhandled_error_shows_swedish_500_without_traceback(client, settings):
    settings.ROOT_URLCONF = "tests.core.urls_failing"
    client.raise_request_exception = False
    response = client.get("/trasig/")
    html = response.content.decode()
    assert response.status_code == 500
    assert "Något gick fel hos oss" in html
    assert "simulated bug" not in html and "Traceback" not in html


def test_lost_database_answers_503_in_swedish_without_traceback(client, settings):
    settings.ROOT_URLCONF = "tests.core.urls_failing"
    client.raise_request_exception = False
    page = client.get("/databas-borta/")
    api = client.get("/api/v1/databas-borta/")
    assert page.status_code == 503 and api.status_code == 503
    assert page["Retry-After"] == "30"
    assert "tillfälligt otillgänglig" in page.content.decode()
    assert api.json()["detail"].startswith("Tjänsten är tillfälligt otillgänglig")
    for body in (page.content.decode(), api.content.decode()):
        assert "connection refused" not in body and "Traceback" not in body


def test_wagtail_admin_shows_a_local_avatar_not_gravatar(client, db):
    """Gravatar is blocked by our Content-Security-Policy and unreachable offline: the admin
    shows Wagtail's own default avatar instead of a broken image."""
    from tests.factories import UserFactory

    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    page = client.get("/admin/").content.decode()
    assert "gravatar.com" not in page
    assert "default-user-avatar" in page
