"""Speaker registry writes: names found in text become speakers and aliases."""

from __future__ import annotations

from django.db import transaction

from tracker.attribution.text import normalize_name
from tracker.models import Speaker, SpeakerAlias

_KIND_MAP = {
    "person": Speaker.Kind.PERSON,
    "organisation": Speaker.Kind.ORGANISATION,
    "media": Speaker.Kind.MEDIA,
    "government": Speaker.Kind.GOVERNMENT,
    "group": Speaker.Kind.GROUP,
    "unnamed": Speaker.Kind.UNNAMED,
}


def speaker_find(*, name: str) -> Speaker | None:
    """The speaker one of whose aliases normalises to the same key; the most quoted wins."""
    key = normalize_name(name)
    if not key:
        return None
    alias = (
        SpeakerAlias.objects.filter(normalized=key)
        .select_related("speaker")
        .order_by("speaker__created_at", "speaker_id")
        .first()
    )
    return alias.speaker if alias else None


def speaker_alias_add(*, speaker: Speaker, alias: str, language: str = "") -> SpeakerAlias | None:
    key = normalize_name(alias)
    if not key:
        return None
    obj, _ = SpeakerAlias.objects.get_or_create(
        speaker=speaker, normalized=key, defaults={"alias": alias.strip()[:300], "language": language}
    )
    return obj


@transaction.atomic
def speaker_resolve(
    *, name: str, kind: str | None = None, language: str = "", mentions: tuple[str, ...] = ()
) -> Speaker | None:
    """Find or create the speaker called ``name``; every mention becomes an alias of it.

    Unnamed sources ("a senior official") are not merged across articles: each gets a
    speaker of its own kind so that two anonymous officials are never one person.
    """
    name = " ".join((name or "").split())[:300]
    if not normalize_name(name):
        return None
    speaker = None
    if kind != "unnamed":
        speaker = speaker_find(name=name)
        for mention in mentions:
            speaker = speaker or speaker_find(name=mention)
    if speaker is None:
        speaker = Speaker.objects.create(name=name, kind=_KIND_MAP.get(kind or "", Speaker.Kind.PERSON))
    for alias in (name, *mentions):
        speaker_alias_add(speaker=speaker, alias=alias, language=language)
    return speaker
