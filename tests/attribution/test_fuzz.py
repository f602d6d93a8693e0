"""Fuzzing the engine: no input raises, and every offset it returns indexes the document.

Three sources of bounded random input, each with fixed seeds so a failure replays: a small
grammar of reporting sentences (quotes, cues, pronouns including "It said", names, titles,
colons, nesting, unbalanced quotation marks), real paragraphs from ../shared/corpus shuffled
and cut at random (skipped when the corpus is absent), and random Unicode.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from tracker.attribution.engine import detect
from tracker.attribution.types import KINDS, Document

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"

EN = {
    "name": [
        "John Kirby",
        "Kirby",
        "Ms. Petrov",
        "Nadia Petrov",
        "the Interior Ministry",
        "Acme Corp.",
        "Sen. Dana Ruiz, D-Ohio,",
        "National Chairperson Donna Brazile",
        "the International Monetary Fund",
        "Alzheimer's Research UK",
        "officials",
        "a spokesman",
        "the company",
        "Reuters",
        "O'Neill",
        "AP",
    ],
    "pron": ["He", "She", "It", "They", "he", "she", "it", "they", "We", "I"],
    "verb": [
        "said",
        "says",
        "told reporters",
        "added",
        "wrote",
        "warned",
        "insisted",
        "denied",
        "argued",
        "announced",
        "claimed",
        "noted",
        "has said",
        "did not say",
        "explained",
    ],
    "clause": [
        "the bridge will reopen in May",
        "it was a mistake",
        "he would resign",
        "talks had failed",
        "the figures were wrong",
        "nobody was hurt",
        "prices will rise this week",
    ],
    "time": ["on Monday", "this week", "last year", "in a statement", "in an interview with the BBC", ""],
    "open": ['"', "“", "‘", "'", "«", "„", ""],
    "close": ['"', "”", "’", "'", "»", "“", ""],
    "punct": [",", ".", ":", ";", " —", "?", "!", ""],
}

AR = {
    "name": [
        "جون كيربي",
        "كيربي",
        "وزارة الخارجية الأميركية",
        "المتحدث باسم الجيش",
        "مصدر مطلع",
        "الرئيس الأميركي جو بايدن",
        "صحيفة واشنطن بوست",
        "الأمم المتحدة",
    ],
    "pron": ["وأضاف", "وأضافت", "وتابع", "وأكد", "وقالت", "وأشار"],
    "verb": ["قال", "أكد", "أعلن", "أضاف", "نفى", "ذكرت", "أوضح", "صرح", "أشار إلى", "نقل عن"],
    "clause": [
        "إن الحرب لن تتوسع",
        "أن المفاوضات فشلت",
        "أنه لا يرغب في التصعيد",
        "مقتل ثلاثة جنود",
        "وجود اتصالات",
        "أي علاقة بالهجوم",
    ],
    "time": ["أمس", "اليوم الخميس", "في بيان", "لبي بي سي", "في مقابلة مع قناة الجزيرة", ""],
    "open": ['"', "«", "“", ""],
    "close": ['"', "»", "”", ""],
    "punct": ["،", ".", ":", "؛", "؟", ""],
}


def _sentence(rng: random.Random, lex: dict, depth: int = 0) -> str:
    pick = rng.choice
    q_open, q_close = pick(lex["open"]), pick(lex["close"])
    quote = pick(lex["clause"])
    if depth < 2 and rng.random() < 0.2:
        quote = _sentence(rng, lex, depth + 1)  # nested report
    who = pick(lex["name"] + lex["pron"])
    shapes = [
        f"{q_open}{quote}{pick(lex['punct'])}{q_close} {who} {pick(lex['verb'])} {pick(lex['time'])}.",
        f"{who} {pick(lex['verb'])} {pick(lex['time'])} {pick(['that ', 'إن ', ''])}{quote}.",
        f"{who}{pick(lex['punct'])} {q_open}{quote}{q_close}",
        f"{pick(lex['pron'])} {pick(lex['verb'])}: {q_open}{quote}",
        f"{q_open}{quote},{q_close} {pick(lex['verb'])} {who}, {pick(lex['name'])}. {q_open}{quote}.{q_close}",
        f"According to {who}, {quote}, {pick(lex['pron'])} {pick(lex['verb'])}.",
        f"{who}, {pick(lex['name'])}: {q_open}{quote}{q_close}",
        f"{quote} {pick(lex['verb'])} {who}",
    ]
    return pick(shapes)


def _grammar_doc(rng: random.Random, lex: dict) -> tuple[str, str]:
    paras = [" ".join(_sentence(rng, lex) for _ in range(rng.randint(1, 6))) for _ in range(rng.randint(1, 8))]
    title = _sentence(rng, lex) if rng.random() < 0.7 else ""
    return title, "\n".join(paras)


def _random_unicode(rng: random.Random, n: int) -> str:
    # Weighted towards the characters the rules look at: marks, spaces, controls, RTL, letters.
    pools = [
        "\"'“”‘’«»„‹›:;,.!?()[]—–-\n\t \u00a0\u200b\u200f\u200e\u202b\u202c\u2066\u2069\x00\x01\ufeff",
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
        "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةىًٌٍَُِّْـ،؛؟٠١٢٣",
    ]
    out = []
    for _ in range(n):
        r = rng.random()
        if r < 0.75:
            out.append(rng.choice(pools[rng.randrange(3)]))
        elif r < 0.97:
            out.append(chr(rng.randrange(0x20, 0x3000)))
        else:
            out.append(chr(rng.choice([rng.randrange(0x10000, 0x1FAFF), rng.randrange(0xD800, 0xE000)])))
    return "".join(out)


def _check(title: str, body: str, language: str) -> None:
    found = detect(title, body, language)
    text = Document(title=title, body=body, language=language).text
    for a in found:
        assert a.kind in KINDS
        assert 0 <= a.quote.start <= a.quote.end <= len(text)
        if not a.parts:
            assert text[a.quote.start : a.quote.end] == a.quote.text
        for p in a.parts:
            assert text[p.start : p.end] == p.text
        for span in (a.cue, a.speaker_mention):
            if span is not None:
                assert 0 <= span.start <= span.end <= len(text)
                assert text[span.start : span.end] == span.text
        assert 0.0 <= a.confidence <= 1.0


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("seed", range(4))
def test_random_reporting_grammar(language, seed):
    rng = random.Random(f"grammar-{language}-{seed}")
    lex = EN if language == "en" else AR
    for _ in range(60):
        title, body = _grammar_doc(rng, lex)
        _check(title, body, language)
        # The same document in the other language's rules, and with its quotation marks cut.
        _check(title, body, "ar" if language == "en" else "en")
        cut = rng.randrange(len(body) + 1)
        _check("", body[:cut], language)


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("seed", range(3))
def test_random_unicode(language, seed):
    rng = random.Random(f"unicode-{language}-{seed}")
    for _ in range(80):
        _check(_random_unicode(rng, rng.randrange(0, 40)), _random_unicode(rng, rng.randrange(0, 600)), language)


def _pool_paragraphs(language: str) -> list[str]:
    path = CORPUS / f"pool_{language}.jsonl"
    if not path.is_file():
        pytest.skip(f"corpus not found at {path}")
    paras: list[str] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            paras.extend(p for p in json.loads(line)["text"].split("\n") if p.strip())
    return paras


@pytest.mark.parametrize("language", ["en", "ar"])
def test_random_real_paragraphs(language):
    paras = _pool_paragraphs(language)
    rng = random.Random(f"pool-{language}")
    for _ in range(150):
        picked = rng.sample(paras, rng.randint(1, 12))
        body = "\n".join(picked)
        if rng.random() < 0.3:  # cut mid-word, mid-quote
            body = body[: rng.randrange(len(body) + 1)]
        if rng.random() < 0.2:  # drop or double quotation marks
            mark = rng.choice(['"', "“", "”", "«", "»"])
            body = body.replace(mark, "" if rng.random() < 0.5 else mark * 2)
        if rng.random() < 0.2:  # paragraphs run together
            body = body.replace("\n", " ")
        _check(rng.choice(picked)[:120], body, language)
