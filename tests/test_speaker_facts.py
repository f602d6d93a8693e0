"""Gender evidence from Arabic verb agreement and English pronouns and titles (pure Python)."""

import random
from collections import Counter

import pytest

from tracker.speaker_facts import Mention, gender_evidence, gender_suggest


@pytest.mark.parametrize(
    ("cue", "expected"),
    [
        ("قالت", "female"),
        ("وقالت", "female"),
        ("أكدت", "female"),
        ("فأضافت", "female"),
        ("وأوضحت في بيان", "female"),
        ("نفت", "female"),
        ("تقول", "female"),
        ("قال", "male"),
        ("وقال", "male"),
        ("أكّد", "male"),
        ("نفى", "male"),
        ("يقول", "male"),
        ("وأضاف", "male"),
        ("بحسب", None),
        ("وفق", None),
        ("", None),
    ],
)
def test_arabic_verb_agreement(cue, expected):
    votes = gender_evidence([Mention("ar", cue=cue)])
    assert (votes.most_common(1)[0][0] if votes else None) == expected


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        (Mention("en", speaker_text="Ms Lopes", after=" told reporters."), "female"),
        (Mention("en", speaker_text="Mr Kirby"), "male"),
        (Mention("en", speaker_text="Lopes", after=", adding that she would run again."), "female"),
        (Mention("en", speaker_text="Kirby", after=" He said the talks were over."), "male"),
        # The first pronoun after the quote decides; later ones may be about someone else.
        (Mention("en", speaker_text="Kirby", after=", and he thanked her for it."), "male"),
        (Mention("en", speaker_text="Kirby", after=" The talks ended." + " " * 200 + "She left."), None),
        (Mention("en", speaker_text="Shell", after=" The theme was shelved."), None),
    ],
)
def test_english_titles_and_pronouns(mention, expected):
    votes = gender_evidence([mention])
    assert (votes.most_common(1)[0][0] if votes else None) == expected


def test_a_suggestion_needs_agreement():
    assert gender_suggest(Counter(female=3, male=1)) == "female"
    assert gender_suggest(Counter(female=2, male=2)) is None
    assert gender_suggest(Counter()) is None


def test_fuzzed_mentions_never_raise():
    rng = random.Random(9)
    alphabet = "قالت وأضاف يقول he she Mr Ms \u200f\u064e ت و.,\n"
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        language = rng.choice(["ar", "en", "fr", ""])
        votes = gender_evidence([Mention(language, cue=text, speaker_text=text[::-1], after=text)])
        assert sum(votes.values()) <= 1
