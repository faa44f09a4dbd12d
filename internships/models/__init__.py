from .bookings import RESERVING_STATUSES, Booking, BookingPupil
from .certificates import Certificate
from .companies import CompanyProfile, Workplace
from .listings import Listing, ListingPeriod, ListingProgramme, PlacementType
from .rounds import MAX_CHOICES, Choice, ChoiceRound, Participant

__all__ = [
    "MAX_CHOICES",
    "RESERVING_STATUSES",
    "Booking",
    "BookingPupil",
    "Certificate",
    "Choice",
    "ChoiceRound",
    "CompanyProfile",
    "Listing",
    "ListingPeriod",
    "ListingProgramme",
    "Participant",
    "PlacementType",
    "Workplace",
]
