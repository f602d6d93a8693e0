"""Quote sheets opened back with their own readers; the PDF also rendered to PNG."""

import csv
import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.factories import OutletFactory, SpeakerFactory, quote_with_text
from tracker.models import Quote
from tracker.services import exports

pytestmark = pytest.mark.django_db

ARABIC = "نريد هدنة إنسانية فورية في غزة"
ENGLISH = "A ceasefire must free the hostages"


@pytest.fixture
def quotes():
    kirby = SpeakerFactory(name="جون كيربي")
    outlet = OutletFactory(name="الميادين")
    return [
        quote_with_text(ARABIC, language="ar", speaker=kirby, outlet=outlet, status=Quote.Status.ACCEPTED),
        quote_with_text(ENGLISH, speaker=SpeakerFactory(name="John Kirby"), via=SpeakerFactory(name="Reuters")),
    ]


def qs():
    return Quote.objects.order_by("pk")


def test_csv_is_utf8_with_bom_and_reads_back(quotes):
    data = "".join(exports.csv_stream(qs(), link_base="http://testserver")).encode()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [r["Quote"] for r in rows] == [ARABIC, ENGLISH]
    assert rows[0]["Speaker"] == "جون كيربي" and rows[0]["Outlet"] == "الميادين"
    assert rows[0]["Review status"] == "Accepted" and rows[1]["Via"] == "Reuters"
    assert rows[1]["Link"] == f"http://testserver/articles/{quotes[1].article_id}/#quote-{quotes[1].pk}"
    assert list(rows[0]) == exports.HEADERS


def test_csv_is_a_stream_of_small_pieces(quotes):
    stream = exports.csv_stream(qs())
    assert not isinstance(stream, (str, bytes, list))
    assert next(stream).startswith("\ufeffQuote,")


def test_json_reads_back(quotes):
    rows = json.loads("".join(exports.json_stream(qs())))
    assert rows[0]["quote"] == ARABIC and rows[1]["speaker"] == "John Kirby" and rows[1]["kind"] == "Direct"
    assert json.loads("".join(exports.json_stream(Quote.objects.none()))) == []


def test_xlsx_reads_back_and_is_right_to_left_for_arabic(quotes):
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(exports.xlsx_bytes(Quote.objects.filter(article__language="ar"))))
    ws = wb.active
    assert ws.sheet_view.rightToLeft is True
    assert [c.value for c in ws[1]] == exports.HEADERS and ws["A2"].value == ARABIC
    ws = load_workbook(io.BytesIO(exports.xlsx_bytes(Quote.objects.filter(article__language="en")))).active
    assert not ws.sheet_view.rightToLeft and ws["A2"].value == ENGLISH


def test_pdf_text_extracts_and_renders(quotes, tmp_path):
    from pypdf import PdfReader

    pdf = exports.pdf_bytes(qs(), title="Quote sheet", subtitle="كيربي")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "ceasefire" in text and "Kirby" in text
    # Arabic is stored shaped (presentation forms or logical order, depending on the extractor): fold both.
    import unicodedata

    folded = unicodedata.normalize("NFKC", text)
    assert "هدنة" in folded or "هدنة"[::-1] in folded
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    (tmp_path / "sheet.pdf").write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "110", "-f", "1", "-l", "1", str(tmp_path / "sheet.pdf"), str(tmp_path / "p")],
        check=True,
    )
    png = next(tmp_path.glob("p*.png"))
    assert png.stat().st_size > 10_000
    keep = Path("var/test-artifacts")
    keep.mkdir(parents=True, exist_ok=True)
    shutil.copy(png, keep / "quote-sheet.png")


# Sheet titles, header, dates and links (issue 10, item 1) ------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "غزة: واشنطن تؤكد موقفها",
        "Q&A / what next?",
        "Star * [breaking]",
        "back\\slash",
        "'quoted'",
        "History",
        "::::",
        "",
        "ن" * 200,
    ],
)
def test_xlsx_accepts_any_article_title_as_sheet_title(quotes, title):
    from openpyxl import load_workbook

    ws = load_workbook(io.BytesIO(exports.xlsx_bytes(qs(), title=title))).active
    assert ws.title and len(ws.title) <= 31
    assert not set(ws.title) & set(":/\\?*[]") and not ws.title.startswith("'") and not ws.title.endswith("'")
    assert ws["A2"].value == ARABIC


