"""Demo content: every county has admissions, the real excerpt is loaded, and a rerun adds nothing."""

import io

from rekas import seed
from rekas.models import AdmissionStatistic, Assessment


def test_seed_is_idempotent_and_fills_every_county(client, db):
    seed.run(stdout=io.StringIO())
    counts = (AdmissionStatistic.objects.count(), Assessment.objects.count())

    seed.run(stdout=io.StringIO())

    assert (AdmissionStatistic.objects.count(), Assessment.objects.count()) == counts
    counties = set(AdmissionStatistic.objects.values_list("municipality__county__code", flat=True))
    assert len(counties) == 21
    assert set(AdmissionStatistic.objects.values_list("year", flat=True)) == {
        2022,
        2023,
        2024,
        2025,
        2026,
    }
    assert Assessment.objects.filter(barometer_occupation__concept_id="PDNm_NZ2_WRh").count() == 22
    html = client.get("/rekas/lan/01/").content.decode()
    assert "Demodata" in html and "Efterfrågad utbildning" in html
