"""Editors' writes on quotes and on an article's review.

Every write on an existing quote takes the version the editor saw. The version is claimed with
one conditional UPDATE (``WHERE id = … AND version = …``) before anything else is written, so two
editors saving the same quote at once cannot both win, on SQLite or PostgreSQL: the second
gets ``Conflict`` carrying the stored quote, and nothing of theirs is written.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from tracker.attribution.text import QUOTE_CHARS, normalize_name, span_snap
from tracker.models import Article, Quote, Speaker
from tracker.services.articles import clean_title
from tracker.services.search import quote_search_text_refresh
from tracker.services.speakers import speaker_alias_add, speaker_kind_guess

# Fields an undo puts back from the history; identity, origin and bookkeeping stay.
_RESTORED_FIELDS = (
    "quote_start",
    "quote_end",
    "quote_text",
    "kind",
    "speaker_id",
    "speaker_text",
    "speaker_start",
    "speaker_end",
    "cue_text",
    "cue_start",
    "cue_end",
    "via_id",
    "status",
    "reject_reason",
    "reviewed_by_id",
    "reviewed_at",
)
UNDO_REASON = "undo"
# A change made as part of one editor action on many quotes ("Accept all") carries this prefix
# and the batch's token in its history reason, so that undo takes the whole batch back at once.
BATCH_PREFIX = "batch:"
# Separators no statement starts or ends with (Latin and Arabic comma, semicolon, colon).
_EDGE_PUNCTUATION = ",،;؛:"


class Conflict(Exception):
    """Someone saved the quote after the editor loaded it."""

    def __init__(self, current: Quote):
        super().__init__(f"quote {current.pk} is at version {current.version}")
        self.current = current


class QuoteInvalid(ValidationError):
    """A change that cannot be stored; the message says why."""


class QuoteGone(Exception):
    """The quote was deleted (by an editor, or by re-detection no longer finding it) after the
    editor loaded it."""

    message = "This quote is no longer in the article: detection was re-run or it was deleted. Reload the page."

    def __init__(self, quote_id: int):
        super().__init__(f"quote {quote_id} is gone")
        self.quote_id = quote_id


class NothingToUndo(QuoteInvalid):
    pass


def article_lock_shared(*, article_id: int) -> None:
    """Locks go article first, then quotes, in every transaction: re-detection locks the article
    FOR UPDATE before it changes quotes, so an editor's write takes a share of the article lock
    before it touches a quote (FOR KEY SHARE: editors do not block each other). The status
    update to "in review" comes before any quote too. SQLite locks the whole database instead."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT 1 FROM {Article._meta.db_table} WHERE id = %s FOR KEY SHARE", [article_id])  # noqa: S608
    _article_in_review(article_id=article_id)


def _claim(*, quote_id: int, expected_version: int) -> Quote:
    """Take the next version of the quote or raise Conflict (someone saved it first) or
    QuoteGone (it was deleted). Call inside a transaction."""
    article_id = Quote.objects.filter(pk=quote_id).values_list("article_id", flat=True).first()
    if article_id is None:
        raise QuoteGone(quote_id)
    article_lock_shared(article_id=article_id)
    claimed = Quote.objects.filter(pk=quote_id, version=expected_version).update(version=F("version") + 1)
    if not claimed:
        current = Quote.objects.select_related("speaker", "via", "reviewed_by").filter(pk=quote_id).first()
        if current is None:
            raise QuoteGone(quote_id)
        raise Conflict(current)
    quote = Quote.objects.select_related("article", "speaker", "via").filter(pk=quote_id).first()
    if quote is None:
        raise QuoteGone(quote_id)
    return quote


def _save(quote: Quote, *, user, reason: str, searchable_changed: bool = False) -> Quote:
    quote.reviewed_by = user
    quote.reviewed_at = timezone.now()
    quote._history_user = user
    quote._change_reason = reason
    quote.save()
    if searchable_changed:
        quote_search_text_refresh(quote_ids=[quote.pk])
    return quote


def _article_in_review(*, article_id: int) -> None:
    Article.objects.filter(pk=article_id, status__in=[Article.Status.NEW, Article.Status.DETECTED]).update(
        status=Article.Status.IN_REVIEW
    )


def _correct(quote: Quote) -> None:
    # A changed quote is corrected, unless the editor rejected it: that verdict stands.
    if quote.status != Quote.Status.REJECTED:
        quote.status = Quote.Status.CORRECTED
        quote.reject_reason = ""


def _trimmed(ch: str) -> bool:
    return ch.isspace() or ch in QUOTE_CHARS or ch in _EDGE_PUNCTUATION


