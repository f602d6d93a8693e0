import json

import pytest

from tracker.models import Article
from tracker.services.imports import import_file

pytestmark = pytest.mark.django_db


def _import(name: str, data: bytes):
    return import_file(name=name, data=data, defaults={"language": "en"})


def test_txt_first_line_is_title():
    summary = _import("a.txt", b"Ceasefire talks\nThe envoy said talks would resume.\nMore later.")
    article = Article.objects.get(pk=summary.imported[0])
    assert article.title == "Ceasefire talks"
    assert article.body == "The envoy said talks would resume.\nMore later."


def test_txt_in_legacy_encoding_is_decoded():
    text = "عنوان الخبر\nقال المتحدث إنّ الاجتماع انتهى دون اتفاق، وإنّ جولة جديدة ستعقد قريباً في القاهرة."
    summary = import_file(name="legacy.txt", data=text.encode("cp1256"))
    assert not summary.rejected, summary.rejected
    article = Article.objects.get(pk=summary.imported[0])
    assert article.title == "عنوان الخبر" and "الاجتماع" in article.body


def test_html_main_text_extracted_without_markup_or_scripts():
    html = b"""<html><head><title>Envoy speaks</title><script>var tracking = "secret";</script></head>
    <body><nav>Home | World | Sport</nav><article><h1>Envoy speaks</h1>
    <p>The envoy said on Monday that the negotiations would continue through the week.</p>
    <p>She added that both delegations had agreed to meet again in Geneva.</p>
    <script>alert("x")</script></article><footer>Copyright</footer></body></html>"""
    summary = _import("page.html", html)
    assert not summary.rejected, summary.rejected
    article = Article.objects.get(pk=summary.imported[0])
    assert "negotiations would continue" in article.body
    for leaked in ("<", "alert", "tracking", "secret"):
        assert leaked not in article.body


def test_html_with_only_scripts_rejected():
    summary = _import(
        "empty.html", b"<html><head><script>var a = 1;</script></head><body><script>x()</script></body></html>"
    )
    assert not summary.imported
    assert "no article text" in summary.rejected[0].reason
    assert not Article.objects.exists()


def test_jsonl_good_lines_import_and_broken_line_reported_with_number():
    lines = [
        json.dumps({"title": "One", "text": "First article text.", "outlet": "Wire", "language": "en"}),
        '{"title": "Two", "text": broken',
        json.dumps({"title": "Three", "text": "Third article text.", "published": "2024-01-02", "language": "en"}),
        json.dumps({"title": "Four", "text": "   "}),
    ]
    summary = _import("batch.jsonl", "\n".join(lines).encode())
    assert [Article.objects.get(pk=pk).title for pk in summary.imported] == ["One", "Three"]
    reasons = {r.source: r.reason for r in summary.rejected}
    assert "batch.jsonl:2" in reasons and "not valid JSON" in reasons["batch.jsonl:2"]
    assert "batch.jsonl:4" in reasons and "empty" in reasons["batch.jsonl:4"]
    assert Article.objects.count() == 2
    assert str(Article.objects.get(title="Three").published) == "2024-01-02"


def test_binary_file_rejected():
    summary = _import("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert "binary" in summary.rejected[0].reason
    assert not Article.objects.exists()


def test_undecodable_text_rejected():
    data = bytes([0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x28, 0x8C, 0xBC]) * 40
    summary = _import("noise.txt", data)
    assert summary.rejected and not summary.imported
    assert not Article.objects.exists()


def test_file_over_limit_rejected(settings):
    settings.TRACKER_MAX_IMPORT_BYTES = 100
    summary = _import("big.txt", b"Title\n" + b"word " * 50)
    assert "over the import limit" in summary.rejected[0].reason
    assert not Article.objects.exists()


def test_unsupported_suffix_rejected():
    summary = _import("doc.pdf", b"%PDF-1.4")
    assert "unsupported file type" in summary.rejected[0].reason


def test_duplicates_counted_not_stored_twice():
    data = b"Same title\nSame body text."
    _import("a.txt", data)
    summary = _import("b.txt", data)
    assert len(summary.duplicates) == 1 and not summary.imported
    assert Article.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_database_error_mid_import_rolls_that_article_back_and_goes_on(monkeypatch):
    from django.db import DatabaseError

    from tracker.services import detection_queue

    real = detection_queue.article_detection_enqueue

    def enqueue(*, article):
        if article.title == "Two":
            raise DatabaseError("could not serialize access")
        real(article=article)

    # The failure comes after the article row is written, inside its transaction.
    monkeypatch.setattr(detection_queue, "article_detection_enqueue", enqueue)
    lines = [json.dumps({"title": t, "text": f"Body of {t}.", "language": "en"}) for t in ("One", "Two", "Three")]
    summary = _import("batch.jsonl", "\n".join(lines).encode())
    assert sorted(Article.objects.values_list("title", flat=True)) == ["One", "Three"]
    assert len(summary.imported) == 2
    assert summary.rejected[0].source == "batch.jsonl:2" and "database error" in summary.rejected[0].reason


HEADLINE_PAGE = """<html><head><title>Envoy speaks on talks</title>{meta}</head>
<body><article><h1>Envoy speaks on talks</h1>
<p>The envoy said on Monday that the negotiations would continue through the week and beyond.</p>
<p>She added that both delegations had agreed to meet again in Geneva next month.</p>
</article><footer>© 2024 Example News. All rights reserved.</footer></body></html>"""


def test_html_headline_is_stored_once_as_the_title():
    summary = _import("page.html", HEADLINE_PAGE.format(meta="").encode())
    article = Article.objects.get(pk=summary.imported[0])
    assert article.title == "Envoy speaks on talks"
    assert article.body.startswith("The envoy said on Monday")
    assert "Envoy speaks on talks" not in article.body


def test_html_date_comes_from_metadata_never_from_a_copyright_footer():
    summary = _import("page.html", HEADLINE_PAGE.format(meta="").encode())
    assert Article.objects.get(pk=summary.imported[0]).published is None
    meta = '<meta property="article:published_time" content="2023-11-06T10:00:00Z">'
    page = HEADLINE_PAGE.format(meta=meta).replace("Monday", "Tuesday")
    summary = _import("dated.html", page.encode())
    assert str(Article.objects.get(pk=summary.imported[0]).published) == "2023-11-06"
