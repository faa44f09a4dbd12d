"""Fetching one feed safely: timeouts, a redirect limit, HTTP errors and a body cap.

The body is read in pieces as they arrive and the fetch stops as soon as it passes MAX_BYTES,
so a huge or endless answer costs at most that much memory, whatever Content-Length claims.
READ_TIMEOUT bounds each wait for bytes; TOTAL_TIMEOUT bounds the whole body, so a server that
sends a byte now and then (never silent for READ_TIMEOUT) cannot hold the fetch of the other
feeds for hours.
"""

import time

import requests
from django.utils.translation import gettext as _
from urllib3.exceptions import HTTPError as TransportError
from urllib3.exceptions import ReadTimeoutError

from .. import conf
from ..exceptions import FeedError

USER_AGENT = "SYV-portalen omvarldsbevakning (+https://syv-portalen.se)"
ACCEPT = (
    "application/atom+xml, application/rss+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1"
)
CHUNK = 64 * 1024


def fetch_body(url: str) -> bytes:
    """The feed's bytes, or FeedError with a Swedish message saying what went wrong."""
    limit = conf.get("MAX_BYTES")
    session = requests.Session()
    session.max_redirects = conf.get("MAX_REDIRECTS")
    session.headers.update({"User-Agent": USER_AGENT, "Accept": ACCEPT})
    timeout = (conf.get("CONNECT_TIMEOUT"), conf.get("READ_TIMEOUT"))
    deadline = time.monotonic() + conf.get("TOTAL_TIMEOUT")
    try:
        with session.get(url, timeout=timeout, stream=True, allow_redirects=True) as response:
            if response.status_code >= 400:
                raise FeedError(
                    _("Servern svarade HTTP %(status)s.") % {"status": response.status_code}
                )
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > limit:
                raise FeedError(_too_large(limit))
            return _read_body(response, limit=limit, deadline=deadline)
    except ReadTimeoutError as error:
        raise FeedError(_("Servern svarade inte i tid.")) from error
    except TransportError as error:  # the body broke off or could not be decoded
        raise FeedError(
            _("Hämtningen misslyckades (%(kind)s).") % {"kind": type(error).__name__}
        ) from error
    except requests.TooManyRedirects as error:
        raise FeedError(_("För många omdirigeringar (en slinga?).")) from error
    except requests.Timeout as error:
        raise FeedError(_("Servern svarade inte i tid.")) from error
    except requests.ConnectionError as error:
        raise FeedError(_("Servern gick inte att nå.")) from error
    except requests.RequestException as error:
        raise FeedError(
            _("Hämtningen misslyckades (%(kind)s).") % {"kind": type(error).__name__}
        ) from error
    finally:
        session.close()


def _read_body(response: requests.Response, *, limit: int, deadline: float) -> bytes:
    """The (decompressed) body, each piece as soon as it arrives; FeedError past the limits."""
    body = bytearray()
    while piece := response.raw.read1(CHUNK, decode_content=True):
        body += piece
        if len(body) > limit:
            raise FeedError(_too_large(limit))
        if time.monotonic() > deadline:
            raise FeedError(
                _("Flödet tog längre tid än %(seconds)s sekunder att hämta och lästes inte.")
                % {"seconds": conf.get("TOTAL_TIMEOUT")}
            )
    return bytes(body)


def _too_large(limit: int) -> str:
    return _("Flödet är större än %(mb)s MB och lästes inte.") % {"mb": limit // (1024 * 1024)}
