"""/api/v1/methods/: the open, documented JSON view of the published methods."""

import pytest
from django.test import Client

from tests.api_checks import check_paging, check_renamed

from .factories import make_method

pytestmark = pytest.mark.django_db


def test_list_filters_and_details():
    interview = make_method(title="Yrkesintervju", themes=("arbetsmarknadskunskap",))
    make_method(title="Livslinjen", themes=("sjalvkannedom",), target_groups=("vuxenutbildning",))
    make_method(title="Utkast", live=False)
    client = Client()
    answer = client.get(
        "/api/v1/methods/?theme=arbetsmarknadskunskap&target_group=grundskola-7-9"
    ).json()
    assert answer["count"] == 1
    assert answer["results"][0]["title"] == "Yrkesintervju"
    assert answer["results"][0]["themes"] == [
        {"slug": "arbetsmarknadskunskap", "name": "Arbetsmarknadskunskap"}
    ]
    assert client.get("/api/v1/methods/").json()["count"] == 2  # no drafts
    detail = client.get(f"/api/v1/methods/{interview.pk}").json()
    assert detail["steps"] == [{"title": "Steg 1", "instructions": "Gör så här.", "minutes": 10}]
    assert detail["url"] == "http://testserver/metoder/yrkesintervju/"


def test_bad_input_is_a_clear_4xx():
    client = Client()
    assert client.get("/api/v1/methods/999999").status_code == 404
    assert client.get("/api/v1/methods/?page_size=5000").status_code == 422
    assert client.get("/api/v1/methods/?sort=nonsense&duration=evig").status_code == 200


def test_openapi_describes_the_method_endpoints():
    schema = Client().get("/api/v1/openapi.json").json()
    assert "/api/v1/methods/" in schema["paths"]
    assert "MethodOut" in schema["components"]["schemas"]
    vocab = Client().get("/api/v1/methods/vocabularies").json()
    assert len(vocab["target_groups"]) == 7 and len(vocab["durations"]) == 4


def test_one_pagination_up_to_100_a_page():
    for number in range(5):
        make_method(title=f"Metod {number}", published_days_ago=number)
    client = Client()

    def titles(page: int) -> list[str]:
        answer = client.get(f"/api/v1/methods/?page_size=3&page={page}").json()
        return [method["title"] for method in answer["results"]]

    assert titles(1) == ["Metod 0", "Metod 1", "Metod 2"]
    assert titles(2) == ["Metod 3", "Metod 4"]
    check_paging(client, "/api/v1/methods/", count=5, page_size=3)
    # One search call answers the API's largest page (search.services.MAX_PER_PAGE is 100).
    check_paging(client, "/api/v1/methods/", count=5, page_size=100)
    assert client.get("/api/v1/methods/?page_size=101").status_code == 422


@pytest.mark.parametrize(
    ("renamed", "values", "titles"),
    [
        ({"malgrupp": "target_group"}, {"target_group": "vuxenutbildning"}, ["Livslinjen"]),
        ({"tema": "theme"}, {"theme": "sjalvkannedom"}, ["Livslinjen"]),
        ({"tid": "duration"}, {"duration": "kort"}, ["Yrkesintervju"]),
        (
            {"malgrupp": "target_group", "tema": "theme"},
            {"target_group": "grundskola-7-9", "theme": "arbetsmarknadskunskap"},
            ["Yrkesintervju"],
        ),
    ],
)
def test_old_filter_names_still_work_and_say_they_are_deprecated(renamed, values, titles):
    make_method(title="Yrkesintervju", duration="kort")
    make_method(title="Livslinjen", themes=("sjalvkannedom",), target_groups=("vuxenutbildning",))
    answer = check_renamed(Client(), "/api/v1/methods/", renamed, values)
    assert [method["title"] for method in answer["results"]] == titles


def test_format_keeps_its_name():
    make_method(title="Yrkesintervju", formats=("klass",))
    response = Client().get("/api/v1/methods/", {"format": "grupp"})
    assert response.json()["count"] == 0
    assert "Deprecation" not in response.headers


def test_search_filters_methods_by_theme_with_its_english_and_its_old_name():
    """The search API names a domain's facet by its field (`method_theme`); the web page's
    `tema` still works, and its Warning names the search API's name, not the method API's."""
    make_method(title="Yrkesintervju")
    make_method(title="Livslinjen", themes=("sjalvkannedom",))
    answer = check_renamed(
        Client(), "/api/v1/search/", {"tema": "method_theme"}, {"method_theme": "sjalvkannedom"}
    )
    assert [hit["title"] for hit in answer["results"]] == ["Livslinjen"]
    theme = next(facet for facet in answer["facets"] if facet["field"] == "method_theme")
    assert theme["param"] == "method_theme"
