"""English attribution rules (also the fallback for languages without rules of their own).

The text is read sentence by sentence on a *masked* copy in which the inside of every
quotation is blanked, so cue words and names are only looked for in the reporter's own
words. A cue is a reporting verb (any tense, from the lemmas of lexicons/en.toml), a participle
after a comma (", saying …"), "according to X", "By X's count," or a nominal cue ("her remark
that …", "opposition calls for …", "a report by X that …"). A cue's speaker is the noun
phrase before it (or after it: "…," said X), cleaned of appositions and titles and
resolved through the document registry (surname, descriptor, pronoun).

A quotation takes the speaker of the cue right after it ("…," X said), right before it
(X said: "…"), else the nearest cue in its sentence (mixed quotes), else the speaker of the
previous quote when it continues a paragraph ("A," X said. "B."). Quotes with no cue at
all (titles of works, nicknames, scare quotes) are left alone. A reported clause with no
quotation marks becomes an indirect quote; one that holds quotation marks yields only the
quoted words (mixed).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from .. import lexicon
from ..resolve import Entry, Registry
from ..types import Attribution, Document, Entity, Span

# --------------------------------------------------------------------------------------------
# Lexicons: the word lists of lexicons/en.toml (what each is for is said there); verbs are lemmas,
# inflected at import.
# --------------------------------------------------------------------------------------------

_LEXICON = lexicon.load("en")


def _lex(key: str) -> frozenset[str]:
    return frozenset(_LEXICON[key])


def _alternatives(words, longest_first: bool = False) -> str:
    """A regex alternation of the words (longest first, so that none stops short of a longer one)."""
    words = sorted(words, key=len, reverse=True) if longest_first else words
    return "|".join(re.escape(w) for w in words)


_IRREGULAR = {lemma: tuple(forms) for lemma, forms in _LEXICON["irregular_verbs"].items()}
_CLAUSE_VERBS = _lex("clause_verbs")
_ZERO_THAT = _lex("zero_that_verbs")
_OBJECT_FIRST = _lex("addressee_verbs")
_QUOTE_VERBS = _lex("quote_verbs")
_OBJECT_CONTENT = _lex("object_content_verbs")
_RELAYED = _lex("relayed_verbs")
_INVERTING = _lex("inverting_verbs")
_DOUBLE = _lex("doubling_verbs")


def _inflect(lemma: str) -> dict[str, str]:
    """form -> 's' | 'ed' | 'ing' | 'base' for a regular or listed irregular verb."""
    if lemma in _IRREGULAR:
        forms = {lemma: "base"}
        for f in _IRREGULAR[lemma]:
            forms[f] = "ing" if f.endswith("ing") else ("s" if f.endswith("s") and f != lemma + "ed" else "ed")
        return forms
    stem = lemma
    if lemma.endswith("e"):
        ed, ing, s = lemma + "d", lemma[:-1] + "ing", lemma + "s"
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        ed, ing, s = lemma[:-1] + "ied", lemma + "ing", lemma[:-1] + "ies"
    elif lemma in _DOUBLE:
        ed, ing, s = lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing", lemma + "s"
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        ed, ing, s = lemma + "ed", lemma + "ing", lemma + "es"
    else:
        ed, ing, s = stem + "ed", stem + "ing", stem + "s"
    return {lemma: "base", s: "s", ed: "ed", ing: "ing"}


def _build_forms() -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for lemma in {*_CLAUSE_VERBS, *_QUOTE_VERBS, *_OBJECT_CONTENT}:
        for form, tag in _inflect(lemma).items():
            out.setdefault(form, (lemma, tag))
    return out


_FORMS = _build_forms()  # form -> (lemma, tag)
_CLAUSE_SET = set(_CLAUSE_VERBS)
_QUOTE_SET = set(_QUOTE_VERBS) | _CLAUSE_SET | _OBJECT_CONTENT
_NOUNISH = _lex("nounish_verbs")
_REFUSALS = _lex("refusals")
_RAISING = _lex("raising_verbs")
_ISSUED = _lex("issued_participles")
_IRREGULAR_PAST = _lex("irregular_pasts")

_TITLES = _lex("titles")
_TITLE_NAMES = _LEXICON["title_abbreviations"]
_TITLE_MODIFIERS = _lex("title_modifiers")
_ROLE_ADJ = _lex("role_adjectives")
_FEMALE = _lex("female_words")
_MALE = _lex("male_words")
_PERSON_HEADS = _lex("person_heads")
_GROUP_HEADS = _lex("group_heads")
_ROLE_WORDS = _PERSON_HEADS | _TITLES
_QUANTIFIERS = _lex("quantifiers")
_PARTY_WORDS = _lex("party_words")
_POSTMODIFIERS = _lex("postmodifiers")
_COMMON_POSSESSORS = _lex("common_possessors")
_ADDRESSEES = _lex("addressees")
_MEDIA_WORDS = _lex("media_words")
_ORG_WORDS = _lex("org_words")
_MEDIA_HEADS = _lex("media_heads")
_ORG_HEADS = _lex("org_heads")
_COMPANY_HEADS = _lex("company_heads")
_REPORT_HEADS = _lex("report_heads")
_NAMING_NOUNS = _lex("naming_nouns")
_NAME_TAGS = _lex("name_tags")
_PARTICLES = _lex("name_particles")
_JOINED_PARTICLES = _lex("joined_particles")
_CONNECT = _lex("name_connectors")

_COMM_NOUNS = _lex("comm_nouns")
_NOMINAL_CUES = _lex("nominal_cues")
_NOMINAL_FOR = _lex("nominal_cues_for")
_NOMINAL_TO = _lex("nominal_cues_to")
_BY_NOUNS = _alternatives(_LEXICON["tally_nouns"])
_HEADLINE_LABELS = _lex("headline_labels")

_PRONOUNS = {w: (v.get("gender"), v.get("plural", False)) for w, v in _LEXICON["pronouns"].items()}
_POSSESSIVES = {w: (v.get("gender"), v.get("plural", False)) for w, v in _LEXICON["possessives"].items()}
_BE = _lex("be")
_NEGATIONS = _lex("negations")
_FINITE = _lex("finite")
_ADV_AUX = _lex("adverbs_aux")
_SUBORDINATORS = _lex("subordinators")
_INTRO_WORDS = _lex("intro_words")
_CLAUSE_OPENING = _lex("clause_opening")
_CLAUSE_BLOCK = _lex("clause_block")
_CLAUSE_OPENERS = _lex("clause_openers")
_DETERMINERS = _lex("determiners")
_INVERTED_DETS = _lex("inverted_determiners")
_PLURAL_SUBJECTS = _lex("plural_subjects")
_PREPOSITIONS = _lex("prepositions")
_LOCATIVE = _lex("locatives")
_CAP_STOP = _lex("cap_stop")
_STOP_OR_DET = _CAP_STOP | {"the", "a", "an"}
_ABBREV = _lex("abbreviations")

_TIME_ADVERBS = _lex("time_adverbs")
_WEEKDAYS = _lex("weekdays")
_MONTHS = _lex("months") | _lex("month_abbreviations")
_TIME_NOUNS = _lex("time_nouns")
_TIME_OPENERS = _lex("time_openers")
_ADJUNCT_START = _PREPOSITIONS | _TIME_ADVERBS | _lex("adjunct_openers") | _WEEKDAYS | _lex("months")

# --------------------------------------------------------------------------------------------
# Precompiled patterns
# --------------------------------------------------------------------------------------------

# Unions of the lexicons above, built once (not per call).
_U_GROUP_PERSON = _GROUP_HEADS | _PERSON_HEADS
_U_ORG_MEDIA_PERSON_TITLES_REPORT = _ORG_HEADS | _MEDIA_HEADS | _PERSON_HEADS | _TITLES | _REPORT_HEADS
_U_PERSON_ORG_MEDIA_REPORT = _PERSON_HEADS | _ORG_HEADS | _MEDIA_HEADS | _REPORT_HEADS
_U_GROUP_NOMINALCUES = _GROUP_HEADS | _NOMINAL_CUES
_U_TITLES_ABBREV = _TITLES | _ABBREV
_U_PERSON_ORG_MEDIA_REPORT_GROUP = _PERSON_HEADS | _ORG_HEADS | _MEDIA_HEADS | _REPORT_HEADS | _GROUP_HEADS
_U_ORG_GROUP_MEDIA = _ORG_HEADS | _GROUP_HEADS | _MEDIA_HEADS
_U_FINITE_ADVAUX_SUBORDINATORS = _FINITE | _ADV_AUX | _SUBORDINATORS
_U_SUBORDINATORS_PREPOSITIONS = _SUBORDINATORS | _PREPOSITIONS

# A word; a plural possessive keeps its apostrophe ("Rovers' Tom Hale") so it reads as a possessor.
_WORD = re.compile(r"[^\W_][\w'’.\-]*(?:s['’](?=\s)|[^\W_])|[^\W_]")
_NOISE_LINE = re.compile(
    r"^\s*(?:read more\b|related\b|see also\b|more:|photo\b|image\b|credit\b|\(?photo:|twitter:\s*@|"
    r"follow\b.*\bon twitter\b|abstract\.?\s*$|full text\.?\s*$|watch:|listen:|click here|sign up|"
    r"subscribe\b|https?://\S+\s*$|pic\.twitter\.com)",
    re.IGNORECASE,
)
_EMBED_LINE = re.compile(r"^\s*[—–-]{1,2}\s*(?P<name>[^()\n]{1,80}?)\s*\((?P<handle>@\w{1,30})\)\s*(?P<date>.*)$")
_LINK = re.compile(r"\s*(?:https?://\S+|pic\.twitter\.com/\S+|t\.co/\S+)")
_BOUNDARY = re.compile(r"[.?!]+[\"'’”)\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9\x01])|;\s+(?=[A-Z])")
# "KYIV, Nov 3 (Reuters) - ", "WASHINGTON (AP) — ", "New York (AFP) – " at a paragraph's start.
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Za-z.'\-]*(?:[ ,]+[A-Z][A-Za-z.'\-]*){0,3})(?:,\s*[A-Z][a-z]{2,4}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*"
    r"(?:\([A-Z][\w. ]{0,20}\)\s*)?[-—–]+\s+|^[A-Z]{3,}(?:[ ,]+[A-Z]{2,}){0,3}\s*[-—–]+\s+",
    re.MULTILINE,
)
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+")
_BY_TALLY = re.compile(rf"\s*(?:[Bb]y|[Ii]n)\s+(?P<np>[^,]{{1,60}}?)(?:'s|’s|'|’)\s+(?:own\s+)?(?:{_BY_NOUNS})\s*,\s*")
# "X says …" / "X warns …" as a headline's whole frame.
_HEADLINE_SAYS = re.compile(
    r"^\s*(?P<sp>[A-Z][^:\n]{1,50}?)\s+(?:says?|said|tells?|warns?|insists?|claims?|admits?|vows?|pledges?|predicts?)"
    r"\s+(?:that\s+)?(?P<q>(?!(?:no|yes)\s+to\b)\S.{4,})$"
)
_HEADLINE = re.compile(r"^\s*(?P<sp>[^:\n]{2,60}?)\s*:\s+(?P<q>\S.{4,})$")
_COLON_SOURCE = re.compile(
    r"(?:^|[,;]|\b(?:[Ff]rom|[Ii]n)\b)\s*(?P<np>(?!From\b|In\b)[A-Z][\w.'’\- ]{0,60}?)"
    r"(?:'s|’s|')\s+(?:[\w\-]+\s+){0,2}?"
    r"(?P<noun>" + _alternatives(_COMM_NOUNS, longest_first=True) + r")\s*:\s*$"
)


# --------------------------------------------------------------------------------------------
# Quotation marks (English conventions on top of text.find_quote_marks)
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Quote:
    open: int
    start: int
    end: int
    after: int  # first offset after the closing mark (== end when unbalanced)
    closed: bool
    used: bool = False
    runs_on: bool = False  # continues into the next paragraph (no closing mark before the break)


def _find_quotes(text: str) -> list[_Quote]:
    from ..text import find_quote_marks

    # NYT-style '' marks become one straight mark plus a filler so offsets stay put.
    # (and AP copy's ’’, two right single marks closing a “ quote)
    t2 = text.replace("''", '"\x02') if "''" in text else text
    t2 = t2.replace("’’", '"\x02') if "’’" in t2 else t2
    out: list[_Quote] = []
    for m in find_quote_marks(t2):
        start = m.start + 1 if m.start < len(t2) and t2[m.start] == "\x02" else m.start
        if m.closed:
            after = m.close + 1
            if after < len(t2) and t2[after] == "\x02":
                after += 1
        else:
            after = m.end
        op = m.open
        nl = t2.find("\n", start, m.end)
        while nl >= 0:
            # A quote running over paragraphs: each paragraph's part is a quote of its own, the later
            # ones opened by the mark that starts their paragraph.
            end = nl
            while end > start and t2[end - 1] in " \t":
                end -= 1
            out.append(_Quote(op, start, end, end, True, runs_on=True))
            op, start = nl + 1, nl + 2
            nl = t2.find("\n", start, m.end)
        out.append(_Quote(op, start, m.end, after, m.closed))
    out.extend(_single_quotes(t2, out))
    out.sort(key=lambda q: q.open)
    return out


_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))[‘'](?=[A-Za-z0-9$])", re.MULTILINE)


def _single_quotes(text: str, doubles: list[_Quote]) -> list[_Quote]:
    """‘…’ and '…' outside double quotes; an apostrophe between letters never closes one."""
    covered = [(q.open, q.after) for q in doubles]
    out: list[_Quote] = []
    ci = 0
    pos = 0
    for m in _SINGLE_OPEN.finditer(text):
        i = m.start()
        if i < pos:
            continue
        while ci < len(covered) and covered[ci][1] <= i:
            ci += 1
        if ci < len(covered) and covered[ci][0] <= i < covered[ci][1]:
            continue
        closer = "’" if text[i] == "‘" else "'"
        limit = text.find("\n", i)
        limit = len(text) if limit < 0 else limit
        limit = min(limit, i + 300)
        j = i + 1
        close = None
        while True:
            j = text.find(closer, j, limit)
            if j < 0:
                break
            nxt = text[j + 1] if j + 1 < len(text) else " "
            if not nxt.isalnum() and not text[j - 1].isspace():
                close = j
                break
            j += 1
        if close is None or (ci < len(covered) and covered[ci][0] < close):
            continue
        out.append(_Quote(i, i + 1, close, close + 1, True))
        pos = close + 1
    return out


# --------------------------------------------------------------------------------------------
# Document state
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Speaker:
    name: str | None
    kind: str | None
    mention: Span | None
    entry: Entry | None = None
    confidence: float = 0.8
    via: str | None = None


@dataclass(slots=True)
class _Cue:
    start: int
    end: int
    lemma: str
    tag: str  # base / s / ed / ing / according / nominal
    speaker: _Speaker | None = None
    subject_start: int | None = None  # where its subject phrase starts (for claiming)
    participle: bool = False
    comm: int | None = None  # "one of her ads asking": offset of the communication noun
    inverted: bool = False  # "…," said X: the subject follows, nothing is reported after it
    np_end: int | None = None  # end of an inverted cue's subject ("…, said the people, who …")
    via: str | None = None  # who relayed this cue's statement ("the Journal reported that officials said")


@dataclass(slots=True)
class _Unit:
    start: int
    end: int
    para: int
    quotes: list[_Quote] = field(default_factory=list)


_SHORT_PARENS = re.compile(r"\((?:[^()\n\x01]{1,12})\)")
# A US party-and-state tag between commas ("Sen. Jo Lee, D-Mass., said") is an aside like "(D-Mass.)".
_PARTY_TAG = re.compile(r",\s(?:[DRI]|Ind)-[A-Z][A-Za-z.]{1,12},(?=\s)")


def _blank(m: re.Match) -> str:
    return " " * len(m.group())


class _Doc:
    def __init__(self, doc: Document, entities: list[Entity] | None):
        self.doc = doc
        self.text = doc.text
        self.title_end = len(doc.title) if doc.title else 0
        self.quotes = _find_quotes(self.text)
        self.masked = self._mask()
        self._tok: list[tuple[int, int, str]] | None = None
        self._tok_starts: list[int] = []
        self._cue_idx: list[int] | None = None
        self.registry = Registry()
        # Every entry the registry records or touches, in reading order: a pronoun looks for its
        # antecedent among the latest of these instead of scanning every entry of a long document.
        self.recency: list[Entry] = []
        add, touch = self.registry.add, self.registry.touch

        def add_noted(*args, **kwargs) -> Entry:
            entry = add(*args, **kwargs)
            self.recency.append(entry)
            return entry

        def touch_noted(entry: Entry, position: int) -> None:
            touch(entry, position)
            self.recency.append(entry)

        self.registry.add, self.registry.touch = add_noted, touch_noted
        self.entities = sorted(entities or [], key=lambda e: e.start)
        self.ent_label = {(e.start, e.end): e.label for e in self.entities}
        self.ent_starts = [e.start for e in self.entities]
        self.out: list[Attribution] = []
        self.last_speaker: _Speaker | None = None
        self.reports: list[tuple[int, Entry]] = []  # organisations that issued a report, by position
        self.mentions: list[tuple[int, Entry]] = []  # person mentions in reading order
        self.known: dict[str, Entry] = {}  # full names already registered (saves registry look-ups)
        self.surnames: set[str] = set()
        self.not_names: set[str] = set()
        self.person_runs: dict[str, Entry] = {}
        self.org_runs: dict[str, str] = {}
        self.org_mentions: list[tuple[int, str]] = []  # organisation names in reading order
        self.pending_desc = ""  # apposition words met while finding a subject
        self.unit_cues: dict[int, list[_Cue]] = {}  # paragraph-opening unit start -> its cues

    def _mask(self) -> str:
        text = self.text
        pieces = []
        pos = 0
        for q in self.quotes:  # sorted, never overlapping
            if q.open < pos:
                continue
            pieces.append(text[pos : q.open])
            pieces.append('"' + "\x01" * (q.end - q.open - 1) + '"' * (q.after - q.end))
            pos = q.after
        pieces.append(text[pos:])
        # Datelines and short parentheticals after a name ("(R)", "(I-Vt.)") say nothing about structure.
        masked = _DATELINE.sub(_blank, "".join(pieces))
        return _PARTY_TAG.sub(_blank, _SHORT_PARENS.sub(_blank, masked))

    def cue_words(self, a: int, b: int) -> list[int]:
        """Token indexes within [a, b) whose word is a reporting-verb form."""
        if self._cue_idx is None:
            self.words(0, 0)
            self._cue_idx = [i for i, t in enumerate(self._tok) if t[2] in _FORMS]
        idx = self._cue_idx
        lo = bisect_left(idx, bisect_left(self._tok_starts, a))
        hi = bisect_left(idx, bisect_left(self._tok_starts, b))
        return idx[lo:hi]

    def span(self, a: int, b: int) -> Span:
        return Span(a, b, self.text[a:b])

    def words(self, a: int, b: int) -> list[tuple[int, int, str]]:
        """Words of the masked text within [a, b), tokenised once per document."""
        if self._tok is None:
            masked = self.masked
            tok: list[tuple[int, int, str]] = []
            add = tok.append
            for m in _WORD.finditer(masked):
                s, e = m.span()
                add((s, e, masked[s:e]))
            self._tok = tok
            self._tok_starts = [t[0] for t in tok]
        i = bisect_left(self._tok_starts, a)
        j = bisect_left(self._tok_starts, b, i)
        out = self._tok[i:j]
        if out and out[-1][1] > b:
            # a word cut by the window's end: keep its part inside, as a fresh scan would
            s, _, _ = out[-1]
            out[-1] = (s, b, self.masked[s:b]) if b > s else out[-1]
            if not _WORD.fullmatch(out[-1][2]):
                out = out[:-1] + [(mm.start(), mm.end(), mm.group()) for mm in _WORD.finditer(self.masked, s, b)]
        return out


# --------------------------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------------------------


def _units(d: _Doc) -> list[_Unit]:
    units: list[_Unit] = []
    m = d.masked
    pos = 0
    para = 0
    q_ends = {q.after: q for q in d.quotes if q.closed}
    q_after = sorted(q_ends)
    text = d.text
    para = 1
    for line in m.split("\n"):
        a, b = pos, pos + len(line)
        if pos:
            para += 1 + text.count("\n", pos, a)  # masked lines may cover several original lines
        pos = b + 1
        if not line.strip():
            continue
        cuts = [a]
        for bm in _BOUNDARY.finditer(line):
            k = a + bm.start()
            if line[bm.start()] == "." and _is_abbrev(line, bm.start()):
                continue
            cuts.append(a + bm.end())
            del k
        # A quote that ends its own sentence ("… done.") closes the unit before a new one starts.
        for end, q in _between(q_ends, q_after, a, b):
            if a < end < b:
                inner = d.text[q.start : q.end].rstrip()
                rest = m[end:b]
                if inner.endswith(".") and rest[:1].isspace() and rest.lstrip()[:1].isupper():
                    cuts.append(end + len(rest) - len(rest.lstrip()))
        cuts = sorted(set(cuts))
        for i, c in enumerate(cuts):
            e = cuts[i + 1] if i + 1 < len(cuts) else b
            for c2, e2 in _bounded(m, c, e):
                if m[c2:e2].strip():
                    units.append(_Unit(c2, e2, para))
    # Attach quotes to the unit holding their opening mark.
    qi = 0
    qs = d.quotes
    for u in units:
        while qi < len(qs) and qs[qi].open < u.start:
            qi += 1
        k = qi
        while k < len(qs) and qs[k].open < u.end:
            u.quotes.append(qs[k])
            k += 1
    return units


# No sentence of the pools comes near this length (the longest, quotes included, has 1,705
# characters). A run-on "sentence" beyond it (a list without full stops, text run together) is
# cut into pieces of at most this length at a comma or a space outside quotation marks, so that
# every rule working on a sentence reads a bounded stretch and detection stays linear in the text.
_MAX_UNIT = 2000


def _bounded(m: str, a: int, b: int) -> list[tuple[int, int]]:
    out = []
    while b - a > _MAX_UNIT:
        lo, hi = a + _MAX_UNIT // 2, a + _MAX_UNIT
        k = max(m.rfind(", ", lo, hi), m.rfind("; ", lo, hi))
        k = k + 2 if k >= 0 else m.rfind(" ", lo, hi) + 1
        if k <= 0:  # one long quotation: the next space after it
            k = m.find(" ", hi, b) + 1
            if k <= 0:
                break
        out.append((a, k))
        a = k
    out.append((a, b))
    return out


def _between(q_ends: dict, keys: list[int], a: int, b: int):
    i = bisect_left(keys, a)
    while i < len(keys) and keys[i] < b:
        yield keys[i], q_ends[keys[i]]
        i += 1


def _is_abbrev(line: str, i: int) -> bool:
    j = i
    while j > 0 and (line[j - 1].isalnum() or line[j - 1] == "."):
        j -= 1
    word = line[j:i]
    if not word:
        return False
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "George P. Bush"
    if "." in word:
        return True  # U.S., D.C.
    return word.lower() in _ABBREV


# --------------------------------------------------------------------------------------------
# Words and names
# --------------------------------------------------------------------------------------------


def _words(s: str, a: int, b: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(s, a, b)]


@lru_cache(maxsize=16384)
def _bare(w: str) -> str:
    w = w.rstrip(".")
    for suf in ("'s", "’s"):
        if w.endswith(suf):
            return w[: -len(suf)]
    return w.rstrip("'’")


def _is_cap(w: str) -> bool:
    # "al-Burhan", "el-Sisi", "d'Estaing": a lowercase particle joined to a capitalised name.
    return w[:1].isupper() or (w[2:3] in "-'’" and w[:2] in _JOINED_PARTICLES and w[3:4].isupper())


def _possessive(w: str) -> bool:
    return w.endswith(("'s", "’s")) or (w.endswith(("'", "’")) and w[:-1].endswith("s"))


def _name_run(ws: list[tuple[int, int, str]]) -> tuple[int, int] | None:
    """Index range of the trailing capitalised run (a name) in ``ws``; None if ws ends lowercase."""
    if not ws or not _is_cap(ws[-1][2]):
        return None
    i = len(ws) - 1
    while i > 0:
        prev = ws[i - 1][2]
        if _possessive(prev):
            if _is_cap(prev) and (_named_by_possessive(ws[i:]) or _common_possessor(prev)):
                i -= 1
                continue
            break
        if _is_cap(prev):
            i -= 1
            continue
        if prev in _PARTICLES:
            # A chain of particles: inside a name after a capitalised word, or opening a surname.
            j = i - 1
            while j > 0 and ws[j - 1][2] in _PARTICLES:
                j -= 1
            if j > 0 and _is_cap(ws[j - 1][2]) and not _possessive(ws[j - 1][2]):
                i = j - 1
                continue
            if j == 0 or not _is_cap(ws[j - 1][2]):
                i = j
            break
        if prev.lower() in _CONNECT and i >= 2 and _is_cap(ws[i - 2][2]) and not _possessive(ws[i - 2][2]):
            i -= 1
            continue
        if (
            prev == "the"
            and i >= 3
            and ws[i - 2][2] in ("of", "for", "on", "to")
            and _is_cap(ws[i - 3][2])
            and not _possessive(ws[i - 3][2])
        ):
            i -= 2  # "Department of the Interior", "Office for the Western District"
            continue
        if prev == "to" and i >= 2 and _is_cap(ws[i - 2][2]) and ws[i - 2][2].lower() in _ORG_WORDS:
            i -= 1  # "Committee to Protect Journalists", "Campaign to End Loneliness"
            continue
        break
    # Sentence-initial function words ("Had Lee won", "Following the vote") are not names.
    while i < len(ws) - 1 and ws[i][2].lower() in _CAP_STOP and ws[i][2] not in _PARTICLES:
        i += 1
    if ws[i][2].lower() in _CAP_STOP:
        return None
    return i, len(ws)


def _after_role_preposition(d: _Doc, a: int) -> bool:
    """Is offset ``a`` right after "<role> to/of/for/at" ("envoy to", "minister for", "adviser at")?"""
    ws = d.words(max(0, a - 60), a)[-4:]
    if len(ws) < 2 or ws[-1][2] not in ("to", "of", "for", "at", "from", "in", "on"):
        return False
    return any(w.islower() and (w in _ROLE_WORDS or w in _ROLE_ADJ) for _, _, w in ws[:-1])


def _named_by_possessive(rest: list[tuple[int, int, str]]) -> bool:
    """Do the words after a possessive need it to be a name ("[Alzheimer's] Research UK")?"""
    core = []
    for _, _, w in rest:
        lw = _bare(w).lower()
        if lw in ("of", "for"):
            break  # "Children's Hospital of Philadelphia": the head is before "of"
        core.append(lw)
    while len(core) > 1 and core[-1] in _NAME_TAGS:
        core.pop()
    return len(core) == 1 and (core[0] in _NAMING_NOUNS or core[0] in _NAME_TAGS)


def _common_possessor(w: str) -> bool:
    """A role or a common noun owns no name of its own: "Sheriff's Office", "Women's March"."""
    base = _bare(w).lower()
    base = base[:-2] if base.endswith(("'s", "’s")) else base.rstrip("'’")
    return base in _TITLES or base in _PERSON_HEADS or base in _COMMON_POSSESSORS


def _drop_time_tail(ws: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A subject ends before a time phrase that precedes its verb ("The IMF this week said",
    "Lee on Tuesday night warned", "the agency last month told", "X earlier said")."""
    k = len(ws)
    while k > 1:
        lw = _bare(ws[k - 1][2]).lower()
        if lw in _TIME_ADVERBS:
            k -= 1
            continue
        if not (lw in _WEEKDAYS or lw in _TIME_NOUNS or lw in _MONTHS or lw[:1].isdigit()):
            break
        j = k - 1
        while j > 1 and ((low := _bare(ws[j - 1][2]).lower()) in _WEEKDAYS or low in _MONTHS or low[:1].isdigit()):
            j -= 1  # "Tuesday night", "Nov. 14"
        if j > 1 and ws[j - 1][2].lower() in _TIME_OPENERS:
            k = j - 1
        elif lw in _WEEKDAYS and j == k - 1:
            k = j  # a bare weekday: "The agency Tuesday said"
        else:
            break
    return ws[:k]


