"""Score detection against gold files (../shared/gold/FORMAT.md) with the backend detection
uses in this process. The scoring itself is tracker.attribution.scoring's."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tracker.attribution.evaluate import prediction_dicts
from tracker.attribution.scoring import evaluate, load_gold
from tracker.attribution.types import Document
from tracker.nlp import backend_entities


class GoldFileError(Exception):
    """A gold path that cannot be read; the message names it."""


@dataclass
class EvaluationRun:
    figures: dict
    lines: list[str]  # the report; the last is "end-to-end F1: 0.NNN"
    predictions: list[dict] = field(default_factory=list)  # {"id", "quotes"} per article
    backends: dict[str, str] = field(default_factory=dict)  # language -> backend name


def _gold_files(paths: list[str | Path]) -> list[tuple[Path, dict]]:
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise GoldFileError(f"{raw}: no such file or folder.")
        if path.is_dir() and not any(path.rglob("*.json")):
            raise GoldFileError(f"{raw}: no .json gold files in this folder.")
    try:
        return load_gold(list(paths))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise GoldFileError(f"cannot read the gold files: {exc}") from exc


def attribution_evaluate(*, paths: list[str | Path], verbose: bool = False) -> EvaluationRun:
    gold_files = _gold_files(paths)
    run = EvaluationRun(figures={}, lines=[])

    def predict(gold: dict) -> list[dict]:
        # Title and text only: the gold's quotes never reach the detector.
        title, text, language = gold.get("title", ""), gold.get("text", ""), gold.get("language", "")
        backend, entities = backend_entities(document=Document(title, text, language).text, language=language)
        run.backends[language] = backend.name
        quotes = prediction_dicts(title, text, language, entities=entities)
        run.predictions.append({"id": gold.get("id"), "quotes": quotes})
        return quotes

    run.figures, run.lines = evaluate(gold_files, predict, verbose=verbose)
    for (path, _gold), prediction in zip(gold_files, run.predictions, strict=True):
        prediction["id"] = prediction["id"] or path.stem
    return run
