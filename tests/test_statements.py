import datetime as dt

import pytest
from django.urls import reverse

from tests.factories import OutletFactory, SpeakerFactory, quote_with_text
from tracker.statements import similarity, statement_versions, word_diff

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _signed_in(client, viewer):
    """Every page needs a signed-in reader (tracker.middleware.ReadersOnlyMiddleware)."""
    client.force_login(viewer)


def test_similarity_is_folded_token_set():
    assert similarity("الهدنةُ قريبة جداً", "الهدنه قريبه جدا") == 1.0
    assert similarity("We will not support a ceasefire now", "We will not support a ceasefire") > 0.9
    assert similarity("We will not support a ceasefire", "Aid trucks crossed at Rafah today") < 0.2


def test_word_diff_shows_changed_words():
    assert word_diff("we do not support a ceasefire", "we do support a ceasefire") == [
        ("equal", "we do"),
        ("delete", "not"),
        ("equal", "support a ceasefire"),
    ]


def test_same_statement_across_outlets_grouped_with_first_appearance(client):
    kirby = SpeakerFactory(name="John Kirby")
    wire, daily, weekly = OutletFactory(name="Wire"), OutletFactory(name="Daily"), OutletFactory(name="Weekly")
    shown = quote_with_text(
        "We do not support a ceasefire at this time in Gaza",
        speaker=kirby,
        outlet=daily,
        published=dt.date(2023, 11, 7),
    )
    first = quote_with_text(
        "We do not support a ceasefire at this time in Gaza", speaker=kirby, outlet=wire, published=dt.date(2023, 11, 6)
    )
    misquote = quote_with_text(
        "We do support a ceasefire at this time in Gaza", speaker=kirby, outlet=weekly, published=dt.date(2023, 11, 8)
    )
    quote_with_text("A ceasefire would only benefit Hamas right now", speaker=kirby, outlet=wire)

    statement = statement_versions(quote=shown)
    assert [v.quote.pk for v in statement.versions] == [first.pk, misquote.pk]
    assert statement.first == first and statement.outlets == ["Wire", "Weekly"]
    assert statement.versions[0].identical and not statement.versions[1].identical

    html = client.get(reverse("quote-versions", args=[shown.pk])).content.decode()
    assert "Also reported by <bdi>Wire</bdi>, <bdi>Weekly</bdi>" in html
    assert "<del" in html and ">not</del>" in html
    assert f"#quote-{first.pk}" in html


def test_arabic_statement_versions():
    speaker = SpeakerFactory(name="جون كيربي")
    shown = quote_with_text("لا نؤيد وقف إطلاق النار في غزة الآن", language="ar", speaker=speaker)
    other = quote_with_text("لا نؤيّد وقفَ إطلاق النار في غزة الآن", language="ar", speaker=speaker)
    assert [v.quote.pk for v in statement_versions(quote=shown).versions] == [other.pk]