def _strip_titles(ws: list[tuple[int, int, str]]) -> tuple[list[tuple[int, int, str]], str | None]:
    """Drop leading titles and roles; return the rest and a gender the titles imply."""
    gender = None
    last_title = -1
    for k, (_, _, w) in enumerate(ws):
        lw = _bare(w).lower()
        if "-" in lw and all(p in _ROLE_WORDS or p in _TITLE_MODIFIERS for p in lw.split("-")):
            lw = lw.split("-")[0]  # "Secretary-General", "Attorney-General", "President-elect"
        if k < len(ws) - 1 and (lw in _TITLES or lw in _PERSON_HEADS) and not _possessive(w):
            last_title = k  # (a possessive title owns what follows: "the Attorney's Office")
            gender = gender or ("f" if lw in _FEMALE else "m" if lw in _MALE else None)
    rest = ws[last_title + 1 :]
    if rest and _bare(rest[-1][2]).lower() in _ORG_WORDS:
        return ws, None  # "General Motors", "General Electric Co.": an organisation, not a title
    if rest and rest[0][2].lower() in ("of", "for") and len(rest) >= 4:
        # "Secretary of State John Kerry", "Director of Public Prosecution Eva-Marie Persson": the
        # title's complement goes too; the name is its last two words (and any initials between).
        k = len(rest) - 2
        while k > 2 and len(_bare(rest[k][2])) == 1:
            k -= 1
        rest = rest[max(2, k) :]
    while last_title >= 0 and rest and rest[0][2].lower() in _CONNECT:
        rest = rest[1:]
    if rest and rest[0][2] in ("The", "A", "An"):
        rest = rest[1:]
    return (rest or ws), gender


def _title_words(ws) -> list[str]:
    """Titles and roles in a name phrase, spelled out ("Sen." -> "senator")."""
    out = []
    for _, _, w in ws[:-1]:
        lw = _bare(w).lower()
        if lw in _TITLES or lw in _PERSON_HEADS:
            out.append(_TITLE_NAMES.get(lw, lw))
    return out


def _kind_of_name(words, label: str | None = None) -> str:
    return _kind_cached(tuple(words), label)


@lru_cache(maxsize=8192)
def _kind_cached(words: tuple[str, ...], label: str | None) -> str:
    words = tuple(w for w in words if not _POSTNOMINAL.fullmatch(" " + w)) or words
    if label:
        if label.startswith("PER"):
            return "person"
        if label in ("ORG", "NORP"):
            return "organisation"
        if label in ("GPE", "LOC"):
            return "government"
    low = [_bare(w).lower() for w in words]
    if any(w in _MEDIA_WORDS for w in low) or any(w.isupper() and 2 <= len(w) <= 8 for w in words if w.isalpha()):
        return "media" if any(w in _MEDIA_WORDS for w in low) else "organisation"
    if any(w in _ORG_WORDS for w in low) or "/" in " ".join(words):
        return "organisation"
    if len(words) >= 2 and all(_is_cap(w) or w in _PARTICLES for w in words) and _is_cap(words[-1]):
        return "person"
    return "person" if len(words) == 1 else "organisation"


# --------------------------------------------------------------------------------------------
# Speakers
# --------------------------------------------------------------------------------------------


def _resolve_name(d: _Doc, name: str, pos: int, kind: str, gender: str | None, desc: str, a: int, b: int) -> _Speaker:
    entry = d.registry.resolve_name(name) if len(name.split()) == 1 else None
    if entry is not None and entry.kind in ("person", None):
        d.registry.touch(entry, pos)
        if gender and not entry.gender:
            entry.gender = gender
        if desc:
            entry.description = entry.description | frozenset(desc.lower().split())
        return _Speaker(entry.name, entry.kind or kind, d.span(a, b), entry)
    if entry is not None and kind != "person":
        d.registry.touch(entry, pos)
        return _Speaker(entry.name, entry.kind, d.span(a, b), entry)
    entry = d.registry.add(name, position=pos, kind=kind, gender=gender, description=desc)
    return _Speaker(entry.name, entry.kind or kind, d.span(a, b), entry)


def _speaker_from_np(d: _Doc, a: int, b: int, pos: int, unit: _Unit | None = None) -> _Speaker | None:
    """Classify and resolve the noun phrase masked[a:b] naming a source; a lone pronoun is resolved
    through the document."""
    ws = d.words(a, b)
    if len(ws) == 1 and (first := ws[0][2].lower()) in _PRONOUNS:
        return _pronoun(d, first, pos, unit)
    return _named_np(d, ws, pos)


