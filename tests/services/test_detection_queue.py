import datetime as dt
import os
import signal
import subprocess
import sys
import time
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from tests.conftest import REPO
from tests.factories import ArticleFactory, QuoteFactory
from tracker.models import Article
from tracker.services import detection
from tracker.services.articles import article_import
from tracker.services.detection_queue import article_detection_enqueue, article_detection_recover

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


# Time limit (issue 10 item 7) and lost workers (item 5) ---------------------------------------

PARAGRAPH = (
    'The minister said on Monday that "the talks will continue until there is a deal", and the envoy '
    "added that both delegations had met twice since the spring. "
) * 6


def _long_body(paragraphs: int) -> str:
    return "\n".join(f"{PARAGRAPH}Day {i}." for i in range(paragraphs))


@pytest.mark.django_db
def test_detection_past_its_time_limit_is_stopped_and_marked_failed(settings):
    article = ArticleFactory(body=_long_body(300))  # ~0.3 MB: well over a 10 ms budget
    earlier = QuoteFactory(article=article, quote_start=0, quote_end=5)
    settings.TRACKER_DETECTION_TIME_LIMIT = 0.01
    article_detection_enqueue(article=article)
    article.refresh_from_db()
    assert article.detection_state == Article.Detection.FAILED
    assert "time limit" in article.detection_error and "0.01 s" in article.detection_error
    # Not retried: the same text would time out again. Nothing written.
    assert article.detection_attempts == 1
    assert list(article.quotes.values_list("pk", flat=True)) == [earlier.pk]


@pytest.mark.django_db
def test_time_limit_stops_the_detect_quotes_command_too(settings):
    article = ArticleFactory(body=_long_body(300))
    settings.TRACKER_DETECTION_TIME_LIMIT = 0.01
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("detect_quotes", str(article.pk), "--no-progress", stdout=out, stderr=StringIO())
    assert "DetectionTimeout" in out.getvalue()
    article.refresh_from_db()
    assert article.detection_state == Article.Detection.FAILED and not article.quotes.exists()


@pytest.mark.django_db
def test_a_run_past_its_lease_is_not_running_and_an_editor_can_rerun_it(client, editor_client, settings):
    settings.TRACKER_DETECTION_LEASE = 60
    lost = ArticleFactory(
        body=BODY,
        detection_state=Article.Detection.RUNNING,
        detection_attempts=1,
        detection_started_at=timezone.now() - dt.timedelta(minutes=5),
    )
    live = ArticleFactory(
        body=BODY + " Live.",
        detection_state=Article.Detection.RUNNING,
        detection_attempts=1,
        detection_started_at=timezone.now(),
    )
    report = client.get(reverse("health")).json()["detection"]
    assert report["running"] == 1 and report["stale"] == 1

    response = editor_client.post(reverse("review-redetect", args=[lost.pk]), follow=True)
    lost.refresh_from_db()
    assert lost.detection_state == Article.Detection.DONE and lost.quotes.exists()
    assert "re-run" in " ".join(str(m) for m in response.context["messages"])

    # A live run is not started twice, and the editor is told why.
    response = editor_client.post(reverse("review-redetect", args=[live.pk]), follow=True)
    live.refresh_from_db()
    assert live.detection_state == Article.Detection.RUNNING and not live.quotes.exists()
    assert "running on this article now" in " ".join(str(m) for m in response.context["messages"])


@pytest.mark.django_db
def test_watchdog_requeues_a_lost_run_then_fails_it_after_the_last_attempt(settings):
    started = timezone.now() - dt.timedelta(minutes=10)
    article = ArticleFactory(
        body=BODY, detection_state=Article.Detection.RUNNING, detection_attempts=1, detection_started_at=started
    )
    # Tasks run inline here: the requeued detection runs at once.
    assert article_detection_recover(article_id=article.pk, started_at=started) == "requeued"
    article.refresh_from_db()
    assert article.detection_state == Article.Detection.DONE and article.detection_attempts == 2
    # A watchdog of a run that finished changes nothing.
    assert article_detection_recover(article_id=article.pk, started_at=started) == "finished"

    last = ArticleFactory(
        body=BODY + " Again.",
        detection_state=Article.Detection.RUNNING,
        detection_attempts=settings.TRACKER_DETECTION_MAX_ATTEMPTS,
        detection_started_at=started,
    )
    assert article_detection_recover(article_id=last.pk, started_at=started) == "failed"
    last.refresh_from_db()
    assert last.detection_state == Article.Detection.FAILED and "stopped without finishing" in last.detection_error


def _worker_env(**extra) -> dict:
    url = urlsplit(os.environ["DATABASE_URL"])._replace(path="/" + connection.settings_dict["NAME"]).geturl()
    return {**os.environ, "DATABASE_URL": url, "DJANGO_DEBUG": "1", "TRACKER_TASKS_BACKEND": "database", **extra}


def _wait(condition, what: str, limit: float = 120):
    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.05)


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_during_detection_is_recovered(client, settings):
    if connection.vendor != "postgresql":
        pytest.skip("worker processes share the test database only on PostgreSQL")
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DATABASE_BACKEND
    settings.TRACKER_DETECTION_LEASE = 3
    article = ArticleFactory(body=_long_body(900))  # ~1 MB: seconds of detection
    article_detection_enqueue(article=article)
    env = _worker_env(TRACKER_DETECTION_LEASE="3", TRACKER_DETECTION_TIME_LIMIT="600")
    cmd = [sys.executable, "manage.py", "db_worker", "--no-startup-delay", "--no-reload", "--interval", "0.1"]
    worker = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait(
            lambda: Article.objects.get(pk=article.pk).detection_state == Article.Detection.RUNNING,
            "the worker to claim the article",
        )
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=30)
    finally:
        if worker.poll() is None:
            worker.kill()
    article.refresh_from_db()
    assert article.detection_state == Article.Detection.RUNNING and not article.quotes.exists()
    lost_task = DBTaskResult.objects.get(task_path="tracker.tasks.detect_article")
    assert lost_task.status == TaskResultStatus.RUNNING

    # Past the lease the run is reported stale, not running.
    _wait(lambda: timezone.now() > article.detection_started_at + dt.timedelta(seconds=3.5), "the lease to end")
    report = client.get(reverse("health")).json()["detection"]
    assert report["running"] == 0 and report["stale"] == 1

    # Any worker then runs the watchdog, which queues the article again; that worker detects it.
    done = subprocess.run(
        [*cmd, "--batch"], cwd=REPO, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    article.refresh_from_db()
    assert article.detection_state == Article.Detection.DONE, article.detection_error
    assert article.detection_attempts == 2 and article.quotes.exists()
    lost_task.refresh_from_db()
    assert lost_task.status == TaskResultStatus.FAILED
    report = client.get(reverse("health")).json()["detection"]
    assert report["running"] == 0 and report["stale"] == 0
