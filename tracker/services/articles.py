"""Article writes. Every import path (form, upload, command, demo) goes through article_import."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction

from tracker.langdetect import detect_language
from tracker.models import Article, Outlet

logger = logging.getLogger("tracker.import")

# Line and paragraph separators that become the one separator the app uses: "\n".
_NEWLINES = re.compile(r"\r\n|\r|\u2028|\u2029|\x85|\x0b|\x0c")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# Bidi embedding/override controls reorder what editors see without being content, and
# zero-width spaces and stray byte-order marks hide inside words and break search. ZWNJ and
# ZWJ stay: they shape Arabic-script and Persian words.
_INVISIBLE = re.compile("[\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff\u200e\u200f]")
# Control characters other than tab and the newlines above are never content; NUL in particular
# is refused by PostgreSQL, so they go on every database alike.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f]")
# A lone UTF-16 surrogate (JSON "\\ud800") is not a character: it cannot be encoded or stored.
_SURROGATE = re.compile("[\ud800-\udfff]")
# ISO 639 code, optionally with a region or script ("ar", "en-GB", "ar_EG"): the first part is kept.
_LANGUAGE = re.compile(r"([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*")


class ImportRejected(ValidationError):
    """Input that cannot become an article; the message says why."""


@dataclass(frozen=True)
class ImportResult:
    article: Article
    created: bool


def clean_body(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = _CONTROLS.sub("", _INVISIBLE.sub("", _NEWLINES.sub("\n", text)))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def clean_title(text: str) -> str:
    return " ".join(clean_body(text).split("\n")).strip()


def content_hash(title: str, body: str) -> str:
    return hashlib.sha256(f"{title}\n{body}".encode()).hexdigest()


def outlet_get_or_create(*, name: str, domain: str = "", language: str = "") -> Outlet:
    # One outlet in any script or spelling ("Al Mayadeen" / "الميادين"): see services.outlets.
    from tracker.services.outlets import outlet_resolve

    return outlet_resolve(name=name, domain=domain, language=language)


_FIELD_LABELS = {"title": "title", "body": "text", "outlet": "outlet", "url": "URL", "byline": "byline"}


def _check_characters(**fields) -> None:
    for name, value in fields.items():
        if isinstance(value, str) and (found := _SURROGATE.search(value)):
            raise ImportRejected(
                f"The {_FIELD_LABELS.get(name, name)} holds an invalid character (a lone surrogate, "
                f"U+{ord(found.group()):04X}) at position {found.start() + 1:,}; fix the source and import it again."
            )


def _clean_language(value: str | None) -> str | None:
    value = (value or "").strip().lower()
    if not value:
        return None
    found = _LANGUAGE.fullmatch(value)
    if found is None:
        raise ImportRejected(f"Language {value[:40]!r} is not a language code (use ar, en, or another ISO 639 code).")
    return found.group(1)


def _parse_date(value) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError as exc:
        raise ImportRejected(f"Published date {value!r} is not a date (expected YYYY-MM-DD).") from exc


def article_import(
    *,
    title: str,
    body: str,
    outlet: str | None = None,
    url: str | None = None,
    published: dt.date | str | None = None,
    language: str | None = None,
    byline: str = "",
    created_by=None,
    detect: bool = True,
    source_url: str = "",
) -> ImportResult:
    """Store one article, or return the stored copy when the same text (or URL) is already here.

    Raises ImportRejected with a message for the editor; nothing is written in that case.
    """
    if not isinstance(body, str) or not isinstance(title or "", str):
        raise ImportRejected("Title and text must be text.")
    _check_characters(title=title, body=body, outlet=outlet, url=url, byline=byline)
    body = clean_body(body)
    title = clean_title(title or "")
    if not body:
        raise ImportRejected("The article text is empty.")
    longest = max(map(len, body.split("\n")))
    if longest > settings.TRACKER_MAX_PARAGRAPH_CHARS:
        raise ImportRejected(
            f"One paragraph is {longest:,} characters long (the limit is {settings.TRACKER_MAX_PARAGRAPH_CHARS:,}): "
            "this looks like text without paragraph breaks. Split it into paragraphs and import it again."
        )
    if not title:
        # A headline-less article still needs something to show; its first line serves.
        first, _, rest = body.partition("\n")
        if not rest:
            raise ImportRejected("The article has no title.")
        title, body = first[:1000], rest
    if len(title) > 1000:
        raise ImportRejected("The title is longer than 1,000 characters.")
    outlet = clean_title(outlet or "") or None
    if outlet and len(outlet) > 200:
        raise ImportRejected("The outlet name is longer than 200 characters.")
    url = (url or "").strip() or None
    if url and len(url) > 2000:
        raise ImportRejected("The URL is longer than 2,000 characters.")
    if url and any(unicodedata.category(c) in ("Cc", "Zl", "Zp") or c.isspace() for c in url):
        # URLValidator lets NUL and other controls through in the path; PostgreSQL refuses NUL.
        raise ImportRejected("The URL holds a space or a control character; a URL has neither.")
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError as exc:
            raise ImportRejected(f"{url!r} is not a valid http(s) URL.") from exc
    published_date = _parse_date(published)
    language = _clean_language(language) or detect_language(f"{title}\n{body}")
    digest = content_hash(title, body)

    existing = Article.objects.filter(content_hash=digest).first()
    if existing is None and url:
        existing = Article.objects.filter(url=url).first()
    if existing is None and source_url:
        existing = Article.objects.filter(source_url=source_url).first()
    if existing is not None:
        return ImportResult(existing, created=False)

    try:
        with transaction.atomic():
            outlet_obj = None
            if outlet and outlet.strip():
                domain = urlsplit(url).hostname or "" if url else ""
                outlet_obj = outlet_get_or_create(name=outlet, domain=domain, language=language)
            article = Article.objects.create(
                outlet=outlet_obj,
                url=url,
                title=title,
                byline=clean_title(byline or "")[:500],
                published=published_date,
                language=language,
                body=body,
                content_hash=digest,
                created_by=created_by,
                source_url=source_url if source_url != url else "",
            )
            if detect:
                from tracker.services.detection_queue import article_detection_enqueue

                article_detection_enqueue(article=article)
    except IntegrityError:
        # Another import stored the same article between our check and our insert.
        existing = Article.objects.filter(content_hash=digest).first() or (
            Article.objects.filter(url=url).first() if url else None
        )
        if existing is None:
            raise
        return ImportResult(existing, created=False)
    logger.info(
        "article imported id=%s language=%s chars=%s",
        article.pk,
        language,
        len(body),
        extra={"event": "article_imported", "article_id": article.pk, "language": language, "chars": len(body)},
    )
    return ImportResult(article, created=True)
