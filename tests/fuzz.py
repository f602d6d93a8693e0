"""Hypothesis strategies for fuzzing what takes outside input: text that looks like news in
both languages, mixed with what breaks naive code (lone surrogates, controls, bidi marks,
separators, combining marks, huge runs)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# Bounded for CI (TRACKER_FUZZ_EXAMPLES=1000 for a longer hunt); no example database in the worktree.
FUZZ = settings(
    max_examples=int(os.environ.get("TRACKER_FUZZ_EXAMPLES", "60")),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
FUZZ_MORE = settings(FUZZ, max_examples=FUZZ.max_examples * 6)  # pure functions: cheap examples

# "It" and "it" are in: "It said …" once sent pronoun resolution into endless recursion.
WORDS_EN = [
    "It",
    "it",
    "says",
    "The",
    "minister",
    "said",
    "that",
    "told",
    "reporters",
    "added",
    "according",
    "to",
    "Mr",
    "Kirby",
    "John",
    "Biden",
    "White",
    "House",
    "spokesman",
    "officials",
    "sources",
    "warned",
    "denied",
    "claimed",
    "she",
    "he",
    "they",
    "we",
    "on",
    "Monday",
    "would",
    "will",
    "not",
    "talks",
    "deal",
    "ceasefire",
    "a",
    "an",
    "the",
    "of",
    "in",
    "and",
    "but",
    "because",
    "AP",
    "Reuters",
    "@handle",
    "#tag",
    "2024",
    "10%",
    "U.S.",
]
WORDS_AR = [
    "قال",
    "أكد",
    "أكدت",
    "وزارة",
    "الخارجية",
    "الأميركية",
    "أنّ",
    "إنّ",
    "المتحدث",
    "جون",
    "كيربي",
    "مصادر",
    "مسؤول",
    "وأضاف",
    "وأوضح",
    "بحسب",
    "وفقاً",
    "وحيداً",
    "جريحاً",
    "أجوفَ",
    "لن",
    "على",
    "في",
    "من",
    "إلى",
    "يوم",
    "الاثنين",
    "الحرب",
    "غزة",
    "واشنطن",
]
MARKS = list("\"“”«»„‹›‟「」'‘’")
ODD = [
    "\ud800",
    "\udfff",
    "\x00",
    "\x07",
    "\x1b",
    "\x7f",
    "\x85",
    "\u2028",
    "\u2029",
    "\x0b",
    "\x0c",
    "\r",
    "\t",
    "\u202e",
    "\u2066",
    "\u200b",
    "\u200f",
    "\ufeff",
    "\u064b",
    "\u064e",
    "\u0651",
    "\u0301",
    "\u0640",
    "🙂",
    "👍🏽",
    "\U0010ffff",
]
PUNCT = [*".,:;!?،؛؟—–-()[]", "\n", "\n\n", " ", "  "]

any_char = st.characters(min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=())
token = st.one_of(
    st.sampled_from(WORDS_EN),
    st.sampled_from(WORDS_AR),
    st.sampled_from(MARKS),
    st.sampled_from(PUNCT),
    st.sampled_from(ODD),
    st.text(any_char, max_size=4),
)


@st.composite
def news_text(draw, max_tokens: int = 120) -> str:
    words = draw(st.lists(token, max_size=max_tokens))
    seps = draw(st.lists(st.sampled_from([" ", "", "\n", " "]), min_size=len(words), max_size=len(words)))
    return "".join(w + s for w, s in zip(words, seps, strict=True))


def clean_vocabulary_paragraph(rng, n_words: int) -> str:
    """One long paragraph from the vocabulary (bounded random generator for huge inputs)."""
    vocab = [*WORDS_EN, *WORDS_AR, *MARKS, ".", ",", "،"]
    return " ".join(rng.choice(vocab) for _ in range(n_words))