def span_clean(*, document: str, start: int, end: int) -> tuple[int, int]:
    """Validate a span against the stored text and trim the spaces, quotation marks and
    commas a selection (by mouse, or word by word from the keyboard) tends to take along."""
    if not (0 <= start < end <= len(document)):
        raise QuoteInvalid(f"The span {start}–{end} is outside the article text (0–{len(document)}).")
    while start < end and _trimmed(document[start]):
        start += 1
    while end > start and _trimmed(document[end - 1]):
        end -= 1
    if start >= end:
        raise QuoteInvalid("The selection holds no text.")
    # A selection ending on a letter takes its marks along (the tanween of وحيداً).
    return span_snap(document, start, end)


def _batch_reason(batch: str, reason: str) -> str:
    return f"{BATCH_PREFIX}{batch}:{reason}" if batch else reason


@transaction.atomic
def quote_accept(*, quote_id: int, expected_version: int, user, batch: str = "") -> Quote:
    quote = _claim(quote_id=quote_id, expected_version=expected_version)
    quote.status = Quote.Status.ACCEPTED
    quote.reject_reason = ""
    return _save(quote, user=user, reason=_batch_reason(batch, "accepted"))


@transaction.atomic
def quote_reject(*, quote_id: int, expected_version: int, user, reason: str, batch: str = "") -> Quote:
    if reason not in Quote.RejectReason.values:
        raise QuoteInvalid(f"Unknown reason {reason!r}.")
    quote = _claim(quote_id=quote_id, expected_version=expected_version)
    quote.status = Quote.Status.REJECTED
    quote.reject_reason = reason
    return _save(quote, user=user, reason=_batch_reason(batch, f"rejected: {reason}"))


def speaker_create(*, name: str, kind: str | None = None, language: str = "") -> Speaker:
    """A new speaker, named by an editor, with its name as first alias."""
    name = clean_title(name)
    if not normalize_name(name):
        raise QuoteInvalid("A speaker needs a name with letters in it.")
    if len(name) > 300:
        raise QuoteInvalid(f"A speaker's name is at most 300 characters; this one has {len(name):,}.")
    speaker = Speaker.objects.create(name=name, kind=speaker_kind_guess(name=name, kind=kind))
    speaker_alias_add(speaker=speaker, alias=name, language=language)
    return speaker


@transaction.atomic
def quote_speaker_set(
    *, quote_id: int, expected_version: int, user, speaker: Speaker | None = None, new_speaker_name: str = ""
) -> Quote:
    """Attribute the quote to ``speaker``, or to a new speaker called ``new_speaker_name``."""
    if (speaker is None) == (not new_speaker_name.strip()):
        raise QuoteInvalid("Choose a speaker or name a new one.")
    quote = _claim(quote_id=quote_id, expected_version=expected_version)
    if speaker is None:
        speaker = speaker_create(name=new_speaker_name, language=quote.article.language)
    if speaker.pk != quote.speaker_id:
        quote.speaker = speaker
        # The mention the detector linked named the old speaker.
        quote.speaker_text, quote.speaker_start, quote.speaker_end = "", None, None
    _correct(quote)
    return _save(quote, user=user, reason="speaker", searchable_changed=True)


@transaction.atomic
def quote_via_set(
    *, quote_id: int, expected_version: int, user, via: Speaker | None = None, new_via_name: str = ""
) -> Quote:
    """Set who relayed the quote; neither ``via`` nor a name clears it."""
    quote = _claim(quote_id=quote_id, expected_version=expected_version)
    if via is None and new_via_name.strip():
        via = speaker_create(name=new_via_name, language=quote.article.language)
    quote.via = via
    _correct(quote)
    return _save(quote, user=user, reason="via")


@transaction.atomic
def quote_kind_set(*, quote_id: int, expected_version: int, user, kind: str) -> Quote:
    if kind not in Quote.Kind.values:
        raise QuoteInvalid(f"Unknown kind {kind!r}.")
    quote = _claim(quote_id=quote_id, expected_version=expected_version)
    quote.kind = kind
    _correct(quote)
    return _save(quote, user=user, reason="kind")


@transaction.atomic
def quote_span_set(*, quote_id: int, expected_version: int, user, start: int, end: int) -> Quote:
    quote = _claim(quote_id=quote_id, expected_version=expected_version)
    document = quote.article.document
    start, end = span_clean(document=document, start=start, end=end)
    quote.quote_start, quote.quote_end, quote.quote_text = start, end, document[start:end]
    _correct(quote)
    return _save(quote, user=user, reason="span", searchable_changed=True)


