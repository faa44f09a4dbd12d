"""Choice rounds for school staff: open, add pupils, allocate, adjust, publish and export."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from syvsite.privacy.models import AccessLogEntry

from ..exceptions import PlacementError
from ..forms import apply_service_error
from ..forms.rounds import AllocationForm, ChoiceRoundForm, OverrideForm, ParticipantsForm
from ..models import ChoiceRound, Participant
from ..selectors.organisations import is_placement_coordinator
from ..selectors.rounds import eligible_periods
from ..services import allocations, rounds
from . import access
from .downloads import allocation_csv, allocation_xlsx


@login_required
@require_http_methods(["GET", "POST"])
def round_create(request: HttpRequest, school_id: int) -> HttpResponse:
    school = access.school_or_404(request, school_id)
    form = ChoiceRoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in ChoiceRoundForm.Meta.fields}
        try:
            choice_round = rounds.open_round(school=school, created_by=request.user, data=data)
        except PlacementError as error:
            apply_service_error(form, error)
        else:
            messages.success(request, _("Valomgången är öppnad. Lägg till eleverna."))
            return redirect("internships:round", school.pk, choice_round.pk)
    return render(request, "internships/rounds/form.html", {"school": school, "form": form})


@login_required
def round_detail(request: HttpRequest, school_id: int, round_id: int) -> HttpResponse:
    school = access.school_or_404(request, school_id)
    choice_round = access.school_round_or_404(school, round_id)
    participants = choice_round.participants.prefetch_related(
        "choices__period__listing"
    ).select_related("assigned_period__listing__company", "user")
    periods = eligible_periods(choice_round)
    access.log_round_access(request, choice_round, action=AccessLogEntry.Action.VIEW)
    return render(
        request,
        "internships/rounds/detail.html",
        {
            "school": school,
            "choice_round": choice_round,
            "participants": participants,
            "periods": periods,
            "free_places": sum(period.left for period in periods),
            "participants_form": ParticipantsForm(),
            "allocation_form": AllocationForm(initial={"seed": choice_round.seed}),
            "override_form": OverrideForm(periods=periods),
            "summary": _summary(participants),
            "is_coordinator": is_placement_coordinator(request.user),
        },
    )


def _summary(participants) -> dict:
    total = len(participants)
    placed = [p for p in participants if p.assigned_period_id]
    by_rank: dict = {}
    for participant in placed:
        key = participant.assigned_rank or _("utanför valen")
        by_rank[key] = by_rank.get(key, 0) + 1
    chose = sum(1 for p in participants if p.choices.all())
    return {
        "total": total,
        "placed": len(placed),
        "unplaced": total - len(placed),
        "by_rank": by_rank,
        "chose": chose,
    }


@never_cache
@login_required
@require_POST
def participants_add(request: HttpRequest, school_id: int, round_id: int) -> HttpResponse:
    school = access.school_or_404(request, school_id)
    choice_round = access.school_round_or_404(school, round_id)
    form = ParticipantsForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "internships/rounds/participants_error.html",
            {"school": school, "choice_round": choice_round, "form": form},
            status=400,
        )
    try:
        with transaction.atomic():
            rows = form.cleaned_data["rows"]
            created = rounds.add_participants(
                choice_round=choice_round,
                rows=[(name, school_class) for name, school_class, _e in rows],
            )
            for new, (_n, _c, email) in zip(created, rows, strict=True):
                if email:
                    rounds.create_pupil_account(participant=new.participant, email=email)
    except PlacementError as error:
        form.add_error("rows", error.message)
        return render(
            request,
            "internships/rounds/participants_error.html",
            {"school": school, "choice_round": choice_round, "form": form},
            status=400,
        )
    access.log_code_slips(request, choice_round, created)
    return render(
        request,
        "internships/rounds/codes.html",
        {"school": school, "choice_round": choice_round, "created": created},
    )


@never_cache
@login_required
@require_POST
def participant_code(
    request: HttpRequest, school_id: int, round_id: int, participant_id: int
) -> HttpResponse:
    school = access.school_or_404(request, school_id)
    choice_round = access.school_round_or_404(school, round_id)
    participant = get_object_or_404(Participant, pk=participant_id, choice_round=choice_round)
    code = rounds.reissue_code(participant=participant)
    created = [rounds.NewParticipant(participant, code)]
    access.log_code_slips(request, choice_round, created)
    return render(
        request,
        "internships/rounds/codes.html",
        {"school": school, "choice_round": choice_round, "created": created},
    )


@login_required
@require_POST
def round_status(request: HttpRequest, school_id: int, round_id: int) -> HttpResponse:
    school = access.school_or_404(request, school_id)
    choice_round = access.school_round_or_404(school, round_id)
    try:
        rounds.set_round_status(choice_round=choice_round, status=request.POST.get("status", ""))
    except PlacementError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Valomgången är nu: %(status)s.")
            % {"status": choice_round.get_status_display().lower()},
        )
    return redirect("internships:round", school.pk, choice_round.pk)


@login_required
@require_POST
def round_allocate(request: HttpRequest, school_id: int, round_id: int) -> HttpResponse:
    school = access.school_or_404(request, school_id)
    choice_round = access.school_round_or_404(school, round_id)
    form = AllocationForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return redirect("internships:round", school.pk, choice_round.pk)
    try:
        result = allocations.run_allocation(
            choice_round=choice_round, seed=form.cleaned_data["seed"]
        )
    except PlacementError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _(
                "Fördelningen är klar: %(placed)s av %(total)s elever fick en plats (slumpfrö %(seed)s). Granska och skicka sedan ut den."
            )
            % {"placed": result.placed, "total": len(result.assignment), "seed": result.seed},
        )
    return redirect("internships:round", school.pk, choice_round.pk)


@login_required
@require_POST
def participant_override(
    request: HttpRequest, school_id: int, round_id: int, participant_id: int
) -> HttpResponse:
    school = access.school_or_404(request, school_id)
    choice_round = access.school_round_or_404(school, round_id)
    participant = get_object_or_404(Participant, pk=participant_id, choice_round=choice_round)
    form = OverrideForm(request.POST, periods=eligible_periods(choice_round))
    if not form.is_valid():
        messages.error(request, _("Välj en plats i listan."))
        return redirect("internships:round", school.pk, choice_round.pk)
    try:
        allocations.override_assignment(
            participant=participant, period_id=form.cleaned_data["period"]
        )
    except PlacementError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("%(name)s är placerad för hand.") % {"name": participant.name})
    return redirect("internships:round", school.pk, choice_round.pk)


@login_required
@require_POST
def round_publish(request: HttpRequest, school_id: int, round_id: int) -> HttpResponse:
    school = access.school_or_404(request, school_id)
    choice_round = access.school_round_or_404(school, round_id)
    try:
        bookings = allocations.publish_allocation(
            choice_round=choice_round, published_by=request.user
        )
    except PlacementError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Fördelningen är skickad: %(count)s bokningsförfrågningar till företagen.")
            % {"count": len(bookings)},
        )
    return redirect("internships:round", school.pk, choice_round.pk)


@login_required
def round_export(request: HttpRequest, school_id: int, round_id: int, fmt: str) -> HttpResponse:
    school = access.school_or_404(request, school_id)
    choice_round = access.school_round_or_404(school, round_id)
    if fmt not in ("csv", "xlsx"):
        raise Http404
    if choice_round.status not in (ChoiceRound.Status.ALLOCATED, ChoiceRound.Status.PUBLISHED):
        messages.error(request, _("Kör fördelningen innan du exporterar."))
        return redirect("internships:round", school.pk, choice_round.pk)
    name = slugify(choice_round.title) or f"valomgang-{choice_round.pk}"
    access.log_round_access(request, choice_round, action=AccessLogEntry.Action.EXPORT)
    if fmt == "xlsx":
        response = HttpResponse(
            allocation_xlsx(choice_round),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        response = HttpResponse(
            allocation_csv(choice_round), content_type="text/csv; charset=utf-8"
        )
    response["Content-Disposition"] = f'attachment; filename="fordelning-{name}.{fmt}"'
    return response
