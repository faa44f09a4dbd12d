"""Extension points the domain apps fill in from their AppConfig.ready().

The shared core never imports a domain app: each app registers what it contributes to
"Mina sidor" and to the home page here.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.http import HttpRequest


@dataclass
class Panel:
    """A box on "Mina sidor" or the home page, rendered with `template` and `context`."""

    title: str
    template: str
    context: dict = field(default_factory=dict)
    order: int = 100


PanelProvider = Callable[[HttpRequest], Panel | None]

_dashboard_providers: list[PanelProvider] = []
_home_providers: list[PanelProvider] = []


def register_dashboard_panel(provider: PanelProvider) -> PanelProvider:
    if provider not in _dashboard_providers:
        _dashboard_providers.append(provider)
    return provider


def register_home_panel(provider: PanelProvider) -> PanelProvider:
    if provider not in _home_providers:
        _home_providers.append(provider)
    return provider


def _collect(providers: list[PanelProvider], request: HttpRequest) -> list[Panel]:
    panels = [panel for provider in providers if (panel := provider(request)) is not None]
    return sorted(panels, key=lambda panel: panel.order)


def dashboard_panels(request: HttpRequest) -> list[Panel]:
    return _collect(_dashboard_providers, request)


def home_panels(request: HttpRequest) -> list[Panel]:
    return _collect(_home_providers, request)
