"""Speaker facts editors set: kind, gender, Wikidata id (with what the articles suggest)."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError

from tracker.models import Speaker

_WIKIDATA = re.compile(
    r"^(?:https?://(?:www\.|m\.)?wikidata\.org/(?:wiki|entity)/)?(Q[1-9][0-9]{0,11})/?$", re.IGNORECASE
)


class SpeakerFactsInvalid(ValidationError):
    pass


def wikidata_id_clean(value: str) -> str:
    """ "Q42", "q42" or a Wikidata URL to "Q42"; "" stays ""."""
    value = (value or "").strip()
    if not value:
        return ""
    match = _WIKIDATA.match(value)
    if not match:
        raise SpeakerFactsInvalid(f"{value[:60]!r} is not a Wikidata id (Q followed by digits, e.g. Q42).")
    return match.group(1).upper()


def speaker_facts_set(*, speaker: Speaker, kind: str, gender: str, wikidata_id: str, user) -> Speaker:
    if kind not in Speaker.Kind.values:
        raise SpeakerFactsInvalid(f"Unknown kind {kind!r}.")
    if gender not in Speaker.Gender.values:
        raise SpeakerFactsInvalid(f"Unknown gender {gender!r}.")
    if gender and kind != Speaker.Kind.PERSON:
        raise SpeakerFactsInvalid("Only people have a gender here; set the kind to Person first.")
    speaker.kind, speaker.gender, speaker.wikidata_id = kind, gender, wikidata_id_clean(wikidata_id)
    speaker._history_user = user
    speaker._change_reason = "facts"
    speaker.save(update_fields=["kind", "gender", "wikidata_id", "updated_at"])
    return speaker
