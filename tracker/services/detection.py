"""Run the attribution engine on stored articles and store what it finds as quotes."""

from __future__ import annotations

import logging
import signal
import threading
from contextlib import contextmanager

from django.conf import settings
from django.db import transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from tracker.attribution.engine import detect
from tracker.attribution.text import tokens
from tracker.attribution.types import Attribution
from tracker.models import Article, Quote, Speaker
from tracker.nlp import backend_entities
from tracker.services.search import quote_search_text_refresh
from tracker.services.speakers import speaker_resolve

logger = logging.getLogger("tracker.detection")


def _name_mentions(name: str, *mentions: str | None) -> tuple[str, ...]:
    """Mentions that are part of the name (a surname for the full name), never pronouns or
    descriptors such as "the newspaper": only those become aliases."""
    name_tokens = set(tokens(name))
    return tuple(m for m in mentions if m and set(tokens(m)) and set(tokens(m)) <= name_tokens and m != name)


def _full_names(found: list[Attribution]) -> dict[str, str]:
    """Short forms that one other speaker of the same article spells out in full ("كيربي"
    beside "جون كيربي", "Biden" beside "Joe Biden") -> that name. The engine resolves most of
    these itself; this keeps the registry to one speaker when it leaves one unresolved."""
    kinds: dict[str, set] = {}
    for a in found:
        if a.speaker and a.speaker_kind != "unnamed":
            kinds.setdefault(a.speaker, set()).add(a.speaker_kind)
    keyed = {name: tokens(name) for name in kinds}
    out = {}
    for short, short_tokens in keyed.items():
        n = len(short_tokens)
        longer = {
            " ".join(name_tokens): name
            for name, name_tokens in keyed.items()
            if n
            and len(name_tokens) > n
            and name_tokens[-n:] == short_tokens
            # a person and an organisation whose names end alike are not one speaker
            and len((kinds[short] | kinds[name]) - {None}) <= 1
        }
        if len(longer) == 1:
            out[short] = next(iter(longer.values()))
    return out


def _span(span) -> tuple[int | None, int | None, str]:
    return (span.start, span.end, span.text[:300]) if span is not None else (None, None, "")


def _quote_fields(article: Article, found: Attribution, speakers: dict, full_names: dict[str, str]) -> dict:
    def resolve(name: str | None, kind: str | None, mention: str | None = None) -> Speaker | None:
        if not name:
            return None
        short, name = name, full_names.get(name, name)
        # Each mention of a named speaker may add an alias; an unnamed source ("a source") has
        # none to add, and its mentions in one article are one source.
        key = (short, kind) if kind == "unnamed" else (short, kind, mention)
        if key not in speakers:
            speakers[key] = speaker_resolve(
                name=name,
                kind=kind,
                language=article.language,
                mentions=_name_mentions(name, mention, short),
            )
        return speakers[key]

    s_start, s_end, s_text = _span(found.speaker_mention)
    c_start, c_end, c_text = _span(found.cue)
    return {
        "article": article,
        "document_length": len(article.document),
        "quote_start": found.quote.start,
        "quote_end": found.quote.end,
        "quote_text": found.quote.text,
        "kind": found.kind,
        "speaker": resolve(found.speaker, found.speaker_kind, s_text),
        "speaker_text": s_text,
        "speaker_start": s_start,
        "speaker_end": s_end,
        "cue_text": c_text,
        "cue_start": c_start,
        "cue_end": c_end,
        "via": resolve(found.via, None),
        "confidence": min(1.0, max(0.0, float(found.confidence))),
        "rule": found.rule[:100],
        "origin": Quote.Origin.DETECTED,
    }


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


class DetectionTimeout(BaseException):
    """Detection ran past settings.TRACKER_DETECTION_TIME_LIMIT and was stopped. A BaseException,
    like KeyboardInterrupt, so that no ``except Exception`` on the way (the stanza fallback, for
    one, which would switch stanza off for good) takes it for an ordinary error."""


# After the limit the timer goes on firing at this interval until the block has ended: an
# exception raised in a garbage-collection callback or a __del__ is dropped by Python, and the
# next tick then stops the engine.
_RETICK = 0.05


