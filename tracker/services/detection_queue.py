"""Detection off the request: queue an article, run it in a worker, retry, record failures.

The conditional state update in ``article_detection_run`` is what keeps two workers from
detecting one article twice, whatever the queue delivers.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.db.models import F

from tracker.models import Article

logger = logging.getLogger("tracker.detection")


def article_detection_enqueue(*, article: Article) -> None:
    from tracker.tasks import detect_article

    Article.objects.filter(pk=article.pk).exclude(detection_state=Article.Detection.RUNNING).update(
        detection_state=Article.Detection.QUEUED, detection_error="", detection_attempts=0
    )
    detect_article.enqueue(article.pk)
    logger.info(
        "detection queued article=%s", article.pk, extra={"event": "detection_queued", "article_id": article.pk}
    )


def article_detection_run(*, article_id: int) -> str:
    """Run one queued detection; returns what happened ("done", "retry", "failed", "skipped")."""
    from tracker.services.detection import article_detect

    claimed = Article.objects.filter(pk=article_id, detection_state=Article.Detection.QUEUED).update(
        detection_state=Article.Detection.RUNNING, detection_attempts=F("detection_attempts") + 1
    )
    if not claimed:
        logger.info("detection skipped article=%s (not queued: taken by another worker or gone)", article_id)
        return "skipped"
    article = Article.objects.get(pk=article_id)
    try:
        article_detect(article=article)
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
            Article.objects.filter(pk=article_id).update(
                detection_state=Article.Detection.QUEUED, detection_error=error
            )
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
        Article.objects.filter(pk=article_id).update(detection_state=Article.Detection.FAILED, detection_error=error)
        return "failed"
    Article.objects.filter(pk=article_id).update(detection_state=Article.Detection.DONE, detection_error="")
    return "done"
