"""The bad-input catalogue for editors' actions: each gets a clear refusal and changes nothing.
(Import-side classes — oversized, binary, wrongly encoded, malformed JSONL, script-only HTML,
whitespace-only and megabyte single-paragraph text — are in tests/services/test_imports.py,
tests/services/test_articles.py and tests/views/test_articles.py.)"""

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, QuoteFactory, SpeakerFactory
from tracker.models import Quote, Speaker, SpeakerAlias

pytestmark = pytest.mark.django_db
HX = {"HX-Request": "true"}


@pytest.fixture
def quote():
    return QuoteFactory(speaker=SpeakerFactory(name="John Kirby"))


def _url(name, quote, **kw):
    return reverse(name, kwargs={"article_id": quote.article_id, "quote_id": quote.pk, **kw})


def _unchanged(quote):
    stored = Quote.objects.get(pk=quote.pk)
    return (stored.version, stored.quote_start, stored.quote_end, stored.speaker_id) == (
        quote.version,
        quote.quote_start,
        quote.quote_end,
        quote.speaker_id,
    )


@pytest.mark.parametrize(
    ("start", "end"),
    [(5, 2), (10, 10), (-1, 4), (0, 10_000), (99_999, 100_000), ("a", "b")],
)
def test_span_out_of_range_or_reversed_is_refused(editor_client, quote, start, end):
    response = editor_client.post(_url("quote-span", quote), {"version": 1, "start": start, "end": end}, headers=HX)
    assert response.status_code == 400
    assert response.content  # a message, not an empty error
    assert _unchanged(quote)


@pytest.mark.parametrize(("start", "end"), [(7, 3), (0, 10_000), (-5, 2)])
def test_new_quote_out_of_range_or_reversed_is_refused(editor_client, quote, start, end):
    url = reverse("quote-new", args=[quote.article_id])
    response = editor_client.post(url, {"start": start, "end": end, "kind": "direct"}, headers=HX)
    assert response.status_code == 400
    assert Quote.objects.count() == 1


def test_unknown_ids_are_404(editor_client, quote):
    assert (
        editor_client.post(_url("quote-accept", quote, quote_id=987654), {"version": 1}, headers=HX).status_code == 404
    )
    missing_article = reverse("quote-accept", kwargs={"article_id": 987654, "quote_id": quote.pk})
    assert editor_client.post(missing_article, {"version": 1}, headers=HX).status_code == 404
    assert _unchanged(quote)


def test_a_quote_of_another_article_is_404(editor_client, quote):
    other = ArticleFactory()
    url = reverse("quote-accept", kwargs={"article_id": other.pk, "quote_id": quote.pk})
    assert editor_client.post(url, {"version": 1}, headers=HX).status_code == 404
    assert _unchanged(quote)


def test_unknown_speaker_id_is_refused(editor_client, quote):
    response = editor_client.post(_url("quote-speaker", quote), {"version": 1, "speaker": 987654}, headers=HX)
    assert response.status_code == 400 and _unchanged(quote)


@pytest.mark.parametrize("version", [0, 2, 99, -1, "x", ""])
def test_forged_version_is_refused(editor_client, quote, version):
    response = editor_client.post(_url("quote-accept", quote), {"version": version}, headers=HX)
    assert response.status_code in (400, 409)
    assert _unchanged(quote) and Quote.objects.get(pk=quote.pk).status == Quote.Status.PENDING


def test_ten_thousand_character_speaker_name_is_refused(editor_client, quote):
    data = {"version": 1, "speaker_name": "ن" * 10_000, "new": "on"}
    response = editor_client.post(_url("quote-speaker", quote), data, headers=HX)
    assert response.status_code == 400
    assert "300" in response.content.decode()
    assert _unchanged(quote) and Speaker.objects.count() == 1


def test_bidi_and_zero_width_characters_are_removed_from_new_speaker_names(editor_client, quote):
    name = "\u202eجون\u200b كيربي\u202c"
    data = {"version": 1, "speaker_name": name, "new": "on"}
    response = editor_client.post(_url("quote-speaker", quote), data, headers=HX)
    assert response.status_code == 200
    speaker = Quote.objects.get(pk=quote.pk).speaker
    assert speaker.name == "جون كيربي"
    assert SpeakerAlias.objects.filter(speaker=speaker, alias="جون كيربي").exists()


def test_a_name_of_only_invisible_characters_is_refused(editor_client, quote):
    data = {"version": 1, "speaker_name": "\u202e\u200b\u2066", "new": "on"}
    response = editor_client.post(_url("quote-speaker", quote), data, headers=HX)
    assert response.status_code == 400 and _unchanged(quote)


def _noise(rng) -> str:
    alphabet = "ab1-.,%\u202e\u200bكيربي\x00\U0001f642 \"'<>&=?#"
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))


def test_review_page_parameters_and_bulk_forms_never_fail(editor_client, quote):
    """Bounded random input to the parameters issue 11 added: the page and the speaker
    suggestions always answer, bulk actions refuse or do their job, nothing raises."""
    import random

    rng = random.Random(11)
    article_id = quote.article_id
    for _ in range(60):
        page = editor_client.get(
            reverse("article-detail", args=[article_id]), {"sort": _noise(rng), "edit": _noise(rng)}
        )
        assert page.status_code == 200
        suggest = editor_client.get(
            reverse("speaker-suggest"),
            {"speaker_name": _noise(rng), "quote": _noise(rng), "exclude": _noise(rng)},
            headers=HX,
        )
        assert suggest.status_code == 200
        response = editor_client.post(
            reverse("review-accept-all", args=[article_id]), {"min_confidence": _noise(rng)}, headers=HX
        )
        assert response.status_code in (200, 400)
        response = editor_client.post(
            reverse("review-reject-rule", args=[article_id]), {"rule": _noise(rng), "reason": _noise(rng)}, headers=HX
        )
        assert response.status_code in (200, 400)
        response = editor_client.post(_url("quote-speaker-merge", quote), {"into": _noise(rng)}, headers=HX)
        assert response.status_code == 400
    assert Quote.objects.get(pk=quote.pk).speaker.name == "John Kirby"
