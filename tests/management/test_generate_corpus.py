import pytest
from django.core.management import call_command

from tracker.models import Article, Quote, Speaker
from tracker.search import QuoteQuery, quote_search

pytestmark = pytest.mark.django_db


def test_generate_corpus_spans_languages_and_search(capsys):
    call_command("generate_corpus", "--quotes", "300", "--batch", "100", "--seed", "3")
    assert Quote.objects.count() == 300
    assert set(Article.objects.values_list("language", flat=True)) == {"ar", "en"}
    for quote in Quote.objects.select_related("article")[:300]:
        assert quote.article.document[quote.quote_start : quote.quote_end] == quote.quote_text
        assert quote.search_text
    kirby = Speaker.objects.get(name="John Kirby")
    assert {"جون كيربي", "Kirby"} <= set(kirby.aliases.values_list("alias", flat=True))
    assert quote_search(QuoteQuery(q="كيربى")).count() == quote_search(QuoteQuery(q="kirby")).count() > 0
