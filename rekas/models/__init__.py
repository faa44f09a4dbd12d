"""REKAS data: programmes, schools, admission statistics, SSYK occupations, Yrkesbarometern.

Models stay thin: imports live in `rekas/importers/`, analysis in `rekas/analysis.py`,
shared reads in `rekas/selectors.py`.
"""

from .admissions import AdmissionStatistic, ImportBatch, School
from .occupations import (
    Assessment,
    BarometerOccupation,
    Occupation,
    OccupationalArea,
    ProgrammeOccupation,
)
from .postsecondary import (
    EducationOccupation,
    MatchingRate,
    UniversityAdmission,
    UniversityProgramme,
    UniversityScore,
    YhApplication,
    YhArea,
    YhOutcome,
)
from .programmes import Orientation, Programme, ProgrammeName
from .review import NameAlias, NameKind, PendingAdmission
from .summaries import AdmissionSummary, OutlookShare, PageState

NATIONAL = "00"  # Yrkesbarometern's code for "the whole country"
# How demo content (seed.py) is marked in the data, so pages can say it is invented.
DEMO_CONCEPT_PREFIX = "demo-"  # BarometerOccupation.concept_id of demo assessments
DEMO_SOURCE = "Genererad demodata (inte från Arbetsförmedlingen)"  # ImportBatch/row source

__all__ = [
    "DEMO_CONCEPT_PREFIX",
    "DEMO_SOURCE",
    "NATIONAL",
    "AdmissionStatistic",
    "AdmissionSummary",
    "Assessment",
    "BarometerOccupation",
    "EducationOccupation",
    "ImportBatch",
    "MatchingRate",
    "Occupation",
    "NameAlias",
    "NameKind",
    "OccupationalArea",
    "OutlookShare",
    "PageState",
    "Orientation",
    "PendingAdmission",
    "Programme",
    "ProgrammeName",
    "ProgrammeOccupation",
    "School",
    "UniversityAdmission",
    "UniversityProgramme",
    "UniversityScore",
    "YhApplication",
    "YhArea",
    "YhOutcome",
]
