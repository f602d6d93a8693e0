"""Reads for operations: what /health reports."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.models import Count, Q
from django.utils import timezone

from tracker.models import Article


def detection_stale_q() -> Q:
    """Articles marked running by a run past its lease: its worker died (or predates leases)."""
    cutoff = timezone.now() - dt.timedelta(seconds=settings.TRACKER_DETECTION_LEASE)
    return Q(detection_state=Article.Detection.RUNNING) & (
        Q(detection_started_at__lt=cutoff) | Q(detection_started_at__isnull=True)
    )


def system_health() -> dict:
    """Database reachable, detection backlog, and which NLP backend detection uses."""
    from tracker.nlp import current_backend, stanza_models_status

    report: dict = {"database": "ok"}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        states = dict(Article.objects.values_list("detection_state").annotate(n=Count("pk")).order_by())
        stale = Article.objects.filter(detection_stale_q()).count()
    except DatabaseError as exc:
        report["database"] = f"error: {type(exc).__name__}"
        states, stale = {}, 0
    report["detection"] = {
        state: states.get(state, 0)
        for state in (Article.Detection.QUEUED, Article.Detection.RUNNING, Article.Detection.FAILED)
    }
    # Runs whose worker died are not running: counted apart until recovered.
    report["detection"][Article.Detection.RUNNING] -= stale
    report["detection"]["stale"] = stale
    backend = current_backend()
    report["nlp_backend"] = backend.name
    report["stanza_models"] = stanza_models_status()
    report["ok"] = report["database"] == "ok"
    return report
