"""The editors' search tools in the staff pages: statistics without personal data, promoted
results, and the synonym list applied to the engine without downtime."""

import threading

import pytest
from django.test import Client

from search import indices, synonyms
from search.client import get_engine
from search.indexing import drain
from search.models import IndexedDocument, PromotedResult, QueryDay, SynonymList
from search.queries import QueryPlan, search_body
from search.services import search
from syvsite.accounts.roles import Role
from tests.factories import make_member
from tests.search.conftest import publish_page

STATISTICS = "/admin/sok/"
PROMOTED = "/admin/sok/rekommenderade/"
PIN = "/admin/sok/rekommenderade/ny/"
SYNONYMS = "/admin/sok/synonymer/"


@pytest.fixture
def admin_client(db):
    client = Client()
    client.force_login(make_member(role=Role.ADMIN))
    return client


@pytest.fixture(autouse=True)
def _fresh_synonym_cache():
    synonyms.forget_cached()
    yield
    synonyms.forget_cached()


def test_searches_are_counted_per_day_without_anything_personal(db, client):
    publish_page("Prao i årskurs 8", intro="Planering.")
    client.get("/sok/", {"q": "PRAO"})
    client.get("/sok/", {"q": "prao "})
    client.get("/sok/", {"q": "prao", "page": "2"})  # a further page of the same search
    client.get("/sok/", {"q": "flygplansmekaniker"})
    client.get("/sok/", {"q": "anna.andersson@example.se"})
    client.get("/sok/", {"q": "19900101-1234"})
    client.get("/sok/", {"q": "070 123 45 67"})
    rows = {row.query: (row.searches, row.zero_hits) for row in QueryDay.objects.all()}
    assert rows == {"prao": (2, 0), "flygplansmekaniker": (1, 1)}
    stored = {field.name for field in QueryDay._meta.get_fields()}
    assert stored == {"id", "day", "query", "searches", "zero_hits"}


def test_staff_page_lists_frequent_queries_and_those_without_hits(db, client, admin_client):
    publish_page("Prao i årskurs 8", intro="Planering.")
    for query in ["prao", "prao", "prao", "flygplansmekaniker"]:
        client.get("/sok/", {"q": query})
    page = admin_client.get(STATISTICS)
    assert page.status_code == 200
    text = page.content.decode()
    zero_table = text.split("Sökningar utan träffar")[1].split("Vanligaste sökningarna")[0]
    assert "flygplansmekaniker" in zero_table and "prao" not in zero_table
    frequent_table = text.split("Vanligaste sökningarna")[1].split("Per dag")[0]
    assert frequent_table.index("prao") < frequent_table.index("flygplansmekaniker")


def _document(page) -> IndexedDocument:
    drain(ignore_schedule=True, blocking=True)  # the page reaches the database copy
    return IndexedDocument.objects.get(doc_type="page", object_id=str(page.pk))


def test_a_pinned_page_comes_first_for_its_query(db, client, admin_client):
    guide = publish_page("Guide för arbetsplatser", intro="Så tar ni emot elever.")
    publish_page("Prao i årskurs 8", intro="Om prao och planering.")
    response = admin_client.post(PIN, {"query": "Prao", "document": _document(guide).pk})
    assert response.status_code == 302
    for query in ["prao", "PRAO", "präo"]:
        result = search(query=query)
        assert [hit.title for hit in result.promoted] == ["Guide för arbetsplatser"], query
    assert search(query="prao planering").promoted == []  # another query
    page = client.get("/sok/", {"q": "prao"}).content.decode()
    assert page.index("Guide för arbetsplatser") < page.index("i årskurs 8")  # (title marked)
    assert "Rekommenderas för din sökning" in page
    guide.unpublish()
    assert search(query="prao").promoted == []  # an unpublished page is no longer pinned


def test_an_editor_unpins_a_page(db, admin_client):
    guide = publish_page("Guide för arbetsplatser", intro="Så tar ni emot elever.")
    admin_client.post(PIN, {"query": "prao", "document": _document(guide).pk})
    promotion = PromotedResult.objects.get()
    listing = admin_client.get(PROMOTED).content.decode()
    assert "Guide för arbetsplatser" in listing
    admin_client.post(f"{PROMOTED}{promotion.pk}/ta-bort/")
    assert search(query="prao").promoted == []


def test_a_wrong_synonym_line_is_refused_with_its_line_number(db, admin_client):
    before = synonyms.current_rules()
    response = admin_client.post(SYNONYMS, {"text": "prao, praktik\nhantverkare\n"})
    assert response.status_code == 200
    assert "Rad 2" in response.content.decode()
    assert not SynonymList.objects.exists()
    assert synonyms.current_rules() == before