def _named_np(d: _Doc, ws: list[tuple[int, int, str]], pos: int) -> _Speaker | None:
    """A noun phrase that is not a pronoun. Pronoun resolution calls this one and never
    ``_speaker_from_np``, and nothing here resolves a pronoun: resolution ends by construction
    ("It said" cannot send "it" back into itself)."""
    if not ws or len(ws) > 14:
        return None
    first = ws[0][2].lower()
    if (len(ws) == 1 and first in _PRONOUNS) or first in ("i", "we", "you", "who", "which", "that", "this", "there"):
        return None
    # Cut the phrase at its first preposition after a lowercase head ("spokesman for X"), or at an
    # adjective that post-modifies it ("people familiar with the matter", "sources close to him").
    head = ws
    for k in range(1, len(ws)):
        if ws[k][2] in _POSTMODIFIERS:
            head = ws[:k]
            break
        w = ws[k][2]
        pw = ws[k - 1][2]
        if w in _PREPOSITIONS and (not _is_cap(pw) or (k == 1 and _bare(pw).lower() in _U_GROUP_PERSON)):
            if w == "of" and k + 1 < len(ws) and ws[k + 1][2].islower() and _name_run(ws) is not None:
                continue
            if _is_cap(pw) and len(ws) - k > 2 and all(_is_cap(x) for _, _, x in ws[k + 1 :]):
                continue  # "Secretary of State Mike Pompeo": the title's complement, then the name
            head = ws[:k]
            break
    if first in _POSSESSIVES and len(head) >= 2:
        return _Speaker(d.text[ws[0][0] : ws[-1][1]], "unnamed", d.span(ws[0][0], ws[-1][1]), confidence=0.6)
    run = _name_run(head)
    if run is not None:
        names = head[run[0] : run[1]]
        if names[0][2].lower() in _QUANTIFIERS or (_bare(names[-1][2]).lower() in _GROUP_HEADS and len(names) <= 2):
            return _group(d, ws, head)
        before = head[: run[0]]
        names, gender = _strip_titles(names)
        if names and names[0][2] in ("The", "A", "An"):
            names = names[1:]
        if not names:
            return None
        of = next((k for k, w in enumerate(names) if w[2] == "of"), 0)
        if of >= 2 and _kind_of_name([w for _, _, w in names[:of]]) == "person":
            names = names[:of]  # "Paul Whitaker of Ohio": the place is not part of the name
        if len(names) >= 3 and _is_cap(names[-2][2]) and _after_role_preposition(d, names[0][0]):
            names = names[-2:]  # "special envoy to Ukraine Kurt Volker": the place belongs to the role
        na, nb = names[0][0], names[-1][1]
        name = _clean_name(d.text[na:nb])
        if not name:
            return None
        desc = " ".join([w for _, _, w in before] + _title_words(head[run[0] : run[1]]))
        label = d.ent_label.get((na, nb))
        kind = _kind_of_name([w for _, _, w in names], label)
        if before and any(_bare(w).lower() in _ROLE_WORDS for _, _, w in before) and kind != "media":
            kind = "person" if not any(_bare(w).lower() in _ORG_WORDS for _, _, w in names) else kind
        for _, _, w in before:
            lw = w.lower()
            gender = gender or ("f" if lw in _FEMALE else "m" if lw in _MALE else None)
        sp = _resolve_name(d, name, pos, kind, gender, desc, na, nb)
        if sp.kind == "person" and sp.entry is not None and _bare(names[-1][2]).lower() in _ORG_WORDS:
            sp.kind = "organisation"
        return sp
    return _descriptor(d, ws, head, pos)


_POSTNOMINAL = re.compile(r"(?:,?\s+(?:Jr|Sr|II|III|IV|KC|QC|MP|MEP|MSP|OBE|CBE|MBE|PhD|MD)\.?)+$")


@lru_cache(maxsize=8192)
def _clean_name(s: str) -> str:
    s = re.sub(r"\s+", " ", s).strip(" ,.;:")
    s = _POSTNOMINAL.sub("", s)  # "X Jr." or "X KC" is later just "X"
    if s.endswith(("'s", "’s")):
        s = s[:-2]
    return s.rstrip("'’")


def _group(d: _Doc, ws, head) -> _Speaker:
    a, b = ws[0][0], ws[-1][1]
    return _Speaker(_drop_article(d.text[a:b], ("The", "the")), "group", d.span(a, b), confidence=0.7)


def _drop_article(text: str, articles=("The", "the", "A", "a", "An", "an")) -> str:
    parts = text.split(None, 1)
    return parts[1] if len(parts) == 2 and parts[0] in articles else text


_AGED = re.compile(r"\d{1,3}-year-old")


def _descriptor(d: _Doc, ws, head, pos: int) -> _Speaker | None:
    a, b = ws[0][0], ws[-1][1]
    hw = _bare(head[-1][2]).lower()
    if _AGED.fullmatch(hw):
        hw = "person"  # "the 56-year-old said": a person described by age
    det = ws[0][2].lower()
    text = d.text[a:b]
    if det == "the" and len(ws) == 2 and hw in _COMM_NOUNS and d.last_speaker is not None:
        # "the statement said": the words of whoever was last reported as speaking (its issuer)
        sp = d.last_speaker
        if sp.entry is not None:
            d.registry.touch(sp.entry, pos)
        return _Speaker(sp.name, sp.kind, d.span(a, b), sp.entry, 0.6)
    if det in ("a", "an") and not any(
        x in _U_PERSON_ORG_MEDIA_REPORT_GROUP or x in _TITLES or x in _COMM_NOUNS or x in _ORG_WORDS
        for x in (_bare(w).lower() for _, _, w in head[1:])
    ):
        return None  # "…, a deal announced on Monday": no source
    if hw in _GROUP_HEADS or det in _QUANTIFIERS:
        return _group(d, ws, head)
    if _possessive(ws[0][2]) and _is_cap(ws[0][2]) and len(head) >= 2:
        kind = "organisation" if hw in _ORG_HEADS else "media" if hw in _MEDIA_HEADS else "unnamed"
        if hw in _U_ORG_MEDIA_PERSON_TITLES_REPORT:
            return _Speaker(text, kind, d.span(a, b), confidence=0.6)
        return None
    if det in ("one", "another", "two", "three", "several") and (hw in _PERSON_HEADS or hw[:-1] in _PERSON_HEADS):
        return _Speaker(text, "unnamed", d.span(a, b), confidence=0.55)
    if det not in ("the", "a", "an", "this", "that", "those", "these", "both"):
        # Bare lowercase phrase ("exit polls"): a group source only if its head says so.
        return _group(d, ws, head) if hw in _GROUP_HEADS else None
    if det in ("the", "this", "that", "both", "those", "these"):
        if hw in _MEDIA_HEADS:
            e = _recent_entry(d, ("media",))
            if e:
                d.registry.touch(e, pos)
                return _Speaker(e.name, e.kind, d.span(a, b), e, 0.7)
        if hw in _REPORT_HEADS and d.reports:
            e = next((e for p, e in reversed(d.reports) if p < pos), d.reports[0][1])
            return _Speaker(e.name, e.kind, d.span(a, b), e, 0.6)
        if hw in _ORG_HEADS:
            e = _recent_entry(d, ("organisation", "government"))
            if e and hw in e.toks:
                d.registry.touch(e, pos)
                return _Speaker(e.name, e.kind, d.span(a, b), e, 0.6)
            # "The company said …" with no such speaker yet: the organisation named last before it,
            # when the phrase is the bare head ("the company", not "the company's union").
            if len(ws) == 2 and hw in _COMPANY_HEADS:
                k = bisect_left(d.org_mentions, (a, "")) - 1
                if k >= 0 and a - d.org_mentions[k][0] < 1500:
                    e = d.registry.add(d.org_mentions[k][1], position=pos, kind="organisation")
                    return _Speaker(e.name, e.kind, d.span(a, b), e, 0.55)
        # "the fund said": the last organisation named with that head ("International Monetary Fund").
        if len(ws) == 2 and (hw in _ORG_HEADS or hw in _ORG_WORDS):
            k = bisect_left(d.org_mentions, (a, "")) - 1
            while k >= 0 and a - d.org_mentions[k][0] < 5000:
                name = d.org_mentions[k][1]
                if _bare(name.split()[-1]).lower() == hw:
                    e = d.registry.add(name, position=pos, kind="organisation")
                    return _Speaker(e.name, e.kind, d.span(a, b), e, 0.55)
                k -= 1
        relational = any(_possessive(w) for _, _, w in head[:-1])  # "the banker's lawyer"
        if (hw in _PERSON_HEADS or hw in _TITLES) and det in ("the", "this", "that") and not relational:
            gender = "f" if hw in _FEMALE else "m" if hw in _MALE else None
            # A person described so before ("Sen. X" for "the senator"), else the last speaker.
            described = [x for x in d.registry.entries if x.kind == "person" and hw in x.description]
            if described:
                e = max(described, key=lambda x: x.position)
                d.registry.touch(e, pos)
                return _Speaker(e.name, "person", d.span(a, b), e, 0.65)
            # Otherwise the last speaker (or person) — unless described with another role ("an economist").
            sp = d.last_speaker
            e = sp.entry if sp is not None and sp.kind == "person" else None
            if e is None or not e.agrees(gender, False):
                e = d.registry.resolve_pronoun(gender, False, kinds=("person",))
            if e is not None and not e.description & _ROLE_WORDS:
                d.registry.touch(e, pos)
                return _Speaker(e.name, "person", d.span(a, b), e, 0.6)
    if det in ("the", "this", "that"):
        text = _drop_article(text, ("The", "the"))
    kind = "unnamed" if hw in _PERSON_HEADS or hw in _TITLES else "group" if hw.endswith("s") else "organisation"
    if hw in _REPORT_HEADS or hw in _GROUP_HEADS:
        kind = "group"
    return _Speaker(text, kind, d.span(a, b), confidence=0.55)


def _pronoun(d: _Doc, word: str, pos: int, unit: _Unit | None) -> _Speaker | None:
    gender, plural = _PRONOUNS[word]
    if gender == "org":
        if unit is not None and (lead := _lead_np(d, unit, pos)) is not None and lead[1] < pos:
            sp = _named_np(d, d.words(lead[0], lead[1]), pos)
            if sp is not None and sp.kind in ("organisation", "media", "government", "group"):
                return sp  # "The company … but it said": the sentence's subject
        e = _recent_entry(d, ("organisation", "media", "government"))
        last = d.last_speaker
        if e is None or (last is not None and last.entry is None and last.kind in ("organisation", "government")):
            # an unregistered source ("the US military said …") that spoke last
            if last is not None and last.kind in ("organisation", "media", "government"):
                return _Speaker(last.name, last.kind, None, last.entry, 0.55)
            return None
        d.registry.touch(e, pos)
        return _Speaker(e.name, e.kind, None, e, 0.6)
    if plural:
        sp = d.last_speaker
        if sp and sp.entry is not None and sp.entry.plural:
            return _Speaker(sp.name, sp.kind, None, sp.entry, 0.55)
        if sp and sp.entry is None and sp.kind == "group":
            return _Speaker(sp.name, sp.kind, None, None, 0.55)
        return None
    # "When Carlineo was approached, he told police …": a person this sentence opened with, or named
    # as the subject of a clause before the pronoun, comes before any earlier speaker.
    if unit is not None and (x := _clause_subject_before(d, unit, pos, gender)) is not None:
        d.registry.touch(x, pos)
        if x.gender is None:
            x.gender = gender
        return _Speaker(x.name, "person", None, x, 0.65)
    # The most recent speaker or sentence subject that doesn't disagree in gender.
    e = None
    for x in d.recency[-_RECENT_ENTRIES:]:
        if (
            (e is None or x.position > e.position)
            and x.kind == "person"
            and not x.weak
            and not x.plural
            and x.gender in (None, gender)
        ):
            e = x
    # A speaker from an earlier paragraph yields to a person this or the previous paragraph has turned
    # to as its topic ("Doyle's neighbour, Steve Marsh, is … / "…," he said"): the latest one that
    # agrees, named at the start of its sentence.
    if e is not None and unit is not None:
        para = d.text.rfind("\n", 0, pos)
        if e.position < para:
            floor = max(e.position, d.text.rfind("\n", 0, max(para, 0)))
            for at, x in reversed(d.mentions):
                if at >= pos:
                    continue
                if at <= floor:
                    break
                if (
                    x is not e
                    and x.kind == "person"
                    and not x.plural
                    and x.gender in (None, gender)
                    and _sentence_initial(d.masked, at)
                ):
                    e = x
                    break
    if e is None:
        return None
    d.registry.touch(e, pos)
    if e.gender is None:
        e.gender = gender  # "Smith … She said": Smith is a woman from now on
    return _Speaker(e.name, "person", None, e, 0.7)


def _recent_entry(d: _Doc, kinds: tuple[str, ...]) -> Entry | None:
    """The most recent entry of these kinds among the latest registry events (bounded work per look-up,
    unlike a scan of every entry of the document)."""
    best = None
    for x in d.recency[-_RECENT_ENTRIES:]:
        if (best is None or x.position > best.position) and x.kind in kinds and not x.weak:
            best = x
    return best


# How many of the latest registry events a pronoun's antecedent is looked for in.
_RECENT_ENTRIES = 300


def _clause_subject_before(d: _Doc, u: _Unit, pos: int, gender: str | None) -> Entry | None:
    """The first person named before ``pos`` in this sentence at its start or right after a
    subordinating word ("When X was …, he"), not owned ("X's") and not a preposition's object."""
    m = d.masked
    found = None
    # A fronted finite clause ("While the campaign did not appeal to Julie Graham, …, she said"): the
    # person it names is the topic the main clause's pronoun takes up; not so a participle ("After
    # meeting Trump, he said") or a preposition's phrase ("Asked about Smith, he said").
    lead = d.words(u.start, min(pos, u.start + 200))[:3]
    while lead and lead[0][2].lower() in _INTRO_WORDS:
        lead = lead[1:]
    fronted = len(lead) >= 2 and lead[0][2].lower() in _CLAUSE_OPENING and not lead[1][2].endswith("ing")
    comma = m.find(",", u.start, pos) if fronted else -1
    for at, x in reversed(d.mentions):
        if at < u.start:
            break
        if at >= pos or x.kind != "person" or x.plural or x.gender not in (None, gender):
            continue
        before = d.words(u.start, at)
        while before and before[0][2].lower() in _INTRO_WORDS:
            before = before[1:]
        opens = not before or (before[-1][2].lower() in _CLAUSE_OPENING and m[before[-1][1] : at].strip() == "")
        opens = opens or (comma > at and not (before and before[-1][2].lower() in _LOCATIVE))
        run = _NAME_RUN.match(m, at)
        if opens and not (run and _possessive(run.group())) and "\x01" not in m[at:pos]:
            found = x  # keep going back: the earliest such mention wins
    return found


def _sentence_initial(m: str, at: int) -> bool:
    """At most three words (outside quotes) open the sentence before offset ``at``."""
    lo = max(0, at - 100)
    seg = m[lo:at]
    k = max(seg.rfind("\n"), seg.rfind(". "), seg.rfind("? "), seg.rfind("! "))
    if k < 0 and lo > 0:
        return False
    head = seg[k + 1 :]
    return len(head.split()) <= 3 and '"' not in head


def _learn_gender(d: _Doc, sp: _Speaker | None, a: int, b: int) -> None:
    """A he/she/his/her after a person's mention in the same sentence, with no other name in between."""
    if sp is None or sp.entry is None or sp.kind != "person" or sp.entry.gender:
        return
    prev = ""
    for _, _, w in d.words(a, b):
        lw = w.lower()
        if lw in ("he", "his", "himself"):
            sp.entry.gender = "m"
            return
        if lw in ("she", "herself") or (lw == "her" and prev in _PREPOSITIONS):
            sp.entry.gender = "f"
            return
        if _is_cap(w) and lw not in _TITLES and w not in ("I",):
            return
        prev = lw


# --------------------------------------------------------------------------------------------
# Cues
# --------------------------------------------------------------------------------------------


def _cues(d: _Doc, u: _Unit) -> list[_Cue]:
    m = d.masked
    out: list[_Cue] = []
    hits = d.cue_words(u.start, u.end)  # indexes of reporting-verb forms, found once per document
    if not hits:
        return out
    ws = d.words(u.start, u.end)
    first = bisect_left(d._tok_starts, u.start)
    for gi in hits:
        i = gi - first
        if i >= len(ws):
            break
        a, b, w = ws[i]
        info = _FORMS.get(w)
        if info is None:
            continue
        lemma, tag = info
        prev = ws[i - 1][2].lower() if i else ""
        prev2 = ws[i - 2][2].lower() if i > 1 else ""
        if prev in _NEGATIONS or (prev2 in _NEGATIONS and prev in ("to", "be")):
            continue
        if prev.endswith("n't"):
            continue
        gap = m[ws[i - 1][1] : a] if i else m[u.start : a]
        if tag in ("base", "s") and not _verb_reading(lemma, tag, ws[i - 1][2] if i else "", gap):
            continue
        if tag == "ing":
            comma = "," in gap or prev in ("and", "before", "after", "while", "by")
            # "X was quoted (by Reuters) as saying …": the subject is the speaker.
            comma = comma or (prev == "as" and _QUOTED_AS.search(m, u.start, a) is not None)
            progressive = prev in _BE or prev in ("been",)
            comm = None
            if not (comma or progressive):
                # "her ads asking, …" / "a note on the story saying that …": the message's author speaks.
                for k in range(i - 1, max(-1, i - 6), -1):
                    if re.search(r"[,;:\"\x01]", m[ws[k][1] : ws[k + 1][0]]):
                        break
                    if _bare(ws[k][2]).lower() in _COMM_NOUNS or ws[k][2].lower() in _COMM_NOUNS:
                        comm = ws[k][0]
                        break
                if comm is None:
                    continue
            cue = _Cue(a, b, lemma, tag, participle=comma and not progressive, comm=comm)
        elif tag == "ed" and (prev in _BE or prev in ("when", "if", "once", "as", "get", "got")):
            continue  # passive or reduced clause ("was reported by", "when asked")
        elif tag == "ed" and i and lemma == "ask" and ws[i - 1][2].istitle() and "," not in gap:
            cue = _Cue(a, b, lemma, tag)
        else:
            cue = _Cue(a, b, lemma, tag)
        # "to say" after another verb is usually not a report ("refused to say").
        if tag == "base" and prev == "to" and prev2 in _REFUSALS:
            continue
        out.append(cue)
    return out


