"""Reads of the work queue (tracker.services.queue writes it)."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from tracker.models import Article


def free_of_locks(*, user, now: dt.datetime) -> Q:
    return Q(locked_until__isnull=True) | Q(locked_until__lte=now) | Q(locked_by=user)


def queue_candidates(*, user, now: dt.datetime | None = None):
    """Articles "Next article" may hand this user, oldest first (reads; no lock)."""
    now = now or timezone.now()
    return (
        Article.objects.exclude(status=Article.Status.REVIEWED)
        .exclude(detection_state__in=[Article.Detection.QUEUED, Article.Detection.RUNNING])
        .filter(Q(assigned_to=user) | Q(assigned_to__isnull=True))
        .filter(free_of_locks(user=user, now=now))
        .order_by("created_at", "pk")
    )


def queue_filter(qs, *, queue: str, user, now: dt.datetime | None = None):
    """The article list's queue tabs: mine, unassigned, in review, reviewed."""
    now = now or timezone.now()
    if queue == "mine":
        return qs.filter(Q(assigned_to=user) | Q(locked_by=user, locked_until__gt=now))
    if queue == "unassigned":
        return qs.filter(assigned_to__isnull=True).exclude(status=Article.Status.REVIEWED)
    if queue == "in_review":
        return qs.filter(Q(status=Article.Status.IN_REVIEW) | Q(locked_until__gt=now)).exclude(
            status=Article.Status.REVIEWED
        )
    if queue == "reviewed":
        return qs.filter(status=Article.Status.REVIEWED)
    return qs


def editor_list():
    """Users an article can be assigned to."""
    User = get_user_model()
    return (
        User.objects.filter(is_active=True)
        .filter(
            Q(is_superuser=True)
            | Q(groups__permissions__codename="change_quote", groups__permissions__content_type__app_label="tracker")
        )
        .distinct()
        .order_by("username")
    )
