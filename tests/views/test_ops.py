import pytest
from django.urls import reverse

from tests.factories import ArticleFactory
from tracker.models import Article

pytestmark = pytest.mark.django_db


def test_health_reports_database_backlog_and_nlp_backend(client):
    ArticleFactory(detection_state=Article.Detection.QUEUED)
    ArticleFactory(detection_state=Article.Detection.FAILED, detection_error="boom")
    response = client.get(reverse("health"))
    assert response.status_code == 200
    report = response.json()
    assert report["ok"] is True and report["database"] == "ok"
    assert report["detection"] == {"queued": 1, "running": 0, "failed": 1, "stale": 0}
    # No models in the test STANZA_DIR: the rules run, and /health says so.
    assert report["nlp_backend"] == "rules"
    assert report["stanza_models"] == {"ar": False, "en": False}
    assert response["Cache-Control"].startswith("max-age=0")


def test_health_needs_no_login_and_leaks_nothing(client):
    text = client.get(reverse("health")).content.decode()
    for secret in ("SECRET", "password", "DATABASE_URL"):
        assert secret not in text
