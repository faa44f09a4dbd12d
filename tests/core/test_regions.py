from syvsite.regions.models import County, Municipality
from syvsite.regions.services import distance_km


def test_migrations_load_all_counties_and_municipalities(db):
    assert County.objects.count() == 21
    assert Municipality.objects.count() == 290
    goteborg = Municipality.objects.get(code="1480")
    assert goteborg.name == "Göteborg"
    assert goteborg.county.code == "14"
    assert goteborg.county.name == "Västra Götalands län"


def test_every_municipality_has_seat_coordinates_inside_sweden(db):
    missing = Municipality.objects.filter(latitude__isnull=True).count()
    assert missing == 0
    for m in Municipality.objects.all():
        assert 55.3 <= m.latitude <= 69.1 and 10.9 <= m.longitude <= 24.2, m


def test_distance_between_known_cities(db):
    stockholm = Municipality.objects.get(code="0180").location
    goteborg = Municipality.objects.get(code="1480").location
    malmo = Municipality.objects.get(code="1280").location
    lund = Municipality.objects.get(code="1281").location
    assert 380 < distance_km(stockholm, goteborg) < 420
    assert 10 < distance_km(malmo, lund) < 22
