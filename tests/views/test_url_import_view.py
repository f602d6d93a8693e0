"""The import page's link form."""

import pytest
from django.urls import reverse

from tests.conftest import article_page
from tracker.models import Article

pytestmark = pytest.mark.django_db

TEXT = ["The minister said on Monday that the new rail line would open to passengers in the spring."]


def test_editor_imports_a_link_and_lands_on_the_article(editor_client, web_server):
    url = web_server.page("/rail", article_page(title="Rail line to open", paragraphs=TEXT, site="Metro Daily"))
    response = editor_client.post(reverse("article-import-url"), {"url": url}, follow=True)
    article = Article.objects.get()
    assert response.redirect_chain[-1][0] == reverse("article-detail", args=[article.pk])
    assert "Article imported from the link." in response.content.decode()
    assert article.created_by.username == "ed" and article.outlet.name == "Metro Daily"
    response = editor_client.post(reverse("article-import-url"), {"url": url}, follow=True)
    assert "already here" in response.content.decode() and Article.objects.count() == 1


def test_refused_link_shows_why_and_keeps_the_address(editor_client, settings):
    settings.TRACKER_FETCH_ALLOW_PRIVATE = False
    response = editor_client.post(reverse("article-import-url"), {"url": "http://127.0.0.1:8000/admin/"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "a private or local address" in page and 'value="http://127.0.0.1:8000/admin/"' in page
    assert Article.objects.count() == 0


def test_viewers_see_no_link_form_and_cannot_post(viewer_client, web_server):
    assert "From a link" not in viewer_client.get(reverse("article-new")).content.decode()
    url = web_server.page("/rail", article_page(title="Rail", paragraphs=TEXT))
    assert viewer_client.post(reverse("article-import-url"), {"url": url}).status_code == 403
    assert web_server.requests == [] and Article.objects.count() == 0
