"""Quote sheets: CSV and JSON stream row by row (flat memory at any size); XLSX is written with
openpyxl's write-only workbook; PDF is rendered by WeasyPrint (HarfBuzz shapes the Arabic)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterator

from django.db.models import QuerySet
from django.template.loader import render_to_string

from tracker.models import Quote

COLUMNS = ["quote", "speaker", "kind", "via", "article", "outlet", "date", "url", "link", "status", "language"]
HEADERS = ["Quote", "Speaker", "Kind", "Via", "Article", "Outlet", "Date", "URL", "Link", "Review status", "Language"]
CHUNK = 2000
PDF_MAX_ROWS = 2000
RTL_LANGUAGES = {"ar", "fa", "ur", "he"}
# A spreadsheet reads a cell starting with one of these as a formula (OWASP, "CSV Injection").
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# Excel refuses these in a sheet title, and a title of more than 31 characters or one that starts
# or ends with an apostrophe; "History" is reserved.
_SHEET_TITLE_INVALID = re.compile(r"[\\/?*:\[\]\x00-\x1f]+")
SHEET_TITLE_MAX = 31
LINK_COLUMNS = ("url", "link")


def sheet_title(title: str) -> str:
    """A title Excel accepts: "غزة: موقف واشنطن" becomes "غزة - موقف واشنطن"."""
    cleaned = _SHEET_TITLE_INVALID.sub(" - ", title or "")
    cleaned = " ".join(cleaned.split()).strip(" -'")[:SHEET_TITLE_MAX].strip(" -'")
    if not cleaned or cleaned.casefold() == "history":
        return "Quotes"
    return cleaned


def neutralise_formula(value):
    """Text a spreadsheet would run as a formula, with a leading apostrophe so that it shows as text."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def is_formula_like(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_TRIGGERS)


# Indirect speech is what the article says someone said, not their words: sheets say so.
KIND_LABELS = {**dict(Quote.Kind.choices), Quote.Kind.INDIRECT: "Indirect (reported speech)"}


def export_queryset(qs: QuerySet) -> QuerySet:
    """Only the columns a sheet needs: the article body stays in the database."""
    return qs.select_related("speaker", "via", "article", "article__outlet").only(
        "id",
        "quote_text",
        "kind",
        "status",
        "quote_start",
        "speaker__name",
        "via__name",
        "article__id",
        "article__title",
        "article__url",
        "article__published",
        "article__language",
        "article__outlet__name",
    )


def export_rows(qs: QuerySet, *, link_base: str = "", limit: int | None = None) -> Iterator[dict]:
    kinds, statuses = KIND_LABELS, dict(Quote.Status.choices)
    qs = export_queryset(qs)
    if limit is not None:
        qs = qs[:limit]
    for quote in qs.iterator(chunk_size=CHUNK):
        article = quote.article
        yield {
            "quote": quote.quote_text,
            "speaker": quote.speaker.name if quote.speaker_id else "",
            "kind": kinds.get(quote.kind, quote.kind),
            "via": quote.via.name if quote.via_id else "",
            "article": article.title,
            "outlet": article.outlet.name if article.outlet_id else "",
            "date": article.published.isoformat() if article.published else "",
            "url": article.url or "",
            "link": f"{link_base}/articles/{article.id}/#quote-{quote.id}",
            "status": statuses.get(quote.status, quote.status),
            "language": article.language,
        }


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_stream(qs: QuerySet, *, link_base: str = "", limit: int | None = None) -> Iterator[str]:
    """UTF-8 CSV with a byte-order mark so that Excel opens Arabic correctly."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(HEADERS)
    lines = []
    for row in export_rows(qs, link_base=link_base, limit=limit):
        lines.append(writer.writerow([neutralise_formula(row[c]) for c in COLUMNS]))
        if len(lines) >= 200:
            yield "".join(lines)
            lines = []
    if lines:
        yield "".join(lines)


def json_stream(qs: QuerySet, *, link_base: str = "") -> Iterator[str]:
    """A JSON array, one object a line."""
    yield "["
    first = True
    for row in export_rows(qs, link_base=link_base):
        yield ("\n" if first else ",\n") + json.dumps(row, ensure_ascii=False)
        first = False
    yield "\n]\n"


def sheet_is_rtl(qs: QuerySet) -> bool:
    """Right to left when most quotes come from right-to-left articles."""
    total = qs.count()
    return bool(total) and qs.filter(article__language__in=RTL_LANGUAGES).count() * 2 >= total


def xlsx_bytes(qs: QuerySet, *, link_base: str = "", title: str = "Quotes") -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title=sheet_title(title))
    rtl = sheet_is_rtl(qs)
    ws.sheet_view.rightToLeft = rtl
    ws.freeze_panes = "A2"  # the header row stays in view
    for letter, width in zip("ABCDEFGHIJK", [70, 24, 12, 20, 50, 20, 12, 40, 40, 14, 8], strict=True):
        ws.column_dimensions[letter].width = width
    bold = Font(bold=True)
    link_font = Font(color="0563C1", underline="single")
    header = []
    for text in HEADERS:
        cell = WriteOnlyCell(ws, value=text)
        cell.font = bold
        header.append(cell)
    ws.append(header)
    wrap = {"ar": Alignment(wrap_text=True, vertical="top", readingOrder=2, horizontal="right")}
    default = Alignment(wrap_text=True, vertical="top")
    for row in export_rows(qs, link_base=link_base):
        cells = []
        for column in COLUMNS:
            value = row[column]
            if column == "date" and value:
                value = dt.date.fromisoformat(value)
            cell = WriteOnlyCell(ws, value=value)
            if is_formula_like(value):
                # Stored as text, never as a formula; Excel shows it as typed (no visible apostrophe).
                cell.data_type = "s"
                cell.quotePrefix = True
            if column == "date" and value:
                cell.number_format = "yyyy-mm-dd"
            if column in LINK_COLUMNS and value.startswith(("http://", "https://")):
                cell.hyperlink = value
                cell.font = link_font
            cell.alignment = wrap.get(row["language"], default) if column in ("quote", "article") else default
            cells.append(cell)
        ws.append(cells)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def pdf_bytes(qs: QuerySet, *, link_base: str = "", title: str = "Quote sheet", subtitle: str = "") -> bytes:
    """A print-ready sheet (A4). Capped at PDF_MAX_ROWS rows; the sheet says so when it is."""
    from weasyprint import HTML

    rows = []
    for row in export_rows(qs, link_base=link_base, limit=PDF_MAX_ROWS + 1):
        row["rtl"] = row["language"] in RTL_LANGUAGES
        row["reported"] = row["kind"] == KIND_LABELS[Quote.Kind.INDIRECT]
        rows.append(row)
    truncated = len(rows) > PDF_MAX_ROWS
    html = render_to_string(
        "exports/quote_sheet.html",
        {
            "rows": rows[:PDF_MAX_ROWS],
            "title": title,
            "subtitle": subtitle,
            "truncated": truncated,
            "max_rows": PDF_MAX_ROWS,
            "rtl": sheet_is_rtl(qs),
        },
    )
    return HTML(string=html, base_url=link_base or None).write_pdf()
