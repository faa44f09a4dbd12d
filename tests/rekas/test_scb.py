"""SCB's regional matching indicators: JSON-stat 2.0 and PX-Web CSV, the refusals, re-import,
`rekas_fetch scb` against a local PxWeb server, the county page and the API."""

import copy
import io
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from rekas.importers import run_import
from rekas.models import MatchingRate
from rekas.services import DATA_DIR

SAMPLE = DATA_DIR / "postsecondary" / "scb_matchningsgrad_sample.json"


def document() -> dict:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


def write_json(tmp_path, data, name="scb.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def scb_sample(db):
    report = run_import("scb", source=SAMPLE, file_name=SAMPLE.name)
    assert report.committed, report.errors
    return report


def cells():
    return sorted(
        MatchingRate.objects.values_list(
            "table_id", "region_code", "sex_code", "group_code", "year", "value", "status"
        ),
        key=str,
    )


def test_jsonstat_sample_is_read_in_row_major_order(scb_sample):
    assert scb_sample.written == 96 and "RegionInd19M2N" in " ".join(scb_sample.notes)
    rate = MatchingRate.objects.get(
        region_code="01", sex_code="1", group_code="20-64", year=2015
    )  # the first value
    assert float(rate.value) == 70.5 and rate.measure_label == "Matchningsgrad, procent"
    gotland_women_africa = MatchingRate.objects.get(
        region_code="09", sex_code="2", group_code="Afrika", year=2015
    )  # position 72: null with status ".."
    assert gotland_women_africa.value is None and gotland_women_africa.status == ".."
    last = MatchingRate.objects.get(
        region_code="09", sex_code="SAMANST", group_code="totalt", year=2016
    )
    assert float(last.value) == 67.2


def test_reimport_changes_nothing(scb_sample):
    before = cells()

    again = run_import("scb", source=SAMPLE)

    assert again.committed and again.replaced == 96 and cells() == before


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["value"].pop(), "Antalet värden (95) stämmer inte"),
        (
            lambda d: (
                d["id"].append("Alder"),
                d["size"].append(1),
                d["dimension"].update(
                    {"Alder": {"category": {"index": {"x": 0}, "label": {"x": "x"}}}}
                ),
                d.__setitem__("value", d["value"]),
            ),
            "okänd dimension",
        ),
        (lambda d: d["dimension"]["Tid"]["category"].update(index={"2015": 0, "år2": 1}), "årtal"),
        (lambda d: d["value"].__setitem__(3, "sjuttio"), "ska vara ett tal"),
        (lambda d: d["size"].__setitem__(0, 3), "size säger 3"),
    ],
)
def test_bad_jsonstat_is_refused_whole(db, tmp_path, change, expected):
    data = copy.deepcopy(document())
    change(data)

    report = run_import("scb", source=write_json(tmp_path, data))

    assert not report.committed and not MatchingRate.objects.exists()
    assert expected in " ".join(str(issue) for issue in report.errors)


def test_px_csv_with_labels_only(db, tmp_path):
    text = (
        '"region","kön","ålder/födelselandgrupp","Matchningsgrad, procent  2021",'
        '"Matchningsgrad, procent  2022"\n'
        '"20 Dalarnas län","samtliga anställda","totalt",68.1,69.0\n'
        '"20 Dalarnas län","kvinnor","födda i Afrika","..",41.2\n'
    )
    path = tmp_path / "matchning.csv"
    path.write_bytes(text.encode("iso-8859-1"))

    report = run_import("scb", source=path)

    assert report.committed, report.errors
    total = MatchingRate.objects.get(region_code="20", sex_code="SAMANST", year=2022)
    assert (total.group_code, float(total.value), total.table_id) == (
        "totalt",
        69.0,
        "RegionInd19M2N",
    )
    africa = MatchingRate.objects.get(group_code="Afrika", year=2021)
    assert africa.value is None and africa.status == ".." and africa.sex_code == "2"

    bad = path.read_text(encoding="iso-8859-1").replace("procent  2022", "procent  tjugo")
    path.write_bytes(bad.encode("iso-8859-1"))
    refused = run_import("scb", source=path)
    assert not refused.committed and "årtal" in str(refused.errors[0])


def test_county_page_shows_matching_rate_with_source(client, scb_sample):
    html = client.get("/rekas/lan/01/").content.decode()

    assert "Matchningsgrad, procent över tid, Stockholms län (SCB)" in html
    assert "AM/AM9906/AM9906A/RegionInd19M2N" in html and "CC0" in html
    assert "födda i Afrika" in html and 'data-chart="chart-scb-regionind19m2n-ar"' in html
    response = client.get("/rekas/lan/01/?export=scb-regionind19m2n-ar&format=csv")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "År;Samtliga;Kvinnor;Män" and lines[1] == "2015;71,8;73;70,5"