_QUOTED_AS = re.compile(r"\b(?:quoted|cited)\b[^,;:\"\x01]{0,60}\bas\s*$")


def _verb_reading(lemma: str, tag: str, prev: str, gap: str) -> bool:
    """Is this -s or base form a verb here? ("Aides say" yes; "a Facebook post", "Republican calls" no)."""
    if not prev or any(ch in gap for ch in ',;:("\x01—'):
        return (tag == "s" and lemma not in _NOUNISH) or (tag == "base" and lemma in ("say",))
    lp = prev.lower()
    if lp in _DETERMINERS:
        return False
    if tag == "base":
        if lp in _PLURAL_SUBJECTS or lp in _FINITE or lp in ("not", "also", "often", "still", "now", "then"):
            return True
        return lp.endswith("s") and not prev.endswith(("'s", "’s"))
    # -s form: a singular subject right before it.
    if lemma not in _NOUNISH:
        return True
    if lp in ("he", "she", "it"):
        return True
    if prev[:1].isupper():
        return not _possessive(prev) and not lp.endswith(("an", "ic", "ish", "ese")) and lp not in _CAP_STOP
    return lp in ("he", "she", "it", "who", "which", "that") or lp in _ADV_AUX or lp in _U_PERSON_ORG_MEDIA_REPORT


def _subject(d: _Doc, u: _Unit, left: int, verb: int) -> tuple[int, int] | None:
    """Span of the subject noun phrase between ``left`` and the verb, cleaned."""
    m = d.masked
    seg_end = verb
    ws = d.words(left, seg_end)
    # Trailing adverbs/auxiliaries ("he also said", "has repeatedly argued", "appeared to imply").
    while ws and ws[-1][2].islower() and (ws[-1][2] in _ADV_AUX or ws[-1][2] in _BE):
        ws.pop()
    if len(ws) >= 2 and ws[-1][2].lower() == "to" and ws[-2][2].lower() in _RAISING:
        ws = ws[:-2]
        while ws and ws[-1][2].lower() in _ADV_AUX:
            ws.pop()
    if ws and ws[-1][2].lower() == "on" and len(ws) >= 2 and ws[-2][2].lower() == "went":
        ws = ws[:-2]
    if ws and "," not in m[ws[-1][1] : verb]:  # ("X, who visited Y in May, said": the clause's own time)
        ws = _drop_time_tail(ws)
    while ws and ws[-1][2].islower() and ws[-1][2] in _ADV_AUX:
        ws.pop()  # "X has this week said"
    if not ws:
        return None
    end = ws[-1][1]
    gap = m[end:verb]
    if gap.strip(" \t") not in ("", ",") and re.search(r"[;:\"\x01]", gap):
        return None
    # Blocks separated by commas/dashes; appositions are skipped back to the head.
    blocks = _blocks(m, left, end)
    if not blocks:
        return None
    if gap.strip().startswith(","):  # "Lee, 52, who …, has repeatedly promised"
        blocks.append((end, end))
    last = blocks[-1]
    lw = d.words(*last)
    # "Sen. X, D-Calif., on Tuesday accused …": a trailing adjunct block is skipped like an apposition.
    relative = re.search(r"\b(?:that|which|whom)\b", m[last[0] : last[1]])  # (", in which he said")
    if not lw or (len(blocks) >= 2 and lw[0][2] in _ADJUNCT_START and not relative):
        k = len(blocks) - 2
        while k >= 0:
            bw = d.words(*blocks[k])
            if not bw:
                k -= 1
                continue
            w0 = bw[0][2]
            lw0 = w0.lower()
            # ("…, but General Mark Milley, chairman of …, told": a conjunction opens the subject's block)
            opens_subject = lw0 in _SUBORDINATORS and len(bw) > 1 and _is_cap(bw[1][2])
            apposition = k > 0 and (
                (not _is_cap(w0) and not opens_subject)
                or w0[0].isdigit()
                or lw0 in ("who", "which", "whose", "whom", "where")
                or re.match(r"[DRI]-[A-Z]", w0) is not None
                or (lw0 in _PARTY_WORDS and len(bw) > 2 and bw[1][2] in ("of", "from"))  # "Democrat of Ohio"
            )
            if _describes_name_before(d, blocks, k, bw):
                apposition = True  # "Rep. Jo Lantern, a California Democrat, said": the name before wins
            elif apposition and lw0 in ("the", "a", "an") and len(bw) >= 2 and all(_is_cap(w) for _, _, w in bw[1:]):
                return _trim_np(d, blocks[k])  # "The paper, the Riverside Herald, said": the name wins
            if apposition:
                d.pending_desc += " " + m[blocks[k][0] : blocks[k][1]]
                k -= 1
                continue
            return _trim_np(d, blocks[k])
        return None
    # "X, who said …": the relative pronoun stands for the name before it.
    if [w.lower() for _, _, w in d.words(*last)] == ["who"] and len(blocks) >= 2:
        prev = d.words(*blocks[-2])
        run = _name_run(prev) if prev else None
        if run is not None and _is_cap(prev[-1][2]):
            return prev[run[0]][0], prev[-1][1]
        return None
    np = _trim_np(d, last)
    if np is None:
        return None
    # "X, the DESCRIPTOR said" (closing comma forgotten): the name before wins.
    nw = d.words(*np)
    nh = next((nw[:k] for k in range(1, len(nw)) if nw[k][2] in _PREPOSITIONS), nw)
    raw = d.words(*last)
    # Also "X, Democrat of New Mexico, said": a party label with its state stands in apposition.
    party = len(nh) == 1 and nh[0][2].lower() in _PARTY_WORDS and len(nw) > 1
    head = _bare(nh[-1][2]).lower()
    articled = bool(raw) and raw[0][2].lower() in ("the", "a", "an")
    # "X, a California Democrat, said" / "X, Texas Republican, said": capitalised modifiers before a
    # role or party head describe the name before them; they are no name themselves.
    described = (
        (head in _ROLE_WORDS or head in _PARTY_WORDS)
        and _is_cap(nh[-1][2])
        and len(nh) <= 4
        and all(_is_cap(w) for _, _, w in nh[int(articled) : -1])
    )
    if (
        raw
        and len(blocks) >= 2
        and (party or described or (articled and _name_run(nh) is None and head in _ROLE_WORDS))
    ):
        prev = d.words(*blocks[-2])
        run = _name_run(prev) if prev else None
        if run is not None and run[0] == 0 and 2 <= len(prev) <= 4:
            return _trim_np(d, blocks[-2])
    return np


def _describes_name_before(d: _Doc, blocks, k: int, bw) -> bool:
    """Block k is "(a) California Democrat" / "Texas Republican" / "the Vice President" right after a
    name of two to four words: capitalised modifiers and a role head describe that name."""
    if k < 1 or not bw or len(bw) > 5:
        return False
    words = bw[1:] if bw[0][2].lower() in ("the", "a", "an") else bw
    head = _bare(words[-1][2]).lower() if words else ""
    if not (head in _ROLE_WORDS or head in _PARTY_WORDS):
        return False
    owned = len(words) >= 2 and (_possessive(words[0][2]) or words[0][2].lower() in _POSSESSIVES)
    if not owned and not all(_is_cap(w) for _, _, w in words):
        return False  # ("Carlineo's attorney", "his former lawyer": a role owned by someone is no name)
    prev = d.words(*blocks[k - 1])
    run = _name_run(prev) if prev else None
    return run is not None and run[0] == 0 and 2 <= len(prev) <= 4 and _bare(prev[-1][2]).lower() not in _ROLE_WORDS


_BLOCK_SPLIT = re.compile(r",|;|:|—|–|\s--\s|\s-\s|\(|\)")


def _blocks(m: str, a: int, b: int) -> list[tuple[int, int]]:
    out = []
    pos = a
    for sm in _BLOCK_SPLIT.finditer(m, a, b):
        out.append((pos, sm.start()))
        pos = sm.end()
    out.append((pos, b))
    return out


def _source_head(w: str) -> bool:
    lw = _bare(w).lower()
    return lw in _U_GROUP_PERSON or (lw.endswith("s") and lw[:-1] in _U_GROUP_PERSON)


def _trim_np(d: _Doc, blk: tuple[int, int]) -> tuple[int, int] | None:
    m = d.masked
    ws = d.words(*blk)
    if not ws or ("\x01" in m[blk[0] : blk[1]] and len(ws) > 6):
        return None
    # "A spokesperson who did not wish to be named said": a source and its relative clause, with no
    # clause word before them; the relative clause goes.
    for k in range(1, min(len(ws), 6)):
        lw = ws[k][2].lower()
        if lw in _SUBORDINATORS and lw not in ("who", "that"):
            break
        if lw in ("who", "that") and (ws[k - 1][2].islower() or k == 1) and _source_head(ws[k - 1][2]):
            if ws[0][2].lower() in _DETERMINERS or ws[0][2].lower() in _QUANTIFIERS or k == 1:
                ws = ws[:k]
            break
    # Start after the last subordinator/clause word ("…, though he added").
    for k in range(len(ws) - 1, -1, -1):
        lw = ws[k][2].lower()
        if lw in _SUBORDINATORS:
            if lw in ("and", "or") and k > 0 and _is_cap(ws[k - 1][2]) and k + 1 < len(ws) and _is_cap(ws[k + 1][2]):
                continue  # "Dovere and Debenedetti"
            if lw == "and" and k + 1 < len(ws) and ws[k + 1][2].lower() in ("her", "his", "their"):
                continue
            ws = ws[k + 1 :]
            break
    while ws and ws[0][2].lower() in _INTRO_WORDS:
        ws = ws[1:]
    if not ws:
        return None
    # "The authors of the research published in the journal X": a source head and its complement; a
    # participle inside the complement does not make the phrase a clause.
    if ws[0][2].lower() in _DETERMINERS:
        for k in range(1, min(4, len(ws) - 1)):
            hw = ws[k][2]
            if ws[k + 1][2] in ("of", "at", "from", "with", "behind") and (
                hw in _U_GROUP_PERSON or (hw.endswith("s") and hw[:-1] in _U_GROUP_PERSON)
            ):
                return ws[0][0], ws[k][1]
    if len(ws) > 10 and not (len(ws) <= 14 and all(_is_cap(w) or w in _CONNECT for _, _, w in ws)):
        # (one long proper name stays whole: "the U.S. Attorney's Office for the Western District of …")
        run = _name_run(ws)
        if run is None:
            return None
        ws = ws[run[0] :]
    # A lowercase verb-looking word inside means this is a clause, not a noun phrase.
    for _, _, w in ws[1:]:
        lw = w.lower()
        if lw in _FINITE or (lw in _FORMS and _FORMS[lw][1] in ("ed", "s") and lw not in _U_GROUP_NOMINALCUES):
            return None
    return ws[0][0], ws[-1][1]


def _np_after(d: _Doc, a: int, limit: int) -> tuple[int, int] | None:
    """Inverted cue: the name right after the verb ("said Cornell Belcher, a pollster …")."""
    m = d.masked
    ws = d.words(a, min(limit, a + _SUBJECT_WINDOW))
    out = []

    def joined(k: int) -> bool:
        """No comma, colon or full stop (other than an abbreviation's) before word k."""
        if not k:
            return True
        gap = m[ws[k - 1][1] : ws[k][0]]
        prev_abbr = ws[k - 1][2].lower() in _U_TITLES_ABBREV or len(ws[k - 1][2]) == 1 or "." in ws[k - 1][2]
        return not re.search(r"[,;:\"]", gap) and ("." not in gap or (prev_abbr and gap.strip() == "."))

    k = 0
    while k < len(ws):
        s, e, w = ws[k]
        if not joined(k):
            break
        if not out and w.lower() in _INVERTED_DETS:
            out.append((s, e, w))
            k += 1
            continue
        if all(x[2].islower() for x in out) and w.islower() and k < 3 and (w in _ROLE_WORDS or w in _ROLE_ADJ):
            out.append((s, e, w))  # "said lead author Dr. X"
            k += 1
            continue
        if (
            out
            and w.lower() in ("of", "at", "from")
            and _kind_of_name([x for _, _, x in out if _is_cap(x)]) == "person"
        ):
            break  # "Dr. X of Y University": the affiliation is not part of the name
        if _is_cap(w) or (out and (w.lower() in _CONNECT or out[0][2].lower() in _INVERTED_DETS)):
            out.append((s, e, w))
            k += 1
            continue
        # "said Apple chief executive Tim Cook": an affiliation, a lowercase role, then the name.
        j = k
        while j < len(ws) and j < k + 4 and ws[j][2].islower() and joined(j):
            j += 1
        role = any(ws[t][2] in _ROLE_WORDS or ws[t][2] in _ROLE_ADJ for t in range(k, j))
        if out and any(_is_cap(x) for _, _, x in out) and role and j < len(ws) and _is_cap(ws[j][2]) and joined(j):
            out.extend(ws[k:j])
            k = j
            continue
        break
    if not out or (out[0][2].lower() in _INVERTED_DETS and len(out) == 1) or len(out) > 8:
        return None
    while out and out[-1][2].lower() in _CONNECT:
        out.pop()
    return (out[0][0], out[-1][1]) if out else None


# --------------------------------------------------------------------------------------------
# Clauses
# --------------------------------------------------------------------------------------------

_THAT = re.compile(r"\bthat\b")