@transaction.atomic
def quote_create(
    *, article: Article, user, start: int, end: int, kind: str = Quote.Kind.DIRECT, speaker: Speaker | None = None
) -> Quote:
    """A quote the detector missed, added by an editor (and so accepted)."""
    if kind not in Quote.Kind.values:
        raise QuoteInvalid(f"Unknown kind {kind!r}.")
    document = article.document
    start, end = span_clean(document=document, start=start, end=end)
    article_lock_shared(article_id=article.pk)
    if article.quotes.filter(quote_start=start, quote_end=end).exclude(status=Quote.Status.REJECTED).exists():
        raise QuoteInvalid("This text is already a quote.")
    quote = Quote(
        article=article,
        document_length=len(document),
        quote_start=start,
        quote_end=end,
        quote_text=document[start:end],
        kind=kind,
        speaker=speaker,
        rule="editor",
        origin=Quote.Origin.EDITOR,
        status=Quote.Status.ACCEPTED,
    )
    return _save(quote, user=user, reason="created", searchable_changed=True)


@transaction.atomic
def quote_delete(*, quote_id: int, expected_version: int, user) -> None:
    """Delete a quote an editor added; detected ones are rejected instead, so that
    re-detection does not bring them back."""
    quote = _claim(quote_id=quote_id, expected_version=expected_version)
    if quote.origin != Quote.Origin.EDITOR:
        raise QuoteInvalid("Only quotes added by an editor can be deleted; reject a detected one.")
    quote._history_user = user
    quote._change_reason = "deleted"
    quote.delete()


# What the Django admin may change on a quote; the text and every span stay as the article says.
ADMIN_FIELDS = ("kind", "speaker", "via", "status", "reject_reason", "confidence")


@transaction.atomic
def quote_admin_update(*, quote: Quote, expected_version: int, user, fields: list[str]) -> Quote:
    """Store an admin's change to ``fields`` of ``quote`` as a new version, like every other
    change: Conflict when someone saved the quote after the admin opened it. The quote text is
    taken from the article again, so it always says what the article says."""
    stored = _claim(quote_id=quote.pk, expected_version=expected_version)
    changed = [name for name in ADMIN_FIELDS if name in fields]
    for name in changed:
        setattr(stored, name, getattr(quote, name))
    stored.quote_text = stored.article.document[stored.quote_start : stored.quote_end]
    stored._history_user = user
    stored._change_reason = f"admin: {', '.join(changed) or 'saved'}"
    stored.save()
    quote_search_text_refresh(quote_ids=[stored.pk])
    return stored


def _live_history(records: list) -> list:
    """History rows still in effect, oldest first: an undo row cancels the change before it."""
    stack: list = []
    for record in records:
        if record.history_change_reason == UNDO_REASON and len(stack) > 1:
            stack.pop()
        else:
            stack.append(record)
    return stack


@transaction.atomic
def quote_undo(*, quote_id: int, expected_version: int, user) -> Quote | None:
    """Put back the quote as it was before its last change still in effect. Undoing the
    creation of an editor's quote deletes it (and returns None)."""
    quote = _claim(quote_id=quote_id, expected_version=expected_version)
    live = _live_history(list(quote.history.order_by("history_date", "history_id")))
    if len(live) < 2:
        if quote.origin == Quote.Origin.EDITOR:
            quote._history_user = user
            quote._change_reason = "deleted (undo)"
            quote.delete()
            return None
        raise NothingToUndo("Nothing to undo on this quote.")
    before = live[-2]
    for name in _RESTORED_FIELDS:
        setattr(quote, name, getattr(before, name))
    quote._history_user = user
    quote._change_reason = UNDO_REASON
    quote.save()
    quote_search_text_refresh(quote_ids=[quote.pk])
    return Quote.objects.select_related("speaker", "via", "reviewed_by").get(pk=quote.pk)


@dataclass(frozen=True)
class LastChange:
    """The user's most recent change still in effect in an article: one quote, or every quote of
    one batch. ``quotes`` holds (quote id, version) pairs; ``reason`` is the history reason."""

    quotes: list[tuple[int, int]]
    reason: str
    batch: bool = False


def _live_tops(*, article: Article) -> dict[int, tuple]:
    """Per quote still there: (top live record, current version, number of live records)."""
    records = Quote.history.filter(article_id=article.pk).order_by("history_date", "history_id")
    by_quote: dict[int, list] = {}
    for record in records.only(
        "id", "version", "history_id", "history_date", "history_user_id", "history_change_reason", "history_type"
    ):
        by_quote.setdefault(record.id, []).append(record)
    out = {}
    for quote_id, rows in by_quote.items():
        if rows[-1].history_type == "-":
            continue
        live = _live_history(rows)
        out[quote_id] = (live[-1], rows[-1].version, len(live))
    return out


