"""Which NLP backend detection uses: stanza when its models for the article's language are in
``settings.STANZA_DIR``, the built-in rules alone otherwise. The choice is logged once per
process and language, and stored on each article (shown on its page). Detection never fails
because of stanza: an error while loading or running it falls back to the rules for good."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from tracker.attribution import stanza_backend
from tracker.attribution.engine import supported_languages
from tracker.attribution.types import Entity

logger = logging.getLogger("tracker.nlp")

_lock = threading.Lock()
_chosen: dict[tuple[str, str], RulesOnly | StanzaBackend] = {}  # (STANZA_DIR, language) -> backend


@dataclass(frozen=True)
class RulesOnly:
    note: str = "Built-in rules only: stanza models are not installed."
    name: str = "rules"

    def entities(self, document: str, language: str) -> list[Entity] | None:
        return None


@dataclass(frozen=True)
class StanzaBackend:
    model_dir: Path
    language: str
    name: str = "stanza"
    note: str = "Built-in rules with named entities from stanza."

    def entities(self, document: str, language: str) -> list[Entity] | None:
        """Entities, or None after a stanza error (logged; the language then stays on rules)."""
        try:
            return stanza_backend.entities(document, language, model_dir=self.model_dir)
        except Exception as exc:
            _stanza_failed(self.model_dir, language, exc)
            return None


def _stanza_failed(model_dir: Path, language: str, exc: Exception) -> None:
    reason = f"{type(exc).__name__}: {exc}"[:200]
    fallback = RulesOnly(note=f"Built-in rules only: stanza failed for this language ({reason}).")
    with _lock:
        key = (str(model_dir), language)
        if isinstance(_chosen.get(key), StanzaBackend):
            _chosen[key] = fallback
            logger.warning("stanza failed for %s (%s): built-in rules only from now on", language, reason)


def _choose(model_dir: Path, language: str) -> RulesOnly | StanzaBackend:
    if stanza_backend.models_present(model_dir, language):
        backend: RulesOnly | StanzaBackend = StanzaBackend(model_dir=model_dir, language=language)
        logger.info("NLP backend for %s: stanza models in %s", language, model_dir)
    else:
        backend = RulesOnly(
            note=f"Built-in rules only: stanza models for “{language}” are not installed "
            f"(python manage.py nlp_models download {language})."
        )
        logger.info("NLP backend for %s: stanza models absent in %s: built-in rules only", language, model_dir)
    return backend


def current_backend(language: str | None = None) -> RulesOnly | StanzaBackend:
    """The backend for ``language``; without one, stanza if it serves any supported language."""
    model_dir = Path(settings.STANZA_DIR)
    if language is None:
        backends = [current_backend(lang) for lang in supported_languages()]
        return next((b for b in backends if isinstance(b, StanzaBackend)), RulesOnly())
    key = (str(model_dir), language)
    with _lock:
        if key not in _chosen:
            _chosen[key] = _choose(model_dir, language)
        return _chosen[key]


def backend_entities(*, document: str, language: str) -> tuple[RulesOnly | StanzaBackend, list[Entity] | None]:
    """Entities for ``document`` and the backend that actually produced them (the rules when
    stanza failed on this very call)."""
    backend = current_backend(language)
    found = backend.entities(document, language)
    if found is None:
        backend = current_backend(language)
    return backend, found


def stanza_models_status() -> dict[str, bool]:
    """Whether stanza models are present in STANZA_DIR, per supported language."""
    return {lang: stanza_backend.models_present(settings.STANZA_DIR, lang) for lang in supported_languages()}
