"""Pupils: sign in with a one-time code (a limited session, no account) and rank up to five
listings. A pupil only ever reaches their own participations (selectors.rounds.participants_for).
"""

from django.contrib import messages
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from ..exceptions import PlacementError
from ..forms import apply_service_error
from ..forms.rounds import ChoicesForm, PupilCodeForm
from ..models import Participant
from ..selectors.rounds import (
    PUPIL_SESSION_KEY,
    eligible_periods,
    participants_for,
    round_is_open_for_choices,
)
from ..services.rounds import redeem_code, save_choices

FAILED_CODE_LIMIT = 20
FAILED_CODE_WINDOW = 15 * 60


def _client_key(request: HttpRequest) -> str:
    return f"internships:code-failures:{request.META.get('REMOTE_ADDR', '')}"


@never_cache
@require_http_methods(["GET", "POST"])
def pupil_login(request: HttpRequest) -> HttpResponse:
    form = PupilCodeForm(request.POST or None)
    key = _client_key(request)
    if request.method == "POST" and cache.get(key, 0) >= FAILED_CODE_LIMIT:
        form.is_valid()
        form.add_error(None, _("För många felaktiga koder. Vänta en kvart och försök igen."))
    elif request.method == "POST" and form.is_valid():
        try:
            participant = redeem_code(code=form.cleaned_data["code"])
        except PlacementError as error:
            cache.set(key, cache.get(key, 0) + 1, FAILED_CODE_WINDOW)
            apply_service_error(form, error)
        else:
            ids = request.session.get(PUPIL_SESSION_KEY, [])
            request.session.cycle_key()  # a fresh session id for the new privileges
            request.session[PUPIL_SESSION_KEY] = sorted({*ids, participant.pk})
            return redirect("internships:pupil_round", participant.pk)
    return render(request, "internships/pupil/login.html", {"form": form})


@never_cache
def pupil_home(request: HttpRequest) -> HttpResponse:
    participations = list(participants_for(request))
    if len(participations) == 1:
        return redirect("internships:pupil_round", participations[0].pk)
    if not participations:
        return redirect("internships:pupil_login")
    return render(request, "internships/pupil/home.html", {"participations": participations})


def _own_participant(request: HttpRequest, participant_id: int) -> Participant:
    participant = participants_for(request).filter(pk=participant_id).first()
    if participant is None:
        raise Http404
    return participant


@never_cache
@require_http_methods(["GET", "POST"])
def pupil_round(request: HttpRequest, participant_id: int) -> HttpResponse:
    participant = _own_participant(request, participant_id)
    choice_round = participant.choice_round
    is_open = round_is_open_for_choices(choice_round)
    periods = eligible_periods(choice_round)
    initial = {f"choice_{c.rank}": c.period_id for c in participant.choices.all()}
    form = ChoicesForm(request.POST or None, periods=periods, initial=initial)
    if request.method == "POST" and is_open and form.is_valid():
        try:
            save_choices(participant=participant, period_ids=form.cleaned_data["period_ids"])
        except PlacementError as error:
            apply_service_error(form, error)
        else:
            messages.success(
                request, _("Dina val är sparade. Du kan ändra dem fram till sista dagen.")
            )
            return redirect("internships:pupil_round", participant.pk)
    choices = participant.choices.select_related(
        "period__listing__company", "period__listing__workplace"
    )
    published = choice_round.status == choice_round.Status.PUBLISHED
    return render(
        request,
        "internships/pupil/round.html",
        {
            "participant": participant,
            "choice_round": choice_round,
            "form": form,
            "is_open": is_open,
            "choices": choices,
            "periods": periods,
            "assigned": participant.assigned_period if published else None,
            "published": published,
        },
    )


@require_POST
def pupil_logout(request: HttpRequest) -> HttpResponse:
    request.session.pop(PUPIL_SESSION_KEY, None)
    request.session.cycle_key()
    messages.info(request, _("Du är utloggad."))
    return redirect("internships:pupil_login")
