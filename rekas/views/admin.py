"""Staff upload in the Wagtail admin: upload → validation report and preview → confirm.

The uploaded file is kept in a private temporary folder (not under MEDIA_ROOT, which may be
public) between the preview and the confirmation; the session holds only a random token.
"""

import tempfile
import uuid
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ..forms import UploadForm
from ..importers import ImportReport, run_import
from ..models import ImportBatch

PERMISSION = "rekas.import_rekas_data"
SESSION_KEY = "rekas_upload"
UPLOAD_DIR = Path(tempfile.gettempdir()) / "syv-rekas-uploads"


def can_import(user: AbstractBaseUser) -> bool:
    return user.is_active and user.has_perm(PERMISSION)


def _run(data: dict, *, commit: bool, user: AbstractBaseUser) -> ImportReport:
    return run_import(
        data["kind"],
        source=Path(data["path"]),
        file_name=data["name"],
        commit=commit,
        user=user,
        year=data.get("year"),
        round=data.get("round"),
    )


def upload(request: HttpRequest) -> HttpResponse:
    if not can_import(request.user):
        raise PermissionDenied
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        UPLOAD_DIR.mkdir(mode=0o700, exist_ok=True)
        token = uuid.uuid4().hex
        suffix = Path(form.cleaned_data["file"].name).suffix.lower()
        path = UPLOAD_DIR / f"{token}{suffix}"
        with path.open("wb") as handle:
            for chunk in form.cleaned_data["file"].chunks():
                handle.write(chunk)
        _discard(request)
        data = {
            "token": token,
            "path": str(path),
            "name": form.cleaned_data["file"].name,
            "kind": form.cleaned_data["kind"],
            "year": form.cleaned_data.get("year"),
            "round": form.cleaned_data.get("round") or "",
        }
        report = _run(data, commit=False, user=request.user)
        if report.ok:
            request.session[SESSION_KEY] = data
        else:
            path.unlink(missing_ok=True)
        return render(
            request,
            "rekas/admin/preview.html",
            {"report": report, "data": data, "header_title": _("Förhandsgranskning")},
        )
    batches = ImportBatch.objects.select_related("created_by")[:20]
    return render(
        request,
        "rekas/admin/upload.html",
        {"form": form, "batches": batches, "header_title": _("Importera REKAS-data")},
    )


def confirm(request: HttpRequest) -> HttpResponse:
    if not can_import(request.user):
        raise PermissionDenied
    data = request.session.get(SESSION_KEY)
    if request.method != "POST" or not data or request.POST.get("token") != data["token"]:
        messages.error(
            request, _("Uppladdningen har gått ut eller är redan sparad. Ladda upp filen igen.")
        )
        return redirect("rekas_admin_upload")
    if not Path(data["path"]).is_file():
        messages.error(request, _("Den uppladdade filen finns inte längre. Ladda upp den igen."))
        _discard(request)
        return redirect("rekas_admin_upload")
    report = _run(data, commit=True, user=request.user)
    _discard(request)
    if report.committed:
        messages.success(
            request, _("Importen är sparad. %(summary)s") % {"summary": report.summary()}
        )
    else:
        messages.error(
            request,
            _("Importen sparades inte: filen innehåller fel. %(summary)s")
            % {"summary": report.summary()},
        )
    return redirect("rekas_admin_upload")


def _discard(request: HttpRequest) -> None:
    data = request.session.pop(SESSION_KEY, None)
    if data:
        Path(data["path"]).unlink(missing_ok=True)
