from .activity import PlanActivity
from .coordination import CoordinationBody, CoordinationContact
from .news import NewsIndexPage, NewsPage, NewsTheme
from .plans import (
    GuidancePlanIndexPage,
    GuidancePlanPage,
    ModelPlanPage,
    MunicipalitySection,
    PlanContent,
)

__all__ = [
    "CoordinationBody",
    "CoordinationContact",
    "GuidancePlanIndexPage",
    "GuidancePlanPage",
    "ModelPlanPage",
    "MunicipalitySection",
    "NewsIndexPage",
    "NewsPage",
    "NewsTheme",
    "PlanActivity",
    "PlanContent",
]
