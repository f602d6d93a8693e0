"""Gold floors: the dev files' figures may not fall below these (per language).

Each language's rules own one entry in FLOORS; the floor sits slightly below what the
rules achieved when they landed, so a regression fails here while small gains don't need
an edit. Files are read from ../shared/gold/dev next to the repository. HELDOUT_FLOORS do
the same for the held-out articles kept in this repository (tests/attribution/heldout/).
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
    # English: all ten PolNeAR-derived dev articles together (1.000 / 1.000 when the rules landed; 0.991 /
    # 1.000 after an overfitted "the two candidates" -> last two people rule was removed).
    "en": ("en_*.json", 0.96, 0.96),
}


HELDOUT = Path(__file__).resolve().parent / "heldout"

# language -> (minimum end-to-end F1, minimum quote precision) over heldout/<language>/*.json
HELDOUT_FLOORS = {
    # Eight invented articles in eight outlets' styles (0.771 before the rules were generalised;
    # 0.985 / 1.000 after, on articles the rules were then tuned against, so not a blind figure).
    "ar": (0.95, 0.95),
    # Sixteen invented English articles (wire, BBC, Guardian, court, earnings, sport, live blog, feature,
    # US/UK/EU/Australian politics, science) in three batches. Blind figures before tuning on each batch:
    # 0.750 (batch 1, old rules), 0.841 (batch 2), 0.902 (batch 3); 0.994 / 1.000 after, tuned on all.
    "en": (0.97, 0.97),
}


GOLD_REAL = Path(__file__).resolve().parent / "gold_real"

# language -> (minimum end-to-end F1, minimum quote precision) over gold_real/<language>/*.json: real
# pool articles, annotated here by pool id; their text is joined from ../shared/corpus (skipped without it).
REAL_FLOORS = {
    # Twenty-four articles from twenty-one outlets, in batches each scored once before any tuning on it:
    # 12 articles (BBC, Telegraph, CNN, The Hill, Detroit News, AP, New York Post, Houston Chronicle,
    # Sky News, Al Jazeera, CNBC, BuzzFeed) 0.769 end to end (quote P 0.956, speaker accuracy 0.872);
    # then 5 more (Spokesman-Review, Newsweek, AP, Pioneer Press, Live Science) 0.840; 3 more (Fox News,
    # CBS News, Politico) 0.919; 2 more (NBC News, MSN) 0.933; 2 more (Sportsnet, BBC) 0.821. The twelve
    # later articles pooled, each blind: 0.873 end to end, speaker accuracy 0.934. All 24 after tuning:
    # 0.943 / quote precision 0.986.
    "en": (0.91, 0.96),
    # 233 articles from 19 outlets, 2013-2018, annotated in twelve batches by annotators who never ran
    # the detector. Each batch was scored once before any tuning on it (end-to-end F1, engine of the
    # day): 0.583, 0.399, 0.471, 0.555, 0.331, then 0.595 (batch 6, 25 articles), 0.546 (batch 8, 25),
    # 0.513 (batch 7, 25, kept back, final engine) and 0.603 (batch 9, 23, scored last). All 161
    # together: 0.640 end to end, quote precision 0.862, speaker accuracy 0.781. Third round (sentence
    # topics, الأخير, object and adverb cuts): batches 7 and 9 (48 articles, never tuned on) 0.558 ->
    # 0.571; all 161 0.660. Fourth round (sources and groups, demands with their verbal noun,
    # addressees, titles in construct, quoted names): batch 9 0.610 -> 0.624; three new batches of 24,
    # each scored once before tuning on it, engine at the start of the round -> engine of the day:
    # batch 11 0.544 -> 0.561 (then tuned on), batch 12 0.528 -> 0.571 (then tuned on), batch 13
    # 0.644 -> 0.653 (scored last, never tuned on; 0.657 with the final rules). All 233: 0.686 end to
    # end, quote precision 0.876, speaker accuracy 0.823. Fifth round (topics across sentences, names
    # after titles, agreement, headings): batches 9 and 13 (47, never tuned on) 0.642 -> 0.646; batch 14
    # (24 new articles, 17 outlets) 0.599 at base, 0.646 when first scored, 0.681 after tuning on it;
    # batch 15 (24 more, 17 outlets, scored once at the end, never tuned on) 0.635 at base, 0.667 at
    # the start of the round, 0.674 final. Batches 9, 13 and 15 (71, never tuned on): 0.630 -> 0.650
    # -> 0.656. All 281: 0.695 end to end, quote precision 0.876, speaker accuracy 0.835. The floor
    # sits below.
    "ar": (0.68, 0.87),
}


@pytest.mark.parametrize("language", sorted(REAL_FLOORS))
def test_real_article_floor(language):
    files = sorted((GOLD_REAL / language).glob("*.json"))
    golds = load_gold(files)
    if not golds:
        pytest.skip(f"no gold_real/{language} files, or ../shared/corpus absent to join their text")
    min_f1, min_precision = REAL_FLOORS[language]
    result, lines = evaluate(golds, predict_gold)
    overall = result["overall"]
    report = "\n".join(lines)
    assert len(golds) == len(files), report  # every annotation found its pool article
    assert overall["e2e_f1"] >= min_f1, report
    assert overall["quote_precision"] >= min_precision, report


@pytest.mark.parametrize("language", sorted(HELDOUT_FLOORS))
def test_heldout_floor(language):
    files = sorted((HELDOUT / language).glob("*.json"))
    if not files:
        pytest.skip(f"no held-out files in {HELDOUT / language}")
    min_f1, min_precision = HELDOUT_FLOORS[language]
    result, lines = evaluate(load_gold(files), predict_gold)
    overall = result["overall"]
    report = "\n".join(lines)
    assert overall["e2e_f1"] >= min_f1, report
    assert overall["quote_precision"] >= min_precision, report


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
