"""Files to articles: .txt, .html and .jsonl, all ending in article_import."""

from __future__ import annotations

import codecs
import io
import json
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from charset_normalizer import from_bytes
from django.conf import settings
from django.db import DatabaseError

from tracker.services.articles import ImportRejected, ImportResult, article_import, clean_title

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
    reason: str  # says what is wrong, without repeating the file name or line

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass
class ImportSummary:
    # Article ids, not objects: an import of 50,000 articles must not hold them all.
    imported: list[int] = field(default_factory=list)
    duplicates: list[int] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    on_article: Callable[[], None] | None = None  # progress hook

    def add(self, result: ImportResult) -> None:
        (self.imported if result.created else self.duplicates).append(result.article.pk)
        if self.on_article:
            self.on_article()

    def merge(self, other: ImportSummary) -> None:
        self.imported += other.imported
        self.duplicates += other.duplicates
        self.rejected += other.rejected


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _bom_encoding(data: bytes) -> str | None:
    # UTF-32 LE starts with the UTF-16 LE mark, so it is looked for first.
    return next((encoding for bom, encoding in _BOMS if data.startswith(bom)), None)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a byte-order mark: its NUL bytes (the high byte of every space,
    digit and Latin letter) all fall on one side, odd offsets for little-endian."""
    sample = data[:8192]
    if len(sample) < 4 or len(data) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd and not even:
        return "utf-16-le"
    if even and not odd:
        return "utf-16-be"
    return None


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return bool(sample) and control / len(sample) > 0.05


def decode_text(data: bytes, name: str) -> str:
    """Bytes to text: a byte-order mark's encoding, UTF-8, UTF-16 (whose NUL bytes would look
    binary), then charset detection; binary and undecodable files are refused."""
    encoding = _bom_encoding(data) or _utf16_without_bom(data)
    if encoding:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            raise ImportRejected(f"the text could not be decoded as {encoding.upper()}.") from None
        if not _looks_binary(text.encode("utf-8", "replace")):
            return text.lstrip("\ufeff")
    if _looks_binary(data):
        raise ImportRejected("this is a binary file, not text.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.chaos > 0.2:
        raise ImportRejected("the text could not be decoded (not UTF-8, and no other encoding fits).")
    logger.info("decoded %s as %s", name, best.encoding)
    return str(best)


def check_size(size: int, name: str) -> None:
    limit = settings.TRACKER_MAX_IMPORT_BYTES
    if size > limit:
        raise ImportRejected(f"{size:,} bytes is over the import limit of {limit:,} bytes.")


def parse_txt(text: str, name: str) -> ArticleInput:
    title, _, body = text.lstrip("\ufeff").strip().partition("\n")
    if not title.strip() or not body.strip():
        raise ImportRejected("a .txt file needs a title on its first line and the text below it.")
    return ArticleInput(title=title, body=body)


def parse_html(html: str, name: str) -> ArticleInput:
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        include_comments=False,
        include_tables=False,
        with_metadata=True,
        favor_precision=True,
        # The date from the page's metadata or none: the extensive search takes a footer's
        # "© 2024" for the publication date.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    body = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not body:
        raise ImportRejected("no article text found in this HTML page.")
    title = (getattr(doc, "title", None) or "").strip()
    if not title:
        title, _, rest = body.partition("\n")
        body = rest.strip() or body
    # The headline is also the page's first line of text; stored once, as the title.
    first, _, rest = body.partition("\n")
    if rest.strip() and clean_title(first).casefold() == clean_title(title).casefold():
        body = rest.strip()
    return ArticleInput(
        title=title,
        body=body,
        outlet=getattr(doc, "sitename", None) or None,
        url=getattr(doc, "url", None) or None,
        published=getattr(doc, "date", None) or None,
        byline=getattr(doc, "author", None) or "",
    )


_JSONL_FIELDS = {"title", "text", "body", "outlet", "url", "published", "language", "byline"}


def parse_jsonl(lines: Iterable[bytes | str], name: str) -> Iterator[ArticleInput | Rejection]:
    """One article per line. Lines are read one at a time, so a file of any length streams;
    the size limit applies to each line."""
    limit = settings.TRACKER_MAX_IMPORT_BYTES
    for number, raw in enumerate(lines, start=1):
        where = f"{name}:{number}"
        if len(raw) > limit:
            yield Rejection(where, f"the line is {len(raw):,} bytes, over the limit of {limit:,} bytes.")
            continue
        if isinstance(raw, _Undecodable):
            yield Rejection(where, f"the file is not valid {raw} from this line on; nothing after it was read.")
            return
        if isinstance(raw, bytes):
            try:
                raw = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                yield Rejection(where, "the line is not UTF-8 text.")
                continue
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            yield Rejection(where, f"not valid JSON ({exc.msg}).")
            continue
        except (ValueError, RecursionError):
            # An integer of thousands of digits, or arrays nested thousands deep.
            yield Rejection(where, "not valid JSON for an article (a number too long or nesting too deep).")
            continue
        if not isinstance(obj, dict):
            yield Rejection(where, "not a JSON object.")
            continue
        values = {k: obj.get(k) for k in _JSONL_FIELDS}
        wrong = [k for k, v in values.items() if v is not None and not isinstance(v, str)]
        if wrong:
            yield Rejection(where, f"field {wrong[0]!r} must be a string.")
            continue
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
        raise ImportRejected(f"unsupported file type {suffix or '(none)'}; use .txt, .html or .jsonl.")
    check_size(len(data), name)
    if suffix == ".jsonl":
        yield from parse_jsonl(_jsonl_lines(data, io.BytesIO(data)), name)
        return
    text = decode_text(data, name)
    if suffix == ".txt":
        yield parse_txt(text, name)
    else:
        yield parse_html(text, name)


def _jsonl_lines(head: bytes, stream) -> Iterable[bytes | str]:
    """A JSONL file's lines, the same for an upload and for the command's stream: UTF-8 bytes
    (each line decoded on its own, so one bad line is one rejection), or text for a UTF-16/32
    file. Only "\n" ends a line: JSON strings may hold U+2028, U+0085 and the other characters
    str.splitlines() would also split on. ``head`` is the file's start, for the checks."""
    encoding = _bom_encoding(head) or _utf16_without_bom(head)
    if encoding:
        return _decoded_lines(io.TextIOWrapper(stream, encoding=encoding, newline="\n"), encoding)
    if _looks_binary(head):
        raise ImportRejected("this is a binary file, not text.")
    return stream


