"""Evidence of a speaker's gender in the articles that quote them: pure Python, no Django.

Only a suggestion for an editor to confirm (tracker.services.speaker_facts stores what they set):

- Arabic marks the speaker's gender on the verb: the feminine past ends in ت ("قالت", "أكدت",
  "وأضافت"), the feminine present starts with ت ("تقول"), the masculine with ي ("يقول").
  Groups and ministries take the feminine too, so this counts for people only.
- English: honorifics in the speaker's span ("Mr", "Ms") and the pronouns right after the quote
  and the speaker's mention ("he added", "she said"); the first pronoun there, not a count of all,
  since the next sentence may be about someone else.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

FEMALE, MALE = "female", "male"

# Past-tense cue verbs (hamza forms folded to ا): the masculine is the stem, the feminine adds ت.
_AR_PAST = {
    "قال", "اكد", "اضاف", "اوضح", "صرح", "اشار", "ذكر", "اعلن", "تابع", "اعتبر", "لفت", "شدد", "كشف",
    "اعرب", "طالب", "حذر", "كتب", "غرد", "رد", "اقر", "زعم", "افاد", "بين", "استطرد", "ختم", "نبه", "علق",
    "نفى", "دعا", "راى", "روى", "نوه",
}  # fmt: skip
# Verbs ending in a long vowel drop it in the feminine: نفى → نفت, دعا → دعت.
_AR_PAST_FEMININE = {v + "ت" for v in _AR_PAST} | {"نفت", "دعت", "رات", "روت"}
# Present-tense cue verbs without their person prefix (ي he, ت she).
_AR_PRESENT = {"قول", "ؤكد", "ضيف", "وضح", "شير", "رى", "عتبر", "لفت", "شدد", "كشف", "طالب", "حذر", "فيد", "علن"}
_DIACRITICS = re.compile("[\u064b-\u0652\u0670\u0640]")
_HAMZA = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا"})

_EN_FEMALE_TITLES = re.compile(r"\b(Mrs|Ms|Miss|Madam|Mme|Lady|Dame|Queen|Princess)\b\.?")
_EN_MALE_TITLES = re.compile(r"\b(Mr|Sir|Lord|King|Prince)\b\.?")
_EN_PRONOUN = re.compile(r"\b(he|him|his|himself|she|her|hers|herself)\b", re.IGNORECASE)
_EN_FEMALE_PRONOUNS = {"she", "her", "hers", "herself"}
WINDOW = 120  # characters after the quote or mention in which a pronoun still refers to the speaker


@dataclass(frozen=True)
class Mention:
    """One quote of the speaker: language, cue, speaker span text, and the text right after."""

    language: str
    cue: str = ""
    speaker_text: str = ""
    after: str = ""


def _ar_verb(cue: str) -> str | None:
    words = _DIACRITICS.sub("", cue).translate(_HAMZA).split()
    if not words:
        return None
    word = words[0]
    # "وقالت", "فأضاف": a conjunction joined to the verb.
    candidates = [word] + ([word[1:]] if word[0] in "وف" and len(word) > 3 else [])
    for verb in candidates:
        if verb in _AR_PAST:
            return MALE
        if verb in _AR_PAST_FEMININE:
            return FEMALE
        if len(verb) > 2 and verb[1:] in _AR_PRESENT and verb[0] in "يت":
            return FEMALE if verb[0] == "ت" else MALE
    return None


def _en_evidence(mention: Mention) -> str | None:
    if _EN_FEMALE_TITLES.search(mention.speaker_text):
        return FEMALE
    if _EN_MALE_TITLES.search(mention.speaker_text):
        return MALE
    match = _EN_PRONOUN.search(mention.after[:WINDOW])
    if match:
        return FEMALE if match.group(1).lower() in _EN_FEMALE_PRONOUNS else MALE
    return None


def gender_evidence(mentions) -> Counter:
    """How many mentions point to each gender."""
    votes: Counter = Counter()
    for mention in mentions:
        if mention.language == "ar":
            vote = _ar_verb(mention.cue)
        elif mention.language == "en":
            vote = _en_evidence(mention)
        else:
            vote = None
        if vote:
            votes[vote] += 1
    return votes


def gender_suggest(votes: Counter, *, agreement: float = 0.75) -> str | None:
    """The gender most mentions agree on, when at least ``agreement`` of them do."""
    total = sum(votes.values())
    if not total:
        return None
    best, n = votes.most_common(1)[0]
    return best if n / total >= agreement else None
