"""Confidence that means something: how often a rule is right, measured on the development sets.

Each rule gives a raw confidence (how it found the statement and how it resolved the speaker).
``calibrated(rule, raw)`` turns it into the share of such attributions that were right end to end
(right quote and right speaker) on the development gold sets, so that of quotes stored at 0.9
about nine in ten are right. The measured counts live in ``calibration.json`` beside this file
(data, rebuilt with ``python -m tracker.attribution.calibrate``); sparse cells borrow strength
from their language at the same raw value, their language and all rules, in that order.
"""

from __future__ import annotations

import json
from functools import cache
from itertools import pairwise
from pathlib import Path

TABLE_PATH = Path(__file__).with_name("calibration.json")
# Pseudo-counts a cell borrows from its parent: a cell seen 4 times is half its own evidence.
PRIOR_WEIGHT = 4.0


def raw_bucket(raw: float) -> str:
    return f"{round(max(0.0, min(1.0, raw)) * 20) / 20:.2f}"


def cell_keys(rule: str, raw: float) -> tuple[str, str, str, str]:
    """From the broadest cell to the narrowest: all, the language (rule prefix), the language at this
    raw value (a raw value says how the speaker was found, whatever the rule), the rule at it."""
    language = rule.split(".", 1)[0] if "." in rule else "?"
    bucket = raw_bucket(raw)
    return ("*", language, f"{language}@{bucket}", f"{rule}@{bucket}")


@cache
def table(path: Path = TABLE_PATH) -> dict[str, list[int]]:
    """{cell key: [hits, total]}; empty when the file is absent (raw confidences are kept then)."""
    try:
        return {k: list(v) for k, v in json.loads(path.read_text(encoding="utf-8"))["cells"].items()}
    except (OSError, ValueError, KeyError):
        return {}


def calibrated(rule: str, raw: float, cells: dict[str, list[int]] | None = None) -> float:
    cells = table() if cells is None else cells
    if not cells:
        return raw
    estimate = None
    for key in cell_keys(rule, raw):
        hits, total = cells.get(key, (0, 0))
        if estimate is None:
            estimate = (hits + 1) / (total + 2)  # all rules together, with a uniform prior
        else:
            estimate = (hits + PRIOR_WEIGHT * estimate) / (total + PRIOR_WEIGHT)
    return round(estimate, 3)


def build(verdicts: list[tuple[str, float, bool]]) -> dict[str, list[int]]:
    """(rule, raw confidence, right) for every prediction on the gold sets -> cell counts."""
    cells: dict[str, list[int]] = {}
    for rule, raw, right in verdicts:
        for key in cell_keys(rule, raw):
            cell = cells.setdefault(key, [0, 0])
            cell[0] += int(right)
            cell[1] += 1
    return dict(sorted(cells.items()))


def reliability(scored: list[tuple[float, bool]], edges=(0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)) -> list[dict]:
    """Bins of stored confidence with how many predictions fell in each and how many were right."""
    out = []
    for lo, hi in pairwise(edges):
        inside = [right for conf, right in scored if lo <= conf < hi]
        confs = [conf for conf, _right in scored if lo <= conf < hi]
        if inside:
            out.append(
                {
                    "from": lo,
                    "to": min(hi, 1.0),
                    "n": len(inside),
                    "right": sum(inside) / len(inside),
                    "mean_confidence": sum(confs) / len(confs),
                }
            )
    return out
