"""The engine's entry point: what every language's rules return goes through it."""

from __future__ import annotations

import unicodedata

import pytest

from tracker.attribution.engine import detect

CUT_ENDINGS = [
    # A final tanween or short vowel after the last letter of the quote.
    ("عنوان", "وقال الوزير إنّ الرجل بقي وحيداً، وأضاف أنّ الجندي عاد جريحاً.", "ar", ["وحيداً", "جريحاً"]),
    ("عنوان", "وقال الوزير: «لقد عاد جريحاً»، وأضاف أنّ البيت بقي أجوفَ.", "ar", ["جريحاً", "أجوفَ"]),
]


def _spans(a):
    yield a.quote
    yield from a.parts
    if a.speaker_mention:
        yield a.speaker_mention
    if a.cue:
        yield a.cue


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch) == "Mn"


@pytest.mark.parametrize(("title", "body", "language", "endings"), CUT_ENDINGS)
def test_quotes_keep_their_final_diacritics(title, body, language, endings):
    found = detect(title, body, language)
    texts = [a.quote.text for a in found]
    for ending in endings:
        assert any(t.endswith(ending) for t in texts), texts


@pytest.mark.parametrize(("title", "body", "language", "endings"), CUT_ENDINGS)
def test_no_span_splits_a_letter_from_its_marks(title, body, language, endings):
    document = f"{title}\n{body}"
    for a in detect(title, body, language):
        for span in _spans(a):
            assert not _is_mark(document[span.start]), span
            assert span.end == len(document) or not _is_mark(document[span.end]), span
            if span is not a.quote or not a.parts:
                assert span.text == document[span.start : span.end]
