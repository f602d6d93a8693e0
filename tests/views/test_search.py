import csv
import io
import json

import pytest
from django.urls import reverse

from tests.factories import SpeakerFactory, quote_with_text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _signed_in(client, viewer):
    """Every page needs a signed-in reader (tracker.middleware.ReadersOnlyMiddleware)."""
    client.force_login(viewer)


@pytest.fixture
def kirby_quotes():
    kirby = SpeakerFactory(name="جون كيربي")
    return [
        quote_with_text("المحادثات حول الهدنة مستمرة", language="ar", speaker=kirby, aliases=("كيربي",)),
        quote_with_text("A ceasefire is not on the table", speaker=SpeakerFactory(name="John Kirby")),
        quote_with_text("Aid trucks crossed at Rafah", speaker=SpeakerFactory(name="Someone")),
    ]


def test_search_page_highlights_and_links_to_the_quote(client, kirby_quotes):
    quote = kirby_quotes[0]
    html = client.get(reverse("search"), {"q": "كيربى الهدنه"}).content.decode()
    assert "<mark>الهدنة</mark>" in html
    assert f'href="/articles/{quote.article_id}/#quote-{quote.pk}"' in html
    assert "Aid trucks" not in html and "A ceasefire" not in html
    assert 'dir="auto"' in html and "<bdi>جون كيربي</bdi>" in html
    # Active search, with a plain GET form behind it.
    assert 'hx-trigger="input changed delay:300ms' in html and 'hx-push-url="true"' in html
    assert 'method="get" action="/search/"' in html


def test_search_htmx_returns_only_results(client, kirby_quotes):
    response = client.get(reverse("search"), {"q": "ceasefire"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert 'id="results"' in html and "<html" not in html and "ceasefire" in html


def test_search_ignores_bad_filters(client, kirby_quotes):
    response = client.get(reverse("search"), {"q": "ceasefire", "date_from": "not a date", "kind": "nonsense"})
    assert response.status_code == 200 and "<mark>ceasefire</mark>" in response.content.decode()


def test_search_paginates(client):
    speaker = SpeakerFactory(name="Envoy")
    for i in range(25):
        quote_with_text(f"Statement number {i} on talks", speaker=speaker)
    html = client.get(reverse("search"), {"q": "talks"}).content.decode()
    assert "Page 1 of 2" in html and "q=talks&amp;page=2" in html


def test_search_export_csv_streams_the_same_query(client, kirby_quotes):
    response = client.get(reverse("search-export"), {"q": "ceasefire or الهدنة", "format": "csv"})
    assert response.streaming and response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert sorted(r["Quote"] for r in rows) == ["A ceasefire is not on the table", "المحادثات حول الهدنة مستمرة"]


def test_search_export_accepted_only_and_json(client, kirby_quotes):
    from tracker.models import Quote

    Quote.objects.filter(pk=kirby_quotes[1].pk).update(status=Quote.Status.ACCEPTED)
    response = client.get(reverse("search-export"), {"accepted": "1", "format": "json"})
    assert response.streaming
    rows = json.loads(b"".join(response.streaming_content))
    assert [r["quote"] for r in rows] == ["A ceasefire is not on the table"]


def test_export_formats_and_bad_format(client, kirby_quotes):
    xlsx = client.get(reverse("search-export"), {"format": "xlsx", "language": "ar"})
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    assert client.get(reverse("search-export"), {"format": "doc"}).status_code == 400


def test_article_export(client, kirby_quotes):
    quote = kirby_quotes[0]
    response = client.get(reverse("article-export", args=[quote.article_id]), {"format": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert len(rows) == 2 and rows[1][0] == quote.quote_text


def test_search_and_sheets_leave_rejected_quotes_out_unless_asked(client, kirby_quotes):
    from tracker.models import Quote

    rejected, accepted, pending = kirby_quotes
    Quote.objects.filter(pk=rejected.pk).update(status="rejected")
    Quote.objects.filter(pk=accepted.pk).update(status="corrected")

    def found(**params):
        html = client.get(reverse("search"), params).content.decode()
        return {q.pk for q in kirby_quotes if f"#quote-{q.pk}" in html}

    assert found() == {accepted.pk, pending.pk}
    assert found(status="any") == {rejected.pk, accepted.pk, pending.pk}
    assert found(status="rejected") == {rejected.pk}
    assert found(status="accepted") == {accepted.pk}  # accepted or corrected: one filter, no checkbox
    assert found(accepted="1") == {accepted.pk}  # links made before keep working
    html = client.get(reverse("search")).content.decode()
    assert "Accepted only" not in html and '<option value="" selected>All but rejected</option>' in html
    body = b"".join(client.get(reverse("search-export"), {"format": "csv"}).streaming_content).decode("utf-8-sig")
    assert "Aid trucks" in body and "المحادثات" not in body


def test_indirect_results_are_not_in_quotation_marks(client, kirby_quotes):
    from tracker.models import Quote

    Quote.objects.filter(pk=kirby_quotes[2].pk).update(kind="indirect")
    html = client.get(reverse("search"), {"q": "Rafah"}).content.decode()
    assert 'class="quote-text reported"' in html and '<span class="reported-label">Reported speech</span>' in html
