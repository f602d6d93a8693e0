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


@task()
def fetch_feeds(every: int = 0, feed_ids: list[int] | None = None) -> str:
    """Fetch every active feed (or the given ones). With ``every`` (seconds), the task puts itself
    back on the queue to run again then: a worker keeps the feeds fresh on its own."""
    from django.utils import timezone

    from tracker.services.feeds import feeds_fetch_all

    try:
        runs = feeds_fetch_all(feed_ids=feed_ids)
    finally:
        # Queued again even when this run failed: one bad run must not stop the schedule.
        if every > 0 and fetch_feeds.get_backend().supports_defer:
            fetch_feeds.using(run_after=timezone.now() + dt.timedelta(seconds=every)).enqueue(
                every=every, feed_ids=feed_ids
            )
    return f"{len(runs)} feeds, {sum(len(r.imported) for r in runs)} articles imported"
