"""Detection speed of the rules backend: ``python -m tracker.attribution.bench`` (``make bench-detect``).

A benchmark, not a test. Each language's dev articles (../shared/gold/dev/*.json, title and text
only; the demo article when the gold files are absent) are run one after the other until at
least ``--mb`` MB of UTF-8 text has gone through the engine, on one core and without stanza.
Figures are per CPU second of this process, so other work on the machine hardly moves them.
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="MB of text per language (default 5).")
    parser.add_argument("--gold", type=Path, default=GOLD_DEV, help="Folder of gold .json files.")
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
