"""Keeps the search columns of Quote (search_text, search_config, article_published) current.
The services that write quotes, speakers or aliases call ``quote_search_text_refresh`` (no
signals, no save() logic)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import QuerySet

from tracker.models import Quote, SpeakerAlias
from tracker.search import search_config_for, search_text_for

BATCH = 2000
SEARCH_FIELDS = ["search_text", "search_config", "article_published"]


def _names_by_speaker(speaker_ids: Iterable[int]) -> dict[int, list[str]]:
    names: dict[int, list[str]] = defaultdict(list)
    ids = [i for i in set(speaker_ids) if i]
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        for sid, alias in SpeakerAlias.objects.filter(speaker_id__in=chunk).values_list("speaker_id", "alias"):
            names[sid].append(alias)
    return names


def quote_search_fields(quotes: list[Quote]) -> None:
    """Set search_text/search_config on unsaved or loaded quotes (with article and speaker)."""
    names = _names_by_speaker(q.speaker_id for q in quotes if q.speaker_id)
    for quote in quotes:
        speaker_names = [quote.speaker.name, *names.get(quote.speaker_id, [])] if quote.speaker_id else []
        quote.search_text = search_text_for(quote.quote_text, speaker_names)
        quote.search_config = search_config_for(quote.article.language)
        quote.article_published = quote.article.published


def quote_search_text_refresh(
    *,
    quotes: QuerySet | None = None,
    article_id: int | None = None,
    speaker_ids: Iterable[int] | None = None,
    quote_ids: Iterable[int] | None = None,
) -> int:
    """Recompute the search text of the quotes selected (all when nothing is given); returns how
    many rows changed. Call it after writing quotes, speakers' names or aliases."""
    qs = quotes if quotes is not None else Quote.objects.all()
    if article_id is not None:
        qs = qs.filter(article_id=article_id)
    if speaker_ids is not None:
        qs = qs.filter(speaker_id__in=list(speaker_ids))
    if quote_ids is not None:
        qs = qs.filter(pk__in=list(quote_ids))
    qs = qs.select_related("article", "speaker").only(
        "id",
        "quote_text",
        "search_text",
        "search_config",
        "article_published",
        "speaker__name",
        "article__language",
        "article__published",
    )
    changed, batch = 0, []
    for quote in qs.order_by("pk").iterator(chunk_size=BATCH):
        batch.append(quote)
        if len(batch) >= BATCH:
            changed += _flush(batch)
            batch = []
    if batch:
        changed += _flush(batch)
    return changed


def _flush(batch: list[Quote]) -> int:
    before = {q.pk: (q.search_text, q.search_config, q.article_published) for q in batch}
    quote_search_fields(batch)
    dirty = [q for q in batch if before[q.pk] != (q.search_text, q.search_config, q.article_published)]
    if dirty:
        Quote.objects.bulk_update(dirty, SEARCH_FIELDS)
    return len(dirty)
