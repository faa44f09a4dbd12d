"""Uploads with a contributed method are checked by content, with Swedish field errors."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from methods import conf
from methods.forms.uploads import validate_document, validate_image
from methods.models import MethodPage

from .conftest import (
    PDF_BYTES,
    SVG_WITH_SCRIPT,
    docx_bytes,
    png_bytes,
    png_header_only,
    submission_data,
    upload,
)

pytestmark = pytest.mark.django_db


def _with_image(content: bytes, name: str, alt: str = "Ett arbetsblad med frågor") -> dict:
    return {
        "images-TOTAL_FORMS": "1",
        "images-0-file": upload(name, content, "image/png"),
        "images-0-alt_text": alt,
    }


def _with_attachment(content: bytes, name: str) -> dict:
    return {"files-TOTAL_FORMS": "1", "files-0-file": upload(name, content)}


def _submit(member_client, extra: dict):
    return member_client.post("/metoder/bidra/", submission_data(**extra))


def _nothing_stored():
    assert not MethodPage.objects.filter(title="Yrkeslotteriet").exists()
    assert not get_image_model().objects.exists()
    assert not get_document_model().objects.exists()


def test_html_renamed_to_pdf_is_refused(member_client):
    html = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
    response = _submit(member_client, _with_attachment(html, "arbetsblad.pdf"))
    assert response.status_code == 400
    assert "inte ut att vara en riktig .pdf-fil" in response.content.decode()
    _nothing_stored()


def test_huge_image_header_is_refused_without_decoding(member_client):
    response = _submit(member_client, _with_image(png_header_only(20000, 20000), "affisch.png"))
    assert response.status_code == 400
    assert "Bilden är för stor" in response.content.decode()
    _nothing_stored()


def test_image_just_over_the_pixel_limit_names_its_size(settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
    with pytest.raises(ValidationError) as error:
        validate_image(upload("bred.png", png_header_only(8000, 5001)))
    assert "8000 × 5001" in error.value.messages[0]


def test_svg_with_script_is_refused(member_client):
    response = _submit(member_client, _with_image(SVG_WITH_SCRIPT, "logga.svg"))
    assert response.status_code == 400
    assert "SVG-bilder" in response.content.decode()
    _nothing_stored()


def test_svg_renamed_to_png_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_image(upload("logga.png", SVG_WITH_SCRIPT))
    assert error.value.code == "svg"


def test_image_without_alt_text_is_refused(member_client):
    response = _submit(member_client, _with_image(png_bytes(), "bild.png", alt=""))
    assert response.status_code == 400
    assert "Skriv en alternativtext" in response.content.decode()
    _nothing_stored()


def test_too_large_document_is_refused():
    big = upload("stor.pdf", b"%PDF-1.4\n" + b"0" * conf.get("MAX_DOCUMENT_BYTES"))
    with pytest.raises(ValidationError) as error:
        validate_document(big)
    assert "Filen är för stor" in error.value.messages[0]


def test_unknown_document_type_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_document(upload("virus.exe", b"MZ\x90\x00"))
    assert "Filtypen .exe tas inte emot" in error.value.messages[0]


def test_zip_renamed_to_docx_is_refused():
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hej")
    with pytest.raises(ValidationError):
        validate_document(upload("arbetsblad.docx", buffer.getvalue()))


def test_png_named_jpg_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_image(upload("foto.jpg", png_bytes()))
    assert error.value.code == "content_mismatch"


def test_real_files_are_accepted_and_stored(member_client, member):
    extra = {
        **_with_image(png_bytes(), "arbetsblad.png"),
        "files-TOTAL_FORMS": "2",
        "files-0-file": upload("handledning.pdf", PDF_BYTES, "application/pdf"),
        "files-0-title": "Lärarhandledning",
        "files-1-file": upload("fragor.docx", docx_bytes()),
    }
    response = _submit(member_client, extra)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = MethodPage.objects.get(title="Yrkeslotteriet")
    image = page.images.get()
    assert image.alt_text == "Ett arbetsblad med frågor"
    assert (image.image.width, image.image.height) == (40, 30)
    assert image.image.uploaded_by_user == member
    titles = sorted(a.display_title for a in page.attachments.all())
    assert titles == ["Lärarhandledning", "fragor"]
