"""Articles by URL: fetch the page (tracker.services.fetch), extract its main text and metadata
with trafilatura (tracker.services.imports.parse_html), hand them to article_import.

The same article is stored once: the address given, the address after redirects and the page's
canonical URL (``<link rel=canonical>``, ``og:url``) are all looked up, before and after the fetch.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from courlan import normalize_url
from django.core.exceptions import ValidationError
from django.db.models import Q

from tracker.models import Article, Outlet
from tracker.services.articles import ImportResult, article_import, clean_title
from tracker.services.fetch import FetchRefused, url_clean, url_fetch
from tracker.services.imports import parse_html

_HTML_TYPES = {"", "text/html", "application/xhtml+xml", "text/plain"}


def article_stored_for_url(*, url: str) -> Article | None:
    return Article.objects.filter(Q(url=url) | Q(source_url=url)).order_by("pk").first()


def _canonical(candidate: str | None, fallback: str) -> str:
    for url in (candidate, fallback):
        if not url:
            continue
        try:
            url = url_clean(url)
        except FetchRefused:
            continue
        try:
            # Tracking parameters (utm_*, fbclid …) and default ports are not part of the address.
            return normalize_url(url, strict=True)
        except (ValueError, ValidationError):
            return url
    return fallback


def _outlet_name(*, given: str | None, sitename: str | None, url: str) -> str:
    if given and given.strip():
        return given.strip()
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    known = Outlet.objects.filter(domain__in=[host, f"www.{host}"]).order_by("pk").first()
    if known is not None:
        return known.name
    return (sitename or "").strip()[:200] or host


def _date_or_none(value: str | None) -> str | None:
    # A page's date is metadata a guess found: a wrong one must not refuse the article.
    try:
        return dt.date.fromisoformat(str(value).strip()[:10]).isoformat() if value else None
    except ValueError:
        return None


def article_import_url(
    *, url: str, outlet: str | None = None, language: str | None = None, created_by=None, detect: bool = True
) -> ImportResult:
    """Fetch one article page and import it; raises ImportRejected (FetchRefused) with a message."""
    url = url_clean(url)
    # Known under this address, or under it without tracking parameters: no need to fetch.
    for candidate in dict.fromkeys([url, _canonical(None, url)]):
        stored = article_stored_for_url(url=candidate)
        if stored is not None:
            return ImportResult(stored, created=False)
    fetched = url_fetch(url=url)
    if fetched.content_type not in _HTML_TYPES:
        raise FetchRefused(f"{url[:200]}: the page is {fetched.content_type}, not an HTML article.")
    item = parse_html(fetched.text(), url)
    canonical = _canonical(item.url, fetched.url)
    for candidate in {canonical, fetched.url}:
        stored = article_stored_for_url(url=candidate)
        if stored is not None:
            return ImportResult(stored, created=False)
    body = item.body
    first, _, rest = body.strip().partition("\n")
    if rest and clean_title(first) == clean_title(item.title):
        body = rest  # the page's <h1> repeats the title: keep it once
    return article_import(
        title=item.title,
        body=body,
        outlet=_outlet_name(given=outlet, sitename=item.outlet, url=canonical),
        url=canonical,
        published=_date_or_none(item.published),
        language=language,
        byline=item.byline,
        created_by=created_by,
        detect=detect,
        source_url=url,
    )