def test_sheet_title_keeps_the_words():
    assert exports.sheet_title("غزة: واشنطن تؤكد") == "غزة - واشنطن تؤكد"
    assert exports.sheet_title("History") == "Quotes" and exports.sheet_title("?*") == "Quotes"


def test_xlsx_header_is_frozen_dates_are_dates_and_links_are_links(db):
    import datetime as dt

    from openpyxl import load_workbook

    quote = quote_with_text(ENGLISH, published=dt.date(2023, 11, 6))
    quote.article.url = "https://example.org/story"
    quote.article.save()
    ws = load_workbook(io.BytesIO(exports.xlsx_bytes(qs(), link_base="http://testserver"))).active
    assert ws.freeze_panes == "A2"
    date = ws.cell(row=2, column=exports.COLUMNS.index("date") + 1)
    assert date.value.date() == dt.date(2023, 11, 6) and date.is_date
    url = ws.cell(row=2, column=exports.COLUMNS.index("url") + 1)
    assert url.hyperlink.target == "https://example.org/story"
    link = ws.cell(row=2, column=exports.COLUMNS.index("link") + 1)
    assert link.hyperlink.target == f"http://testserver/articles/{quote.article_id}/#quote-{quote.pk}"


# Formula injection (issue 10, item 2) --------------------------------------------------------

FORMULAS = ['=HYPERLINK("http://evil.example","click")', "+1+2", "-2+3", "@SUM(A1)", "\tx", "\r=1"]


@pytest.fixture
def formula_quotes(db):
    from tests.factories import ArticleFactory, QuoteFactory

    made = []
    for i, text in enumerate(FORMULAS):
        title = f"{text} title {i}"
        body = f"Report.\n«{text}»"
        article = ArticleFactory(title=title, body=body, outlet=OutletFactory(name=f"{text} outlet"))
        start = article.document.index(text)
        made.append(
            QuoteFactory(
                article=article,
                quote_start=start,
                quote_end=start + len(text),
                speaker=SpeakerFactory(name=f"{text} speaker"),
            )
        )
    return made


def test_csv_prefixes_formula_like_cells_with_an_apostrophe(formula_quotes):
    data = "".join(exports.csv_stream(qs()))
    rows = list(csv.DictReader(io.StringIO(data.lstrip("\ufeff"))))
    assert [r["Quote"] for r in rows] == ["'" + f for f in FORMULAS]
    for row, text in zip(rows, FORMULAS, strict=True):
        assert row["Speaker"] == f"'{text} speaker" and row["Outlet"] == f"'{text} outlet"
        assert row["Article"].startswith("'")


def test_xlsx_writes_formula_like_cells_as_text(formula_quotes):
    import zipfile

    from openpyxl import load_workbook

    data = exports.xlsx_bytes(qs())
    sheet_xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml  # no formula element anywhere
    ws = load_workbook(io.BytesIO(data)).active
    for row, text in enumerate(FORMULAS, start=2):
        for column in ("quote", "speaker", "outlet"):
            cell = ws.cell(row=row, column=exports.COLUMNS.index(column) + 1)
            assert cell.data_type == "s" and cell.value.startswith(text), (column, cell.value)
        assert ws.cell(row=row, column=1).quotePrefix


def test_json_and_pdf_show_formula_like_text_unchanged(formula_quotes):
    from pypdf import PdfReader

    rows = json.loads("".join(exports.json_stream(qs())))
    assert [r["quote"] for r in rows] == FORMULAS
    pdf = exports.pdf_bytes(qs())
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert '=HYPERLINK("http://evil.example","click")' in text and "'=" not in text


def test_sheets_mark_indirect_speech_as_reported_and_keep_the_footer_left_to_right(quotes, tmp_path):
    from pypdf import PdfReader

    Quote.objects.filter(pk=quotes[0].pk).update(kind=Quote.Kind.INDIRECT)
    rows = list(exports.export_rows(qs()))
    assert rows[0]["kind"] == "Indirect (reported speech)" and rows[1]["kind"] == "Direct"
    # Most quotes here are Arabic: the sheet's frame still reads "Page 1 of 1", not "1 / 1" mirrored.
    Quote.objects.filter(pk=quotes[1].pk).update(quote_text=ENGLISH)
    pdf = exports.pdf_bytes(qs(), title="Quote sheet")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Page 1 of 1" in text and "Reported speech:" in text
    assert f"«{ENGLISH}»" in text  # a direct quote keeps its quotation marks
