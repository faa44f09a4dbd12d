"""Demo content for `manage.py seed_demo`: plans, the model plan, coordination and news.

The content itself is in data/demo/*.yaml, where an editor can change it without reading
Python; this module reads it and creates what is missing. Idempotent: pages and directory
entries are created only when missing (matched by slug), so a second run changes nothing and
never overwrites what editors have done since.
"""

import uuid

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.models import Collection

from facts.models import FactPage
from methods.models import MethodPage
from syvsite.core.seed import demo_data
from syvsite.regions.models import County, Municipality

from .models import CoordinationBody, CoordinationContact, GuidancePlanPage, NewsPage, NewsTheme
from .services.model_plan import ensure_model_plan
from .services.sections import add_editor, ensure_news_index, ensure_plan_index, ensure_section
from .services.workflow import ensure_plan_workflow

User = get_user_model()
PUBLISHER_EMAIL = "admin@syv-demo.se"


def _html(text: str) -> str:
    """Rich text in the data files is written one element per line; the lines join up."""
    return "".join(line.strip() for line in text.splitlines())


def _block(block_type: str, value: dict) -> dict:
    return {"type": block_type, "id": str(uuid.uuid4()), "value": value}


def _fact_ids() -> dict[str, int]:
    """Facts bank entries by slug (seeded before the plans), for activities' `fact`."""
    return dict(FactPage.objects.live().values_list("slug", "pk"))


def _activity(row: dict, methods: dict[str, int]) -> dict:
    return _block(
        "activity",
        {
            "stage": row["stage"],
            "responsible_role": row["responsible_role"],
            "timing": row["timing"],
            "title": row["title"],
            "description": row["description"],
            "method": methods.get(row.get("method")),
            "fact": _fact_ids().get(row.get("fact")),
        },
    )


def _goals(model: dict, *, change: dict | None = None) -> list[dict]:
    goals = []
    for row in model["goals"]:
        goal = change["to"] if change and row["goal"] == change["from"] else row["goal"]
        goals.append(_block("goal", {"goal": goal, "indicator": row["indicator"]}))
    return goals


def _common_sections(model: dict, methods: dict[str, int], *, extra=()) -> dict:
    """The model plan's goals, responsibilities and activities, and `extra` activities."""
    return {
        "goals": _goals(model),
        "responsibilities": [
            _block("responsibility", {"role": row["role"], "description": row["description"]})
            for row in model["responsibilities"]
        ],
        "activities": [_activity(row, methods) for row in [*model["activities"], *extra]],
    }


def minimal_pdf(text: str) -> bytes:
    """A minimal, valid one-page PDF with a line of text, for demo attachments."""
    safe = text.encode("latin-1", "replace").decode("latin-1")
    safe = safe.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    stream = f"BT /F1 14 Tf 72 760 Td ({safe}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    output = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(output)
    output += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    output += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    output += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n".encode()
    output += f"startxref\n{xref}\n%%EOF\n".encode()
    return bytes(output)


def _attachment(municipality: Municipality, title: str) -> dict:
    Document = get_document_model()
    collection = (
        Collection.objects.filter(name=municipality.name).order_by("-depth").first()
        or Collection.get_first_root_node()
    )
    document = Document.objects.filter(title=title, collection=collection).first()
    if document is None:
        document = Document(title=title, collection=collection)
        document.file.save("beslut-demo.pdf", ContentFile(minimal_pdf(title)), save=False)
        document.save()
    return _block("attachment", {"document": document.pk, "title": title})


def _new_plan(section, spec: dict, data: dict) -> GuidancePlanPage:
    municipality = section.municipality
    names = {"kommun": municipality.name, "kommuns": municipality.name.rstrip("s") + "s"}
    every = data["every_plan"]
    content = _common_sections(
        data["model"], data["methods"], extra=spec.get("extra_activities", ())
    )
    if spec.get("attachment"):
        content["attachments"] = [_attachment(municipality, spec["attachment"])]
    return GuidancePlanPage(
        title=spec["title"],
        slug=spec["slug"],
        summary=every["summary"].format(**names),
        valid_from=spec["valid_from"],
        valid_to=spec["valid_to"],
        adopted_by=spec.get("adopted_by", ""),
        current_state=_html(every["current_state"]).format(**names),
        follow_up=_html(every["follow_up"]).format(**names),
        **content,
    )


def _publish_later_versions(plan: GuidancePlanPage, spec: dict, data: dict, publisher) -> None:
    """Later published versions, so “Vad har ändrats?” has something to show."""
    for version in spec.get("later_versions", ()):
        page = plan.get_latest_revision_as_object()
        extra = [_activity(row, data["methods"]) for row in version.get("extra_activities", ())]
        page.activities = list(page.activities.raw_data) + extra
        if "goal_change" in version:
            page.goals = _goals(data["model"], change=version["goal_change"])
        page.save_revision(user=publisher, log_action=True).publish(user=publisher)


