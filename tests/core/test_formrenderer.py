"""The site writes `<select>` in Python for speed; visitors and screen readers must get exactly
the markup Django's own templates give, escaping included."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy, override

from syvsite.core.formrenderer import FormRenderer

HOSTILE = '"><script>alert(1)</script>'


class AllKinds(forms.Form):
    year = forms.TypedChoiceField(
        label="År", coerce=int, choices=[(2026, 2026), (2025, 2025)], required=False
    )
    kind = forms.ChoiceField(
        label="Programtyp",
        choices=[("", gettext_lazy("Alla program")), ("yrke", gettext_lazy("Yrkesprogram"))],
    )
    area = forms.ChoiceField(
        label="Område",
        choices=[
            ("", "Välj område"),
            ("Län", [("14", "Västra Götalands län"), (HOSTILE, HOSTILE)]),
            ("Kommuner", [("1480", "Göteborg"), ("1490", mark_safe("Borås <em>stad</em>"))]),
        ],
        widget=forms.Select(attrs={"aria-describedby": "area-help", "data-x": HOSTILE}),
    )
    levels = forms.MultipleChoiceField(
        label="Nivåer",
        choices=[("a", "A & B"), ("b", "B")],
        widget=forms.SelectMultiple(attrs={"disabled": True, "autofocus": False}),
    )
    answer = forms.NullBooleanField(label="Svar")


def _rendered(form: forms.Form, renderer) -> dict[str, str]:
    form.renderer = renderer
    return {name: str(form[name]) for name in form.fields}


@pytest.mark.parametrize(
    "data",
    [
        None,
        {"year": "2025", "kind": "yrke", "area": HOSTILE, "levels": ["a", "b"], "answer": "true"},
        {"year": "1999", "kind": "<b>", "area": "1490", "levels": ["x"], "answer": "false"},
    ],
)
@pytest.mark.parametrize("language", ["sv", "en"])
def test_selects_have_djangos_markup(data, language):
    with override(language):
        ours = _rendered(AllKinds(data), FormRenderer())
        djangos = _rendered(AllKinds(data), DjangoTemplates())
    assert ours == djangos
    assert "<script>" not in "".join(ours.values())


def test_an_option_with_its_own_template_is_rendered_by_it(settings, tmp_path):
    (tmp_path / "option.html").write_text("<option>{{ widget.label }} (egen mall)</option>")
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}
    ]

    class OwnOption(forms.Select):
        option_template_name = "option.html"

    field = forms.ChoiceField(choices=[("a", "Alfa")], widget=OwnOption())
    form = forms.Form()
    form.fields["pick"] = field
    form.renderer = FormRenderer()
    assert "<option>Alfa (egen mall)</option>" in str(form["pick"])
