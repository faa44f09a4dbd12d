import json

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth import logout as end_session
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import ProtectedError, RestrictedError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from syvsite.core.registry import dashboard_panels

from ..forms import (
    DeleteAccountForm,
    LoginForm,
    ProfileForm,
    RegistrationForm,
    ResendVerificationForm,
)
from ..roles import STAFF_ROLES, has_role
from ..services import (
    delete_account,
    export_personal_data,
    register_user,
    send_verification_email,
    verify_email,
)

User = get_user_model()


@require_http_methods(["GET", "POST"])
def register(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("accounts:dashboard")
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        register_user(
            email=data["email"],
            password=data["password1"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            account_type=data["account_type"],
            municipality=data["municipality"],
            school_name=data["school_name"],
            company_name=data["company_name"],
            org_number=data["org_number"],
        )
        request.session["registered_email"] = data["email"]
        return redirect("accounts:register_done")
    return render(request, "accounts/register.html", {"form": form})


def register_done(request: HttpRequest) -> HttpResponse:
    return render(
        request, "accounts/register_done.html", {"email": request.session.get("registered_email")}
    )


def verify(request: HttpRequest, token: str) -> HttpResponse:
    user = verify_email(token=token)
    if user is None:
        return render(request, "accounts/verify_failed.html", status=400)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    messages.success(
        request, _("Din e-postadress är bekräftad och kontot är aktiverat. Välkommen!")
    )
    return redirect("accounts:dashboard")


@require_http_methods(["GET", "POST"])
def resend_verification(request: HttpRequest) -> HttpResponse:
    form = ResendVerificationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = User.objects.filter(
            email__iexact=form.cleaned_data["email"], email_verified_at__isnull=True
        ).first()
        if user is not None:
            send_verification_email(user=user)
        # Same answer whether or not the address exists, so the form reveals no accounts.
        messages.info(request, _("Om adressen väntar på aktivering har vi skickat en ny länk."))
        return redirect("accounts:login")
    return render(request, "accounts/resend_verification.html", {"form": form})


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Django adds the host name as site_name; the title shows the portal's name instead.
        context.pop("site_name", None)
        return context


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    context = {
        "panels": dashboard_panels(request),
        "memberships": request.user.memberships.select_related("organisation__municipality"),
        "roles": sorted(request.user.groups.values_list("name", flat=True)),
        "can_use_admin": request.user.is_superuser
        or any(has_role(request.user, role) for role in STAFF_ROLES),
    }
    return render(request, "accounts/dashboard.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Dina uppgifter är sparade."))
        return redirect("accounts:dashboard")
    return render(request, "accounts/profile.html", {"form": form})


password_reset = auth_views.PasswordResetView.as_view(
    template_name="accounts/password_reset.html",
    email_template_name="accounts/email/password_reset_body.txt",
    subject_template_name="accounts/email/password_reset_subject.txt",
    success_url=reverse_lazy("accounts:password_reset_done"),
)
password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name="accounts/password_reset_done.html"
)
password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(
    template_name="accounts/password_reset_confirm.html",
    success_url=reverse_lazy("accounts:password_reset_complete"),
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="accounts/password_reset_complete.html"
)
password_change = auth_views.PasswordChangeView.as_view(
    template_name="accounts/password_change.html",
    success_url=reverse_lazy("accounts:dashboard"),
)
logout = auth_views.LogoutView.as_view()


# --- Mina sidor: my data ---------------------------------------------------------------------


@login_required
def download_personal_data(request: HttpRequest) -> HttpResponse:
    data = export_personal_data(user=request.user)
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    filename = f"syv-portalen-mina-uppgifter-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


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
            end_session(request)
            messages.success(request, _("Ditt konto och dina personuppgifter är raderade."))
            return redirect("/")
    status = 400 if form.errors else 200
    return render(request, "accounts/delete_account.html", {"form": form}, status=status)
