"""Downloading a source file over HTTP(S) for an importer, whole or not at all.

The body is read in chunks with a progress bar and checked against the Content-Length the
server announced; a timeout, an HTTP error, a refused connection, a truncated or oversized body
raises `DownloadFailed` with a Swedish message, and nothing is imported from it.
"""

import http.client
import urllib.error
import urllib.request

from django.utils.translation import gettext as _
from tqdm import tqdm

from ..exceptions import RekasError
from .files import MAX_FILE_BYTES

CHUNK = 64 * 1024


class DownloadFailed(RekasError):
    """The file could not be downloaded whole; the message says why, in Swedish."""


def download(url: str, *, timeout: float, progress: bool = False, label: str = "") -> bytes:
    """The whole body of `url`; raises DownloadFailed."""
    if not url.startswith(("https://", "http://")):
        raise DownloadFailed(_("Adressen %(url)s är inte en http(s)-adress.") % {"url": url})
    request = urllib.request.Request(url, headers={"User-Agent": "SYV-portalen REKAS"})  # noqa: S310 - scheme checked above
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return _read(response, url=url, progress=progress, label=label)
    except urllib.error.HTTPError as error:
        raise DownloadFailed(
            _("%(url)s svarade med HTTP-status %(status)s (%(reason)s).")
            % {"url": url, "status": error.code, "reason": error.reason}
        ) from error
    except TimeoutError as error:
        raise DownloadFailed(_timed_out(url, timeout)) from error
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise DownloadFailed(_timed_out(url, timeout)) from error
        raise DownloadFailed(
            _("Kunde inte nå %(url)s: %(reason)s.") % {"url": url, "reason": error.reason}
        ) from error
    except (http.client.HTTPException, ConnectionError) as error:
        raise DownloadFailed(
            _("Anslutningen till %(url)s bröts under nedladdningen (%(error)s).")
            % {"url": url, "error": error.__class__.__name__}
        ) from error


def _timed_out(url: str, timeout: float) -> str:
    return _("%(url)s svarade inte inom %(seconds)s sekunder.") % {"url": url, "seconds": timeout}


def _read(response, *, url: str, progress: bool, label: str) -> bytes:
    length = response.headers.get("Content-Length")
    expected = int(length) if length and length.isdigit() else None
    if expected is not None and expected > MAX_FILE_BYTES:
        raise DownloadFailed(_("Filen på %(url)s är större än 50 MB.") % {"url": url})
    parts, received = [], 0
    with tqdm(
        total=expected, disable=not progress, desc=label or _("Hämtar"), unit="B", unit_scale=True
    ) as bar:
        while chunk := response.read(CHUNK):
            parts.append(chunk)
            received += len(chunk)
            bar.update(len(chunk))
            if received > MAX_FILE_BYTES:
                raise DownloadFailed(_("Filen på %(url)s är större än 50 MB.") % {"url": url})
    if expected is not None and received < expected:
        raise DownloadFailed(
            _("Nedladdningen från %(url)s avbröts: %(received)s av %(expected)s byte kom fram.")
            % {"url": url, "received": received, "expected": expected}
        )
    return b"".join(parts)
