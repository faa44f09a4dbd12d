"""Two-factor sign-in: TOTP (an authenticator app) with recovery codes, on django-otp.

    device = start_totp_setup(user=user)            # unconfirmed; show device.config_url
    codes = confirm_totp(request=request, device=device, token="123456")  # show codes once
    verify_second_factor(request=request, token=…)  # at sign-in; True or False

Staff (roles.requires_second_factor) cannot sign in without it; members and companies may
turn it on. A wrong code counts as a failed login for django-axes, so the same lockout
(per account and IP address) covers both steps.
"""

from __future__ import annotations

import django_otp
from axes.handlers.proxy import AxesProxyHandler
from django.contrib.auth.signals import user_login_failed
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from ..roles import requires_second_factor

RECOVERY_CODES = 10
APP_DEVICE_NAME = "Autentiseringsapp"
RECOVERY_DEVICE_NAME = "Reservkoder"


def has_second_factor(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def is_verified(request) -> bool:
    checker = getattr(request.user, "is_verified", None)
    return bool(checker and checker())


@transaction.atomic
def start_totp_setup(*, user) -> TOTPDevice:
    """A new, unconfirmed app key (any earlier unconfirmed one is replaced)."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


def pending_totp(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()


@transaction.atomic
def new_recovery_codes(*, user) -> list[str]:
    """Ten new single-use recovery codes; the old ones stop working."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def confirm_totp(*, request, device: TOTPDevice, token: str) -> list[str] | None:
    """Turn the app key on when `token` is right: older app keys go, the session counts as
    verified, and the new recovery codes are returned (None for a wrong code)."""
    if not device.verify_token(_digits(token)):
        return None
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    django_otp.login(request, device)
    return new_recovery_codes(user=device.user)


def _digits(token: str) -> str:
    return "".join(token.split())


def _devices(user):
    yield from TOTPDevice.objects.filter(user=user, confirmed=True)
    yield from StaticDevice.objects.filter(user=user, confirmed=True)


def credentials_of(user) -> dict:
    return {"username": user.email}


def is_locked_out(*, request, user) -> bool:
    return AxesProxyHandler.is_locked(request, credentials_of(user))


def verify_second_factor(*, request, token: str) -> bool:
    """True, and the session counts as verified, when `token` is the app's current code or an
    unused recovery code; otherwise a failed login is recorded for the lockout."""
    user, token = request.user, _digits(token).lower()
    for device in _devices(user):
        if token and device.verify_token(token):
            django_otp.login(request, device)
            return True
    user_login_failed.send(sender=__name__, credentials=credentials_of(user), request=request)
    return False


@transaction.atomic
def turn_off_second_factor(*, user) -> bool:
    """Members and companies may turn the second factor off again; staff may not."""
    if requires_second_factor(user):
        return False
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    return True


def has_recovery_codes(user) -> bool:
    """Whether the account was ever given recovery codes (used up or not)."""
    return StaticDevice.objects.filter(user=user, confirmed=True).exists()


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()