def _clause_after(d: _Doc, cue: _Cue, u: _Unit) -> tuple[int, int] | None:
    """The reported clause after a clause-taking verb, or None."""
    m = d.masked
    lemma = cue.lemma
    pos = cue.end
    if (lemma == "point" and not re.match(r"\s*out\b", m[pos : pos + 8])) or lemma not in _CLAUSE_SET:
        return None
    # Particle of phrasal forms ("pointed out that").
    rest = m[pos : u.end]
    mt = re.match(r"\s*(?:out|back|up)\b", rest)
    if mt:
        pos += mt.end()
        rest = m[pos : u.end]
    # "that" within a short adjunct/addressee window.
    tm = _THAT.search(rest, 0, 140)
    if tm:
        between = rest[: tm.start()]
        bw = _words(between, 0, len(between))
        ok = not bw or bw[0][2].lower() in _ADJUNCT_START or (lemma in _OBJECT_FIRST and len(bw) <= 6)
        ok = ok and not re.search(r"[;:\"\x01.]", between) and len(bw) <= 14
        verbish = any(
            (w.lower() in _FORMS and (k == 0 or bw[k - 1][2].lower() not in _DETERMINERS)) or w.lower() in _FINITE
            for k, (_, _, w) in enumerate(bw)
        )  # "in a note to staff that": a reporting-verb form after a determiner is a noun
        if ok and bw and verbish and lemma != "tell":
            ok = False
        if ok:
            start = pos + tm.end()
            return _clause_span(d, start, u)
    if lemma not in _ZERO_THAT and lemma != "point":  # ("pointed out it is …")
        return None
    # Zero complementiser: adjuncts, then a subject and a finite verb.
    k = 0
    bw = _words(rest, 0, min(len(rest), 200))
    if lemma in _OBJECT_FIRST and len(bw) > 1 and bw[0][2].islower() and bw[1][2].lower() in _PRONOUNS:
        k = 1  # "told investors it …"
    elif (
        lemma in _OBJECT_FIRST
        and len(bw) > 2
        and bw[0][2] in ("the", "a", "his", "her", "their")
        and (bw[2][2].lower() in _PRONOUNS or (len(bw) > 3 and bw[3][2].lower() in _PRONOUNS and bw[2][2].islower()))
    ):
        k = 2 if bw[2][2].lower() in _PRONOUNS else 3  # "told the filmmakers he …"
    elif lemma in _OBJECT_FIRST and len(bw) > 2 and bw[0][2] == "the" and _is_cap(bw[1][2]):
        k = 2  # "told the Herald they …"
        while k < len(bw) and _is_cap(bw[k][2]) and k < 5:
            k += 1
    elif (
        lemma in _OBJECT_FIRST
        and bw
        and (bw[0][2].lower() in ("reporters", "me", "us", "them", "him", "her") or _is_cap(bw[0][2]))
    ):
        # "told reporters he …" / "told CNN the …"
        k = 1
        while k < len(bw) and _is_cap(bw[k][2]) and k < 4:
            k += 1
    k = _skip_adjuncts(rest, bw, k)
    if k is None or k >= len(bw):
        return None
    if re.search(r"[;:\"\x01]|\s[-—–]+\s", rest[: bw[k][0]]):
        return None
    w0 = bw[k][2]
    lw0 = w0.lower()
    contracted = _CONTRACTION.match(lw0)
    if contracted:  # "said he's open", "said he'd consider": a subject and its verb in one word
        lw0 = contracted.group(1)
    if lw0.endswith("ing") and "," in rest[: bw[k][0]]:
        return None  # '"…," he said, talking to reporters': a participle phrase, not a reported clause
    if (lw0 in ("about", "around") and len(bw) > k + 1 and bw[k + 1][2][0].isdigit()) or (
        lw0 == "at" and len(bw) > k + 2 and bw[k + 1][2].lower() in ("least", "most") and bw[k + 2][2][0].isdigit()
    ):
        lw0 = "some"  # "said about 40 homes were …", "at least 12 people": a number, not a preposition
    if not contracted and (
        lw0 in _CLAUSE_BLOCK or lw0 in _FORMS or lw0 in ("it", "so", "nothing", "something", "this", "yes")
    ):
        nxt = bw[k + 1][2].lower() if len(bw) > k + 1 else ""
        if not (lw0 == "it" and (nxt in _FINITE or (nxt.endswith(("s", "ed")) and nxt not in _FORMS))):
            return None
    # A bare noun subject ("said ticket sales were …") must reach its verb within a few words.
    # ("said no to the deal" has no verb in reach; "said no trains would run" has).
    bare_noun = lw0 == "no" or not (lw0 in _CLAUSE_OPENERS or _is_cap(w0) or w0[0].isdigit())
    span = _clause_span(d, pos + bw[k][0], u)
    if span is None:
        return None
    # The clause needs a finite verb before its first comma ("said he is", not "added 300 jobs in May").
    # A relative clause or apposition in commas is stepped over ("the law, which …, will hurt"), and
    # a thousands separator is no comma ("about 42,000 homes were").
    seg = _ASIDE.sub(lambda mm: " " * len(mm.group()), _DIGIT_COMMA.sub(" ", m[span[0] : span[1]]))
    first = re.search(r"[,;(]|\s[-—–]+\s", seg)
    window = [w for w in d.words(span[0], span[0] + first.start() if first else span[1]) if seg[w[0] - span[0]] != " "]
    # "say" seldom takes a noun object, so its bare-noun subject may run longer ("said gusts of up to … were").
    reach = 14 if not bare_noun else 7 if lemma in ("say", "warn", "insist", "claim") else 4
    return span if _has_finite(window[:reach]) else None


_DIGIT_COMMA = re.compile(r"(?<=\d),(?=\d{3}\b)")


_ASIDE = re.compile(r",\s+(?:which|who|whose|where|a|an|the|now|also)\b[^,;]{1,80},")


_CONTRACTION = re.compile(r"([a-z]+)['’](?:s|d|ll|re|ve|m)$")


def _has_finite(ws) -> bool:
    if ws and (cm := _CONTRACTION.match(ws[0][2].lower())) and cm.group(1) in _CLAUSE_OPENERS | {"that", "what"}:
        return True  # "he's", "they'd", "it'll"
    for j in range(1, len(ws)):
        w, prev = ws[j][2], ws[j - 1][2]
        lw, lp = w.lower(), prev.lower()
        if lw in _FINITE or (lw in _IRREGULAR_PAST and lp not in _FINITE and lp not in ("to", "had", "has")):
            return True
        if _is_cap(w) or lp in ("and", "or", "to", "but") or lp in _PREPOSITIONS:
            continue  # (no verb right after a preposition: "in remarks", "with limited")
        if lw.endswith("ed") and len(w) > 4:
            return True
        # An -s verb after a subject: "it targets", "the report merits", "Lee wants".
        if (
            lw.endswith("s")
            and not lw.endswith("ss")
            and (
                lp in ("he", "she", "it", "this", "that", "who")
                or _is_cap(prev)
                or (
                    j >= 2
                    and not lp.endswith("s")
                    and not lp[:1].isdigit()
                    and (ws[j - 2][2].lower() in _DETERMINERS or _is_cap(ws[j - 2][2]))
                )
            )
        ):
            return True
    return False


def _skip_adjuncts(rest: str, bw, k: int) -> int | None:
    """Skip time words and short prepositional phrases ("on Sunday", "in a statement released by X")."""
    n = len(bw)
    guard = 0
    while k < n and guard < 4:
        guard += 1
        lw = bw[k][2].lower()
        if lw in _WEEKDAYS or lw in _TIME_ADVERBS:
            k += 1
            continue
        if lw in ("last", "this", "late", "early") and k + 1 < n:
            k += 2
            continue
        if lw == "at" and k + 2 < n and bw[k + 1][2].lower() in ("least", "most") and bw[k + 2][2][0].isdigit():
            break  # "said at least 12 people were killed": a number, not a place
        if lw in ("in", "on", "at", "during", "via", "through", "after", "before", "from", "with"):
            # the phrase runs to the next comma, or over determiner + adjectives/names + one noun.
            j = k + 1
            if j < n and bw[j][2].lower() in ("a", "an", "the", "his", "her", "their", "its"):
                j += 1
            while j < n and (_is_cap(bw[j][2]) or bw[j][2].lower().endswith("'s")) and j < k + 6:
                j += 1
            if j < n and not _is_cap(bw[j][2]) and bw[j][2].lower() not in _FINITE:
                j += 1
            # participial tail: "released by the Lee campaign"
            if j < n and bw[j][2].lower() in _ISSUED:
                j += 1
                if j < n and bw[j][2].lower() in ("by", "on", "to", "in"):
                    j += 1
                    if j < n and bw[j][2].lower() in ("the", "a", "an", "his", "her", "its"):
                        j += 1
                    while j < n and _is_cap(bw[j][2]):
                        j += 1
                    if j < n and bw[j][2].lower() in ("campaign", "office", "team", "party", "committee"):
                        j += 1
            # Swallow a comma right after the phrase.
            k = j
            continue
        break
    return k


# A participle cue or a source closing the sentence is not part of the reported clause.
_PARTICIPLE_CUT = re.compile(
    rf",\s+(?:{_alternatives(_LEXICON['closing_participles'])})\b"
    r"|,\s+according to\s[^,;:\"\x01]+(?:,\s+[A-Z][^,;:\"\x01]{0,40})?$"
)


_AND_VERB = re.compile(r",?\s+and\s+(?:then\s+|later\s+|also\s+)?([a-z]+ed|told|wrote)\b")


def _clause_span(d: _Doc, start: int, u: _Unit) -> tuple[int, int] | None:
    m = d.masked
    end = u.end
    cut = _PARTICIPLE_CUT.search(m, start, end)
    if cut:
        end = cut.start()
    # "told Reuters the group had agreed … and accused the army of …": a second predicate of the
    # reporting subject (a past-tense reporting verb right after "and") ends the clause.
    for cm in _AND_VERB.finditer(m, start, end):
        info = _FORMS.get(cm.group(1))
        if info is not None and info[1] == "ed":
            end = cm.start()
            break
    seg = m[start:end]
    # A single dash near the end opens an aside: cut there.
    dm = re.search(r"\s[—–]\s|\s--\s", seg)
    if dm and not re.search(r"\s[—–]\s|\s--\s", seg[dm.end() :]) and len(seg[: dm.start()].split()) >= 6:
        end = start + dm.start()
    while end > start and m[end - 1] in ' \t.;:,)"':
        end -= 1
    while start < end and m[start] in " \t,":
        start += 1
    if end - start < 8 or len(m[start:end].split()) < 3:
        return None
    return start, end


# --------------------------------------------------------------------------------------------
# Emission
# --------------------------------------------------------------------------------------------


def _emit(
    d: _Doc,
    kind: str,
    a: int,
    b: int,
    sp: _Speaker,
    cue: Span | None,
    rule: str,
    conf: float,
    parts: tuple[Span, ...] = (),
) -> None:
    text = d.text
    while a < b and text[a] in " \t\x02":
        a += 1
    while b > a and text[b - 1] in " \t,;:\n":
        b -= 1
    if b - a < 2:
        return
    if parts:
        joined = " ".join(p.text for p in parts)
        quote = Span(parts[0].start, parts[-1].end, joined)
    else:
        quote = Span(a, b, text[a:b].replace("\x02", ""))
    d.out.append(
        Attribution(
            kind=kind,
            quote=quote,
            speaker=sp.name,
            speaker_mention=sp.mention,
            cue=cue,
            via=sp.via,
            confidence=round(max(0.05, min(0.99, conf * (0.5 + sp.confidence / 2))), 3),
            rule=rule,
            speaker_kind=sp.kind
            if sp.kind in ("person", "organisation", "media", "government", "group", "unnamed")
            else None,
            parts=parts,
        )
    )
    if sp.name:
        d.last_speaker = sp


def _speaker_for_cue(d: _Doc, u: _Unit, cue: _Cue, left: int, subject_of_unit: list) -> _Speaker | None:
    if cue.speaker is not None:
        return cue.speaker
    if cue.comm is not None:
        cue.speaker = _comm_owner(d, u, cue.comm) or (subject_of_unit[0] if subject_of_unit else None)
        return cue.speaker
    if cue.participle:
        # ", saying …": the subject of the clause it hangs on.
        if subject_of_unit:
            cue.speaker = subject_of_unit[0]
            return cue.speaker
        sp = _lead_speaker(d, u, cue.start)
        if sp is not None:
            cue.speaker = sp
        return sp
    d.pending_desc = ""
    span = _subject(d, u, left, cue.start)
    if span is None:
        if not subject_of_unit and _AND_PREDICATE.search(d.masked, max(left, cue.start - 8), cue.start):
            # "It did not reveal the location and said …": a second predicate of the sentence's subject
            lead = _lead_np(d, u, cue.start)
            if lead is not None and lead[1] < cue.start - 5:
                cue.speaker = _speaker_from_np(d, lead[0], lead[1], cue.start, u)
                return cue.speaker
        return None
    sp = _speaker_from_np(d, span[0], span[1], cue.start, u)
    _describe(sp, d.pending_desc)
    if sp is not None:
        cue.subject_start = span[0]
        cue.speaker = sp
    return sp


_AND_PREDICATE = re.compile(r"\s(?:and|but)(?:\s+(?:also|then|later))?\s+$")
_APPOSITION_AFTER = re.compile(r",\s+((?:a|an|the)\s+[^,.;:\"\x01]{1,80})")


def _describe(sp: _Speaker | None, desc: str) -> None:
    """Remember the role words of an apposition ("…, an economist at the bank,") for later descriptors."""
    if sp is None or sp.entry is None or not desc.strip():
        return
    words = {w.lower() for w in re.findall(r"[A-Za-z\-]+", desc)} & _ROLE_WORDS
    if words:
        sp.entry.description = sp.entry.description | frozenset(words)


_COORDINATED = re.compile(r"[\s,\"\x01]\s*(?:and|but)(?:\s+(?:also|then|later))?\s*$")


# How far back from a cue its subject may start, and how long a reported clause before ", said X"
# may be: longer stretches are never one noun phrase or one clause, and bounding them keeps the
# work per cue constant.
_SUBJECT_WINDOW = 400
_CLAUSE_WINDOW = 1500


def _window_start(m: str, left: int, pos: int) -> int:
    """``left``, or the first word start within ``_SUBJECT_WINDOW`` characters before ``pos``."""
    if pos - left <= _SUBJECT_WINDOW:
        return left
    cut = pos - _SUBJECT_WINDOW
    sp = m.find(" ", cut, pos)
    return sp + 1 if sp >= 0 else cut


def _comm_owner(d: _Doc, u: _Unit, pos: int) -> _Speaker | None:
    """Author of "her ads" / "Bush's post" / "an editor's note" (the sentence's subject for the last)."""
    ws = d.words(max(u.start, pos - 80), pos)
    for k in range(len(ws) - 1, max(-1, len(ws) - 4), -1):
        w = ws[k][2]
        if w.lower() in _POSSESSIVES:
            return _possessor(d, u, w.lower(), ws[k][0])
        if _possessive(w):
            if _is_cap(w):
                run = _name_run(ws[: k + 1])
                if run is not None:
                    return _speaker_from_np(d, ws[run[0]][0], ws[k][1], pos, u)
            break
    return _lead_speaker(d, u, pos)


def _quote_text_ok(d: _Doc, q: _Quote) -> bool:
    inner = d.text[q.start : q.end].strip()
    return len(inner) >= 2 and any(c.isalpha() for c in inner)


def _title_like(s: str) -> bool:
    """A short all-capitalised string is a title of a work or a name, not a statement."""
    ws = re.findall(r"[A-Za-z][\w'’\-]*", s)
    if not ws or len(ws) > 6:
        return False
    content = [w for w in ws if w.lower() not in ("and", "of", "the", "a", "an", "in", "on", "for", "to", "at")]
    return bool(content) and all(w[0].isupper() for w in content) and len(ws) >= 2


def _register_names(d: _Doc, u: _Unit) -> None:
    """Every person-like name of the sentence, as a weak mention, so later surnames resolve to it."""
    m = d.masked
    # Names the NER backend found in this sentence come first (read in order, so no future names).
    i = bisect_left(d.ent_starts, u.start)
    while i < len(d.entities) and d.entities[i].start < u.end:
        ent = d.entities[i]
        i += 1
        if ent.label.startswith("PER") and len(ent.text.split()) >= 2:
            name = _clean_name(ent.text)
            e = d.known.get(name) or d.registry.add(name, position=ent.start, kind="person", weak=True)
            d.known[name] = e
            d.surnames.add(e.toks[-1] if e.toks else "")
            d.mentions.append((ent.start, e))
    for nm in _NAME_RUN.finditer(m, u.start, u.end):
        g = nm.group()
        if " " not in g:
            # One capitalised word: only a known surname is worth a look-up.
            w0 = _bare(g).lower()
            if w0 in d.surnames:
                e = d.registry.resolve_name(w0)
                if e is not None and e.kind == "person":
                    d.mentions.append((nm.start(), e))
            continue
        if not d.entities and g in d.not_names:
            if g in d.org_runs:
                d.org_mentions.append((nm.start(), d.org_runs[g]))
            continue  # already known not to name a person (no NER labels to change that)
        if not d.entities and g in d.person_runs:
            d.mentions.append((nm.start(), d.person_runs[g]))
            continue
        ws = d.words(nm.start(), nm.end())
        # "Castleford's Jordan Ameobi": the possessor is not part of the name.
        cut = max((k + 1 for k in range(len(ws) - 1) if _possessive(ws[k][2])), default=0)
        ws = ws[cut:]
        while ws and (ws[0][2].lower() in _STOP_OR_DET or ws[0][2].lower() in _QUANTIFIERS):
            ws = ws[1:]  # ("Both Johnson and Corbyn": the quantifier is no first name)
        if not ws:
            d.not_names.add(g)
            continue
        ws, gender = _strip_titles(ws)
        if len(ws) >= 3 and _is_cap(ws[-2][2]) and _after_role_preposition(d, ws[0][0]):
            ws = ws[-2:]
        words = [w for _, _, w in ws]
        a, b = ws[0][0], ws[-1][1]
        label = d.ent_label.get((a, b))
        if len(ws) == 1:
            w0 = _bare(words[0])
            e = d.registry.resolve_name(w0) if w0.lower() in d.surnames else None
            if e is not None and e.kind == "person":
                d.mentions.append((a, e))
            continue
        if _possessive(words[-1]) and len(ws) == 1:
            continue
        kind = _kind_of_name(words, label)
        if kind != "person" or len(ws) > 4 or any(_bare(w).lower() in _WEEKDAYS for w in words):
            d.not_names.add(g)
            if kind == "organisation" and len(ws) <= 6:
                d.org_runs[g] = _clean_name(m[a:b])  # for "the company" later
                d.org_mentions.append((a, d.org_runs[g]))
            continue
        name = _clean_name(m[a:b])
        e = d.known.get(name)
        if e is None:
            e = d.known[name] = d.registry.add(name, position=a, kind="person", gender=gender, weak=True)
            d.surnames.add(e.toks[-1] if e.toks else "")
        d.person_runs[g] = e
        d.mentions.append((a, e))


_NAME_RUN = re.compile(
    r"[A-Z][\w'’\-]*(?:\.(?=\s[A-Z]))?"
    rf"(?:\s+(?:of\s+|for\s+|(?:(?:{_alternatives(_LEXICON['name_run_particles'])})\s+){{1,2}})?"
    r"(?:[A-Z]\.|[A-Z][\w'’\-]*|(?:al|el)-[A-Z][\w'’\-]*))*"
)


