"""Reads of outlets and their feeds."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from tracker.models import Feed, FeedItem, Outlet


def outlet_list() -> QuerySet:
    return Outlet.objects.annotate(
        article_count=Count("articles", distinct=True), feed_count=Count("feeds", distinct=True)
    ).order_by("name")


def outlet_feeds(*, outlet: Outlet) -> list[Feed]:
    return list(
        outlet.feeds.annotate(
            item_count=Count("items"),
            imported_count=Count("items", filter=Q(items__article__isnull=False)),
            failing_count=Count("items", filter=Q(items__article__isnull=True) & ~Q(items__error="")),
        ).order_by("url")
    )


def feed_items_recent(*, outlet: Outlet, limit: int = 30) -> QuerySet:
    return (
        FeedItem.objects.filter(feed__outlet=outlet)
        .select_related("article", "feed")
        .order_by("-first_seen_at", "-id")[:limit]
    )
