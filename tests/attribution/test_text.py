"""Shared text helpers: the quotation-mark scanner and the offset-keeping fold."""

from __future__ import annotations

import pytest

from tracker.attribution.text import find_quote_marks, fold, fold_keep_offsets, span_snap


def inner(text):
    return [text[m.start : m.end] for m in find_quote_marks(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('قال "نعم" ثم "لا".', ["نعم", "لا"]),
        ("قال «نعم» وغادر.", ["نعم"]),
        ("He said “yes” twice.", ["yes"]),
        ("Er sagte „ja“ laut.", ["ja"]),
        ("قال »نعم« هكذا.", ["نعم"]),
    ],
)
def test_every_mark_style(text, expected):
    assert inner(text) == expected


def test_apostrophes_are_not_quotes():
    assert find_quote_marks("don't stop O'Brien") == []


def test_unbalanced_mark_runs_to_paragraph_end():
    text = 'قال "هذا كلام بلا نهاية\nفقرة أخرى.'
    (m,) = find_quote_marks(text)
    assert not m.closed
    assert text[m.start : m.end] == "هذا كلام بلا نهاية"


def test_multi_paragraph_quote_continues_when_next_paragraph_reopens():
    text = "«الفقرة الأولى\n«الفقرة الثانية» قال."
    (m,) = find_quote_marks(text)
    assert m.closed
    assert text[m.start : m.end] == "الفقرة الأولى\n«الفقرة الثانية"


def test_fold_is_arabic_insensitive():
    assert fold("أكّدَت") == fold("اكدت")
    assert fold("مدرسةٌ") == "مدرسه"
    assert fold("مستشفى") == "مستشفي"


def test_fold_keep_offsets_maps_back():
    text = "أكّدَت الوزارةُ «لا»"
    ft = fold_keep_offsets(text)
    assert ft.text == "اكدت الوزاره «لا»"
    i = ft.text.index("الوزاره")
    j = i + len("الوزاره")
    assert text[ft.orig(i) : ft.orig_end(j)] == "الوزارة"
    assert ft.orig(len(ft.text)) == len(text)
    # Every kept character maps to itself (up to the letter folding).
    for k, ch in enumerate(ft.text):
        assert fold(text[ft.orig(k)]) == ch or ch == " "


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        ("بقي وحيداً.", 4, 9, "وحيداً"),  # the tanween after the alef
        ("بقي أجوفَ.", 4, 8, "أجوفَ"),
        ("جريحاً", 0, 5, "جريحاً"),  # at the end of the text
        ("شدّةً كبيرة", 0, 2, "شدّ"),  # shadda, then more marks further on are not taken
        ("café", 0, 4, "café"),  # nothing to do
        ("cafe\u0301 ok", 0, 4, "cafe\u0301"),  # a decomposed accent
        ("بقي وحيداً.", 10, 11, "."),
    ],
)
def test_span_snap_takes_the_marks_of_the_last_letter(text, start, end, expected):
    s, e = span_snap(text, start, end)
    assert text[s:e] == expected


def test_span_snap_moves_a_start_on_a_mark_back_to_its_letter():
    text = "بقي وحيداً."
    start = text.index("ً")
    assert span_snap(text, start, start + 1) == (start - 1, start + 1)
    # A mark after a space belongs to no letter: the span stays where it is.
    assert span_snap(" \u064b", 1, 2) == (1, 2)
