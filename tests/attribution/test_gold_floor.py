"""Gold floors: the dev files' figures may not fall below these (per language).

Each language's rules own one entry in FLOORS; the floor sits slightly below what the
rules achieved when they landed, so a regression fails here while small gains don't need
an edit. Files are read from ../shared/gold/dev next to the repository.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.attribution.evaluate import predict_gold
from tracker.attribution.scoring import evaluate, load_gold

GOLD_DEV = Path(__file__).resolve().parents[2].parent / "shared" / "gold" / "dev"

# language -> (file glob, minimum end-to-end F1, minimum quote precision)
FLOORS = {
    "ar": ("ar_*.json", 0.95, 0.95),
    # English: all ten PolNeAR-derived dev articles together (1.000 / 1.000 when the rules landed).
    "en": ("en_*.json", 0.96, 0.96),
}


@pytest.mark.parametrize("language", sorted(FLOORS))
def test_gold_floor(language):
    if not GOLD_DEV.is_dir():
        pytest.skip(f"gold dev files not found at {GOLD_DEV}")
    pattern, min_f1, min_precision = FLOORS[language]
    files = sorted(GOLD_DEV.glob(pattern))
    if not files:
        pytest.skip(f"no {pattern} gold files in {GOLD_DEV}")
    result, lines = evaluate(load_gold(files), predict_gold)
    overall = result["overall"]
    report = "\n".join(lines)
    assert overall["e2e_f1"] >= min_f1, report
    assert overall["quote_precision"] >= min_precision, report
