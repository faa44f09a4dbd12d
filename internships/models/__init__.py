from .bookings import RESERVING_STATUSES, Booking, BookingPupil
from .certificates import Certificate
from .companies import CompanyProfile, Workplace
from .listings import Listing, ListingPeriod, ListingProgramme
from .rounds import Choice, ChoiceRound, Participant

__all__ = [
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
    "Workplace",
]