def article_last_change(*, article: Article, user) -> LastChange | None:
    tops = _live_tops(article=article)
    best = None
    for quote_id, (top, version, n_live) in tops.items():
        if top.history_user_id != user.pk or top.history_change_reason == UNDO_REASON:
            continue
        if n_live < 2 and top.history_type != "+":
            continue
        if best is None or (top.history_date, top.history_id) > (best[0].history_date, best[0].history_id):
            best = (top, quote_id, version)
    if best is None:
        return None
    top, quote_id, version = best
    reason = top.history_change_reason or ""
    if not reason.startswith(BATCH_PREFIX):
        return LastChange(quotes=[(quote_id, version)], reason=reason)
    # The whole batch, except quotes someone changed since (their top record is no longer it).
    quotes = [
        (qid, v)
        for qid, (t, v, _n) in sorted(tops.items())
        if t.history_change_reason == reason and t.history_user_id == user.pk
    ]
    return LastChange(quotes=quotes, reason=reason, batch=True)


def quote_last_change(*, article: Article, user) -> tuple[int, int] | None:
    """(quote id, version) of the user's most recent change still in effect in the article."""
    last = article_last_change(article=article, user=user)
    return last.quotes[0] if last else None


@dataclass
class UndoResult:
    reason: str
    restored: list[Quote] = field(default_factory=list)
    deleted: list[int] = field(default_factory=list)
    batch: bool = False


@transaction.atomic
def article_undo(*, article: Article, user) -> UndoResult:
    """Undo the user's last change in the article; a batch ("Accept all") is one change. All of
    it or none: when someone else saved one of its quotes meanwhile, Conflict."""
    last = article_last_change(article=article, user=user)
    if last is None:
        raise NothingToUndo("Nothing of yours to undo in this article.")
    result = UndoResult(reason=last.reason, batch=last.batch)
    for quote_id, version in last.quotes:
        quote = quote_undo(quote_id=quote_id, expected_version=version, user=user)
        if quote is None:
            result.deleted.append(quote_id)
        else:
            result.restored.append(quote)
    return result


@dataclass(frozen=True)
class BatchResult:
    count: int
    batch: str


def _batch_token() -> str:
    return uuid.uuid4().hex[:12]


@transaction.atomic
def article_accept_all(*, article: Article, user, min_confidence: float | None = None) -> BatchResult:
    """Accept every quote still pending (at or above ``min_confidence`` when given), as one batch
    that one undo takes back; a quote another editor changed meanwhile is left alone."""
    batch = _batch_token()
    pending = article.quotes.filter(status=Quote.Status.PENDING)
    if min_confidence is not None:
        pending = pending.filter(confidence__gte=min_confidence)
    accepted = 0
    for quote_id, version in pending.order_by("quote_start", "pk").values_list("pk", "version"):
        try:
            quote_accept(quote_id=quote_id, expected_version=version, user=user, batch=batch)
        except (Conflict, QuoteGone):
            continue
        accepted += 1
    return BatchResult(count=accepted, batch=batch)


@transaction.atomic
def article_reject_rule(
    *, article: Article, user, rule: str, reason: str = Quote.RejectReason.NOT_A_QUOTE
) -> BatchResult:
    """Reject every pending quote one detection rule found in the article, as one batch."""
    if reason not in Quote.RejectReason.values:
        raise QuoteInvalid(f"Unknown reason {reason!r}.")
    batch = _batch_token()
    rejected = 0
    pending = article.quotes.filter(status=Quote.Status.PENDING, rule=rule).order_by("quote_start", "pk")
    for quote_id, version in pending.values_list("pk", "version"):
        try:
            quote_reject(quote_id=quote_id, expected_version=version, user=user, reason=reason, batch=batch)
        except Conflict:
            continue
        rejected += 1
    return BatchResult(count=rejected, batch=batch)


def plural(n: int, word: str, words: str | None = None) -> str:
    """ "1 quote", "2 quotes"."""
    return f"{n:,} {word if n == 1 else (words or word + 's')}"


@transaction.atomic
def article_mark_reviewed(*, article: Article, user) -> Article:
    article = Article.objects.select_for_update().get(pk=article.pk)
    pending = article.quotes.filter(status=Quote.Status.PENDING).count()
    if pending:
        verb = "is" if pending == 1 else "are"
        raise QuoteInvalid(f"{plural(pending, 'quote')} {verb} still pending: accept or reject them first.")
    article.status = Article.Status.REVIEWED
    article._history_user = user
    article._change_reason = "reviewed"
    article.save(update_fields=["status", "updated_at"])
    return article
