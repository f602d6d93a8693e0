import pytest
from django.db import IntegrityError, transaction

from tests.factories import ArticleFactory, QuoteFactory, SpeakerAliasFactory, SpeakerFactory
from tracker.models import Article, Quote

pytestmark = pytest.mark.django_db


def _violates(**overrides) -> bool:
    try:
        with transaction.atomic():
            QuoteFactory(**overrides)
    except IntegrityError:
        return True
    return False


def test_valid_quote_is_stored():
    quote = QuoteFactory()
    assert quote.article.document[quote.quote_start : quote.quote_end] == "talks will go on"
    assert quote.version == 1 and quote.status == Quote.Status.PENDING


@pytest.mark.parametrize(
    "overrides",
    [
        {"quote_start": 10, "quote_end": 10},  # empty
        {"quote_start": 12, "quote_end": 5},  # reversed
        {"quote_start": 0, "quote_end": 10_000},  # past the end of the text
        {"speaker_start": 4, "speaker_end": None},  # half a span
        {"speaker_start": 9, "speaker_end": 3},
        {"cue_start": 0, "cue_end": 99_999},
        {"confidence": 1.5},
        {"kind": "gossip"},
        {"status": "maybe"},
        {"version": 0},
    ],
)
def test_constraints_refuse_bad_spans_and_values(overrides):
    assert _violates(**overrides)
    assert not Quote.objects.exists()


def test_article_url_unique_but_optional():
    ArticleFactory(url=None)
    ArticleFactory(url=None)
    ArticleFactory(url="https://example.com/a")
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleFactory(url="https://example.com/a")
    assert Article.objects.count() == 3


def test_article_body_cannot_be_empty():
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleFactory(body="")


def test_alias_unique_per_speaker():
    speaker = SpeakerFactory(name="John Kirby")
    SpeakerAliasFactory(speaker=speaker, alias="Kirby")
    with pytest.raises(IntegrityError), transaction.atomic():
        SpeakerAliasFactory(speaker=speaker, alias="KIRBY")


def test_history_records_every_quote_change(editor):
    quote = QuoteFactory()
    quote.status = Quote.Status.ACCEPTED
    quote._history_user = editor
    quote.save()
    records = list(quote.history.order_by("history_date"))
    assert [r.history_type for r in records] == ["+", "~"]
    assert records[0].status == "pending" and records[1].status == "accepted"
    assert records[1].history_user == editor


def test_document_is_title_newline_body(article):
    assert article.document == f"{article.title}\n{article.body}"


def test_migration_widens_stored_spans_over_the_marks_they_cut(db):
    """Quotes stored before spans snapped to combining marks get their tanween back."""
    import importlib

    from django.apps import apps

    from tests.factories import ArticleFactory, QuoteFactory
    from tracker.models import Quote

    migration = importlib.import_module("tracker.migrations.0009_detection_lease_and_quote_span_marks")
    article = ArticleFactory(title="عنوان", body="قال الوزير إنّ الرجل بقي وحيداً، وإنّ البيت بقي أجوفَ.", language="ar")
    doc = article.document
    start, end = doc.index("الرجل"), doc.index("وحيداً") + len("وحيدا")
    cut = QuoteFactory(article=article, quote_start=start, quote_end=end, quote_text=doc[start:end])
    whole = QuoteFactory(
        article=article, quote_start=doc.index("البيت"), quote_end=len(doc) - 1, quote_text="البيت بقي أجوفَ"
    )
    migration.widen_spans_over_marks(apps, None)
    cut.refresh_from_db()
    assert cut.quote_text == "الرجل بقي وحيداً" == doc[cut.quote_start : cut.quote_end]
    assert Quote.objects.get(pk=whole.pk).quote_text == "البيت بقي أجوفَ"
