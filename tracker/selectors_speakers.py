"""Reads for the speaker pages."""

from __future__ import annotations

from django.db.models import Count, Min, Q, QuerySet
from django.db.models.functions import TruncMonth

from tracker.attribution.text import normalize_name
from tracker.models import Quote, Speaker, SpeakerAlias, SpeakerMerge


def speaker_list(*, q: str = "", kind: str = "") -> QuerySet:
    qs = Speaker.objects.annotate(quote_count=Count("quotes", filter=~Q(quotes__status=Quote.Status.REJECTED)))
    key = normalize_name(q)
    if key:
        qs = qs.filter(pk__in=SpeakerAlias.objects.filter(normalized__contains=key).values("speaker_id"))
    if kind:
        qs = qs.filter(kind=kind)
    return qs.prefetch_related("aliases").order_by("-quote_count", "name", "id")


def speaker_get(*, speaker_id: int) -> Speaker:
    return Speaker.objects.prefetch_related("aliases").get(pk=speaker_id)


def speaker_quotes(*, speaker: Speaker) -> QuerySet:
    """Quotes attributed to the speaker, rejected ones left out."""
    return Quote.objects.filter(speaker=speaker).exclude(status=Quote.Status.REJECTED)


def speaker_timeline(*, speaker: Speaker) -> list[dict]:
    """Statements per month of publication, oldest first, with each bar's share of the busiest."""
    rows = list(
        speaker_quotes(speaker=speaker)
        .filter(article__published__isnull=False)
        .annotate(month=TruncMonth("article__published"))
        .values("month")
        .annotate(count=Count("id"))
        .order_by("month")
    )
    top = max((r["count"] for r in rows), default=0)
    for row in rows:
        row["percent"] = round(100 * row["count"] / top) if top else 0
    return rows


def speaker_outlets(*, speaker: Speaker) -> list[dict]:
    return list(
        speaker_quotes(speaker=speaker)
        .filter(article__outlet__isnull=False)
        .values("article__outlet_id", "article__outlet__name")
        .annotate(count=Count("id"), first=Min("article__published"))
        .order_by("-count", "article__outlet__name")
    )


def speaker_merges(*, speaker: Speaker) -> QuerySet:
    return SpeakerMerge.objects.filter(target=speaker, undone_at__isnull=True).select_related("merged_by")