def _process_unit(d: _Doc, u: _Unit, prev_unit: _Unit | None, next_unit: _Unit | None) -> None:
    m = d.masked
    text = d.text
    _register_names(d, u)
    cues = _cues(d, u)
    subject_of_unit: list[_Speaker] = []
    claimed: list[tuple[int, int]] = []
    quotes = [q for q in u.quotes if _quote_text_ok(d, q)]

    # Resolve cue speakers left to right, bounded by earlier quotes/cues.
    bounds = sorted(
        (q.open, q.after)
        for q in quotes
        if not (
            len(text[q.start : q.end].split()) <= 3
            and re.match(r"\s+[a-z]", m[q.after : q.after + 3])
            and not _quote_ends_clause(text, q)
        )
    )

    bound_ends = sorted(b for _, b in bounds)
    cue_ends = sorted(c.end for c in cues)

    for cue in cues:
        k = bisect_right(bound_ends, cue.start)
        left = max(u.start, bound_ends[k - 1]) if k else u.start
        # A subject sits close before its verb: the words further back are never read, so a sentence
        # of thousands of cues costs each cue a bounded window, not a rescan from the sentence start.
        near = _window_start(m, left, cue.start)
        k = bisect_right(cue_ends, cue.start)
        prev_end = cue_ends[k - 1] if k else 0
        # "…," said Lee: inverted cue right after a quote.
        if cue.lemma in _INVERTING and cue.tag in ("ed", "s") and left > u.start and _only_punct(m, near, cue.start):
            span = _np_after(d, cue.end, u.end)
            if span:
                sp = _speaker_from_np(d, span[0], span[1], cue.start, u)
                am = _APPOSITION_AFTER.match(m, span[1], u.end)
                _describe(sp, am.group(1) if am else "")
                if sp:
                    cue.speaker = sp
                    cue.subject_start = span[0]
                    cue.inverted = True
                    cue.np_end = span[1]
                    subject_of_unit.append(sp)
                    continue
        # "CLAUSE, said X." with no quotation marks: the same inversion closing a reported clause
        # (a clause with a verb of its own before the comma, a short subject with no verb after it).
        if (
            cue.lemma in _INVERTING
            and cue.tag in ("ed", "s")
            and left == u.start
            and cue.start - left <= _CLAUSE_WINDOW
            and m[left : cue.start].rstrip().endswith(",")
            and "\x01" not in m[left : cue.start]
            and len(m[left : cue.start].split()) >= 4
            and (span := _np_after(d, cue.end, u.end)) is not None
            and _INVERTED_TAIL.fullmatch(m, span[1], u.end)
            and len(nw := d.words(*span)) <= 6
            and not any(w[2] in _FINITE or w[2] in _IRREGULAR_PAST for w in nw)
            and _has_finite(d.words(left, cue.start))
        ):
            sp = _speaker_from_np(d, span[0], span[1], cue.start, u)
            if sp and sp.name and sp.name.lower() not in _WEEKDAYS:
                am = _APPOSITION_AFTER.match(m, span[1], u.end)
                _describe(sp, am.group(1) if am else "")
                cue.speaker, cue.subject_start, cue.inverted, cue.np_end = sp, span[0], True, span[1]
                subject_of_unit.append(sp)
                continue
        sp = _speaker_for_cue(d, u, cue, near, subject_of_unit)
        coordinated = prev_end > u.start and _COORDINATED.search(m, max(near, prev_end), cue.start)
        if sp is None and subject_of_unit and coordinated:
            sp = cue.speaker = subject_of_unit[-1]  # "… said X and argued that …"
        if sp is not None and not cue.participle:
            subject_of_unit.append(sp)
            _learn_gender(d, sp, cue.end, u.end)
    if not subject_of_unit:
        _note_subject(d, u)

    valid = [c for c in cues if c.speaker is not None]
    d.unit_cues[u.start] = valid
    quote_cue: dict[int, tuple[_Cue, str]] = {}

    # Quotes.
    for qi, q in enumerate(quotes):
        inner = text[q.start : q.end]
        choice = None
        # 1. Postposed cue right after the quote.
        ends_clause = _quote_ends_clause(text, q) or m[q.after : q.after + 1] in ",?!—–"
        after = [c for c in valid if c.start >= q.after and ends_clause and _only_np_between(m, q.after, c)]
        if after:
            c = after[0]
            nxt_q = next((o for o in quotes[qi + 1 :]), None)
            if nxt_q is None or c.start < nxt_q.open:
                choice = (c, "postposed")
        # 2. Preposed cue ending in ":" or "," right before the quote.
        if choice is None:
            before = [c for c in valid if c.end <= q.open]
            if before:
                c = before[-1]
                between = m[c.end : q.open]
                if re.fullmatch(r"[^\"\x01.;]{0,90}[:,]\s*", between) or re.fullmatch(r"\s*", between):
                    choice = (c, "preposed")
        # 3. Any cue in the sentence (mixed quote).
        if choice is None:
            before = [c for c in valid if c.end <= q.open and c.lemma in _QUOTE_SET]
            if before:
                choice = (before[-1], "inline")
            elif after:
                choice = (after[0], "inline")
            else:
                # A quote inside the cue's own subject ("The "Squad" member said") is a name, not content.
                later = [
                    c
                    for c in valid
                    if c.start >= q.after
                    and not (c.subject_start is not None and c.subject_start <= q.open)
                    # '"Hamilton" creator X said': the quote modifies the subject
                    and not (
                        c.subject_start is not None
                        and not ends_clause
                        and re.fullmatch(r"[\s\w'’\-]*", m[q.after : c.subject_start])
                    )
                ]
                if later:
                    choice = (later[0], "inline")
        if choice is not None:
            quote_cue[qi] = choice
            continue
        # 4. "From Bush's Facebook post: …" / "X said in a statement." before the quote.
        sp, rule = _colon_source(d, u, q), "en.source_colon"
        if sp is None:
            sp, rule = _name_colon(d, u, q), "en.name_colon"
        if sp is not None:
            _emit(d, "direct", q.start, q.end, sp, None, rule, 0.8)
            q.used = True
            continue
        starts_unit = not m[u.start : q.open].strip()
        if starts_unit and prev_unit is not None:
            sp = _cue_only_sentence(d, prev_unit)
            if sp is not None:
                _emit(d, "direct", q.start, q.end, sp, None, "en.cue_sentence_before", 0.75)
                q.used = True
                continue
        # 5. Continuation of the previous quote's speaker ("A," X said. "B.").
        if starts_unit and d.last_speaker is not None and _continues(d, u, q, prev_unit):
            rest = m[q.after : u.end].strip(" .,")
            if not rest:
                _emit(d, "direct", q.start, q.end, d.last_speaker, None, "en.continuation", 0.65)
                q.used = True

    for qi, (c, how) in quote_cue.items():
        q = quotes[qi]
        inner = text[q.start : q.end].strip()
        starts_clause = not m[u.start : q.open].strip() or re.search(r"[:,]\s*$", m[u.start : q.open]) is not None
        direct = how in ("postposed", "preposed") and starts_clause
        if how == "postposed" and not m[u.start : q.open].strip():
            direct = True
        words = len(inner.split())
        if direct and m[u.start : q.open].strip() and _title_like(inner) and how == "postposed":
            continue  # 'A documentary, "Alone at Sea," told …': a title in apposition, not a statement
        if not direct and _SO_CALLED.search(m, max(0, q.open - 12), q.open):
            continue  # 'the so-called "X"': the reporter flags a scare quote
        if not direct and (
            _NAMING_BEFORE.search(m, max(0, q.open - 40), q.open) or _NAMING_AFTER.match(m, q.after, q.after + 40)
        ):
            continue  # 'the campaign "Starts with one"', 'the viral "X" awareness campaign': a name
        if not direct:
            # Scare quotes and titles need a tight cue; a one-word quote needs one that governs it.
            if _title_like(inner) and c.lemma not in ("call", "dub", "label", "term", "brand"):
                continue
            if words == 1 and not _governs(d, c, q, u):
                continue
        kind = "direct" if direct else "mixed"
        rule = f"en.{how}_{c.lemma}"
        conf = 0.9 if direct else 0.75
        _emit(d, kind, q.start, q.end, c.speaker, d.span(c.start, c.end), rule, conf)
        q.used = True
        claimed.append((q.open, q.after))

    # Indirect clauses.
    # (a scare quote flagged "so-called" is no statement, so a clause around it is still indirect speech)
    quote_spans = [(q.open, q.after) for q in u.quotes if not _SO_CALLED.search(m, max(0, q.open - 12), q.open)]
    subject_starts = sorted(((c.subject_start, c) for c in valid if c.subject_start is not None), key=lambda t: t[0])
    starts = [t[0] for t in subject_starts]
    for c in valid:
        if c.inverted or (c.tag == "ing" and not c.participle and c.lemma not in ("say", "state")):
            continue
        span = None
        if c.lemma == "call" and c.tag != "ing" and re.match(r"\s+for\b", m[c.end : c.end + 6]):
            span = _clause_span(d, c.end + m[c.end :].index("for") + 3, u)
        if span is None and c.lemma in _OBJECT_CONTENT and c.tag != "ing":
            span = _object_content(d, c, u)
        if span is None and c.lemma in _CLAUSE_SET:
            span = _clause_after(d, c, u)
        if span is None:
            continue
        a, b = span
        # "…, but Sondland has said …" / "… fine and the military said …": a coordinated clause with
        # a subject and reporting verb of its own ends this one.
        k = bisect_right(starts, a)
        while k < len(subject_starts) and subject_starts[k][0] < b:
            s2, c2 = subject_starts[k]
            k += 1
            if c2 is not c and not c2.inverted and (cm := _COORD_BEFORE.search(m, max(a, s2 - 12), s2)):
                b = cm.start()
                while b > a and m[b - 1] in " ,;":
                    b -= 1
                break
        if len(m[a:b].split()) < 2:
            continue
        inner = next(
            (
                c2
                for c2 in valid
                if c2 is not c
                and c2.subject_start is not None
                and a <= c2.subject_start <= a + 2
                and c2.lemma in _RELAYED
                # a relay needs the inner verb to report something ("the bloc would add 50 million" doesn't)
                and (_clause_after(d, c2, u) is not None or any(q.open >= c2.end for q in u.quotes))
            ),
            None,
        )
        if inner is not None:
            inner.via = c.speaker.name  # the inner speaker said it; this cue only relays it
            continue
        sp = c.speaker
        if c.via:
            sp = _Speaker(sp.name, sp.kind, sp.mention, sp.entry, sp.confidence, c.via)
        # "said X, but that Y": a second complement of the same verb is a second clause.
        second = _SECOND_THAT.search(m, a, b)
        parts = [(a, b)]
        if second and (nxt := _WORD.match(m, second.end())) and nxt.group().lower() in _FINITE:
            second = None  # "but that was not the case": a demonstrative subject, not a complementizer
        if second and (tail := _clause_span(d, second.end(), _Unit(second.end(), b, u.para))):
            parts = [(a, second.start()), tail]
        for a, b in parts:
            inside = [q for q in u.quotes if a <= q.open < b]
            if any(q.used for q in inside) or any(not q.closed for q in inside):
                continue  # the quoted words were attributed as mixed quotes
            if any(a < cb and ca < b for ca, cb in claimed) or len(m[a:b].split()) < 2:
                continue
            _emit(d, "indirect", a, b, sp, d.span(c.start, c.end), f"en.clause_{c.lemma}", 0.7)
            claimed.append((a, b))

    _postposed_indirect(d, u, cues, claimed, quote_spans)
    _according(d, u, claimed, quote_spans)
    _nominal(d, u, claimed, quote_spans)


_SO_CALLED = re.compile(r"\bso-called\s*$")
# Nouns a quoted name stands beside: 'its campaign "Starts with one"', 'the "Meth. We're on it." campaign'.
_NAMING = _alternatives(_LEXICON["naming_heads"])
_NAMING_BEFORE = re.compile(
    rf"\b(?:(?:{_NAMING}|{_alternatives(_LEXICON['naming_parts'])})(?:\s+of)?"
    rf"|{_alternatives(_LEXICON['naming_participles'])})\s*,?\s*$"
)
_NAMING_AFTER = re.compile(rf"\s+(?:[a-z][\w\-]*\s+){{0,2}}(?:{_NAMING})s?\b")
_COORD_BEFORE = re.compile(r"(?:[,;]\s*|\s)(?:but|and|while|whereas|yet)\s+$|;\s*$")
_SECOND_THAT = re.compile(r",?\s+(?:but|and|yet)\s+(?:also\s+|added\s+)?that\s+")
_ENDS_CLAUSE = re.compile(r"[,?!—–\-.:;]\s*$")


def _quote_ends_clause(text: str, q: _Quote) -> bool:
    """The quotation's own words end with a clause mark, also inside a nested quote ("… ‘Oh no,’")."""
    end = q.end
    while end > q.start and text[end - 1] in " ’'\"”":
        end -= 1
    return _ENDS_CLAUSE.search(text, q.start, end) is not None


def _only_punct(m: str, a: int, b: int) -> bool:
    return re.fullmatch(r"[\s,\"?!.\-—]*", m[a:b]) is not None


def _only_np_between(m: str, a: int, c: _Cue) -> bool:
    """Between a quote's end and a cue there is only its subject ("…," the candidate told …)."""
    seg = m[a : c.start]
    if "\x01" in seg or '"' in seg.strip(" ,?!"):
        return False
    if not re.match(r"\s*[,?!—\-]?\s*", seg):
        return False
    if c.inverted:
        return not re.search(r"\w", m[a : c.start])
    if c.subject_start is not None and (c.subject_start < a or re.search(r"\w", m[a : c.subject_start])):
        return False
    # Abbreviated titles and initials ("Dr.", "Sen.", "J.") are no sentence end.
    seg = _ABBREV_DOT.sub(lambda mm: mm.group(1) if _abbrev_word(mm.group(1)) else mm.group(0), seg)
    return (len(seg.split()) <= 14 and "." not in seg[: max(0, len(seg) - 1)]) or len(seg.split()) <= 1


_ABBREV_DOT = re.compile(r"\b([A-Za-z]{1,5})\.")


def _abbrev_word(w: str) -> bool:
    return (len(w) == 1 and w.isupper()) or w.lower() in _U_TITLES_ABBREV


def _governs(d: _Doc, c: _Cue, q: _Quote, u: _Unit) -> bool:
    """A one-word quote is only a quotation when its cue governs it (called X "…", a report that he "…")."""
    between = d.masked[c.end : q.open]
    if c.lemma in ("call", "dub", "label", "term", "brand", "describe") and len(between.split()) <= 30:
        return not re.search(r"[;:]", between)
    if between.strip() in ("", "as", "it", "it as", "them as"):
        return True  # 'agreed "entirely"', 'described it as "X"'
    if re.search(r"\bso-called\s*$", between):
        return False  # a scare quote the reporter flags as such
    if re.search(r"\bthat\b", between) and len(between.split()) <= 8:
        return True
    # Inside the cue's reported clause ("said it was "shocked" by …").
    span = _clause_after(d, c, u) if c.lemma in _CLAUSE_SET and not c.inverted else None
    return span is not None and span[0] <= q.open < span[1]


