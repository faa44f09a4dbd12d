"""The sanitiser against a corpus of XSS payloads (tests/forum/xss_payloads.txt)."""

from pathlib import Path

import pytest
from django.urls import reverse

from forum.models import Post
from syvsite.core.sanitise import clean_html, render_markdown

from .factories import make_thread
from .safety import problems_in_page, problems_in_user_html

CORPUS = [
    line.replace("\\n", "\n")
    for line in (Path(__file__).parent / "xss_payloads.txt")
    .read_text(encoding="utf-8")
    .splitlines()
    if line.strip() and not line.startswith("# ")
]


def test_corpus_is_substantial():
    assert len(CORPUS) >= 100


@pytest.mark.parametrize("payload", CORPUS)
def test_markdown_output_is_inert(payload):
    html = render_markdown(payload)
    assert problems_in_user_html(html) == [], html
    assert "<script" not in html.lower()


@pytest.mark.parametrize("payload", CORPUS)
def test_clean_html_output_is_inert(payload):
    html = clean_html(payload)
    assert problems_in_user_html(html) == [], html


def test_safe_markdown_keeps_its_meaning():
    html = render_markdown(
        "## Rubrik\n\n**Fet**, *kursiv*, [Skolverket](https://www.skolverket.se) och "
        "[mejl](mailto:syv@exempel.se)\n\n> citat\n\n- punkt\n\n| a | b |\n|---|---|\n| 1 | 2 |"
    )
    assert "<h2>Rubrik</h2>" in html and "<strong>Fet</strong>" in html
    assert '<a href="https://www.skolverket.se" rel="noopener noreferrer nofollow">' in html
    assert 'href="mailto:syv@exempel.se"' in html
    assert "<blockquote>" in html and "<li>punkt</li>" in html and "<td>1</td>" in html


def test_raw_html_is_shown_as_text_not_dropped():
    html = render_markdown('Skriv <b>inte</b> <img src=x onerror="alert(1)"> här')
    assert "&lt;b&gt;inte&lt;/b&gt;" in html
    assert "&lt;img" in html and "<img" not in html


@pytest.mark.django_db
def test_every_payload_posted_through_the_form_renders_inert(member_client, public_category):
    thread = make_thread(category=public_category, title="<script>alert('rubrik')</script>")
    for payload in CORPUS:
        response = member_client.post(reverse("forum:reply", args=[thread.pk]), {"body": payload})
        assert response.status_code in (302, 400), payload  # 400: nothing left to show
    assert Post.objects.filter(thread=thread).count() > len(CORPUS) * 0.9
    for page in range(1, thread.posts.count() // 20 + 2):
        response = member_client.get(thread.get_absolute_url(), {"page": page})
        assert response.status_code == 200
        html = response.content.decode()
        assert problems_in_page(html) == []
        assert "&lt;script&gt;alert(&#x27;rubrik&#x27;)&lt;/script&gt;" in html
