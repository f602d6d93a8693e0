"""Language-neutral text helpers: normalisation, paragraphs, quotation marks."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right as _bisect_right
from dataclasses import dataclass
from functools import lru_cache

_AR_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u0640]")
_AR_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})
_PUNCT_OR_SPACE = re.compile(r"[\W_]+", re.UNICODE)


def fold(text: str) -> str:
    """Arabic-insensitive, case-insensitive form used for matching names and searching."""
    text = unicodedata.normalize("NFKC", text)
    text = _AR_DIACRITICS.sub("", text).translate(_AR_FOLD)
    return text.casefold()


def tokens(text: str) -> list[str]:
    """Tokens as the gold format defines them: folded, punctuation as space."""
    return [t for t in _PUNCT_OR_SPACE.split(fold(text)) if t]


def normalize_name(text: str) -> str:
    return " ".join(tokens(text))


_LONG_VOWELS = str.maketrans("", "", "اوي")


def skeleton(token: str) -> str:
    """A folded Arabic name token without its inner long vowels, so that spellings that differ
    only in them are one name (نتنياهو / نتانياهو, الأميركية / الأمريكية). Short tokens keep
    their vowels: سعيد and سعد are two names."""
    if len(token) < 5 or not ("\u0600" <= token[0] <= "\u06ff"):
        return token
    return token[0] + token[1:].translate(_LONG_VOWELS)


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int  # exclusive, before the "\n"
    text: str


def paragraphs(text: str) -> list[Paragraph]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append(Paragraph(pos, pos + len(line), line))
        pos += len(line) + 1
    return out


# Opening mark -> closing marks it may pair with. Straight quotes close themselves.
OPEN_CLOSE = {
    '"': '"',
    "“": '”"',
    "”": "”",  # some outlets open with the right mark
    "«": "»",
    "»": "«",  # Danish/German-style reversed guillemets
    "„": '“”"',
    "‹": "›",
    "‟": "”",
    "「": "」",
}
QUOTE_CHARS = set('"“”«»„‹›‟「」')


@dataclass(frozen=True, slots=True)
class QuoteMark:
    """A span enclosed by quotation marks. start/end exclude the marks."""

    open: int
    close: int | None  # index of the closing mark, None when unbalanced
    start: int
    end: int

    @property
    def closed(self) -> bool:
        return self.close is not None


_OPENERS_RE = re.compile("[" + re.escape("".join(OPEN_CLOSE)) + "]")


@lru_cache(maxsize=32)
def _closers_re(closers: str) -> re.Pattern:
    return re.compile("[" + re.escape(closers) + "]")


def _is_apostrophe(text: str, i: int) -> bool:
    """A straight or curly single mark between letters is an apostrophe (don't, O'Brien)."""
    return 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()


def find_quote_marks(text: str) -> list[QuoteMark]:
    """Quotation-mark spans in reading order, nested ones skipped.

    A quote that a paragraph opens without closing runs on while the next
    paragraph opens with a mark again (the newspaper convention for multi-paragraph
    quotes); otherwise it ends at its paragraph's end and is reported unbalanced.
    """
    out: list[QuoteMark] = []
    paras = paragraphs(text)
    i = 0
    pi = 0
    n = len(text)
    while i < n:
        # Jump to the next opening mark in C rather than stepping a character at a time.
        found = _OPENERS_RE.search(text, i)
        if found is None:
            break
        i = found.start()
        ch = text[i]
        while paras[pi].end < i:
            pi += 1
        closers = OPEN_CLOSE[ch]
        j = i + 1
        close = None
        para = paras[pi]
        while True:
            hit = _closers_re(closers).search(text, j, para.end)
            if hit is not None:
                close = hit.start()
                break
            # No close in this paragraph: continue only if the next paragraph re-opens.
            if pi + 1 < len(paras) and paras[pi + 1].text[:1] in OPEN_CLOSE:
                pi += 1
                para = paras[pi]
                j = para.start + 1
                continue
            break
        if close is None:
            end = para.end
            start = i + 1
            out.append(QuoteMark(i, None, start, end))
            i = para.end + 1
        else:
            out.append(QuoteMark(i, close, i + 1, close))
            i = close + 1
    return out


# Offset-keeping fold: rules match on a folded copy and map hits back to the original.
# Diacritics, tatweel and bidi/zero-width marks are dropped; letters map one to one.
_FOLD_DROP = re.compile("[\u064b-\u065f\u0670\u0640\u200b-\u200f\u061c]+")


@dataclass(frozen=True, slots=True)
class FoldedText:
    """``text`` folded without NFKC/casefold (those can change lengths); ``orig`` maps offsets back."""

    text: str
    _dropped_at: tuple[int, ...]  # folded offset of each dropped character, nondecreasing

    def orig(self, i: int) -> int:
        """Original offset of the character at folded offset ``i`` (or of the end when i == len)."""
        return i + _bisect_right(self._dropped_at, i)

    def orig_end(self, i: int) -> int:
        """Original exclusive end for a folded exclusive end ``i``."""
        return self.orig(i - 1) + 1 if i > 0 else 0


_FOLD_DROP_CHAR = re.compile("[\u064b-\u065f\u0670\u0640\u200b-\u200f\u061c]")
_AR_FOLD_PAIRS = tuple((a, b) for a, b in zip("أإآٱىةؤئ", "اااايهوي", strict=True))


def fold_keep_offsets(text: str) -> FoldedText:
    positions = [m.start() for m in _FOLD_DROP_CHAR.finditer(text)]
    # The k-th dropped character sat at folded offset (original offset - k).
    dropped = tuple(p - k for k, p in enumerate(positions))
    folded = _FOLD_DROP.sub("", text) if positions else text
    # str.replace per letter is far faster than str.translate on long non-ASCII text.
    for a, b in _AR_FOLD_PAIRS:
        folded = folded.replace(a, b)
    return FoldedText(folded, dropped)


def is_mark(ch: str) -> bool:
    """A combining mark (Arabic harakat and tanween, Latin accents): it belongs to the letter before it."""
    return unicodedata.category(ch) in ("Mn", "Me") or unicodedata.combining(ch) != 0


def span_snap(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``start``–``end`` so that it never splits a letter from its combining marks: the
    end moves forward over the marks that follow it (وحيداً keeps its tanween), and a start on
    a mark moves back to the letter the mark belongs to."""
    n = len(text)
    end = max(0, min(end, n))
    start = max(0, min(start, end))
    while end < n and is_mark(text[end]):
        end += 1
    back = start
    while back > 0 and back < n and is_mark(text[back]):
        back -= 1
    if back < start and not text[back].isspace():
        start = back
    return start, end
