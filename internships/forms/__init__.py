"""Forms of the placement board. Error messages are Swedish and name what to fix."""

from django import forms
from django.utils.translation import gettext_lazy as _

from syvsite.accounts.forms import MunicipalityChoiceField
from syvsite.regions.models import Municipality


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


DATE_ERRORS = {"invalid": _("Ange ett datum som ÅÅÅÅ-MM-DD."), "required": _("Ange ett datum.")}


def date_field(label, **kwargs) -> forms.DateField:
    return forms.DateField(label=label, widget=DateInput(), error_messages=DATE_ERRORS, **kwargs)


def municipality_field(**kwargs) -> MunicipalityChoiceField:
    return MunicipalityChoiceField(
        queryset=Municipality.objects.select_related("county").order_by("name"),
        to_field_name="code",
        label=kwargs.pop("label", _("Kommun")),
        empty_label=kwargs.pop("empty_label", _("Välj kommun")),
        error_messages={
            "invalid_choice": _("Okänd kommunkod. Välj en kommun i listan."),
            "required": _("Välj kommun."),
        },
        **kwargs,
    )


def apply_service_error(form: forms.Form, error) -> None:
    """Show a PlacementError on its field when the form has it, otherwise above the form."""
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)