def test_saved_synonyms_apply_in_the_database_fallback(db, admin_client):
    page = publish_page("Snickare på bygget", intro="En vecka med hammare.")
    assert search(query="hantverkare").total == 0
    text = synonyms.current_text() + "\nhantverkare, snickare"
    assert admin_client.post(SYNONYMS, {"text": text}).status_code == 302
    assert str(page.pk) in {hit.id for hit in search(query="hantverkare").hits}


class EngineSearcher(threading.Thread):
    """Asks the engine for "hantverkare" in a loop, recording every answer or error."""

    def __init__(self):
        super().__init__(daemon=True)
        self.stop = threading.Event()
        self.answered = threading.Event()
        self.totals: list[int] = []
        self.errors: list[str] = []
        self.engine = get_engine()
        plan = QueryPlan("snickare", ["page"], ["public"], {}, [], "relevance", 0, 5)
        self.body = search_body(plan)
        self.path = f"/{indices.alias_name('page')}/_search"

    def run(self):
        while not self.stop.is_set():
            try:
                answer = self.engine.request("POST", self.path, body=self.body)
            except Exception as error:  # recorded and asserted on
                self.errors.append(repr(error))
                continue
            self.totals.append(answer["hits"]["total"]["value"])
            self.answered.set()


@pytest.mark.search
def test_saved_synonyms_reach_the_engine_without_downtime(search_engine, admin_client):
    page = str(publish_page("Snickare på bygget", intro="En vecka med hammare.").pk)
    search_engine.drain()
    assert search(query="hantverkare").total == 0
    old = indices.indices_behind(get_engine(), indices.alias_name("page"))
    searcher = EngineSearcher()
    searcher.start()
    searcher.answered.wait(timeout=30)
    try:
        text = synonyms.current_text() + "\nhantverkare, snickare"
        response = admin_client.post(SYNONYMS, {"text": text}, follow=True)
    finally:
        searcher.stop.set()
        searcher.join()
    assert "utan avbrott" in response.content.decode()
    assert searcher.errors == [] and set(searcher.totals) == {1}  # always answered, never empty
    assert indices.indices_behind(get_engine(), indices.alias_name("page")) != old
    result = search(query="hantverkare")
    assert result.engine_used and page in {hit.id for hit in result.hits}


def refused(response) -> bool:
    """Wagtail's login page for non-staff; for other staff "not for you": 403, or back to the
    admin's dashboard with a message."""
    location = response.get("Location", "")
    return response.status_code == 403 or (
        response.status_code == 302 and ("/admin/login/" in location or location == "/admin/")
    )


@pytest.mark.parametrize(
    "role", [Role.COUNSELLOR, Role.MUNICIPALITY_EDITOR, Role.MODERATOR, Role.PLACEMENT_COORDINATOR]
)
def test_only_search_editors_change_synonyms_and_pins(db, role):
    guide = publish_page("Guide för arbetsplatser", intro="Så tar ni emot elever.")
    client = Client()
    client.force_login(make_member(role=role))
    assert refused(client.get(SYNONYMS))
    assert refused(client.post(SYNONYMS, {"text": "prao, flyg"}))
    assert refused(client.post(PIN, {"query": "prao", "document": _document(guide).pk}))
    assert not SynonymList.objects.exists() and not PromotedResult.objects.exists()


def test_the_search_editor_group_may_use_the_tools(db):
    from django.contrib.auth.models import Group

    editor = make_member(role=Role.COUNSELLOR)
    editor.groups.add(Group.objects.get(name="Sökredaktör"))
    client = Client()
    client.force_login(editor)
    for url in (STATISTICS, PROMOTED, SYNONYMS):
        assert client.get(url).status_code == 200, url


def test_xss_corpus_in_titles_queries_and_synonyms_is_inert_in_the_tools(db, admin_client):
    """The tools show text others typed (page, thread and listing titles in the index; the
    query an editor pins for; a refused synonym line quoted in its error): escaped."""
    from search.mirror import fold
    from tests.forum.test_xss import CORPUS

    def unescaped(html: str) -> list[str]:
        forms = {form for p in CORPUS if "<" in p for form in (p, p.lower(), fold(p))}
        return [form for form in forms if form in html]

    for number, payload in enumerate(CORPUS):
        publish_page(f"Xssprov {payload}"[:255], slug=f"xssprov-{number}")
    drain(ignore_schedule=True, blocking=True)
    found = admin_client.get(PROMOTED, {"find": "xssprov"}).content.decode()
    assert found.count("Xssprov") >= 20 and unescaped(found) == []
    for payload in CORPUS:
        document = IndexedDocument.objects.filter(title=f"Xssprov {payload}"[:255]).first()
        if document is None:  # titles the page model cleaned up differently
            continue
        PromotedResult.objects.all().delete()
        response = admin_client.post(
            PIN, {"query": payload[:100], "document": document.pk}, follow=True
        )
        assert unescaped(response.content.decode()) == [], payload
        refused = admin_client.post(SYNONYMS, {"text": f"prao, praktik\n{payload}"})
        assert unescaped(refused.content.decode()) == [], payload
