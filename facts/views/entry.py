"""An entry's page: what builds on it (methods, guidance-plan activities) and its citations."""

from django.http import HttpRequest
from django.urls import reverse

from ..models import FactPage
from ..selectors import activities_for_fact, methods_for_fact


def fact_context(*, request: HttpRequest, page: FactPage) -> dict:
    citations = []
    if page.live:
        citations = [
            {"label": label, "url": reverse("facts:cite", kwargs={"slug": page.slug, "fmt": fmt})}
            for fmt, label in (("ris", "RIS"), ("bib", "BibTeX"), ("json", "CSL-JSON"))
        ]
    return {
        "building_methods": methods_for_fact(page),
        "activities": list(activities_for_fact(page)[:50]) if page.pk else [],
        "citations": citations,
    }
