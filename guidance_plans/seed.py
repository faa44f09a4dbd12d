"""Demo content for `manage.py seed_demo`: plans, the model plan, coordination and news.

Idempotent: pages and directory entries are created only when missing (matched by slug), so a
second run changes nothing and never overwrites what editors have done since.
"""

import uuid

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.models import Collection

from syvsite.regions.models import County, Municipality

from .models import CoordinationBody, CoordinationContact, GuidancePlanPage, NewsPage, NewsTheme
from .seed_data import coordination as coordination_data
from .seed_data import news as news_data
from .seed_data import plans as plan_data
from .seed_data.pdf import minimal_pdf
from .services.model_plan import ensure_model_plan
from .services.sections import add_editor, ensure_news_index, ensure_plan_index, ensure_section
from .services.workflow import ensure_plan_workflow

User = get_user_model()
PUBLISHER_EMAIL = "admin@syv-demo.se"
EDITORS = {"redaktor.goteborg@syv-demo.se": "1480", "redaktor.malmo@syv-demo.se": "1280"}


def _block(block_type: str, value: dict) -> dict:
    return {"type": block_type, "id": str(uuid.uuid4()), "value": value}


def _activity_blocks(keys, extra, methods: dict[str, int]) -> list[dict]:
    rows = [plan_data.ACTIVITIES[key] for key in keys] + list(extra)
    return [
        _block(
            "activity",
            {
                "stage": stage,
                "responsible_role": role,
                "timing": timing,
                "title": title,
                "description": description,
                "method": methods.get(slug),
            },
        )
        for stage, role, timing, title, description, slug in rows
    ]


def _common_sections(methods: dict[str, int], *, keys=None, extra=()) -> dict:
    return {
        "goals": [_block("goal", {"goal": g, "indicator": i}) for g, i in plan_data.GOALS],
        "responsibilities": [
            _block("responsibility", {"role": role, "description": text})
            for role, text in plan_data.RESPONSIBILITIES
        ],
        "activities": _activity_blocks(keys or plan_data.BASE_ACTIVITIES, extra, methods),
    }


def _methods_by_slug() -> dict[str, int]:
    try:
        from methods.models import MethodPage
    except ImportError:  # the method bank is optional for this app
        return {}
    return dict(MethodPage.objects.live().values_list("slug", "pk"))


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


def _new_plan(section, spec: dict, methods: dict[str, int]) -> GuidancePlanPage:
    municipality = section.municipality
    keys = [key for key in plan_data.BASE_ACTIVITIES if key not in spec.get("skip", ())]
    content = _common_sections(methods, keys=keys, extra=spec.get("extra", ()))
    if spec.get("attachment"):
        content["attachments"] = [_attachment(municipality, "Nämndens beslut om planen (demo)")]
    return GuidancePlanPage(
        title=spec["title"],
        slug=spec["slug"],
        summary=f"Så arbetar skolorna i {municipality.name} med studie- och yrkesvägledning.",
        valid_from=spec["valid_from"],
        valid_to=spec["valid_to"],
        adopted_by=spec.get("adopted_by", ""),
        current_state=plan_data.CURRENT_STATE.format(name=municipality.name.rstrip("s")),
        follow_up=plan_data.FOLLOW_UP,
        **content,
    )


def _publish_revisions(plan: GuidancePlanPage, spec: dict, methods, publisher) -> None:
    """Later published versions, so “Vad har ändrats?” has something to show."""
    for change in spec.get("revisions", ()):
        page = plan.get_latest_revision_as_object()
        blocks = list(page.activities.raw_data)
        page.activities = blocks + _activity_blocks([], change.get("extra", ()), methods)
        if "goal_change" in change:
            old, new = change["goal_change"]
            page.goals = [
                _block("goal", {"goal": new if g == old else g, "indicator": i})
                for g, i in plan_data.GOALS
            ]
        page.save_revision(user=publisher, log_action=True).publish(user=publisher)


def _ensure_plans(*, methods: dict[str, int], publisher) -> int:
    created = 0
    for code, specs in plan_data.PLANS.items():
        section = ensure_section(municipality=Municipality.objects.get(code=code))
        for spec in specs:
            if section.get_children().filter(slug=spec["slug"]).exists():
                continue
            plan = section.add_child(instance=_new_plan(section, spec, methods))
            plan.save_revision(user=publisher, log_action=True).publish(user=publisher)
            _publish_revisions(plan, spec, methods, publisher)
            if spec.get("draft"):
                draft = plan.get_latest_revision_as_object()
                draft.current_state = spec["draft"] + draft.current_state
                draft.save_revision(user=publisher, log_action=True)
            created += 1
    return created


def _ensure_editors() -> list[str]:
    done = []
    for email, code in EDITORS.items():
        user = User.objects.filter(email=email).first()
        if user is not None:
            add_editor(user=user, municipality=Municipality.objects.get(code=code))
            done.append(email)
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


def _ensure_coordination() -> int:
    created = 0
    for slug, name, short, kind, county, web, text, names, contacts in coordination_data.BODIES:
        if CoordinationBody.objects.filter(slug=slug).exists():
            continue
        body = CoordinationBody(
            slug=slug,
            name=name,
            short_name=short,
            kind=kind,
            county=County.objects.get(code=county),
            website=web,
            description=text,
        )
        body.members = _members(names, county)
        body.contacts = [
            CoordinationContact(
                name=person,
                title=f"{title} {coordination_data.DEMO_NOTE}",
                area=area,
                email=email,
                phone=phone,
            )
            for person, title, area, email, phone in contacts
        ]
        body.save()
        created += 1
    return created


def _ensure_news(*, publisher) -> int:
    index = ensure_news_index()
    created = 0
    for slug, day, title, intro, paragraphs, themes, codes in news_data.NEWS:
        if NewsPage.objects.filter(slug=slug).exists():
            continue
        body = [("paragraph", f"<p>{text}</p>") for text in paragraphs]
        body.append(("paragraph", "<p><em>Det här är demonstrationsinnehåll.</em></p>"))
        page = index.add_child(
            instance=NewsPage(
                title=title,
                slug=slug,
                date=day,
                intro=intro,
                body=body,
                source_name=news_data.SOURCE,
            )
        )
        page.themes = list(NewsTheme.objects.filter(slug__in=themes))
        page.municipalities = list(Municipality.objects.filter(code__in=codes))
        page.save_revision(user=publisher, log_action=True).publish(user=publisher)
        created += 1
    return created


@transaction.atomic
def run(*, stdout) -> None:
    publisher = User.objects.filter(email=PUBLISHER_EMAIL).first()
    index = ensure_plan_index()
    ensure_plan_workflow(index_page=index)
    methods = _methods_by_slug()
    ensure_model_plan(
        **plan_data.MODEL_PLAN, **_common_sections(methods, keys=plan_data.BASE_ACTIVITIES)
    )
    plans = _ensure_plans(methods=methods, publisher=publisher)
    editors = _ensure_editors()
    bodies = _ensure_coordination()
    news = _ensure_news(publisher=publisher)
    stdout.write(
        f"  Vägledningsplaner: {plans} nya planer, modellplanen, {bodies} nya samverkansorgan, "
        f"{news} nya nyheter; redaktörer: {', '.join(editors) or 'inga demokonton hittades'}"
    )
