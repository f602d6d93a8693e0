"""Entry point: (title, body, language) -> attributions.

Each language is one module in ``rules/`` exposing ``detect(doc, entities=None)``;
adding a language means adding a file there.
"""

from __future__ import annotations

import importlib
from functools import cache

from .types import Attribution, Document


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


def detect(title: str, body: str, language: str, *, entities=None) -> list[Attribution]:
    """Find who said what. Unknown languages fall back to the English rules' marks-only pass."""
    doc = Document(title=title or "", body=body or "", language=(language or "").lower()[:2])
    rules = rules_for(doc.language) or rules_for("en")
    found = rules.detect(doc, entities=entities)
    return sorted(found, key=lambda a: (a.quote.start, a.quote.end))
