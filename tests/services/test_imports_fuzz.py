"""Fuzzing imports: whatever the fields or file bytes, an import either stores a whole article
(clean text, detection run, spans inside it) or refuses with a message and writes nothing; no
other exception escapes. On SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tests.fuzz import FUZZ, ODD, news_text
from tracker.models import Article, Outlet, Quote
from tracker.services.articles import ImportRejected, article_import
from tracker.services.imports import import_file

pytestmark = pytest.mark.django_db

maybe_text = st.one_of(st.none(), news_text(max_tokens=8))
dates = st.one_of(st.none(), st.sampled_from(["2024-01-02", "2024-13-45", "yesterday", "", "2023-11-06T10:00:00Z"]))
languages = st.one_of(st.none(), st.sampled_from(["ar", "en", "EN-gb", "xx", "<b>", "english", "\ud800", ""]))
urls = st.one_of(
    st.none(),
    st.sampled_from(
        [
            "https://example.org/a",
            "javascript:alert(1)",
            "http://x/\x00",
            "https://example.org/a\x00b",
            "https://example.org/a\x07b",
            "https://e.org/" + "a" * 3000,
        ]
    ),
    news_text(max_tokens=3),
)


def _counts() -> tuple[int, int, int]:
    return Article.objects.count(), Outlet.objects.count(), Quote.objects.count()


def _whole(article: Article) -> None:
    """A stored article is whole: clean text, and its quotes inside it."""
    article = Article.objects.get(pk=article.pk)
    for text in (article.title, article.body, article.outlet.name if article.outlet else ""):
        assert not any(0xD800 <= ord(c) <= 0xDFFF for c in text)
        assert not any(ord(c) < 32 and c not in "\n" for c in text), repr(text[:80])
    assert article.title and article.body and "\n" not in article.title
    document = article.document
    for quote in article.quotes.all():
        assert 0 <= quote.quote_start < quote.quote_end <= len(document)
        assert quote.quote_text == document[quote.quote_start : quote.quote_end]


@FUZZ
@given(
    title=maybe_text,
    body=news_text(max_tokens=200),
    outlet=maybe_text,
    url=urls,
    published=dates,
    language=languages,
    byline=st.one_of(st.just(""), news_text(max_tokens=4)),
)
def test_article_import_stores_a_whole_article_or_nothing(title, body, outlet, url, published, language, byline):
    before = _counts()
    try:
        result = article_import(
            title=title, body=body, outlet=outlet, url=url, published=published, language=language, byline=byline
        )
    except ImportRejected as exc:
        assert exc.messages and all(m.strip() for m in exc.messages)
        assert _counts() == before
        return
    if result.created:
        _whole(result.article)
        assert Article.objects.count() == before[0] + 1
    else:
        assert _counts() == before


jsonl_values = st.one_of(news_text(max_tokens=30), st.integers(), st.none(), st.lists(st.integers(), max_size=2))


@st.composite
def jsonl_line(draw) -> str:
    kind = draw(st.sampled_from(["object", "object", "object", "garbage", "odd"]))
    if kind == "garbage":
        return draw(news_text(max_tokens=10)).replace("\n", " ")
    if kind == "odd":
        return draw(st.sampled_from(["[" * 5000 + "]" * 5000, "1" * 5000, "[]", "null", '"text"', "{}", "{"]))
    obj = draw(
        st.dictionaries(
            st.sampled_from(["title", "text", "body", "outlet", "url", "published", "language", "byline", "x"]),
            jsonl_values,
            max_size=7,
        )
    )
    return json.dumps(obj, ensure_ascii=draw(st.booleans()))


@FUZZ
@given(lines=st.lists(jsonl_line(), max_size=6), newline=st.sampled_from(["\n", "\r\n"]))
# Cases earlier runs found: a BOM alone, a control-only file, a NUL read as UTF-16 that stops decoding.
@example(lines=["\ufeff "], newline="\n")
@example(lines=["\x1a "], newline="\n")
@example(lines=["minister \x00 قال "], newline="\n")
def test_jsonl_upload_reports_every_line_and_writes_only_whole_articles(lines, newline):
    before = Article.objects.count()
    data = newline.join(lines).encode("utf-8", "surrogatepass")
    summary = import_file(name="fuzz.jsonl", data=data)
    assert Article.objects.count() == before + len(summary.imported)
    for pk in summary.imported:
        _whole(Article.objects.get(pk=pk))
    whole_file = [r for r in summary.rejected if r.source == "fuzz.jsonl"]
    if whole_file:  # refused as binary: that is the one outcome
        assert summary.rejected == whole_file and not summary.imported and not summary.duplicates
        return
    if b"\x00" in data:
        return  # read as UTF-16: the lines are not the ones joined
    # One outcome per line that holds anything, each rejection with its line and a reason.
    # (A byte-order mark opening the file is not part of its first line.)
    bare = [line.removeprefix("\ufeff") if i == 0 else line for i, line in enumerate(lines)]
    blank = sum(1 for line in bare if not line.strip() and not _has_surrogate(line))
    assert len(summary.imported) + len(summary.duplicates) + len(summary.rejected) == len(lines) - blank
    for rejection in summary.rejected:
        assert rejection.source.startswith("fuzz.jsonl:") and rejection.reason.strip()


def _has_surrogate(text: str) -> bool:
    return any(0xD800 <= ord(c) <= 0xDFFF for c in text)


@FUZZ
@given(
    data=st.one_of(
        st.binary(max_size=3000),
        news_text(max_tokens=150).map(lambda t: t.encode("utf-8", "surrogatepass")),
        news_text(max_tokens=150).map(lambda t: t.encode("utf-16", "surrogatepass")),
        st.sampled_from(ODD).map(lambda c: ("Title\n" + c * 50).encode("utf-8", "surrogatepass")),
    ),
    suffix=st.sampled_from([".txt", ".html", ".jsonl", ".pdf"]),
)
@example(data=b"\xff\xfe\x00\x00" + b"\x00" * 13, suffix=".jsonl")
@example(data=b"\xff\xfe\x00\x01" + b"\x00" * 15 + b"\xd8\x00\x00", suffix=".jsonl")
def test_any_file_bytes_import_or_are_refused_with_a_message(data, suffix):
    before = Article.objects.count()
    summary = import_file(name=f"fuzz{suffix}", data=data)
    assert Article.objects.count() == before + len(summary.imported)
    for rejection in summary.rejected:
        assert rejection.reason.strip() and "fuzz" not in rejection.reason
    for pk in summary.imported:
        _whole(Article.objects.get(pk=pk))