def education_document() -> dict:
    """The per-education-group table (SUN 2020 codes) in the shape SCB's API returns: its own
    dimensions (Utbildning, KonAlderFodelseland), a ".." cell, the table id in extension.px."""
    return {
        "class": "dataset",
        "version": "2.0",
        "label": "Matchning per utbildningsgrupp",
        "source": "SCB",
        "id": ["Region", "Utbildning", "KonAlderFodelseland", "ContentsCode", "Tid"],
        "size": [1, 2, 1, 1, 2],
        "dimension": {
            "Region": {"category": {"index": {"20": 0}, "label": {"20": "Dalarnas län"}}},
            "Utbildning": {
                "category": {
                    "index": {"53E": 0, "45DH": 1},
                    "label": {
                        "53E": "Vård och omsorg, gymnasial",
                        "45DH": "Hälso- och sjukvård, eftergymnasial",
                    },
                }
            },
            "KonAlderFodelseland": {
                "category": {"index": {"SAMANST": 0}, "label": {"SAMANST": "samtliga anställda"}}
            },
            "ContentsCode": {
                "category": {"index": {"M": 0}, "label": {"M": "Matchningsgrad, procent "}}
            },
            "Tid": {"category": {"index": {"2022": 0, "2023": 1}}},
        },
        "value": [71.2, 72.0, 80.1, None],  # row-major: 53E 2022, 53E 2023, 45DH 2022, 45DH 2023
        "status": {"3": ".."},
        "extension": {"px": {"tableid": "RegionInd19E3N2"}},
    }


def test_education_group_table_through_page_export_and_api(client, db, tmp_path):
    report = run_import("scb", source=write_json(tmp_path, education_document()))

    assert report.committed and report.written == 4, report.errors
    care = MatchingRate.objects.get(group_code="53E", year=2023)
    assert (care.table_id, care.group_dimension, float(care.value)) == (
        "RegionInd19E3N2",
        "Utbildning",
        72.0,
    )
    assert MatchingRate.objects.get(group_code="45DH", year=2023).status == ".."
    html = client.get("/rekas/lan/20/").content.decode()
    assert "per utbildningsgrupp (SUN 2020), Dalarnas län 2023 (SCB)" in html
    assert "AM/AM9906/AM9906A/RegionInd19E3N2" in html
    response = client.get("/rekas/lan/20/?export=scb-regionind19e3n2-utbildning&format=csv")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines == [
        "SUN 2020;Utbildningsgrupp;Procent",
        "53E;Vård och omsorg, gymnasial;72",
        "45DH;Hälso- och sjukvård, eftergymnasial;ej publicerat",
    ]
    data = client.get("/api/v1/rekas/matching-rates?county=20&year=2023").json()
    values = {row["group_code"]: row["value"] for row in data["results"]}
    assert values == {"53E": 72.0, "45DH": None}


def test_county_without_data_has_no_scb_section(client, scb_sample):
    html = client.get("/rekas/lan/25/").content.decode()
    assert "Om SCB:s matchningsindikatorer" not in html


def test_api(client, scb_sample):
    data = client.get("/api/v1/rekas/matching-rates?county=09&year=2016&page_size=5").json()
    assert (data["count"], data["pages"]) == (24, 5) and "CC0" in data["source"]
    assert data["results"][0]["table_id"] == "RegionInd19M2N"
    assert client.get("/api/v1/rekas/matching-rates").status_code == 422


class PxWebHandler(BaseHTTPRequestHandler):
    """SCB's PxWeb API v1, as far as rekas_fetch uses it: GET metadata, POST a query."""

    queries: list = []

    def log_message(self, *args):  # keep test output quiet
        pass

    def _send(self, status: int, body: dict):
        payload = json.dumps(body).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def do_GET(self):
        if not self.path.endswith("/AM/AM9906/AM9906A/RegionInd19M2N"):
            return self._send(404, {"error": "no such table"})
        self._send(
            200,
            {
                "title": "Matchningsgrad",
                "variables": [
                    {"code": "Region", "values": ["00", "01", "09", "FA01"]},
                    {"code": "Kon", "values": ["1", "2", "SAMANST"]},
                    {"code": "ContentsCode", "values": ["000005SF"]},
                ],
            },
        )

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).queries.append(body)
        self._send(200, document())


@pytest.fixture
def pxweb(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), PxWebHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.REKAS_SCB_API_URL = f"http://127.0.0.1:{server.server_address[1]}/api/v1/sv/ssd/"
    PxWebHandler.queries = []
    yield PxWebHandler
    server.shutdown()
    server.server_close()


def test_fetch_queries_the_api_and_imports(db, pxweb):
    out = io.StringIO()

    call_command("rekas_fetch", "scb", "RegionInd19M2N", stdout=out)

    assert "Skrivna: 96" in out.getvalue()
    query = pxweb.queries[0]
    assert query["response"] == {"format": "json-stat2"}
    region = next(q for q in query["query"] if q["code"] == "Region")
    assert region["selection"]["values"] == ["00", "01", "09"]  # not FA01: counties only
    assert MatchingRate.objects.filter(region_code="09").count() == 48


def test_fetch_reports_an_unknown_table(db, pxweb):
    with pytest.raises(CommandError, match="svarade 404"):
        call_command("rekas_fetch", "scb", "AM/XX/Finns", stdout=io.StringIO())
    assert not MatchingRate.objects.exists()
