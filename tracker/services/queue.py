"""The work queue: who reviews which article.

An article can be assigned to an editor (by an admin, or taken by the editor). "Next article"
gives an editor the oldest unreviewed article assigned to them or to nobody, and takes a soft
lock on it for ``TRACKER_QUEUE_LOCK_MINUTES``: other editors' "Next article" passes it over until
the lock runs out. The lock is taken with one conditional UPDATE, so two editors asking at the
same moment cannot get the same article, on SQLite or PostgreSQL.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.utils import timezone

from tracker.models import Article
from tracker.selectors_queue import free_of_locks, queue_candidates

ASSIGN_PERMISSION = "tracker.assign_article"  # admins
REVIEW_PERMISSION = "tracker.change_quote"  # editors and admins
CANDIDATES = 20  # tried in order before giving up; more only when that many are taken at once


class AssignmentRefused(ValidationError):
    pass


def article_next_take(*, user, skip_id: int | None = None) -> Article | None:
    """Lock and return the next article for this user, or None when nothing is left. ``skip_id``:
    the article the editor passes over (their lock on it is given up). An editor holds one lock:
    taking an article frees the one they held before."""
    for _attempt in range(3):
        now = timezone.now()
        candidates = queue_candidates(user=user, now=now)
        if skip_id is not None:
            candidates = candidates.exclude(pk=skip_id)
        ids = list(candidates.values_list("pk", flat=True)[:CANDIDATES])
        if not ids:
            return None
        until = now + dt.timedelta(minutes=settings.TRACKER_QUEUE_LOCK_MINUTES)
        for article_id in ids:
            # The same conditions again in the UPDATE: whoever writes first wins, the other moves on.
            claimed = (
                Article.objects.filter(pk=article_id)
                .filter(free_of_locks(user=user, now=now))
                .filter(Q(assigned_to=user) | Q(assigned_to__isnull=True))
                .update(locked_by=user, locked_until=until)
            )
            if claimed:
                Article.objects.filter(locked_by=user).exclude(pk=article_id).update(locked_by=None, locked_until=None)
                return Article.objects.get(pk=article_id)
    return None


def article_lock_release(*, article: Article, user) -> None:
    Article.objects.filter(pk=article.pk, locked_by=user).update(locked_by=None, locked_until=None)


def article_assign(*, article: Article, assignee, by) -> Article:
    """Assign the article to ``assignee`` (None: to nobody). Editors may take an unassigned
    article or give back their own; assigning anyone else takes the admin role."""
    if not by.has_perm(REVIEW_PERMISSION):
        raise PermissionDenied("Only editors review articles.")
    if not by.has_perm(ASSIGN_PERMISSION):
        taking = assignee is not None and assignee.pk == by.pk and article.assigned_to_id in (None, by.pk)
        giving_back = assignee is None and article.assigned_to_id == by.pk
        if not (taking or giving_back):
            raise PermissionDenied("Only admins assign articles to others or take them from others.")
    if assignee is not None and not assignee.has_perm(REVIEW_PERMISSION):
        raise AssignmentRefused(f"{assignee.get_username()} is not an editor.")
    article.assigned_to = assignee
    article.assigned_at = timezone.now() if assignee is not None else None
    article._history_user = by
    article._change_reason = f"assigned to {assignee.get_username()}" if assignee else "unassigned"
    article.save(update_fields=["assigned_to", "assigned_at", "updated_at"])
    return article
