"""Scoring against gold files, exactly as ../shared/gold/FORMAT.md describes.

Pure Python: the evaluate_attribution management command and the tests call it.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .types import KINDS

_DIACRITICS = {chr(c) for c in range(0x064B, 0x0660)} | {"\u0670", "\u0640"}
_LETTERS = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"}
_QUOTES = set("\"'“”‘’«»„‹›‟‛「」")
MATCH_THRESHOLD = 0.5


def gold_tokens(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text or "")
    out = []
    for ch in text:
        if ch in _DIACRITICS:
            continue
        ch = _LETTERS.get(ch, ch)
        if ch in _QUOTES or unicodedata.category(ch).startswith("P"):
            ch = " "
        out.append(ch)
    return "".join(out).lower().split()


def gold_name(text: str | None) -> str:
    return " ".join(gold_tokens(text or ""))


def token_f1(gold: list[str], pred: list[str]) -> float:
    if not gold or not pred:
        return 0.0
    common = sum((Counter(gold) & Counter(pred)).values())
    return 2 * common / (len(gold) + len(pred))


@dataclass
class Tally:
    """Counts from which every figure is derived."""

    predicted: int = 0  # predictions that count (not matched to an optional gold quote)
    gold: int = 0  # non-optional gold quotes
    matched_pred: int = 0  # counted predictions matched to a gold quote
    matched_gold: int = 0  # non-optional gold quotes matched
    right_speaker: int = 0  # matched pairs with the right speaker (non-optional)
    hits_pred: int = 0
    hits_gold: int = 0

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 0.0

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    def figures(self) -> dict[str, float]:
        qp = self._ratio(self.matched_pred, self.predicted)
        qr = self._ratio(self.matched_gold, self.gold)
        ep = self._ratio(self.hits_pred, self.predicted)
        er = self._ratio(self.hits_gold, self.gold)
        return {
            "quote_precision": qp,
            "quote_recall": qr,
            "quote_f1": self._f1(qp, qr),
            "attribution_accuracy": self._ratio(self.right_speaker, self.matched_gold),
            "e2e_precision": ep,
            "e2e_recall": er,
            "e2e_f1": self._f1(ep, er),
            "predicted": self.predicted,
            "gold": self.gold,
        }


@dataclass
class Outcome:
    tally: Tally = field(default_factory=Tally)
    by_kind: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in KINDS})
    misses: list[dict] = field(default_factory=list)
    extras: list[dict] = field(default_factory=list)
    wrong_speakers: list[tuple[dict, dict]] = field(default_factory=list)
    # Every counted prediction with whether it is an end-to-end hit (right quote, right speaker).
    verdicts: list[tuple[dict, bool]] = field(default_factory=list)


def speaker_ok(gold: dict, predicted: str | None) -> bool:
    name = gold_name(predicted)
    if not name:
        return False
    names = [gold.get("speaker"), *gold.get("aliases", []), *gold.get("alternatives", [])]
    return any(name == gold_name(n) for n in names if n)


def score_article(gold: dict, predictions: list[dict]) -> Outcome:
    golds = gold.get("quotes", [])
    g_tok = [gold_tokens(q["text"]) for q in golds]
    p_tok = [gold_tokens(p.get("text", "")) for p in predictions]
    candidates = []
    for gi, gt in enumerate(g_tok):
        for pi, pt in enumerate(p_tok):
            score = token_f1(gt, pt)
            if score >= MATCH_THRESHOLD:
                candidates.append((score, gi, pi))
    # One to one, best score first; ties broken by position for repeatability.
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    pairs: dict[int, int] = {}
    used_p: set[int] = set()
    for _score, gi, pi in candidates:
        if gi in pairs or pi in used_p:
            continue
        pairs[gi] = pi
        used_p.add(pi)

    out = Outcome()
    pred_of_optional = {pi for gi, pi in pairs.items() if golds[gi].get("optional")}
    for pi, pred in enumerate(predictions):
        if pi in pred_of_optional:
            continue
        kind_tally = out.by_kind.setdefault(pred.get("kind") or "?", Tally())
        for t in (out.tally, kind_tally):
            t.predicted += 1
        if pi not in used_p:
            out.extras.append(pred)
    for gi, q in enumerate(golds):
        if q.get("optional"):
            continue
        g_kind = out.by_kind.setdefault(q.get("kind") or "?", Tally())
        for t in (out.tally, g_kind):
            t.gold += 1
        pi = pairs.get(gi)
        if pi is None:
            out.misses.append(q)
            continue
        pred = predictions[pi]
        p_kind = out.by_kind.setdefault(pred.get("kind") or "?", Tally())
        right = speaker_ok(q, pred.get("speaker"))
        for t in (out.tally, g_kind):
            t.matched_gold += 1
            t.right_speaker += right
            t.hits_gold += right
        for t in (out.tally, p_kind):
            t.matched_pred += 1
            t.hits_pred += right
        if not right:
            out.wrong_speakers.append((q, pred))
    hit_preds = {
        pairs[gi] for gi, q in enumerate(golds) if gi in pairs and speaker_ok(q, predictions[pairs[gi]].get("speaker"))
    }
    out.verdicts = [(p, pi in hit_preds) for pi, p in enumerate(predictions) if pi not in pred_of_optional]
    return out


# The real-news pools (../shared/corpus). Gold files for pool articles keep only the pool id and the
# annotations: the texts belong to their publishers and are joined here, never copied.
CORPUS_DIR = Path(__file__).resolve().parents[3] / "shared" / "corpus"


def pool_texts(ids: set[str], corpus_dir: Path = CORPUS_DIR) -> dict[str, dict]:
    """The pool articles with these ids: {id: {"title", "text", "language", "outlet", ...}}."""
    found: dict[str, dict] = {}
    if not ids or not corpus_dir.is_dir():
        return found
    for pool in sorted(corpus_dir.glob("pool_*.jsonl")):
        with pool.open(encoding="utf-8") as lines:
            for line in lines:
                # Cheap test before parsing: the id appears verbatim in its own line.
                if '"id"' in line and any(f'"{i}"' in line for i in ids):
                    row = json.loads(line)
                    if row.get("id") in ids:
                        found[row["id"]] = row
    return found


def load_gold(paths: list[str | Path], corpus_dir: Path = CORPUS_DIR) -> list[tuple[Path, dict]]:
    """Gold files under these paths. A file without "text" names a pool article by "id"; its title and
    text are joined from the corpus, and it is left out when the corpus is absent."""
    files: list[Path] = []
    for p in map(Path, paths):
        files.extend(sorted(p.rglob("*.json")) if p.is_dir() else [p])
    golds = [(f, json.loads(f.read_text(encoding="utf-8"))) for f in files]
    wanted = {g["id"] for _, g in golds if "text" not in g and g.get("id")}
    pool = pool_texts(wanted, corpus_dir)
    out = []
    for f, g in golds:
        if "text" not in g:
            row = pool.get(g.get("id"))
            if row is None:
                continue
            g = {**g, "title": row.get("title") or "", "text": row.get("text") or ""}
            g.setdefault("language", row.get("language"))
        out.append((f, g))
    return out


def _fmt(fig: dict[str, float]) -> str:
    return (
        f"quotes P {fig['quote_precision']:.3f} R {fig['quote_recall']:.3f} F1 {fig['quote_f1']:.3f}"
        f" | speaker acc {fig['attribution_accuracy']:.3f}"
        f" | e2e P {fig['e2e_precision']:.3f} R {fig['e2e_recall']:.3f} F1 {fig['e2e_f1']:.3f}"
        f" | pred {fig['predicted']} gold {fig['gold']}"
    )


def evaluate(gold_files: list[tuple[Path, dict]], predict, *, verbose: bool = False) -> tuple[dict, list[str]]:
    """Run ``predict(gold) -> list[dict]`` on each file; return the figures and report lines."""
    total = Outcome()
    lines: list[str] = []
    per_file = {}
    per_lang: dict[str, Tally] = {}
    for path, gold in gold_files:
        preds = predict(gold)
        outcome = score_article(gold, preds)
        total.tally.add(outcome.tally)
        for kind, tally in outcome.by_kind.items():
            total.by_kind.setdefault(kind, Tally()).add(tally)
        per_lang.setdefault(gold.get("language", "?"), Tally()).add(outcome.tally)
        per_file[path.name] = outcome.tally.figures()
        lines.append(f"{path.name}: {_fmt(per_file[path.name])}")
        if verbose:
            for q in outcome.misses:
                lines.append(f"  MISS  [{q.get('kind')}] {q.get('speaker')!s}: {q['text']}")
            for p in outcome.extras:
                lines.append(f"  EXTRA [{p.get('kind')}] {p.get('speaker')!s} ({p.get('rule')}): {p.get('text')}")
            for q, p in outcome.wrong_speakers:
                lines.append(
                    f"  WRONG [{q.get('kind')}] want {q.get('speaker')!s}, got {p.get('speaker')!s}"
                    f" ({p.get('rule')}): {q['text'][:80]}"
                )
    lines.append("")
    for lang, tally in sorted(per_lang.items()):
        lines.append(f"language {lang}: {_fmt(tally.figures())}")
    for kind, tally in total.by_kind.items():
        if tally.predicted or tally.gold:
            lines.append(f"kind {kind}: {_fmt(tally.figures())}")
    overall = total.tally.figures()
    lines.append(f"overall: {_fmt(overall)}")
    lines.append(f"end-to-end F1: {overall['e2e_f1']:.3f}")
    result = {
        "overall": overall,
        "by_language": {k: v.figures() for k, v in per_lang.items()},
        "by_kind": {k: v.figures() for k, v in total.by_kind.items() if v.predicted or v.gold},
        "files": per_file,
    }
    return result, lines
