"""Rebuild calibration.json from the development gold sets and print the reliability table.

    python -m tracker.attribution.calibrate [GOLD_DIR ...]

Without arguments it reads the development sets the project measures itself on: the real pool
articles annotated in tests/attribution/gold_real (texts joined from ../shared/corpus) and
../shared/gold/dev. Run it after changing the rules; tests check that the stored table still
describes the rules.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .calibration import TABLE_PATH, build, calibrated, reliability, table
from .engine import detect
from .scoring import load_gold, score_article

REPO = Path(__file__).resolve().parents[2]
DEFAULT_SETS = [REPO / "tests" / "attribution" / "gold_real", REPO.parent / "shared" / "gold" / "dev"]


def raw_predictions(gold: dict) -> list[dict]:
    return [
        {"text": a.quote.text, "speaker": a.speaker, "kind": a.kind, "rule": a.rule, "confidence": a.confidence}
        for a in detect(gold.get("title", ""), gold.get("text", ""), gold.get("language", ""), calibrate=False)
    ]


def verdicts(paths: list[Path]) -> list[tuple[str, float, bool]]:
    out = []
    for _path, gold in load_gold([p for p in paths if p.exists()]):
        for pred, right in score_article(gold, raw_predictions(gold)).verdicts:
            out.append((pred["rule"], pred["confidence"], right))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument(
        "--check", action="store_true", help="Score the stored table on these sets (e.g. unseen ones); write nothing."
    )
    args = parser.parse_args(argv)
    found = verdicts(args.paths or DEFAULT_SETS)
    if not found:
        print("no gold files with texts found", file=sys.stderr)
        return 1
    cells = table() if args.check else build(found)
    if not args.check:
        TABLE_PATH.write_text(
            json.dumps({"predictions": len(found), "cells": cells}, ensure_ascii=False, indent=1) + "\n",
            encoding="utf-8",
        )
        print(f"wrote {TABLE_PATH.name}: {len(found)} predictions, {len(cells)} cells")
    scored = [(calibrated(rule, raw, cells), right) for rule, raw, right in found]
    print("stored confidence  predictions  right  mean confidence")
    for row in reliability(scored):
        print(f"{row['from']:.1f}-{row['to']:.1f}  {row['n']:>11}  {row['right']:.3f}  {row['mean_confidence']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
