"""Register extracts and erasure on request for one pupil, by the school's placement
coordinator (who answers for the school's pupils). Both are written to the audit log."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from syvsite.privacy.models import AccessLogEntry
from syvsite.privacy.services import log_access

from ..forms.rounds import EraseForm
from ..selectors.organisations import is_placement_coordinator
from ..selectors.pupils import find_pupil, pupil_extract
from ..services.retention import erase_pupil
from . import access


def _coordinator_pupil(request: HttpRequest, school_id: int, kind: str, pupil_id: int):
    school = access.school_or_404(request, school_id)
    if not is_placement_coordinator(request.user):
        raise Http404
    record = find_pupil(school=school, kind=kind, pupil_id=pupil_id)
    if record is None:
        raise Http404
    return school, record


def _log(request: HttpRequest, school, kind: str, pupil_id: int, action: str) -> None:
    log_access(
        user=request.user,
        action=action,
        object_type=AccessLogEntry.ObjectType.PUPIL,
        object_id=f"{kind}-{pupil_id}",
        label=_("Elev %(id)s (%(kind)s)") % {"id": pupil_id, "kind": kind},
        organisation=school.name,
    )


@never_cache
@login_required
def extract(request: HttpRequest, school_id: int, kind: str, pupil_id: int) -> HttpResponse:
    school, record = _coordinator_pupil(request, school_id, kind, pupil_id)
    _log(request, school, kind, pupil_id, AccessLogEntry.Action.EXTRACT)
    return render(
        request,
        "internships/school/pupil_extract.html",
        {"school": school, "kind": kind, "pupil_id": pupil_id, "record": record,
         "data": pupil_extract(record, school=school)},
    )  # fmt: skip


@never_cache
@login_required
def extract_json(request: HttpRequest, school_id: int, kind: str, pupil_id: int) -> HttpResponse:
    school, record = _coordinator_pupil(request, school_id, kind, pupil_id)
    _log(request, school, kind, pupil_id, AccessLogEntry.Action.EXTRACT)
    data = {"exported_at": timezone.now(), **pupil_extract(record, school=school)}
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="registerutdrag-{kind}-{pupil_id}-{timezone.localdate():%Y-%m-%d}.json"'
    )
    return response


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def erase(request: HttpRequest, school_id: int, kind: str, pupil_id: int) -> HttpResponse:
    school, record = _coordinator_pupil(request, school_id, kind, pupil_id)
    form = EraseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid() and not record.is_erased:
        erase_pupil(participants=record.participants, booking_pupils=record.booking_pupils)
        _log(request, school, kind, pupil_id, AccessLogEntry.Action.ERASE)
        messages.success(
            request,
            _("Elevens uppgifter är raderade. Val, placeringar och antal finns kvar utan namn."),
        )
        return redirect("internships:pupil_extract", school.pk, kind, pupil_id)
    return render(
        request,
        "internships/school/pupil_erase.html",
        {"school": school, "kind": kind, "pupil_id": pupil_id, "record": record, "form": form},
        status=400 if form.errors else 200,
    )