class _Undecodable(str):
    """Stands for the rest of a file that stopped decoding; parse_jsonl reports it."""


def _decoded_lines(text: io.TextIOWrapper, encoding: str) -> Iterator[str]:
    try:
        yield from text
    except UnicodeDecodeError:
        yield _Undecodable(encoding.upper())


def import_items(
    items: Iterable[ArticleInput | Rejection], *, name: str, summary: ImportSummary, created_by=None, defaults=None
) -> ImportSummary:
    """Import parsed articles one by one. Each is its own transaction, so a bad one is
    reported and the good ones stay."""
    try:
        for item in items:
            if isinstance(item, Rejection):
                summary.rejected.append(item)
                continue
            given = {k: v for k, v in item.__dict__.items() if v not in (None, "") and k != "source"}
            # Title and text always go through, so that a missing one is refused with its reason.
            given.update(title=item.title, body=item.body)
            try:
                summary.add(article_import(**{**(defaults or {}), **given}, created_by=created_by))
            except ImportRejected as exc:
                summary.rejected.append(Rejection(item.source or name, " ".join(exc.messages)))
            except DatabaseError as exc:
                # The article's own transaction rolled back; the rest of the file goes on.
                logger.exception(
                    "import database error source=%s",
                    item.source or name,
                    extra={"event": "import_database_error", "source": item.source or name},
                )
                summary.rejected.append(Rejection(item.source or name, f"database error, nothing stored ({exc})."))
    except ImportRejected as exc:
        summary.rejected.append(Rejection(name, " ".join(exc.messages)))
    return summary


def import_file(*, name: str, data: bytes, created_by=None, defaults: dict | None = None) -> ImportSummary:
    """Import every article in one uploaded file (the size limit applies to the whole file)."""
    return import_items(
        parse_file(name, data), name=name, summary=ImportSummary(), created_by=created_by, defaults=defaults
    )


def import_path(*, path: Path, summary: ImportSummary, created_by=None, defaults: dict | None = None) -> ImportSummary:
    """Import a file from disk. JSONL streams line by line, so its size is unlimited but each
    line's is not; other files must be under the limit."""
    name = str(path)
    if path.suffix.lower() == ".jsonl":
        with path.open("rb") as fh:
            head = fh.read(8192)
            fh.seek(0)
            try:
                lines = _jsonl_lines(head, fh)
            except ImportRejected as exc:
                summary.rejected.append(Rejection(name, " ".join(exc.messages)))
                return summary
            return import_items(
                parse_jsonl(lines, name), name=name, summary=summary, created_by=created_by, defaults=defaults
            )
    try:
        check_size(path.stat().st_size, name)
    except ImportRejected as exc:
        summary.rejected.append(Rejection(name, " ".join(exc.messages)))
        return summary
    return import_items(
        parse_file(name, path.read_bytes()), name=name, summary=summary, created_by=created_by, defaults=defaults
    )
