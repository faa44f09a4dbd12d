"""Demo content for `manage.py seed_demo`: the method bank with its demo methods. Idempotent.

The content is in data/demo/ (methods.yaml, feedback.yaml, pending_submission.yaml); this
module reads it and writes it through the same services the site uses.
"""

import io
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from PIL import Image, ImageDraw
from tqdm import tqdm
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from syvsite.core.seed import demo_data
from syvsite.organisations.models import Organisation

from .models import (
    MethodAttachment,
    MethodComment,
    MethodFormat,
    MethodImage,
    MethodIndexPage,
    MethodPage,
    TargetGroup,
    Theme,
)
from .services.bank import ensure_method_bank
from .services.feedback import add_comment, moderate_comment, rate_method, set_used
from .services.submissions import MethodContent, submit_method

User = get_user_model()
EDITOR_EMAIL = "admin@syv-demo.se"
MODERATOR_EMAIL = "moderator@syv-demo.se"
ORGANISATIONS = ["Hvitfeldtska gymnasiet", "Malmö Latinskola", "Göteborgs kommun", "Malmö kommun"]


def run(*, stdout) -> None:
    index = ensure_method_bank()
    if index is None:
        stdout.write("  Ingen startsida – metodbanken hoppas över")
        return
    editor = User.objects.filter(email=EDITOR_EMAIL).first()
    methods = demo_data("methods", "methods")
    created = 0
    for position, data in enumerate(tqdm(methods, desc="Metoder", unit="metod", leave=False)):
        created += _seed_method(index=index, data=data, position=position, editor=editor)
    _seed_feedback()
    _seed_pending_submission()
    stdout.write(f"  {len(methods)} metoder i metodbanken ({created} nya)")


@transaction.atomic
def _seed_method(*, index: MethodIndexPage, data: dict, position: int, editor) -> int:
    if MethodPage.objects.child_of(index).filter(slug=data["slug"]).exists():
        return 0
    organisations = list(Organisation.objects.filter(name__in=ORGANISATIONS))
    page = MethodPage(
        title=data["title"],
        slug=data["slug"],
        summary=data["summary"],
        purpose=data["purpose"],
        duration=data["duration"],
        time_needed=data.get("time_needed", ""),
        preparation=data.get("preparation", ""),
        materials=data.get("materials", ""),
        adaptation_tips=data.get("adaptation_tips", ""),
        author_organisation=organisations[position % len(organisations)] if organisations else None,
        last_reviewed=date(2026, 10, 1) - timedelta(days=7 * position),
        owner=editor,
    )
    page.target_groups = list(TargetGroup.objects.filter(slug__in=data["target_groups"]))
    page.formats = list(MethodFormat.objects.filter(slug__in=data["formats"]))
    page.themes = list(Theme.objects.filter(slug__in=data["themes"]))
    page.steps = [("step", _step(step)) for step in data["steps"]]
    page.steering_references = [
        ("reference", {"document": ref["document"], "section": ref["section"], "url": ""})
        for ref in data.get("references", [])
    ]
    _add_media(page, data["slug"], editor)
    index.add_child(instance=page)
    page.save_revision(user=editor).publish(user=editor)
    # Spread publication dates so "newest first" means something in the demo.
    published = timezone.now() - timedelta(days=3 * position, hours=position)
    MethodPage.objects.filter(pk=page.pk).update(
        first_published_at=published, last_published_at=published
    )
    return 1


def _step(data: dict) -> dict:
    return {
        "title": data["title"],
        "instructions": data["instructions"],
        "minutes": data.get("minutes"),
    }


