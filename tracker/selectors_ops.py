"""Reads for operations: what /health reports."""

from __future__ import annotations

from django.db import DatabaseError, connection
from django.db.models import Count

from tracker.models import Article


def system_health() -> dict:
    """Database reachable, detection backlog, and which NLP backend detection uses."""
    from tracker.nlp import current_backend, stanza_models_status

    report: dict = {"database": "ok"}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        states = dict(Article.objects.values_list("detection_state").annotate(n=Count("pk")).order_by())
    except DatabaseError as exc:
        report["database"] = f"error: {type(exc).__name__}"
        states = {}
    report["detection"] = {
        state: states.get(state, 0)
        for state in (Article.Detection.QUEUED, Article.Detection.RUNNING, Article.Detection.FAILED)
    }
    backend = current_backend()
    report["nlp_backend"] = backend.name
    report["stanza_models"] = stanza_models_status()
    report["ok"] = report["database"] == "ok"
    return report
