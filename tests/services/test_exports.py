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
