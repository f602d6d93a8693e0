"""In-document speaker tracking, language-neutral.

A ``Registry`` remembers the speakers a document has named so far (with gender, number,
kind and the words that described them) and answers the questions a rules module asks
when a cue names no one directly:

- a surname or short form ("Ortega", "the Interior Ministry")    -> ``resolve_name``
- a descriptor ("the newspaper", "the official at the council")  -> ``resolve_descriptor``
- a pronoun or a dropped subject, by gender/number agreement     -> ``resolve_pronoun``

Everything language-specific (which head word means "newspaper", which words are
titles) stays in the caller; this module only compares folded tokens.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice

from .text import skeleton
from .text import tokens as _tokens

# How many of the latest entries a pronoun or a descriptor may reach back to.
_LOOK_BACK_ENTRIES = 120


@lru_cache(maxsize=8192)
def tokens(text: str) -> tuple[str, ...]:
    """Folded name tokens, cached: the same names come back all through a document. Arabic
    tokens are compared by their skeleton, so one name in two spellings is one speaker."""
    return tuple(skeleton(t) for t in _tokens(text))


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
    seq: int = 0  # order of recording, for ties in recency

    def agrees(self, gender: str | None, plural: bool | None, *, strict: bool = False) -> bool:
        if plural is not None and self.plural != plural:
            return False
        if gender is None:
            return True
        return self.gender == gender if strict else self.gender in (None, gender)


def _contains(seq: tuple[str, ...], sub: tuple[str, ...]) -> bool:
    n = len(sub)
    return any(seq[i : i + n] == sub for i in range(len(seq) - n + 1))


class Registry:
    """Speakers seen so far in one document, most recent last.

    Lookups go through token indexes and pick the most recent candidate in one pass (no
    sorting), so a long document with many names stays linear.
    """

    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self._exact: dict[tuple[str, ...], Entry] = {}
        # token -> entries holding it, and last token -> entries ending with it; keyed by id so
        # that adding an entry costs the same however many share a token (محمد …).
        self._by_token: dict[str, dict[int, Entry]] = {}
        self._by_last: dict[str, dict[int, Entry]] = {}
        # Entries in the order their position last changed: pronouns and descriptors look back
        # over the latest ones only, so each lookup is bounded however many names came before.
        self._order: dict[int, Entry] = {}

    def _bump(self, entry: Entry) -> None:
        self._order.pop(id(entry), None)
        self._order[id(entry)] = entry

    def _latest(self):
        return islice((self._order[k] for k in reversed(self._order)), _LOOK_BACK_ENTRIES)

    def _index(self, entry: Entry) -> None:
        self._exact[entry.toks] = entry
        for t in set(entry.toks):
            self._by_token.setdefault(t, {}).setdefault(id(entry), entry)
        if entry.toks:
            self._by_last.setdefault(entry.toks[-1], {}).setdefault(id(entry), entry)

    def _ending_with(self, token: str):
        return (e for e in self._by_last.get(token, {}).values() if e.toks and e.toks[-1] == token)

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
        if found is None and kind == "person" and toks:
            # The surname came first ("Ortega", later "Ana Ortega"): upgrade that entry.
            found = _most_recent(
                e
                for e in self._ending_with(toks[-1])
                if e.kind in (None, "person") and 0 < len(e.toks) < len(toks) and toks[-len(e.toks) :] == e.toks
            )
        if found is not None:
            # A fuller form of a name seen before replaces it as canonical ("Ortega" -> "Ana Ortega").
            if len(toks) > len(found.toks) and _contains(toks, found.toks):
                found.name, found.toks = name, toks
                self._index(found)
            found.kind = found.kind or kind
            found.gender = found.gender or gender
            found.plural = found.plural or plural
            found.category = found.category or category
            found.description = found.description | desc
            if not weak:
                found.position, found.weak = max(found.position, position), False
                self._bump(found)
            return found
        entry = Entry(name, kind, gender, plural, category, desc, position, weak, toks, len(self.entries))
        self.entries.append(entry)
        self._index(entry)
        self._bump(entry)
        return entry

    def mentioned(self, word: str, position: int) -> None:
        """A speaker seen before is named again (as a subject or an object): recent again. Only a
        person's surname or a whole one-word name counts; a word shared by many names says nothing."""
        toks = tokens(word)
        if len(toks) != 1:
            return
        found = [e for e in self._ending_with(toks[0]) if not e.weak]
        if len(found) == 1 and (found[0].kind == "person" or len(found[0].toks) == 1):
            found[0].position = max(found[0].position, position)
            self._bump(found[0])

    def touch(self, entry: Entry, position: int) -> None:
        """A resolved mention makes its entry the most recent again."""
        entry.position = max(entry.position, position)
        entry.weak = False
        self._bump(entry)

    # -- lookup -------------------------------------------------------------------------------
    def resolve_name(self, name: str, *, weak_ok: bool = True) -> Entry | None:
        """Same name, a surname of a person, or a contiguous part of a longer multi-word name."""
        toks = tuple(tokens(name))
        if not toks:
            return None
        exact = self._exact.get(toks)
        if exact is not None and exact.toks == toks and (weak_ok or not exact.weak):
            return exact
        if len(toks) == 1:
            # One word only stands for a person's surname; "Washington" is not "Washington Times".
            return _most_recent(
                e
                for e in self._ending_with(toks[0])
                if (weak_ok or not e.weak) and len(e.toks) > 1 and e.kind == "person"
            )
        # The rarest token's entries: every candidate must hold all of them anyway.
        candidates = min((self._by_token.get(t, {}) for t in toks), key=len).values()
        return _most_recent(
            e for e in candidates if (weak_ok or not e.weak) and len(e.toks) > len(toks) and _contains(e.toks, toks)
        )

    def resolve_given(self, name: str) -> Entry | None:
        """A person called by the given name alone after a title (the Prince, Ali): the latest
        person whose name opens with it, among the latest entries like a pronoun."""
        toks = tuple(tokens(name))
        if len(toks) != 1:
            return None
        return _most_recent(
            e for e in self._latest() if e.kind == "person" and len(e.toks) > 1 and e.toks[0] == toks[0] and not e.weak
        )

    def resolve_descriptor(
        self,
        category: str | None,
        context: str = "",
        *,
        kinds: tuple[str, ...] = (),
        require_context: bool = False,
        before: int | None = None,
        gender: str | None = None,
        weak_ok: bool = False,
    ) -> Entry | None:
        """Most recent entry of ``category`` (or of ``kinds``); with ``context`` words
        ("at the National Security Council") prefer the entry whose description shares them,
        and with ``require_context`` accept no other (a person descriptor with its own words).
        ``weak_ok``: a name seen only in passing may answer when its description matches."""
        ctx = {t for t in tokens(context) if len(t) > 3}  # function words (of, the, في) say nothing
        best, best_key = None, None
        for e in self._latest():
            if e.weak and not (weak_ok and (not ctx or ctx & (e.description | set(e.toks)))):
                continue
            if not ((category is not None and e.category == category) or (kinds and e.kind in kinds)):
                continue
            if (before is not None and e.position >= before) or (gender is not None and e.gender not in (None, gender)):
                continue
            score = len(ctx & (e.description | set(e.toks))) if ctx else 0
            key = (score, e.position, -e.seq)  # ties: the entry recorded first
            if best_key is None or key > best_key:
                best, best_key = e, key
        if best is None:
            return None
        if ctx and best_key[0] == 0 and require_context:
            return None
        return best

    def resolve_pronoun(
        self,
        gender: str | None,
        plural: bool | None,
        *,
        before: int | None = None,
        kinds: tuple[str, ...] = (),
    ) -> Entry | None:
        """Most recent speaker agreeing in gender and number (optionally mentioned before ``before``).
        Entries whose gender is known and agrees win over entries of unknown gender."""
        strict_best = loose_best = None
        for e in self._latest():
            if e.weak or (before is not None and e.position >= before) or (kinds and e.kind not in kinds):
                continue
            if e.agrees(gender, plural, strict=True):
                if strict_best is None or (e.position, -e.seq) > (strict_best.position, -strict_best.seq):
                    strict_best = e
            elif e.agrees(gender, plural) and (
                loose_best is None or (e.position, -e.seq) > (loose_best.position, -loose_best.seq)
            ):
                loose_best = e
        return strict_best or loose_best


def _most_recent(entries) -> Entry | None:
    best = None
    for e in entries:
        if best is None or e.position > best.position:
            best = e
    return best
