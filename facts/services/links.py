"""The link checker: is each live entry's link still answering? Dead links join the review queue.

HEAD first (cheap), GET when a server refuses HEAD. Redirects are followed up to
LINK_MAX_REDIRECTS; a loop or a longer chain counts as dead. The result is written to the
page row only (no revision): it is a fact about the web, not an edit.
"""

from collections.abc import Callable, Iterable

import requests
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import conf
from ..models import FactPage

USER_AGENT = "SYV-portalen lankkontroll (+https://syv-portalen.se)"
RETRY_WITH_GET = {403, 405, 501}


def check_link(
    url: str, *, timeout: float | None = None, max_redirects: int | None = None
) -> tuple[bool, str]:
    """(works, status text in Swedish) for one address."""
    timeout = timeout or conf.get("LINK_TIMEOUT")
    session = requests.Session()
    session.max_redirects = (
        max_redirects if max_redirects is not None else conf.get("LINK_MAX_REDIRECTS")
    )
    session.headers["User-Agent"] = USER_AGENT
    try:
        response = session.head(url, allow_redirects=True, timeout=timeout)
        if response.status_code in RETRY_WITH_GET:
            response = session.get(url, allow_redirects=True, timeout=timeout, stream=True)
            response.close()
    except requests.TooManyRedirects:
        return False, _("För många omdirigeringar (en slinga?)")
    except requests.Timeout:
        return False, _("Svarade inte inom %(seconds)s sekunder") % {"seconds": timeout}
    except requests.ConnectionError:
        return False, _("Servern gick inte att nå")
    except requests.RequestException as error:
        return False, _("Fel vid hämtning: %(error)s") % {"error": type(error).__name__}
    finally:
        session.close()
    status = response.status_code
    if status >= 400:
        return False, _("Servern svarade HTTP %(status)s") % {"status": status}
    return True, _("HTTP %(status)s") % {"status": status}


def check_links(
    *, pages: Iterable[FactPage] | None = None, progress: Callable | None = None
) -> dict[str, int]:
    """Check every given page's link (default: every live entry with a link); counts ok/dead."""
    if pages is None:
        pages = FactPage.objects.live().exclude(link="").only("pk", "link")
    iterable = progress(pages) if progress else pages
    counts = {"ok": 0, "dead": 0}
    for page in iterable:
        works, status = check_link(page.link)
        FactPage.objects.filter(pk=page.pk).update(
            link_checked_at=timezone.now(), link_ok=works, link_status=status[:300]
        )
        counts["ok" if works else "dead"] += 1
    return counts
