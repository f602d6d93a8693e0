"""In-document speaker tracking, language-neutral.

A ``Registry`` remembers the speakers a document has named so far (with gender, number,
kind and the words that described them) and answers the questions a rules module asks
when a cue names no one directly:

- a surname or short form ("Kirby", "the State Department")      -> ``resolve_name``
- a descriptor ("the newspaper", "the official at the council")  -> ``resolve_descriptor``
- a pronoun or a dropped subject, by gender/number agreement     -> ``resolve_pronoun``

Everything language-specific (which head word means "newspaper", which words are
titles) stays in the caller; this module only compares folded tokens.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .text import tokens


@dataclass(slots=True)
class Entry:
    name: str  # canonical name as first written (titles stripped)
    kind: str | None = None  # one of types.SPEAKER_KINDS
    gender: str | None = None  # "m", "f" or None when unknown
    plural: bool = False
    category: str | None = None  # caller-defined class: "newspaper", "channel", "official", …
    description: frozenset[str] = frozenset()  # folded tokens of the title/description
    position: int = 0  # offset of the latest mention (recency)
    weak: bool = False  # seen only as a name in passing, not yet as a speaker
    toks: tuple[str, ...] = field(default=())

    def agrees(self, gender: str | None, plural: bool | None) -> bool:
        if plural is not None and self.plural != plural:
            return False
        return gender is None or self.gender is None or self.gender == gender


def _contains(seq: tuple[str, ...], sub: tuple[str, ...]) -> bool:
    n = len(sub)
    return any(seq[i : i + n] == sub for i in range(len(seq) - n + 1))


class Registry:
    """Speakers seen so far in one document, most recent last."""

    def __init__(self) -> None:
        self.entries: list[Entry] = []

    # -- recording ---------------------------------------------------------------------------
    def add(
        self,
        name: str,
        *,
        position: int,
        kind: str | None = None,
        gender: str | None = None,
        plural: bool = False,
        category: str | None = None,
        description: str = "",
        weak: bool = False,
    ) -> Entry:
        """Record a mention; merges with an entry of the same (or a longer) name."""
        toks = tuple(tokens(name))
        desc = frozenset(tokens(description))
        found = self.resolve_name(name, weak_ok=True)
        if found is not None:
            # A fuller form of a name seen before replaces it as canonical ("Kirby" -> "John Kirby").
            if len(toks) > len(found.toks) and _contains(toks, found.toks):
                found.name, found.toks = name, toks
            found.kind = found.kind or kind
            found.gender = found.gender or gender
            found.plural = found.plural or plural
            found.category = found.category or category
            found.description = found.description | desc
            if not weak:
                found.position, found.weak = max(found.position, position), False
            return found
        entry = Entry(name, kind, gender, plural, category, desc, position, weak, toks)
        self.entries.append(entry)
        return entry

    def touch(self, entry: Entry, position: int) -> None:
        """A resolved mention makes its entry the most recent again."""
        entry.position = max(entry.position, position)
        entry.weak = False

    # -- lookup -------------------------------------------------------------------------------
    def _recent(self, weak_ok: bool = False) -> list[Entry]:
        pool = [e for e in self.entries if weak_ok or not e.weak]
        return sorted(pool, key=lambda e: e.position, reverse=True)

    def resolve_name(self, name: str, *, weak_ok: bool = True) -> Entry | None:
        """Same name, a surname of a person, or a contiguous part of a longer multi-word name."""
        toks = tuple(tokens(name))
        if not toks:
            return None
        best = None
        for e in self._recent(weak_ok):
            if e.toks == toks:
                return e
            if best is not None or len(e.toks) <= len(toks):
                continue
            if len(toks) == 1:
                # One word only stands for a person's surname; "Washington" is not "Washington Times".
                if e.kind == "person" and e.toks[-1] == toks[0]:
                    best = e
            elif _contains(e.toks, toks):
                best = e
        return best

    def resolve_descriptor(
        self, category: str | None, context: str = "", *, kinds: tuple[str, ...] = ()
    ) -> Entry | None:
        """Most recent entry of ``category`` (or of ``kinds``); with ``context`` words
        ("at the National Security Council") prefer the entry whose description shares them."""
        ctx = set(tokens(context))
        pool = [
            e
            for e in self._recent()
            if (category is not None and e.category == category) or (kinds and e.kind in kinds)
        ]
        if not pool:
            return None
        if ctx:
            scored = [(len(ctx & (e.description | set(e.toks))), -i, e) for i, e in enumerate(pool)]
            top = max(scored, key=lambda t: (t[0], t[1]))
            if top[0]:
                return top[2]
        return pool[0]

    def resolve_pronoun(
        self,
        gender: str | None,
        plural: bool | None,
        *,
        before: int | None = None,
        kinds: tuple[str, ...] = (),
    ) -> Entry | None:
        """Most recent speaker agreeing in gender and number (optionally mentioned before ``before``)."""
        for e in self._recent():
            if before is not None and e.position >= before:
                continue
            if kinds and e.kind not in kinds:
                continue
            if e.agrees(gender, plural):
                return e
        return None