def _ensure_plans(*, data: dict, publisher) -> int:
    created = 0
    for spec in data["plans"]:
        section = ensure_section(municipality=Municipality.objects.get(code=spec["municipality"]))
        if section.get_children().filter(slug=spec["slug"]).exists():
            continue
        plan = section.add_child(instance=_new_plan(section, spec, data))
        plan.save_revision(user=publisher, log_action=True).publish(user=publisher)
        _publish_later_versions(plan, spec, data, publisher)
        if spec.get("draft_current_state_intro"):
            draft = plan.get_latest_revision_as_object()
            draft.current_state = _html(spec["draft_current_state_intro"]) + draft.current_state
            draft.save_revision(user=publisher, log_action=True)
        created += 1
    return created


def _ensure_editors(editors: list[dict]) -> list[str]:
    done = []
    for editor in editors:
        user = User.objects.filter(email=editor["email"]).first()
        if user is not None:
            municipality = Municipality.objects.get(code=editor["municipality"])
            add_editor(user=user, municipality=municipality)
            done.append(editor["email"])
    return done


def _members(names: list[str], county_code: str) -> list[Municipality]:
    members = []
    for name in names:
        if name.startswith("county:"):
            members += list(Municipality.objects.filter(county__code=name.split(":")[1]))
            continue
        found = Municipality.objects.filter(name=name).first()
        if found is None:
            raise Municipality.DoesNotExist(f"Kommunen ”{name}” finns inte (län {county_code}).")
        members.append(found)
    return members


def _ensure_coordination(data: dict) -> int:
    created = 0
    for spec in data["bodies"]:
        if CoordinationBody.objects.filter(slug=spec["slug"]).exists():
            continue
        body = CoordinationBody(
            slug=spec["slug"],
            name=spec["name"],
            short_name=spec["short_name"],
            kind=spec["kind"],
            county=County.objects.get(code=spec["county"]),
            website=spec["website"],
            description=spec["description"],
        )
        body.members = _members(spec["members"], spec["county"])
        body.contacts = [
            CoordinationContact(
                name=contact["name"],
                title=f"{contact['title']} {data['title_note']}",
                area=contact["area"],
                email=contact["email"],
                phone=contact["phone"],
            )
            for contact in spec["contacts"]
        ]
        body.save()
        created += 1
    return created


def _ensure_news(data: dict, *, publisher) -> int:
    index = ensure_news_index()
    created = 0
    for spec in data["news"]:
        if NewsPage.objects.filter(slug=spec["slug"]).exists():
            continue
        paragraphs = [*spec["paragraphs"], data["last_paragraph"]]
        page = index.add_child(
            instance=NewsPage(
                title=spec["title"],
                slug=spec["slug"],
                date=spec["date"],
                intro=spec["intro"],
                body=[("paragraph", f"<p>{text}</p>") for text in paragraphs],
                source_name=data["source"],
            )
        )
        page.themes = list(NewsTheme.objects.filter(slug__in=spec["themes"]))
        page.municipalities = list(Municipality.objects.filter(code__in=spec["municipalities"]))
        page.save_revision(user=publisher, log_action=True).publish(user=publisher)
        created += 1
    return created


@transaction.atomic
def run(*, stdout) -> None:
    publisher = User.objects.filter(email=PUBLISHER_EMAIL).first()
    index = ensure_plan_index()
    ensure_plan_workflow(index_page=index)
    model = demo_data("guidance_plans", "model_plan")
    methods = dict(MethodPage.objects.live().values_list("slug", "pk"))
    ensure_model_plan(
        summary=model["summary"],
        current_state=_html(model["current_state"]),
        follow_up=_html(model["follow_up"]),
        **_common_sections(model, methods),
    )
    plan_data = {**demo_data("guidance_plans", "plans"), "model": model, "methods": methods}
    plans = _ensure_plans(data=plan_data, publisher=publisher)
    editors = _ensure_editors(plan_data["editors"])
    bodies = _ensure_coordination(demo_data("guidance_plans", "coordination"))
    news = _ensure_news(demo_data("guidance_plans", "news"), publisher=publisher)
    stdout.write(
        f"  Vägledningsplaner: {plans} nya planer, modellplanen, {bodies} nya samverkansorgan, "
        f"{news} nya nyheter; redaktörer: {', '.join(editors) or 'inga demokonton hittades'}"
    )
