"""Staff queue "Okända namn att koppla" in the Wagtail admin (not for the public).

Each unknown programme or place name of an admission import is listed once with how many rows
wait for it; mapping it (services.map_name) keeps an alias for later imports and writes the
waiting rows. Only staff who may import REKAS data see it.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Max, Min
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ..exceptions import RekasError
from ..forms import MapNameForm
from ..models import NameKind, PendingAdmission
from ..services import map_name
from .admin import can_import

PAGE_SIZE = 25


def waiting_names(kind: str) -> list[dict]:
    """One entry per unknown name of `kind`: the name, its key, rows waiting, a reason, the
    years and the file it came from; the names with most rows first."""
    name_field, key_field = (
        ("programme_name", "programme_key")
        if kind == NameKind.PROGRAMME
        else ("place_name", "place_key")
    )
    return list(
        PendingAdmission.objects.exclude(**{key_field: ""})
        .values(key_field)
        .annotate(
            name=Min(name_field),
            rows=Count("id"),
            reason=Min("reason"),
            first_year=Min("year"),
            last_year=Max("year"),
            file_name=Min("batch__file_name"),
        )
        .order_by("-rows", "name")
    )


def queue(request: HttpRequest) -> HttpResponse:
    if not can_import(request.user):
        raise PermissionDenied
    if request.method == "POST":
        return _map(request)
    kind = request.GET.get("typ", NameKind.PROGRAMME)
    if kind not in NameKind.values:
        kind = NameKind.PROGRAMME
    page = Paginator(waiting_names(kind), PAGE_SIZE).get_page(request.GET.get("sida"))
    for entry in page.object_list:
        # auto_id=False: one form per name on the page, so no two inputs share an id.
        entry["form"] = MapNameForm(initial={"kind": kind, "name": entry["name"]}, auto_id=False)
    return render(
        request,
        "rekas/admin/review.html",
        {
            "header_title": _("Okända namn att koppla"),
            "kind": kind,
            "kinds": NameKind.choices,
            "page": page,
            "waiting_rows": PendingAdmission.objects.count(),
        },
    )


def _map(request: HttpRequest) -> HttpResponse:
    form = MapNameForm(request.POST)
    kind = request.POST.get("kind", NameKind.PROGRAMME)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(f"{request.path}?typ={kind}")
    data = form.cleaned_data
    try:
        written, still_waiting = map_name(
            kind=data["kind"],
            name=data["name"],
            programme=data.get("programme"),
            orientation=data.get("orientation"),
            municipality=data.get("municipality"),
            user=request.user,
        )
    except RekasError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _(
                "”%(name)s” är kopplat och gäller i alla kommande importer. Skrivna rader: "
                "%(written)s. Rader som fortfarande väntar på ett annat namn: %(waiting)s."
            )
            % {"name": data["name"], "written": written, "waiting": still_waiting},
        )
    return redirect(f"{request.path}?typ={data['kind']}")
