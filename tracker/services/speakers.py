"""Speaker registry writes: names found in text become speakers and aliases."""

from __future__ import annotations

import re

from django.db import transaction

from tracker.attribution.text import normalize_name
from tracker.models import Speaker, SpeakerAlias
from tracker.services.articles import clean_title
from tracker.services.search import quote_search_text_refresh

_KIND_MAP = {
    "person": Speaker.Kind.PERSON,
    "organisation": Speaker.Kind.ORGANISATION,
    "media": Speaker.Kind.MEDIA,
    "government": Speaker.Kind.GOVERNMENT,
    "group": Speaker.Kind.GROUP,
    "unnamed": Speaker.Kind.UNNAMED,
}


# When the engine does not say what kind of speaker a name is, the name does: a capital or a
# country standing alone speaks for its government ("Washington", "واشنطن"); a word such as
# "ministry" makes a government body, "newspaper" a medium. Matched on folded words.
_CAPITALS = {
    "washington",
    "moscow",
    "tehran",
    "beijing",
    "kyiv",
    "kiev",
    "london",
    "paris",
    "cairo",
    "riyadh",
    "doha",
    "ankara",
    "damascus",
    "baghdad",
    "beirut",
    "amman",
    "berlin",
    "brussels",
    "tel aviv",
    "واشنطن",
    "موسكو",
    "طهران",
    "بكين",
    "كييف",
    "لندن",
    "باريس",
    "القاهره",
    "الرياض",
    "الدوحه",
    "انقره",
    "دمشق",
    "بغداد",
    "بيروت",
    "عمان",
    "برلين",
    "بروكسل",
    "تل ابيب",
}
_KIND_WORDS = {
    Speaker.Kind.GOVERNMENT: {
        "ministry",
        "department",
        "government",
        "pentagon",
        "kremlin",
        "embassy",
        "presidency",
        "cabinet",
        "army",
        "military",
        "police",
        "parliament",
        "congress",
        "senate",
        "council",
        "administration",
        "وزاره",
        "الحكومه",
        "حكومه",
        "البنتاغون",
        "الكرملين",
        "السفاره",
        "الرئاسه",
        "رئاسه",
        "الجيش",
        "جيش",
        "الشرطه",
        "البرلمان",
        "الكونغرس",
        "مجلس",
        "الاداره",
        "الخارجيه",
    },
    Speaker.Kind.MEDIA: {
        "newspaper",
        "times",
        "journal",
        "news",
        "agency",
        "tv",
        "television",
        "channel",
        "radio",
        "reuters",
        "afp",
        "bbc",
        "cnn",
        "gazette",
        "herald",
        "tribune",
        "axios",
        "politico",
        "bloomberg",
        "صحيفه",
        "وكاله",
        "قناه",
        "تلفزيون",
        "اذاعه",
        "موقع",
        "تايمز",
        "جورنال",
        "بوست",
        "نيوز",
        "رويترز",
    },
    Speaker.Kind.ORGANISATION: {
        "company",
        "corp",
        "corporation",
        "inc",
        "ltd",
        "plc",
        "bank",
        "fund",
        "organisation",
        "organization",
        "association",
        "union",
        "institute",
        "foundation",
        "nations",
        "nato",
        "unicef",
        "unrwa",
        "شركه",
        "منظمه",
        "مؤسسه",
        "موسسه",
        "بنك",
        "البنك",
        "صندوق",
        "اتحاد",
        "الاتحاد",
        "الامم",
        "حلف",
        "جمعيه",
    },
    Speaker.Kind.GROUP: {"movement", "party", "militants", "حركه", "حزب", "فصائل", "الفصائل"},
}


def speaker_kind_guess(*, name: str, kind: str | None = None) -> str:
    """The kind the engine found, or the one the name suggests, or a person."""
    if kind in _KIND_MAP:
        return _KIND_MAP[kind]
    key = normalize_name(name)
    if key in _CAPITALS or key.removeprefix("the ") in {"white house", "البيت الابيض"}:
        return Speaker.Kind.GOVERNMENT
    words = set(key.split())
    for guess, markers in _KIND_WORDS.items():
        if words & markers:
            return guess
    return Speaker.Kind.PERSON


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
    obj, created = SpeakerAlias.objects.get_or_create(
        speaker=speaker, normalized=key, defaults={"alias": clean_title(alias)[:300], "language": language}
    )
    if created:
        quote_search_text_refresh(speaker_ids=[speaker.pk])
    return obj


