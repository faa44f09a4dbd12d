from django.apps import AppConfig


class InternshipsConfig(AppConfig):
    name = "internships"
    verbose_name = "Praktikplatser"

    def ready(self) -> None:
        from syvsite.core.registry import register_dashboard_panel, register_home_panel

        from . import panels, retention

        for provider in (
            panels.coordinator_panel,
            panels.company_panel,
            panels.school_panel,
            panels.pupil_panel,
        ):
            register_dashboard_panel(provider)
        register_home_panel(panels.home_panel)
        retention.register()
        _register_cache()


def _register_cache() -> None:
    """The placement list and a listing show listings, their periods (a booking can fill one)
    and the companies' names and workplaces."""
    from syvsite.core.registry import register_cached_page, register_invalidation
    from syvsite.organisations.models import Organisation

    from . import models

    register_cached_page("internships:listings", "internships")
    register_cached_page("internships:listing", "internships")
    for model in (
        models.Listing,
        models.ListingPeriod,
        models.ListingProgramme,
        models.Booking,
        models.CompanyProfile,
        models.Workplace,
        Organisation,
    ):
        register_invalidation(model, "internships")
