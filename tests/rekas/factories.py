"""Factories for REKAS tests (reference programmes and SSYK groups come from the data migration)."""

import factory

from rekas.models import (
    AdmissionStatistic,
    Assessment,
    BarometerOccupation,
    Occupation,
    Programme,
    School,
)
from tests.factories import municipality


class SchoolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = School

    name = factory.Sequence(lambda n: f"Gymnasieskola {n}")
    municipality = factory.LazyFunction(lambda: municipality("1480"))


class AdmissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AdmissionStatistic

    year = 2025
    round = "final"
    school = factory.SubFactory(SchoolFactory)
    municipality = factory.SelfAttribute("school.municipality")
    programme = factory.LazyFunction(lambda: Programme.objects.get(code="VO"))
    study_path = factory.SelfAttribute("programme.code")
    places = 30
    first_choice_applicants = 30
    admitted = 30
    reserves = 0


def assess(
    ssyk: str, area: str, situation: str, outlook: str = "vara oförändrad", round: str = "2025-2"
):
    """An assessment of one SSYK group in one area, with its own barometer occupation."""
    occupation, _ = BarometerOccupation.objects.get_or_create(
        concept_id=f"test-{ssyk}", defaults={"name": f"Barometeryrke {ssyk}"}
    )
    occupation.occupations.add(Occupation.objects.get(ssyk=ssyk))
    return Assessment.objects.create(
        barometer_occupation=occupation,
        round=round,
        area_code=area,
        recruitment_situation=situation,
        outlook=outlook,
        job_opportunities="medelstora",
    )
