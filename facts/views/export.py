"""Citation export (RIS, BibTeX, CSL-JSON) of one entry or of the filtered list on /fakta/."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from syvsite.accounts.services import absolute_url

from ..citations import FORMATS, MEDIA_TYPES, citation_for
from ..selectors import export_facts, live_facts, parse_filters

EXTENSIONS = {"ris": "ris", "bib": "bib", "json": "json"}


def _respond(pages, fmt: str, filename: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404
    citations = [citation_for(page, url=absolute_url(page.url)) for page in pages]
    response = HttpResponse(FORMATS[fmt](citations), content_type=MEDIA_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{EXTENSIONS[fmt]}"'
    return response


@require_GET
def export_list(request: HttpRequest, fmt: str) -> HttpResponse:
    pages = export_facts(filters=parse_filters(request.GET), user=request.user)
    return _respond(pages, fmt, "faktabanken")


@require_GET
def export_one(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    page = get_object_or_404(live_facts(), slug=slug)
    return _respond([page], fmt, page.slug)