def _add_media(page: MethodPage, slug: str, editor) -> None:
    if slug == "livslinjen":
        image = get_image_model()(
            title="Exempel på livslinje",
            file=ContentFile(_lifeline_png(), name="livslinje-exempel.png"),
            uploaded_by_user=editor,
        )
        image._set_image_file_metadata()
        image.save()
        page.images = [
            MethodImage(
                image=image,
                alt_text=(
                    "Handritad livslinje från födsel till idag med toppar vid flytt till ny stad "
                    "och första sommarjobbet och en dal vid avbrutna studier."
                ),
                caption="Exempel på en livslinje",
            )
        ]
    if slug == "yrkesintervju":
        pdf = _interview_pdf()
        if pdf:
            document = get_document_model()(
                title="Intervjumall – yrkesintervju",
                file=ContentFile(pdf, name="intervjumall-yrkesintervju.pdf"),
                uploaded_by_user=editor,
            )
            document._set_document_file_metadata()
            document.save()
            page.attachments = [MethodAttachment(document=document, title="Intervjumall")]


def _lifeline_png() -> bytes:
    canvas = Image.new("RGB", (800, 400), "white")
    draw = ImageDraw.Draw(canvas)
    draw.line([(40, 200), (760, 200)], fill="#4a5560", width=2)
    points = [(40, 200), (160, 120), (280, 260), (400, 90), (520, 300), (640, 140), (760, 110)]
    draw.line(points, fill="#005a6e", width=5)
    for x, y in points:
        draw.ellipse([x - 7, y - 7, x + 7, y + 7], fill="#8a3b12")
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    return buffer.getvalue()


def _interview_pdf() -> bytes | None:
    try:
        from fpdf import FPDF
    except ImportError:
        return None
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 10, "Intervjumall - yrkesintervju", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=12)
    questions = [
        "Vad heter ditt yrke och vad gör du en vanlig dag?",
        "Vilken utbildning har du och hur hittade du yrket?",
        "Vad är det bästa och det svåraste med ditt arbete?",
        "Vilka egenskaper är viktiga i ditt yrke?",
        "Hur tror du att yrket ser ut om tio år?",
    ]
    for number, question in enumerate(questions, start=1):
        pdf.multi_cell(0, 8, f"{number}. {question}", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(12)
    return bytes(pdf.output())


def _seed_feedback() -> None:
    data = demo_data("methods", "feedback")
    rows = data["feedback"]
    users = {u.email: u for u in User.objects.filter(email__in={row["user"] for row in rows})}
    moderator = User.objects.filter(email=MODERATOR_EMAIL).first()
    methods = {m.slug: m for m in MethodPage.objects.live()}
    for row in rows:
        user, method = users.get(row["user"]), methods.get(row["method"])
        if user is None or method is None:
            continue
        if row["used"]:
            set_used(user=user, method=method)
        if row.get("score"):
            rate_method(user=user, method=method, score=row["score"])
        comment = row.get("comment", "")
        if (
            comment
            and not MethodComment.objects.filter(method=method, user=user, text=comment).exists()
        ):
            created = add_comment(user=user, method=method, text=comment)
            if moderator is not None:
                moderate_comment(comment=created, moderator=moderator, approve=True)
    pending = data["pending_comment"]
    user = User.objects.filter(email=pending["user"]).first()
    method = methods.get(pending["method"])
    if user and method and not MethodComment.objects.filter(method=method, user=user).exists():
        add_comment(user=user, method=method, text=pending["comment"])


def _seed_pending_submission() -> None:
    """One contribution waiting for review, so editors and "Mina sidor" have something to show."""
    data = demo_data("methods", "pending_submission")
    submitter = User.objects.filter(email=data["submitter"]).first()
    if submitter is None or submitter.method_submissions.exists():
        return
    content = MethodContent(
        title=data["title"],
        summary=data["summary"],
        purpose=data["purpose"],
        duration=data["duration"],
        target_groups=list(TargetGroup.objects.filter(slug__in=data["target_groups"])),
        formats=list(MethodFormat.objects.filter(slug__in=data["formats"])),
        themes=list(Theme.objects.filter(slug__in=data["themes"])),
        steps=[_step(step) for step in data["steps"]],
    )
    # The receipt e-mail would only clutter the console during seeding.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        submit_method(user=submitter, content=content)
