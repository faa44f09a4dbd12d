"""“Vad har ändrats?”: a reader picks two published versions of a plan and sees the changes.

`/vagledningsplaner/<kommun>/<plan>/andringar/`, beside the plan's own page.
"""

from django.http import Http404, HttpRequest
from django.template.response import TemplateResponse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from ..diff import diff_plans
from ..forms import VersionForm
from ..models.mixins import ancestor_crumbs
from ..selectors import live_plan, published_revisions


def _version_label(revision, number: int) -> str:
    published = date_format(localtime(revision.created_at), "j F Y H:i")
    return _("Version %(number)s, publicerad %(date)s") % {"number": number, "date": published}


def plan_changes(request: HttpRequest, section: str, plan: str) -> TemplateResponse:
    page = live_plan(section_slug=section, plan_slug=plan)
    if page is None:
        raise Http404
    revisions = published_revisions(page)  # newest first
    count = len(revisions)
    labels = {rev.pk: _version_label(rev, count - index) for index, rev in enumerate(revisions)}
    choices = list(labels.items())
    initial = {}
    if count >= 2:
        initial = {"fran": revisions[1].pk, "till": revisions[0].pk}
    form = VersionForm(request.GET or initial, version_choices=choices)
    sections, chosen = [], None
    if count >= 2 and form.is_valid():
        by_id = {rev.pk: rev for rev in revisions}
        old, new = by_id[form.cleaned_data["fran"]], by_id[form.cleaned_data["till"]]
        if old.created_at > new.created_at:
            old, new = new, old
        sections = diff_plans(old.as_object(), new.as_object())
        chosen = {"old": labels[old.pk], "new": labels[new.pk]}
    return TemplateResponse(
        request,
        "guidance_plans/plan_changes.html",
        {
            "page": page,
            "breadcrumb_items": [
                *ancestor_crumbs(page, request),
                {"url": page.get_url(request), "label": page.title},
            ],
            "form": form,
            "version_count": count,
            "sections": sections,
            "changed_sections": [section for section in sections if section.changed],
            "chosen": chosen,
        },
    )
