from django.apps import AppConfig


class RekasConfig(AppConfig):
    name = "rekas"
    verbose_name = "REKAS"

    def ready(self) -> None:
        from . import retention

        retention.register()
        _register_cache()


def _register_cache() -> None:
    """Every REKAS page depends on the imported data, the reference tables and the facts
    bank's statistics sources it lists."""
    from syvsite.core.registry import PAGES, register_cached_page, register_invalidation

    from . import models

    for name in ("index", "county", "municipality", "programme", "occupation", "compare"):
        # PAGES: they list the facts bank's statistics sources (Wagtail pages) under "Källor
        # och licens", so publishing, unpublishing, moving or deleting one shows at once.
        register_cached_page(f"rekas:{name}", "rekas", PAGES)
    # Every import commits an ImportBatch; its statistics rows are bulk-written (no signals,
    # and a delete receiver on them would slow the import's bulk delete), so the batch
    # stands for them. The reference data and the mapping are edited row by row.
    for model in (
        models.ImportBatch,
        models.School,
        models.Programme,
        models.Orientation,
        models.ProgrammeName,
        models.OccupationalArea,
        models.Occupation,
        models.BarometerOccupation,
        models.ProgrammeOccupation,
        # Mapping a name writes the rows that waited for it and pages say how many still wait.
        models.NameAlias,
        models.PendingAdmission,
        models.PageState,
    ):
        register_invalidation(model, "rekas")
