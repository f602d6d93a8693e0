"""The dashboard's numbers, read from its tables and recomputed here from the database in plain
Python (not through the selectors they test); its filters; fuzzed query parameters."""

import datetime as dt
import random
from collections import Counter, defaultdict
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from tests.newsroom import build_newsroom
from tracker.models import Outlet, Quote

pytestmark = pytest.mark.django_db


class Tables(HTMLParser):
    """{table id: {row key: [cell texts]}} and {figure name: text}."""

    def __init__(self, html):
        super().__init__()
        self.tables, self.figures = {}, {}
        self._table = self._row = self._cell = self._figure = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and attrs.get("id"):
            self._table = self.tables.setdefault(attrs["id"], {})
        elif tag == "tr" and self._table is not None and "data-key" in attrs:
            self._row = self._table.setdefault(attrs["data-key"], [])
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
        elif tag == "dd" and attrs.get("data-figure"):
            self._figure = attrs["data-figure"]
            self.figures[self._figure] = ""

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr":
            self._row = None
        elif tag == "table":
            self._table = None
        elif tag == "dd":
            self._figure = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)
        if self._figure is not None:
            self.figures[self._figure] += data.strip()


def _page(client, **params):
    response = client.get(reverse("dashboard"), params)
    assert response.status_code == 200
    return Tables(response.content.decode())


def _day(quote):
    return quote.article.published or quote.article.created_at.date()


def _recompute(quotes):
    """Every table of the dashboard, from the quotes alone."""
    quoted = [q for q in quotes if q.status != "rejected"]
    per_day = Counter(_day(q).isoformat() for q in quoted)
    speakers = Counter(q.speaker_id for q in quoted if q.speaker_id)
    outlets = Counter(str(q.article.outlet_id or "") for q in quoted)
    kinds = defaultdict(set)
    kind_quotes = Counter()
    for q in quoted:
        key = q.speaker.kind if q.speaker else "none"
        kind_quotes[key] += 1
        if q.speaker:
            kinds[key].add(q.speaker_id)
    gender = Counter((q.speaker.gender or "unknown") for q in quoted if q.speaker and q.speaker.kind == "person")
    status = Counter(q.status for q in quotes)
    editors = defaultdict(Counter)
    for q in quotes:
        if q.status != "pending" and q.reviewed_by_id:
            editors[str(q.reviewed_by_id)][q.status] += 1
    rules = defaultdict(Counter)
    languages = defaultdict(Counter)
    for q in quotes:
        if q.origin == "detected" and q.status != "pending":
            rules[q.rule][q.status] += 1
            languages[q.article.language][q.status] += 1
    return {
        "quotes": len(quoted),
        "per_day": per_day,
        "speakers": speakers,
        "outlets": outlets,
        "kinds": {k: (len(v), kind_quotes[k]) for k, v in kinds.items()} | {"none": (None, kind_quotes["none"])},
        "gender": gender,
        "status": status,
        "editors": editors,
        "rules": rules,
        "languages": languages,
    }


def _percent(counter):
    total = sum(counter.values())
    return f"{round(100 * counter['accepted'] / total)}%"


