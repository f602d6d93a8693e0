"""Search and export benchmark (figures, not a test): run after ``generate_corpus``.

    python manage.py bench_search [--rounds 5] [--export-rows 100000]

Search: each query is run as the search page runs it (count + the first page of 20 rows),
``--rounds`` times after one warm-up; p50/p95 over all timings. Export: a CSV of
``--export-rows`` rows streamed through the same generator the export view uses, timed, with
the Python heap peak (tracemalloc) and the growth of the process's peak RSS.
"""

from __future__ import annotations

import datetime as dt
import resource
import statistics
import time
import tracemalloc

from django.core.management.base import BaseCommand
from django.db import connection

from tracker.models import Quote
from tracker.search import QuoteQuery, SearchPaginator, quote_search
from tracker.services.exports import csv_stream

QUERIES = [
    QuoteQuery(q="ceasefire"),
    QuoteQuery(q="ceasefire hostages"),
    QuoteQuery(q="Kirby ceasefire"),
    QuoteQuery(q='"humanitarian pause"'),
    QuoteQuery(q="Rafah crossing", sort="-date"),
    QuoteQuery(q="hospitals -fuel", language="en"),
    QuoteQuery(q="blinken two-state solution"),
    QuoteQuery(q="كيربى"),
    QuoteQuery(q="وقف إطلاق النار"),
    QuoteQuery(q="الهدنة الإنسانية"),
    QuoteQuery(q="نتنياهو رفح", sort="-date"),
    QuoteQuery(q="المستشفيات", language="ar", status="accepted"),
    QuoteQuery(q="حماية المدنيين", date_from=dt.date(2024, 1, 1), date_to=dt.date(2024, 3, 31)),
    QuoteQuery(q="Guterres or غوتيريش"),
    QuoteQuery(language="en", kind="direct", sort="-date"),
    QuoteQuery(accepted=True, date_from=dt.date(2024, 6, 1)),
]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


class Command(BaseCommand):
    help = "Search p50/p95 and a CSV export of N rows on the current database."

    def add_arguments(self, parser):
        parser.add_argument("--rounds", type=int, default=5)
        parser.add_argument("--export-rows", type=int, default=100_000)

    def handle(self, *args, rounds: int, export_rows: int, **options):
        total = Quote.objects.count()
        self.stdout.write(f"database: {connection.vendor}, {total:,} quotes")
        timings: list[float] = []
        for query in QUERIES:
            self._page(query)  # warm-up
            mine = []
            for _ in range(rounds):
                started = time.perf_counter()
                count = self._page(query)
                mine.append((time.perf_counter() - started) * 1000)
            timings += mine
            label = query.q or "(filters only)"
            extra = {k: v for k, v in query.__dict__.items() if v and k != "q"}
            self.stdout.write(f"  {statistics.median(mine):8.1f} ms  {count:>9,} hits  {label} {extra or ''}")
        self.stdout.write(
            f"search: p50 {percentile(timings, 0.5):.1f} ms, p95 {percentile(timings, 0.95):.1f} ms, "
            f"max {max(timings):.1f} ms over {len(timings)} page loads"
        )
        self._export(export_rows)

    def _page(self, query: QuoteQuery) -> int:
        paginator = SearchPaginator(query, 20)
        list(paginator.page(1).object_list)
        return paginator.count

    def _export(self, rows: int) -> None:
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        tracemalloc.start()
        started = time.perf_counter()
        size = lines = 0
        for piece in csv_stream(quote_search(QuoteQuery(sort="-date")), limit=rows):
            size += len(piece.encode())
            lines += piece.count("\n")
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        self.stdout.write(
            f"export: {lines - 1:,} CSV rows, {size / 1e6:.1f} MB in {elapsed:.2f} s "
            f"(traced; Python heap peak {peak / 1e6:.1f} MB, peak RSS growth {(rss_after - rss_before) / 1024:.1f} MB)"
        )
        started = time.perf_counter()
        for _ in csv_stream(quote_search(QuoteQuery(sort="-date")), limit=rows):
            pass
        self.stdout.write(f"export untraced: {time.perf_counter() - started:.2f} s")
