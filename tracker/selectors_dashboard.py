"""Reads of the dashboard: who is quoted, where, how review goes, how detection does.

Every figure is over quotes of articles that pass the filters (date range on the article's
publication date, or its import date when it has none; outlet; language). "Quoted" figures leave
out rejected quotes (an editor said they are not quotes); review and precision figures count
every status.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, DateField, F, Q, QuerySet
from django.db.models.functions import Coalesce, TruncDate

from tracker.models import Quote, Speaker

TOP = 10
MAX_DAILY_BUCKETS = 92  # beyond that, quotes over time are counted by month


@dataclass(frozen=True)
class DashboardFilters:
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    outlet_id: int | None = None
    language: str | None = None


@dataclass
class Row:
    label: str
    value: float
    key: str = ""
    extra: dict = field(default_factory=dict)


def _with_day(qs: QuerySet) -> QuerySet:
    return qs.annotate(
        day=Coalesce(F("article__published"), TruncDate("article__created_at"), output_field=DateField())
    )


def _quotes(filters: DashboardFilters) -> QuerySet:
    qs = Quote.objects.all()
    # The article's date only when it is needed: the join costs a third of every figure.
    if filters.date_from or filters.date_to:
        qs = _with_day(qs)
    if filters.date_from:
        qs = qs.filter(day__gte=filters.date_from)
    if filters.date_to:
        qs = qs.filter(day__lte=filters.date_to)
    if filters.outlet_id:
        qs = qs.filter(article__outlet_id=filters.outlet_id)
    if filters.language:
        qs = qs.filter(article__language=filters.language)
    return qs


def _quoted(filters: DashboardFilters) -> QuerySet:
    return _quotes(filters).exclude(status=Quote.Status.REJECTED)


def _months(first: dt.date, last: dt.date):
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        yield dt.date(year, month, 1)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def quotes_over_time(filters: DashboardFilters) -> tuple[str, list[Row]]:
    """("day" or "month", one row per period from the first to the last, empty ones included)."""
    qs = _quoted(filters)
    if not (filters.date_from or filters.date_to):
        qs = _with_day(qs)
    per_day = dict(qs.values_list("day").annotate(n=Count("pk")).order_by())
    per_day.pop(None, None)
    if not per_day:
        return "day", []
    first, last = filters.date_from or min(per_day), filters.date_to or max(per_day)
    first, last = max(first, min(per_day)), min(last, max(per_day))
    if (last - first).days < MAX_DAILY_BUCKETS:
        days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
        return "day", [Row(d.isoformat(), per_day.get(d, 0), key=d.isoformat()) for d in days]
    per_month: dict[dt.date, int] = {}
    for day, n in per_day.items():
        month = day.replace(day=1)
        per_month[month] = per_month.get(month, 0) + n
    return "month", [
        Row(m.strftime("%Y-%m"), per_month.get(m, 0), key=m.strftime("%Y-%m")) for m in _months(first, last)
    ]


def top_speakers(filters: DashboardFilters, *, limit: int = TOP) -> list[Row]:
    rows = (
        _quoted(filters)
        .filter(speaker__isnull=False)
        .values("speaker_id", "speaker__name", "speaker__kind", "speaker__gender")
        .annotate(n=Count("pk"))
        .order_by("-n", "speaker__name")[:limit]
    )
    kinds, genders = dict(Speaker.Kind.choices), dict(Speaker.Gender.choices)
    return [
        Row(
            r["speaker__name"],
            r["n"],
            key=str(r["speaker_id"]),
            extra={"kind": kinds.get(r["speaker__kind"], ""), "gender": genders.get(r["speaker__gender"], "")},
        )
        for r in rows
    ]


def speakers_by_kind(filters: DashboardFilters) -> list[Row]:
    """Speakers quoted, by kind, with their quotes; quotes without a speaker last."""
    rows = (
        _quoted(filters)
        .values("speaker__kind")
        .annotate(speakers=Count("speaker", distinct=True), n=Count("pk"))
        .order_by("-speakers", "speaker__kind")
    )
    kinds = dict(Speaker.Kind.choices)
    out = [
        Row(
            kinds.get(r["speaker__kind"], r["speaker__kind"]),
            r["speakers"],
            key=r["speaker__kind"],
            extra={"quotes": r["n"]},
        )
        for r in rows
        if r["speaker__kind"] is not None
    ]
    unattributed = sum(r["n"] for r in rows if r["speaker__kind"] is None)
    if unattributed:
        out.append(Row("No speaker", 0, key="none", extra={"quotes": unattributed}))
    return out


def quotes_by_gender(filters: DashboardFilters) -> dict:
    """Quotes of people by their gender, and the share of women among those whose gender is
    known (the Gender Gap Tracker's headline figure)."""
    counts = dict(
        _quoted(filters)
        .filter(speaker__kind=Speaker.Kind.PERSON)
        .values_list("speaker__gender")
        .annotate(n=Count("pk"))
        .order_by()
    )
    labels = dict(Speaker.Gender.choices)
    order = [Speaker.Gender.FEMALE, Speaker.Gender.MALE, Speaker.Gender.OTHER, Speaker.Gender.UNKNOWN]
    rows = [Row(labels[g], counts.get(g, 0), key=g or "unknown") for g in order]
    known = sum(counts.get(g, 0) for g in order[:3])
    women = counts.get(Speaker.Gender.FEMALE, 0)
    return {"rows": rows, "known": known, "women": women, "share_women": women / known if known else None}


def outlets_by_quotes(filters: DashboardFilters, *, limit: int = TOP) -> list[Row]:
    rows = (
        _quoted(filters)
        .values("article__outlet_id", "article__outlet__name")
        .annotate(n=Count("pk"), articles=Count("article", distinct=True))
        .order_by("-n", "article__outlet__name")[:limit]
    )
    return [
        Row(
            r["article__outlet__name"] or "No outlet",
            r["n"],
            key=str(r["article__outlet_id"] or ""),
            extra={"articles": r["articles"]},
        )
        for r in rows
    ]


STATUSES = [Quote.Status.PENDING, Quote.Status.ACCEPTED, Quote.Status.CORRECTED, Quote.Status.REJECTED]


def review_progress(filters: DashboardFilters, *, days: int = 31) -> dict:
    """Quotes by review status; per editor and per day (of review) what they decided."""
    qs = _quotes(filters)
    totals = dict(qs.values_list("status").annotate(n=Count("pk")).order_by())
    labels = dict(Quote.Status.choices)
    status_rows = [Row(labels[s], totals.get(s, 0), key=s) for s in STATUSES]
    decided = qs.exclude(status=Quote.Status.PENDING).filter(reviewed_by__isnull=False)
    per_status = {s: Count("pk", filter=Q(status=s)) for s in STATUSES[1:]}
    editors = [
        Row(r["reviewed_by__username"], r["total"], key=str(r["reviewed_by"]), extra={s: r[s] for s in STATUSES[1:]})
        for r in decided.values("reviewed_by", "reviewed_by__username")
        .annotate(total=Count("pk"), **per_status)
        .order_by("-total", "reviewed_by__username")
    ]
    by_day = (
        decided.filter(reviewed_at__isnull=False)
        .annotate(review_day=TruncDate("reviewed_at"))
        .values("review_day")
        .annotate(total=Count("pk"), **per_status)
        .order_by("-review_day")[:days]
    )
    day_rows = [
        Row(
            r["review_day"].isoformat(),
            r["total"],
            key=r["review_day"].isoformat(),
            extra={s: r[s] for s in STATUSES[1:]},
        )
        for r in reversed(list(by_day))
    ]
    return {"statuses": status_rows, "editors": editors, "days": day_rows, "total": sum(totals.values())}


def _precision(qs: QuerySet, field_name: str, labels: dict | None = None) -> list[Row]:
    rows = (
        qs.values(field_name)
        .annotate(
            reviewed=Count("pk"),
            unchanged=Count("pk", filter=Q(status=Quote.Status.ACCEPTED)),
            corrected=Count("pk", filter=Q(status=Quote.Status.CORRECTED)),
            rejected=Count("pk", filter=Q(status=Quote.Status.REJECTED)),
        )
        .order_by("-reviewed", field_name)
    )
    return [
        Row(
            (labels or {}).get(r[field_name], r[field_name]) or "(no rule)",
            r["unchanged"] / r["reviewed"],
            key=r[field_name] or "",
            extra={k: r[k] for k in ("reviewed", "unchanged", "corrected", "rejected")},
        )
        for r in rows
    ]


def detection_precision(filters: DashboardFilters) -> dict:
    """Share of detected quotes editors accepted unchanged, among those they decided on."""
    from tracker.models import Language

    judged = _quotes(filters).filter(origin=Quote.Origin.DETECTED).exclude(status=Quote.Status.PENDING)
    overall = judged.aggregate(reviewed=Count("pk"), unchanged=Count("pk", filter=Q(status=Quote.Status.ACCEPTED)))
    return {
        "rules": _precision(judged, "rule"),
        "languages": _precision(judged, "article__language", dict(Language.choices)),
        "reviewed": overall["reviewed"],
        "unchanged": overall["unchanged"],
        "share": overall["unchanged"] / overall["reviewed"] if overall["reviewed"] else None,
    }


def dashboard_summary(filters: DashboardFilters) -> dict:
    quoted = _quoted(filters)
    return quoted.aggregate(
        quotes=Count("pk"), speakers=Count("speaker", distinct=True), articles=Count("article", distinct=True)
    )
