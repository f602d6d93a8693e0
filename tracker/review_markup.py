"""The review page's article text: the stored document as HTML, one element per paragraph, with
quote spans and speaker mentions as elements, built here in Python because a 5,000-word article
has hundreds of segments and a template loop over them is too slow.

Every run of text is an element with ``data-o``: the offset (in code points) of its first
character in ``Article.document``. static/js/review.js maps a DOM selection to offsets with it,
so offsets never depend on how the browser lays out or normalises the text.

Spans may nest or overlap, and quotes may run across paragraphs; elements must nest, so a span
that crosses another's end, or a paragraph end, is split into fragments that share its
``data-quote-id``. Only the first fragment gets the ``id`` the cards link to.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace

from django.utils.html import escape

from tracker.attribution.text import paragraphs, span_snap

# Twelve hues, each plain and striped (static/css/app.css: .c0–.c23): 24 looks, so that a
# speaker keeps the same one across articles (its id modulo 24) unless two collide in one.
PALETTE_SIZE = 24

_RTL_CHARS = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc"
_RTL = re.compile(f"[{_RTL_CHARS}]")
_LTR = re.compile(r"[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]")
# Runs of the other direction that get their own <bdi>: Latin names, handles and numbers in
# right-to-left text; Arabic-script names in left-to-right text.
_LATIN_WORD = r"[A-Za-z0-9\u00c0-\u024f@#](?:[A-Za-z0-9\u00c0-\u024f_@#.,:/%'’+\-]*[A-Za-z0-9\u00c0-\u024f%])?"
_LATIN_RUN = re.compile(f"{_LATIN_WORD}(?: +{_LATIN_WORD})*")
_RTL_RUN = re.compile(f"[{_RTL_CHARS}]+(?:[ \u060c]+[{_RTL_CHARS}]+)*")


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    tag: str
    attrs: str  # escaped attribute string without the id
    key: str  # the id of the first fragment
    order: int  # among marks with the same span: lower is outer


@dataclass(frozen=True, slots=True)
class ParagraphHtml:
    index: int
    start: int
    end: int
    html: str


def speaker_colours(speaker_ids: Iterable[int]) -> dict[int, int]:
    """A palette index per speaker, unique within the article and stable across edits:
    each speaker takes its own slot (pk modulo the palette) or the next free one."""
    colours: dict[int, int] = {}
    taken: set[int] = set()
    for pk in sorted(set(speaker_ids)):
        slot = pk % PALETTE_SIZE
        for step in range(PALETTE_SIZE):
            if (slot + step) % PALETTE_SIZE not in taken:
                slot = (slot + step) % PALETTE_SIZE
                break
        taken.add(slot)
        colours[pk] = slot
    return colours


def _colour_class(colours: dict[int, int], speaker_id: int | None) -> str:
    return f"c{colours[speaker_id]}" if speaker_id in colours else "c-none"


def quote_marks(quotes: Iterable, colours: dict[int, int]) -> list[Mark]:
    out = []
    for quote in quotes:
        who = quote.speaker.name if quote.speaker_id else "no speaker"
        title = f"{who} · {quote.get_status_display()}"
        attrs = (
            f'class="q st-{quote.status} {_colour_class(colours, quote.speaker_id)}" '
            f'data-quote-id="{quote.pk}" title="{escape(title)}"'
        )
        out.append(Mark(quote.quote_start, quote.quote_end, "mark", attrs, f"q-{quote.pk}", 0))
    return out


def mention_marks(document: str, quotes: Iterable, speakers: Iterable, colours: dict[int, int]) -> list[Mark]:
    """Speaker mentions: the mention linked to each live quote, and every other place one of
    the article's speakers is named by one of its aliases, verbatim."""
    spans: dict[tuple[int, int], int] = {}
    for quote in quotes:
        if quote.speaker_id and quote.speaker_start is not None and quote.status != "rejected":
            spans.setdefault((quote.speaker_start, quote.speaker_end), quote.speaker_id)
    alias_owner: dict[str, int] = {}
    for speaker in speakers:
        if speaker.kind == "unnamed":  # "a senior official" is not a name to look for
            continue
        for alias in speaker.aliases.all():
            text = alias.alias.strip()
            if len(text) >= 3:
                alias_owner.setdefault(text, speaker.pk)
    if alias_owner:
        pattern = "|".join(re.escape(a) for a in sorted(alias_owner, key=len, reverse=True))
        for found in re.finditer(rf"(?<!\w)(?:{pattern})(?!\w)", document):
            spans.setdefault((found.start(), found.end()), alias_owner[found.group()])
    # One mark per place: a mention overlapping an earlier (or longer) one is left out.
    marks = []
    last_end = -1
    for (start, end), speaker_id in sorted(spans.items(), key=lambda item: (item[0][0], -item[0][1])):
        if start >= last_end:
            attrs = f'class="who {_colour_class(colours, speaker_id)}" data-speaker-id="{speaker_id}"'
            marks.append(Mark(start, end, "span", attrs, "", 1))
            last_end = end
    return marks