def _lead_np(d: _Doc, u: _Unit, limit: int | None = None) -> tuple[int, int] | None:
    """The sentence's leading noun phrase (its subject), after intro phrases ("In his interviews, …")."""
    m = d.masked
    stop = min(u.end if limit is None else limit, u.start + 240)  # a subject opens its sentence
    for a, b in _blocks(m, u.start, stop):
        ws = d.words(a, b)
        while ws and ws[0][2].lower() in _INTRO_WORDS:
            ws = ws[1:]
        if not ws:
            continue
        w0 = ws[0][2]
        l0 = w0.lower()
        if b < stop and len(ws) > 1 and ws[1][2] in ("before", "after", "later", "earlier", "ago", "into"):
            continue  # "Hours before the game, …" / "Minutes into the speech, …": an intro phrase
        if l0 in _PRONOUNS:
            return ws[0][0], ws[0][1]
        if l0 in _DETERMINERS or l0 in _QUANTIFIERS:
            out = [ws[0]]
            for s_, e_, w in ws[1:6]:
                out.append((s_, e_, w))
                lw = _bare(w).lower()
                if lw in _U_PERSON_ORG_MEDIA_REPORT_GROUP:
                    return out[0][0], out[-1][1]
            return None
        if not _is_cap(w0) or l0 in _CAP_STOP or l0 in _ADJUNCT_START or l0.endswith(("ing", "ed")):
            if b < stop:
                continue  # an intro phrase before a comma
            return None
        out = [ws[0]]
        for k in range(1, len(ws)):
            w = ws[k][2]
            if _is_cap(w) or (w.lower() in _CONNECT and k + 1 < len(ws) and _is_cap(ws[k + 1][2])):
                out.append(ws[k])
                if _possessive(w):
                    break
                continue
            if w.islower() and len(out) >= 1 and _bare(w).lower() in _U_ORG_GROUP_MEDIA:
                out.append(ws[k])  # "The Lee campaign", "Labour Party officials"
                break
            j = k
            while (
                j < len(ws)
                and j < k + 5
                and ws[j][2].islower()
                and ws[j][2] not in _U_FINITE_ADVAUX_SUBORDINATORS
                and _FORMS.get(ws[j][2], ("", "base"))[1] == "base"
            ):
                j += 1
            titled = any(ws[t][2] in _ROLE_WORDS for t in range(k, j))
            if titled and j < len(ws) and _is_cap(ws[j][2]) and not re.search(r"[,;:]", m[ws[k][0] : ws[j][0]]):
                out.extend(ws[k : j + 1])
                j += 1
                while j < len(ws) and _is_cap(ws[j][2]) and not re.search(r"[,;:]", m[ws[j - 1][1] : ws[j][0]]):
                    out.append(ws[j])
                    j += 1
            break
        if _possessive(out[-1][2]):
            # "Niger's military government": a possessor, then a lowercase phrase up to a source head.
            k = next((i for i, w in enumerate(ws) if w is out[-1]), len(ws)) + 1
            for j in range(k, min(k + 4, len(ws))):
                lw = ws[j][2]
                if not lw.islower():
                    break
                if lw in _U_PERSON_ORG_MEDIA_REPORT_GROUP or lw in _TITLES:
                    return out[0][0], ws[j][1]
            return None
        return out[0][0], out[-1][1]
    return None


def _lead_speaker(d: _Doc, u: _Unit, limit: int | None = None) -> _Speaker | None:
    span = _lead_np(d, u, limit)
    if span is None:
        return None
    return _speaker_from_np(d, span[0], span[1], span[0], u)


def _note_subject(d: _Doc, u: _Unit) -> None:
    """Register the sentence's leading name as a mention (it may be a later pronoun's antecedent)."""
    span = _lead_np(d, u)
    if span is None:
        return
    ws = d.words(*span)
    if len(ws) == 1 and ws[0][2].lower() not in _PRONOUNS and d.registry.resolve_name(ws[0][2]) is None:
        return  # a lone capitalised word may be anything; don't invent a speaker from it
    sp = _speaker_from_np(d, span[0], span[1], span[0], u)
    if sp is not None:
        _learn_gender(d, sp, span[1], u.end)


def _note_report(d: _Doc, e: Entry, pos: int) -> None:
    if re.match(
        r"(?:'s|’s|'|’)?\s+(?:lengthy\s+|new\s+|latest\s+)?(?:report|investigation|study|analysis)",
        d.masked[pos : pos + 40],
    ):
        d.reports.append((pos, e))


def _continues(d: _Doc, u: _Unit, q: _Quote, prev_unit: _Unit | None) -> bool:
    """The quote opens its sentence right after a sentence whose quote was attributed."""
    if prev_unit is None:
        return False
    prev_quotes = [p for p in prev_unit.quotes if p.used]
    if not prev_quotes:
        return False
    if prev_unit.para == u.para or prev_quotes[-1].runs_on:
        return True
    # A new paragraph that opens with a quote continues only if the previous paragraph ended on one.
    return d.masked[prev_quotes[-1].after : prev_unit.end].strip(" .") != "" and u.start == _para_start(d, u)


def _para_start(d: _Doc, u: _Unit) -> int:
    k = d.text.rfind("\n", 0, u.start)
    return k + 1


def _colon_source(d: _Doc, u: _Unit, q: _Quote) -> _Speaker | None:
    seg = d.masked[u.start : q.open]
    mm = _COLON_SOURCE.search(seg)
    if not mm:
        return None
    a = u.start + mm.start("np")
    b = u.start + mm.end("np")
    return _speaker_from_np(d, a, b, a, u)


# 'Mark Halloran, Fox News: "…"' / 'Ana Ruiz (CNN): "…"': a paragraph opening with a name, perhaps
# an affiliation or role, then a colon and the quotation (round-ups of reactions, pundit panels).
_NAME_COLON = re.compile(
    r"\s*(?P<np>[A-Z][^,:;\"\x01()\n—–]{1,60}?)\s*(?:(?:,|\(|\s[—–-])\s*(?P<aff>[^:;\"\x01\n]{1,80}?)\s*\)?)?\s*:\s*"
)


def _name_colon(d: _Doc, u: _Unit, q: _Quote) -> _Speaker | None:
    if u.start < d.title_end or u.start != _para_start(d, u) or q.open - u.start > 150:
        return None
    mm = _NAME_COLON.fullmatch(d.masked, u.start, q.open)
    if mm is None:
        return None
    a, b = mm.span("np")
    ws = d.words(a, b)
    aff = d.words(*mm.span("aff")) if mm.group("aff") else []
    if not 1 <= len(ws) <= 6 or len(aff) > 8 or _name_run(ws) != (0, len(ws)):
        return None
    if any(w.lower() in _FINITE or _FORMS.get(w.lower(), ("", ""))[1] in ("ed", "s") for _, _, w in ws + aff):
        return None  # a clause before the colon ("Officials warned: …") belongs to the cue rules
    if len(ws) == 1 and d.registry.resolve_name(ws[0][2]) is None:
        return None  # a lone word ("Update:", "Watch:") only when it is a name met before
    sp = _speaker_from_np(d, a, b, a, u)
    return sp if sp is not None and sp.kind == "person" else None


def _cue_only_sentence(d: _Doc, pu: _Unit) -> _Speaker | None:
    """'X said in a statement.' / 'X wrote:' with nothing reported: the next quote is its content."""
    if pu.quotes:
        return None
    cues = [c for c in _cues(d, pu) if c.lemma in _CLAUSE_SET and c.tag in ("ed", "s")]
    if not cues:
        return None
    c = cues[-1]
    rest = d.masked[c.end : pu.end].strip()
    rw = rest.split()
    if len(rw) > 6 or (rw and rw[0].lower() not in _ADJUNCT_START):
        return None
    if not rest.endswith((".", ":")) and rest:
        return None
    return c.speaker or _speaker_for_cue(d, pu, c, pu.start, [])


def _object_content(d: _Doc, c: _Cue, u: _Unit) -> tuple[int, int] | None:
    m = d.masked
    rest = m[c.end : u.end]
    if re.match(r"\s*(?:that|on|in|at|to|for|by|himself|herself|themselves|it)\b", rest):
        return None
    span = _clause_span(d, c.end, u)
    if span is None:
        return None
    seg = m[span[0] : span[1]]
    if c.lemma == "compare" and not re.search(r"\b(?:to|with)\b", seg):
        return None
    if c.lemma == "describe" and len(seg.split()) > 12:
        return None
    if not re.match(r"\s*(?:the|a|an|several|many|some|his|her|their|its|[a-z]+s\b|[A-Z])", seg):
        return None
    return span


_POST_CUE = re.compile(
    r",\s+(?P<np>[^,;:\"\x01]{1,60}?)\s+(?P<verb>[a-z]+)(?P<tail>[^,.;:\"\x01]{0,50}?)\s*(?P<end>[.,;]|$)"
)


# What may follow an inverted cue's subject at the end of its sentence: nothing, or an apposition.
_INVERTED_TAIL = re.compile(r"\s*(?:,\s*(?:who|which|an?|the|one|both|[a-z][\w\-]*)\b[^\"\x01]*)?[.!?]?\s*")


def _has_clear_verb(ws) -> bool:
    """A verb that can only be one: an auxiliary, an irregular past, a past in -ed after no determiner
    or preposition, an -s form after a pronoun (stricter than _has_finite: no "Party headquarters")."""
    for j, (_, _, w) in enumerate(ws):
        lw = w.lower()
        lp = ws[j - 1][2].lower() if j else ""
        if lw in _FINITE or lw in _IRREGULAR_PAST:
            return True
        if lw.endswith("ed") and len(lw) > 4 and not _is_cap(w) and lp not in _DETERMINERS and lp not in _PREPOSITIONS:
            return True
        if lw.endswith("s") and lp in ("he", "she", "it", "who", "which", "that", "they"):
            return True
    return False


def _postposed_indirect(d, u, cues, claimed, quote_spans) -> None:
    """'…, Ms. Lee said.' / '…, those analysts argued, …' / '…, said the people.' with no quotation marks."""
    m = d.masked
    for c in cues:
        if c.speaker is None or c.lemma not in _CLAUSE_SET or c.tag not in ("ed", "s"):
            continue
        if c.inverted and c.np_end is not None and not any(q[0] >= u.start and q[1] <= c.start for q in quote_spans):
            a, b = u.start, m.rfind(",", u.start, c.start)
            span = _clause_span(d, a, _Unit(a, b, u.para))
            if span and not any(span[0] < cb and ca < span[1] for ca, cb in claimed):
                _emit(
                    d, "indirect", span[0], span[1], c.speaker, d.span(c.start, c.end), f"en.inverted_{c.lemma}", 0.65
                )
                claimed.append((u.start, u.end))
            continue
        s0 = c.subject_start if c.subject_start is not None else c.start
        before = m[u.start : s0]
        if not before.rstrip().endswith(","):
            continue
        tail = m[c.end : u.end]
        tm = re.match(r"(?P<adj>[^,.;:\"\x01]{0,50}?)\s*(?P<end>[,.;]|$)", tail)
        if not tm:
            continue
        adj = tm.group("adj").split()
        # ("…, an insurgent source told Agence France-Presse.": the addressee of a tell-verb may follow)
        addressee = c.lemma in _OBJECT_FIRST and adj and (adj[0][:1].isupper() or adj[0].lower() in _ADDRESSEES)
        if adj and adj[0].lower() not in _ADJUNCT_START and not addressee:
            continue
        a = u.start
        b = u.start + len(before.rstrip()) - 1
        # The clause starts after a leading "But"/"And".
        parts = [(a, b)]
        if tm.group("end") == ",":
            rest_a = c.end + tm.end()
            rest_b = u.end
            nxt = d.words(rest_a, rest_b)[:1]
            if nxt and not (nxt[0][2].endswith("ing") or nxt[0][2].lower() in _U_SUBORDINATORS_PREPOSITIONS):
                parts.append((rest_a, rest_b))
        # A quotation inside blocks the clause when it was attributed on its own or is unbalanced; a
        # quoted name ('Mugabe's "Blue House" compound') is part of the reported clause.
        inside = [q for q in u.quotes if q.open < parts[-1][1] and q.after > parts[0][0]]
        if any(q.used or not q.closed or len(d.text[q.start : q.end].split()) > 4 for q in inside):
            continue
        if any(a2 < parts[-1][1] and a1 < b for a1, a2 in claimed):
            continue
        if not any(_has_clear_verb(d.words(pa, pb)[:60]) for pa, pb in parts):
            continue  # "Later, in remarks at the party headquarters, Esper said, …": no clause
        spans = []
        for pa, pb in parts:
            while pb > pa and m[pb - 1] in " .,;":
                pb -= 1
            while pa < pb and m[pa] in " ,":
                pa += 1
            if pb - pa > 2:
                spans.append(d.span(pa, pb))
        if not spans or len(" ".join(s.text for s in spans).split()) < 4:
            continue
        sp = c.speaker
        if len(spans) == 1:
            _emit(
                d,
                "indirect",
                spans[0].start,
                spans[0].end,
                sp,
                d.span(c.start, c.end),
                f"en.postposed_{c.lemma}",
                0.7,
            )
        else:
            _emit(
                d,
                "indirect",
                spans[0].start,
                spans[-1].end,
                sp,
                d.span(c.start, c.end),
                f"en.parenthetical_{c.lemma}",
                0.65,
                parts=tuple(spans),
            )
        claimed.append((u.start, u.end))


_ACCORDING_NP = re.compile(
    r"(?:[^,.;:\"\x01]|\.(?=[A-Za-z])|(?<=\d),(?=\d{3}))(?:[^,.;:\"\x01]|\.(?=[A-Za-z,]|\s[a-z])|(?<=\d),(?=\d{3}))*"
)
_MESSAGE_WORDS = _alternatives(_COMM_NOUNS | _REPORT_HEADS | {"data", "figures", "documents"}, longest_first=True)
_MESSAGE_OF = re.compile(
    rf"(?:an?|the)\s+(?:[\w\-]+\s+){{0,2}}?(?:{_MESSAGE_WORDS})\s+(?:(?:issued|released|published|posted)\s+)?"
    r"(?:from|by)\s+"  # not "of": "a study of 80,000 adults" names its subjects, not its authors
)
_BARE_MESSAGE = re.compile(rf"(?:an?|the)\s+(?:[\w\-]+\s+)?(?:{_MESSAGE_WORDS})\s*")


def _cue_before(d: _Doc, u: _Unit, pos: int) -> bool:
    """A reporting verb with a speaker already governs the sentence before ``pos``."""
    return any(c.end <= pos and c.speaker is not None for c in d.unit_cues.get(u.start, ()))


def _according(d: _Doc, u: _Unit, claimed, quote_spans) -> None:
    m = d.masked
    for am in _ACCORDING.finditer(m, u.start, u.end) if m.find("ccording to", u.start, u.end) >= 0 else ():
        if any(a <= am.start() < b for a, b in claimed):
            continue
        np_a = am.end()
        npm = _ACCORDING_NP.match(m, np_a, u.end)
        if not npm:
            continue
        np_b = np_a + len(npm.group().rstrip())
        # "according to a statement from the ministry": the statement's author is the source.
        om = _MESSAGE_OF.match(m, np_a, np_b)
        if om and om.end() < np_b:
            np_a = om.end()
        elif om is None and _BARE_MESSAGE.fullmatch(m, np_a, np_b) and _cue_before(d, u, am.start()):
            continue  # "X said …, according to a statement": the statement is X's; the cue already told
        # Trim relative clauses off the source ("a poll that …").
        rel = re.search(r"\s(?:who|which|that|released|published)\b", m[np_a:np_b])
        if rel:
            np_b = np_a + rel.start()
        nws = d.words(np_a, np_b)
        if len(nws) >= 3 and _bare(nws[-1][2]).lower() in _COMM_NOUNS | {"release", "releases"}:
            # "according to the office release" / "the council's news release": the issuer
            owner = next((w for w in nws[:-1] if _possessive(w[2])), None)
            k = len(nws) - 1
            while k > 1 and nws[k - 1][2] in ("news", "press", "official", "written"):
                k -= 1
            cut = 2 if owner is not None and owner[2].endswith(("'s", "’s")) else 1
            np_b = owner[1] - cut if owner is not None else nws[k - 1][1]
        sp = _speaker_from_np(d, np_a, np_b, am.start(), u)
        if sp is None:
            ws = d.words(np_a, np_b)
            if not ws:
                continue
            sp = _group(d, ws, ws)
            if ws[0][2].lower() in ("a", "an"):
                sp.name = d.text[ws[1][0] : ws[-1][1]] if len(ws) > 1 else sp.name
        elif sp.name:
            sp.name = _drop_article(sp.name, ("a", "an", "A", "An"))
        before = m[u.start : am.start()]
        if before.strip(" ,") == "" or before.strip() in ("But", "And"):
            # Preposed: "According to X, CLAUSE."
            cm = re.match(r"\s*,\s*", m[np_b : u.end]) or re.match(r"[^,]*,\s*", m[np_b : u.end])
            if not cm:
                continue
            a, b = np_b + cm.end(), u.end
        else:
            a, b = u.start, am.start()
        span = _clause_span(d, a, _Unit(a, b, u.para))
        if span is None:
            continue
        inside = [q for q in u.quotes if q.open >= span[0] and q.after <= span[1] + 2]
        if any(q.used or not q.closed or len(d.text[q.start : q.end].split()) > 4 for q in inside):
            continue  # (a quoted term inside, 'diagnosed with "feather-duvet lung"', is part of the clause)
        if any(span[0] < cb and ca < span[1] for ca, cb in claimed):
            continue
        _emit(d, "indirect", span[0], span[1], sp, d.span(am.start(), am.end()), "en.according_to", 0.75)
        claimed.append(span)
    bm = _BY_TALLY.match(m, u.start, u.end)
    if bm and not any(a <= u.start < b for a, b in claimed):
        npa = bm.start("np")
        ws = d.words(npa, bm.end("np"))
        if ws and ws[0][2].lower() == "the":
            npa = ws[1][0] if len(ws) > 1 else npa
        sp = _speaker_from_np(d, npa, bm.end("np"), npa, u)
        if sp is None and d.words(npa, bm.end("np")):
            sp = _Speaker(d.text[npa : bm.end("np")], "organisation", d.span(npa, bm.end("np")), confidence=0.5)
        span = _clause_span(d, bm.end(), u)
        if sp and span and not any(span[0] <= s[0] < span[1] for s in quote_spans):
            _emit(d, "indirect", span[0], span[1], sp, d.span(bm.start(), bm.end()), "en.by_count", 0.65)
            claimed.append(span)


