"""Demo content after upper-secondary school: the real samples are imported, what is generated
is marked as demo on the pages that show it, and a rerun adds nothing."""

import io

from rekas.models import DEMO_SOURCE, MatchingRate, UniversityProgramme, YhApplication
from rekas.seed import postsecondary


def counts() -> tuple[int, int, int]:
    return (
        UniversityProgramme.objects.count(),
        YhApplication.objects.count(),
        MatchingRate.objects.count(),
    )


def test_seed_imports_samples_marks_generated_rows_and_is_idempotent(client, db):
    postsecondary.run(stdout=io.StringIO())
    before = counts()

    postsecondary.run(stdout=io.StringIO())

    assert counts() == before and before[0] == 11
    demo = MatchingRate.objects.filter(source=DEMO_SOURCE)
    assert demo.values("region_code").distinct().count() == 19  # all but Stockholm and Gotland
    assert not demo.filter(region_code__in=["01", "09"]).exists()
    assert (
        "värdena för det här länet är genererade" in client.get("/rekas/lan/20/").content.decode()
    )
    assert (
        "värdena för det här länet är genererade"
        not in client.get("/rekas/lan/01/").content.decode()
    )
    html = client.get("/rekas/yh/").content.decode()
    assert "Demodata" in html and "data/It" in html
