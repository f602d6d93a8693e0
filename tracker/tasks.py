"""Background tasks (django-tasks). Thin: each calls one service."""

from django_tasks import task


@task()
def detect_article(article_id: int) -> str:
    from tracker.services.detection_queue import article_detection_run

    return article_detection_run(article_id=article_id)
