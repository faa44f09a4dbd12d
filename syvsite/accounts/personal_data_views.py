"""Mina sidor: download my data, delete my account."""

import json

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import ProtectedError, RestrictedError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from .personal_data import delete_account, export_personal_data


@login_required
def download_personal_data(request: HttpRequest) -> HttpResponse:
    data = export_personal_data(user=request.user)
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    filename = f"syv-portalen-mina-uppgifter-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=gettext_lazy("Ditt lösenord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": gettext_lazy("Skriv ditt lösenord för att bekräfta.")},
    )
    confirm = forms.BooleanField(
        label=gettext_lazy("Jag förstår att kontot inte går att återskapa."),
        error_messages={"required": gettext_lazy("Kryssa i rutan för att bekräfta.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError(_("Lösenordet stämmer inte."), code="wrong_password")
        return password


@login_required
@require_http_methods(["GET", "POST"])
def delete_my_account(request: HttpRequest) -> HttpResponse:
    user = request.user
    if user.is_superuser:
        messages.error(request, _("Ett administratörskonto raderas av en annan administratör."))
        return redirect("accounts:dashboard")
    form = DeleteAccountForm(request.POST if request.method == "POST" else None, user=user)
    if request.method == "POST" and form.is_valid():
        try:
            delete_account(user=user)
        except (ProtectedError, RestrictedError):
            form.add_error(
                None,
                _(
                    "Kontot kunde inte raderas eftersom det hänger ihop med uppgifter som måste "
                    "finnas kvar. Kontakta oss så hjälper vi dig."
                ),
            )
        else:
            logout(request)
            messages.success(request, _("Ditt konto och dina personuppgifter är raderade."))
            return redirect("/")
    status = 400 if form.errors else 200
    return render(request, "accounts/delete_account.html", {"form": form}, status=status)
