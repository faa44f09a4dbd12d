from tests.methods.factories import make_method


def test_method_page_renders(client, db):
    page = make_method()
    response = client.get(page.url)
    assert response.status_code == 200, response.content[:2000]
    response = client.get("/metoder/")
    assert response.status_code == 200
    assert "Yrkesintervju" in response.content.decode()
