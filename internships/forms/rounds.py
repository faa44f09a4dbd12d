from django import forms
from django.core.validators import validate_email
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..models import MAX_CHOICES, ChoiceRound, PlacementType
from ..selectors.listings import today
from . import date_field

MAX_PUPILS_PER_IMPORT = 400


class ChoiceRoundForm(forms.ModelForm):
    period_start = date_field(_("Praktikperiodens första dag"))
    period_end = date_field(_("Praktikperiodens sista dag"))
    choices_close_at = date_field(
        _("Sista dag för elevernas val"),
        help_text=_("Måste vara före praktikperiodens första dag."),
    )

    class Meta:
        model = ChoiceRound
        fields = [
            "title",
            "placement_type",
            "period_start",
            "period_end",
            "choices_close_at",
            "max_distance_km",
        ]
        widgets = {"placement_type": forms.RadioSelect}
        help_texts = {
            "title": _("Till exempel ”PRAO vecka 12, år 8”."),
            "max_distance_km": _("Eleverna ser platser inom så här många kilometer från skolan."),
        }
        error_messages = {
            "title": {"required": _("Ge valomgången ett namn.")},
            "max_distance_km": {
                "min_value": _("Ange minst 1 km."),
                "max_value": _("Ange högst 500 km."),
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["placement_type"].choices = PlacementType.choices

    def clean(self) -> dict:
        data = super().clean()
        start, end, close = (
            data.get(k) for k in ("period_start", "period_end", "choices_close_at")
        )
        if start and start < today():
            self.add_error("period_start", _("Praktikperioden kan inte börja i det förflutna."))
        if start and end and end < start:
            self.add_error("period_end", _("Perioden kan inte sluta innan den börjar."))
        if close and close < today():
            self.add_error("choices_close_at", _("Sista dag för val kan inte ha passerat."))
        if close and start and close >= start:
            self.add_error(
                "choices_close_at",
                _("Sista dag för val måste vara före praktikperiodens första dag."),
            )
        return data


class ParticipantsForm(forms.Form):
    rows = forms.CharField(
        label=_("Elever"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "En elev per rad: namn; klass; e-post. Klass och e-post är valfria. Elever med "
            "e-post får ett konto och en länk för att välja lösenord; övriga får en engångskod."
        ),
        error_messages={"required": _("Skriv minst en elev.")},
    )

    def clean_rows(self) -> list[tuple[str, str, str]]:
        parsed, errors = [], []
        lines = [line for line in self.cleaned_data["rows"].splitlines() if line.strip()]
        if len(lines) > MAX_PUPILS_PER_IMPORT:
            raise forms.ValidationError(
                gettext("Högst %(max)s elever åt gången.") % {"max": MAX_PUPILS_PER_IMPORT}
            )
        for number, line in enumerate(lines, start=1):
            parts = [part.strip() for part in line.split(";")]
            name, school_class, email = (parts + ["", ""])[:3]
            if not name or len(parts) > 3:
                errors.append(gettext("Rad %(row)s: skriv namn; klass; e-post.") % {"row": number})
                continue
            if len(name) > 150 or len(school_class) > 20:
                errors.append(
                    gettext("Rad %(row)s: namnet eller klassen är för lång.") % {"row": number}
                )
                continue
            if email:
                try:
                    validate_email(email)
                except forms.ValidationError:
                    errors.append(
                        gettext("Rad %(row)s: ”%(value)s” är inte en e-postadress.")
                        % {"row": number, "value": email}
                    )
                    continue
            parsed.append((name, school_class, email.lower()))
        if errors:
            raise forms.ValidationError(errors)
        return parsed


class PupilCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Din kod"),
        max_length=20,
        help_text=_("Koden har åtta tecken, till exempel ABCD-EFGH. Du får den av din lärare."),
        error_messages={"required": _("Skriv koden du fått av din lärare.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )


class ChoicesForm(forms.Form):
    """Up to five ranked choices among the round's eligible periods."""

    def __init__(self, *args, periods, **kwargs):
        super().__init__(*args, **kwargs)
        options = [("", gettext("Inget val"))] + [
            (str(period.pk), period_label(period)) for period in periods
        ]
        for rank in range(1, MAX_CHOICES + 1):
            self.fields[f"choice_{rank}"] = forms.TypedChoiceField(
                label=gettext("Val %(rank)s") % {"rank": rank},
                choices=options,
                coerce=int,
                empty_value=None,
                required=False,
                error_messages={
                    "invalid_choice": gettext("Platsen går inte att välja. Välj i listan.")
                },
            )

    def clean(self) -> dict:
        data = super().clean()
        chosen = [data.get(f"choice_{rank}") for rank in range(1, MAX_CHOICES + 1)]
        ids = [value for value in chosen if value is not None]
        if len(ids) != len(set(ids)):
            raise forms.ValidationError(gettext("Du har valt samma plats mer än en gång."))
        data["period_ids"] = ids
        return data


def period_label(period) -> str:
    listing = period.listing
    parts = [f"{listing.title} – {listing.company.name}", listing.workplace.municipality.name]
    if getattr(period, "distance", None) is not None:
        parts.append(f"{period.distance:.0f} km")
    parts.append(period.weeks)
    if getattr(period, "left", 1) <= 0:
        parts.append(gettext("fullbokad"))
    return ", ".join(parts)


class AllocationForm(forms.Form):
    seed = forms.IntegerField(
        label=_("Slumpfrö (valfritt)"),
        required=False,
        min_value=0,
        max_value=2**48 - 1,
        help_text=_(
            "Lämna tomt för ett nytt slumpfrö. Samma frö och samma val ger samma fördelning."
        ),
        error_messages={
            "invalid": _("Ange slumpfröet som ett heltal."),
            "min_value": _("Slumpfröet kan inte vara negativt."),
            "max_value": _("Slumpfröet är för stort."),
        },
    )


class OverrideForm(forms.Form):
    period = forms.TypedChoiceField(
        label=_("Placera på"), coerce=int, empty_value=None, required=False
    )

    def __init__(self, *args, periods, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].choices = [("", gettext("Ingen plats"))] + [
            (str(period.pk), period_label(period)) for period in periods
        ]


class EraseForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Jag har kontrollerat att eleven (eller vårdnadshavaren) begärt radering."),
        error_messages={"required": _("Kryssa i rutan för att bekräfta raderingen.")},
    )
