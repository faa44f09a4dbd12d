"""Fetching a table from SCB's PxWeb API (v1) as JSON-stat 2.0, for `rekas_fetch scb TABLE`.

Two requests, as the API expects: GET the table's metadata (its variables and their values),
then POST a query that selects every value of every variable (regions: only the counties and
the whole country, which is what REKAS shows) and asks for `json-stat2`. The answer goes
through the same importer as a downloaded file. The API's address is the setting
`REKAS_SCB_API_URL` (rekas/conf.py); SCB allows ten requests per ten seconds and 150,000
cells per answer, far more than a matching-indicator table for the counties needs.
"""

import json
import urllib.error
import urllib.request

from django.utils.translation import gettext as _

from syvsite.regions.models import County

from .. import conf
from ..exceptions import RekasError
from ..models import NATIONAL
from .scb import known_tables


class FetchError(RekasError):
    """SCB's API could not be reached or did not answer with a table."""


def table_url(table: str) -> str:
    """The API address of a table: a known table id (RegionInd19M2N) or a path (AM/…/Table)."""
    spec = known_tables().get(table.rsplit("/", 1)[-1])
    path = table.strip("/") if "/" in table or spec is None else spec["path"]
    return conf.get("SCB_API_URL").rstrip("/") + "/" + path


def _request(url: str, body: dict | None = None) -> bytes:
    if not url.startswith(("http://", "https://")):
        raise FetchError(_("SCB:s API-adress ska börja med http:// eller https://."))
    data = json.dumps(body).encode("utf-8") if body is not None else None
    request = urllib.request.Request(  # noqa: S310 - the scheme is checked above
        url, data=data, headers={"Content-Type": "application/json", "Accept": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=conf.get("SCB_API_TIMEOUT")) as answer:  # noqa: S310
            return answer.read()
    except urllib.error.HTTPError as error:
        raise FetchError(
            _("SCB:s API svarade %(status)s för %(url)s.") % {"status": error.code, "url": url}
        ) from error
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        raise FetchError(
            _("SCB:s API gick inte att nå (%(url)s): %(error)s") % {"url": url, "error": error}
        ) from error


def query(metadata: dict) -> dict:
    """A query for every value of every variable, regions limited to counties and the nation."""
    counties = set(County.objects.values_list("code", flat=True)) | {NATIONAL}
    selections = []
    for variable in metadata.get("variables") or []:
        values = list(variable.get("values") or [])
        if variable.get("code") == "Region":
            values = [value for value in values if value in counties]
        selections.append(
            {"code": variable["code"], "selection": {"filter": "item", "values": values}}
        )
    return {"query": selections, "response": {"format": "json-stat2"}}


def fetch_table(table: str) -> bytes:
    """The table as JSON-stat 2.0 bytes; raises FetchError."""
    url = table_url(table)
    try:
        metadata = json.loads(_request(url))
    except json.JSONDecodeError as error:
        raise FetchError(_("SCB:s API svarade inte med tabellens metadata.")) from error
    if not isinstance(metadata, dict) or not metadata.get("variables"):
        raise FetchError(_("SCB:s API svarade inte med tabellens metadata."))
    return _request(url, query(metadata))
