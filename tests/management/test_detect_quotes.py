from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.factories import ArticleFactory
from tracker.models import Article, Quote

pytestmark = pytest.mark.django_db

BODY = 'قالت وزيرة الصحة، ليلى منصور، إنّ "المستشفيات جاهزة لاستقبال الجرحى".'


def _run(*args) -> str:
    out = StringIO()
    call_command("detect_quotes", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_detect_given_articles_only():
    one = ArticleFactory(title="الصحة", body=BODY, language="ar")
    two = ArticleFactory(title="الصحة مرة أخرى", body=BODY + "\nخبر آخر.", language="ar")
    out = _run(str(one.pk))
    assert "Detected 1 articles: 1 quotes found, 0 kept from editors, 0 failed." in out
    assert one.quotes.get().quote_text == "المستشفيات جاهزة لاستقبال الجرحى"
    assert not two.quotes.exists()
    assert Article.objects.get(pk=one.pk).status == Article.Status.DETECTED


def test_detect_all_keeps_editors_quotes_and_counts_them():
    article = ArticleFactory(title="الصحة", body=BODY, language="ar")
    ArticleFactory(title="Council", body='The mayor said: "The bridge reopens in May."', language="en")
    _run("--all", "--no-progress")
    Quote.objects.filter(article=article).update(status=Quote.Status.ACCEPTED)
    out = _run("--all", "--no-progress")
    assert "Detected 2 articles:" in out
    assert "1 kept from editors" in out
    assert article.quotes.get().status == Quote.Status.ACCEPTED


@pytest.mark.parametrize("args", [(), ("--all", "1")])
def test_ids_or_all_exactly(args):
    with pytest.raises(CommandError, match="article ids or --all"):
        _run(*args)


def test_unknown_id_is_an_error_before_any_work():
    article = ArticleFactory(title="الصحة", body=BODY, language="ar")
    with pytest.raises(CommandError, match="No article with id 999"):
        _run(str(article.pk), "999")
    assert not article.quotes.exists()


@pytest.mark.django_db
def test_a_manual_run_clears_an_earlier_failure():
    article = ArticleFactory(detection_state=Article.Detection.FAILED, detection_error="RuntimeError: boom")
    call_command("detect_quotes", str(article.pk), stdout=StringIO(), stderr=StringIO())
    article.refresh_from_db()
    assert article.detection_state == Article.Detection.DONE and article.detection_error == ""
