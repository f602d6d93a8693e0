"""Reads for speaker facts: what the articles suggest about a speaker's gender."""

from __future__ import annotations

from tracker.models import Speaker
from tracker.speaker_facts import Mention, gender_evidence, gender_suggest

MENTIONS = 300  # quotes read for a suggestion; more say nothing new


def speaker_gender_suggestion(*, speaker: Speaker) -> dict:
    """What the speaker's quotes say about their gender: the votes, and a suggestion when they agree."""
    mentions = []
    quotes = (
        speaker.quotes.exclude(status="rejected")
        .select_related("article")
        .only(
            "cue_text",
            "speaker_text",
            "quote_end",
            "speaker_end",
            "article__language",
            "article__title",
            "article__body",
        )
        .order_by("-pk")[:MENTIONS]
    )
    for quote in quotes:
        document = quote.article.document
        ends = [e for e in (quote.quote_end, quote.speaker_end) if e]
        after = " ".join(document[e : e + 160] for e in ends)
        mentions.append(Mention(quote.article.language, quote.cue_text, quote.speaker_text, after))
    votes = gender_evidence(mentions)
    return {"votes": dict(votes), "suggestion": gender_suggest(votes), "mentions": len(mentions)}
