"""One statement, many articles: versions of a quote reported elsewhere, and their word diffs.

Computed on the fly for the quote shown: candidates are the quotes (other articles, not rejected)
sharing its rarest words (a proxy: its longest folded words) found through the search backend,
kept when the folded token sets are similar enough (Dice coefficient >= SIMILARITY)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from tracker.attribution.text import tokens
from tracker.models import Quote
from tracker.search import QuoteQuery, quote_search

SIMILARITY = 0.8
RARE_WORDS = 3
MAX_CANDIDATES = 300


def similarity(a: str, b: str) -> float:
    """Token-set similarity of two texts, after the one normalisation (fold)."""
    sa, sb = set(tokens(a)), set(tokens(b))
    if not sa or not sb:
        return 0.0
    return 2 * len(sa & sb) / (len(sa) + len(sb))


def rare_words(text: str, n: int = RARE_WORDS) -> list[str]:
    words = sorted(set(tokens(text)), key=lambda w: (-len(w), w))
    return [w for w in words if len(w) >= 3][:n]


def word_diff(base: str, other: str) -> list[tuple[str, str]]:
    """Word-level diff from ``base`` to ``other``: ("equal" | "delete" | "insert", words)."""
    a, b = base.split(), other.split()
    matcher = difflib.SequenceMatcher(a=[" ".join(tokens(w)) for w in a], b=[" ".join(tokens(w)) for w in b])
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append(("equal", " ".join(b[j1:j2])))
        if op in ("delete", "replace"):
            out.append(("delete", " ".join(a[i1:i2])))
        if op in ("insert", "replace"):
            out.append(("insert", " ".join(b[j1:j2])))
    return out


@dataclass
class Version:
    quote: Quote
    similarity: float
    diff: list[tuple[str, str]]

    @property
    def identical(self) -> bool:
        return all(op == "equal" for op, _ in self.diff)


@dataclass
class Statement:
    quote: Quote
    versions: list[Version]  # the other articles' versions, oldest first

    @property
    def first(self) -> Quote:
        dated = [self.quote, *(v.quote for v in self.versions)]
        return min(dated, key=_appearance)

    @property
    def outlets(self) -> list[str]:
        names = (v.quote.article.outlet.name for v in self.versions if v.quote.article.outlet_id)
        return list(dict.fromkeys(names))


def _appearance(quote: Quote):
    published = quote.article.published
    return (published is None, published.isoformat() if published else "", quote.article.created_at, quote.pk)


def statement_versions(*, quote: Quote, threshold: float = SIMILARITY) -> Statement:
    words = rare_words(quote.quote_text)
    if not words:
        return Statement(quote, [])
    candidates = (
        quote_search(QuoteQuery(q=" or ".join(words)))
        .exclude(article_id=quote.article_id)
        .exclude(status=Quote.Status.REJECTED)[:MAX_CANDIDATES]
    )
    versions = []
    for other in candidates:
        score = similarity(quote.quote_text, other.quote_text)
        if score >= threshold:
            versions.append(Version(other, score, word_diff(quote.quote_text, other.quote_text)))
    versions.sort(key=lambda v: _appearance(v.quote))
    return Statement(quote, versions)
