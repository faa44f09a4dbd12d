import pytest

from rekas import aggregates
from rekas.services import BAROMETER_EXCERPT
from tests.rekas.factories import AdmissionFactory, SchoolFactory, assess

HEADER = (
    "ar;antagningsomgang;kommunkod;skola;skolenhetskod;programkod;inriktning;platser;"
    "forstahandssokande;antagna;reserver;lagsta_merit;median_merit"
)


def csv_file(
    tmp_path, *lines: str, header: str = HEADER, name: str = "antagning.csv", encoding="utf-8"
):
    path = tmp_path / name
    path.write_bytes(("\n".join([header, *lines]) + "\n").encode(encoding))
    return path


@pytest.fixture
def excerpt(db):
    from rekas.importers import import_yrkesbarometer

    report = import_yrkesbarometer(source=BAROMETER_EXCERPT)
    assert report.committed, report.errors
    return report


@pytest.fixture
def gothenburg_data(db):
    """The hand-computed dataset of docs/rekas-method.md ("Räkneexempel").

    Göteborg (county 14), 2025 final: VO at two schools, NA at one. VO leads to 5321 (0.6)
    and 5323 (0.4): 5321 is in shortage in county 14, 5323 is assessed only nationally
    (surplus). NA leads to 2221 (1.0), in surplus in county 14.
    """
    from rekas.models import Programme, ProgrammeOccupation

    ProgrammeOccupation.objects.all().delete()
    vo, na = Programme.objects.get(code="VO"), Programme.objects.get(code="NA")
    from rekas.models import Occupation

    for programme, ssyk, weight in [(vo, "5321", "0.6"), (vo, "5323", "0.4"), (na, "2221", "1")]:
        ProgrammeOccupation.objects.create(
            programme=programme,
            study_path=programme.code,
            occupation=Occupation.objects.get(ssyk=ssyk),
            weight=weight,
        )
    assess("5321", "14", "brist", "öka")
    assess("5323", "00", "överskott", "minska")
    assess("2221", "14", "överskott", "vara oförändrad")
    school_a = SchoolFactory(name="Hvitfeldtska gymnasiet")
    school_b = SchoolFactory(name="Burgårdens gymnasium")
    AdmissionFactory(
        school=school_a,
        programme=vo,
        study_path="VO",
        places=30,
        first_choice_applicants=15,
        admitted=28,
        median_merit=180,
    )
    AdmissionFactory(
        school=school_b,
        programme=vo,
        study_path="VO",
        places=20,
        first_choice_applicants=25,
        admitted=20,
        lowest_merit=200,
        median_merit=230,
    )
    AdmissionFactory(
        school=school_a,
        programme=na,
        study_path="NA",
        places=60,
        first_choice_applicants=90,
        admitted=60,
        lowest_merit=280,
        median_merit=300,
    )
    AdmissionFactory(
        year=2024,
        school=school_b,
        programme=vo,
        study_path="VO",
        places=80,
        first_choice_applicants=100,
        admitted=80,
    )
    aggregates.refresh()  # as every import does
    return {"vo": vo, "na": na, "schools": (school_a, school_b)}