@transaction.atomic
def speaker_resolve(
    *, name: str, kind: str | None = None, language: str = "", mentions: tuple[str, ...] = ()
) -> Speaker | None:
    """Find or create the speaker called ``name``; every mention becomes an alias of it.

    Unnamed sources ("a senior official") are not merged across articles: each gets a
    speaker of its own kind so that two anonymous officials are never one person.
    """
    name = clean_title(name or "")[:300]
    if not normalize_name(name):
        return None
    speaker = None
    if kind != "unnamed":
        speaker = speaker_find(name=name)
        for mention in mentions:
            speaker = speaker or speaker_find(name=mention)
    if speaker is None:
        speaker = Speaker.objects.create(name=name, kind=speaker_kind_guess(name=name, kind=kind))
    for alias in (name, *mentions):
        speaker_alias_add(speaker=speaker, alias=alias, language=language)
    return speaker


# Alias management and merges (editors) ----------------------------------------------------------


class SpeakerChangeRefused(Exception):
    """A change that cannot be made; the message says why."""


@transaction.atomic
def speaker_alias_create(*, speaker: Speaker, alias: str, language: str = "", user=None) -> SpeakerAlias:
    """An editor's new name for a speaker. A name that already belongs to another speaker is
    refused with the advice to merge: one name, one speaker."""
    name = clean_title(alias or "")[:300]
    key = normalize_name(name)
    if not key:
        raise SpeakerChangeRefused("An alias needs letters in it.")
    taken = SpeakerAlias.objects.filter(normalized=key).select_related("speaker").first()
    if taken is not None and taken.speaker_id == speaker.pk:
        raise SpeakerChangeRefused(f"“{name}” is already a name of {speaker.name}.")
    if taken is not None:
        raise SpeakerChangeRefused(
            f"“{name}” is already a name of {taken.speaker.name}: merge the two speakers instead."
        )
    created = SpeakerAlias(speaker=speaker, alias=name, normalized=key, language=language)
    created._history_user = user
    created._change_reason = "alias added"
    created.save()
    quote_search_text_refresh(speaker_ids=[speaker.pk])
    return created


@transaction.atomic
def speaker_alias_remove(*, alias: SpeakerAlias, user=None) -> int:
    """Remove an alias; returns the id of the history record that ``speaker_alias_restore``
    takes to bring it back."""
    speaker = alias.speaker
    if speaker.aliases.count() <= 1:
        raise SpeakerChangeRefused("A speaker keeps at least one alias.")
    alias._history_user = user
    alias._change_reason = "alias removed"
    alias_id = alias.pk
    alias.delete()
    quote_search_text_refresh(speaker_ids=[speaker.pk])
    return SpeakerAlias.history.filter(id=alias_id, history_type="-").latest("history_date", "history_id").history_id


@transaction.atomic
def speaker_alias_restore(*, speaker: Speaker, history_id: int, user=None) -> SpeakerAlias:
    """Undo the removal recorded as ``history_id``: the alias comes back to its speaker."""
    record = SpeakerAlias.history.filter(history_id=history_id, history_type="-", speaker_id=speaker.pk).first()
    if record is None:
        raise SpeakerChangeRefused("There is no removed alias to bring back here.")
    if SpeakerAlias.objects.filter(normalized=record.normalized).exists():
        raise SpeakerChangeRefused(f"“{record.alias}” is a name of a speaker again; nothing to undo.")
    alias = SpeakerAlias(
        pk=record.id, speaker=speaker, alias=record.alias, normalized=record.normalized, language=record.language
    )
    if SpeakerAlias.objects.filter(pk=record.id).exists():
        alias.pk = None
    alias._history_user = user
    alias._change_reason = "alias removal undone"
    alias.save(force_insert=True)
    quote_search_text_refresh(speaker_ids=[speaker.pk])
    return alias


def _quotes_update(ids: list[int], user=None, **fields) -> None:
    """Update quotes one by one through save() so django-simple-history records each change.
    Each moves to its next version, so an editor's save based on the old one is refused."""
    from tracker.models import Quote

    for quote in Quote.objects.filter(pk__in=ids).select_for_update():
        for name, value in fields.items():
            setattr(quote, name, value)
        quote.version += 1
        quote._history_user = user
        quote._change_reason = "speaker merge"
        quote.save(update_fields=[*fields, "version", "updated_at"])


