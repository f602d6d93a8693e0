import os
import subprocess
import sys
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.db import connection

from tests.conftest import REPO
from tests.factories import ArticleFactory
from tracker.models import Article
from tracker.services import detection
from tracker.services.articles import article_import
from tracker.services.detection_queue import article_detection_enqueue

DATABASE_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
BODY = 'The minister said on Monday that "the talks will continue until there is a deal".'


@pytest.mark.django_db(transaction=True)  # the worker commits and reconnects like a real one
def test_import_queues_detection_and_a_worker_runs_it(settings):
    settings.TASKS = DATABASE_BACKEND
    article = article_import(title="Talks", body=BODY, language="en").article
    article.refresh_from_db()
    # The request only queued the work.
    assert article.detection_state == Article.Detection.QUEUED
    assert article.status == Article.Status.NEW and not article.quotes.exists()

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--interval", "0", stdout=StringIO())
    article.refresh_from_db()
    assert article.detection_state == Article.Detection.DONE
    assert article.status == Article.Status.DETECTED and article.detection_attempts == 1


@pytest.mark.django_db
def test_failing_detection_is_retried_then_recovers(monkeypatch):
    real = detection.article_detect
    calls = []

    def flaky(*, article):
        calls.append(article.pk)
        if len(calls) < 2:
            raise RuntimeError("parser crashed")
        return real(article=article)

    monkeypatch.setattr(detection, "article_detect", flaky)
    article = ArticleFactory(body=BODY)
    article_detection_enqueue(article=article)
    article.refresh_from_db()
    assert len(calls) == 2
    assert article.detection_state == Article.Detection.DONE and article.detection_error == ""


@pytest.mark.django_db
def test_detection_that_keeps_failing_is_shown_failed_with_its_error(monkeypatch, settings):
    def broken(*, article):
        raise ValueError("model file is corrupt")

    monkeypatch.setattr(detection, "article_detect", broken)
    article = ArticleFactory(body=BODY)
    article_detection_enqueue(article=article)
    article.refresh_from_db()
    assert article.detection_state == Article.Detection.FAILED
    assert article.detection_attempts == settings.TRACKER_DETECTION_MAX_ATTEMPTS
    assert "ValueError: model file is corrupt" in article.detection_error
    assert not article.quotes.exists()


@pytest.mark.django_db(transaction=True)
def test_two_workers_drain_one_queue_without_doing_an_article_twice(settings):
    if connection.vendor != "postgresql":
        pytest.skip("several worker processes share one database server only on PostgreSQL")
    settings.TASKS = DATABASE_BACKEND
    articles = [ArticleFactory(title=f"Story {i}", body=f"{BODY} Day {i}.") for i in range(24)]
    for article in articles:
        article_detection_enqueue(article=article)

    # The workers are other processes: point them at the test database.
    url = urlsplit(os.environ["DATABASE_URL"])._replace(path="/" + connection.settings_dict["NAME"]).geturl()
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_DEBUG": "1", "TRACKER_TASKS_BACKEND": "database"}
    cmd = [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay", "--no-reload", "-v", "2"]
    workers = [subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)]
    workers.append(
        subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    )
    outputs = [w.communicate(timeout=240)[0] for w in workers]
    assert all(w.returncode == 0 for w in workers), outputs

    states = list(Article.objects.values_list("detection_state", "detection_attempts"))
    assert states == [(Article.Detection.DONE, 1)] * len(articles)
    # Both workers took part, and no task ran twice.
    ran = [out.count("state=RUNNING") for out in outputs]
    assert sum(ran) == len(articles), outputs
    assert all(n > 0 for n in ran), ran
