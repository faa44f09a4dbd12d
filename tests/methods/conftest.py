"""Fixtures for the method bank: members, an editor, uploads built in code."""

import io
import struct
import zipfile
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from syvsite.accounts.roles import Role
from tests.factories import make_member


@pytest.fixture(autouse=True)
def method_bank(db):
    """/metoder/ and its workflow, as the migrations create them."""
    from methods.models import MethodIndexPage

    return MethodIndexPage.objects.get()


@pytest.fixture
def other_member(db):
    return make_member()


@pytest.fixture
def editor(db):
    """A moderator: reviews contributions in the Wagtail admin and moderates comments."""
    return make_member(role=Role.MODERATOR)


def png_bytes(width: int = 40, height: int = 30, colour: str = "teal") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def png_header_only(width: int, height: int) -> bytes:
    """A PNG signature and IHDR chunk claiming `width`×`height`, with no pixel data at all."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    return (
        b"\x89PNG\r\n\x1a\n"
        + struct.pack(">I", len(ihdr))
        + chunk
        + struct.pack(">I", zlib.crc32(chunk) & 0xFFFFFFFF)
    )


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


PDF_BYTES = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
SVG_WITH_SCRIPT = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg">'
    b"<script>alert(document.cookie)</script><rect width='10' height='10'/></svg>"
)


def upload(name: str, content: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def submission_data(**overrides) -> dict:
    """A complete, valid POST for /metoder/bidra/ (no files)."""
    data = {
        "title": "Yrkeslotteriet",
        "summary": "Eleverna drar ett yrke ur en hatt och tar reda på allt om det på tjugo minuter.",
        "purpose": "Eleverna upptäcker yrken de aldrig hört talas om.",
        "target_groups": ["grundskola-7-9", "gymnasieskola"],
        "formats": ["klass"],
        "themes": ["arbetsmarknadskunskap"],
        "duration": "lektion",
        "time_needed": "",
        "preparation": "Skriv yrken på lappar.",
        "materials": "Lappar\nEn hatt",
        "adaptation_tips": "",
        "author_organisation": "",
    }
    for prefix, rows in (("steps", 1), ("refs", 0), ("images", 0), ("files", 0)):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": str(max(rows, 1)),
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    data.update(
        {
            "steps-0-title": "Dra ett yrke",
            "steps-0-instructions": "Varje elev drar en lapp och söker fakta om yrket.",
            "steps-0-minutes": "20",
        }
    )
    data.update(overrides)
    return data