@transaction.atomic
def speaker_merge(*, source: Speaker, target: Speaker, user=None):
    """Merge ``source`` into ``target``: its quotes, relayed quotes and aliases move over, then it
    is deleted (history keeps it). Returns the SpeakerMerge record ``speaker_merge_undo`` takes."""
    from tracker.models import Quote, SpeakerMerge

    if source.pk == target.pk:
        raise SpeakerChangeRefused("A speaker cannot be merged into itself.")
    source = Speaker.objects.select_for_update().get(pk=source.pk)
    target = Speaker.objects.select_for_update().get(pk=target.pk)
    quote_ids = list(Quote.objects.filter(speaker=source).values_list("pk", flat=True))
    via_ids = list(Quote.objects.filter(via=source).values_list("pk", flat=True))
    target_keys = set(target.aliases.values_list("normalized", flat=True))
    moved, dropped = [], []
    for alias in source.aliases.all():
        if alias.normalized in target_keys:
            dropped.append([alias.alias, alias.language])
            alias.delete()
        else:
            alias.speaker = target
            alias._history_user = user
            alias._change_reason = "speaker merge"
            alias.save(update_fields=["speaker"])
            moved.append(alias.pk)
            target_keys.add(alias.normalized)
    _quotes_update(quote_ids, user, speaker=target)
    _quotes_update(via_ids, user, via=target)
    record = SpeakerMerge.objects.create(
        target=target,
        source_id=source.pk,
        source_name=source.name,
        source_data={
            "kind": source.kind,
            "description": source.description,
            "wikidata_id": source.wikidata_id,
            "created_at": source.created_at.isoformat(),
        },
        moved_quote_ids=quote_ids,
        moved_via_ids=via_ids,
        moved_alias_ids=moved,
        dropped_aliases=dropped,
        merged_by=user,
    )
    if not target.description and source.description:
        target.description = source.description
        target.save(update_fields=["description", "updated_at"])
    source._history_user = user
    source._change_reason = f"merged into speaker {target.pk}"
    source.delete()
    quote_search_text_refresh(speaker_ids=[target.pk])
    return record


@transaction.atomic
def speaker_merge_undo(*, merge, user=None) -> Speaker:
    """Bring the merged speaker back with its id, and move back what the merge moved (quotes an
    editor re-attributed since stay where they are)."""
    import datetime as dt

    from django.utils import timezone

    from tracker.models import Quote, SpeakerMerge

    merge = SpeakerMerge.objects.select_for_update().get(pk=merge.pk)
    if merge.undone_at is not None:
        raise SpeakerChangeRefused("This merge was already undone.")
    if Speaker.objects.filter(pk=merge.source_id).exists():
        raise SpeakerChangeRefused("A speaker with the merged speaker's id exists again.")
    data = merge.source_data
    source = Speaker(
        pk=merge.source_id,
        name=merge.source_name,
        kind=data.get("kind", Speaker.Kind.PERSON),
        description=data.get("description", ""),
        wikidata_id=data.get("wikidata_id", ""),
    )
    source._history_user = user
    source._change_reason = f"merge into speaker {merge.target_id} undone"
    source.save(force_insert=True)
    if data.get("created_at"):
        Speaker.objects.filter(pk=source.pk).update(created_at=dt.datetime.fromisoformat(data["created_at"]))
    for alias in SpeakerAlias.objects.filter(pk__in=merge.moved_alias_ids, speaker_id=merge.target_id):
        alias.speaker = source
        alias._history_user = user
        alias._change_reason = "speaker merge undone"
        alias.save(update_fields=["speaker"])
    for alias, language in merge.dropped_aliases:
        speaker_alias_add(speaker=source, alias=alias, language=language)
    if not source.aliases.exists():
        speaker_alias_add(speaker=source, alias=source.name)
    quote_ids = Quote.objects.filter(pk__in=merge.moved_quote_ids, speaker_id=merge.target_id)
    via_ids = Quote.objects.filter(pk__in=merge.moved_via_ids, via_id=merge.target_id)
    _quotes_update(list(quote_ids.values_list("pk", flat=True)), user, speaker=source)
    _quotes_update(list(via_ids.values_list("pk", flat=True)), user, via=source)
    merge.undone_at = timezone.now()
    merge.save(update_fields=["undone_at"])
    quote_search_text_refresh(speaker_ids=[source.pk, merge.target_id])
    return source


# Suggested duplicates ---------------------------------------------------------------------------

# A consonant skeleton shared by a name in Arabic and in Latin script ("Kirby" / "كيربي" -> "krb").
_LATIN_DIGRAPHS = (("sh", "s"), ("kh", "k"), ("th", "t"), ("ph", "f"), ("ch", "k"), ("gh", "g"), ("dh", "d"))
_SKELETON = str.maketrans(
    {
        **dict.fromkeys("kcqكق", "k"),
        **dict.fromkeys("gjغج", "g"),
        **dict.fromkeys("tتطث", "t"),
        **dict.fromkeys("dدضذ", "d"),
        **dict.fromkeys("sxصسشz", "s"),
        **dict.fromkeys("زظ", "s"),
        **dict.fromkeys("fvفپ", "f"),
        **dict.fromkeys("bpب", "b"),
        **dict.fromkeys("mم", "m"),
        **dict.fromkeys("nن", "n"),
        **dict.fromkeys("lل", "l"),
        **dict.fromkeys("rر", "r"),
        **dict.fromkeys("aeiouywhاويىهحعءأإآةئؤ", ""),
        "خ": "k",
    }
)


