"""Demo content for `manage.py seed_demo`: the facts bank with real, checked entries. Idempotent.

The content is data/demo/facts.yaml; this module creates the pages that are missing and
publishes them, linking each to the methods that build on it.
"""

from datetime import date

from django.contrib.auth import get_user_model
from django.db import transaction
from tqdm import tqdm

from methods.models import MethodPage, TargetGroup, Theme
from syvsite.core.seed import demo_data

from .models import FactIndexPage, FactPage
from .services.bank import ensure_fact_bank

User = get_user_model()
EDITOR_EMAIL = "admin@syv-demo.se"
TEXT_FIELDS = (
    "kind",
    "publisher",
    "series",
    "link",
    "doi",
    "isbn",
    "sfs_number",
    "sou_number",
    "diarienummer",
    "language",
    "access",
    "licence",
    "summary",
    "implications",
)


def run(*, stdout) -> None:
    index = ensure_fact_bank()
    if index is None:
        stdout.write("  Ingen startsida – faktabanken hoppas över")
        return
    editor = User.objects.filter(email=EDITOR_EMAIL).first()
    entries = demo_data("facts", "facts")
    created = sum(
        _seed_entry(index=index, data=data, editor=editor)
        for data in tqdm(entries, desc="Fakta", unit="post", leave=False)
    )
    stdout.write(f"  {len(entries)} underlag i faktabanken ({created} nya)")


def build_page(data: dict) -> FactPage:
    """An unsaved FactPage from one YAML entry (also used by the tests of the demo data)."""
    page = FactPage(title=data["title"], slug=data["slug"], year=data.get("year"))
    for name in TEXT_FIELDS:
        value = data.get(name)
        if value is not None:
            setattr(page, name, str(value).strip())
    page.authors = "\n".join(data.get("authors", []))
    page.key_findings = "\n".join(data.get("key_findings", []))
    page.source_for_rekas = bool(data.get("source_for_rekas", False))
    if data.get("last_reviewed"):
        page.last_reviewed = date.fromisoformat(data["last_reviewed"])
    page.themes = list(Theme.objects.filter(slug__in=data.get("themes", [])))
    page.target_groups = list(TargetGroup.objects.filter(slug__in=data.get("target_groups", [])))
    page.methods = list(MethodPage.objects.filter(slug__in=data.get("methods", [])))
    return page


@transaction.atomic
def _seed_entry(*, index: FactIndexPage, data: dict, editor) -> int:
    if FactPage.objects.child_of(index).filter(slug=data["slug"]).exists():
        return 0
    page = build_page(data)
    page.owner = editor
    page.clean_fact_fields()  # the same rules as the editor's and the member's forms
    index.add_child(instance=page)
    page.save_revision(user=editor).publish(user=editor)
    return 1
