"""Reads. Views call these instead of building querysets themselves."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.crypto import constant_time_compare

from tracker.attribution.text import normalize_name
from tracker.models import ApiToken, Article, Quote, Speaker, SpeakerAlias
from tracker.services.tokens import password_fingerprint


def article_list(
    *,
    language: str | None = None,
    status: str | None = None,
    outlet_id: int | None = None,
    pending: bool = False,
    queue: str | None = None,
    user=None,
) -> QuerySet:
    qs = Article.objects.select_related("outlet", "assigned_to", "locked_by").annotate(
        quote_count=Count("quotes", filter=~Q(quotes__status=Quote.Status.REJECTED)),
        pending_count=Count("quotes", filter=Q(quotes__status=Quote.Status.PENDING)),
        accepted_count=Count("quotes", filter=Q(quotes__status__in=[Quote.Status.ACCEPTED, Quote.Status.CORRECTED])),
        rejected_count=Count("quotes", filter=Q(quotes__status=Quote.Status.REJECTED)),
    )
    if language:
        qs = qs.filter(language=language)
    if status:
        qs = qs.filter(status=status)
    if outlet_id:
        qs = qs.filter(outlet_id=outlet_id)
    if pending:
        qs = qs.filter(pending_count__gt=0)
    if queue:
        from tracker.selectors_queue import queue_filter

        qs = queue_filter(qs, queue=queue, user=user)
    return qs.order_by("-published", "-created_at", "-id")


def detection_progress() -> dict[str, int]:
    """Articles waiting for, in, or failed at detection: the article list's progress line."""
    counts = dict(
        Article.objects.exclude(detection_state__in=[Article.Detection.IDLE, Article.Detection.DONE])
        .values_list("detection_state")
        .annotate(n=Count("pk"))
        .order_by()
    )
    progress = {state: counts.get(state, 0) for state in ("queued", "running", "failed")}
    if progress["running"]:
        from tracker.selectors_ops import detection_stale_q

        # A run whose worker died is not busy; an editor can re-run it.
        progress["stale"] = Article.objects.filter(detection_stale_q()).count()
        progress["running"] -= progress["stale"]
    progress["busy"] = progress["queued"] + progress["running"]
    return progress


def article_get(*, article_id: int) -> Article:
    return Article.objects.select_related("outlet", "created_by").get(pk=article_id)


def article_quotes(*, article: Article) -> QuerySet:
    return article.quotes.select_related("speaker", "via", "reviewed_by").order_by("quote_start", "quote_end")


def quote_counts(*, article: Article) -> dict[str, int]:
    """Review counters of one article: pending, accepted (corrected included), rejected, total."""
    return article.quotes.aggregate(
        pending=Count("pk", filter=Q(status=Quote.Status.PENDING)),
        accepted=Count("pk", filter=Q(status__in=[Quote.Status.ACCEPTED, Quote.Status.CORRECTED])),
        rejected=Count("pk", filter=Q(status=Quote.Status.REJECTED)),
        total=Count("pk"),
    )


def quote_get(*, quote_id: int, article_id: int | None = None) -> Quote:
    qs = Quote.objects.select_related("article", "speaker", "via", "reviewed_by")
    if article_id is not None:
        qs = qs.filter(article_id=article_id)
    return qs.get(pk=quote_id)


def article_speakers(*, quotes) -> list[Speaker]:
    """The speakers (and relays) of the given quotes, with their aliases, in order of first quote."""
    ids: list[int] = []
    for quote in quotes:
        for speaker_id in (quote.speaker_id, quote.via_id):
            if speaker_id is not None and speaker_id not in ids:
                ids.append(speaker_id)
    by_id = Speaker.objects.prefetch_related("aliases").in_bulk(ids)
    return [by_id[i] for i in ids if i in by_id]


def speaker_suggest(*, query: str, limit: int = 8) -> list[tuple[Speaker, str]]:
    """Speakers one of whose aliases contains the query, Arabic- and case-insensitively
    (through SpeakerAlias.normalized); names starting with it first. Each with the alias matched."""
    key = normalize_name(query)
    if not key:
        return []
    aliases = (
        SpeakerAlias.objects.filter(normalized__contains=key)
        .select_related("speaker")
        .order_by("normalized")
        .only("alias", "normalized", "speaker__name", "speaker__kind", "speaker__description")[:200]
    )
    best: dict[int, tuple[int, SpeakerAlias]] = {}
    for alias in aliases:
        rank = 0 if alias.normalized == key else 1 if alias.normalized.startswith(key) else 2
        if alias.speaker_id not in best or rank < best[alias.speaker_id][0]:
            best[alias.speaker_id] = (rank, alias)
    ordered = sorted(best.values(), key=lambda pair: (pair[0], pair[1].speaker.name))
    return [(alias.speaker, alias.alias) for _, alias in ordered[:limit]]


def api_token_list(*, user) -> list[ApiToken]:
    """The user's API tokens, newest first, each with ``state``: active, revoked, expired, or
    ended by a password change."""
    now, current = timezone.now(), password_fingerprint(user)
    tokens = list(ApiToken.objects.filter(user=user).order_by("-created_at", "-id"))
    for token in tokens:
        if token.revoked_at is not None:
            token.state = "revoked"
        elif token.expires_at <= now:
            token.state = "expired"
        elif not constant_time_compare(token.password_fingerprint, current):
            token.state = "ended by a password change"
        else:
            token.state = "active"
    return tokens


def quote_existed(*, quote_id: int, article_id: int) -> bool:
    """Whether the quote was once in the article (its history says so): gone, not unknown."""
    return Quote.history.filter(id=quote_id, article_id=article_id).exists()
