import pytest
from django.urls import reverse

from tests.factories import ArticleFactory
from tracker.models import Article

pytestmark = pytest.mark.django_db


def test_home_lists_articles_with_rtl_for_arabic(viewer_client):
    ArticleFactory(title="مفاوضات الهدنة", language="ar", body="قال المتحدث إنّ المفاوضات مستمرة.")
    ArticleFactory(title="Truce talks", language="en")
    html = viewer_client.get(reverse("home")).content.decode()
    assert "Truce talks" in html
    assert 'dir="rtl"' in html and "مفاوضات الهدنة" in html


def test_home_htmx_returns_only_the_table(viewer_client):
    ArticleFactory(title="Truce talks")
    response = viewer_client.get(reverse("home"), {"language": "en"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert 'id="article-table"' in html and "<html" not in html and "Truce talks" in html


def test_home_filters_by_language(viewer_client):
    ArticleFactory(title="Arabic one", language="ar")
    ArticleFactory(title="English one", language="en")
    html = viewer_client.get(reverse("home"), {"language": "ar"}).content.decode()
    assert "Arabic one" in html and "English one" not in html


def test_import_form_requires_login(client):
    response = client.get(reverse("article-new"))
    assert response.status_code == 302 and reverse("login") in response["Location"]
    response = client.post(reverse("article-new"), {"title": "T", "text": "Body."})
    assert response.status_code == 302 and not Article.objects.exists()


def test_import_form_creates_article(editor_client, editor):
    response = editor_client.post(
        reverse("article-new"),
        {"title": "Envoy speaks", "text": "The envoy said talks would resume.", "outlet": "Wire", "language": "en"},
    )
    article = Article.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("article-detail", args=[article.pk])
    assert article.created_by == editor and article.outlet.name == "Wire"


def test_import_form_whitespace_text_shows_error_and_writes_nothing(editor_client):
    response = editor_client.post(reverse("article-new"), {"title": "T", "text": "   \n  "})
    assert response.status_code == 200
    assert Article.objects.count() == 0
    assert "required" in response.content.decode() or "empty" in response.content.decode()


def test_upload_txt(editor_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("a.txt", b"Title here\nThe mayor said the bridge would reopen.")
    response = editor_client.post(reverse("article-upload"), {"file": upload, "language": "en"})
    article = Article.objects.get()
    assert response.status_code == 302 and article.title == "Title here"


def test_upload_binary_refused_with_message(editor_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("a.txt", b"\x00\x01\x02binary")
    response = editor_client.post(reverse("article-upload"), {"file": upload})
    assert response.status_code == 400 and "binary" in response.content.decode()
    assert not Article.objects.exists()


def test_upload_over_limit_refused(editor_client, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.TRACKER_MAX_IMPORT_BYTES = 50
    upload = SimpleUploadedFile("a.txt", b"Title\n" + b"x" * 100)
    response = editor_client.post(reverse("article-upload"), {"file": upload})
    assert response.status_code == 400 and "limit" in response.content.decode()
    assert not Article.objects.exists()


def test_article_page_shows_text(viewer_client):
    article = ArticleFactory(title="Truce talks", body="Line one.\nLine two.")
    html = viewer_client.get(reverse("article-detail", args=[article.pk])).content.decode()
    assert "Line one." in html and "Line two." in html


def test_article_list_shows_detection_progress_and_polls_while_busy(viewer_client):
    ArticleFactory(title="Waiting", detection_state=Article.Detection.QUEUED)
    ArticleFactory(title="Broken", detection_state=Article.Detection.FAILED, detection_error="ValueError: bad model")
    html = viewer_client.get(reverse("home")).content.decode()
    assert "1 queued, 0 running" in html and "1 failed" in html
    assert "Detecting…" in html and 'title="ValueError: bad model"' in html
    assert 'hx-trigger="every 3s"' in html


def test_article_list_stops_polling_when_detection_is_done(viewer_client):
    ArticleFactory(title="Done", detection_state=Article.Detection.DONE)
    html = viewer_client.get(reverse("home"), headers={"HX-Request": "true"}).content.decode()
    assert "every 3s" not in html and "Detection:" not in html


def test_every_page_needs_a_role(client):
    from tests.factories import UserFactory

    article = ArticleFactory()
    for url in (reverse("home"), reverse("article-detail", args=[article.pk])):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login")), url
    client.force_login(UserFactory(username="no-role"))
    assert client.get(reverse("home")).status_code == 403
    assert client.get(reverse("health")).status_code == 200


def test_viewers_cannot_import_and_see_no_import_link(client, viewer, editor):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tracker.models import Article

    client.force_login(viewer)
    assert "Import" not in client.get(reverse("home")).content.decode()
    data = {"title": "Bridge", "text": "The mayor said the bridge would reopen."}
    assert client.post(reverse("article-new"), data).status_code == 403
    upload = SimpleUploadedFile("a.txt", b"Bridge\nThe mayor said the bridge would reopen.")
    assert client.post(reverse("article-upload"), {"file": upload}).status_code == 403
    assert Article.objects.count() == 0
    client.force_login(editor)
    assert f'href="{reverse("article-new")}">Import</a>' in client.get(reverse("home")).content.decode()
    assert client.post(reverse("article-new"), data).status_code == 302
    assert Article.objects.count() == 1