@contextmanager
def _time_limit(seconds: float):
    """Interrupt the block after ``seconds`` with DetectionTimeout. The engine is pure Python,
    so a timer signal stops it wherever it is, with nothing written. Signals reach only the
    main thread: elsewhere (a threaded server running tasks inline) the block runs unbounded."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return
    active = [True]

    def on_alarm(signum, frame):
        if active[0]:
            raise DetectionTimeout

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds, _RETICK)
    try:
        yield
    finally:
        while True:
            try:
                active[0] = False
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
                break
            except DetectionTimeout:
                continue  # a tick landed in this clean-up: once more, now that it is disarmed


def _find(article: Article):
    """The NLP backend's entities and the engine's attributions, within the time limit; on
    timeout the article is marked failed with a message."""
    limit = settings.TRACKER_DETECTION_TIME_LIMIT
    try:
        with _time_limit(limit):
            backend, entities = backend_entities(document=article.document, language=article.language)
            found = detect(article.title, article.body, article.language, entities=entities)
    except DetectionTimeout:
        message = (
            f"Detection stopped after {limit:g} s, its time limit ({len(article.document):,} characters). "
            "Nothing was changed; the quotes found before, if any, are kept."
        )
        Article.objects.filter(pk=article.pk).update(detection_state=Article.Detection.FAILED, detection_error=message)
        logger.error(
            "detection timeout article=%s limit=%ss",
            article.pk,
            limit,
            extra={"event": "detection_timeout", "article_id": article.pk, "limit": limit},
        )
        raise DetectionTimeout(message) from None
    return backend, found


def article_detect(*, article: Article) -> list[Quote]:
    """(Re)detect quotes. Quotes an editor accepted, corrected, rejected or created are kept
    as they are, and a detection overlapping one of them is dropped. The engine runs before
    the transaction, so no lock is held while it computes."""
    backend, found = _find(article)
    return _store(article, backend, found)


# What a detection sets on a quote; a stored untouched quote at the same span and kind is updated
# to these values in place, so that its id (and every open card pointing at it) stays.
_DETECTED_FIELDS = (
    "quote_text",
    "speaker",
    "speaker_text",
    "speaker_start",
    "speaker_end",
    "cue_text",
    "cue_start",
    "cue_end",
    "via",
    "confidence",
    "rule",
)


def _same(quote: Quote, fields: dict) -> bool:
    return all(getattr(quote, name) == fields[name] for name in _DETECTED_FIELDS)


@transaction.atomic
def _store(article: Article, backend, found: list[Attribution]) -> list[Quote]:
    """Write one run's findings. Locks are taken article first (FOR UPDATE), then quotes, the
    order editors' writes follow too (tracker.services.quotes.article_lock_shared)."""
    document = article.document
    article = Article.objects.select_for_update().get(pk=article.pk)
    existing = list(article.quotes.select_related("speaker", "via").order_by("pk"))
    kept = [q for q in existing if q.touched]
    kept_spans = [(q.quote_start, q.quote_end) for q in kept]
    # Untouched quotes by (start, end, kind): each may take one new detection of the same place.
    reusable: dict[tuple, list[Quote]] = {}
    for quote in existing:
        if not quote.touched:
            reusable.setdefault((quote.quote_start, quote.quote_end, quote.kind), []).append(quote)

    speakers: dict = {}
    full_names = _full_names(found)
    created, changed, unchanged = [], [], []
    for attribution in found:
        span = (attribution.quote.start, attribution.quote.end)
        if not (0 <= span[0] < span[1] <= len(document)):
            logger.warning("article %s: engine span %s outside the text, skipped", article.pk, span)
            continue
        if any(_overlaps(span, other) for other in kept_spans):
            continue
        fields = _quote_fields(article, attribution, speakers, full_names)
        same_place = reusable.get((*span, attribution.kind))
        if not same_place:
            created.append(Quote(**fields))
            continue
        quote = same_place.pop(0)
        if _same(quote, fields):
            unchanged.append(quote)
            continue
        for name in _DETECTED_FIELDS:
            setattr(quote, name, fields[name])
        # A card showing the old attribution gets a conflict, not a silent overwrite.
        quote.version += 1
        changed.append(quote)
    gone = [q.pk for quotes in reusable.values() for q in quotes]
    if gone:
        for quote in Quote.objects.filter(pk__in=gone):
            quote._change_reason = "not detected again"
            quote.delete()
    if changed:
        bulk_update_with_history(
            changed, Quote, [*_DETECTED_FIELDS, "version", "updated_at"], default_change_reason="detected again"
        )
    # Plain bulk_create would skip the history rows.
    created = bulk_create_with_history(created, Quote, default_change_reason="detected")
    quote_search_text_refresh(article_id=article.pk)

    # A successful run, queued or from `detect_quotes`, clears an earlier failure.
    fields = {
        "detection_backend": backend.name,
        "detection_note": backend.note,
        "detection_state": Article.Detection.DONE,
        "detection_error": "",
    }
    if article.status == Article.Status.NEW:
        fields["status"] = Article.Status.DETECTED
    Article.objects.filter(pk=article.pk).update(**fields)
    logger.info(
        "article %s detected: %s new quotes, %s updated, %s unchanged, %s dropped, %s kept, backend=%s",
        article.pk,
        len(created),
        len(changed),
        len(unchanged),
        len(gone),
        len(kept),
        backend.name,
        extra={
            "event": "detected",
            "article_id": article.pk,
            "new": len(created),
            "updated": len(changed),
            "unchanged": len(unchanged),
            "dropped": len(gone),
            "kept": len(kept),
            "backend": backend.name,
        },
    )
    # Every quote this run stands for, new or kept in place (editors' quotes are not among them).
    return sorted([*created, *changed, *unchanged], key=lambda q: (q.quote_start, q.quote_end, q.pk))
