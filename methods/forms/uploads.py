"""Checks on files members upload with a method: by content, never by name alone.

An HTML page renamed to .pdf, an SVG with a script in it or a PNG header that claims
20000×20000 pixels must be refused with a clear Swedish message before anything is stored.
"""

import zipfile
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from .. import conf

IMAGE_FORMATS = {"JPEG": {"jpg", "jpeg"}, "PNG": {"png"}, "GIF": {"gif"}, "WEBP": {"webp"}}
# Office Open XML documents are zip files with this entry; OpenDocument ones start with "mimetype".
OOXML_EXTENSIONS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
ODF_MIMETYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
    "odp": b"application/vnd.oasis.opendocument.presentation",
}
DOCUMENT_EXTENSIONS = ("pdf", *OOXML_EXTENSIONS, *ODF_MIMETYPES)


def _extension(upload: UploadedFile) -> str:
    return PurePath(upload.name or "").suffix.lower().lstrip(".")


def _head(upload: UploadedFile, size: int = 1024) -> bytes:
    upload.seek(0)
    head = upload.read(size)
    upload.seek(0)
    return head


def _looks_like_markup(head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith((b"<?xml", b"<svg", b"<!doctype", b"<html", b"<script"))


def _check_size(upload: UploadedFile, limit: int) -> None:
    if upload.size > limit:
        raise ValidationError(
            _("Filen är för stor (%(size)s). Största tillåtna storlek är %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_large",
        )


def validate_document(upload: UploadedFile) -> None:
    """PDF, Word/Excel/PowerPoint (OOXML) or OpenDocument, checked by content; at most
    METHODS_MAX_DOCUMENT_BYTES."""
    _check_size(upload, conf.get("MAX_DOCUMENT_BYTES"))
    extension = _extension(upload)
    if extension not in DOCUMENT_EXTENSIONS:
        raise ValidationError(
            _("Filtypen .%(extension)s tas inte emot. Tillåtna filtyper: %(allowed)s.")
            % {"extension": extension or "?", "allowed": ", ".join(DOCUMENT_EXTENSIONS)},
            code="extension",
        )
    head = _head(upload)
    if extension == "pdf":
        valid = head.startswith(b"%PDF-")
    else:
        valid = _valid_zip_document(upload, extension)
    if not valid:
        raise ValidationError(
            _(
                "Filen ser inte ut att vara en riktig .%(extension)s-fil (innehållet stämmer inte "
                "med filändelsen). Spara om den i rätt format och försök igen."
            )
            % {"extension": extension},
            code="content_mismatch",
        )


def _valid_zip_document(upload: UploadedFile, extension: str) -> bool:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
            if extension in OOXML_EXTENSIONS:
                prefix = OOXML_EXTENSIONS[extension]
                return "[Content_Types].xml" in names and any(n.startswith(prefix) for n in names)
            return (
                "mimetype" in names and archive.read("mimetype").strip() == ODF_MIMETYPES[extension]
            )
    except (zipfile.BadZipFile, OSError, KeyError):
        return False
    finally:
        upload.seek(0)


def validate_image(upload: UploadedFile) -> None:
    """JPEG, PNG, GIF or WebP; at most METHODS_MAX_IMAGE_BYTES and WAGTAILIMAGES_MAX_IMAGE_PIXELS
    pixels.

    Pillow reads only the header here, so a huge image is refused without being decoded.
    """
    _check_size(upload, conf.get("MAX_IMAGE_BYTES"))
    extension = _extension(upload)
    if extension == "svg" or _looks_like_markup(_head(upload)):
        raise ValidationError(
            _(
                "SVG-bilder och andra bilder i textformat tas inte emot. Spara bilden som PNG eller JPEG."
            ),
            code="svg",
        )
    claimed = _png_claimed_size(_head(upload, 32))
    if claimed and claimed[0] * claimed[1] > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS:
        raise _too_many_pixels(f"{claimed[0]} × {claimed[1]}")
    image_format, width, height = _read_image_header(upload)
    allowed = {ext for extensions in IMAGE_FORMATS.values() for ext in extensions}
    if image_format not in IMAGE_FORMATS or extension not in allowed:
        raise ValidationError(
            _("Bilden måste vara i formatet JPEG, PNG, GIF eller WebP."), code="format"
        )
    if extension not in IMAGE_FORMATS[image_format]:
        raise ValidationError(
            _("Filändelsen .%(extension)s stämmer inte med bildens innehåll (%(format)s).")
            % {"extension": extension, "format": image_format},
            code="content_mismatch",
        )
    if width * height > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS:
        raise _too_many_pixels(f"{width} × {height}")


def _too_many_pixels(dimensions: str) -> ValidationError:
    return ValidationError(
        _(
            "Bilden är för stor: %(dimensions)s bildpunkter. Högst %(megapixels)s miljoner "
            "bildpunkter tas emot – förminska bilden och försök igen."
        )
        % {
            "dimensions": dimensions,
            "megapixels": settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS // 1_000_000,
        },
        code="too_many_pixels",
    )


def _png_claimed_size(head: bytes) -> tuple[int, int] | None:
    """The size a PNG's IHDR chunk claims, read before Pillow looks at the rest of the file."""
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR" or len(head) < 24:
        return None
    return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")


def _read_image_header(upload: UploadedFile) -> tuple[str, int, int]:
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            return image.format or "", image.width, image.height
    except Image.DecompressionBombError as error:
        # Pillow refuses headers far beyond its own limit before telling us the size.
        bomb_limit = 2 * (Image.MAX_IMAGE_PIXELS or 0) // 1_000_000
        raise _too_many_pixels(_("mer än %(count)s miljoner") % {"count": bomb_limit}) from error
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as error:
        raise ValidationError(
            _(
                "Filen kunde inte läsas som en bild. Kontrollera att den är en JPEG-, PNG-, GIF- eller WebP-bild."
            ),
            code="unreadable",
        ) from error
    finally:
        upload.seek(0)
