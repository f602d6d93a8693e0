"""Detection speed of the rules backend: ``python -m tracker.attribution.bench`` (``make bench-detect``).

A benchmark, not a test. Three parts, on one core and without stanza; figures are per CPU second
of this process, so other work on the machine hardly moves them:

1. Each language's dev articles (../shared/gold/dev/*.json, title and text only; the demo article
   when the gold files are absent) run one after the other until at least ``--mb`` MB of UTF-8
   text has gone through the engine.
2. Every article of the real pools (../shared/corpus/pool_*.jsonl; skipped when absent) once:
   MB/s, the slowest article (the goal is under 1 s each) and any article that raised.
3. Pathological paragraphs (one run-on sentence of thousands of cues, quotes or titles), whose
   time must grow linearly with their length (the goal: 6,000 "he said" in 48 KB under 5 s).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from .engine import detect

REPO = Path(__file__).resolve().parents[2]
GOLD_DEV = REPO.parent / "shared" / "gold" / "dev"
CORPUS = REPO.parent / "shared" / "corpus"

_SYLLABLES = ("ka", "lo", "mi", "ra", "to", "ve", "sa", "du", "bre", "ol")


def _name(i: int) -> str:
    """A distinct made-up name per number ("Kalomira")."""
    return "".join(_SYLLABLES[int(c)] for c in f"{i:04d}").title()


_AR_SURNAMES = [chr(0x0628 + (k * 7) % 20) + "ا" + chr(0x0633 + (k * 3) % 8) + "ي" for k in range(40)]

# name -> (language, paragraph): one paragraph each, no sentence break in most of them.
PATHOLOGICAL = {
    '6,000 "he said" (48 KB)': ("en", "he said " * 6000),
    '3,000 "according to officials who said"': ("en", "according to officials who said " * 3000),
    '2,000 "Smith, the mayor, said"': ("en", "Smith, the mayor, said " * 2000),
    '1,200 "Officials said that the minister said that"': ("en", "Officials said that the minister said that " * 1200),
    "1,500 quotes in one sentence": ("en", 'Ms. Lee said "yes, we will", and ' * 1500),
    '600 long titles before "said"': (
        "en",
        "Senior Deputy Assistant Secretary of State for European Affairs John Smith Jr. said " * 600,
    ),
    '1,800 "Kirby, CNN: "…""': ("en", 'Kirby, CNN: "We are ready." ' * 1800),
    "20,000 opening quotation marks": ("en", "“" * 20000),
    "2,000 distinct people and pronouns": (
        "en",
        " ".join(
            f"{_name(i)} {_name(i + 5000)} said the plan had failed. He said so. The company said it would close."
            for i in range(2000)
        ),
    ),
    '6,000 "وقال المتحدث"': ("ar", "وقال المتحدث " * 6000),
    '3,000 "قال إنه قال إن"': ("ar", "قال إنه قال إن " * 3000),
    '3,000 "بحسب مسؤولين قالوا"': ("ar", "بحسب مسؤولين قالوا " * 3000),
    '2,000 "وقال كيربي: "نعم"،"': ("ar", 'وقال كيربي: "نعم"، ' * 2000),
    # Names from the given-name lexicon, each with a title: entity lookups must stay local.
    "2,000 titled people, each then a pronoun and a descriptor": (
        "ar",
        " ".join(
            f"وقال الوزير محمد {_AR_SURNAMES[i % 40]}{i} إن الخطة ستنجح. وأضاف أن التمويل متوفر للمشروع. "
            "وقال المسؤول إن العمل مستمر."
            for i in range(2000)
        ),
    ),
}
DEMO = REPO / "tracker" / "demo"


def load_articles(folder: Path = GOLD_DEV) -> tuple[list[dict], str]:
    """(title, text, language) dicts and where they came from."""
    files = sorted(folder.glob("*.json")) if folder.is_dir() else []
    source = str(folder)
    if not files:
        files, source = sorted(DEMO.glob("*.json")), f"{DEMO} (demo; no gold files in {folder})"
    articles = []
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        articles.append({"title": data.get("title", ""), "text": data["text"], "language": data["language"]})
    return articles, source


def run(articles: list[dict], target_bytes: int) -> dict:
    """Detect over ``articles`` cycled until ``target_bytes``; counts and CPU seconds."""
    for a in articles:  # warm-up: imports, compiled patterns
        detect(a["title"], a["text"], a["language"])
    sizes = [len(f"{a['title']}\n{a['text']}".encode()) for a in articles]
    done = size = quotes = 0
    start = time.process_time()
    while size < target_bytes:
        a = articles[done % len(articles)]
        quotes += len(detect(a["title"], a["text"], a["language"]))
        size += sizes[done % len(articles)]
        done += 1
    return {"articles": done, "bytes": size, "quotes": quotes, "seconds": time.process_time() - start}


def _line(label: str, r: dict) -> str:
    mb = r["bytes"] / 1_000_000
    return (
        f"{label:8} {r['articles']:7d} articles  {mb:6.2f} MB  {r['seconds']:6.2f} s CPU  "
        f"{r['articles'] / r['seconds']:8.1f} articles/s  {mb / r['seconds']:5.2f} MB/s"
    )


def run_pools(corpus: Path = CORPUS) -> list[str]:
    """Every pool article once: per-language MB/s, the slowest article and the ones that raised."""
    pools = sorted(corpus.glob("pool_*.jsonl")) if corpus.is_dir() else []
    if not pools:
        return [f"pools: skipped (no pool_*.jsonl in {corpus})"]
    lines = []
    for pool in pools:
        size = done = 0
        seconds = 0.0
        worst = (0.0, "")
        failed: list[str] = []
        with pool.open(encoding="utf-8") as rows:
            for row in map(json.loads, rows):
                title, text = row.get("title") or "", row.get("text") or ""
                start = time.process_time()
                try:
                    detect(title, text, row.get("language") or "")
                except Exception as exc:  # a benchmark reports, it does not stop
                    failed.append(f"{row.get('id')} ({type(exc).__name__})")
                took = time.process_time() - start
                seconds += took
                size += len(f"{title}\n{text}".encode())
                done += 1
                worst = max(worst, (took, str(row.get("id"))))
        mb = size / 1_000_000
        lines.append(
            f"{pool.name:16} {done:5d} articles  {mb:6.2f} MB  {seconds:6.2f} s CPU  {mb / seconds:5.2f} MB/s  "
            f"slowest {worst[0]:.3f} s ({worst[1]})  raised: {len(failed)}"
        )
        lines.extend(f"  raised: {f}" for f in failed)
    return lines


def run_pathological() -> list[str]:
    lines = []
    for name, (language, body) in PATHOLOGICAL.items():
        start = time.process_time()
        found = detect("", body, language)
        took = time.process_time() - start
        lines.append(
            f"{language} {name:50} {len(body.encode()) / 1000:6.1f} KB  {took:6.2f} s CPU  {len(found)} quotes"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="MB of text per language (default 5).")
    parser.add_argument("--gold", type=Path, default=GOLD_DEV, help="Folder of gold .json files.")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="Folder of the real pools (pool_*.jsonl).")
    args = parser.parse_args(argv)
    articles, source = load_articles(args.gold)
    by_language: dict[str, list[dict]] = {}
    for a in articles:
        by_language.setdefault(a["language"], []).append(a)
    print(f"rules backend, one core; articles from {source}; at least {args.mb:g} MB per language")
    total = {"articles": 0, "bytes": 0, "quotes": 0, "seconds": 0.0}
    for language, group in sorted(by_language.items()):
        result = run(group, int(args.mb * 1_000_000))
        print(_line(language, result) + f"  ({len(group)} distinct, {result['quotes']} quotes)")
        for key in total:
            total[key] += result[key]
    print(_line("overall", total))
    print(f"\nreal pools, every article once ({args.corpus}); goal: each under 1 s")
    print("\n".join(run_pools(args.corpus)))
    print("\npathological paragraphs (one paragraph each); goal: linear, 48 KB under 5 s")
    print("\n".join(run_pathological()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