def translit_key(word: str) -> str:
    """Script-independent consonant skeleton of one word (folded first)."""
    word = normalize_name(word).replace(" ", "")
    if word.startswith("ال") and len(word) > 4:
        word = word[2:]
    for digraph, single in _LATIN_DIGRAPHS:
        word = word.replace(digraph, single)
    out = []
    for ch in word.translate(_SKELETON):
        if ch.isascii() and ch.isalpha() and (not out or out[-1] != ch):
            out.append(ch)
    return "".join(out)


def _script(text: str) -> str:
    return "arabic" if any("\u0600" <= ch <= "\u06ff" for ch in text) else "latin"


# Letters that spellings of one name add or drop: Arabic long vowels and hamza seats
# (الأميركية / الأمريكية, نتنياهو / نتانياهو), Latin vowels after a word's first letter.
_ARABIC_VARIANT = str.maketrans(dict.fromkeys("اويىءئؤ", ""))
_LATIN_VOWELS = re.compile(r"(?<=\w)[aeiouy]")


def variant_key(name: str) -> str:
    """A name's spelling-insensitive key: two spellings of one name share it."""
    words = []
    for word in normalize_name(name).split():
        word = word.translate(_ARABIC_VARIANT) if _script(word) == "arabic" else _LATIN_VOWELS.sub("", word)
        word = re.sub(r"(.)\1+", r"\1", word)
        if word:
            words.append(word)
    return " ".join(words)


def _duplicate_pairs(rows) -> dict[tuple[int, int], str]:
    """(speaker id, speaker id) -> why, from (speaker id, alias, normalized) rows."""
    from collections import defaultdict

    by_surname: dict[str, set[int]] = defaultdict(set)
    by_skeleton: dict[str, set[tuple[int, str]]] = defaultdict(set)
    by_variant: dict[str, set[tuple[int, str]]] = defaultdict(set)
    for speaker_id, alias, key in rows:
        words = key.split()
        if not words:
            continue
        surname = words[-1]
        if len(surname) >= 3 and len(words) >= 2:
            by_surname[surname].add(speaker_id)
        skeleton = translit_key(surname)
        if len(skeleton) >= 3:
            by_skeleton[skeleton].add((speaker_id, _script(alias)))
        variant = variant_key(key)
        if len(variant.replace(" ", "")) >= 3:
            by_variant[variant].add((speaker_id, key))
    pairs: dict[tuple[int, int], str] = {}
    for entries in by_variant.values():
        for a, key_a in entries:
            for b, key_b in entries:
                if a < b and key_a != key_b:
                    pairs.setdefault((a, b), "two spellings of one name")
    for ids in by_surname.values():
        for a in ids:
            for b in ids:
                if a < b:
                    pairs.setdefault((a, b), "same surname")
    for entries in by_skeleton.values():
        for a, script_a in entries:
            for b, script_b in entries:
                if a < b and script_a != script_b:
                    pairs.setdefault((a, b), "same name in Arabic and Latin script")
    return pairs


def speaker_duplicates_suggest(
    *, limit: int = 50, speaker: Speaker | None = None
) -> list[tuple[Speaker, Speaker, str]]:
    """Pairs of named speakers that may be one: the same folded surname, two spellings of one
    name, or the same name in Arabic and Latin script. Unnamed sources are never suggested.
    Each pair is (keep, merge away, why): the speaker with more quotes is the one kept.
    With ``speaker``, only the pairs it is part of."""
    from django.db.models import Count, Q

    from tracker.models import Quote

    named = Speaker.objects.exclude(kind=Speaker.Kind.UNNAMED)
    rows = SpeakerAlias.objects.filter(speaker__in=named).values_list("speaker_id", "alias", "normalized")
    pairs = _duplicate_pairs(rows)
    if speaker is not None:
        pairs = {pair: why for pair, why in pairs.items() if speaker.pk in pair}
    ordered = sorted(pairs.items())[:limit]
    ids = {i for pair, _ in ordered for i in pair}
    speakers = Speaker.objects.annotate(n=Count("quotes", filter=~Q(quotes__status=Quote.Status.REJECTED))).in_bulk(ids)
    out = []
    for (a, b), why in ordered:
        if a in speakers and b in speakers:
            keep, away = speakers[a], speakers[b]
            if (away.n, -away.pk) > (keep.n, -keep.pk):
                keep, away = away, keep
            out.append((keep, away, why))
    return out
