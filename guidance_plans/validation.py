"""Rules a plan must satisfy, shared by the model's clean() and the forms.

A loose module, below both: in models/ it would make forms.py import the models while the plan
page imports its admin form from forms.py.
"""

from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

MISSING_MUNICIPALITY = _(
    "En vägledningsplan måste ligga under en kommuns sida i Vägledningsplaner, så att det "
    "framgår vilken kommun den gäller. Skapa planen under din kommun."
)
VALIDITY_ORDER = _(
    "Giltighetstiden slutar före den börjar: ”Giltig till” (%(to)s) måste vara samma dag "
    "som eller senare än ”Giltig från” (%(start)s)."
)


def validity_errors(valid_from: date | None, valid_to: date | None) -> dict[str, str]:
    """Field errors for a validity period; empty when it is fine."""
    if valid_from and valid_to and valid_to < valid_from:
        message = VALIDITY_ORDER % {
            "to": date_format(valid_to, "j F Y"),
            "start": date_format(valid_from, "j F Y"),
        }
        return {"valid_to": message}
    return {}
