"""Background tasks (django-tasks). Thin: each calls one service."""

import datetime as dt

from django_tasks import TaskContext, task


@task(takes_context=True)
def detect_article(context: TaskContext, article_id: int) -> str:
    from tracker.services.detection_queue import article_detection_run

    return article_detection_run(article_id=article_id, task_id=str(context.task_result.id))


@task()
def detection_watchdog(article_id: int, started_at: str, task_id: str | None = None) -> str:
    """Queued for the end of a run's lease: recovers the article if that run never finished."""
    from tracker.services.detection_queue import article_detection_recover

    return article_detection_recover(
        article_id=article_id, started_at=dt.datetime.fromisoformat(started_at), task_id=task_id
    )
