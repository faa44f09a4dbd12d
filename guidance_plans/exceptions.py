"""Refusals the services raise; views show their Swedish message."""


class GuidancePlanError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class NotAllowed(GuidancePlanError):
    """The user may not do this here (e.g. add a plan to another municipality's section)."""


class ModelPlanMissing(GuidancePlanError):
    """The model plan is not published, so no plan can start from it."""
