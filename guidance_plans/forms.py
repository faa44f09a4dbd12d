"""Forms: the public filters, comparison and version choice, the admin action's form and the
plan pages' Wagtail admin form. Errors are Swedish and specific.

Imports no model of this app: the plan page names `GuidancePlanForm` as its base form class.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from syvsite.regions.models import County, Municipality

from .constants import MunicipalityStatus, PlanRole, Stage
from .validation import MISSING_MUNICIPALITY, validity_errors


def county_choices() -> list[tuple[str, str]]:
    return [("", _("Alla län")), *County.objects.values_list("code", "name")]


def _add_validity_errors(form: forms.Form, cleaned_data: dict) -> None:
    """A plan's validity period checked (validation.py), errors on its own fields."""
    valid_from, valid_to = cleaned_data.get("valid_from"), cleaned_data.get("valid_to")
    for field, message in validity_errors(valid_from, valid_to).items():
        form.add_error(field, message)


class OverviewFilterForm(forms.Form):
    lan = forms.ChoiceField(label=_("Län"), required=False, choices=county_choices)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Alla"))] + list(MunicipalityStatus.choices),
    )


class ActivityFilterForm(forms.Form):
    q = forms.CharField(label=_("Sök bland aktiviteter"), required=False, max_length=200)
    stadium = forms.MultipleChoiceField(
        label=_("Skolform/stadium"),
        required=False,
        choices=Stage.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    roll = forms.MultipleChoiceField(
        label=_("Ansvarig roll"),
        required=False,
        choices=PlanRole.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    lan = forms.ChoiceField(label=_("Län"), required=False, choices=county_choices)
    gallande = forms.BooleanField(label=_("Bara från gällande planer"), required=False)


class ComparisonForm(forms.Form):
    """Two published plans (or the model plan), chosen from lists."""

    a = forms.TypedChoiceField(label=_("Första planen"), coerce=int)
    b = forms.TypedChoiceField(label=_("Andra planen"), coerce=int)

    def __init__(self, *args, plan_choices: list[tuple[int, str]], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("Välj en plan"))] + plan_choices
        for name in ("a", "b"):
            self.fields[name].choices = choices
            self.fields[name].error_messages["invalid_choice"] = _(
                "Planen finns inte eller är inte publicerad. Välj en plan i listan."
            )
            self.fields[name].error_messages["required"] = _("Välj en plan att jämföra.")

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("a") and cleaned_data.get("a") == cleaned_data.get("b"):
            self.add_error("b", _("Välj två olika planer att jämföra."))
        return cleaned_data


class VersionForm(forms.Form):
    """Two published versions of one plan (revision ids)."""

    fran = forms.TypedChoiceField(label=_("Jämför version"), coerce=int)
    till = forms.TypedChoiceField(label=_("med version"), coerce=int)

    def __init__(self, *args, version_choices: list[tuple[int, str]], **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("fran", "till"):
            self.fields[name].choices = version_choices
            self.fields[name].error_messages["invalid_choice"] = _(
                "Versionen finns inte bland planens publicerade versioner. Välj en i listan."
            )

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("fran") and cleaned_data.get("fran") == cleaned_data.get("till"):
            self.add_error("till", _("Välj två olika versioner."))
        return cleaned_data


class CoordinationFilterForm(forms.Form):
    lan = forms.ChoiceField(label=_("Län"), required=False, choices=county_choices)
    kommun = forms.ModelChoiceField(
        label=_("Vilken samverkan hör min kommun till?"),
        required=False,
        queryset=Municipality.objects.order_by("name"),
        to_field_name="code",
        empty_label=_("Alla kommuner"),
        error_messages={"invalid_choice": _("Kommunen finns inte. Välj en kommun i listan.")},
    )


class NewsFilterForm(forms.Form):
    tema = forms.MultipleChoiceField(
        label=_("Teman"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, theme_choices: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tema"].choices = theme_choices
        self.fields["tema"].error_messages["invalid_choice"] = _(
            "Temat ”%(value)s” finns inte. Välj bland temana i listan."
        )


class PlanFromModelForm(forms.Form):
    """The few facts a new plan needs; everything else comes from the model plan."""

    section = forms.ModelChoiceField(
        label=_("Kommun"), queryset=None, empty_label=None, to_field_name="pk"
    )
    title = forms.CharField(
        label=_("Planens titel"),
        max_length=255,
        help_text=_("Till exempel ”Plan för studie- och yrkesvägledning 2026–2028”."),
    )
    valid_from = forms.DateField(
        label=_("Giltig från"), widget=forms.DateInput(attrs={"type": "date"})
    )
    valid_to = forms.DateField(
        label=_("Giltig till"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Lämna tomt om planen gäller tills vidare."),
    )

    def __init__(self, *args, sections, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = sections

    def clean(self):
        cleaned_data = super().clean()
        _add_validity_errors(self, cleaned_data)
        return cleaned_data


class GuidancePlanForm(WagtailAdminPageForm):
    """The plan pages' admin form: Swedish errors before anything is saved."""

    def clean(self):
        cleaned_data = super().clean()
        _add_validity_errors(self, cleaned_data)
        parent = self.parent_page.specific if self.parent_page is not None else None
        if getattr(parent, "municipality_id", None) is None:
            self.add_error(None, MISSING_MUNICIPALITY)
        else:
            self.instance.municipality_id = parent.municipality_id
        return cleaned_data
