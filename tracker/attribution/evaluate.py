"""Run the engine over gold files: ``python -m tracker.attribution.evaluate DIR [--verbose]``."""

from __future__ import annotations

import argparse
import json
import sys

from .engine import detect
from .scoring import evaluate, load_gold


def prediction_dicts(title: str, text: str, language: str, *, entities=None) -> list[dict]:
    return [
        {
            "text": a.quote.text,
            "speaker": a.speaker,
            "kind": a.kind,
            "start": a.quote.start,
            "end": a.quote.end,
            "via": a.via,
            "confidence": round(a.confidence, 3),
            "rule": a.rule,
        }
        for a in detect(title, text, language, entities=entities)
    ]


def predict_gold(gold: dict) -> list[dict]:
    # Only title and text: the gold's quotes never reach the detector.
    return prediction_dicts(gold.get("title", ""), gold.get("text", ""), gold.get("language", ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result, lines = evaluate(load_gold(args.paths), predict_gold, verbose=args.verbose)
    if args.json:
        print(json.dumps(result, indent=2))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
