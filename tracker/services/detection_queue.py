"""Detection off the request: queue an article, run it in a worker, retry, record failures,
recover runs whose worker died.

The conditional state update in ``article_detection_run`` is what keeps two workers from
detecting one article twice, whatever the queue delivers. Each claim records when it was made
(``detection_started_at``) and queues a watchdog task for the end of its lease
(settings.TRACKER_DETECTION_LEASE): a worker killed mid-run leaves the article "running", and
the watchdog, run by any worker once the lease is over, queues it again (or marks it failed
after the last attempt). A run cannot legitimately outlive its lease: detection itself is
stopped at settings.TRACKER_DETECTION_TIME_LIMIT.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.db.models import F, Q
from django.utils import timezone

from tracker.models import Article
from tracker.selectors_ops import detection_stale_q

logger = logging.getLogger("tracker.detection")


def article_detection_enqueue(*, article: Article) -> bool:
    """Queue detection of the article. Returns False, queuing nothing, while a live run has it;
    a run whose worker died (past its lease) does not block a new one."""
    from tracker.tasks import detect_article

    free = ~Q(detection_state=Article.Detection.RUNNING) | detection_stale_q()
    queued = (
        Article.objects.filter(pk=article.pk)
        .filter(free)
        .update(detection_state=Article.Detection.QUEUED, detection_error="", detection_attempts=0)
    )
    if not queued:
        logger.info(
            "detection already running article=%s",
            article.pk,
            extra={"event": "detection_busy", "article_id": article.pk},
        )
        return False
    detect_article.enqueue(article.pk)
    logger.info(
        "detection queued article=%s", article.pk, extra={"event": "detection_queued", "article_id": article.pk}
    )
    return True


def _watch(*, article_id: int, started_at: dt.datetime, task_id: str | None) -> None:
    from tracker.tasks import detection_watchdog

    if not detection_watchdog.get_backend().supports_defer:
        return  # tasks run inline: no worker to lose
    run_after = started_at + dt.timedelta(seconds=settings.TRACKER_DETECTION_LEASE)
    detection_watchdog.using(run_after=run_after).enqueue(article_id, started_at.isoformat(), task_id)


def article_detection_run(*, article_id: int, task_id: str | None = None) -> str:
    """Run one queued detection; returns what happened ("done", "retry", "failed", "skipped")."""
    from tracker.services.detection import DetectionTimeout, article_detect

    started_at = timezone.now()
    claimed = Article.objects.filter(pk=article_id, detection_state=Article.Detection.QUEUED).update(
        detection_state=Article.Detection.RUNNING,
        detection_attempts=F("detection_attempts") + 1,
        detection_started_at=started_at,
    )
    if not claimed:
        logger.info("detection skipped article=%s (not queued: taken by another worker or gone)", article_id)
        return "skipped"
    _watch(article_id=article_id, started_at=started_at, task_id=task_id)
    article = Article.objects.get(pk=article_id)
    # Writes of this run's outcome apply only while the claim is still this run's.
    mine = Article.objects.filter(pk=article_id, detection_started_at=started_at)
    try:
        article_detect(article=article)
    except DetectionTimeout:
        return "failed"  # marked failed with its message; the same text would time out again
    except Exception as exc:
        error = f"{type(exc).__name__}: {exc}"[:2000]
        if article.detection_attempts < settings.TRACKER_DETECTION_MAX_ATTEMPTS:
            logger.warning(
                "detection retry article=%s attempt=%s error=%s",
                article_id,
                article.detection_attempts,
                error,
                extra={
                    "event": "detection_retry",
                    "article_id": article_id,
                    "attempt": article.detection_attempts,
                    "error": error,
                },
            )
            mine.update(detection_state=Article.Detection.QUEUED, detection_error=error)
            from tracker.tasks import detect_article

            detect_article.enqueue(article_id)
            return "retry"
        logger.error(
            "detection failed article=%s attempts=%s error=%s",
            article_id,
            article.detection_attempts,
            error,
            extra={
                "event": "detection_failed",
                "article_id": article_id,
                "attempt": article.detection_attempts,
                "error": error,
            },
        )
        mine.update(detection_state=Article.Detection.FAILED, detection_error=error)
        return "failed"
    mine.update(detection_state=Article.Detection.DONE, detection_error="")
    return "done"


def _task_result_lost(task_id: str | None) -> None:
    """The queue's row of a task whose worker died stays RUNNING: close it as failed."""
    if not task_id:
        return
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.filter(pk=task_id, status=TaskResultStatus.RUNNING).update(
        status=TaskResultStatus.FAILED,
        finished_at=timezone.now(),
        exception_class_path="tracker.services.detection_queue.WorkerLost",
        traceback="The worker running this task stopped before it finished (killed or restarted).",
    )


def article_detection_recover(*, article_id: int, started_at: dt.datetime, task_id: str | None = None) -> str:
    """Recover the run claimed at ``started_at`` if its lease ran out with the article still
    running: queue it again, or mark it failed after the last attempt. Returns "finished"
    when the run ended (or another took over), "requeued" or "failed"."""
    _task_result_lost(task_id)
    stuck = Article.objects.filter(
        pk=article_id, detection_state=Article.Detection.RUNNING, detection_started_at=started_at
    )
    article = stuck.first()
    if article is None:
        return "finished"
    lease = settings.TRACKER_DETECTION_LEASE
    message = f"The worker running detection stopped without finishing (no result {lease:g} s after it started)."
    if article.detection_attempts < settings.TRACKER_DETECTION_MAX_ATTEMPTS:
        if not stuck.update(detection_state=Article.Detection.QUEUED, detection_error=f"{message} Queued again."):
            return "finished"
        from tracker.tasks import detect_article

        detect_article.enqueue(article_id)
        outcome = "requeued"
    else:
        if not stuck.update(detection_state=Article.Detection.FAILED, detection_error=message):
            return "finished"
        outcome = "failed"
    logger.warning(
        "detection worker lost article=%s attempt=%s outcome=%s",
        article_id,
        article.detection_attempts,
        outcome,
        extra={"event": "detection_lost", "article_id": article_id, "outcome": outcome},
    )
    return outcome
