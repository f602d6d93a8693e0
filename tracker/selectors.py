"""Reads. Views call these instead of building querysets themselves."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from tracker.models import Article, Quote


def article_list(*, language: str | None = None, status: str | None = None, outlet_id: int | None = None) -> QuerySet:
    qs = Article.objects.select_related("outlet").annotate(
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
    return qs.order_by("-published", "-created_at", "-id")


def article_get(*, article_id: int) -> Article:
    return Article.objects.select_related("outlet", "created_by").get(pk=article_id)


def article_quotes(*, article: Article) -> QuerySet:
    return article.quotes.select_related("speaker", "via", "reviewed_by").order_by("quote_start", "quote_end")
