import pytest

from tracker.models import Article, Outlet
from tracker.services.articles import ImportRejected, article_import

pytestmark = pytest.mark.django_db

ARABIC_BODY = (
    "قال وزير الخارجية إنّ المحادثات ستستمر خلال الأسبوع المقبل.\nوأضاف أنّ الوفد سيعود إلى العاصمة بعد انتهاء الجولة."
)


def test_import_stores_nfc_text_with_single_newlines():
    decomposed = "Cafe\u0301 owners said prices rose.\r\n\r\n\r\nThey   expect more."
    result = article_import(title="  Prices\nrise ", body=decomposed, language="en", detect=False)
    article = result.article
    assert result.created
    assert article.title == "Prices rise"
    assert article.body == "Café owners said prices rose.\nThey expect more."
    assert len(article.content_hash) == 64


def test_same_article_twice_is_stored_once():
    first = article_import(title="T", body="Some text here.", language="en", detect=False)
    second = article_import(title="T", body="Some  text here.\n", language="en", detect=False)
    assert not second.created and second.article.pk == first.article.pk
    assert Article.objects.count() == 1


def test_same_url_twice_is_stored_once():
    article_import(title="A", body="One.", url="https://news.example/a", language="en", detect=False)
    again = article_import(title="A (updated)", body="One, updated.", url="https://news.example/a", detect=False)
    assert not again.created
    assert Article.objects.count() == 1


@pytest.mark.parametrize("body", ["", "   \n\t  \n", "\u00a0\u2003"])
def test_empty_or_whitespace_text_is_rejected(body):
    with pytest.raises(ImportRejected, match="empty"):
        article_import(title="Title", body=body)
    assert not Article.objects.exists() and not Outlet.objects.exists()


def test_bad_date_and_url_rejected_and_nothing_written():
    with pytest.raises(ImportRejected, match="not a date"):
        article_import(title="T", body="Text.", outlet="New Outlet", published="yesterday")
    with pytest.raises(ImportRejected, match="URL"):
        article_import(title="T", body="Text.", outlet="New Outlet", url="javascript:alert(1)")
    assert not Article.objects.exists() and not Outlet.objects.exists()


def test_language_detected_when_not_given():
    assert article_import(title="مفاوضات", body=ARABIC_BODY, detect=False).article.language == "ar"
    english = article_import(
        title="Talks go on", body="The minister said talks would continue next week in the capital.", detect=False
    )
    assert english.article.language == "en"


def test_mixed_arabic_text_with_latin_names_is_arabic():
    body = ARABIC_BODY + "\nوكتب John Kirby على حسابه @NSC45 أنّ الاجتماع كان مثمراً."
    assert article_import(title="بيان", body=body, detect=False).article.language == "ar"


def test_explicit_language_wins():
    result = article_import(title="Talks", body="The minister said talks would go on.", language="ar", detect=False)
    assert result.article.language == "ar"


def test_outlet_created_once_with_domain():
    article_import(title="A", body="One.", outlet="Daily News", url="https://daily.example/1", detect=False)
    article_import(title="B", body="Two.", outlet="Daily News", detect=False)
    outlet = Outlet.objects.get()
    assert outlet.name == "Daily News" and outlet.domain == "daily.example"
    assert outlet.articles.count() == 2


def test_import_runs_detection(editor):
    body = 'The minister said on Monday that "the talks will continue until there is a deal".'
    article = article_import(title="Talks", body=body, language="en", created_by=editor).article
    article.refresh_from_db()
    assert article.status == Article.Status.DETECTED
    assert article.detection_backend
    assert article.created_by == editor


def test_a_megabyte_single_paragraph_is_refused_with_a_reason():
    body = "word " * 210_000
    with pytest.raises(ImportRejected, match="paragraph"):
        article_import(title="One huge paragraph", body=body, language="en")
    assert not Article.objects.exists()


def test_bidi_controls_and_zero_width_characters_are_removed_but_zwnj_kept():
    body = "قال\u200b المتحدث \u202eإنّ\u202c الجولة انتهت.\nمی\u200cخواهم"
    article = article_import(title="\u2067عنوان\u2069", body=body, language="ar", detect=False).article
    assert article.title == "عنوان"
    assert article.body == "قال المتحدث إنّ الجولة انتهت.\nمی\u200cخواهم"
