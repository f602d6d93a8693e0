"""Plain data the engine returns. Offsets index ``Document.text`` (title + "\\n" + body)."""

from __future__ import annotations

from dataclasses import dataclass, field

KINDS = ("direct", "mixed", "indirect", "headline", "embed")
SPEAKER_KINDS = ("person", "organisation", "media", "government", "group", "unnamed")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Attribution:
    kind: str
    quote: Span
    speaker: str | None = None  # resolved canonical name, titles stripped
    speaker_mention: Span | None = None  # the mention as written where the cue is
    cue: Span | None = None
    via: str | None = None  # who relayed it (the newspaper reporting officials)
    confidence: float = 0.5
    rule: str = ""
    speaker_kind: str | None = None  # one of SPEAKER_KINDS when known
    # Pieces of a quote broken by its cue; quote.text is then the pieces joined by a space.
    parts: tuple[Span, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Document:
    title: str
    body: str
    language: str

    @property
    def text(self) -> str:
        return f"{self.title}\n{self.body}" if self.title else self.body

    @property
    def body_offset(self) -> int:
        return len(self.title) + 1 if self.title else 0


@dataclass(frozen=True, slots=True)
class Entity:
    """A named-entity mention from an NLP backend (stanza), offsets into Document.text."""

    start: int
    end: int
    text: str
    label: str  # PER, ORG, LOC, GPE, MISC, NORP …, as the backend names them
