"""The second sign-in step: entering a code, setting up an app, recovery codes, turning off.

Staff must pass it before anything else (middleware.py); members and companies may turn it
on from Mina sidor. Pages that show a secret (the app key, recovery codes) are never cached.
"""

from __future__ import annotations

import base64

import segno
from django.contrib import messages
from django.contrib.auth import logout as end_session
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from ..forms import SecondFactorForm, TotpSetupForm
from ..lockout import lockout_response
from ..roles import requires_second_factor
from ..services import two_factor


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("accounts:dashboard")


def _locked_out(request: HttpRequest) -> HttpResponse:
    """Locked after too many wrong passwords or codes: the half-open session ends too."""
    email = request.user.email
    end_session(request)
    return lockout_response(request, credentials={"username": email})


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    if two_factor.is_verified(request):
        return HttpResponseRedirect(_next_url(request))
    if not two_factor.has_second_factor(request.user):
        return redirect(f"{reverse('accounts:two_factor_setup')}?{request.GET.urlencode()}")
    if two_factor.is_locked_out(request=request, user=request.user):
        return _locked_out(request)
    form = SecondFactorForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if two_factor.verify_second_factor(request=request, token=form.cleaned_data["code"]):
            left = two_factor.recovery_codes_left(request.user)
            if left <= 3 and two_factor.has_recovery_codes(request.user):
                messages.warning(
                    request,
                    _("Du har %(left)s reservkoder kvar. Skapa nya under Mina sidor.")
                    % {"left": left},
                )
            return HttpResponseRedirect(_next_url(request))
        if two_factor.is_locked_out(request=request, user=request.user):
            return _locked_out(request)
        form.add_error("code", _("Koden stämmer inte. Kontrollera att du skriver den senaste."))
    status = 400 if form.errors else 200
    return render(
        request,
        "accounts/two_factor_verify.html",
        {"form": form, "next": _next_url(request)},
        status=status,
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def setup(request: HttpRequest) -> HttpResponse:
    """Add an authenticator app. A session already verified (or an account without any
    second factor yet) may do this; a half-signed-in one with an app must give its code first."""
    if two_factor.has_second_factor(request.user) and not two_factor.is_verified(request):
        return redirect(f"{reverse('accounts:two_factor_verify')}?{request.GET.urlencode()}")
    device = two_factor.pending_totp(request.user)
    if device is None or request.method == "GET":
        device = two_factor.start_totp_setup(user=request.user)
    form = TotpSetupForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        codes = two_factor.confirm_totp(
            request=request, device=device, token=form.cleaned_data["code"]
        )
        if codes is not None:
            return render(
                request,
                "accounts/two_factor_codes.html",
                {"codes": codes, "next": _next_url(request), "new_app": True},
            )
        form.add_error("code", _("Koden stämmer inte. Skriv koden som appen visar just nu."))
    context = {
        "form": form,
        "secret": _grouped(device.key),
        "next": _next_url(request),
        "required": requires_second_factor(request.user),
    }
    return render(
        request, "accounts/two_factor_setup.html", context, status=400 if form.errors else 200
    )


def _grouped(hex_key: str) -> str:
    """The key as an app wants it typed: base32, in groups of four."""
    text = base64.b32encode(bytes.fromhex(hex_key)).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


@never_cache
@login_required
def setup_qr(request: HttpRequest) -> HttpResponse:
    """The pending key as a QR code (SVG) for the app to scan."""
    device = two_factor.pending_totp(request.user)
    if device is None:
        raise Http404
    svg = segno.make(device.config_url, error="m").svg_inline(scale=5, dark="#000", light="#fff")
    return HttpResponse(svg, content_type="image/svg+xml")


@never_cache
@login_required
def manage(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "accounts/two_factor.html",
        {
            "enabled": two_factor.has_second_factor(request.user),
            "required": requires_second_factor(request.user),
            "codes_left": two_factor.recovery_codes_left(request.user),
        },
    )


@never_cache
@login_required
@require_POST
def recovery_codes(request: HttpRequest) -> HttpResponse:
    if not two_factor.has_second_factor(request.user):
        return redirect("accounts:two_factor")
    codes = two_factor.new_recovery_codes(user=request.user)
    return render(
        request,
        "accounts/two_factor_codes.html",
        {"codes": codes, "next": reverse("accounts:two_factor"), "new_app": False},
    )


@login_required
@require_POST
def turn_off(request: HttpRequest) -> HttpResponse:
    if two_factor.turn_off_second_factor(user=request.user):
        messages.success(request, _("Tvåstegsverifieringen är avstängd."))
    else:
        messages.error(
            request, _("Ditt konto har personalbehörighet och måste ha tvåstegsverifiering.")
        )
    return redirect("accounts:two_factor")
