"""The open API and the public selector other apps use."""

from rekas.selectors import outlook_for
from tests.api_checks import check_paging


def test_programmes(client, db):
    data = client.get("/api/v1/rekas/programmes").json()

    na = next(p for p in data if p["code"] == "NA")
    assert na["kind"] == "preparatory"
    assert {o["code"] for o in na["orientations"]} == {"NANAT", "NASAM"}
    assert len([p for p in data if p["kind"] != "introduction"]) == 18


def test_admissions_with_filters_and_pagination(client, gothenburg_data):
    first = client.get(
        "/api/v1/rekas/admissions?year=2025&round=final&municipality=1480&page_size=2"
    ).json()
    second = client.get(
        "/api/v1/rekas/admissions?year=2025&round=final&municipality=1480&page_size=2&page=2"
    ).json()

    assert (first["count"], first["pages"], len(first["results"]), len(second["results"])) == (
        3,
        2,
        2,
        1,
    )
    assert client.get("/api/v1/rekas/admissions?county=01").json()["count"] == 0
    assert (
        client.get("/api/v1/rekas/admissions?programme=na").json()["results"][0]["lowest_merit"]
        == 280.0
    )
    assert client.get("/api/v1/rekas/admissions?round=sommar").status_code == 400


def test_admissions_have_the_one_pagination(client, gothenburg_data):
    filters = {"year": 2025, "round": "final", "municipality": "1480"}
    check_paging(client, "/api/v1/rekas/admissions", count=3, page_size=2, **filters)
    check_paging(client, "/api/v1/rekas/admissions", count=3, page_size=1000, **filters)
    assert client.get("/api/v1/rekas/admissions", {"page_size": 1001}).status_code == 422
    assert client.get("/api/v1/rekas/admissions", {"page": 0}).status_code == 422
    # No renamed parameter here: an old name of another operation is not flagged.
    response = client.get("/api/v1/rekas/admissions", {"lan": "14", "per_page": 5})
    assert "Deprecation" not in response.headers


def test_occupations_with_outlook_by_county(client, gothenburg_data):
    data = client.get("/api/v1/rekas/occupations/5323?county=14").json()

    assert data["name"] == "Undersköterskor, vård- och specialavdelning"
    assert [(a["area_code"], a["recruitment_situation"]) for a in data["assessments"]] == [
        ("00", "överskott")
    ]
    listing = client.get("/api/v1/rekas/occupations").json()
    assert {o["ssyk"] for o in listing} == {"5321", "5323", "2221"}
    assert client.get("/api/v1/rekas/occupations/0000").status_code == 404


def test_matching_per_area(client, gothenburg_data):
    data = client.get("/api/v1/rekas/matching?area=1480&year=2025&round=final").json()

    by_code = {row["programme_code"]: row for row in data["results"]}
    assert data["area_name"] == "Göteborg"
    assert by_code["VO"]["match_label"] == "Efterfrågad utbildning med lågt söktryck"
    assert by_code["VO"]["demand_index"] == 0.2
    assert client.get("/api/v1/rekas/matching?area=99").status_code == 404


def test_openapi_documents_the_rekas_api(client, db):
    schema = client.get("/api/v1/openapi.json").json()

    for path in ["programmes", "admissions", "occupations", "occupations/{ssyk}", "matching"]:
        assert f"/api/v1/rekas/{path}" in schema["paths"]
    assert "MatchingResponse" in schema["components"]["schemas"]


def test_outlook_for_county_and_national_fallback(gothenburg_data):
    local = outlook_for(ssyk="5321", county_code="14")
    fallback = outlook_for(ssyk="5323", county_code="14")

    assert (local.recruitment_label, local.is_national_fallback) == ("Brist", False)
    assert (fallback.area_code, fallback.is_national_fallback, fallback.outlook_label) == (
        "00",
        True,
        "Minska",
    )
    assert outlook_for(ssyk="5343", county_code="14") is None
    assert outlook_for(ssyk="0000") is None
