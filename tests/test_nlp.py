"""Backend choice: rules when stanza models are absent, stanza when present, rules again when
stanza fails; detection goes on either way."""

import logging

import pytest
from django.urls import reverse
from django.utils.html import escape

from tests.factories import ArticleFactory
from tracker.models import Article
from tracker.nlp import RulesOnly, StanzaBackend, backend_entities, current_backend, stanza_models_status
from tracker.services.detection import article_detect

AR_TITLE = "واشنطن تدعو إلى التهدئة"
AR_BODY = 'وقال المتحدث باسم الخارجية، ماثيو ميلر، إنّ بلاده "لا ترغب في توسع الحرب".'


def test_empty_stanza_dir_means_rules_logged_once(settings, tmp_path, caplog):
    settings.STANZA_DIR = tmp_path
    with caplog.at_level(logging.INFO, logger="tracker.nlp"):
        first = current_backend("ar")
        assert current_backend("ar") is first
    assert isinstance(first, RulesOnly) and first.name == "rules"
    assert first.entities("قال كيربي", "ar") is None
    assert "not installed" in first.note and "nlp_models download ar" in first.note
    absent = [r for r in caplog.records if "stanza models absent in" in r.getMessage()]
    assert len(absent) == 1 and str(tmp_path) in absent[0].getMessage()
    assert stanza_models_status() == {"ar": False, "en": False}
    assert isinstance(current_backend(), RulesOnly)


@pytest.mark.django_db
def test_detection_without_models_runs_on_rules_and_says_so(settings, tmp_path, client, viewer):
    settings.STANZA_DIR = tmp_path
    article = ArticleFactory(title=AR_TITLE, body=AR_BODY, language="ar")
    quotes = article_detect(article=article)
    assert any("لا ترغب في توسع الحرب" in q.quote_text for q in quotes)
    article.refresh_from_db()
    assert article.detection_backend == "rules"
    assert article.detection_note.startswith("Built-in rules only")
    assert article.status == Article.Status.DETECTED
    client.force_login(viewer)
    page = client.get(reverse("article-detail", args=[article.pk])).content.decode()
    assert escape(article.detection_note) in page


def test_models_present_choose_stanza(settings, fake_stanza_models):
    settings.STANZA_DIR = fake_stanza_models
    backend = current_backend("ar")
    assert isinstance(backend, StanzaBackend) and backend.name == "stanza"
    assert "stanza" in backend.note
    assert stanza_models_status() == {"ar": True, "en": True}
    assert current_backend().name == "stanza"


@pytest.mark.django_db
def test_stanza_failure_falls_back_to_rules_for_good(settings, fake_stanza_models, caplog):
    # The model files are empty: loading them fails inside stanza itself.
    settings.STANZA_DIR = fake_stanza_models
    article = ArticleFactory(title=AR_TITLE, body=AR_BODY, language="ar")
    with caplog.at_level(logging.INFO, logger="tracker.nlp"):
        quotes = article_detect(article=article)
        backend, entities = backend_entities(document=article.document, language="ar")
    assert quotes, "detection still finds the quote on the rules"
    article.refresh_from_db()
    assert article.detection_backend == "rules"
    assert "stanza failed" in article.detection_note
    assert isinstance(backend, RulesOnly) and entities is None
    failures = [r for r in caplog.records if r.levelno == logging.WARNING and "stanza failed" in r.getMessage()]
    assert len(failures) == 1
    # English has its own (equally broken) models: it is still tried on its own.
    assert isinstance(current_backend("en"), StanzaBackend)
