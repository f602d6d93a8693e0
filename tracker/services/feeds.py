"""Outlet feeds: fetch an RSS or Atom feed (feedparser), import each new item by URL.

Idempotent: every entry is remembered once per feed (``FeedItem``, keyed by a hash of its id or
link), an entry already imported is never fetched again, and the article itself is stored once
whatever feed or link brings it (tracker.services.url_import). A failing entry is tried again
on later runs, up to ``TRACKER_FEED_ITEM_ATTEMPTS`` times; its error stays on the outlet page.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field

import feedparser
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from tracker.models import Feed, FeedItem, Outlet
from tracker.services.articles import ImportRejected
from tracker.services.fetch import url_clean, url_fetch
from tracker.services.url_import import article_import_url

logger = logging.getLogger("tracker.feeds")

FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"


@dataclass
class FeedRun:
    feed_id: int
    entries: int = 0
    imported: list[int] = field(default_factory=list)
    already_here: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (link, reason)
    error: str = ""
    not_modified: bool = False


class FeedRefused(ImportRejected):
    pass


def feed_add(*, outlet: Outlet, url: str) -> Feed:
    url = url_clean(url)
    if Feed.objects.filter(url=url).exists():
        raise FeedRefused(f"{url} is already a feed.")
    return Feed.objects.create(outlet=outlet, url=url)


def _entry_key(entry) -> tuple[str, str]:
    link = (entry.get("link") or "").strip()
    ident = (entry.get("id") or link).strip()
    return hashlib.sha256(ident.encode()).hexdigest(), link


def _item(feed: Feed, *, key: str, link: str, title: str) -> FeedItem:
    try:
        with transaction.atomic():
            item, _ = FeedItem.objects.get_or_create(feed=feed, key=key, defaults={"link": link, "title": title})
    except IntegrityError:  # another run saw the entry at the same moment
        item = FeedItem.objects.get(feed=feed, key=key)
    return item


def feed_fetch(*, feed: Feed, created_by=None) -> FeedRun:
    """Fetch one feed now and import its new entries."""
    run = FeedRun(feed_id=feed.pk)
    now = timezone.now()
    conditional = {}
    if feed.etag:
        conditional["If-None-Match"] = feed.etag
    if feed.modified:
        conditional["If-Modified-Since"] = feed.modified
    try:
        fetched = url_fetch(url=feed.url, accept=FEED_ACCEPT, headers=conditional)
        if fetched.status == 304:
            run.not_modified = True
            entries = []
        else:
            parsed = feedparser.parse(
                fetched.data, response_headers={"content-type": fetched.content_type, "content-location": fetched.url}
            )
            entries = list(parsed.entries)
            if not entries and parsed.get("bozo"):
                reason = type(parsed.get("bozo_exception")).__name__
                raise FeedRefused(f"{feed.url}: this is not an RSS or Atom feed ({reason}).")
    except ImportRejected as exc:
        run.error = " ".join(exc.messages)
        Feed.objects.filter(pk=feed.pk).update(last_fetched_at=now, last_error=run.error, last_new=0)
        logger.warning(
            "feed failed feed=%s error=%s", feed.pk, run.error, extra={"event": "feed_failed", "feed_id": feed.pk}
        )
        return run

    run.entries = len(entries)
    max_attempts = settings.TRACKER_FEED_ITEM_ATTEMPTS
    for entry in entries[: settings.TRACKER_FEED_MAX_ITEMS]:
        key, link = _entry_key(entry)
        if not link:
            run.failed.append(("(no link)", "the entry has no link."))
            continue
        item = _item(feed, key=key, link=link[:2000], title=str(entry.get("title") or "")[:1000])
        if item.article_id is not None or item.attempts >= max_attempts:
            run.already_here += item.article_id is not None
            continue
        FeedItem.objects.filter(pk=item.pk).update(attempts=F("attempts") + 1, fetched_at=timezone.now())
        try:
            result = article_import_url(url=link, outlet=feed.outlet.name, created_by=created_by)
        except ImportRejected as exc:
            reason = " ".join(exc.messages)
            FeedItem.objects.filter(pk=item.pk).update(error=reason[:2000])
            run.failed.append((link, reason))
            continue
        FeedItem.objects.filter(pk=item.pk).update(article=result.article, error="")
        if result.created:
            run.imported.append(result.article.pk)
        else:
            run.already_here += 1

    validators = {}
    if not run.not_modified:
        validators = {
            "etag": fetched.headers.get("ETag", "")[:500],
            "modified": fetched.headers.get("Last-Modified", "")[:100],
        }
    Feed.objects.filter(pk=feed.pk).update(
        last_fetched_at=now, last_ok_at=now, last_error="", last_new=len(run.imported), **validators
    )
    logger.info(
        "feed fetched feed=%s entries=%s imported=%s failed=%s",
        feed.pk,
        run.entries,
        len(run.imported),
        len(run.failed),
        extra={"event": "feed_fetched", "feed_id": feed.pk, "imported": len(run.imported), "failed": len(run.failed)},
    )
    return run


def feeds_fetch_all(*, feed_ids: list[int] | None = None) -> list[FeedRun]:
    feeds = Feed.objects.filter(active=True).select_related("outlet").order_by("pk")
    if feed_ids:
        feeds = feeds.filter(pk__in=feed_ids)
    runs = []
    for feed in feeds:
        try:
            runs.append(feed_fetch(feed=feed))
        except Exception as exc:  # one broken feed must not stop the others
            logger.exception("feed crashed feed=%s", feed.pk)
            Feed.objects.filter(pk=feed.pk).update(
                last_fetched_at=timezone.now(), last_error=f"{type(exc).__name__}: {exc}"[:2000]
            )
            runs.append(FeedRun(feed_id=feed.pk, error=f"{type(exc).__name__}: {exc}"))
    return runs
