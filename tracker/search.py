"""Quote search: one normalisation (``tracker.attribution.text.fold``) for stored text and queries.

``Quote.search_text`` holds the folded quote text plus the speaker's name and aliases (written by
``tracker.services.search.quote_search_text_refresh``). On PostgreSQL the query is full-text
(``websearch_to_tsquery``; the ``arabic``, ``english`` or ``simple`` configuration after each
quote's article language; ``ts_rank``; the GIN index of migration 0004). Elsewhere (SQLite) every
term must appear in the folded text, ranked by the number of hits. Both understand the websearch
syntax that matters to editors: ``"a phrase"``, ``-excluded``, ``a or b``.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field, replace
from functools import cached_property

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import BooleanField, F, FloatField, IntegerField, Q, QuerySet, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Length, Replace

from tracker.attribution.text import fold, fold_keep_offsets, normalize_name, tokens
from tracker.models import Article, Quote

LANGUAGE_CONFIG = {"ar": "arabic", "en": "english"}
CONFIGS = ("arabic", "english", "simple")

# PostgreSQL only: tracker_quote.search_vector, a stored column generated from search_text with
# the configuration named by search_config, GIN-indexed (migration 0004).
PG_VECTOR_COLUMN = "search_vector"

SORTS = ("relevance", "date", "-date")


def search_config_for(language: str | None) -> str:
    return LANGUAGE_CONFIG.get((language or "").lower(), "simple")


def search_text_for(quote_text: str, names: list[str] | tuple[str, ...] = ()) -> str:
    """The stored search text: folded quote text, then each distinct folded name on its own line."""
    parts = [normalize_name(quote_text), *dict.fromkeys(normalize_name(n) for n in names if n)]
    return "\n".join(p for p in parts if p)


@dataclass(frozen=True)
class ParsedQuery:
    """A websearch-style query, folded: groups are OR-ed, the terms/phrases of a group AND-ed."""

    groups: list[list[str]] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)

    @property
    def terms(self) -> list[str]:
        """Every positive folded word, for highlighting."""
        return list(dict.fromkeys(w for g in self.groups for t in g for w in t.split()))

    def __bool__(self) -> bool:
        return bool(self.groups)

    def for_matching(self) -> ParsedQuery:
        """The terms as stored text is matched (see match_form); highlighting keeps the originals."""
        return ParsedQuery([[match_form(t) for t in g] for g in self.groups], [match_form(t) for t in self.excluded])


_QUERY_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')


def parse_query(q: str) -> ParsedQuery:
    groups: list[list[str]] = [[]]
    excluded: list[str] = []
    for m in _QUERY_TOKEN.finditer(q or ""):
        negative, phrase, word = m.group(1), m.group(2), m.group(3)
        if word is not None and word.lower() == "or":
            if groups[-1]:
                groups.append([])
            continue
        if word is not None and word.startswith("-") and len(word) > 1:
            negative, word = "-", word[1:]
        text = normalize_name(phrase if phrase is not None else word)
        if not text:
            continue
        (excluded if negative else groups[-1]).append(text)
    return ParsedQuery([g for g in groups if g], excluded)


# The Arabic definite article and the particles fused to it (وال، بال، فال، كال، لل): PostgreSQL's
# Arabic stemmer strips them inconsistently once ة is folded to ه ("هدنه" -> هدن but "الهدنه" ->
# هدنه), so queries drop them here and the stored vector drops them the same way (migration
# 0007, same pattern). Substring matching on SQLite then finds both forms too.
ARABIC_ARTICLE = r"(?:[وفبك]?ال|[وف]?لل)"
_ARTICLE_RE = re.compile(rf"(^|\s){ARABIC_ARTICLE}(?=\S{{2}})")


def match_form(text: str) -> str:
    """Folded text as search matches it: Arabic words without their definite article."""
    return _ARTICLE_RE.sub(r"\1", text)


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


def _websearch_string(parsed: ParsedQuery) -> str:
    """The folded query back in websearch syntax, so PostgreSQL sees the same words as SQLite."""
    parsed = parsed.for_matching()
    groups = [" ".join(f'"{t}"' if " " in t else t for t in g) for g in parsed.groups]
    out = " or ".join(groups)
    if parsed.excluded:
        out += " " + " ".join(f'-"{t}"' if " " in t else f"-{t}" for t in parsed.excluded)
    return out


def _pg_match(qs: QuerySet, parsed: ParsedQuery) -> QuerySet:
    table = Quote._meta.db_table
    vector = f"{table}.{PG_VECTOR_COLUMN}"
    config_col = f"{table}.search_config"
    text = _websearch_string(parsed)
    # One OR branch per configuration: each branch is "indexed expression @@ constant", so the
    # planner can use the GIN index (a per-row CASE on the query side would defeat it).
    branches = [
        f"({config_col} = 'arabic' AND {vector} @@ websearch_to_tsquery('arabic', %s))",
        f"({config_col} = 'english' AND {vector} @@ websearch_to_tsquery('english', %s))",
        f"({config_col} NOT IN ('arabic', 'english') AND {vector} @@ websearch_to_tsquery('simple', %s))",
    ]
    # Only constant SQL and our own table name are interpolated; the user text is a parameter.
    match = RawSQL("(" + " OR ".join(branches) + ")", [text, text, text], output_field=BooleanField())  # noqa: S611
    return qs.filter(match)


def _pg_rank(parsed: ParsedQuery):
    table = Quote._meta.db_table
    vector = f"{table}.{PG_VECTOR_COLUMN}"
    config_col = f"{table}.search_config"
    text = _websearch_string(parsed)
    rank_query = (
        f"CASE {config_col} WHEN 'arabic' THEN websearch_to_tsquery('arabic', %s) "
        f"WHEN 'english' THEN websearch_to_tsquery('english', %s) ELSE websearch_to_tsquery('simple', %s) END"
    )
    return RawSQL(f"ts_rank({vector}, {rank_query})", [text, text, text], output_field=FloatField())  # noqa: S611


def _hits(term: str):
    """Occurrences of ``term`` in search_text: (len(text) - len(text without term)) / len(term)."""
    removed = Length(F("search_text")) - Length(Replace(F("search_text"), Value(term), Value("")))
    return Cast(removed, IntegerField()) / Value(max(len(term), 1))


def _fallback_match(qs: QuerySet, parsed: ParsedQuery) -> QuerySet:
    parsed = parsed.for_matching()
    condition = Q()
    for group in parsed.groups:
        group_q = Q()
        for term in group:
            group_q &= Q(search_text__contains=term)
        condition |= group_q
    qs = qs.filter(condition)
    for term in parsed.excluded:
        qs = qs.exclude(search_text__contains=term)
    return qs


def _fallback_rank(parsed: ParsedQuery):
    parsed = parsed.for_matching()
    rank = Value(0.0, output_field=FloatField())
    for term in dict.fromkeys(t for g in parsed.groups for t in g):
        rank = rank + _hits(term)
    return Cast(rank, FloatField())


@dataclass(frozen=True)
class QuoteQuery:
    """Everything a search, an export or the API can ask for. Blank fields mean "any"."""

    q: str = ""
    speaker: int | None = None
    outlet: int | None = None
    article: int | None = None
    language: str = ""
    kind: str = ""
    status: str = ""  # blank: all but rejected; "any": rejected too
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    sort: str = ""
    accepted: bool = False


NEWEST = [F("article_published").desc(nulls_last=True), F("id").desc()]


def quote_matches(query: QuoteQuery) -> QuerySet:
    """Quotes matching ``query``: filters and free text, no ranking, no order."""
    qs = Quote.objects.all()
    if query.speaker:
        qs = qs.filter(speaker_id=query.speaker)
    if query.outlet:
        # A semi-join on the outlet's articles plans better than joining every match's article.
        qs = qs.filter(article_id__in=Article.objects.filter(outlet_id=query.outlet).values("id"))
    if query.article:
        qs = qs.filter(article_id=query.article)
    if query.language in LANGUAGE_CONFIG:
        # search_config is derived from the article's language: no join needed.
        qs = qs.filter(search_config=LANGUAGE_CONFIG[query.language])
    elif query.language:
        qs = qs.filter(article__language=query.language)
    if query.kind:
        qs = qs.filter(kind=query.kind)
    if query.accepted:
        qs = qs.filter(status__in=[Quote.Status.ACCEPTED, Quote.Status.CORRECTED])
    elif query.status == "any":
        pass
    elif query.status:
        qs = qs.filter(status=query.status)
    else:
        # What a reporter can use: an editor's "not a quote" never reaches a search or a sheet.
        qs = qs.exclude(status=Quote.Status.REJECTED)
    if query.date_from:
        qs = qs.filter(article_published__gte=query.date_from)
    if query.date_to:
        qs = qs.filter(article_published__lte=query.date_to)
    parsed = parse_query(query.q)
    if parsed:
        qs = _pg_match(qs, parsed) if is_postgresql() else _fallback_match(qs, parsed)
    return qs


def quote_search(query: QuoteQuery) -> QuerySet:
    """Quotes matching ``query``, ordered; ``rank`` is annotated when there is free text."""
    qs = quote_matches(query)
    parsed = parse_query(query.q)
    if parsed:
        qs = qs.annotate(rank=_pg_rank(parsed) if is_postgresql() else _fallback_rank(parsed))
    qs = qs.select_related("speaker", "via", "article", "article__outlet").defer("article__body")
    newest = NEWEST
    if query.sort == "date":
        return qs.order_by(F("article_published").asc(nulls_last=True), "id")
    if parsed and query.sort in ("", "relevance"):
        return qs.order_by("-rank", *newest)
    return qs.order_by(*newest)


def quote_count(query: QuoteQuery, *, cap: int) -> int:
    """How many quotes match, counting no further than cap + 1."""
    return quote_matches(query).order_by().values("pk")[: cap + 1].count()


COUNT_CAP = 2_000


WALK_WINDOW = 20_000


def _newest_matching_ids(query: QuoteQuery, *, offset: int, limit: int) -> list[int] | None:
    """PostgreSQL, for queries that match many rows: walk the quotes newest first (the index on
    article_published) and test each against the text query until a page is full, instead of
    fetching every match through the GIN bitmap and sorting them all. The OFFSET 0 fence keeps
    the planner from flattening the walk (it underestimates how many rows multi-word queries
    match, and would otherwise scan and sort everything). The walk is bounded (a window of the
    newest rows, the LIMIT also telling the planner to walk the index)."""
    table = Quote._meta.db_table
    inner = quote_matches(replace(query, q="")).order_by(*NEWEST).values("id", "article_published")
    inner = inner.annotate(
        _sv=RawSQL(f"{table}.{PG_VECTOR_COLUMN}", []),  # noqa: S611 - constant SQL
        _cfg=F("search_config"),
    )
    inner_sql, inner_params = inner.query.sql_with_params()
    text = _websearch_string(parse_query(query.q))
    match = (
        "((s._cfg = 'arabic' AND s._sv @@ websearch_to_tsquery('arabic', %s))"
        " OR (s._cfg = 'english' AND s._sv @@ websearch_to_tsquery('english', %s))"
        " OR (s._cfg NOT IN ('arabic', 'english') AND s._sv @@ websearch_to_tsquery('simple', %s)))"
    )
    window = max(WALK_WINDOW, (offset + limit) * 500)
    sql = (
        f"SELECT s.id FROM ({inner_sql} LIMIT %s) s WHERE {match} "  # noqa: S608 - Django-compiled SQL, params bound
        "ORDER BY s.article_published DESC NULLS LAST, s.id DESC LIMIT %s OFFSET %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*inner_params, window, text, text, text, limit, offset])
        ids = [row[0] for row in cursor.fetchall()]
    # None when the walk ended before the page was full: the caller then asks the usual way.
    return ids if len(ids) == limit else None


class SearchPaginator(Paginator):
    """Counts up to COUNT_CAP matches (the page then says "more than 2,000"). Up to that many,
    free-text results are ranked by relevance; beyond, they come newest first (``ranked`` is
    False and the page says why) so that a page costs the same at any corpus size."""

    def __init__(self, query: QuoteQuery, per_page: int):
        self.capped_count = quote_count(query, cap=COUNT_CAP)
        self.ranked = bool(parse_query(query.q)) and query.sort in ("", "relevance")
        if self.ranked and self.capped:
            query, self.ranked = replace(query, sort="-date"), False
        self.newest_first = query.sort in ("", "-date")
        self.query = query
        super().__init__(quote_search(query), per_page)

    @cached_property
    def count(self) -> int:
        return self.capped_count

    @property
    def capped(self) -> bool:
        return self.capped_count > COUNT_CAP

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        ids = None
        if self.capped and self.newest_first and self.query.q and is_postgresql():
            ids = _newest_matching_ids(self.query, offset=bottom, limit=self.per_page)
        if ids is not None:
            by_id = self.object_list.filter(pk__in=ids).in_bulk()
            objects = [by_id[i] for i in ids if i in by_id]
        else:
            objects = list(self.object_list[bottom : bottom + self.per_page])
        return self._get_page(objects, number, self)


# Highlighting ---------------------------------------------------------------------------------


_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]*")


def _past_marks(text: str, end: int) -> int:
    """Extend a match over the diacritics that follow its last letter."""
    return _MARKS.match(text, end).end()


def highlight_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Spans of ``text`` where a folded term occurs, merged; found on an offset-keeping fold."""
    folded = fold_keep_offsets(text)
    hay = folded.text.lower()
    if len(hay) != len(folded.text):
        hay = folded.text
    spans: list[tuple[int, int]] = []
    for term in terms:
        needles = [term]
        if len(term) > 5:
            needles.append(term[: len(term) - 2])  # a stemmed match ("ceasefires" / "ceasefire")
        for needle in needles:
            found = [(m.start(), m.end()) for m in re.finditer(re.escape(needle), hay)]
            if found:
                spans += [(folded.orig(s), _past_marks(text, folded.orig_end(e))) for s, e in found]
                break
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def highlight(text: str, q: str) -> str:
    """HTML-escaped ``text`` with each match wrapped in <mark>."""
    terms = parse_query(q).terms
    out, pos = [], 0
    for s, e in highlight_spans(text, terms):
        out += [html.escape(text[pos:s]), "<mark>", html.escape(text[s:e]), "</mark>"]
        pos = e
    out.append(html.escape(text[pos:]))
    return "".join(out)


__all__ = [
    "CONFIGS",
    "SORTS",
    "QuoteQuery",
    "fold",
    "highlight",
    "parse_query",
    "quote_search",
    "search_config_for",
    "search_text_for",
    "tokens",
]