def _check(page, quotes):
    expected = _recompute(quotes)
    assert page.figures["quotes"] == str(expected["quotes"])
    time = {k: int(v[1]) for k, v in page.tables["table-time"].items()}
    assert {k: v for k, v in time.items() if v} == dict(expected["per_day"])
    top = {k: int(v[-1]) for k, v in page.tables["table-speakers"].items()}
    assert top == {str(k): n for k, n in expected["speakers"].most_common(10)} or (
        # ties at the tenth place may pick another speaker with the same count
        all(expected["speakers"][int(k)] == n for k, n in top.items())
    )
    outlets = {k: int(v[-1]) for k, v in page.tables["table-outlets"].items()}
    assert outlets == dict(expected["outlets"])
    for key, (speakers, n) in expected["kinds"].items():
        if n:
            row = page.tables["table-kinds"][key]
            assert int(row[2]) == n and (speakers is None or int(row[1]) == speakers)
    gender = {k: int(v[1]) for k, v in page.tables["table-gender"].items()}
    assert {k: v for k, v in gender.items() if v} == dict(expected["gender"])
    status = {k: int(v[1]) for k, v in page.tables["table-status"].items()}
    assert {k: v for k, v in status.items() if v} == dict(expected["status"])
    for editor, counts in expected["editors"].items():
        row = page.tables["table-editors"][editor]
        assert [int(x) for x in row[1:]] == [
            counts["accepted"],
            counts["corrected"],
            counts["rejected"],
            sum(counts.values()),
        ]
    for table, groups in (("table-rules", expected["rules"]), ("table-languages", expected["languages"])):
        assert set(page.tables[table]) == set(groups)
        for key, counts in groups.items():
            row = page.tables[table][key]
            assert [int(x) for x in row[1:5]] == [
                sum(counts.values()),
                counts["accepted"],
                counts["corrected"],
                counts["rejected"],
            ]
            assert row[5] == _percent(counts)
    women = expected["gender"]["female"]
    known = sum(n for g, n in expected["gender"].items() if g != "unknown")
    assert page.figures["share_women"] == (f"{round(100 * women / known)}%" if known else "—")


def _quotes(**filters):
    return list(Quote.objects.select_related("article", "speaker").filter(**filters))


def test_numbers_match_the_database(viewer_client):
    build_newsroom()
    _check(_page(viewer_client), _quotes())


def test_filters_narrow_every_figure(viewer_client):
    build_newsroom()
    _check(_page(viewer_client, language="ar"), _quotes(article__language="ar"))
    outlet = Outlet.objects.get(name="BBC News")
    _check(_page(viewer_client, outlet=outlet.pk), _quotes(article__outlet=outlet))
    start, end = dt.date(2024, 3, 10), dt.date(2024, 3, 31)
    inside = [q for q in _quotes() if start <= _day(q) <= end]
    assert inside and len(inside) < Quote.objects.count()
    _check(_page(viewer_client, date_from=start.isoformat(), date_to=end.isoformat()), inside)


def test_long_ranges_count_by_month_with_empty_months_shown(viewer_client):
    build_newsroom(days=400)
    page = _page(viewer_client, date_from="2023-01-01", date_to="2025-12-31")
    months = page.tables["table-time"]
    days = [_day(q) for q in _quotes() if q.status != "rejected"]
    first, last = min(days), max(days)
    assert len(months) == (last.year - first.year) * 12 + last.month - first.month + 1
    per_month = Counter(_day(q).strftime("%Y-%m") for q in _quotes() if q.status != "rejected")
    assert {k: int(v[1]) for k, v in months.items() if int(v[1])} == dict(per_month)


def test_empty_database_and_bad_filters_render_with_a_message(viewer_client):
    page = viewer_client.get(reverse("dashboard")).content.decode()
    assert "No quotes." in page and 'data-figure="share_women">—' in page
    page = viewer_client.get(
        reverse("dashboard"), {"date_from": "2024-05-01", "date_to": "2024-04-01"}
    ).content.decode()
    assert "The start date is after the end date." in page


def test_fuzzed_query_parameters_never_fail(viewer_client):
    build_newsroom(articles=6)
    rng = random.Random(1212)
    values = [
        "",
        "0",
        "-1",
        "1",
        "99999999999999999999",
        "2024-02-30",
        "2024-03-05",
        "ar",
        "en",
        "xx",
        "'",
        "<svg>",
        "\x00",
        "عربي",
        "1e9",
        "%",
        "[]",
        "2024-03-05T00:00",
        "9999-12-31",
        "0001-01-01",
    ]
    keys = ["date_from", "date_to", "outlet", "language", "page", "q"]
    for _ in range(120):
        params = {
            k: rng.choice(values) + rng.choice(["", rng.choice(values)])
            for k in rng.sample(keys, rng.randint(1, len(keys)))
        }
        response = viewer_client.get(reverse("dashboard"), params)
        assert response.status_code == 200, params
        assert b"<svg" in response.content
