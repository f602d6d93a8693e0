import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tracker.models import Article, Quote

pytestmark = pytest.mark.django_db


def test_import_folder_and_jsonl_with_summary(tmp_path):
    (tmp_path / "one.txt").write_text("First title\nThe mayor said the bridge would reopen.", encoding="utf-8")
    sub = tmp_path / "nested"
    sub.mkdir()
    (sub / "two.html").write_text(
        "<html><head><title>Second</title></head><body><article><p>The council said on Tuesday that the new"
        " budget would be published next month after a final vote.</p></article></body></html>",
        encoding="utf-8",
    )
    (sub / "ignored.png").write_bytes(b"\x89PNG")
    batch = tmp_path / "batch.jsonl"
    batch.write_text(
        json.dumps({"title": "Third", "text": "Body three.", "language": "en"}) + "\n{oops\n", encoding="utf-8"
    )
    out, err = StringIO(), StringIO()
    call_command("import_articles", str(tmp_path), "--language", "en", stdout=out, stderr=err)
    assert Article.objects.count() == 3
    summary = out.getvalue()
    assert "Imported 3, duplicates skipped 0, rejected 1" in summary
    assert "batch.jsonl:2" in summary

    out = StringIO()
    call_command("import_articles", str(tmp_path), "--no-progress", stdout=out, stderr=StringIO())
    assert "Imported 0, duplicates skipped 3, rejected 1" in out.getvalue()
    assert Article.objects.count() == 3


def test_missing_path_is_an_error():
    with pytest.raises(CommandError, match="no such file"):
        call_command("import_articles", "/nonexistent/path", stdout=StringIO(), stderr=StringIO())


def test_load_demo_is_idempotent():
    call_command("load_demo", stdout=StringIO())
    article = Article.objects.get()
    quotes = Quote.objects.count()
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "already loaded" in out.getvalue()
    assert Article.objects.get() == article and Quote.objects.count() == quotes
    assert article.language == "ar" and article.outlet.name == "Al Mayadeen"
    from django.contrib.auth import get_user_model

    assert get_user_model().objects.get(username="editor").check_password("editor")


def test_jsonl_streams_past_the_file_limit_but_not_past_the_line_limit(tmp_path, settings):
    settings.TRACKER_MAX_IMPORT_BYTES = 400
    lines = [json.dumps({"title": f"T{i}", "text": f"Short body number {i}.", "language": "en"}) for i in range(20)]
    lines.insert(5, json.dumps({"title": "Huge", "text": "word " * 200, "language": "en"}))
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert path.stat().st_size > settings.TRACKER_MAX_IMPORT_BYTES
    out = StringIO()
    call_command("import_articles", str(path), "--no-progress", stdout=out, stderr=StringIO())
    assert "Imported 20, duplicates skipped 0, rejected 1" in out.getvalue()
    assert "many.jsonl:6" in out.getvalue() and "over the limit" in out.getvalue()
    assert not Article.objects.filter(title="Huge").exists()


def test_txt_over_the_limit_is_rejected(tmp_path, settings):
    settings.TRACKER_MAX_IMPORT_BYTES = 100
    path = tmp_path / "big.txt"
    path.write_text("Title\n" + "word " * 50, encoding="utf-8")
    out = StringIO()
    call_command("import_articles", str(path), "--no-progress", stdout=out, stderr=StringIO())
    assert "rejected 1" in out.getvalue() and "over the import limit" in out.getvalue()
    assert not Article.objects.exists()


def test_import_urls_beside_files(tmp_path, web_server):
    from tests.conftest import article_page

    good = web_server.page(
        "/story",
        article_page(
            title="Port strike ends",
            paragraphs=["Dock workers said on Friday that the strike was over after a new pay deal was signed."],
        ),
    )
    missing = web_server.url + "/missing"
    (tmp_path / "one.txt").write_text("First title\nThe mayor said the bridge would reopen.", encoding="utf-8")
    out = StringIO()
    call_command("import_articles", good, missing, str(tmp_path), "--no-progress", stdout=out, stderr=StringIO())
    assert "Imported 2, duplicates skipped 0, rejected 1" in out.getvalue()
    assert f"rejected {missing}: " in out.getvalue() and "404" in out.getvalue()
    assert Article.objects.filter(url=good, title="Port strike ends").exists()
    out = StringIO()
    call_command("import_articles", good, "--no-progress", stdout=out, stderr=StringIO())
    assert "Imported 0, duplicates skipped 1, rejected 0" in out.getvalue()
