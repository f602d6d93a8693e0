"""Fuzzing the engine: any text, in any language code, gives spans inside the text that never
split a letter from its marks, and never an exception."""

from __future__ import annotations

import json
import math
import random
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz import FUZZ_MORE, clean_vocabulary_paragraph, news_text
from tracker.attribution.engine import detect
from tracker.attribution.types import KINDS


def _check(title: str, body: str, language: str) -> None:
    found = detect(title, body, language)
    document = f"{title}\n{body}" if title else body
    for a in found:
        assert a.kind in KINDS
        spans = [a.quote, *a.parts, a.speaker_mention, a.cue]
        for span in (s for s in spans if s is not None):
            assert 0 <= span.start < span.end <= len(document), (span, len(document))
            assert (
                unicodedata.category(document[span.start]) != "Mn"
                or span.start == 0
                or (document[span.start - 1].isspace())
            ), span
            assert span.end == len(document) or unicodedata.category(document[span.end]) != "Mn", span
            if span is not a.quote or not a.parts:
                assert span.text == document[span.start : span.end]
        assert not math.isnan(a.confidence)


@FUZZ_MORE
@given(title=news_text(max_tokens=12), body=news_text(), language=st.sampled_from(["ar", "en", "xx", "fr", "", "AR"]))
def test_engine_survives_any_text(title, body, language):
    _check(title, body, language)


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("seed", range(3))
def test_engine_survives_huge_paragraphs(language, seed):
    rng = random.Random(seed)
    body = "\n".join(clean_vocabulary_paragraph(rng, rng.randint(2_000, 9_000)) for _ in range(2))
    _check("Title", body, language)


CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


@pytest.mark.parametrize("pool", ["pool_ar.jsonl", "pool_en.jsonl"])
def test_every_pool_article_goes_through_detection(pool):
    path = CORPUS / pool
    if not path.exists():
        pytest.skip(f"corpus not found at {path}")
    failed = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            try:
                _check(row.get("title") or "", row.get("text") or "", row.get("language") or "")
            except Exception as exc:  # every failure is reported with its article
                failed.append((row.get("id"), repr(exc)))
    assert not failed, failed[:5]
