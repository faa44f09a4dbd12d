"""Choice rounds: the school opens one, adds pupils (codes or accounts), pupils rank listings."""

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from syvsite.accounts.services import absolute_url
from syvsite.organisations.models import Organisation

from ..exceptions import PlacementError
from ..models import MAX_CHOICES, Choice, ChoiceRound, Participant
from ..selectors.listings import today
from ..selectors.rounds import eligible_periods, round_is_open_for_choices
from . import notifications

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I/L to misread
CODE_LENGTH = 8


@dataclass
class NewParticipant:
    participant: Participant
    code: str  # shown once to the teacher; only its hash is stored


def _validate_round_dates(*, period_start: date, period_end: date, choices_close_at: date) -> None:
    if period_start < today():
        raise PlacementError(
            _("Praktikperioden kan inte börja i det förflutna."), field="period_start"
        )
    if period_end < period_start:
        raise PlacementError(_("Perioden kan inte sluta innan den börjar."), field="period_end")
    if choices_close_at < today():
        raise PlacementError(_("Sista dag för val kan inte ha passerat."), field="choices_close_at")
    if choices_close_at >= period_start:
        raise PlacementError(
            _("Sista dag för val måste vara före praktikperiodens första dag."),
            field="choices_close_at",
        )


@transaction.atomic
def open_round(*, school: Organisation, created_by, data: dict) -> ChoiceRound:
    _validate_round_dates(
        period_start=data["period_start"],
        period_end=data["period_end"],
        choices_close_at=data["choices_close_at"],
    )
    return ChoiceRound.objects.create(school=school, created_by=created_by, **data)


def normalise_code(code: str) -> str:
    return "".join(char for char in code.upper() if char.isalnum())


def hash_code(code: str) -> str:
    return salted_hmac("internships.pupil-code", normalise_code(code)).hexdigest()


def new_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:4]}-{raw[4:]}"


def _assign_code(participant: Participant) -> str:
    code = new_code()
    participant.code_hash = hash_code(code)
    participant.code_created_at, participant.code_used_at = timezone.now(), None
    return code


@transaction.atomic
def add_participants(
    *, choice_round: ChoiceRound, rows: Sequence[tuple[str, str]]
) -> list[NewParticipant]:
    """Add pupils (name, class) with a one-time code each."""
    if choice_round.status == ChoiceRound.Status.PUBLISHED:
        raise PlacementError(_("Fördelningen är klar; nya elever kan inte läggas till."))
    created = []
    for name, school_class in rows:
        participant = Participant(choice_round=choice_round, name=name, school_class=school_class)
        code = _assign_code(participant)
        participant.save()
        created.append(NewParticipant(participant, code))
    return created


@transaction.atomic
def reissue_code(*, participant: Participant) -> str:
    """A new one-time code; the old one stops working."""
    code = _assign_code(participant)
    participant.save(update_fields=["code_hash", "code_created_at", "code_used_at"])
    return code


@transaction.atomic
def create_pupil_account(*, participant: Participant, email: str):
    """An account the pupil activates by choosing a password from an e-mailed link."""
    User = get_user_model()
    email = email.strip().lower()
    user = User.objects.filter(email__iexact=email).first()
    if user is not None and (user.groups.exists() or user.memberships.exists()):
        raise PlacementError(
            _("E-postadressen hör till ett personalkonto. Använd en kod för eleven i stället."),
            field="email",
        )
    if user is None:
        user = User.objects.create_user(
            email=email,
            password=None,
            first_name=participant.name.split(" ")[0],
            last_name=" ".join(participant.name.split(" ")[1:]),
            is_active=True,
            email_verified_at=timezone.now(),
        )
    participant.user = user
    participant.save(update_fields=["user"])
    path = reverse(
        "accounts:password_reset_confirm",
        args=[
            urlsafe_base64_encode(force_bytes(user.pk)),
            default_token_generator.make_token(user),
        ],
    )
    notifications.send(
        template="pupil_account",
        recipients=[email],
        context={
            "participant": participant,
            "choice_round": participant.choice_round,
            "school": participant.choice_round.school,
            "link": absolute_url(path),
            "has_password": user.has_usable_password(),
            "login": absolute_url(reverse("accounts:login")),
        },
    )
    return user


@transaction.atomic
def redeem_code(*, code: str) -> Participant:
    """The participant for a one-time code, which is used up. Raises PlacementError otherwise."""
    participant = (
        Participant.objects.select_for_update()
        .filter(code_hash=hash_code(code))
        .select_related("choice_round")
        .first()
    )
    if participant is None or not normalise_code(code):
        raise PlacementError(_("Koden finns inte. Kontrollera att du skrivit rätt."), field="code")
    if participant.code_used_at is not None:
        raise PlacementError(_("Koden är redan använd. Be din lärare om en ny kod."), field="code")
    participant.code_used_at = timezone.now()
    participant.save(update_fields=["code_used_at"])
    return participant


@transaction.atomic
def save_choices(*, participant: Participant, period_ids: Sequence[int]) -> list[Choice]:
    """Replace the pupil's choices with `period_ids`, best first. All or nothing."""
    choice_round = participant.choice_round
    if not round_is_open_for_choices(choice_round):
        raise PlacementError(_("Valet är stängt. Kontakta din studie- och yrkesvägledare."))
    if len(period_ids) > MAX_CHOICES:
        raise PlacementError(
            _("Du kan välja högst %(max)s platser.") % {"max": MAX_CHOICES}, field="choices"
        )
    if len(set(period_ids)) != len(period_ids):
        raise PlacementError(_("Du har valt samma plats mer än en gång."), field="choices")
    eligible = {period.pk: period for period in eligible_periods(choice_round)}
    for period_id in period_ids:
        period = eligible.get(period_id)
        if period is None:
            raise PlacementError(
                _(
                    "En av platserna går inte att välja längre: den är utgången eller inte publicerad."
                ),
                field="choices",
            )
        if period.left <= 0:
            raise PlacementError(
                _("%(title)s är fullbokad. Välj en annan plats.") % {"title": period.listing.title},
                field="choices",
            )
    participant.choices.all().delete()
    return Choice.objects.bulk_create(
        Choice(participant=participant, period_id=period_id, rank=rank)
        for rank, period_id in enumerate(period_ids, start=1)
    )


@transaction.atomic
def set_round_status(*, choice_round: ChoiceRound, status: str) -> ChoiceRound:
    allowed = {
        ChoiceRound.Status.OPEN: {ChoiceRound.Status.CLOSED},
        ChoiceRound.Status.CLOSED: {ChoiceRound.Status.OPEN},
        ChoiceRound.Status.ALLOCATED: {ChoiceRound.Status.OPEN},
    }
    if status not in allowed.get(choice_round.status, set()):
        raise PlacementError(_("Valomgången kan inte ändras så just nu."))
    choice_round.status = status
    choice_round.save(update_fields=["status"])
    return choice_round
