"""Files to articles: .txt, .html and .jsonl, all ending in article_import."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from charset_normalizer import from_bytes
from django.conf import settings

from tracker.services.articles import ImportRejected, ImportResult, article_import

logger = logging.getLogger("tracker.import")

SUPPORTED_SUFFIXES = {".txt", ".html", ".htm", ".jsonl"}


@dataclass(frozen=True)
class ArticleInput:
    title: str
    body: str
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    byline: str = ""
    source: str = ""  # where it came from, for messages: "file.jsonl:12"


@dataclass(frozen=True)
class Rejection:
    source: str  # file name, with ":line" for JSONL
    reason: str


@dataclass
class ImportSummary:
    imported: list = field(default_factory=list)
    duplicates: list = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)

    def add(self, result: ImportResult) -> None:
        (self.imported if result.created else self.duplicates).append(result.article)

    def merge(self, other: ImportSummary) -> None:
        self.imported += other.imported
        self.duplicates += other.duplicates
        self.rejected += other.rejected


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return bool(sample) and control / len(sample) > 0.05


def decode_text(data: bytes, name: str) -> str:
    """Bytes to text: UTF-8 first, then charset detection; binary and undecodable files are refused."""
    if _looks_binary(data):
        raise ImportRejected(f"{name}: this is a binary file, not text.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.chaos > 0.2:
        raise ImportRejected(f"{name}: the text could not be decoded (not UTF-8, and no other encoding fits).")
    logger.info("decoded %s as %s", name, best.encoding)
    return str(best)


def check_size(size: int, name: str) -> None:
    limit = settings.TRACKER_MAX_IMPORT_BYTES
    if size > limit:
        raise ImportRejected(f"{name}: {size:,} bytes is over the import limit of {limit:,} bytes.")


def parse_txt(text: str, name: str) -> ArticleInput:
    title, _, body = text.lstrip("\ufeff").strip().partition("\n")
    if not title.strip() or not body.strip():
        raise ImportRejected(f"{name}: a .txt file needs a title on its first line and the text below it.")
    return ArticleInput(title=title, body=body)


def parse_html(html: str, name: str) -> ArticleInput:
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, with_metadata=True, favor_precision=True
    )
    body = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not body:
        raise ImportRejected(f"{name}: no article text found in this HTML page.")
    title = (getattr(doc, "title", None) or "").strip()
    if not title:
        title, _, rest = body.partition("\n")
        body = rest.strip() or body
    return ArticleInput(
        title=title,
        body=body,
        outlet=getattr(doc, "sitename", None) or None,
        url=getattr(doc, "url", None) or None,
        published=getattr(doc, "date", None) or None,
        byline=getattr(doc, "author", None) or "",
    )


_JSONL_FIELDS = {"title", "text", "body", "outlet", "url", "published", "language", "byline"}


def parse_jsonl(text: str, name: str) -> Iterator[ArticleInput | Rejection]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejection(where, f"line {number} is not valid JSON ({exc.msg}).")
            continue
        if not isinstance(obj, dict):
            yield Rejection(where, f"line {number} is not a JSON object.")
            continue
        values = {k: obj.get(k) for k in _JSONL_FIELDS}
        for key, value in values.items():
            if value is not None and not isinstance(value, str):
                if key == "published" and isinstance(value, int | float):
                    continue
                yield Rejection(where, f"line {number}: field {key!r} must be a string.")
                break
        else:
            yield ArticleInput(
                title=values["title"] or "",
                body=values["text"] or values["body"] or "",
                outlet=values["outlet"],
                url=values["url"],
                published=values["published"],
                language=values["language"],
                byline=values["byline"] or "",
                source=where,
            )


def parse_file(name: str, data: bytes) -> Iterator[ArticleInput | Rejection]:
    """Parse one uploaded or local file; errors of the whole file raise ImportRejected."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ImportRejected(f"{name}: unsupported file type {suffix or '(none)'}; use .txt, .html or .jsonl.")
    check_size(len(data), name)
    text = decode_text(data, name)
    if suffix == ".txt":
        yield parse_txt(text, name)
    elif suffix in {".html", ".htm"}:
        yield parse_html(text, name)
    else:
        yield from parse_jsonl(text, name)


def import_file(*, name: str, data: bytes, created_by=None, defaults: dict | None = None) -> ImportSummary:
    """Import every article in one file. Each article is its own transaction, so a bad
    one is reported and the good ones stay."""
    summary = ImportSummary()
    try:
        for item in parse_file(name, data):
            if isinstance(item, Rejection):
                summary.rejected.append(item)
                continue
            given = {k: v for k, v in item.__dict__.items() if v not in (None, "") and k != "source"}
            try:
                summary.add(article_import(**{**(defaults or {}), **given}, created_by=created_by))
            except ImportRejected as exc:
                summary.rejected.append(Rejection(item.source or name, " ".join(exc.messages)))
    except ImportRejected as exc:
        summary.rejected.append(Rejection(name, " ".join(exc.messages)))
    return summary