_NOMINAL = re.compile(
    r"(?P<pos>\b(?:[A-Z][\w'’\-.]*(?:\s+[A-Z][\w'’\-.]*){0,3}(?:'s|’s|')?|his|her|their|its))\s+"
    r"(?:own\s+|latest\s+|earlier\s+|repeated\s+|new\s+)?(?P<noun>"
    + _alternatives(_NOMINAL_CUES, longest_first=True)
    + r")\s+(?P<link>that|to|for)\b"
)
_REPORT_BY = re.compile(
    r"\b(?:a|the)\s+(?:report|story|article|claim|statement)\s+by\s+(?P<np>[A-Z][^,;:\"\x01]{0,40}?)"
    r"\s+that\b"
)
_INTRO_PREP = re.compile(r"^\s*\(?\s*(?:As for|Despite|Amid|After|Given|Beyond|Over|Following|Unlike|Like)\b")


def _nominal(d: _Doc, u: _Unit, claimed, quote_spans) -> None:
    m = d.masked
    words = {w for _, _, w in d.words(u.start, u.end)}
    has_nominal = not words.isdisjoint(_NOMINAL_CUES)
    if not has_nominal and "by" not in words:
        return
    found = []
    for nm in _NOMINAL.finditer(m, u.start, u.end) if has_nominal else ():
        noun = nm.group("noun")
        link = nm.group("link")
        if link == "for" and noun not in _NOMINAL_FOR:
            continue
        if link == "to" and noun not in _NOMINAL_TO:
            continue
        found.append((nm.start("pos"), nm.end("pos"), nm.end(), nm.start()))
    for rm in _REPORT_BY.finditer(m, u.start, u.end):
        found.append((rm.start("np"), rm.end("np"), rm.end(), rm.start()))
    for pa, pb, content_a, cue_a in found:
        poss = m[pa:pb]
        if poss in ("his", "her", "their", "its"):
            sp = _possessor(d, u, poss, pa)
        else:
            ws = d.words(pa, pb)
            while ws and ws[0][2] in ("The", "A", "An", "As", "Despite", "Over", "But", "And", "For"):
                ws = ws[1:]
            if not ws:
                continue
            sp = _speaker_from_np(d, ws[0][0], ws[-1][1], pa, u)
            if sp is not None and sp.name and _bare(sp.name).lower() in ("republican", "democratic"):
                sp.kind = "group"
        if sp is None:
            continue
        end = u.end
        if _INTRO_PREP.match(m[u.start : cue_a + 1]):
            comma = m.find(",", content_a, u.end)
            end = comma if comma > 0 else u.end
        inside = [q for q in u.quotes if content_a <= q.open < end and not q.used]
        if inside:
            for q in inside:
                _emit(d, "mixed", q.start, q.end, sp, d.span(cue_a, content_a), "en.nominal_quote", 0.65)
                q.used = True
            continue
        if any(content_a <= s[0] < end for s in quote_spans):
            continue
        if link_is_that(m, content_a) and False:
            continue
        to_link = m[content_a - 2 : content_a] == "to"
        if to_link:
            pm = re.search(r"[,;:()]|\s[-—–]+\s", m[content_a:end])
            end = content_a + pm.start() if pm else end
        span = _clause_span(d, content_a, _Unit(content_a, end, u.para))
        if span is None or any(span[0] < cb and ca < span[1] for ca, cb in claimed):
            continue
        if to_link:
            span = (content_a - 2, span[1])
        _emit(d, "indirect", span[0], span[1], sp, d.span(cue_a, content_a), "en.nominal", 0.55)
        claimed.append(span)


def link_is_that(m: str, i: int) -> bool:
    return m[max(0, i - 4) : i] == "that"


def _possessor(d: _Doc, u: _Unit, word: str, pos: int) -> _Speaker | None:
    """'her remark' — bound to the sentence subject when it agrees, else to the last speaker."""
    gender = _POSSESSIVES[word][0]
    if gender in ("m", "f"):
        sp = _lead_speaker(d, u, pos)
        if sp is not None and sp.kind == "person" and (sp.entry is None or sp.entry.agrees(gender, False)):
            return sp
        e = d.registry.resolve_pronoun(gender, False, kinds=("person",))
        return _Speaker(e.name, "person", None, e, 0.6) if e else None
    return None


# --------------------------------------------------------------------------------------------
# Title, embeds, noise
# --------------------------------------------------------------------------------------------


def _headline(d: _Doc) -> None:
    if not d.title_end:
        return
    title = d.text[: d.title_end]
    line_end = title.find("\n")
    line = title if line_end < 0 else title[:line_end]
    hm = _HEADLINE.match(line)
    rule = "en.headline_colon"
    if not hm or '"' in d.masked[hm.start("sp") : hm.end("sp")]:
        hm = _HEADLINE_SAYS.match(line)
        rule = "en.headline_says"
        if not hm or len(hm.group("q").split()) < 3:
            return
    sp_text = hm.group("sp").strip()
    ws = sp_text.split()
    if len(ws) > 5 or not ws[0][0].isupper() or (sp_text.isupper() and len(ws) > 1):
        return
    if sp_text.lower() in _HEADLINE_LABELS:
        return
    is_role = _bare(ws[-1]).lower() in _ROLE_WORDS and len(ws) <= 3
    if any(not _is_cap(w) and w.lower() not in _CONNECT for w in ws[: -1 if is_role else None]) or (
        ws[0].lower() in _CAP_STOP
    ):
        return  # "Chancellor unveils budget: …" — the part before the colon is not a name
    name = sp_text
    low = sp_text.lower().rstrip("s")
    if low in _REPORT_HEADS:
        if not d.reports:
            return
        e = d.reports[0][1]
        sp = _Speaker(e.name, e.kind, d.span(hm.start("sp"), hm.end("sp")), e, 0.6)
    elif is_role:
        # "Housing Secretary: …", "UN chief says …": a role, not a name; the body's person so described,
        # else the body's first named speaker (the headline retells the lede).
        role = {_bare(w).lower() for w in ws} & _ROLE_WORDS
        described = [x for x in d.registry.entries if x.kind == "person" and not x.weak and role & x.description]
        first = next((a for a in d.out if a.speaker and a.speaker_kind == "person"), None)
        span = d.span(hm.start("sp"), hm.end("sp"))
        if described:
            e = min(described, key=lambda x: d.registry.entries.index(x))
            sp = _Speaker(e.name, "person", span, e, 0.6)
        elif first is not None:
            sp = _Speaker(first.speaker, "person", span, None, 0.5)
        else:
            sp = _Speaker(sp_text, "unnamed", span, None, 0.5)
    else:
        toks = [w for w in ws if _bare(w).lower() not in _TITLES]
        name = " ".join(toks) or sp_text
        e = d.registry.resolve_name(name)
        sp = _Speaker(
            e.name if e else name,
            (e.kind if e else None) or "person",
            d.span(hm.start("sp"), hm.end("sp")),
            e,
            0.7,
        )
    qa, qb = hm.start("q"), len(line.rstrip(" ."))
    # A statement quoted whole after the colon loses its marks.
    if line[qa] in "\"“‘'" and line[qb - 1] in "\"”’'":
        qa, qb = qa + 1, qb - 1
    if _title_like(line[qa:qb]):
        return  # "Author: The Art of Something" names a work, not a statement
    _emit(d, "headline", qa, qb, sp, None, rule, 0.7)


def _embeds(d: _Doc, emit: bool) -> set[int]:
    """'— Name (@handle) date' after a post: the post is the account's (or the captioned person's)."""
    lines = d.text.split("\n")
    starts = []
    pos = 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    skip: set[int] = set()
    for i, line in enumerate(lines):
        em = _EMBED_LINE.match(line)
        if not em or i == 0:
            continue
        j = i - 1
        post = lines[j]
        if not post.strip():
            continue
        a = starts[j]
        b = a + len(post)
        lm = _LINK.search(post)
        while lm:
            # Links and picture URLs are not part of the post's words.
            b = a + lm.start() if not post[lm.end() :].strip(" .") else b
            lm = _LINK.search(post, lm.end()) if b == a + len(post) else None
        name = em.group("name").strip()
        sp = _Speaker(name, "person", d.span(starts[i] + em.start("name"), starts[i] + em.end("name")), confidence=0.8)
        skip.update((j, i))
        if not emit:
            continue
        cap = lines[j - 1] if j >= 1 else ""
        if cap.rstrip().endswith(":"):
            # "X wrote on Twitter:" — the caption's cue names the poster.
            cues = d.unit_cues.get(starts[j - 1], [])
            if cues and cues[-1].speaker is not None and cues[-1].speaker.name:
                sp = cues[-1].speaker
        qa = a
        if d.text[qa : qa + 1] in '"“':
            qa += 1
        qb = b
        while qb > qa and d.text[qb - 1] in ' "”':
            qb -= 1
        while qb > qa and re.search(r"(?:\s#\w+|\s*(?:https?://|pic\.twitter\.com/)\S+)\s*$", d.text[qa:qb]):
            qb = qa + re.search(r"(?:\s#\w+|\s*(?:https?://|pic\.twitter\.com/)\S+)\s*$", d.text[qa:qb]).start()
        _emit(d, "embed", qa, qb, sp, d.span(starts[i], starts[i] + len(line)), "en.embed", 0.85)
    return skip


_REPORT_WORD = re.compile(r"\b(?:report|investigation|study|analysis|survey|reported|reports)\b")


def _collect_reports(d: _Doc) -> None:
    """Organisations that issued a report, so "the report" (or a "Report:" headline) can name them."""
    for rm in _REPORT_WORD.finditer(d.masked, d.title_end):
        verb = rm.group() in ("reported", "reports")
        ws = _owner_before(d, rm.start(), 0 if verb else 2) or (None if verb else _owner_after(d, rm.end()))
        while ws and (ws[0][2] in ("The", "A", "An") or ws[0][2].lower() in _CAP_STOP):
            ws = ws[1:]
        if not ws:
            continue
        words = [w for _, _, w in ws]
        kind = _kind_of_name(words, d.ent_label.get((ws[0][0], ws[-1][1])))
        if kind == "person":
            continue
        name = _clean_name(d.text[ws[0][0] : ws[-1][1]])
        e = d.registry.add(name, position=ws[0][0], kind=kind, weak=True)
        d.reports.append((ws[0][0], e))


def _owner_before(d: _Doc, pos: int, lowercase_gap: int):
    """ "The AP reported", "X's lengthy investigation", "the AP report"."""
    before = d.words(max(0, pos - 80), pos)
    k = len(before) - 1
    while k >= 0 and before[k][2].islower() and len(before) - 1 - k < lowercase_gap:
        k -= 1
    if k < 0 or not _is_cap(before[k][2]) or re.search(r"[.;:!?,\"\x01]", d.masked[before[k][1] : pos]):
        return None
    j = k
    while j > 0 and not d.masked[before[j - 1][1] : before[j][0]].strip():
        j -= 1  # only words separated by spaces form one name
    run = _name_run(before[j : k + 1])
    return before[j + run[0] : k + 1] if run else None


def _owner_after(d: _Doc, pos: int):
    """ "a report by the Herald"."""
    after = d.words(pos, min(len(d.masked), pos + 80))
    if len(after) < 2 or after[0][2] not in ("by", "from"):
        return None
    ws = [w for w in after[1:6] if w[2] != "the"]
    cut = next((i for i, w in enumerate(ws) if not _is_cap(w[2])), len(ws))
    return ws[:cut] or None


_ROLE_OF = re.compile(r"^(?:[Aa]|[Aa]n)\s+(?:[\w\-]+\s+){0,2}?(?P<role>[a-z\-]+)\s+(?:for|of|to|at)\s+(?P<of>.+)$")


def _forward_roles(d: _Doc) -> None:
    """'A spokesman for X' named further down ("X spokesman Jo Doe", "Jo Doe, a spokesman for X")."""
    name = r"(?P<n>[A-Z][\w'’\-]+(?:\s+[A-Z]\.?)?(?:\s+[A-Z][\w'’\-]+){1,2})"
    for a in d.out:
        if a.speaker_kind != "unnamed" or not a.speaker:
            continue
        rm = _ROLE_OF.match(a.speaker)
        if not rm or rm.group("role") not in _PERSON_HEADS:
            continue
        caps = re.findall(r"[A-Z][\w'’\-]+", rm.group("of"))
        if not caps:
            continue
        role, of = re.escape(rm.group("role")), re.escape(caps[-1])
        pats = (
            rf"\b{of}(?:'s|’s)?\s+(?:[a-z\-]+\s+)?{role}\s+{name}",
            rf"{name},\s+(?:a|an|the)\s+(?:[\w\-]+\s+){{0,2}}{role}\s+(?:for|of|to)\s+(?:[\w.]+\s+){{0,3}}?{of}\b",
        )
        # Named in the same or the next five paragraphs, or not at all.
        end = a.quote.start
        for _ in range(6):
            end = d.text.find("\n", end + 1)
            if end < 0:
                end = len(d.text)
                break
        found = {fm.group("n") for p in pats for fm in re.finditer(p, d.text[a.quote.start : end])}
        if len(found) == 1:
            n = found.pop()
            e = d.registry.resolve_name(n)
            a.speaker = e.name if e is not None and len(e.toks) >= len(n.split()) else n
            a.speaker_kind = "person"


def detect(doc: Document, entities=None) -> list[Attribution]:
    d = _Doc(doc, entities)
    units = _units(d)
    paras = d.text.split("\n")
    skip_paras = _embeds(d, emit=False)
    for i, line in enumerate(paras):
        if _NOISE_LINE.match(line) or "pic.twitter.com" in line or "twitter.com/" in line:
            skip_paras.add(i)
    _collect_reports(d)
    prev = None
    body = [u for u in units if u.start >= d.title_end]
    for k, u in enumerate(body):
        if (u.para - 1) in skip_paras:
            prev = None
            continue
        _process_unit(d, u, prev, body[k + 1] if k + 1 < len(body) else None)
        prev = u
    _embeds(d, emit=True)
    _headline(d)
    _forward_roles(d)
    _run_on_parts(d)
    if doc.language not in ("en", ""):
        _marks_only(d, skip_paras)
    return _dedupe(d.out)


def _run_on_parts(d: _Doc) -> None:
    """A quote's earlier paragraphs take the speaker its later part was attributed to ("…¶"… ," X said)."""
    by_start = {a.quote.start: a for a in d.out}
    pieces = [q for q in d.quotes if q.runs_on or (q.open > 0 and d.text[q.open - 1] == "\n")]
    for i in range(len(pieces) - 2, -1, -1):
        q, nxt = pieces[i], pieces[i + 1]
        if not q.runs_on or q.start in by_start or d.text.find("\n", q.end) + 1 != nxt.open:
            continue
        later = by_start.get(nxt.start)
        if later is None or later.kind != "direct":
            continue
        sp = _Speaker(later.speaker, later.speaker_kind, later.speaker_mention, None, later.confidence, later.via)
        _emit(d, "direct", q.start, q.end, sp, later.cue, "en.run_on", 0.65)
        by_start[q.start] = d.out[-1]


def _marks_only(d: _Doc, skip_paras: set[int]) -> None:
    """Another language without rules: English cues rarely match, so sentence-like quotations are kept
    with low confidence, attributed to a person the NER backend found in the same paragraph (else no one)."""
    taken = {(a.quote.start, a.quote.end) for a in d.out}
    newlines = [i for i, ch in enumerate(d.text) if ch == "\n"]
    for q in d.quotes:
        inner = d.text[q.start : q.end]
        para = bisect_left(newlines, q.open)
        if (q.start, q.end) in taken or para in skip_paras or len(inner.split()) < 5 or q.open < d.title_end:
            continue
        a = d.text.rfind("\n", 0, q.open) + 1
        b = d.text.find("\n", q.end)
        b = len(d.text) if b < 0 else b
        people = [e for e in d.entities if a <= e.start < b and e.label.startswith("PER")]
        near = min(people, key=lambda e: abs(e.start - q.open), default=None)
        name = _clean_name(near.text) if near else None
        sp = _Speaker(name, "person" if near else None, d.span(near.start, near.end) if near else None, None, 0.4)
        _emit(d, "direct", q.start, q.end, sp, None, "en.marks_only", 0.35)


def _dedupe(found: list[Attribution]) -> list[Attribution]:
    found.sort(key=lambda a: (a.quote.start, -(a.quote.end - a.quote.start)))
    out: list[Attribution] = []
    for a in found:
        if out and a.quote.start < out[-1].quote.end and a.kind == out[-1].kind == "indirect":
            continue
        if any(o.quote.start == a.quote.start and o.quote.end == a.quote.end for o in out[-3:]):
            continue
        out.append(a)
    return out
