"""Entry point: (title, body, language) -> attributions.

Each language is one module in ``rules/`` exposing ``detect(doc, entities=None)``;
adding a language means adding a file there.
"""

from __future__ import annotations

import importlib
from functools import cache

from .calibration import calibrated
from .text import span_snap
from .types import Attribution, Document, Span


@cache
def rules_for(language: str):
    try:
        return importlib.import_module(f"{__package__}.rules.{language}")
    except ModuleNotFoundError:
        return None


def supported_languages() -> list[str]:
    from pathlib import Path

    folder = Path(__file__).parent / "rules"
    return sorted(p.stem for p in folder.glob("*.py") if not p.stem.startswith("_"))


def detect(title: str, body: str, language: str, *, entities=None, calibrate: bool = True) -> list[Attribution]:
    """Find who said what. Unknown languages fall back to the English rules' marks-only pass.

    Confidences are calibrated (``calibration.py``): the share of such attributions that were
    right on the development sets. ``calibrate=False`` keeps the rules' raw values, from which
    the calibration table is built."""
    doc = Document(title=title or "", body=body or "", language=(language or "").lower()[:2])
    own = rules_for(doc.language)
    found = (own or rules_for("en")).detect(doc, entities=entities)
    for a in found:
        _snap_attribution(doc.text, a)
        # A language without rules of its own was never measured: its raw (low) confidences stay.
        if calibrate and own is not None:
            a.confidence = calibrated(a.rule, a.confidence)
    return sorted(found, key=lambda a: (a.quote.start, a.quote.end))


def _snap(text: str, span: Span | None) -> Span | None:
    """The span widened over the combining marks at its edges (a final tanween or short vowel)."""
    if span is None:
        return None
    start, end = span_snap(text, span.start, span.end)
    if (start, end) == (span.start, span.end):
        return span
    # The span's own text may differ from the slice (quote pieces joined): add only the edges.
    return Span(start, end, text[start : span.start] + span.text + text[span.end : end])


def _snap_attribution(text: str, a: Attribution) -> None:
    a.quote = _snap(text, a.quote)
    a.speaker_mention = _snap(text, a.speaker_mention)
    a.cue = _snap(text, a.cue)
    if a.parts:
        a.parts = tuple(_snap(text, part) for part in a.parts)