def paragraph_direction(text: str, default_rtl: bool) -> str:
    rtl, ltr = len(_RTL.findall(text)), len(_LTR.findall(text))
    if rtl == ltr:
        return "rtl" if default_rtl else "ltr"
    return "rtl" if rtl > ltr else "ltr"


def _runs(text: str, offset: int, direction: str, out: list[str]) -> None:
    """Text as elements carrying their offsets; runs of the other direction in <bdi>."""
    foreign = _LATIN_RUN if direction == "rtl" else _RTL_RUN
    pos = 0
    for found in foreign.finditer(text):
        if found.start() > pos:
            out.append(f'<span data-o="{offset + pos}">{escape(text[pos : found.start()])}</span>')
        out.append(f'<bdi data-o="{offset + found.start()}">{escape(found.group())}</bdi>')
        pos = found.end()
    if pos < len(text):
        out.append(f'<span data-o="{offset + pos}">{escape(text[pos:])}</span>')


def _paragraph_inner(document: str, start: int, end: int, marks: list[Mark], direction: str, opened: set[str]) -> str:
    inside = sorted(
        (m for m in marks if m.start < end and m.end > start), key=lambda m: (max(m.start, start), -m.end, m.order)
    )
    if not inside:
        out: list[str] = []
        _runs(document[start:end], start, direction, out)
        return "".join(out)
    points = sorted({start, end, *(max(m.start, start) for m in inside), *(min(m.end, end) for m in inside)})
    out = []
    stack: list[Mark] = []
    starts: dict[int, list[Mark]] = {}
    for mark in inside:
        starts.setdefault(max(mark.start, start), []).append(mark)

    def open_tag(mark: Mark) -> None:
        if mark.key and mark.key not in opened:
            opened.add(mark.key)
            out.append(f'<{mark.tag} id="{mark.key}" {mark.attrs}>')
        else:
            out.append(f"<{mark.tag} {mark.attrs}>")

    for i, pos in enumerate(points):
        ending = [k for k, m in enumerate(stack) if min(m.end, end) == pos]
        if ending:
            # Close down to the lowest ending mark, then reopen the ones that go on.
            lowest = ending[0]
            reopen = [m for m in stack[lowest:] if min(m.end, end) != pos]
            for mark in reversed(stack[lowest:]):
                out.append(f"</{mark.tag}>")
            del stack[lowest:]
            for mark in reopen:
                open_tag(mark)
                stack.append(mark)
        for mark in starts.get(pos, ()):
            open_tag(mark)
            stack.append(mark)
        if i + 1 < len(points):
            _runs(document[pos : points[i + 1]], pos, direction, out)
    for mark in reversed(stack):
        out.append(f"</{mark.tag}>")
    return "".join(out)


def _snapped(document: str, mark: Mark) -> Mark:
    start, end = span_snap(document, mark.start, mark.end)
    return mark if (start, end) == (mark.start, mark.end) else replace(mark, start=start, end=end)


def document_html(
    *,
    document: str,
    marks: list[Mark],
    rtl: bool,
    only: set[int] | None = None,
    oob: bool = False,
) -> list[ParagraphHtml]:
    """The document as paragraphs (index 0 is the title); ``only`` limits it to some paragraph
    indexes, and ``oob`` marks them for htmx out-of-band swaps."""
    paras = paragraphs(document)
    # A highlight never ends between a letter and its marks, even for a span stored cut.
    marks = [_snapped(document, m) for m in marks]
    opened: set[str] = set()
    if only is not None:
        # A mark's first fragment, with its id, is in the paragraph where it starts; when that
        # paragraph is not rendered here, the fragments that are must not take the id.
        para_starts = [p.start for p in paras]
        opened = {m.key for m in marks if m.key and bisect_right(para_starts, m.start) - 1 not in only}
    # Each mark listed under the paragraphs it touches, so that each paragraph looks at its own.
    starts = [p.start for p in paras]
    by_para: dict[int, list[Mark]] = {}
    for mark in marks:
        first, last = bisect_right(starts, mark.start) - 1, bisect_right(starts, max(mark.start, mark.end - 1)) - 1
        for index in range(first, last + 1):
            by_para.setdefault(index, []).append(mark)
    out = []
    for index, para in enumerate(paras):
        if only is not None and index not in only:
            continue
        direction = paragraph_direction(para.text, rtl)
        inner = _paragraph_inner(document, para.start, para.end, by_para.get(index, []), direction, opened)
        tag = "h1" if index == 0 else "p"
        extra = ' hx-swap-oob="true"' if oob else ""
        html = f'<{tag} id="para-{index}" class="para" dir="{direction}" data-o="{para.start}"{extra}>{inner}</{tag}>'
        out.append(ParagraphHtml(index, para.start, para.end, html))
    return out


def paragraph_indexes(document: str, spans: Iterable[tuple[int | None, int | None]]) -> set[int]:
    """Indexes of the paragraphs the given spans touch."""
    starts = [p.start for p in paragraphs(document)]
    out: set[int] = set()
    for start, end in spans:
        if start is None or end is None:
            continue
        first, last = bisect_right(starts, start) - 1, bisect_right(starts, max(start, end - 1)) - 1
        out.update(range(first, last + 1))
    return out
