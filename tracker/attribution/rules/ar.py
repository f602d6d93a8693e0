"""Attribution rules (placeholder until the rules land)."""

from __future__ import annotations

from ..types import Attribution, Document


def detect(doc: Document, entities=None) -> list[Attribution]:
    return []
