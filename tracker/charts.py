"""Server-drawn SVG charts for the dashboard: horizontal bars, stacked bars and columns over time.

Every chart is an ``<svg role="img">`` named by its caption; the page puts the same numbers in a
table beside it. Labels are escaped; a label in a right-to-left script is drawn right to left and
anchored so that it still ends at the bars.
"""

from __future__ import annotations

import math
import unicodedata

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

PALETTE = {
    "bar": "#1f5fbf",
    "accepted": "#1e7b3a",
    "corrected": "#6a9fd8",
    "rejected": "#b3261e",
    "pending": "#a15c00",
    "female": "#ad1457",
    "male": "#283593",
    "other": "#00838f",
    "unknown": "#9aa1ad",
}
_FONT = 'font-family="system-ui, Noto Sans, Noto Sans Arabic, sans-serif"'


def is_rtl(text: str) -> bool:
    for char in text:
        bidi = unicodedata.bidirectional(char)
        if bidi in ("R", "AL"):
            return True
        if bidi == "L":
            return False
    return False


def _short(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _label(x: float, y: float, text: str, *, end: bool, css: str = "label", limit: int = 28) -> SafeString:
    """Text ending (end=True) or starting at x, whatever the script's direction."""
    text = _short(text, limit)
    rtl = is_rtl(text)
    # text-anchor follows the text's direction: "end" of right-to-left text is its left edge.
    anchor = ("start" if rtl else "end") if end else ("end" if rtl else "start")
    return format_html(
        '<text x="{}" y="{}" class="{}" text-anchor="{}" direction="{}">{}</text>',
        round(x, 1),
        round(y, 1),
        css,
        anchor,
        "rtl" if rtl else "ltr",
        text,
    )


def _number(value: float, percent: bool) -> str:
    if percent:
        return f"{value * 100:.0f}%"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def _frame(width: int, height: int, title: str, body: SafeString) -> SafeString:
    return format_html(
        # Never drawn larger than its own size: text stays the size it was drawn at.
        '<svg class="chart" viewBox="0 0 {w} {h}" width="{w}" height="{h}" style="max-inline-size:{w}px" '
        'role="img" aria-label="{t}" '
        'preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg" {f}>{b}</svg>',
        w=width,
        h=height,
        t=title,
        f=SafeString(_FONT),
        b=body,
    )


def hbar(rows, *, title: str, width: int = 560, percent: bool = False, colour_key=None) -> SafeString:
    """One bar a row: label, bar, value. ``rows`` have .label, .value (and .key)."""
    rows = list(rows)
    label_w, value_w, bar_h, gap = 170, 56, 20, 8
    height = max(1, len(rows)) * (bar_h + gap) + gap
    top = 1.0 if percent else max([r.value for r in rows] + [1])
    span = width - label_w - value_w - 16
    parts = []
    for i, row in enumerate(rows):
        y = gap + i * (bar_h + gap)
        w = 0 if top == 0 else span * row.value / top
        colour = PALETTE.get(colour_key(row) if colour_key else "bar", PALETTE["bar"])
        parts.append(_label(label_w - 8, y + bar_h * 0.72, row.label, end=True))
        parts.append(
            format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" rx="2" fill="{}"><title>{}: {}</title></rect>',
                label_w,
                y,
                round(max(w, 1.5 if row.value else 0), 1),
                bar_h,
                colour,
                _short(row.label, 80),
                _number(row.value, percent),
            )
        )
        parts.append(_label(label_w + w + 6, y + bar_h * 0.72, _number(row.value, percent), end=False, css="value"))
    if not rows:
        parts.append(_label(8, 24, "No data", end=False, css="value"))
    return _frame(width, height, title, SafeString("".join(parts)))


def stacked(rows, *, title: str, keys: list[tuple[str, str]], width: int = 560) -> SafeString:
    """One bar a row split into ``keys`` (key, legend label) from each row's .extra."""
    rows = list(rows)
    label_w, value_w, bar_h, gap, legend_h = 150, 56, 20, 8, 26
    height = legend_h + max(1, len(rows)) * (bar_h + gap) + gap
    top = max([sum(r.extra.get(k, 0) for k, _ in keys) for r in rows] + [1])
    span = width - label_w - value_w - 16
    parts, x = [], 0
    for key, name in keys:
        parts.append(format_html('<rect x="{}" y="6" width="12" height="12" rx="2" fill="{}"/>', x, PALETTE[key]))
        parts.append(_label(x + 17, 16.5, name, end=False, css="legend"))
        x += 28 + 8 * len(name)
    for i, row in enumerate(rows):
        y = legend_h + gap + i * (bar_h + gap)
        parts.append(_label(label_w - 8, y + bar_h * 0.72, row.label, end=True, limit=22))
        left = label_w
        for key, name in keys:
            value = row.extra.get(key, 0)
            w = span * value / top
            if value:
                parts.append(
                    format_html(
                        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{} {}: {}</title></rect>',
                        round(left, 1),
                        y,
                        round(max(w, 1.5), 1),
                        bar_h,
                        PALETTE[key],
                        _short(row.label, 60),
                        name,
                        value,
                    )
                )
            left += w
        total = sum(row.extra.get(k, 0) for k, _ in keys)
        parts.append(_label(left + 6, y + bar_h * 0.72, _number(total, False), end=False, css="value"))
    if not rows:
        parts.append(_label(8, legend_h + 24, "No data", end=False, css="value"))
    return _frame(width, height, title, SafeString("".join(parts)))


def columns(rows, *, title: str, width: int = 1100, height: int = 220) -> SafeString:
    """Columns over time, with a y axis of round numbers and as many x labels as fit."""
    rows = list(rows)
    left, bottom, top_pad = 44, 28, 10
    plot_w, plot_h = width - left - 8, height - bottom - top_pad
    peak = max([r.value for r in rows] + [1])
    step = 10 ** math.floor(math.log10(peak)) if peak >= 1 else 1
    while peak / step > 5:
        step *= 2
    ceiling = math.ceil(peak / step) * step
    parts = []
    value = 0
    while value <= ceiling:
        y = top_pad + plot_h - plot_h * value / ceiling
        parts.append(
            format_html(
                '<line x1="{}" x2="{}" y1="{}" y2="{}" class="grid"/>', left, width - 8, round(y, 1), round(y, 1)
            )
        )
        parts.append(_label(left - 6, y + 4, _number(value, False), end=True, css="axis axis-x"))
        value += step
    n = max(1, len(rows))
    slot = plot_w / n
    every = max(1, math.ceil(n / max(1, plot_w // 96)))
    for i, row in enumerate(rows):
        h = plot_h * row.value / ceiling
        x = left + i * slot
        parts.append(
            format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}: {}</title></rect>',
                round(x + slot * 0.12, 1),
                round(top_pad + plot_h - h, 1),
                round(max(slot * 0.76, 1), 1),
                round(h, 1),
                PALETTE["bar"],
                row.label,
                _number(row.value, False),
            )
        )
        # Every few columns a date, none so close to the edge that it would be cut off.
        if i % every == 0 and x + slot / 2 + 36 <= width and x + slot / 2 - 36 >= 0:
            parts.append(
                format_html(
                    '<text x="{}" y="{}" class="axis axis-x" text-anchor="middle">{}</text>',
                    round(x + slot / 2, 1),
                    height - 8,
                    row.label,
                )
            )
    if not rows:
        parts.append(_label(left + 8, top_pad + 24, "No data", end=False, css="value"))
    return _frame(width, height, title, format_html_join("", "{}", ((p,) for p in parts)))
