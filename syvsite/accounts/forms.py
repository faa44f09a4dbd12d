from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from syvsite.organisations.models import Organisation
from syvsite.organisations.validators import normalise_org_number
from syvsite.regions.models import Municipality

from .services import AccountType

User = get_user_model()


class MunicipalityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Municipality) -> str:
        return f"{obj.name} ({obj.code})"


def municipality_field(**kwargs) -> MunicipalityChoiceField:
    return MunicipalityChoiceField(
        queryset=Municipality.objects.order_by("name"),
        to_field_name="code",
        label=_("Kommun"),
        empty_label=_("Välj kommun"),
        error_messages={
            "invalid_choice": _("Okänd kommunkod. Välj en kommun i listan."),
            "required": _("Välj vilken kommun du arbetar i."),
        },
        **kwargs,
    )


class RegistrationForm(forms.Form):
    account_type = forms.ChoiceField(
        label=_("Jag registrerar mig som"),
        choices=[
            (AccountType.COUNSELLOR, _("Studie- och yrkesvägledare eller annan skolpersonal")),
            (AccountType.COMPANY, _("Företag som vill erbjuda praktikplatser")),
        ],
        widget=forms.RadioSelect,
        initial=AccountType.COUNSELLOR,
    )
    first_name = forms.CharField(label=_("Förnamn"), max_length=150)
    last_name = forms.CharField(label=_("Efternamn"), max_length=150)
    email = forms.EmailField(
        label=_("E-postadress"),
        max_length=254,
        help_text=_("Vi skickar en länk hit som du använder för att aktivera kontot."),
    )
    municipality = municipality_field()
    school_name = forms.CharField(
        label=_("Skola eller arbetsplats (valfritt)"), max_length=200, required=False
    )
    company_name = forms.CharField(label=_("Företagets namn"), max_length=200, required=False)
    org_number = forms.CharField(
        label=_("Organisationsnummer"),
        max_length=13,
        required=False,
        help_text=_("Tio siffror, till exempel 556036-0793."),
    )
    password1 = forms.CharField(
        label=_("Lösenord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Minst tio tecken. Undvik vanliga lösenord och ord som liknar ditt namn."),
    )
    password2 = forms.CharField(
        label=_("Upprepa lösenordet"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    accept_terms = forms.BooleanField(
        label=_("Jag har läst hur SYV-portalen behandlar personuppgifter."),
        error_messages={"required": _("Du behöver godkänna behandlingen av personuppgifter.")},
    )

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise ValidationError(
                _(
                    "Det finns redan ett konto med den e-postadressen. Logga in eller återställ lösenordet."
                ),
                code="duplicate_email",
            )
        return email

    def clean_org_number(self) -> str:
        value = self.cleaned_data.get("org_number", "").strip()
        if not value:
            return ""
        normalised = normalise_org_number(value)
        if Organisation.objects.filter(org_number=normalised).exists():
            raise ValidationError(
                _("Företaget är redan registrerat. Be företagets kontaktperson bjuda in dig."),
                code="duplicate_org_number",
            )
        return normalised

    def clean(self) -> dict:
        data = super().clean()
        if data.get("account_type") == AccountType.COMPANY:
            if not data.get("company_name"):
                self.add_error("company_name", _("Ange företagets namn."))
            if not data.get("org_number") and "org_number" not in self.errors:
                self.add_error("org_number", _("Ange företagets organisationsnummer."))
        password1, password2 = data.get("password1"), data.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("Lösenorden är inte likadana."))
        elif password1:
            candidate = User(
                email=data.get("email", ""),
                first_name=data.get("first_name", ""),
                last_name=data.get("last_name", ""),
            )
            try:
                password_validation.validate_password(password1, candidate)
            except ValidationError as error:
                self.add_error("password1", error)
        return data


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-postadress"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )
    error_messages = {
        "invalid_login": _(
            "Fel e-postadress eller lösenord. Har du nyss registrerat dig? Aktivera kontot med länken i e-postmeddelandet först."
        ),
        "inactive": _("Kontot är inte aktiverat ännu."),
    }


class ResendVerificationForm(forms.Form):
    email = forms.EmailField(label=_("E-postadress"))


class ProfileForm(forms.ModelForm):
    home_municipality = municipality_field(required=False)

    class Meta:
        model = User
        fields = ["first_name", "last_name", "job_title", "home_municipality"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The field matches on the municipality code, but model_to_dict hands it the id.
        if self.instance.home_municipality_id:
            self.initial["home_municipality"] = self.instance.home_municipality.code


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Ditt lösenord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Skriv ditt lösenord för att bekräfta.")},
    )
    confirm = forms.BooleanField(
        label=_("Jag förstår att kontot inte går att återskapa."),
        error_messages={"required": _("Kryssa i rutan för att bekräfta.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError(_("Lösenordet stämmer inte."), code="wrong_password")
        return password


class SecondFactorForm(forms.Form):
    code = forms.CharField(
        label=_("Kod"),
        max_length=20,
        help_text=_(
            "Sex siffror från autentiseringsappen, eller en av dina reservkoder om du inte har "
            "telefonen till hands."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "none", "spellcheck": "false"}
        ),
        error_messages={"required": _("Skriv koden.")},
    )


class TotpSetupForm(forms.Form):
    code = forms.CharField(
        label=_("Koden som appen visar"),
        max_length=10,
        help_text=_("Sex siffror. Koden byts var 30:e sekund."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9 ]*"}
        ),
        error_messages={"required": _("Skriv koden som appen visar.")},
    )
