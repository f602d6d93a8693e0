"""Arabic attribution rules.

Everything matches on a folded copy of the text (no diacritics or tatweel; أ/إ/آ -> ا,
ى -> ي, ة -> ه, ؤ -> و, ئ -> ي), so the lexicons below are written in folded form and
offsets are mapped back to the original at the end.

A sentence is read cue by cue. A cue is a reporting verb (any person/number/tense form,
with و/ف attached), a participle (مشيرا، قائلا …) or a nominal phrase (وفقا ل، بحسب،
نقلا عن، وفق ما ذكر، قول X إن …). A cue's speaker is the noun phrase after it (Arabic
verb–subject order), resolved through the document registry when it is a surname, a
descriptor (الصحيفة، المسؤول في …) or a pronoun/dropped subject. Its statement is what
follows the complementiser (أن/إن/بأن/إلى أن, with attached pronouns), a colon or a
quotation mark: quoted spans there are direct/mixed quotes, otherwise the clause itself
is an indirect quote. Postposed cues (…، وفق ما ذكر X) claim the clause before them.

Lines are read first: "Speaker: statement" titles and headings are headlines; a post
followed by "— Account (@handle) date" is an embed whose speaker is named in the caption;
"اقرأ أيضاً" links, photo credits and pic.twitter lines are noise. Quoted spans that name
something (صحيفة "…"، a one-word or repeated quote, a quote between commas, the subject of
a reporting verb) are never statements, and quotes outside any cue's frame are ignored.
Speaker tracking across the document is ``resolve.Registry``; these lexicons feed it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from ..lexicon import load as _load_lexicon
from ..resolve import Entry, Registry
from ..text import FoldedText, find_quote_marks, fold_keep_offsets, paragraphs, tokens
from ..types import Attribution, Document, Entity, Span

# --------------------------------------------------------------------------------------------
# Lexicons (folded spelling)
# --------------------------------------------------------------------------------------------

# The word lists are data: lexicons/ar.toml. What stays here is how the rules use them.
_LEX = _load_lexicon("ar")

# Reporting verbs as (perfect 3rd masc. sing., imperfect stem without its prefix).
_VERBS = tuple(_LEX["verbs"].items())
# Participles that attach a further statement to the sentence's speaker (masc. sing. form).
_PARTICIPLES = tuple(_LEX["participles"])
# Verbs an impersonal passive uses without a subject: يُذكر أنّ "it is worth noting that".
_IMPERSONAL = frozenset(_LEX["impersonal"])


def _lex(words: str) -> frozenset[str]:
    """A lexicon written as space-separated folded words."""
    return frozenset(words.split())


# Title and description words that precede a name (folded, without ال).
_TITLES = frozenset(_LEX["titles"])
# Every title has its feminine (مستشارة، أستاذة، نقيبة …).
_TITLES = _TITLES | {t + "ه" for t in _TITLES if len(t) > 2 and t[-1] not in "هاي"}
# Head nouns of organisations: category, speaker kind, grammatical gender.
_HEADS = {w: tuple(v) for w, v in _LEX["heads"].items()}
_NUMBER_WORDS = _lex("الف الاف مليون ملايين مييه ميات عشرات عده عدد بضعه")
# Honorific pronouns: سموه، معاليها، فخامته.
_HONORIFICS = frozenset(
    h + suffix
    for h in ("سمو", "معالي", "فخامت", "سعادت", "جلالت", "سيادت", "دولت", "فضيلت", "سماحت", "غبطت", "نيافت")
    for suffix in ("ه", "ها")
)
# Quantities of people (عدد من المواطنين، مئات المتظاهرين، أحد الدعاة).
_QUANTIFIERS = frozenset(_LEX["quantifiers"])
# Heads of unnamed sources and of groups (indefinite or definite).
_UNNAMED = dict(_LEX["unnamed"])
_GROUP_HEADS = frozenset(_LEX["group_heads"])


def _group_head(word: str) -> bool:
    """مسؤولون، دبلوماسيين، مندوبين، مستشارات: a listed group noun or the sound plural of a title."""
    if word in _GROUP_HEADS:
        return True
    w = word[1:] if word[:1] in "وف" and len(word) > 5 else word
    if w in _GROUP_HEADS:
        return True
    for suffix in ("ون", "ين", "ات"):
        if w.endswith(suffix) and len(w) > len(suffix) + 2 and w[: -len(suffix)] in _TITLES:
            return True
    # ممثلو الشركة، منظمي المعرض: a title's plural in construct loses its ن.
    return len(w) > 4 and w[-1] in "وي" and w[:-1] in _TITLES and not w.endswith("يي")


_DESCRIPTOR_STOPWORDS = frozenset(_LEX["descriptor_stopwords"])
# Time words that follow a subject (قال الوزير أمس، مساء الخميس): never part of a name.
_TIME_WORDS = frozenset(_LEX["time_words"])
# Period nouns are time words only with a relative adjective: العام الماضي (but الأمين العام).
_PERIOD_NOUNS = frozenset(_LEX["period_nouns"])
_PERIOD_ADJECTIVES = frozenset(_LEX["period_adjectives"])
# والذي شارك …: a relative joined by و opens a relative clause too.
_RELATIVES = frozenset(r for base in _LEX["relatives"] for r in (base, "و" + base))
# Political and national adjectives after a person's name describe them (بيلوسي الديمقراطية).
_AFFILIATIONS = frozenset(_LEX["affiliations"])
_AFFILIATIONS = _AFFILIATIONS | {w + "ه" for w in _AFFILIATIONS}
# First words of media an interview is given to (قال لبي بي سي، لواشنطن بوست، لسي إن إن).
_MEDIA_FIRST_WORDS = frozenset(_LEX["media_first_words"])
# Second words of transliterated media names: لفوكس نيوز، لواشنطن بوست، لنيويورك تايمز.
_MEDIA_TAILS = frozenset(_LEX["media_tails"])
# Words after a name that open a description or an adjunct (اخو المتوفى، قبل مغادرته).
_KIN_AND_TIME_OPENERS = frozenset(_LEX["kin_and_time_openers"])
# Adverbs that may follow a subject (قال تسيبراس رسميا).
_ADVERBS = frozenset(_LEX["adverbs"])
# Broken plurals of nationalities, adjectives of unnamed sources (مسؤولون روس، صحفيون أتراك).
_NATIONALITY_PLURALS = frozenset(_LEX["nationality_plurals"])
# Verbal nouns that are a verb's object, never part of its subject (أعلنت المصادر مقتل …).
_OBJECT_MASDARS = frozenset(_LEX["object_masdars"])
# Adjectives of a title that are never family names (مدرب برشلونة السابق).
_TITLE_ADJECTIVES = frozenset(_LEX["title_adjectives"])
# Words a speaker phrase never starts with: discourse words, auxiliaries, relatives, "what".
_NOT_SPEAKER_START = frozenset(_LEX["not_speaker_start"])
# Titles that are also common given or family names (محمد أمين، أحمد الشيخ): no cut after a name.
_NAME_TITLES = frozenset(_LEX["name_titles"])
# Titles vague enough that "the official" may refer back to any person just named.
_GENERIC_TITLES = frozenset(_LEX["generic_titles"])
_EVENT_HEADS = frozenset(_LEX["event_heads"])
_RANK_ADJECTIVES = frozenset(_LEX["rank_adjectives"])
# Words that open an adjunct rather than the subject (خلال مؤتمر صحافي، في بيان …).
_ADJUNCT_OPENERS = frozenset(_LEX["adjunct_openers"])
_COMM_NOUNS = frozenset(_LEX["comm_nouns"])
_PREPOSITIONS = frozenset(_LEX["prepositions"])
_PRONOUN_PPS = frozenset(_LEX["pronoun_pps"])
_PRONOUN_SUFFIX = {"ه": ("m", False), "ها": ("f", False), "هم": (None, True), "هما": (None, True)}
_NAME_PARTICLES = frozenset(_LEX["name_particles"])
# Quoted names follow these heads: صحيفة "…"، عملية "…"، وسم "…".
_NAME_HEADS = frozenset(_LEX["name_heads"])
_SO_CALLED = frozenset(_LEX["so_called"])
_NOISE_LINE = re.compile(
    r"^\s*(?:ا?قرا\s+(?:ايضا|المزيد|كذلك)|شاهد\s+ايضا|طالع\s+ايضا|للمزيد|تابعونا|"
    r"\(?\s*(?:الصوره|صوره|تصوير|المصدر|مصدر الصوره)\s*[:：])"
)
_EMBED_SOURCE = re.compile(r"^\s*[—–-]\s*\S.*\(@\w+\)")
_CAPTION_CUT = re.compile(r"\s(?:في|على|عبر)\s*[#@]|[#@]|pic\.twitter|https?://")
_HEADLINE_LABELS = frozenset(_LEX["headline_labels"])

_QUOTE_CHARS_RE = re.compile('["“”«»„‹›‟「」]')
_W = r"[\w\u064b-\u065f\u0670]"  # a word character (Arabic letters are \w; ، and ؟ are not)


def _verb_forms() -> tuple[dict[str, tuple[str | None, bool]], dict[str, str]]:
    """Every inflection we accept -> (gender, plural), and -> its lemma (perfect 3ms)."""
    forms: dict[str, tuple[str | None, bool]] = {}
    lemma: dict[str, str] = {}
    for perf, stem in _VERBS:
        before = set(forms)
        base = perf[:-1] if perf[-1] in "يا" else perf
        forms.setdefault(perf, ("m", False))
        forms.setdefault(base + "ت", ("f", False))
        forms.setdefault(base + "وا", (None, True))
        forms.setdefault(perf + "ا" if perf[-1] not in "يا" else base + "يا", (None, True))
        if stem:
            pl = stem[:-1] if stem[-1] in "يو" else stem
            forms.setdefault("ي" + stem, ("m", False))
            forms.setdefault("ت" + stem, ("f", False))
            forms.setdefault("ي" + pl + "ون", (None, True))
        for f in set(forms) - before:
            lemma[f] = perf
    # "بين" is also the preposition "between", and تبيّن أن is "it turned out that": only the
    # participle مبينا is a cue.
    for f in ("بين", "بينا", "يبين", "تبين", "يبينون"):
        forms.pop(f, None)
    return forms, lemma


_VERB_FORMS, _VERB_LEMMA = _verb_forms()
_VERB_LEMMA.update({"بين": "بين", "يبين": "بين", "زاد": "زاد", "زادت": "زاد"})
_CLAUSE_INITIAL_CUES = frozenset({"بين", "يبين", "زاد", "زادت"})
# وزاد: "…", وزاد أن …: "and he added"; زاد is "increased" elsewhere.
_ZADA_RE = re.compile(rf"(?<!{_W})[وف](زاد|زادت)(?=\s*(?::|[\"«“]|ب?ان(?!{_W})|انه|انها|قايلا|قايله|بالقول))")
_BAYYANA_RE = re.compile(rf"(?:^|(?<=[.،,؛:\n]\s)|(?<=[.،,؛:\n]))[وف](بين|يبين)(?!{_W})", re.MULTILINE)
# Verbs whose object can stand between the subject and the statement (وصف X بأنه، اتهم X بأن).
_OBJECT_VERBS = frozenset(_LEX["object_verbs"])
# Verbs whose object may be the statement itself as a verbal noun (أعلن مقتل …، نفى وجود …),
# with the preposition that introduces it when there is one (أشار إلى وجود …، طالب بوقف …).
_MASDAR_VERBS = dict(_LEX["masdar_verbs"])
# Prepositions a verb may take or leave before its verbal-noun object (كشف (عن) …، أكد (على) …).
_MASDAR_DEFINITE_AFTER_PREP = frozenset(_LEX["masdar_definite_after_prep"])
_MASDAR_ADDRESSEE_VERBS = frozenset(_LEX["masdar_addressee_verbs"])
_BA_OBJECT_VERBS = frozenset(_LEX["ba_object_verbs"])
_PLURAL_HEADS = frozenset(_LEX["plural_heads"])
# Their past forms when they are no cue verbs: ندد، نددت، نددوا.
_BA_OBJECT_FORMS = frozenset(v + suffix for v in _BA_OBJECT_VERBS for suffix in ("", "ت", "وا"))
_MASDAR_OPTIONAL_PREPS = {k: frozenset(v) for k, v in _LEX["masdar_optional_preps"].items()}
_SAYING = frozenset(_LEX["saying"])
# Pronoun-suffixed verbal nouns of reporting: نقلت الوكالة عن الوزير تأكيده …
_REPORTING_MASDAR_RE = re.compile(
    rf"(?<!{_W})(?:قول|تاكيد|تشديد|اشار|اعلان|نفي|تحذير|توقع|ترجيح|اعتبار|مطالب|دعو|تعبير|وصف|رواي)(?:ت)?"
    rf"(?P<suffix>ه|ها|هم|هما)(?!{_W})"
)
# Words that open a new clause after "، و": the object statement ends before them.
_CLAUSE_OPENERS = frozenset(_LEX["clause_openers"])
_PART_FORMS: dict[str, tuple[str | None, bool]] = {}
for _p in _PARTICIPLES:
    _PART_FORMS[_p] = ("m", False)
    _PART_FORMS[_p[:-1] + "ه"] = ("f", False)
    _PART_FORMS[_p[:-1] + "ين"] = (None, True)


def _trie_alt(words) -> str:
    """An alternation built as a character trie: the regex engine then branches per
    letter instead of trying every word at every position (several times faster)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return "(?:" + body + ")?"
        return body

    return emit(trie)


# Cue words with an optional attached و/ف; group 1 is the bare form.
_CUE_WORD_RE = re.compile(rf"(?<!{_W})[وف]?({_trie_alt(set(_VERB_FORMS) | set(_PART_FORMS))})(?!{_W})")
# Complementisers: أن/إن, بأن, فإن, وأن, with attached pronouns (أنّه، إنّها، بأنّهم …).
_COMP_RE = re.compile(rf"(?<!{_W})[وف]?ب?ان(?:ه|ها|هم|هما|هن|ني|نا|ك|كم)?(?!{_W})")
_NOMINAL_RE = re.compile(
    rf"(?<!{_W})(?:"
    rf"(?P<ma>(?:و?(?:وفق|وفقا|طبقا|تبعا)\s*ل?ما|و?(?:بحسب|حسب)\s*ما|و?حسبما|علي\s+ما)\s+(?P<mverb>{_W}+))"
    rf"|(?P<pp>و?(?:وفقا|وفق|طبقا|تبعا)\s*(?:ل|لـ)\s*ـ?|و?(?:بحسب|حسب)\s+|و?نقلا\s+عن\s+|و?وفق\s+(?!ما(?!{_W}))|"
    # بحسبه، حسبها: the source is the attached pronoun.
    rf"و?(?:بحسب|حسب)(?=(?:ه|ها|هم|هما)(?!{_W}))|"
    rf"و?علي\s+لسان\s+|و?في\s+(?:تصريح|تصريحات|حديث|مقابله)\s+(?:\w+\s+)?(?:ل|لـ)\s*ـ?)"
    rf"|(?P<qawl>(?<=\s)[وبل]?قول(?=\s))"
    # جاء في بيان (صادر عن | لـ) X أن …: a written statement and who issued it.
    rf"|(?P<stmt>[وف]?(?:جاء|ورد)\s+في\s+(?:ال)?(?:بيان|رساله|نص)(?!{_W})"
    rf"(?:\s+(?:ال)?صادره?\s+(?:عن|من)\s+|\s+لـ?\s*(?=[^\sا]))?\s*)"
    rf")"
)
# Documents whose issuer is the speaker: بيان للوزارة، تقرير صادر عن المجلس.
_DOCUMENT_NOUNS = frozenset(_LEX["document_nouns"])
# Nouns naming a written statement: "وفقا للبيان" points to whoever issued the last one.
_STATEMENT_NOUNS = frozenset(_LEX["statement_nouns"])
_BASM_POSSESSIVE = re.compile(r"باسم(ه|ها|هم|هما)")
_PRONOUN_ONLY = re.compile(rf"^\s*ل?(ه|ها|هم|هما)(?!{_W})")
_SENT_END = re.compile(r"[.!?؟](?=[\s\"”»«]|$)|\n")
_TOKEN = re.compile(rf"{_W}+")
_DISCOURSE = re.compile(
    r"^\s*(?:و?(?:من\s+جهت\w*|بدور\w*|في\s+(?:هذا|ذلك|السياق|الوقت|غضون|المقابل|سياق|اطار)[^،,]*"
    r"|كما|الي\s+ذلك|من\s+ناحي\w*|في\s+المقابل)\s*[،,])"
)


@lru_cache(maxsize=16384)
def _strip_al(word: str) -> str:
    """The word without its article and an attached و/ب/ف/ك before it."""
    for pre in ("وال", "بال", "فال", "كال"):
        if word.startswith(pre) and len(word) > len(pre) + 1:
            return word[len(pre) :]
    if word.startswith(("لل", "ال")) and len(word) > 3:
        return word[2:]
    return word


def _bare(word: str) -> str:
    """Without an attached و/ف/ب/ل/ك and article: برئيس -> رييس, والوزير -> وزير."""
    w = _strip_al(word)
    if w in _TITLES or w in _HEADS or len(word) < 4 or word[0] not in "وفبلك":
        return w
    return _strip_al(word[1:])


def _definite(word: str) -> bool:
    return word.startswith("ال") and len(word) > 3


def _lam_definite(word: str) -> bool:
    """ل + article: للدراسات (the alif of ال drops after ل), or ل + ال spelled out."""
    return (word.startswith("لل") and len(word) > 4) or (word.startswith("ل") and _definite(word[1:]))


# Second halves of compound given names: نور الدين، علاء الدين، سيف الله، جاد الله، عبد الرحمن.
_COMPOUND_NAME_TAILS = frozenset(_LEX["compound_name_tails"])


def _nisba(word: str) -> bool:
    """A relational or participle adjective (الأميركي، عسكري، مطلع، رفيع)."""
    w = _strip_al(word)
    if len(w) < 3 or word in _PREPOSITIONS or w in _HEADS:
        return False  # (هيئة folds to هييه, which looks like a nisba)
    return (
        w.endswith(("ي", "يه", "يون", "يين", "يا"))
        or (w.startswith("م") and len(w) >= 4)
        or w
        in {
            "رفيع",
            "رفيعه",
            "ابيض",  # البيت الأبيض: colours are adjectives too
            "بيضاء",
            "احمر",
            "حمراء",
            "اخضر",
            "خضراء",
            "اسود",
            "سوداء",
            "ازرق",
            "زرقاء",
            "خاص",
            "خاصه",
            "سابق",
            "سابقه",
            "كبير",
            "كبار",
            "بارز",
            "بارزه",
            "المستوي",
            "متعددين",
            "متعددون",
            "عده",
            "اخر",
            "اخري",
            "اخرون",
            "اخرين",
        }
        or w in _NATIONALITY_PLURALS
    )


# --------------------------------------------------------------------------------------------
# Data passed between the steps
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Speaker:
    name: str | None
    start: int  # folded offsets of the mention
    end: int
    kind: str | None = None
    category: str | None = None
    description: str = ""
    gender: str | None = None
    plural: bool = False
    descriptor: bool = False  # "the newspaper": refers back
    pronoun: bool = False
    entry: Entry | None = None
    resolved_by: str = "named"
    context: str = ""  # a descriptor's words, to resolve it again later (headlines)


@dataclass(slots=True)
class Cue:
    kind: str  # verb | part | nominal | qawl | relay
    start: int
    end: int
    gender: str | None = None
    plural: bool = False
    word: str = ""
    # Filled while reading the sentence
    subject: tuple[int, int] | None = None
    content: tuple[int, int] | None = None
    via_comp: str = ""  # "comp", "colon", "quote", "post" (postposed) or ""
    nested: bool = False
    has_subject: bool = False
    speaker: Speaker | None = None
    via: Speaker | None = None
    relayed_by: Cue | None = None  # a preposed "according to X" in front of this cue
    objectish: bool = False  # an object may follow the subject (no statement, or وصف/اتهم …)
    object_start: int | None = None  # where a verbal-noun statement may start (after a relay's تأكيده)
    relative: bool = False  # the verb of a relative clause (الذي يقول): its antecedent speaks
    participle: bool = False  # a participle's object read as its verb's (مؤكدة التزامها)


# The name علي and the preposition على fold alike. Where a text writes the preposition with ى,
# a علي written with ي is the name: its last letter becomes ی (Farsi yeh, a word letter in no
# lexicon) in the working copy, so the rules read it as a name. Spans map back to the original.
_ALI_RE = re.compile(r"(?<![\w\u064b-\u065f])[وفبل]?علي(?![\w\u064b-\u065f])")


def _mark_name_ali(ft: FoldedText, orig: str) -> str:
    s = ft.text
    spelled = "على" in orig
    if not spelled and "علي" not in s:
        return s
    chars = None
    for m in _ALI_RE.finditer(s):
        end = m.end() - 1  # the final ي in folded offsets
        # الأمير علي بن الحسين: before بن, علي is the name however the text spells the preposition
        # (after a title it is not: أكد الأمير على أهمية …).
        named = s.startswith((" بن ", " ابن "), m.end())
        if named or (spelled and orig[ft.orig(end)] == "ي"):
            chars = chars if chars is not None else list(s)
            chars[end] = "ی"
    return "".join(chars) if chars is not None else s


class _Doc:
    """One document in folded form with its quotation spans and the speaker registry."""

    def __init__(self, doc: Document, entities: list[Entity] | None):
        self.doc = doc
        self.orig = doc.text
        self.ft: FoldedText = fold_keep_offsets(doc.text)
        self.s = _mark_name_ali(self.ft, doc.text)
        self.marks = [m for m in find_quote_marks(self.s)]
        self.mark_starts = [m.open for m in self.marks]
        self.closed = [(m.open, (m.close if m.close is not None else m.end)) for m in self.marks]
        self.registry = Registry()
        self.entities = entities or []
        self.entity_starts: list[int] | None = None  # sorted starts, built on first lookup
        self.quote_counts = Counter(" ".join(_TOKEN.findall(self.s[m.start : m.end])) for m in self.marks)
        self.used_marks: set[int] = set()  # quote spans already attributed or known to be names
        self.out: list[Attribution] = []
        self._is_name: dict[int, bool] = {}
        self.cues = _all_cues(self.s)
        self.pending: list[tuple[Attribution, Speaker]] = []  # headline descriptors to resolve at the end
        self.last_issuer: Entry | None = None  # who issued the last بيان (for "وفقا للبيان")
        self.issuer_says_at = -1  # end of "بيانا لفلان" right before "قال فيه"
        self._token_counts: Counter | None = None
        self.cue_starts = [c.start for c in self.cues]

    @property
    def token_counts(self) -> Counter:
        """How often each word occurs in the document (built on first use)."""
        if self._token_counts is None:
            self._token_counts = Counter(_TOKEN.findall(self.s))
        return self._token_counts

    # -- quote spans ------------------------------------------------------------------------
    def inside_quote(self, i: int) -> bool:
        k = bisect_right(self.mark_starts, i) - 1
        return k >= 0 and self.closed[k][0] < i <= self.closed[k][1]

    def marks_between(self, a: int, b: int) -> list[int]:
        lo = bisect_left(self.mark_starts, a)
        hi = bisect_left(self.mark_starts, b)
        return list(range(lo, hi))

    def is_name(self, k: int) -> bool:
        """A quoted span that names something rather than quoting it."""
        known = self._is_name.get(k)
        if known is None:
            known = self._is_name[k] = self._name_test(k)
        return known

    def _name_test(self, k: int) -> bool:
        m = self.marks[k]
        inner = self.s[m.start : m.end]
        toks = _TOKEN.findall(inner)
        if not toks:
            return True
        before = self.s[max(0, m.open - 25) : m.open]
        after = self.s[m.end + 1 : m.end + 25] if m.close is not None else ""
        prev = _TOKEN.findall(before)
        prev_word = prev[-1] if prev else ""
        if len(toks) == 1:
            return True
        if len(toks) <= 3 and toks[0] in {"بشكل", "بصوره", "بطريقه"}:
            return True  # نفى "بشكل قاطع": a quoted manner, no statement
        if len(toks) <= 6 and _bare(prev_word) in _TITLES and not _definite(prev_word) and m.close is not None:
            # مدير «المرصد السوري لحقوق الإنسان» رامي عبد الرحمن: the institution a named person heads
            nxt = _TOKEN.findall(self.s, m.end + 1, min(len(self.s), m.end + 30))
            if nxt and nxt[0] in _GIVEN_NAMES:
                return True
        if len(toks) <= 3 and toks[0] in _GIVEN_NAMES and not any(_VERB_FORMS.get(t) for t in toks):
            return True  # الأمريكية "كاثرين مايورغا": a quoted name
        # صحيفة "…"، لقناة "…": an indefinite head in construct names what follows; a definite
        # one (الاتفاق "سيوقع …") is a subject with a quoted predicate.
        head = prev_word[1:] if prev_word[:1] in "وبلف" and prev_word[1:] in _NAME_HEADS else prev_word
        if head in _NAME_HEADS and len(toks) <= 6:
            return True
        if len(toks) <= 6 and prev and _definite(prev[-1]) and before.rstrip().endswith(prev[-1]):
            # شركة المشروبات الشهيرة "…": an indefinite head, then its genitive and adjectives.
            for w in reversed(prev[-4:-1]):
                w = w[1:] if w[:1] in "وبلف" and w[1:] in _NAME_HEADS else w
                if w in _NAME_HEADS:
                    return True
                if not _definite(w):
                    break
        # ما يسمى "…"، ما يعرف بـ"…"، بعنوان "…": a so-called name or a title.
        prev2 = prev[-2] if len(prev) > 1 else ""
        if prev_word in _SO_CALLED or (prev_word == "ب" and prev2 in _SO_CALLED):
            return True
        if (
            prev_word in {"ل", "ب"}
            and before.endswith(prev_word)
            and not _demand_before(self.s, m.open, toks)
            and (prev_word == "ل" or len(toks) <= 3)
        ):
            # لـ«…»، بـ"…": a name governed by a preposition, not a statement (but بـ"تنسيق عال
            # المستوى وبحرفية عالية" is the speaker's words).
            return True
        if re.match(r"\s*و\s*[\"“«]", after) or re.search(r"[\"”»]\s*و\s*$", before):
            return True  # تهم تشمل "…" و"…": a list of quoted terms, not statements
        if len(toks) <= 3:
            if self.quote_counts[" ".join(toks)] > 1:
                return True
            b = before.rstrip()
            a = after.lstrip()
            if b.endswith(("،", ",", "(")) and a.startswith(("،", ",", ")")):
                return True
            nxt = _TOKEN.match(a)
            if nxt and _definite(nxt.group()) and _nisba(nxt.group()) and not _COMP_RE.fullmatch(nxt.group()):
                return True
        return False

    # -- output -----------------------------------------------------------------------------
    def span(self, a: int, b: int) -> Span:
        oa, ob = self.ft.orig(a), self.ft.orig_end(b)
        return Span(oa, ob, self.orig[oa:ob])


_DEMAND_LEMMAS = frozenset(_LEX["demand_lemmas"])


def _demand_before(s: str, pos: int, toks: list[str]) -> bool:
    """طالب X بـ"…"، دعا إلى "…": after a verb of demanding, a quoted clause governed by the
    preposition is the demand itself, not a name (a name this long would be unusual)."""
    if len(toks) < 4:
        return False
    window = s[max(0, pos - 70) : pos]
    cut = max(window.rfind("."), window.rfind("\n"), window.rfind("؛"))
    for m in _CUE_WORD_RE.finditer(window, cut + 1):
        lemma = _VERB_LEMMA.get(m.group(1))
        if lemma in _DEMAND_LEMMAS or m.group(1).startswith(("مطالب", "داعي")):
            return True
    return False


# --------------------------------------------------------------------------------------------
# Noun phrases -> speakers
# --------------------------------------------------------------------------------------------


def _words(s: str, a: int, b: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(s, a, b)]


def _first_words(s: str, a: int, b: int, n: int) -> list[tuple[int, int, str]]:
    """The first ``n`` words of s[a:b], read no further: looks back over a long sentence stay linear."""
    return [(m.start(), m.end(), m.group()) for m in islice(_TOKEN.finditer(s, a, b), n)]


# How far back from a cue its subject, a preposed source or an antecedent may start.
_LOOK_BACK = 300


def _restore_article(s: str, ws: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """وفقا للوزارة: the cue took the first ل of لل; the phrase reads as الوزارة."""
    if ws:
        st, en, w = ws[0]
        if st > 0 and s[st - 1] == "ل" and w.startswith("ل") and (st < 2 or not s[st - 2].isalnum()):
            return [(st, en, "ا" + w), *ws[1:]]
    return ws


def _name_like(words: list[str]) -> bool:
    if not 1 <= len(words) <= 4:
        return False
    first = words[0]
    if _definite(first) or _strip_al(first) in _TITLES or first in _PREPOSITIONS or first in _HEADS:
        return False
    return not any(w in _PREPOSITIONS or w in _HEADS or w in _TITLES for w in words)


def _stops_name(w: str) -> bool:
    return (
        _definite(w)
        or (w.startswith(("وال", "فال")) and len(w) > 4)
        or w in {"كان", "كانت"}
        or w in _DEMONSTRATIVES
        or w in _TIME_WORDS
        or w in _RELATIVES
        or w in _PREPOSITIONS
        or w in {"باسم", "لشوون", "ل"}
        or _bare(w) in _TITLES
        or _bare(w) in _HEADS
        or _lam_definite(w)
        or bool(_COMP_RE.fullmatch(w))
    )


def _ends_name(w: str) -> bool:
    """A word that closes the name before it: a preposition, a complementiser, an addressee (لـ…),
    a time word or a relative pronoun."""
    return (
        w in _PREPOSITIONS
        or w in _TIME_WORDS
        or w in _RELATIVES
        or w in _KIN_AND_TIME_OPENERS
        or (_bare(w) in _TITLES and _bare(w) not in _NAME_TITLES and len(w) > 2)
        or w == "ل"
        or bool(_COMP_RE.fullmatch(w))
        or (w.startswith("ل") and not w.startswith("ال") and len(w) > 2)
    )


def _take_name(words: list[tuple[int, int, str]], i: int, step: int) -> list[tuple[int, int, str]]:
    """Name words from index ``i`` walking by ``step``: two core words at most, more when
    joined by particles (محمد بن عبد الرحمن آل ثاني)."""
    out: list[tuple[int, int, str]] = []
    core = 0
    while 0 <= i < len(words):
        w = words[i][2]
        joined = (
            w in _NAME_PARTICLES
            or (step < 0 and i > 0 and words[i - 1][2] in {"عبد", "ابو"})
            or (step > 0 and out and out[-1][2] in _NAME_PARTICLES)
            or (step > 0 and out and w in _COMPOUND_NAME_TAILS)
            or (step < 0 and i > 0 and w in _COMPOUND_NAME_TAILS and not _stops_name(words[i - 1][2]))
        )
        if not joined:
            last = i == len(words) - 1 or _ends_name(words[i + 1][2])
            family = step > 0 and core <= 1 and bool(out) and _definite(w) and last and w not in _TITLE_ADJECTIVES
            if out and ((_stops_name(w) and not family) or core >= 2):
                break
            if not out and (_stops_name(w) if step > 0 else _stops_name(w) and not _definite(w)):
                break
            core += 1
        out.append(words[i])
        i += step
    if step < 0:
        out.reverse()
    while out and out[-1][2] in _NAME_PARTICLES:
        out.pop()
    while out and out[0][2] in _NAME_PARTICLES - {"عبد", "ابو"}:
        out.pop(0)
    return out


_FUNCTION_WORDS = frozenset(_LEX["function_words"])


def _chain_name(words: list[tuple[int, int, str]], stems=None) -> list[tuple[int, int, str]]:
    """The name after a title's idafa chain: رئيس [هيئة الأركان العامة] علاء الدين منصور،
    النائب [عن كتلة الوفاق الوطني] رامي الشمري. The chain is definite nouns and adjectives,
    ل-complements (لنادي الاتحاد، للدراسات), organisation heads, prepositions with their objects, and
    indefinite construct nouns followed by a definite genitive; the name is the first run of
    indefinite words that ends at a boundary (a preposition, an addressee, a complementiser,
    the phrase end, a function word), with at most one family name carrying the article. When
    several runs qualify the last one wins: the name closes the chain (مديرة برنامج آسيا
    وأوروبا في المعهد لينا مراد)."""
    i, n = 0, len(words)
    after_prep = False
    found: list[tuple[int, int, str]] = []
    while i < n:
        w = words[i][2]
        if w in _PREPOSITIONS:
            i, after_prep = i + 1, True
            continue
        if (
            _definite(w)
            or w.startswith(("وال", "فال"))
            or w == "عام"
            or _lam_definite(w)
            or w in {"باسم", "لشوون"}
            or _BASM_POSSESSIVE.fullmatch(w)
            or _bare(w) in _HEADS
            or _bare(w) in _TITLES
            or (_attached_prep(w, stems) and i + 1 < n)
            # An indefinite adjective agrees with an indefinite noun before it (مسؤول عسكري).
            or (
                _nisba(w)
                and not after_prep
                and i > 0
                and not _definite(words[i - 1][2])
                and not (i + 1 < n and not _stops_name(words[i + 1][2]))
            )
        ):
            i, after_prep = i + 1, False
            continue
        if w in _FUNCTION_WORDS or _COMP_RE.fullmatch(w) or _media_addressee(w, words[i + 1][2] if i + 1 < n else ""):
            return found
        if w in _NAME_PARTICLES:
            run = _take_name(words, i, 1)
            j = i + len(run)
        else:
            j = i
            while (
                j < n
                and j - i < 4
                and words[j][2] not in _FUNCTION_WORDS
                and not (j > i and _addressee_word(words[j][2], stems))
                and (
                    not _stops_name(words[j][2])
                    or (j > i and words[j][2] in _COMPOUND_NAME_TAILS)
                    or (j > i and words[j - 1][2] in {"بن", "ابن", "بنت"})  # عبدالله بن مساعد
                )
            ):
                j += 1
            run = words[i:j]
        if not run:
            return found
        if len(run) >= 3 and i > 0 and _bare(words[i - 1][2]) in _HEADS and not _definite(words[i - 1][2]):
            run = run[1:]  # مركز بروكينغز سارة يونس: the word after the head names the centre
        nxt = words[j][2] if j < n else None
        boundary = nxt is None or _ends_name(nxt) or nxt in _FUNCTION_WORDS
        closer = nxt
        if not after_prep and boundary:
            found = run
        elif nxt is not None and _definite(nxt) and not after_prep and nxt not in _TITLE_ADJECTIVES:
            after = words[j + 1][2] if j + 1 < n else None
            if after is None or _ends_name(after) or after in _FUNCTION_WORDS:
                found = words[i : j + 1]  # رامي الشمري: a family name with the article
                closer = after
        if found and (closer is None or closer in _FUNCTION_WORDS or closer not in _PREPOSITIONS):
            return found  # closed by an addressee (لإذاعة …)، a complementiser or the end
        if nxt is None or nxt in _FUNCTION_WORDS or _COMP_RE.fullmatch(nxt):
            return found
        # A construct noun (قسم الجراحة، كتلة الوفاق) or a preposition's object: chain goes on.
        i, after_prep = j, False
    return found


def _media_addressee(w: str, nxt: str) -> bool:
    """لفوكس نيوز، لبي بي سي، لواشنطن بوست: ل before a medium the statement was given to."""
    if not w.startswith("ل") or w.startswith("ال") or len(w) < 3:
        return False
    return w[1:] in _MEDIA_FIRST_WORDS or _strip_al(w[1:]) in _MEDIA_FIRST_WORDS or nxt in _MEDIA_TAILS


def _tail_name(words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A personal name ending a title phrase (… لشؤون الطاقة سامي الخطيب)."""
    if not words:
        return []
    out = _take_name(words, len(words) - 1, -1)
    if len(out) == 1 and _definite(out[0][2]):
        return []  # الرئيس الفرنسي: a description, no name
    return out


def _attached_prep(word: str, stems) -> bool:
    """بعمّان، لنادي: ب/ل attached to a noun the document also writes on its own (or to an
    organisation head) — a prepositional phrase, not a name that begins with ب/ل (بشار، لينا)."""
    if len(word) < 4 or word[0] not in "بل" or word.startswith("ال"):
        return False
    rest = word[1:]
    return _bare(rest) in _HEADS or (stems is not None and stems.get(rest, 0) > 0)


def _addressee_word(word: str, stems) -> bool:
    """لدويتشه فيله، لسبوتنيك: ل before a word the document also writes without it."""
    if len(word) < 3 or word[0] != "ل" or word.startswith("ال"):
        return False
    rest = word[1:]
    return _bare(rest) in _HEADS or (stems is not None and stems.get(rest, 0) > 0)


def _opens_with_addressee(d: _Doc, words: list[tuple[int, int, str]]) -> bool:
    """لبي بي سي، لصحيفة، للصحفيين، لفوكس نيوز: ل joined to a medium or to a word the document
    also writes without it."""
    w = words[0][2]
    if len(w) < 3 or w[0] != "ل" or w.startswith("ال") or d.inside_quote(words[0][0]):
        return False
    rest = "ال" + w[2:] if w.startswith("لل") else w[1:]
    nxt = words[1][2] if len(words) > 1 else ""
    return (
        rest in _MEDIA_FIRST_WORDS
        or _strip_al(rest) in _MEDIA_FIRST_WORDS
        or nxt in _MEDIA_TAILS
        or _addressee_word(w, d.token_counts)
    )


def _subject_word(d: _Doc, word: tuple[int, int, str]) -> bool:
    """A word that can open a subject: a title, a source, an organisation or a known name."""
    w = word[2]
    if d.inside_quote(word[0]):
        return False
    return (
        _bare(w) in _TITLES
        or w in _UNNAMED
        or _group_head(w)
        or (_definite(w) and _bare(w) in _HEADS)
        or d.registry.resolve_name(w) is not None
        or _person_in(d, word[0], word[1])
    )


def _name_after_title(words: list[tuple[int, int, str]], stems=None) -> list[tuple[int, int, str]]:
    """The name after a title and its complement: (المتحدث) باسم الجيش الإسرائيلي دانيال هاغاري …"""
    i = 0
    while i < len(words) and (
        _definite(words[i][2])
        or words[i][2] in {"باسم", "لشوون", "العام"}
        or _lam_definite(words[i][2])
        or (i > 0 and i + 1 < len(words) and _attached_prep(words[i][2], stems))
        or (i > 0 and words[i][2].startswith("وال") and len(words[i][2]) > 4)  # العلاقات العامة والإعلام
        # المشرف على برنامج "إحالتي" سليمان الشريع: the title's complement
        or (words[i][2] in {"علي", "في"} and i + 1 < len(words) and _bare(words[i + 1][2]) in _HEADS)
        or (i > 0 and words[i - 1][2] in {"علي", "في"} and _bare(words[i][2]) in _HEADS)
    ):
        i += 1
    if i == 0 or i >= len(words):
        return []
    # A run ended by a preposition, an indirect object or the phrase end is the whole name
    # (كارين جان بيير للصحفيين); a longer run is cut to two words (هاغاري وجود أي اتفاق).
    j = i
    while (
        j < len(words)
        and (
            not _stops_name(words[j][2])
            or (j > i and words[j][2] in _COMPOUND_NAME_TAILS)
            or (j > i and words[j - 1][2] in {"بن", "ابن", "بنت"})  # عبدالله بن مساعد
        )
        and j - i < 4
    ):
        j += 1
    run = words[i:j]
    # Compound names (عبد الله، نور الدين): _take_name knows them.
    particles = any(w[2] in _NAME_PARTICLES or w[2] in _COMPOUND_NAME_TAILS for w in run)
    if 1 <= len(run) <= 3 and not particles and (j == len(words) or _stops_name(words[j][2])):
        if (
            j < len(words)
            and _definite(words[j][2])
            and words[j][2] not in _TITLE_ADJECTIVES
            and (j + 1 == len(words) or _ends_name(words[j + 1][2]))
        ):
            run = words[i : j + 1]  # a family name with the article ends the phrase
        return run if not any(_bare(w[2]) in _HEADS for w in run) else []
    name = _take_name(words, i, 1)
    return name if name and not any(_bare(w[2]) in _HEADS for w in name) else []


def _head_info(word: str):
    w = _strip_al(word)
    if w in _HEADS:
        return _HEADS[w]
    return None


def _quantified_relative(words: list[tuple[int, int, str]], i: int) -> bool:
    """أحد الذين يتلاعبون بالنتائج: a relative right after a quantifier is all its description, so
    it does not end the phrase."""
    return i == 1 and words[1][2] in _RELATIVES and words[0][2] in _QUANTIFIERS


def _cut_adjuncts(d: _Doc, words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop what follows the subject: في بيان، خلال، لوسائل إعلام، أمس، على منصته …"""
    for i, (a, _b, w) in enumerate(words):
        if i == 0:
            continue
        nxt = words[i + 1][2] if i + 1 < len(words) else ""
        if _quantified_relative(words, i):
            continue
        if w in _TIME_WORDS or w in _RELATIVES or (w in _PERIOD_NOUNS and nxt in _PERIOD_ADJECTIVES):
            return words[:i]
        if "(" in d.s[words[i - 1][1] : a]:
            return words[:i]
        if _media_addressee(w, nxt):
            return words[:i]
        if w == "لدي" and i + 1 < len(words) and (_bare(words[i + 1][2]) in _HEADS or _definite(words[i + 1][2])):
            continue  # الخبيرة لدى معهد …، السفيرة لدى الأمم المتحدة: the title, not "on his arrival"
        if w in {
            "خلال",
            "عبر",
            "اثناء",
            "لدي",
            "امام",
            "عقب",
            "امس",
            "اليوم",
            "مساء",
            "صباح",
            "يوم",
            "ل",
            "وهو",
            "وهي",
            "وهم",
        }:
            return words[:i]
        # Folding merges على (on) with the name علي; the original spelling tells them apart. (المشرف
        # على برنامج …: after a title, على and a head noun are the title's complement.)
        title_pp = i == 1 and _bare(words[0][2]) in _TITLES and _bare(nxt) in _HEADS
        if w == "علي" and d.orig[d.ft.orig(a + 2) : d.ft.orig(a + 2) + 1] == "ى" and not title_pp:
            return words[:i]
        if w == "في" and i + 1 < len(words) and _strip_al(words[i + 1][2]) in _COMM_NOUNS:
            return words[:i]
        if w.startswith("ل") and not w.startswith("ال") and len(w) > 3:
            rest = w[1:]
            # المدير العام لإدارة العلاقات …: after a title the ل-phrase is its genitive.
            # (المرشح لرئاسة الاتحاد too; but الوزير للجنة: to the committee.)
            of_title = (
                (i >= 2 or not w.startswith("لل"))
                and _bare(words[0][2]) in _TITLES
                and all(_definite(x[2]) or _bare(x[2]) in _TITLES for x in words[1:i])
            )
            if (_strip_al(rest) in _HEADS and not of_title) or _strip_al(rest) in _COMM_NOUNS or rest.startswith("لصح"):
                return words[:i]
        if w.startswith("لل") and _strip_al("ال" + w[2:]) in {"صحفيين", "صحافيين", "اعلام", "صحافه"}:
            return words[:i]
    return words


def _segments(s: str, a: int, b: int) -> list[tuple[int, int]]:
    out, start = [], a
    for m in re.finditer(r"[،,]", s[a:b]):
        out.append((start, a + m.start()))
        start = a + m.end()
    out.append((start, b))
    return [(x, y) for x, y in out if s[x:y].strip()]


def _plausible(d: _Doc, sp: Speaker | None) -> Speaker | None:
    """A parsed phrase that cannot be someone who speaks (كما، والذي راح ضحيته، بالنقاشات، لمناقشة
    اللعبة، مؤخرا، ما نصه، 55 عاما) is no speaker."""
    if sp is None or sp.entry is not None or sp.pronoun:
        return sp
    ws = _words(d.s, sp.start, sp.end)
    if not ws:
        return sp
    if any(ch.isdigit() for x in ws for ch in x[2]):
        return None  # قبلنا 11 ألف: numbers are no part of a name
    if all(len(x[2]) < 2 for x in ws):
        return None  # و أستطرد: a letter left alone
    if any(x[2] in _DEMONSTRATIVES or x[2] in {"ما", "لا", "لم", "لن"} for x in ws[1:]):
        return None  # ولتحقيق ذلك، ونضحك حسب ما سطروه: a clause, not a name
    if all(_possessive(d, x) for x in ws):
        return None  # هويتها- لنشرها: possessed nouns only
    w = ws[0][2]
    if (
        len(ws) == 1
        and not _definite(w)
        and _original_ends_ta(d, ws[0])
        and w not in _GIVEN_NAMES
        and _bare(w) not in _HEADS
        and _bare(w) not in _TITLES
        and not _group_head(w)
        and d.registry.resolve_name(w) is None
    ):
        return None  # ولا يعتبر خسارة للاتحاد: a feminine common noun alone is no speaker
    if (
        len(w) == 5
        and w[0] == "و"
        and w not in _GIVEN_NAMES
        and d.orig[d.ft.orig_end(ws[0][1]) - 1 : d.ft.orig_end(ws[0][1])] == "ت"
    ):
        return None  # وظهرت صور: و and a verb in the feminine past
    if _strip_al(w) in _COMM_NOUNS and _strip_al(w) not in _DOCUMENT_NOUNS and not d.inside_quote(ws[0][0]):
        return None  # وصفت تصريحات كريغر: the words said, not who said them
    if (
        _closed_class(w)
        or w[1:] in _RELATIVES
        or w.startswith(("بال", "لل"))
        or any(ch.isdigit() for ch in w)
        # موجها حديثه: a circumstantial participle (but مايورغا, a name the article knows)
        or (w.startswith("م") and w.endswith("ا") and len(w) >= 5 and sp.entry is None)
        # ودعم، وتوليه، ونقلا: و joining a word the document also writes alone, not a name
        or (w[:1] == "و" and len(w) > 3 and d.token_counts.get(w[1:], 0) > 0 and d.registry.resolve_name(w) is None)
        # وفيما، وحسب، ووصفه، ويثق: و before a word that cannot open a name
        or (w[:1] == "و" and len(w) > 2 and _joined_non_name(w[1:]) and d.registry.resolve_name(w) is None)
        or (
            w.startswith("ل")
            and not w.startswith("ال")
            and d.s[sp.start - 1 : sp.start] != "ل"
            and _original_ends_ta(d, ws[0])
            and w not in _HEADS  # لجنة المشاريع: a head that opens with ل
            and w not in _TITLES
        )
    ):
        return None
    return sp


def _closed_class(w: str) -> bool:
    """Discourse, adverb, relative, time, preposition or function word: none opens a name."""
    return (
        w in _NOT_SPEAKER_START
        or w in _ADVERBS
        or w in _RELATIVES
        or w in _TIME_WORDS
        or w in _PREPOSITIONS
        or w in _FUNCTION_WORDS
    )


def _joined_non_name(w: str) -> bool:
    """What may follow و in a word that is no name: a closed-class word or a verb (ويثق، ولتحقيق)."""
    return (
        _closed_class(w)
        or w in _VERB_FORMS
        or w in {"حسب", "بحسب", "وفق", "وفقا", "طبقا"}
        or (w[:1] in "لب" and w[1:] in _VERB_FORMS)
    )


def _original_ends_ta(d: _Doc, word: tuple[int, int, str]) -> bool:
    """The word ends with ة as written (folding writes it ه): a feminine noun, not a name."""
    end = d.ft.orig_end(word[1])
    return d.orig[end - 1 : end] == "ة"


def parse_speaker(d: _Doc, a: int, b: int, cue: Cue) -> Speaker | None:
    """The subject noun phrase in s[a:b] (between a cue and its complementiser)."""
    sp = _plausible(d, _parse_speaker(d, a, b, cue))
    if cue.objectish and sp is not None and sp.descriptor and sp.entry is None:
        # انتقدت الوزيرة سعاد الكردي الحملة: the verb's object follows the subject, and the name
        # is lost in the longer span; a shorter span that names someone wins.
        ws = _words(d.s, a, b)[:6]
        for k in range(len(ws) - 1, 1, -1):
            short = _plausible(d, _parse_speaker(d, a, ws[k - 1][1], cue))
            if short is not None and short.kind == "person" and not short.descriptor:
                return short
    return sp


_ANONYMITY_RE = re.compile(
    r"[وف]?(?:طلب|طلبت|طلبوا|طالبا|طالبه|طالبين|رفض|رفضت|رفضوا|رافضا|رافضه|رافضين|فضل|فضلت|مفضلا|مفضله)\s+"
    r"(?:عدم\s+)?(?:الكشف\s+عن|كشف|ذكر|نشر|الافصاح\s+عن)\s+(?:اسم|هوي)"
    r"|لم\s+(?:يتم\s+)?(?:تسميت|يسم|يذكر\s+اسم|تذكر\s+اسم|يكشف\s+عن\s+(?:اسم|هوي))"
)


def _parse_speaker(d: _Doc, a: int, b: int, cue: Cue) -> Speaker | None:
    s = d.s
    # A subject phrase is short; the cap keeps a cue without a statement from reading on.
    b = min(b, a + 160)
    # Trailing prepositions that belong to the verb (أشار إلى أنّ، تحدث عن).
    words = _words(s, a, b)
    for k in range(1, len(words) - 1):
        if (words[k][2] in {"ردا", "تعليقا", "تعقيبا"} and words[k + 1][2] == "علي") or _ANONYMITY_RE.match(
            s, words[k][0], b
        ):
            # قالت الوزيرة ردا على سؤال، مسؤول رفض الكشف عن هويته: an adjunct or a request for
            # anonymity ends the subject.
            b = words[k][0]
            words = words[:k]
            break
    while words and words[-1][2] in {"الي", "عن", "ب", "علي", "في", "من", "بالقول"}:
        b = words[-1][0]
        words = words[:-1]
    if not words:
        return None
    # د. / م. / أ. (doctor, engineer, professor) before a name: a title, never the name.
    if len(words) > 1 and words[0][2] in {"د", "م", "ا"} and s[words[0][1] : words[0][1] + 1] == ".":
        a = words[1][0]
        words = words[1:]
    # أكد لـ«عكاظ» وزير التعليم …: the addressee before the subject is skipped.
    if words[0][2] == "ل" and len(words) > 1:
        a = _quoted_after(d, words[0][1]) or words[1][1]
        words = _words(s, a, b)
        if not words:
            return None
    if cue.kind in {"verb", "part"} and _opens_with_addressee(d, words):
        # قال لبي بي سي إن، أكد لصحيفة الشرق وزير التعليم: the medium spoken to is skipped; with
        # no subject after it, the subject is dropped.
        k = next((k for k in range(1, len(words)) if _subject_word(d, words[k])), None)
        if k is None:
            return None
        a = words[k][0]
        words = words[k:]
    # قلل مسؤول أوروبي من …: a verb of another clause before a title; the subject follows it.
    if (
        len(words) > 2
        and 3 <= len(words[0][2]) <= 6
        and not _definite(words[0][2])
        and not _definite(words[0][2][1:])
        and d.registry.resolve_name(words[0][2]) is None
        and _bare(words[0][2]) not in _TITLES | _HEADS.keys()
        and words[0][2] not in _UNNAMED  # مصدر مسؤول في الحركة
        and (_bare(words[1][2]) in _TITLES or words[1][2] in _UNNAMED or _group_head(words[1][2]))
        and "،" not in s[words[0][1] : words[1][0]]
    ):
        a = words[1][0]
        words = words[1:]
    segs = _segments(s, a, b)
    # Drop adjunct segments (، خلال مؤتمر صحافي،) and quoted-name-free empties.
    kept = []
    for x, y in segs:
        ws = _restore_article(s, _words(s, x, y))
        # قال فيه/لها/عنه X: a pronoun-carrying preposition before the subject is skipped.
        while ws and ws[0][2] in _PRONOUN_PPS:
            x = ws[0][1]
            ws = ws[1:]
        if not ws:
            continue
        # أمام أعضاء البرلمان (in front of) and إمام (imam) fold alike; the hamza tells them apart.
        in_front = ws[0][2] == "امام" and d.orig[d.ft.orig(ws[0][0]) : d.ft.orig(ws[0][0]) + 1] == "أ"
        if (ws[0][2] in _ADJUNCT_OPENERS or in_front) and not any(d.inside_quote(w[0]) for w in ws):
            continue
        if all(w[2] in _TIME_WORDS for w in ws):
            continue  # قال لـ"الاقتصادية" أمس، اللواء …: a time word alone is no subject
        kept.append((x, y, ws))
    if not kept:
        return None
    x, y, ws = kept[0]
    uncut = len(ws)
    ws = _cut_adjuncts(d, ws)
    # نفت قوات الحماية الشعبية في بيان …: an adjunct closes the subject, so no object follows it.
    objectish = cue.objectish and (len(ws) == uncut or len(kept) > 1)
    y = ws[-1][1] if len(kept) == 1 else y
    # A pronoun object is not a subject: أكدوا له، قال لها.
    if len(kept) == 1 and len(ws) == 1 and _indirect_object(d, ws[0][2]):
        return None
    # A quoted name as (part of) the subject: قالت "الأخبار اليومية"، صحيفة "الشروق" المحلية.
    for k in d.marks_between(x, ws[-1][1] + 1):
        m = d.marks[k]
        before = _words(s, x, m.open)
        if s[m.open - 1 : m.open] in {"ب", "ل"} or len(before) > 4:
            continue  # ما وصفه بـ"…": a complement further on, not the subject's name
        if any(w[2] in _PREPOSITIONS for w in before):
            continue  # قال ترامب في برنامج "60 دقيقة"، آرون شتاين من مركز "…": a complement
        title_at = next((k for k in range(1, len(before)) if _bare(before[k][2]) in _TITLES), None)
        if title_at is not None and not any(
            _bare(w[2]) in _TITLES or _bare(w[2]) in _HEADS or _closed_class(w[2]) for w in before[:title_at]
        ):
            continue  # آلان دوهاز رئيس مجموعة "أديكو": the quoted name completes the title
        inner = _TOKEN.findall(s, m.start, m.end)
        if inner and inner[0] in _NOT_SPEAKER_START:
            continue  # نفى مسؤول "بشكل قاطع": a quoted adverb, not a name
        head = _bare(before[-1][2]) if before else ""
        if len(inner) == 1 and _definite(inner[0]) and _nisba(inner[0]) and head not in _NAME_HEADS:
            continue  # كتبت "التويترية" نورة …: a quoted description, not the name
        after = _entity_in(d, m.end, ws[-1][1]) if m.close is not None else None
        gap_words = _TOKEN.findall(d.s, m.close + 1, after[1]) if after is not None else []
        # (المدير التنفيذي لفرع "واعي" بالرياض عبدالعزيز …: a place with ب or في may come between.)
        place_gap = len(gap_words) <= 2 and all(w[:1] == "ب" or w == "في" for w in gap_words)
        if after is not None and after[0] == "PER" and place_gap:
            # المستشارة القانونية لمجموعة "بي إن" صوفي جوردان: the quoted name is the title's
            # complement, the person named after it speaks.
            return _named(d, s[after[1] : after[2]], after[1], after[2], "person", "person", None, cue, s[x : after[1]])
        d.used_marks.add(k)
        if ws[0][0] < m.open and _bare(ws[0][2]) in _TITLES:
            title_words = _words(s, ws[0][0], m.open)
            if len(title_words) >= 3:
                # المتحدث باسم الجماعة "قاري حمزة": after a complete title the quoted words are the name.
                inner = _TOKEN.findall(s, m.start, m.end)
                if 1 <= len(inner) <= 4 and not any(_bare(w) in _HEADS for w in inner):
                    return _named(d, s[m.start : m.end], m.start, m.end, "person", "person", None, cue, s[x : m.open])
            break  # مراسل «…»، رئيس "…": the quoted name is the title's complement, not the speaker
        head = _head_info(ws[0][2]) if ws[0][0] < m.open else None
        category, kind, gender = head or (None, "media" if cue.gender == "f" else None, None)
        return _named(d, s[m.start : m.end], m.start, m.end, kind, category, gender, cue, s[x:y])
    # Apposition: description، Name، -> Name.
    # (Not when the first part is itself a name: جوردان بيكفورد، حارس مرمى إنجلترا.)
    first_is_name = _name_like([w[2] for w in ws]) and len(ws) >= 2
    # (Nor when the first part is an organisation: أعلن الجيش، صباح الإثنين، اعتقال …)
    org_first = _bare(ws[0][2]) in _HEADS and _bare(ws[0][2]) not in _TITLES
    if len(kept) > 1 and not first_is_name:
        for x2, y2, ws2 in kept[1:]:
            if org_first and not (_bare(ws2[0][2]) in _TITLES or _person_in(d, ws2[0][0], ws2[-1][1])):
                continue  # unless a title or a person's name says so (مجلس الوزراء، الدكتور أحمد …)
            if _media_addressee(ws2[0][2], ws2[1][2] if len(ws2) > 1 else "") or _indirect_object(d, ws2[0][2]):
                continue  # شركة فيسبوك، لبي بي سي، إن: the medium it spoke to
            # ، الدكتورة منى سالم،: a title before the appositive name is description.
            while len(ws2) > 1 and (_bare(ws2[0][2]) in _TITLES or ws2[0][2] in _RANK_ADJECTIVES):
                ws2 = ws2[1:]  # اللواء الركن حسين الحواتمة
            x2 = ws2[0][0]
            # ، عيسى قراقع مساء أمس الجمعة: the name ends before a time word.
            cut = next((k for k in range(1, len(ws2)) if ws2[k][2] in _TIME_WORDS), len(ws2))
            if cut < len(ws2):
                ws2 = ws2[:cut]
                y2 = ws2[-1][1]
            names = [w[2] for w in ws2]
            if _name_like(names):
                desc = s[x:y]
                return _named(d, s[x2:y2].strip(), ws2[0][0], ws2[-1][1], "person", "person", None, cue, desc)
    if len(kept) > 1:
        # Name، description: مارتن غريفيث، وكيل الأمين العام …
        names = [w[2] for w in ws]
        second = kept[1][2]
        if _name_like(names) and len(names) >= 2 and _bare(second[0][2]) in _TITLES:
            return _named(
                d,
                s[x:y].strip(),
                ws[0][0],
                ws[-1][1],
                "person",
                "person",
                None,
                cue,
                s[kept[1][0] : kept[1][1]],
            )
    ws = _cut_adjuncts(d, ws)
    first = ws[0][2]
    bare = _strip_al(first)
    if first in {"الاخير", "الاخيره"} and len(ws) == 1:
        # قال الأخير: the latter, the person named last (as speaker or not).
        latter = _last_person_named(d, ws[0][0])
        if latter is not None:
            return latter
        sp = _pronoun(d, "f" if first.endswith("ه") else "m", False, ws[0][0])
        sp.start, sp.end = ws[0][0], ws[0][1]
        return sp
    if first in _HONORIFICS:
        # وشدد سموه، أكد معاليه: an honorific pronoun refers back to the person.
        g, _pl = _PRONOUN_SUFFIX["ها" if first.endswith("ها") else "ه"]
        sp = _pronoun(d, g, False, ws[0][0])
        sp.start, sp.end = ws[0][0], ws[0][1]
        return sp
    if _definite(first) and bare in _STATEMENT_NOUNS and len(ws) <= 2 and d.last_issuer is not None:
        return _issuer(d, ws[0][0])  # وأضاف البيان، وفقا للبيان: its issuer
    if bare in _DOCUMENT_NOUNS and len(ws) > 1:
        # بيان للمؤسسة العربية …، تقرير صادر عن مجلس الذهب: the issuer speaks.
        k = 1
        while k < len(ws) and (_nisba(ws[k][2]) or _strip_al(ws[k][2]) in {"احدث", "اخر", "جديد"}):
            k += 1
        if (
            k + 1 < len(ws)
            and ws[k][2] in {"صادر", "صادره", "صدر", "الصادر", "الصادره"}
            and ws[k + 1][2] in {"عن", "من"}
        ):
            k += 2
        elif k + 1 < len(ws) and ws[k][2] in _PREPARED_BY:
            k += 1  # دراسة أعدتها مؤسسة …: who prepared it speaks
        if k < len(ws) and ws[k][2].startswith("ل") and not ws[k][2].startswith("ال") and len(ws[k][2]) > 3:
            rest = _restore_article(s, [(ws[k][0] + 1, ws[k][1], ws[k][2][1:]), *ws[k + 1 :]])
            return _parse_speaker(d, rest[0][0], ws[-1][1], cue) if rest else None
        if k < len(ws) and k > 1:
            return _parse_speaker(d, ws[k][0], ws[-1][1], cue)
    # Entity from the NER backend, when there is one inside the phrase.
    ent = _entity_in(d, ws[0][0], ws[-1][1])
    if ent is not None and ent[0] != "PER" and ent[1] > ws[0][0]:
        ent = None  # المسؤول في مجلس …: an organisation inside a description is not the speaker
    if ent is not None and d.inside_quote(ent[1]) and _bare(ws[0][2]) in _TITLES and ent[1] > ws[0][0]:
        ent = None  # قال محامي "كريستيانو رونالدو": the quoted name completes the title
    before_ent = [w for w in ws if w[1] <= ent[1]] if ent is not None else []
    if ent is not None and any(
        w[2] in _OBJECT_MASDARS or (len(before_ent) > 4 and _possessive(d, w) and d.registry.resolve_name(w[2]) is None)
        for w in before_ent
    ):
        ent = None  # نفى مسؤول … تورط بلاده في اختفاء الكاتب جمال خاشقجي: a name inside the object
    if ent is not None:
        label, ea, eb = ent
        kind = {"PER": "person", "ORG": "organisation", "GPE": "government", "LOC": "government"}.get(label)
        return _named(d, s[ea:eb], ea, eb, kind, "person" if kind == "person" else None, None, cue, s[x:y])
    # عدد من المواطنين، مئات المتظاهرين الأردنيين، أحد الدعاة، بعض الدعاة ورجال الدين: a group.
    if len(ws) > 2 and _quantified_relative(ws, 1):
        # أحد الذين يتلاعبون بنتائج المباريات: the relative clause is the whole description.
        end = _name_end(d, ws[0][0], ws[-1][1], "unnamed")
        return _named(d, s[ws[0][0] : end], ws[0][0], end, "unnamed", "unnamed", cue.gender, cue, "")
    if first in _QUANTIFIERS and len(ws) > 1:
        k = 2 if ws[1][2] == "من" and len(ws) > 2 else 1
        if _definite(ws[k][2]) or _group_head(ws[k][2]):
            k += 1
            while (
                k < len(ws)
                and (
                    _nisba(ws[k][2])
                    or (_definite(ws[k][2]) and ws[k - 1][2].startswith("و"))
                    or (ws[k][2].startswith("وال") and k + 1 <= len(ws))
                    # أحد المسؤولين السابقين الكبار: plural adjectives
                    or (_definite(ws[k][2]) and (ws[k][2].endswith(("ين", "ون")) or ws[k][2] == "الكبار"))
                )
                and ws[k][2] not in _PREPOSITIONS
                and _strip_al(ws[k][2]) not in _COMM_NOUNS
            ):
                k += 1
            k = _complement_end(d, ws, k)  # أحد العاملين في المستشفى العسكري
            single = first in {"احد", "احدي"}
            return _named(
                d,
                s[ws[0][0] : ws[k - 1][1]],
                ws[0][0],
                ws[k - 1][1],
                "unnamed" if single else "group",
                "unnamed" if single else "group",
                ("f" if first == "احدي" else "m") if single else None,
                cue,
                "",
                plural=not single,
            )
    # Unnamed sources: مصدر أمني مصري، مصادر مطلعة.
    if first in _UNNAMED or _group_head(first):
        k = 1
        if first.endswith(("و", "ي")) and k < len(ws) and not _definite(first):
            # مسؤولو جهاز الإطفاء: a plural in construct takes its genitive.
            while k < len(ws) and k < 4 and ws[k][2] not in _PREPOSITIONS and not _COMP_RE.fullmatch(ws[k][2]):
                k += 1
                if _definite(ws[k - 1][2]):
                    break
        elif (
            first in _UNNAMED
            and k < len(ws)
            and _definite(ws[k][2])
            and not _nisba(ws[k][2])
            and _strip_al(ws[k][2]) not in _COMM_NOUNS
            and not d.inside_quote(ws[k][0])
        ):
            k += 1  # مصادر الجزيرة في غزة: the sources of whom the genitive names
        elif first not in _UNNAMED and not first.endswith(("ون", "ين", "ات")) and not _definite(first):
            # رجال أعمال، أصحاب الناقلات، أعضاء مجلس الشورى: a broken plural in construct.
            for _ in range(2):
                if k >= len(ws) or ws[k][2] in _PREPOSITIONS or _COMP_RE.fullmatch(ws[k][2]) or _nisba(ws[k][2]):
                    break
                k += 1
                if _definite(ws[k - 1][2]):
                    break
        while k < len(ws) and (_nisba(ws[k][2]) or ws[k][2] in {"عيان"}) and ws[k][2] not in _PREPOSITIONS:
            k += 1
        while k < len(ws) and ws[k][2][:1] == "و" and _group_head(ws[k][2][1:]):
            k += 1  # مسؤولون وخبراء اقتصاديون
            while k < len(ws) and _nisba(ws[k][2]) and ws[k][2] not in _PREPOSITIONS:
                k += 1
        k = _complement_end(d, ws, k)
        phrase = s[ws[0][0] : ws[k - 1][1]]
        plural = _UNNAMED.get(first, True)
        kind = "unnamed" if first in _UNNAMED else "group"
        plural = plural or kind == "group"
        return _named(
            d, phrase, ws[0][0], ws[k - 1][1], kind, kind, "m" if not plural else None, cue, "", plural=plural
        )
    if _definite(first) and bare in _UNNAMED and len(ws) <= 3:
        # المصدر، المصادر: the source named before.
        return _descriptor(d, ws, "person", None, cue, s[ws[0][0] : ws[-1][1]])
    if _definite(first) and (bare in _GROUP_HEADS or (bare.endswith(("ون", "يين")) and len(bare) > 5)):
        k = 1
        while k < len(ws) and _nisba(ws[k][2]):
            k += 1
        return _named(
            d,
            s[ws[0][0] : ws[k - 1][1]],
            ws[0][0],
            ws[k - 1][1],
            "group",
            "group",
            None,
            cue,
            "",
            plural=True,
        )
    # Title + name, or a definite descriptor that refers back (المسؤول في …، الصحيفة).
    if bare in _TITLES:
        fem = "f" if bare.endswith("ه") else None
        k = 1
        while (
            k < len(ws)
            and ws[k - 1][2] != "المستوي"
            and ws[k][2] not in _OBJECT_MASDARS
            and (
                (_nisba(ws[k][2]) and not _definite(ws[k][2]))
                or (ws[k][2] == "المستوي" and ws[k - 1][2] in {"رفيع", "رفيعه", "عالي", "عاليه"})  # رفيع المستوى
            )
        ):
            k += 1
        # The adjectives must close the phrase (or meet a preposition): in "د. سامي النجار" the
        # nisba-looking word is a first name followed by the family name.
        closes = (
            k == len(ws)
            or ws[k][2] in _PREPOSITIONS
            or (ws[k][2][:1] == "ل" and not _definite(ws[k][2]))
            or ws[k][2] in _NOT_SPEAKER_START  # مسؤول سعودي رفيع المستوى بشكل قاطع
            or ws[k][2] in _OBJECT_MASDARS
            or ws[k - 1][2] == "المستوي"  # رفيع المستوى closes the description
            or d.inside_quote(ws[k][0])
        )
        if not _definite(first) and k > 1 and closes and len(bare) > 1:
            # مسؤول أميركي، دبلوماسي غربي: an indefinite title with adjectives is an unnamed source.
            return _unnamed_source(d, ws, k, fem, cue)
        poss = _BASM_POSSESSIVE.fullmatch(ws[1][2]) if len(ws) > 1 else None
        if poss is not None:
            # المتحدث باسمها (ناصر كنعاني): a name after it is the speaker; without one, the
            # spokesperson of the organisation the pronoun points to.
            tail = _name_after_title(ws[2:], d.token_counts) or (_take_name(ws, 2, 1) if len(ws) > 2 else [])
            if not tail:
                g, pl = _PRONOUN_SUFFIX[poss.group(1)]
                org = d.registry.resolve_pronoun(g, pl, before=ws[0][0], kinds=("government", "organisation", "media"))
                title_text = d.span(ws[0][0], ws[0][1]).text
                name = f"{title_text} باسم {org.name}" if org is not None else d.span(ws[0][0], ws[1][1]).text
                return Speaker(name, ws[0][0], ws[1][1], "unnamed", "unnamed", "", fem or "m")
        else:
            stems = d.token_counts
            # A quoted name inside the chain (في مصرف "الأمل") belongs to the description.
            chain = [w for w in ws[1:] if not d.inside_quote(w[0])]
            tail = _name_after_title(chain, stems) or _chain_name(chain, stems) or _tail_name(chain)
            while tail and tail[-1][2] in _TITLE_ADJECTIVES:
                tail = tail[:-1]  # مدرب برشلونة السابق: the adjective belongs to the title
            if tail and not _definite(first) and chain and tail[0] is chain[0] and len(tail) in (1, 3):
                # مدرب برشلونة، كابتن إنجلترا هاري كين: the word after a title in construct is its
                # genitive, not the first word of a name.
                tail = tail[1:]
            if not tail and len(chain) == 1 and _definite(chain[0][2]):
                known = d.registry.resolve_name(chain[0][2])
                if known is not None and known.kind == "person":
                    tail = chain  # الدكتور الحباشنة: the title and a surname named before
            if objectish and len(tail) > 2 and _definite(tail[-1][2]) and not tail[-1][2].endswith("ي"):
                # وصف الوزير سامي عادل القرار بأنه: القرار is the object; but a title names a
                # person with two words at least, so in دعا رئيس المجلس سليم الزعنون إلى the
                # article starts the family name.
                tail = tail[:-1]
        if tail:
            return _named(
                d,
                s[tail[0][0] : tail[-1][1]],
                tail[0][0],
                tail[-1][1],
                "person",
                "person",
                fem,
                cue,
                s[ws[0][0] : tail[0][0]],
            )
        k = 1
        while k < len(ws) and _nisba(ws[k][2]) and not _definite(ws[k][2]):
            k += 1
        if k < len(ws) and ws[k][2] == "باسم":
            # متحدث باسم الشرطة: the spokesman's institution belongs to the description.
            k += 1
            if k < len(ws) and d.inside_quote(ws[k][0]):
                # متحدث باسم "وايمو": the quoted organisation is the institution.
                while k < len(ws) and d.inside_quote(ws[k][0]):
                    k += 1
            elif k < len(ws) and not _stops_name(ws[k][2]) and ws[k][2] not in _FUNCTION_WORDS:
                k += len(_take_name(ws, k, 1)) or 1
            while k < len(ws) and (_definite(ws[k][2]) or _nisba(ws[k][2])):
                k += 1
        if (
            not _definite(first)
            and k == 1
            and len(ws) >= 3
            and (_bare(ws[1][2]) in _HEADS or _bare(ws[1][2]) in _TITLES)  # نائب رئيس المفوضية
            and not _definite(ws[1][2])
            and _definite(ws[2][2])
        ) or (
            not _definite(first)
            and k == 1
            and len(ws) >= 2
            and _proper_genitive(ws[1][2], d.token_counts)
            and _bare(ws[1][2]) not in _HEADS
            and d.registry.resolve_name(ws[1][2]) is None
            and (len(ws) == 2 or ws[2][2] in _TITLE_ADJECTIVES or _definite(ws[2][2]))  # سفير خادم الحرمين
        ):
            # محافظ بنك السودان المركزي: a title in construct with a named institution is one
            # person, who may be named elsewhere in the article.
            # محافظ بنك السودان، نائب رئيس المفوضية، مدرب برشلونة
            end = min(len(ws), 3 if _bare(ws[1][2]) in _HEADS or _bare(ws[1][2]) in _TITLES else 2)
            while end < len(ws) and (_nisba(ws[end][2]) or _definite(ws[end][2])) and _definite(ws[end][2]):
                end += 1
            return _descriptor(d, ws[:end], "person", None, cue, s[ws[0][0] : ws[end - 1][1]])
        if not _definite(first) and (k == len(ws) or not _definite(ws[k][2])):
            # An indefinite title without a name is an unnamed source.
            return _unnamed_source(d, ws, k, fem, cue)
        if objectish:
            # وصف وزير العدل القرار بأنه: the title, its genitive and adjectives; the object follows.
            k = 2 if len(ws) > 1 and not _definite(first) and _definite(ws[1][2]) else 1
            while k < len(ws) and _nisba(ws[k][2]) and _definite(ws[k][2]) == _definite(ws[k - 1][2]):
                k += 1
            ws = ws[:k]
        # المسؤول في …، رئيسة الوزراء البريطانية: a description that refers back.
        return _descriptor(d, ws, "person", None, cue, s[ws[0][0] : ws[-1][1]])
    head = _head_info(first)
    if head is not None:
        category, kind, gender = head
        only_adjectives = all(_nisba(w[2]) or (_definite(w[2]) and _head_info(w[2])) for w in ws[1:])
        if _definite(first) and (
            len(ws) == 1
            or (
                only_adjectives
                and category in {"newspaper", "channel", "agency", "site", "magazine", "network", "radio"}
            )
        ):
            return _descriptor(d, ws, None, category, cue, s[ws[0][0] : ws[-1][1]])
        if len(ws) > 2 and ws[1][2] == "انباء":
            # وكالة أنباء الإمارات: أنباء and the definite words after it are the agency's name.
            end = 2
            while end < min(len(ws), 5) and _definite(ws[end][2]):
                end += 1
            return _named(d, s[ws[0][0] : ws[end - 1][1]], ws[0][0], ws[end - 1][1], kind, category, gender, cue, "")
        if kind == "media" and not _definite(first) and len(ws) > 1 and category != "media" and not _definite(ws[1][2]):
            # صحيفة لوس أنجلوس تايمز الأميركية -> لوس أنجلوس تايمز (but وكالة الأنباء الرسمية stays whole)
            rest = ws[1:]
            while len(rest) > 1 and _definite(rest[-1][2]) and _nisba(rest[-1][2]):
                rest = rest[:-1]
            return _named(d, s[rest[0][0] : rest[-1][1]], rest[0][0], rest[-1][1], kind, category, gender, cue, first)
        end = _np_end(ws)
        if objectish:
            end = min(end, _np_with_modifiers(ws))
        return _named(d, s[ws[0][0] : ws[end - 1][1]], ws[0][0], ws[end - 1][1], kind, category, gender, cue, "")
    end = _np_end(ws)
    known = d.registry.resolve_name(first) if not _definite(first) else None
    if objectish and (_definite(first) or (known is None and len(ws) > 1 and _definite(ws[1][2]))):
        # وصفت المعارضة القرار بأنه، نفت قوات الدعم السريع هذه الاتهامات: the subject is the noun
        # with its genitive and adjectives; what follows is the object.
        end = min(end, _np_with_modifiers(ws))
    elif not _definite(first) and objectish:
        # A bare name ends where a definite noun starts (جدد الحسن الموقف): that is the object.
        # A family name with the article (محمد الخطيب) is kept when it is a nisba.
        k = 1
        while k < end and k < 4 and not _definite(ws[k][2]):
            k += 1
        if k < end and k < 4 and ws[k][2].endswith("ي") and not _head_info(ws[k][2]):
            k += 1
        end = k
    # Two to four indefinite words without a head noun read as a person's name (بنيامين نتنياهو),
    # so a later surname alone resolves to it.
    kind = "person" if 2 <= end <= 4 and _name_like([w[2] for w in ws[:end]]) else None
    return _named(d, s[ws[0][0] : ws[end - 1][1]], ws[0][0], ws[end - 1][1], kind, kind, None, cue, "")


_DEMONSTRATIVES = frozenset(_LEX["demonstratives"])
# A document "that X prepared / conducted / published" (دراسة أعدتها مؤسسة …).
_PREPARED_BY = frozenset(v + o for v in ("اعد", "اجر", "نشر", "اصدر", "اطلق") for o in ("ها", "ته", "تها", "ه", "اه"))


def _np_with_modifiers(ws: list[tuple[int, int, str]]) -> int:
    """End of a noun with its modifiers: nisba adjectives, ل-complements (للهجرة) and, after an
    indefinite head, one definite genitive (قوات الدعم السريع، منظمة الصحة العالمية)."""
    k = 1
    genitive = _definite(ws[0][2])  # a definite head takes no genitive
    while k < len(ws):
        w = ws[k][2]
        if w in _DEMONSTRATIVES or w in _PREPOSITIONS:
            break
        if (_nisba(w) and (_definite(w) or not genitive)) or (w.startswith("لل") and len(w) > 4):
            # A definite phrase takes definite adjectives: in وزارة الصحة مقتل …، مقتل is the object.
            k += 1
        elif _definite(w) and not genitive:
            genitive = True
            k += 1
        elif k == 1 and not genitive and _bare(ws[0][2]) in _HEADS and _proper_genitive(w):
            # شركة سناب، حركة حماس: an indefinite head takes a name as its genitive.
            genitive = True
            k += 1
        elif _definite(w) and k + 1 < len(ws) and ws[k + 1][2] in _DEMONSTRATIVES:
            k += 1  # قوات الدعم السريع هذه الاتهامات: an adjective before the object's demonstrative
        else:
            break
    return k


def _proper_genitive(w: str, stems=None) -> bool:
    """A word that can be the name after an organisation head: no verb, verbal noun, function
    word, possessed noun, accusative or prepositional phrase."""
    return not (
        _closed_class(w)
        or w in _VERB_FORMS
        or w in _OBJECT_MASDARS
        or bool(_REPORTING_MASDAR_RE.fullmatch(w))
        or w.endswith(("ها", "هم", "هما"))
        or (w.endswith("ا") and len(w) > 4)
        # بالدراسة، لبلاده: a preposition on a word the text also writes without it
        or (w[:1] in "بلوف" and len(w) > 4 and (stems is None or stems.get(w[1:], 0) > 0 or _definite(w[1:])))
        or _nisba(w)
        or len(w) < 3
    )


def _np_end(ws: list[tuple[int, int, str]]) -> int:
    """Index after the last word of a noun phrase: stops at a preposition."""
    for i, w in enumerate(ws):
        if i and (w[2] in _PREPOSITIONS or _COMP_RE.fullmatch(w[2])):
            return i
    return min(len(ws), 6)


def _last_person_named(d: _Doc, pos: int) -> Speaker | None:
    """The person entity named last before ``pos``, within the few sentences before it."""
    if not d.entities:
        return None
    _sort_entities(d)
    op = d.ft.orig(pos)
    k = bisect_left(d.entity_starts, op) - 1
    while k >= 0 and d.entities[k].start > op - 400:
        e = d.entities[k]
        if e.label == "PER" and e.end <= op:
            target = fold_keep_offsets(e.text).text
            a = d.s.find(target, max(0, pos - 420), pos)
            if a < 0:
                return None
            name = _QUOTE_CHARS_RE.sub("", d.span(a, a + len(target)).text).strip()
            entry = d.registry.add(name, position=a, kind="person")
            sp = Speaker(entry.name, pos, pos, "person", "person", gender=entry.gender)
            sp.entry, sp.resolved_by = entry, "name"
            return sp
        k -= 1
    return None


def _sort_entities(d: _Doc) -> None:
    if d.entity_starts is None or len(d.entity_starts) != len(d.entities):
        d.entities = sorted(d.entities, key=lambda e: e.start)
        d.entity_starts = [e.start for e in d.entities]


def _entity_in(d: _Doc, a: int, b: int):
    if not d.entities:
        return None
    oa, ob = d.ft.orig(a), d.ft.orig_end(b)
    _sort_entities(d)
    best = None
    # Only the entities starting inside the range: a lookup stays short in a long document.
    for e in islice(d.entities, bisect_left(d.entity_starts, oa), bisect_left(d.entity_starts, ob)):
        inside = e.start >= oa and e.end <= ob and e.label in {"PER", "ORG", "GPE", "LOC", "NORP"}
        if inside and (best is None or (e.label == "PER" and best.label != "PER")):
            best = e
    if best is None:
        return None
    # Back to folded offsets: find the folded text of the entity inside the range.
    target = fold_keep_offsets(best.text).text
    pos = d.s.find(target, a, b + 1)
    if pos < 0:
        return None
    return best.label, pos, pos + len(target)


def _complement_end(d: _Doc, ws, k: int) -> int:
    """An unnamed source keeps the institution it belongs to: مصدر بالشرطة، مسؤول كبير في الصندوق،
    مسؤولو جهاز الإطفاء في كاليفورنيا (not "في بيان", not an addressee)."""
    n = len(ws)
    if k + 1 < n and ws[k][2] in {"به", "بها", "بهم"} and ws[k + 1][2] in {"في", "من", "لدي"}:
        k += 1  # مصدر موثوق به في الاتحاد
    if k < n and ws[k][2].startswith("بال") and len(ws[k][2]) > 5 and _strip_al(ws[k][2]) not in _COMM_NOUNS:
        k += 1
    elif k + 1 < n and ws[k][2] in {"في", "من", "لدي"}:
        nxt = ws[k + 1][2]
        if _description_runs_to_end(d, ws, k + 1):
            return n  # مسؤول كبير في شركة شحن نفط صينية، مسؤولو الإطفاء في كاليفورنيا: the whole subject
        if (
            not (_definite(nxt) or _bare(nxt) in _HEADS or d.registry.resolve_name(nxt) is not None)
            or _strip_al(nxt) in _COMM_NOUNS
            or nxt in _TIME_WORDS
            or nxt in _PREPOSITIONS
            or _COMP_RE.fullmatch(nxt)
            or d.inside_quote(ws[k + 1][0])
        ):
            return k
        k += 2
    else:
        return k
    while (
        k < n
        and ws[k][2] not in _PREPOSITIONS
        and (
            _definite(ws[k][2])
            or _nisba(ws[k][2])
            or ws[k][2].startswith("وال")
            # الاتحاد الجزائري لكرة القدم: ل with a noun in construct with a definite one
            or (ws[k][2][:1] == "ل" and len(ws[k][2]) > 3 and k + 1 < n and _definite(ws[k + 1][2]))
        )
    ):
        k += 1  # منظمة الأغذية والزراعة
    return k


def _description_runs_to_end(d: _Doc, ws, k: int) -> bool:
    """The words ws[k:] after an unnamed source's في/من close the subject and can only describe
    where it belongs: a few content words, none a verb, time word, medium, number or function word."""
    rest = ws[k:]
    if not rest or len(rest) > 7:
        return False
    for n, (st, _en, w) in enumerate(rest):
        if w == "في" and 0 < n < len(rest) - 1:
            continue  # من شركة تكرير في شمال آسيا: a place inside the description
        if (
            _closed_class(w)
            or _possessive(d, rest[n])  # في مسيرة نظمتها …: a relative clause
            or w in _VERB_FORMS
            or w in _OBJECT_MASDARS
            or _strip_al(w) in _COMM_NOUNS
            or _bare(w) in _COMM_NOUNS
            or any(ch.isdigit() for ch in w)
            or d.inside_quote(st)
            or _COMP_RE.fullmatch(w)
            or (w.startswith("ل") and not _lam_definite(w))
            or (w.startswith("ي") and len(w) >= 4 and d.registry.resolve_name(w) is None)  # يشترون: a verb
        ):
            return False
    return True


def _unnamed_source(d, ws, k: int, fem, cue):
    """The title words ws[0:k] as an unnamed source (مسؤول أميركي، مصدر دبلوماسي)."""
    k = _complement_end(d, ws, k)
    start, end = ws[0][0], ws[k - 1][1]
    return _named(d, d.s[start:end], start, end, "unnamed", "unnamed", fem or "m", cue, "")


def _name_end(d: _Doc, a: int, b: int, kind) -> int:
    """Where a speaker phrase s[a:b] really ends: before a time word (أمس، الخميس، العام الماضي), an
    addressee (لبي بي سي، لأعضاء البرلمان), a relative clause (الذي …), a bracket (45 عاما) and, for
    a person, before an appositive title or an affiliation (مهاجم ليفربول، الديمقراطية، والممثل …)."""
    s = d.s
    ws = _words(s, a, b)
    person = kind in (None, "person") and bool(ws) and _bare(ws[0][2]) not in _HEADS
    for i in range(1, len(ws)):
        st, _en, w = ws[i]
        nxt = ws[i + 1][2] if i + 1 < len(ws) else ""
        gap = s[ws[i - 1][1] : st]
        if "(" in gap or "[" in gap or " - " in gap or " – " in gap:
            return ws[i - 1][1]
        if w in {"عليه", "عليها", "رحمه", "رحمها", "رضي", "صلي"}:
            return ws[i - 1][1]  # نوح عليه السلام، الطيبي رحمه الله
        if w.endswith("ا") and w[:-1] in _COMM_NOUNS:
            return ws[i - 1][1]  # أصدر رونالدو بيانا: the object
        if _quantified_relative(ws, i):
            continue
        if w in _TIME_WORDS or w in _RELATIVES or (w in _PERIOD_NOUNS and nxt in _PERIOD_ADJECTIVES):
            return ws[i - 1][1]
        if w.isdigit() or (w in {"عام", "سنه", "العام"} and nxt.isdigit()) or w in _TITLE_ADJECTIVES:
            return ws[i - 1][1]  # ترانتينو عام 2004، مدرب برشلونة السابق
        if (w in _ADVERBS or (person and len(w) >= 5 and w.endswith("ا") and w.startswith("م"))) and not d.inside_quote(
            st
        ):
            return ws[i - 1][1]  # تسيبراس متوجها إلى …، قال رسميا، رفضت الشركة صراحة: an accusative
        if (w in _OBJECT_MASDARS or (_definite(w) and _strip_al(w) in _OBJECT_MASDARS)) and not d.inside_quote(st):
            return ws[i - 1][1]  # أعلنت مصادر بالمقاومة مقتل …: the verb's object
        if len(w) >= 6 and w.endswith(("هم", "هما")) and not d.inside_quote(st) and d.registry.resolve_name(w) is None:
            return ws[i - 1][1]  # تبنى المسلحون مسؤوليتهم: a possessed noun is the object
        if w.startswith("ل") and not w.startswith("ال") and nxt in _MEDIA_TAILS:
            return ws[i - 1][1]  # لفوكس نيوز
        if (
            w.startswith("ل")
            and not w.startswith("ال")
            and len(w) > 2
            and not d.inside_quote(st)
            and (
                w[1:] in _MEDIA_FIRST_WORDS
                or _strip_al(w[1:]) in _MEDIA_FIRST_WORDS
                or _addressee_word(w, d.token_counts)
            )
        ):
            return ws[i - 1][1]
        if not person or d.inside_quote(st):
            continue
        if w in {"سوي", "الا", "غير"}:
            return ws[i - 1][1]  # لا يتوقع مراد كمون سوى الفوز: an exception ends a name
        bare = _bare(w)
        if _definite(w) and len(w) >= 8 and w.endswith(("ين", "ون", "ات")) and not _nisba(w[:-2]):
            return ws[i - 1][1]  # دعا الحياري المواطنين إلى …: a definite plural after a name is the object
        if i >= 2 and w.startswith("بال") and len(w) > 5:
            return ws[i - 1][1]  # ندد النائب كريم سعيد بالهجوم: a prepositional phrase after a full name
        if i >= 2 and (w in _AFFILIATIONS or (w[:1] == "و" and bare in _TITLES and bare not in _NAME_TITLES)):
            return ws[i - 1][1]
        appositive = bare in _TITLES and len(bare) > 2
        if bare in _NAME_TITLES:
            # محمد الأمين is a name; الأمينة العامة، الأمير الراحل: a title with its adjective.
            appositive = (
                _definite(w)
                and _definite(nxt)
                and (nxt in _TITLE_ADJECTIVES or _nisba(nxt) or nxt in {"العام", "العامه"})
            )
        if appositive and _bare(ws[0][2]) not in _TITLES and (i >= 2 or _definite(w)):
            return ws[i - 1][1]
    return b


def _person_in(d: _Doc, a: int, b: int) -> bool:
    ent = _entity_in(d, a, b) if d.entities else None
    return ent is not None and ent[0] == "PER"


def _person_after_non_name(d: _Doc, a: int, b: int) -> int | None:
    """Where a person's name closing the phrase starts, when the word before it cannot be part of
    a name (عضو نادي أحد حامد الأحمدي: أحد names the club): a quantifier, a title, a head or a
    definite word."""
    if not d.entities:
        return None
    ent = _entity_in(d, a, b)
    if ent is None or ent[0] != "PER" or ent[1] <= a or d.s[ent[2] : b].strip(" \"'“”«»،,"):
        return None
    if len(_TOKEN.findall(d.s, a, ent[1])) > 6:
        return None  # نفى مسؤول رفيع المستوى تورط بلاده في اختفاء الكاتب جمال خاشقجي: the object's
    before = _TOKEN.findall(d.s, max(a, ent[1] - 30), ent[1])
    w = before[-1] if before else ""
    if w in _QUANTIFIERS or _bare(w) in _TITLES or _bare(w) in _HEADS or _definite(w):
        return ent[1]
    # الرئيس التنفيذي لكوكا كولا جيمس كوينسي: one word of the company (opened by ل) before the name.
    outer = _TOKEN.findall(d.s, max(0, a - 30), a)
    company = len(before) == 1 and outer and outer[-1][:1] == "ل" and not outer[-1].startswith(("ال", "لل"))
    if company and w not in _GIVEN_NAMES:
        return ent[1]
    return None


def _named(d: _Doc, name: str, a: int, b: int, kind, category, gender, cue: Cue, desc: str, plural=False):
    # Names are reported as written (with hamzas and diacritics), not folded; quotation marks
    # inside (مراسل «…») are dropped.
    end = _name_end(d, a, b, kind)
    if cue.kind in {"verb", "part"} and _demands_with_ba(cue.word):
        # طالب الوزير سامي حداد بفتح …: the demand starts at ب, the name ends before it; a definite
        # noun just before it is whom the demand is made of (طالب كنج الحكومة بتفعيل …).
        ws = _words(d.s, a, min(len(d.s), end + 40))
        for k in range(1, len(ws)):
            st, _en, w = ws[k]
            if st > end + 1:
                break
            if w.startswith("ب") and len(w) > 3 and not w.startswith("باسم") and w not in _GIVEN_NAMES:
                if (
                    k >= 2
                    and _definite(ws[k - 1][2])
                    and not _nisba(ws[k - 1][2])
                    and d.registry.resolve_name(ws[k - 1][2]) is None
                ):
                    k -= 1
                end = min(end, ws[k - 1][1])
                break
    tail = _words(d.s, a, end)
    while len(tail) > 1 and len(tail[-1][2]) == 1:
        tail.pop()  # ويفيد شتاين بـ«…»: the preposition's letter is not part of the name
    end = tail[-1][1] if tail else end
    if kind in {None, "person"} and _VERB_LEMMA.get(cue.word) in _MASDAR_ADDRESSEE_VERBS:
        # ودعا الوزير سامي حداد بلاده إلى …: whom the demand is made of, a noun with a pronoun
        # suffix before the preposition of the demand, is no part of the name.
        after = _first_words(d.s, end, min(len(d.s), end + 30), 1)
        if len(tail) > 1 and _demand_addressee(d, tail[-1], after[0][2] if after else ""):
            end = tail[-2][1]
    if end < b:
        desc = f"{desc} {d.s[end:b]}".strip()
        b = end
    name = d.span(a, b).text.strip(" \"'“”«»،,") or name.strip(" \"'“”«»")
    name = _QUOTE_CHARS_RE.sub("", name)
    if a > 0 and d.s[a - 1 : a + 1] == "لل" and _definite("ا" + d.s[a:b]):
        name = "ا" + name  # وفقا للمصادر: the cue took the first ل of لل, the name is المصادر
    if gender is None and kind == "person" and cue.gender is None:
        title = next((_bare(w) for w in _TOKEN.findall(desc) if _bare(w) in _TITLES), "")
        gender = "f" if title.endswith("ه") else "m"
    start = _person_after_non_name(d, a, b) if kind in {None, "person"} else None
    if start is not None:
        desc = f"{desc} {d.s[a:start]}".strip()
        a = start
        name = _QUOTE_CHARS_RE.sub("", d.span(a, b).text.strip(" \"'“”«»،,"))
    known = d.registry.resolve_name(name)
    if known is None and kind in {None, "person"} and any(_bare(w) in _NAME_TITLES for w in _TOKEN.findall(desc)):
        # وقال الأمير علي، after علي بن الحسين: a title and the given name alone.
        known = d.registry.resolve_given(name)
    if known is None:
        # نفى ترامب وجود أي رسائل: a known name followed by the verb's object ends at the name.
        ws = _words(d.s, a, b)[:5]
        for k in range(len(ws) - 1, 0, -1):
            part = _QUOTE_CHARS_RE.sub("", d.span(a, ws[k - 1][1]).text).strip(" \"'“”«»،,")
            entry = d.registry.resolve_name(part) if part else None
            if entry is not None and entry.kind in {"person", "organisation", "government", "media"}:
                name, b, known = part, ws[k - 1][1], entry
                break
    if known is None and kind in {None, "person"}:
        # ذعر المتنبي، عرض نتانياهو: a common noun before a known person is no part of the name.
        ws = _words(d.s, a, b)
        w0 = ws[0][2] if ws else ""
        if (
            len(ws) >= 2
            and not _definite(w0)
            and w0 not in _GIVEN_NAMES
            and w0 not in _NAME_JOINERS
            and w0 not in _NAME_PARTICLES
            and _bare(w0) not in _TITLES
            and _bare(w0) not in _HEADS
        ):
            rest = _QUOTE_CHARS_RE.sub("", d.span(ws[1][0], b).text).strip(" \"'“”«»،,")
            entry = d.registry.resolve_name(rest) if rest else None
            if entry is not None and entry.kind == "person" and entry.name.split()[0] not in w0:
                desc = f"{desc} {d.s[a : ws[1][0]]}".strip()
                name, a, known = rest, ws[1][0], entry
    sp = Speaker(name, a, b, kind, category, desc, gender or cue.gender, plural)
    if known is not None:
        sp.entry = known
        sp.resolved_by = "name"
    return sp


def _descriptor(d: _Doc, ws, kind, category, cue: Cue, text: str) -> Speaker:
    a, b = ws[0][0], ws[-1][1]
    context = " ".join(w[2] for w in ws[1:])
    if kind == "person":
        # الوزيرة refers back to a woman: gender is part of the description.
        title = _bare(ws[0][2])
        fem = title.endswith("ه")
        if title not in _GENERIC_TITLES:
            # الوزير points back to a minister, not to whoever spoke last.
            context = f"{context} {title} ال{title}"
        context = " ".join(w for w in context.split() if w not in _DESCRIPTOR_STOPWORDS)
        unnamed = title in _UNNAMED  # المصدر، المصادر: grammatical gender says nothing here
        entry = d.registry.resolve_descriptor(
            None,
            context,
            # (a name of unknown kind whose description matches is a person too)
            kinds=("unnamed",) if unnamed else ("person", "unnamed", None),
            require_context=True,
            before=a,
            gender=None if unnamed else ("f" if fem else "m"),
            weak_ok=True,
        )
        if entry is None and title in _GENERIC_TITLES and len(ws) > 1:
            # المسؤول السعودي points back to an unnamed مسؤول سعودي رفيع المستوى: the adjectives
            # without their article.
            bare_context = " ".join(_strip_al(w[2]) for w in ws[1:])
            entry = d.registry.resolve_descriptor(
                None, bare_context, kinds=("unnamed",), require_context=True, before=a, weak_ok=False
            )
    else:
        entry = d.registry.resolve_descriptor(category, context, before=a, weak_ok=True)
    text = _QUOTE_CHARS_RE.sub("", d.span(a, b).text)
    if a > 0 and d.s[a - 1 : a + 1] == "لل":
        text = "ا" + text  # وفقا للشرطة: the cue took the first ل of لل, the source is الشرطة
    sp = Speaker(
        text,
        a,
        b,
        kind or (_head_info(ws[0][2]) or (None, None, None))[1],
        category,
        "",
        cue.gender,
        False,
        descriptor=True,
    )
    sp.context = context if kind == "person" else ""
    if entry is not None:
        sp.entry = entry
        sp.resolved_by = "descriptor"
    return sp


def _pronoun(d: _Doc, gender, plural, pos: int) -> Speaker:
    entry = d.registry.resolve_pronoun(gender, plural, before=pos)
    if entry is None and plural:
        entry = d.registry.resolve_pronoun(None, True, before=pos)
    sp = Speaker(None, pos, pos, gender=gender, plural=bool(plural), pronoun=True)
    if entry is not None:
        sp.entry = entry
        sp.resolved_by = "pronoun"
    return sp


def _commit(d: _Doc, sp: Speaker | None, pos: int) -> Speaker | None:
    """Record a speaker in the registry; returns it with ``entry`` set when it can be."""
    if sp is None:
        return None
    if sp.entry is not None:
        d.registry.touch(sp.entry, pos)
        if sp.resolved_by == "name" and sp.name:
            # A fuller name makes the entry canonical again.
            _register(d, sp, pos)
        return sp
    if sp.name:
        # An unresolved descriptor is still someone later pronouns can point to.
        sp.entry = _register(d, sp, pos)
    return sp


def _register(d: _Doc, sp: Speaker, pos: int):
    """Record the speaker in the document's registry, for later surnames, descriptors and pronouns."""
    return d.registry.add(
        sp.name,
        position=pos,
        # ممثلة الهند describes someone unnamed: a later الهند is India, not her surname.
        kind="unnamed" if sp.descriptor and sp.kind == "person" else sp.kind,
        gender=sp.gender,
        plural=sp.plural,
        category=sp.category,
        description=sp.description,
    )


def _speaker_name(sp: Speaker | None) -> tuple[str | None, str | None]:
    if sp is None:
        return None, None
    if sp.entry is not None:
        return sp.entry.name, sp.entry.kind or sp.kind
    return sp.name, sp.kind


# --------------------------------------------------------------------------------------------
# Reading sentences
# --------------------------------------------------------------------------------------------


def _sentences(d: _Doc, a: int, b: int) -> list[tuple[int, int]]:
    out, start = [], a
    for m in _SENT_END.finditer(d.s, a, b):
        if d.inside_quote(m.start()):
            continue
        # د. / م. / أ.: a one-letter abbreviation before a name does not end the sentence.
        if (
            m.group() == "."
            and m.start() >= 1
            and d.s[m.start() - 1].isalpha()
            and (m.start() < 2 or not d.s[m.start() - 2].isalnum())
        ):
            continue
        out.append((start, m.end()))
        start = m.end()
    if start < b:
        out.append((start, b))
    return [(x, y) for x, y in out if d.s[x:y].strip()]


# Every nominal cue contains one of these words; finding them first is much cheaper than
# running the full pattern at every position.
_NOMINAL_KEY_RE = re.compile(
    _trie_alt(["وفق", "طبقا", "تبعا", "حسب", "نقلا", "لسان", "تصريح", "تصريحات", "حديث", "مقابله", "قول", "جاء", "ورد"])
)


def _nominal_matches(s: str):
    last_end = -1
    for k in _NOMINAL_KEY_RE.finditer(s):
        p = k.start()
        w0 = max(s.rfind(" ", 0, p), s.rfind("\n", 0, p)) + 1  # start of this word
        w1 = max(s.rfind(" ", 0, max(w0 - 1, 0)), s.rfind("\n", 0, max(w0 - 1, 0))) + 1  # previous word
        for start in (w1, w0):
            if start < last_end:
                continue
            m = _NOMINAL_RE.match(s, start)
            if m is not None and m.end() > p:
                last_end = m.end()
                yield m
                break


def _all_cues(s: str) -> list[Cue]:
    """Every cue in the document, found once (per-sentence regex runs cost more)."""
    cues: list[Cue] = []
    for m in _CUE_WORD_RE.finditer(s):
        w = m.group()
        core = w if w in _VERB_FORMS or w in _PART_FORMS else m.group(1)
        if core in _VERB_FORMS:
            g, pl = _VERB_FORMS[core]
            cue = Cue("verb", m.start(), m.end(), g, pl, core)
            cue.objectish = _VERB_LEMMA[core] in _OBJECT_VERBS
            cues.append(cue)
            continue
        if core in _PART_FORMS and (core == w or w[0] == "و"):
            g, pl = _PART_FORMS[core]
            cues.append(Cue("part", m.start(), m.end(), g, pl, core))
    # وبيّن أن …: joined to و at the start of a clause, بين is the verb "explained"; the
    # preposition "between" sits inside a clause, after its noun.
    for m in _BAYYANA_RE.finditer(s):
        cues.append(Cue("verb", m.start(), m.end(), "m", False, m.group(1)))
    for m in _ZADA_RE.finditer(s):
        fem = m.group(1).endswith("ت")
        cues.append(Cue("verb", m.start(), m.end(), "f" if fem else "m", False, m.group(1)))
    for m in _nominal_matches(s):
        if m.group("ma"):
            verb = m.group("mverb")
            base = re.sub(r"(ته|ه|ها|هم)$", "", verb)
            form = _VERB_FORMS.get(verb) or _VERB_FORMS.get(base)
            if form is None:
                continue
            cues.append(Cue("nominal", m.start(), m.end(), form[0], form[1], "ma"))
        elif m.group("pp"):
            # "في تصريح/حديث لـ X" is an adjunct naming the outlet a speaker talked to.
            word = "interview" if m.group().lstrip("و").startswith("في") else "pp"
            cues.append(Cue("nominal", m.start(), m.end(), None, False, word))
        elif m.group("qawl"):
            cues.append(Cue("qawl", m.start(), m.end(), None, False, "qawl"))
        elif m.group("stmt"):
            cues.append(Cue("nominal", m.start(), m.end(), None, False, "statement"))
    cues.sort(key=lambda c: (c.start, c.kind != "nominal"))
    return cues


def _previous_word(s: str, pos: int) -> str:
    m = re.search(rf"({_W}+)\s*$", s[max(0, pos - 20) : pos])
    return m.group(1) if m else ""


def _find_cues(d: _Doc, a: int, b: int) -> list[Cue]:
    lo = bisect_left(d.cue_starts, a)
    hi = bisect_left(d.cue_starts, b)
    cues = [c for c in d.cues[lo:hi] if not d.inside_quote(c.start)]
    # A verb inside a nominal cue ("وفق ما ذكر") is part of it.
    out: list[Cue] = []
    for c in cues:
        if out and c.start < out[-1].end:
            continue
        prev = _previous_word(d.s, c.start)
        after_prep = prev in _PREPOSITIONS and d.s[c.start] not in "وف"
        if c.kind == "verb" and (prev in {"عدم", "دون", "بدون"} or after_prep):
            continue  # طلب عدم ذكر اسمه، ساهمت على نقل الصور: a verbal noun, not a verb
        if c.kind == "verb" and _ANONYMITY_RE.match(d.s, c.start - len(prev) - 1 if prev else c.start, b):
            continue  # رافضة كشف اسمها: a request for anonymity, not a statement
        if c.kind == "verb" and c.word == "ردا" and d.s[c.end : c.end + 5].lstrip().startswith("علي"):
            continue  # قالت الوزيرة ردا على سؤال: "in reply to", not the verb ردّا
        if c.kind == "verb" and d.s[c.start : c.start + 2] in {"في", "فت"} and prev in _FOREIGN_GIVEN:
            continue  # نيكولاس فيرون: a family name after a foreign given name, not ف + يرون
        if c.kind == "verb" and (prev.isdigit() or prev in _NUMBER_WORDS):
            continue  # 11 ألف طالب: a counted noun (طالب "student"), not the verb طالب
        if c.kind == "verb" and (prev in _RELATIVES or prev[1:] in _RELATIVES):
            # Only "Name، الذي يقول إن": a non-restrictive clause with a verb of saying speaks.
            before = d.s[max(a, c.start - 40) : c.start]
            if out or _VERB_LEMMA.get(c.word) not in _SAYING or not re.search(r"[،,]\s*\S+\s*$", before):
                continue  # منظمة العفو التي تتابع القضية إن: inside an earlier cue's subject
            c.relative = True  # أبو سليم، … والذي يقول إن: the antecedent speaks
        # Verbs do not stack: in "قال طالب الرفاعي" the second word is a name, not a verb.
        if out and out[-1].kind == "verb" and c.kind == "verb" and d.s[out[-1].end : c.start].strip() == "":
            continue
        out.append(c)
    return out


# أن after these is a conjunction or an infinitive marker (بعد أن "after", يجب أن "must"),
# never the complementiser of a reporting verb.
_NOT_COMP_BEFORE = frozenset(_LEX["not_comp_before"])


def _first_comp(d: _Doc, a: int, b: int):
    for m in _COMP_RE.finditer(d.s, a, b):
        if d.inside_quote(m.start()):
            continue
        prev = d.s[max(0, m.start() - 12) : m.start()].split()
        if prev and prev[-1] in _NOT_COMP_BEFORE and m.group() in ("ان", "وان"):
            continue
        return m
    return None


def _first_colon(d: _Doc, a: int, b: int) -> int:
    for m in re.finditer(r":", d.s[a:b]):
        if not d.inside_quote(a + m.start()):
            return a + m.start()
    return -1


def _first_quote(d: _Doc, a: int, b: int, skip_names: bool) -> int:
    for k in d.marks_between(a, b):
        if skip_names and d.is_name(k):
            continue
        return k
    return -1


def _coordinated(s: str, sent_start: int, pos: int, word_prefix: str) -> bool:
    """Does a new clause start right before ``pos`` (، وقال / فيما قال / بينما …)?"""
    before = s[max(sent_start, pos - 14) : pos].rstrip()
    if word_prefix in {"و", "ف"} and (before.endswith(("،", ",")) or before == ""):
        return True
    return bool(re.search(r"(?:فيما|بينما|في\s+حين|كما|ثم|حين|عندما|فقد|وقد|و?لكن(?:ه|ها|هم|هما)?)$", before))


_TOPIC_WORDS = 8


# أصدر X بيانا / تقريرا، بيان صدر عن X: X issued the statement a later "وأضاف البيان" quotes.
_ISSUED_RE = re.compile(
    rf"(?<!{_W})[وف]?(?:قد\s+)?اصدر(?:ت|وا)?\s+(?P<a>[^.:؛\n\"«“]{{2,80}}?)[،,]?\s+(?:بيانا|تقريرا|بلاغا|تعميما)(?!{_W})"
    rf"|(?<!{_W})(?:ال)?(?:بيان|تقرير)\s+(?:{_W}+\s+){{0,3}}?(?:صدر|صادر|الصادر)\s+(?:{_W}+\s+){{0,3}}?عن\s+"
    rf"(?P<b>[^.،,:؛\n]{{2,60}}?)(?=\s*[.،,:؛\n]|\s+(?:ان|الي|في|حول|بشان)(?!{_W}))"
    # بيانا لمتحدث باسم الوزارة قال فيه: the statement of someone, who says in it.
    rf"|(?<!{_W})(?:ال)?(?:بيانا|بيان|تصريحا|تصريح|رساله)\s+ل(?P<c>(?!ل)[^.،,:؛\n\"«“]{{2,80}}?)"
    rf"(?=\s+(?:قال|قالت|ذكر|ذكرت|اكد|اكدت|اعلن|اعلنت)\s+في(?:ه|ها)(?!{_W}))"
)


def _read_issuer(d: _Doc, a: int, b: int) -> None:
    for m in _ISSUED_RE.finditer(d.s, a, b):
        group = next(g for g in ("a", "b", "c") if m.group(g))
        if d.inside_quote(m.start(group)):
            continue
        cue = Cue("verb", m.start(), m.start(group), None, False, "اصدر")
        sp = _commit(d, parse_speaker(d, m.start(group), m.end(group), cue), m.start(group))
        if sp is not None and sp.entry is not None:
            d.last_issuer = sp.entry
            if group == "c":
                d.issuer_says_at = m.end()


# وبالعودة إلى المسؤول في الشركة، لفت …: the phrase brings someone back as the topic.
_RETURN_TO_RE = re.compile(r"\s*[وف]?(?:بال)?عوده\s+(?:الي|ل)\s*(?P<np>[^.،,:؛\n\"«“]{2,60})[،,]")


def _read_return(d: _Doc, a: int, b: int) -> None:
    m = _RETURN_TO_RE.match(d.s, a, b)
    if m is None:
        return
    cue = Cue("verb", m.start("np"), m.start("np"), None, False, "")
    sp = parse_speaker(d, m.start("np"), m.end("np"), cue)
    if sp is not None and sp.kind in {"person", "unnamed", None}:
        _commit(d, sp, m.start("np"))


def _read_sentence(d: _Doc, a: int, b: int) -> None:
    _read_issuer(d, a, b)
    _read_return(d, a, b)
    _read_cues(d, a, b)
    # Whoever this sentence names near its start (its subject, not an object further on) is the
    # topic now: a later dropped subject (وقال السبت …) prefers them to someone named earlier.
    for k, m in enumerate(_TOKEN.finditer(d.s, a, b)):
        if k >= _TOPIC_WORDS:
            break
        if len(m.group()) > 2 and not d.inside_quote(m.start()):
            d.registry.mentioned(m.group(), m.start())
    _read_topic(d, a, b)


def _read_topic(d: _Doc, a: int, b: int) -> None:
    """A person named as the subject near the start of a sentence (وكان محمد الجدعان قد افتتح …
    . وقال …) is the topic even when they have not spoken yet: a later dropped subject is theirs."""
    if not d.entities:
        return
    a = _after_opening_adjunct(d, a, b)  # في مدينة برمنغهام، تشارك راتشيل ماكينزي …
    toks = list(islice(_TOKEN.finditer(d.s, a, b), _TOPIC_WORDS))
    if len(toks) < 2:
        return
    hit = _entity_in(d, toks[0].start(), toks[-1].end())
    if hit is None or hit[0] != "PER" or d.inside_quote(hit[1]):
        return
    _label, ea, eb = hit
    before = [t.group() for t in toks if t.end() <= ea]
    # غير أن الوزير …، لكن الوزير …، ثم …: discourse words before the subject.
    if len(before) >= 2 and before[0].lstrip("وف") in {"بيد", "غير", "الا", "كما"} and before[1] == "ان":
        before = before[2:]
    elif before and before[0] in {"لكن", "ولكن", "ثم", "كما", "وكما"}:
        before = before[1:]
    prev = before[-1] if before else ""
    if prev and (prev in _PREPOSITIONS or prev in _PRONOUN_PPS or (prev[:1] in "لب" and not before[:-1])):
        return  # مع محمد …، لمحمد …: not the subject
    opener = bool(before) and (before[0].lstrip("وف") in {"كان", "كانت", "قد", "لقد"} or _clause_verb(d, before[0]))
    title_words = before[1:]
    if before and before[0].lstrip("وف") in {"قد", "لقد"} and title_words and not _definite(title_words[0]):
        title_words = title_words[1:]  # فقد ندد الرئيس …: the verb after قد
    # الرئيس الجمهوري لمجلس النواب بول راين: a title's ل-genitive, not an addressee right after the verb.
    titled = opener and all(
        w not in _PREPOSITIONS
        and (w[:1] not in "لب" or (i > 0 and w[:1] == "ل" and not w.startswith("لل") and len(w) > 3))
        and (_definite(w) or _bare(w) in _TITLES or _nisba(w) or (i > 0 and w[:1] == "ل"))
        for i, w in enumerate(title_words)
    )
    if prev and not (opener and (len(before) == 1 or titled)) and len(before) != 1:
        return  # deeper in the clause: an object or a genitive, not the subject
    after = _TOKEN.search(d.s, eb, b)
    near = prev.lstrip("وف") if prev else (after.group() if after else "")
    # وقالت، تشارك: a feminine past or a feminine imperfect verb before the name.
    gender = "f" if len(near) >= 3 and (near.endswith("ت") or (near[0] == "ت" and 4 <= len(near) <= 6)) else "m"
    name = _QUOTE_CHARS_RE.sub("", d.span(ea, eb).text).strip()
    given = d.registry.resolve_given(name) if _bare(prev) in _NAME_TITLES else None
    if given is not None:
        d.registry.touch(given, ea)  # وأعرب الأمير علي عن …: علي بن الحسين, named before
    elif name:
        d.registry.add(name, position=ea, kind="person", gender=gender)


def _interposed_source(d: _Doc, c: Cue) -> bool:
    """قال الوزير، بحسب وكالة الأنباء، إن …: a source between commas inside the verb's frame."""
    if c.kind != "nominal":
        return False
    s = d.s
    before = s[max(0, c.start - 3) : c.start].rstrip()
    if not before.endswith(("،", ",")):
        return False
    after = re.compile(r"[،,:]").search(s, c.end, min(len(s), c.end + 100))
    if after is None or re.search(r"[.!?؟\n]", s[c.end : after.start()]):
        return False
    between = _TOKEN.findall(s, c.end, after.start())
    return len(between) <= 7 and not any(w in _RELATIVES or w in _VERB_FORMS for w in between)


def _read_cues(d: _Doc, a: int, b: int) -> None:
    s = d.s
    cues = _find_cues(d, a, b)
    if not cues:
        return
    # Pass 1: the end of each cue's search window is the next cue.
    for i, c in enumerate(cues):
        if c.nested:
            continue  # an interview adjunct already framed inside the verb before it
        nxt = cues[i + 1].start if i + 1 < len(cues) else b
        if c.kind == "verb":
            # أكد الوزير، في حديث لـ X، أن …: the interview adjunct sits inside the verb's frame.
            j = i + 1
            while j < len(cues) and (cues[j].word == "interview" or _interposed_source(d, cues[j])):
                j += 1
            _frame_verb(d, c, a, cues[j].start if j < len(cues) else b, b)
            if c.content is not None:
                for inner in cues[i + 1 : j]:
                    if inner.start < c.content[0]:
                        inner.nested = True
                        _frame_nominal(d, inner, a, c.content[0], b, cues, i + 1)
                        inner.content = None
                        c.relayed_by = inner
        elif c.kind == "part":
            _frame_participle(d, c, nxt, b)
        elif c.kind == "qawl":
            _frame_qawl(d, c, nxt, b)
        else:
            _frame_nominal(d, c, a, nxt, b, cues, i)
    # Pass 2: cues inside an earlier cue's complement without a subject of their own are nested
    # ("the minister said that X told …"): they neither end the complement nor speak.
    active: Cue | None = None
    for c in cues:
        if c.nested:
            continue
        if active is not None and active.content and active.content[0] <= c.start < active.content[1]:
            if (
                active.kind == "nominal"
                and active.via_comp == "pre"
                and c.kind == "verb"
                and c.content
                and len(_first_words(s, active.content[0], c.start, 2)) <= 1
            ):
                # ووفقا لها، يقول المحققون إن … : the verb speaks, the source relays.
                c.relayed_by = active
                active.content = None
                active = c
                continue
            prefix = s[c.start] if s[c.start] in "وف" and c.word != s[c.start : c.end] else ""
            independent = (
                c.kind in {"part", "qawl"}
                # وفق القانون: a nominal cue without a source is no new statement.
                or (
                    c.kind == "nominal"
                    and (c.content is not None or _looks_like_source(d, c.end, _segment_end(s, c.end, 60)))
                )
                or c.via_comp == "post"
                # "، وأضاف (X) أن": a coordinated verb opens a new clause, with or without a subject.
                or (
                    c.kind == "verb"
                    and (c.has_subject or c.content is not None)
                    and _coordinated(s, a, c.start, prefix)
                )
                # … على الفور وقال "…": و and a verb its quotation follows at once.
                or (
                    c.kind == "verb"
                    and prefix
                    and c.content is not None
                    and c.via_comp in {"colon", "quote"}
                    and not _TOKEN.search(s, c.end, c.content[0])
                )
            )
            if not independent:
                c.nested = True
                continue
            active.content = (active.content[0], c.start)
        if c.content is not None:
            active = c
    # Pass 3: speakers in reading order, then statements.
    last_speaker: Speaker | None = None
    for i, c in enumerate(cues):
        if c.nested:
            continue
        sp = _cue_speaker(d, c, last_speaker, cues, i, a)
        if (
            c.kind == "nominal"
            and "نقلا" in s[c.start : c.end]
            and i > 0
            and cues[i - 1].kind == "verb"
            and cues[i - 1].content is None
            and cues[i - 1].speaker is not None
        ):
            # ذكرت وكالة X نقلا عن مصادر أن …: the sources speak, the agency relays.
            c.via = cues[i - 1].speaker
        if sp is not None and (sp.entry is not None or sp.name):
            last_speaker = sp
        if c.content is None and c.kind == "verb" and not c.nested:
            _frame_masdar(d, c, sp, cues[i + 1].start if i + 1 < len(cues) else b, b)
        if c.content is None:
            continue
        _emit(d, c, sp, a, b)


def _possessive(d: _Doc, word: tuple[int, int, str]) -> bool:
    """دعمه، نشرته، موقفها: a pronoun suffix (a stance or a relative verb, not a reported fact).
    Folding writes ة as ه too; the original spelling tells them apart."""
    _a, b, w = word
    if w.endswith(("ها", "هم", "هما")) and len(w) > 4:
        return True
    return w.endswith("ه") and len(w) > 3 and d.orig[d.ft.orig_end(b) - 1 : d.ft.orig_end(b)] == "ه"


def _demand_addressee(d: _Doc, word: tuple[int, int, str], nxt: str) -> bool:
    """دعا سامي حداد بلاده إلى …: a noun with a pronoun suffix before the demand's preposition is
    whom the demand is made of, no part of the name before it."""
    return nxt in {"الي", "علي"} and _possessive(d, word)


def _conjunct(d: _Doc, w: str) -> bool:
    """ومصر، والحكومة: a second subject joined by و, not the start of an object."""
    if not w.startswith("و") or len(w) < 4:
        return False
    rest = w[1:]
    return _definite(rest) or d.token_counts.get(rest, 0) > 0 or d.registry.resolve_name(rest) is not None


# Verbs whose verbal-noun object may carry the subject's pronoun: أعلن عزمه، نفى تورطه، أكد دعمه.
_POSSESSIVE_OK = frozenset({"اعلن", "نفي", "اكد"})


def _frame_masdar(d: _Doc, c: Cue, sp: Speaker | None, limit: int, sent_end: int) -> None:
    """أعلنت الوزارة مقتل ثلاثة …، نفى الحزب أي علاقة …، أشار إلى وجود …: a reporting verb whose
    object is a verbal-noun phrase states it; the statement is that phrase."""
    s = d.s
    lemma = _VERB_LEMMA.get(c.word)
    if lemma not in _MASDAR_VERBS or sp is None:
        return
    if c.object_start is not None:
        start = c.object_start
    elif sp.pronoun or sp.end <= c.end:
        start = c.end
    else:
        start = sp.end
    ws = _words(s, start, min(limit, sent_end))
    # Adjuncts between the subject and the object: اليوم، في بيان، عبر حسابه …
    i = 0
    skipped_adjunct = False
    while i < len(ws):
        w = ws[i][2]
        if w in _TIME_WORDS or w in _ADVERBS or w in {"ايضا", "كذلك", "مجددا", "رسميا", "تماما", "مرارا"}:
            i += 1
        elif w in {"بشكل", "بصوره", "بطريقه"} and i + 1 < len(ws):
            i += 2  # نفى "بشكل قاطع" تورط …: the manner, quoted or not
        elif w in {"في", "عبر", "خلال"} and i + 1 < len(ws) and _strip_al(ws[i + 1][2]) in _COMM_NOUNS:
            i += 2
            skipped_adjunct = True
            while i < len(ws) and (_nisba(ws[i][2]) or _definite(ws[i][2])) and ws[i][2] not in _PREPOSITIONS:
                i += 1
        else:
            break
    prep = _MASDAR_VERBS[lemma]
    if prep and lemma in _MASDAR_ADDRESSEE_VERBS and i < len(ws) and not _takes_prep(ws[i][2], prep):
        # طالب الحكومة بالعمل، حث النواب على منح، طالب من الجماهير بعدم: whom the demand is made
        # of stands before the preposition.
        k = _addressee_then_prep(d, ws, i, prep)
        if k is not None:
            i = k
    took_prep = False
    if i < len(ws) and ws[i][2] in _MASDAR_OPTIONAL_PREPS.get(lemma, ()):
        i += 1  # كشف عن خطة …، أكد على ضرورة …، أعلن عن مقتل …
    elif i < len(ws) and prep and ws[i][2] == prep:
        i += 1  # (an attached ب, طالب بوقف, stays: the phrase starts with it)
        took_prep = True
    if took_prep and i < len(ws) and ws[i][2] == "جانب" and lemma in _MASDAR_ADDRESSEE_VERBS:
        # دعت الدول، إلى جانب روسيا، إلى وقف …: "alongside" is no demand; the next إلى is.
        k = _addressee_then_prep(d, ws, i, prep)
        if k is None:
            return
        i = k + 1
    if len(ws) - i < 2:
        return
    first = ws[i][2]
    core = first[1:] if prep == "ب" and first.startswith("ب") else first
    took_prep = took_prep or (prep == "ب" and first.startswith("ب"))
    definite_ok = (lemma in {"اكد", "نفي", "اعلن", "كشف"} and len(core) >= 6 and not _nisba(core)) or (
        took_prep and lemma in _MASDAR_DEFINITE_AFTER_PREP  # دعا إلى التصدي: تفعّل masdars end in ي
    )
    if (
        (_definite(core) and not definite_ok)
        or core in _PREPOSITIONS
        or core in _FUNCTION_WORDS
        or core in _TIME_WORDS
        or core in {"باسم", "ردا", "تعليقا", "تعقيبا"}
        or core in _ADVERBS
        or core in _VERB_FORMS
        or _COMP_RE.fullmatch(core)
        or _bare(core) in _TITLES
        or _bare(core) in _HEADS
        or core in _UNNAMED
        or _group_head(core)
        or (len(core) < 3 and core != "اي")
        or core.isdigit()
        or d.registry.resolve_name(core) is not None
        or d.inside_quote(ws[i][0])
        or (_possessive(d, ws[i]) and (lemma not in _POSSESSIVE_OK or skipped_adjunct) and not c.participle)
        or _conjunct(d, core)
        or (core.startswith("ل") and not _MASDAR_VERBS[lemma])
    ):
        return
    a = ws[i][0]
    b = min(limit, sent_end)
    for m in re.finditer(rf"[،,؛;]\s*و?({_W}+)", s[a:b]):
        if s[a + m.start()] in "؛;" or m.group(1) in _CLAUSE_OPENERS or m.group(1).lstrip("و") in _CLAUSE_OPENERS:
            b = a + m.start()
            break
    c.content = (a, b)
    c.via_comp = "object"


def _takes_prep(w: str, prep: str) -> bool:
    return w == prep or (prep == "ب" and w.startswith("ب") and len(w) > 3)


def _addressee_then_prep(d: _Doc, ws, i: int, prep: str) -> int | None:
    """Index of the verb's preposition after a short addressee (الحكومة، من الجماهير الرياضية،
    تونس،), or None when something else comes first."""
    # والذي شارك في النهائيات بمنح …: a relative clause on the subject may stand first.
    reach = 14 if ws[i][2] in _RELATIVES else 6
    for k in range(i + 1, min(len(ws), i + reach)):
        w = ws[k][2]
        if _takes_prep(w, prep) and not d.registry.resolve_name(w):
            return k
        if w in _VERB_FORMS or _COMP_RE.fullmatch(w) or d.inside_quote(ws[k][0]) or w in _FUNCTION_WORDS:
            return None
    return None


def _frame_verb(d: _Doc, c: Cue, sent_start: int, limit: int, sent_end: int) -> None:
    s = d.s
    # An impersonal passive (يُذكر أنّ …) at the start of a clause has no speaker.
    # (أما الشاعر فيرى أنّ: after a topic the verb is active, its subject the topic.)
    topic_first = s[c.start] == "ف" and re.match(r"\s*و?اما\s", s[sent_start : c.start]) is not None
    if c.word in _IMPERSONAL and not topic_first:
        after = _words(s, c.end, min(sent_end, c.end + 12))
        if after and _COMP_RE.fullmatch(after[0][2]):
            return
    # Quoted names between the verb and its complementiser belong to the subject.
    comp, qk, candidates = _statement_starts(d, c.end, limit)
    if not candidates:
        c.objectish = True
        c.subject = (c.end, min(limit, sent_end))
        c.has_subject = _has_subject(d, c.end, limit)
        _postposed_quote(d, c, sent_start, sent_end)
        return
    pos, how, content_start = min(candidates)
    # A quote before the complementiser whose span reaches past it is a name in the subject.
    if how == "quote" and comp is not None and d.marks[qk].close is not None and d.marks[qk].close < comp.start():
        between = s[d.marks[qk].close + 1 : comp.start()]
        named_after_title = (
            len(_TOKEN.findall(s, d.marks[qk].start, d.marks[qk].end)) <= 4
            and any(_bare(w[2]) in _TITLES for w in _first_words(s, c.end, d.marks[qk].open, 6))
            and s[d.marks[qk].close + 1 : d.marks[qk].close + 3].strip()[:1] in {"،", ","}
        )
        coordinated = s[comp.start()] in "وف"  # "…" وأنه "…": a second statement, not the first one's frame
        if (
            not coordinated and len(_words(s, d.marks[qk].close + 1, comp.start())) <= 3 and "،" not in between
        ) or named_after_title:
            # المتحدث باسم الجماعة "قاري حمزة"، في بيان …، إن: the quote names the speaker.
            pos, how, content_start = comp.start(), "comp", comp.end()
    c.subject = (c.end, pos)
    c.has_subject = _has_subject(d, c.end, pos)
    gap = len(_TOKEN.findall(s, c.end, pos))
    # An apposition between commas (يقول مصطفى حيدر، أستاذ … في البقاع، إن) may be long.
    apposition = how == "comp" and s[c.end : pos].rstrip().endswith(("،", ",")) and gap <= 32
    if how == "colon" and gap <= 32:
        # وقال باسيل كاراتازاس، مستشار الشحن …، الذي يعمل مع …: "…": a name, then its apposition.
        head = _first_words(s, c.end, pos, 5)
        apposition = bool(head) and any(s[w[1] : w[1] + 2].lstrip()[:1] in {"،", ","} for w in head[:4])
    if gap > 14 and not apposition:
        # Too far for a subject: the complementiser belongs to some later clause.
        c.objectish = True
        return
    c.content = _colon_then_next_line(d, how, content_start, sent_end)
    c.via_comp = how


def _statement_starts(d: _Doc, start: int, limit: int):
    """Where a reported statement may begin after a cue: a complementiser, a colon or a quote.
    Returns (complementiser match, quote index, [(position, how, content start)])."""
    comp = _first_comp(d, start, limit)
    colon = _first_colon(d, start, limit)
    qk = _first_quote(d, start, limit, skip_names=True)
    candidates = []
    if comp is not None:
        candidates.append((comp.start(), "comp", comp.end()))
    if colon >= 0:
        candidates.append((colon, "colon", colon + 1))
    if qk >= 0:
        candidates.append((d.marks[qk].open, "quote", d.marks[qk].open))
    return comp, qk, candidates


def _quoted_after(d: _Doc, pos: int) -> int | None:
    """Where a closed quotation (or bracket) opening right after ``pos`` ends (لـ "الاقتصادية"،
    لـ(عكاظ)): the offset just past its closing mark, or None."""
    k = bisect_left(d.mark_starts, pos)
    if k < len(d.marks) and d.marks[k].open - pos <= 2 and d.marks[k].close is not None:
        return d.marks[k].close + 1
    m = re.match(r"\s?\(([^()\n]{1,40})\)", d.s[pos : pos + 45])
    return pos + m.end() if m else None


def _has_subject(d: _Doc, a: int, b: int) -> bool:
    first = _TOKEN.search(d.s, a, b)
    if first is not None and first.group() == "ل":
        # أكد لـ«عكاظ» وزير التعليم: an addressee (a quoted outlet) before the subject.
        after = _quoted_after(d, first.end())
        if after is not None:
            first = _TOKEN.search(d.s, after, b)
    while first is not None and first.group() in _PRONOUN_PPS:
        first = _TOKEN.search(d.s, first.end(), b)  # قال فيه رئيس النقابة: skip to the subject
    if first is not None and first.start() > a and first.group() in _TIME_WORDS:
        # قال لـ"الاقتصادية" أمس، اللواء …: after an addressee, a time word and its comma.
        nxt = _TOKEN.search(d.s, first.end(), b)
        if nxt is not None and d.s[first.end() : nxt.start()].strip() in {"،", ","}:
            a, first = nxt.start(), nxt
    if first is None:
        return False
    w = first.group()
    gap = d.s[a : first.start()]
    if "،" in gap or "," in gap:
        return False
    if w in _PREPOSITIONS or w in _ADJUNCT_OPENERS or _COMP_RE.fullmatch(w):
        return False
    return not _indirect_object(d, w)


def _indirect_object(d: _Doc, w: str) -> bool:
    """لـ, للصحفيين, لوكالة …, لماكرون (a name already known): an indirect object. Names that
    merely begin with ل (لافروف) stay subjects."""
    if w == "ل" or w.startswith("لل"):
        return True
    if not w.startswith("ل") or w.startswith("ال"):
        return False
    rest = w[1:]
    if _bare(rest) in _HEADS or _bare(rest) in _TITLES or d.registry.resolve_name(rest) is not None:
        return True
    if d.registry.resolve_name(w) is not None:
        return False
    # The document names it elsewhere without the ل (سبوتنيك … لسبوتنيك): an addressee.
    return d.token_counts.get(rest, 0) > 0 and d.token_counts.get(w, 0) <= 1


def _colon_then_next_line(d: _Doc, how: str, start: int, end: int) -> tuple[int, int]:
    """وقال الوزير: ⏎ "…": a colon closing its line hands over to a quote opening the next one."""
    if how == "colon" and _TOKEN.search(d.s, start, end) is None:
        k = bisect_left(d.mark_starts, end)
        if k < len(d.marks) and d.s[end : d.marks[k].open].strip() == "":
            return (d.marks[k].open, d.marks[k].end + 1)
    return (start, end)


def _postposed_quote(d: _Doc, c: Cue, sent_start: int, sent_end: int) -> None:
    """ "…"، قال الوزير — a verb straight after a closing quote claims it ("…"، أضاف. too)."""
    k = bisect_left(d.mark_starts, c.start) - 1
    if k < 0 or k in d.used_marks:
        return
    m = d.marks[k]
    if m.close is None:
        return
    gap = d.s[m.close + 1 : c.start]
    bare_verb = not _TOKEN.search(d.s, c.end, sent_end)  # "…"، أضاف. : the subject is dropped
    if len(gap) <= 3 and gap.strip(" ،,.-—") == "" and not d.is_name(k) and (c.has_subject or bare_verb):
        c.content = (m.open, m.close + 1)
        c.via_comp = "post"


def _frame_participle(d: _Doc, c: Cue, limit: int, sent_end: int) -> None:
    _comp, _qk, candidates = _statement_starts(d, c.end, limit)
    # Only a short bridge (إلى، ب، له) may stand between the participle and its statement.
    if not candidates or len(_words(d.s, c.end, min(candidates)[0])) > 3:
        _frame_participle_masdar(d, c, limit, sent_end)
        return
    _pos, how, content_start = min(candidates)
    c.content = _colon_then_next_line(d, how, content_start, sent_end)
    c.via_comp = how


_PARTICIPLE_VERBS = dict(_LEX["participle_verbs"])


def _frame_participle_masdar(d: _Doc, c: Cue, limit: int, sent_end: int) -> None:
    """مشددا على ضرورة …، مؤكدا التزامها …: a participle whose object is a verbal-noun phrase
    states it, as its verb does (_frame_masdar)."""
    w = c.word[1:] if c.word[:1] == "و" and c.word[1:] in _PART_FORMS else c.word
    base = w[:-1] + "ا" if w.endswith("ه") else (w[:-2] + "ا" if w.endswith("ين") else w)
    lemma = _PARTICIPLE_VERBS.get(base)
    if lemma is None:
        return
    shim = Cue("verb", c.start, c.end, c.gender, c.plural, lemma)
    shim.object_start = c.end
    shim.participle = True
    _frame_masdar(d, shim, Speaker("", c.start, c.end, None, None, "", None, False), limit, sent_end)
    if shim.content is not None:
        c.content, c.via_comp = shim.content, shim.via_comp


def _frame_qawl(d: _Doc, c: Cue, limit: int, sent_end: int) -> None:
    comp = _first_comp(d, c.end, limit)
    if comp is None:
        return
    ws = _words(d.s, c.end, comp.start())
    if not 1 <= len(ws) <= 5:
        return
    c.subject = (c.end, comp.start())
    c.has_subject = True
    c.content = (comp.end(), sent_end)
    c.via_comp = "comp"


def _segment_end(s: str, a: int, reach: int) -> int:
    """Where the phrase after ``a`` ends: at the next comma or sentence mark, within ``reach``."""
    m = re.compile(r"[،,.؛;:!?؟\n]").search(s, a, min(len(s), a + reach))
    return m.start() if m else min(len(s), a + reach)


def _looks_like_source(d: _Doc, a: int, b: int) -> bool:
    """Can the phrase after بحسب / وفقا ل / نقلا عن be someone who says things?"""
    s = d.s
    if _PRONOUN_ONLY.match(s[a:b]) or d.marks_between(a, b) or _REPORTING_MASDAR_RE.match(s, a, b):
        return True
    first = _TOKEN.search(s, a, b)
    if first is None:
        return False
    w = first.group()
    if s[first.start() - 1 : first.start()] == "ل" and w.startswith("ل"):
        w = "ا" + w  # وفقا للمصادر: the regex took the first ل of لل
    bare = _bare(w)
    if bare in _HEADS or bare in _TITLES or bare in _UNNAMED or _group_head(bare) or _group_head(w):
        return True
    if bare in _STATEMENT_NOUNS and _definite(w) and d.last_issuer is not None:
        return True
    if d.registry.resolve_name(w) is not None:
        return True
    # A proper name (no article) may be a source (بحسب رويترز); a definite common noun is not, nor
    # a noun in construct with one (حسب احتياج سوق العمل).
    ws = _first_words(s, first.start(), b, 4)
    construct = any(_definite(x[2]) for x in ws[1:3]) and len(ws) >= 3
    return not _definite(w) and not _nisba(w) and w not in _PREPOSITIONS and not construct


def _frame_nominal(d: _Doc, c: Cue, sent_start: int, limit: int, sent_end: int, cues, i) -> None:
    s = d.s
    # The source phrase runs to the next comma or cue.
    m = re.search(r"[،,:]", s[c.end : limit])
    src_end = c.end + m.start() if m else limit
    src_end = min(src_end, sent_end)
    if c.word == "pp" and not _looks_like_source(d, c.end, src_end):
        return  # بحسب الحاجة، وفقا للقانون: "according to" a thing, not a source
    if c.word == "pp" and re.fullmatch(r"و?وفق\s+", s[c.start : c.end]):
        first = _TOKEN.search(s, c.end, src_end)
        w = first.group() if first else ""
        known = d.registry.resolve_name(w) is not None or _bare(w) in _TITLES | _HEADS.keys() or w in _UNNAMED
        if not known and not _REPORTING_MASDAR_RE.match(s, first.start() if first else c.end, src_end):
            return  # وفق خطة، وفق احتياج السوق: "in line with" a thing
    comp = _first_comp(d, c.end, src_end)
    if comp is not None and c.word != "ma":
        # وجاء على لسان X أن …، في تصريح لـ X إن …: the statement follows the source.
        c.subject = (c.end, comp.start())
        c.has_subject = True
        c.content = (comp.end(), sent_end)
        c.via_comp = "comp"
        return
    c.subject = (c.end, src_end)
    c.has_subject = True
    near = c.start - sent_start <= _LOOK_BACK
    head = s[sent_start : c.start] if near else ""
    dm = _DISCOURSE.match(head + "،") if near else None
    preposed = near and (
        not _first_words(s, sent_start, c.start, 1)
        or (dm is not None and not _first_words(s, sent_start + len(dm.group()), c.start, 1))
    )
    if preposed:
        start = src_end + 1 if m else src_end
        if start < sent_end:
            c.content = (start, sent_end)
            c.via_comp = "pre"
        return
    # Postposed: "…، وفق ما ذكر X" claims the sentence before it.
    start = sent_start
    if i > 0 and c.start - sent_start > 8 * _LOOK_BACK:
        start = max(sent_start, cues[i - 1].end)  # a run-on sentence: claim only what follows the last cue
    dm = _DISCOURSE.match(s[start : min(c.start, start + _LOOK_BACK)])
    if dm:
        start = start + dm.end()
    if i > 0 and cues[i - 1].content is not None:
        return  # the earlier cue already frames this part of the sentence
    if any(
        cues[j].kind == "verb"
        and cues[j].start >= start
        and cues[j].word not in _IMPERSONAL
        and _VERB_LEMMA.get(cues[j].word) in _SAYING | {"اعلن", "كشف"}
        and len(_TOKEN.findall(s, cues[j].end, c.start)) <= 4
        for j in range(max(0, i - 3), i)
    ):
        return  # وقال جاوش أوغلو، بحسب وكالة الأناضول: only the verb and its subject come first
    ws = _first_words(s, start, c.start, 3)
    if len(ws) > 2 and ws[0][2].lstrip("و") in _IMPERSONAL and _COMP_RE.fullmatch(ws[1][2]):
        start = ws[1][1]  # يُذكر أنّ … : the impersonal frame is not part of the report
    c.content = (start, c.start)
    c.via_comp = "post"


_AMMA_TOPIC = re.compile(rf"\s*و?اما\s+([^،,.:؛]{{2,80}}?)\s+ف(?:قد\s+|{_W})")
_KANA_QAD = re.compile(rf"(?<!{_W})[وف]?(?:كان|كانت|كانوا)\s+([^،,.]{{2,80}}?)\s+(?:قد|لقد)(?!{_W})")
_AUXILIARY = re.compile(
    r"\s*(?:(?:[وف]?(?:غير|الا|بيد|كما|اذ|حيث)\s+ان|و?اما)\s+)?"  # غير أن الرئيس قال، أما المنظمة فاعتبرت
    # فأخذ المتنبي يصيح، وراحت الوزيرة تقول: a verb of beginning before the subject.
    r"(?:[وف]?(?:كان|كانت|كانوا|اخذ|اخذت|راح|راحت|لكن(?:ه|ها|هم|هما)?)(?!\w))?\s*"
)
_KANA_SUBJECT = re.compile(r"^\s*[وف]?(?:كان|كانت|كانوا)\s+([^.:]{2,120}?)\s*[،,]?\s*(?:قد\s+)?$")
_QAD_CLAUSE_RE = re.compile(rf"(?<={_W}\s)(?:وقد|فقد|ولقد)\s")
_PRE_VERB_END = re.compile(r"\s*(?:قد|لقد|ف?قد)?\s*$")


def _derived_verb_shape(w: str) -> bool:
    """استنكرت، استعرض، انتقدت، اجتمعت: a past verb of the derived forms, too long for the short
    test; their verbal nouns (استنكار، اجتماع) have ا before the last root letter."""
    if len(w) < 6 or w[-2] == "ا":
        return False
    if w.startswith("است"):
        return len(w) == 6 or (len(w) == 7 and w.endswith("ت"))
    return len(w) == 6 and w[0] == "ا" and w.endswith("ت")


def _clause_verb(d: _Doc, w: str) -> bool:
    """وندد، وغادر، فأشاد: a short word with و/ف that is no noun we know opens a verb-first clause."""
    if w[:1] not in "وف":
        return False
    rest = w[1:]
    if not (3 <= len(rest) <= 5 or _derived_verb_shape(rest)):
        return False
    return not (
        _definite(rest)
        or _bare(rest) in _TITLES
        or _bare(rest) in _HEADS
        or rest in _UNNAMED
        or _group_head(rest)
        or rest in _NOT_SPEAKER_START
        or rest in _PREPOSITIONS
        or d.registry.resolve_name(rest) is not None
    )


_PRONOUN_SUBJECTS = {
    p + w: v
    for w, v in {"هو": ("m", False), "هي": ("f", False), "هم": (None, True), "هن": ("f", True)}.items()
    for p in ("", "و", "ف")
}
# …، ولكنه قال; …، إلا أنها أكدت: the pronoun carried by لكنّ/أنّ is the subject.
_PRONOUN_SUBJECTS.update(
    {
        p + w + suffix: v
        for suffix, v in {"ه": ("m", False), "ها": ("f", False), "هم": (None, True)}.items()
        for w, prefixes in {"لكن": ("", "و"), "ان": ("الا ", "غير ", "بيد ")}.items()
        for p in prefixes
    }
)


def _subject_of_first_verb(d: _Doc, ws, openers: set[str], bare_verb: bool = False) -> int | None:
    """Where the subject of a verb-first clause starts in ``ws``: after وندد/وفصل …, after an
    opener and a verb (وقد عبر، كما ثمن), or with ``bare_verb`` after a verb without و whose
    subject is a title or a given name (أرجع لاعب المنتخب …)."""
    k = 1 if len(ws) >= 4 and ws[0][2] in openers else 0
    if len(ws) < 3 + k:
        return None
    if k:
        w = ws[1][2]
        return 2 if not (_definite(w) or _bare(w) in _TITLES or _bare(w) in _HEADS) else None
    if _clause_verb(d, ws[0][2]):
        return 1
    w0, w1 = ws[0][2], ws[1][2]
    if (
        bare_verb
        and (3 <= len(w0) <= 6 or _derived_verb_shape(w0))
        and not (_definite(w0) or _bare(w0) in _TITLES or _bare(w0) in _HEADS or w0 in _GIVEN_NAMES)
        and w0 not in _NOT_SPEAKER_START
        and w0 not in _PREPOSITIONS
        and w0 not in _FUNCTION_WORDS
        and (_bare(w1) in _TITLES or w1 in _GIVEN_NAMES)
    ):
        return 1
    return None


def _plural_subject(d: _Doc, sp: Speaker) -> bool:
    """مسؤولون، وسائل إعلام، تقارير: a plural noun phrase (a sound plural, a group or a listed broken
    plural); names ending like a plural (عريقات) are names."""
    first = _TOKEN.search(d.s, sp.start, sp.end)
    if first is None or (sp.entry is not None and sp.entry.kind == "person"):
        return False
    head = _strip_al(first.group())
    if d.registry.resolve_name(head) is not None:
        return False
    sound_plural = len(head) > 4 and head.endswith(("ات", "ون", "ين"))
    return sp.plural or _group_head(head) or head in _PLURAL_HEADS or sound_plural


def _preverbal_subject(d: _Doc, c: Cue, sent_start: int) -> Speaker | None:
    """A noun phrase opening the clause right before a verb that has no subject after it."""
    s = d.s
    back = max(sent_start, c.start - _LOOK_BACK)
    clause = max(back, s.rfind("،", back, c.start) + 1, s.rfind(",", back, c.start) + 1)
    # … في الرباط وقد عبر مدير المنتخب خالد مطر عن سعادته وقال: وقد opens a clause of its own.
    clause = max((m.start() for m in _QAD_CLAUSE_RE.finditer(s, clause, c.start)), default=clause)
    # وكان ذبيح الله مجاهد، أكد …؛ حسين المعلاق، وهو صاحب محل …، أوضح: step back over an empty
    # segment and over appositive or relative ones to the subject before them.
    end = c.start
    alone = _words(s, clause, end)
    alone_text = " ".join(w[2] for w in alone)
    if 1 <= len(alone) <= 2 and alone_text in _PRONOUN_SUBJECTS:
        # …، وهو يقول "…": the pronoun is the subject, the person the sentence is about.
        g, pl = _PRONOUN_SUBJECTS[alone_text]
        sp = _pronoun(d, g, pl, c.start)
        return sp if sp.entry is not None else None
    for _ in range(4):
        seg = _first_words(s, clause, end, 1)
        opener = seg[0][2] if seg else ""
        # مات بنكندورف، رئيس قسم الاستثمار في …، يقول: a title segment is an apposition of the
        # name before it.
        title_apposition = (
            bool(seg)
            and _bare(opener) in _TITLES
            and clause > back
            and s[clause - 1] in "،,"
            and _name_like(
                _TOKEN.findall(
                    s, max(back, s.rfind("،", back, clause - 1) + 1, s.rfind(",", back, clause - 1) + 1), clause - 1
                )
            )
        )
        # توم فورت، من شركة دافيدسون، قال: an affiliation segment is an apposition too.
        affiliation = (
            opener in {"من", "في"}
            and clause > back
            and _bare(next(iter(_TOKEN.findall(s, seg[0][1], end)), "")) in _HEADS
        )
        if (
            seg
            and not title_apposition
            and not affiliation
            and opener not in {"وهو", "وهي", "وهم"}
            and opener not in _RELATIVES
            and opener[1:] not in _RELATIVES
        ):
            break
        if clause <= back:
            return None
        end = clause - 1
        clause = max(back, s.rfind("،", back, end) + 1, s.rfind(",", back, end) + 1)
        if d.marks_between(clause, end + 1):
            return None  # "…"، أضاف: the segment before is a quotation, the subject is dropped
    lead = _first_words(s, sent_start, c.start, 1)
    lead_word = lead[0][2] if lead else ""
    lead_word = lead_word[1:] if lead_word[:1] in "وف" and lead_word[1:] in _PREPOSITIONS else lead_word
    if clause > sent_start and opener[:1] == "و" and lead_word in {"عن", "حول", "بشان", "بخصوص"}:
        # وعن مستقبله …، واحتمالية عودته …، قال: the segment goes on with the opening topic.
        return None
    meeting = re.match(rf"\s*و?في\s+(?:لقاء|حديث|مقابله|اتصال|حوار)(?:\s+{_W}+)?\s+مع\s+", s[clause:end])
    if meeting and end < c.start:
        clause += meeting.end()  # في لقاء مع حسين المعلاق، …، أوضح
    return _preverbal_phrase(d, c, clause, end)


def _preverbal_phrase(d: _Doc, c: Cue, clause: int, end: int) -> Speaker | None:
    s = d.s
    a = clause + _AUXILIARY.match(s, clause, end).end() - clause
    b = a + len(_PRE_VERB_END.sub("", s[a:end]))
    ws = _words(s, a, b)
    # وقد عبر مدير المنتخب خالد مطر عن سعادته وقال: قد before the first verb.
    subject = _subject_of_first_verb(d, ws, {"وقد", "فقد", "قد", "ولقد"})
    if subject is not None and s[c.start] in "وف":
        # وندد إسماعيل هنية القيادي في حماس بإسرائيل وقال: the subject of the first verb speaks.
        inner = Cue("verb", c.start, c.end, c.gender, c.plural, c.word)
        inner.objectish = True
        sp = parse_speaker(d, ws[subject][0], b, inner)
        if sp is not None and (sp.kind in {"person", "unnamed", "group"} or sp.entry is not None):
            return sp
        if sp is not None and sp.kind in {"organisation", "government", "media"}:
            return sp  # ورفضت الشركة الإجابة …، وقالت
    if not 1 <= len(ws) <= 8:
        return None
    if ws[0][2].startswith(("وال", "فال")):
        a = ws[0][0] + 1  # والوزارة أعلنت: the conjunction is not part of the name
        ws = _words(s, a, b)
    first = ws[0][2]
    bare_first = first[1:] if first[:1] in "وف" and len(first) > 2 else first
    if {first, bare_first} & (_ADJUNCT_OPENERS | _PREPOSITIONS) or _COMP_RE.fullmatch(first):
        return None
    if any(_VERB_FORMS.get(w[2]) for w in ws):
        return None
    if first.startswith(("بال", "لل")) or _indirect_object(d, first):
        return None
    inner = Cue("verb", c.start, c.end, c.gender, c.plural, c.word)
    return parse_speaker(d, a, b, inner)


def _antecedent(d: _Doc, c: Cue, sent_start: int) -> Speaker | None:
    """أبو سليم، الذي يرفض …، والذي يقول إن: the name before the relative clauses."""
    s = d.s
    sent_start = max(sent_start, c.start - _LOOK_BACK)
    segs = re.split(r"[،,]", s[sent_start : c.start])
    for seg in reversed(segs[:-1] if len(segs) > 1 else segs):
        ws = _TOKEN.findall(seg)
        if not ws:
            continue
        if ws[0] in _RELATIVES or ws[0][1:] in _RELATIVES:
            continue
        start = sent_start + s[sent_start : c.start].find(seg)
        words = _words(s, start, start + len(seg))
        name = _take_name(words, len(words) - 1, -1)
        if name and not _definite(name[0][2]):
            return _named(d, s[name[0][0] : name[-1][1]], name[0][0], name[-1][1], "person", "person", None, c, "")
        return None
    return None


def _after_opening_adjunct(d: _Doc, start: int, end: int) -> int:
    """Where the clause starts after an opening adjunct segment (بدوره، من جانبه، وفي المقابل،)."""
    s = d.s
    comma = min((i for i in (s.find("،", start, end), s.find(",", start, end)) if i >= 0), default=-1)
    if comma < 0:
        return start
    ws = _words(s, start, comma)
    if not 1 <= len(ws) <= 4 or any(w[2] in _VERB_FORMS for w in ws) or d.marks_between(start, comma):
        return start
    first = ws[0][2][1:] if ws[0][2][:1] == "و" and len(ws[0][2]) > 2 else ws[0][2]
    return comma + 1 if first in _PREPOSITIONS or first in _ADVERBS else start


def _first_verb_subject(d: _Doc, c: Cue, sent_start: int) -> Speaker | None:
    """The subject of the sentence's first verb (وفصل الأمير عبدالله بن مساعد الإجراءات، قائلا),
    when it names someone."""
    s = d.s
    opening = _after_opening_adjunct(d, sent_start, c.start)
    ws = _first_words(s, opening, c.start, 4) if c.start - opening <= _LOOK_BACK else []
    # كما ثمن الأمير خالد الفيصل …، مؤكدا: a discourse word before the first verb.
    subject = _subject_of_first_verb(d, ws, {"كما", "وكما", "ثم", "وقد", "فقد", "قد"}, bare_verb=True)
    if subject is None:
        return None
    inner = Cue("verb", c.start, c.end, c.gender, c.plural, c.word)
    inner.objectish = True
    sp = parse_speaker(d, ws[subject][0], c.start, inner)
    if sp is not None and (sp.kind in {"person", "unnamed", "group"} or sp.entry is not None):
        return sp
    if sp is not None and sp.kind in {"organisation", "government", "media"} and not sp.descriptor:
        return sp  # وأيدت اليابان الولايات المتحدة قائلة: a country or a body speaks too
    return None


def _says_in_it(d: _Doc, c: Cue, a: int, b: int) -> bool:
    """عبر عن تعازيه في تغريدة قال فيها، أصدر بيانا ذكر فيه: a verb whose subject is only فيه/فيها
    after a tweet, a statement or an interview."""
    first = _first_words(d.s, a, b, 1)
    if not first or first[0][2] not in {"فيه", "فيها", "فيهما"}:
        return False
    before = _TOKEN.findall(d.s, max(0, c.start - 40), c.start)[-3:]
    return any(_strip_al(w) in _COMM_NOUNS or _bare(w) in _COMM_NOUNS for w in before)


def _cue_speaker(d: _Doc, c: Cue, last: Speaker | None, cues, i, sent_start: int) -> Speaker | None:
    s = d.s
    if c.relative and not c.has_subject:
        sp = _plausible(d, _antecedent(d, c, sent_start))
        if sp is not None:
            c.speaker = _commit(d, sp, c.start)
            return c.speaker
    if c.kind == "part":
        # A participle shares the subject of the sentence's last finite cue, when they agree
        # (… سيدة تدعى كاثرين، والتي ادعت أنه …، نافيا: not hers, the sentence's subject's).
        if last is not None and not (c.gender and last.gender and c.gender != last.gender and not c.plural):
            return last
        sp = _first_verb_subject(d, c, sent_start)
        if sp is not None:
            return _commit(d, sp, c.start)
        amma = _AMMA_TOPIC.match(s, sent_start, c.start)
        if amma is not None:
            # أما الكاتب إبراهيم القيسي فقد كتب …، قائلا: the topic of أما speaks.
            sp = parse_speaker(d, amma.start(1), amma.end(1), Cue("verb", c.start, c.end, c.gender, c.plural))
            if sp is not None:
                return _commit(d, sp, c.start)
        kana = _KANA_QAD.search(s, max(sent_start, c.start - _LOOK_BACK), c.start)
        if kana is not None:
            # وكانت اللجنة قد رفضت …، معتبرة أن: the subject of the كان … قد clause.
            sp = parse_speaker(d, kana.start(1), kana.end(1), Cue("verb", c.start, c.end, c.gender, c.plural))
            if sp is not None:
                return _commit(d, sp, c.start)
        return _commit(d, _pronoun(d, c.gender, c.plural, c.start), c.start)
    if c.subject is None:
        return None
    a, b = c.subject
    if c.kind == "verb" and _says_in_it(d, c, a, b):
        if d.last_issuer is not None and 0 <= c.start - d.issuer_says_at <= 2:
            # بيانا لمتحدث باسم الوزارة قال فيه: whose statement it is speaks in it.
            c.has_subject = False
            c.speaker = _issuer(d, c.start)
            return c.speaker
        sp = _first_verb_subject(d, c, sent_start) or last
        if sp is not None:
            c.has_subject = False
            c.speaker = _commit(d, sp, c.start) if sp is not last else sp
            return c.speaker
    if c.kind == "nominal":
        pm = _PRONOUN_ONLY.match(s[a:b])
        rm = _REPORTING_MASDAR_RE.match(s, _TOKEN.search(s, a, b).start() if _TOKEN.search(s, a, b) else a, b)
        if rm and not pm and len(_words(s, a, b)) == 1:
            # وفق تأكيدها، حسب تعبيرهم: the attached pronoun is the source.
            g, pl = _PRONOUN_SUFFIX[rm.group("suffix")]
            c.speaker = _commit(d, _pronoun(d, g, pl, c.start), c.start)
            return c.speaker
        if pm:
            g, pl = _PRONOUN_SUFFIX[pm.group(1)]
            c.speaker = _commit(d, _pronoun(d, g, pl, c.start), c.start)
            return c.speaker
    if c.word == "statement":
        # وجاء في البيان أن (no issuer named): the statement mentioned before.
        sp = _commit(d, parse_speaker(d, a, b, c), c.start) if _words(s, a, b) else _issuer(d, c.start)
        if sp is not None and sp.entry is not None:
            d.last_issuer = sp.entry
        c.speaker = sp
        return sp
    if c.kind == "verb" and _VERB_LEMMA.get(c.word) == "روي":
        first = _first_words(s, a, b, 1)
        if first and first[0][2] == "عن":
            # وروي عن النبي أنه قال: a passive report names its source after عن, and no relay.
            src = parse_speaker(d, first[0][1], b, Cue("verb", c.start, c.end, None, False, ""))
            if src is not None:
                c.speaker = _commit(d, src, c.start)
                return c.speaker
    if (c.kind == "verb" and c.word.startswith("نقل")) or c.word in {"ينقل", "تنقل"}:
        relay = _relay(d, c, a, b)
        if relay is not None:
            return relay
    if c.kind == "verb" and c.objectish and c.has_subject:
        first = _TOKEN.search(s, a, b)
        if first is not None and first.group() in _DEMONSTRATIVES:
            c.has_subject = False  # ووصفت هذه التقارير بأنها …: the object; the subject is dropped
    kana = _KANA_SUBJECT.match(s[max(sent_start, c.start - _LOOK_BACK) : c.start]) if c.kind == "verb" else None
    if kana is not None:
        # وكان ذبيح الله مجاهد، أكد اختيار …: the subject stands between كان and the verb.
        off = max(sent_start, c.start - _LOOK_BACK)
        ka, kb = off + kana.start(1), off + kana.end(1)
        cut = max(s.rfind("،", ka, kb), s.rfind(",", ka, kb))
        if cut > ka and " ".join(w[2] for w in _words(s, cut + 1, kb)) in _PRONOUN_SUBJECTS:
            # وكان فلان يرغب في …، ولكنه قال: the pronoun takes up the subject of كان.
            kb = min((i for i in (s.find("،", ka, kb), s.find(",", ka, kb)) if i >= 0), default=cut)
            person = _entity_in(d, ka, kb)
            if person is not None and person[0] == "PER":
                kb = person[2]  # the clause goes on after the name (… يرغب في …)
        sp = parse_speaker(d, ka, kb, Cue("verb", c.start, c.end, c.gender, c.plural))
        if sp is not None:
            c.has_subject = False
            c.speaker = _commit(d, sp, c.start)
            return c.speaker
    if c.kind == "verb" and c.has_subject and _VERB_LEMMA.get(c.word) in _MASDAR_VERBS:
        first = _first_words(s, a, b, 1)
        if first and _possessive(d, first[0]) and not d.registry.resolve_name(first[0][2]):
            c.has_subject = False  # لكنها نفت استخدامها حيلاً: the object; the subject is dropped
    if c.kind == "verb" and c.objectish and c.has_subject and s[c.start] not in "وف":
        # المتحدث أخبر الصحيفة أن: with a subject before a verb of telling, the noun after it is
        # the addressee.
        pre = _preverbal_subject(d, c, sent_start)
        known = pre is not None and (pre.entry is not None or pre.descriptor or _person_in(d, pre.start, pre.end))
        if known and pre.name:
            c.has_subject = False
            c.speaker = _commit(d, pre, c.start)
            return c.speaker
    if c.kind == "verb" and c.has_subject and c.word.endswith(("وا", "ون")) and c.plural:
        # غير أن موظفي المستشفى أبلغوا أحمد أن: a verb agreeing in the plural follows its subject;
        # the noun after it is an object.
        c.has_subject = False
    sp = parse_speaker(d, a, b, c) if (c.has_subject or c.kind != "verb") else None
    if (
        c.kind == "verb"
        and not c.has_subject
        and d.last_issuer is not None
        and _previous_word(s, c.start) in {"بيانا", "تقريرا", "بلاغا", "تعميما"}
    ):
        # أصدر المحامي بيانا ذكر فيه أن: the statement's issuer speaks.
        c.speaker = _issuer(d, c.start)
        return c.speaker
    if c.kind == "verb" and not c.has_subject and c.word not in _CLAUSE_INITIAL_CUES:
        # Subject–verb order (الوزارة أعلنت أن، وكانت الصحيفة قد ذكرت أن). وبيّن and وزاد open a
        # clause of their own: no subject stands before them.
        sp = _preverbal_subject(d, c, sent_start)
        if sp is not None and _plural_subject(d, sp) and not c.plural and c.gender == "m" and s[c.start] not in "وف":
            # … وسائل إعلام قال إنها: a subject before its verb agrees with it; a plural before a
            # masculine singular verb is what the clause describes (وسائل إعلام [هو] قال إنها).
            sp = None
    elif c.kind == "verb" and sp is None and c.word not in _CLAUSE_INITIAL_CUES:
        # أما فلانة، …، فقالت لبي بي سي: only the addressee follows the verb; a known name or
        # person before it is the subject.
        pre = _preverbal_subject(d, c, sent_start)
        if pre is not None and (pre.entry is not None or _person_in(d, pre.start, pre.end)):
            sp = pre
    if sp is None and c.kind == "verb":
        # A dropped subject: the last speaker agreeing with the verb in gender and number.
        sp = _pronoun(d, c.gender, c.plural, c.start)
    if c.relayed_by is not None:
        relay = c.relayed_by
        if relay.speaker is None and relay.nested and relay.subject is not None:
            relay.speaker = _commit(d, parse_speaker(d, *relay.subject, relay), relay.start)
        c.via = relay.speaker
    if (
        c.kind == "verb"
        and not c.via_comp
        and sp is not None
        and sp.entry is None
        and sp.kind is None
        and not _comm_adjunct(d, sp.end, b)
    ):
        # A verb with no statement may have parsed its object (تكشف تفاصيل الخطة): the phrase
        # serves this sentence's participles but is not remembered for later pronouns.
        c.speaker = sp
        return sp
    sp = _commit(d, sp, c.start)
    c.speaker = sp
    # قالت الوزارة في بيان إن …: remember the issuer for a later "وفقا للبيان".
    if (
        sp is not None
        and sp.entry is not None
        and c.content is not None
        and any(_strip_al(w) in _STATEMENT_NOUNS for w in _TOKEN.findall(s, c.end, c.content[0]))
    ):
        d.last_issuer = sp.entry
    return sp


def _comm_adjunct(d: _Doc, a: int, b: int) -> bool:
    """Does "في بيان / عبر تغريدة / خلال مؤتمر" follow the phrase? Then it was its subject."""
    ws = _words(d.s, a, min(b, a + 40))
    return len(ws) >= 2 and ws[0][2] in {"في", "عبر", "خلال"} and _strip_al(ws[1][2]) in _COMM_NOUNS


def _issuer(d: _Doc, pos: int) -> Speaker | None:
    if d.last_issuer is None:
        return None
    sp = Speaker(d.last_issuer.name, pos, pos, d.last_issuer.kind, descriptor=True)
    sp.entry = d.last_issuer
    sp.resolved_by = "descriptor"
    return sp


def _relay(d: _Doc, c: Cue, a: int, b: int) -> Speaker | None:
    """نقلت الوكالة عن دبلوماسي قوله إنّ … -> speaker دبلوماسي, via الوكالة."""
    s = d.s
    m = None
    for mm in re.finditer(rf"(?<!{_W})عن(?!{_W})", s[a:b]):
        if not d.inside_quote(a + mm.start()):
            m = mm
            break
    if m is None:
        return None
    via_end, src_start = a + m.start(), a + m.end()
    src_end = b
    q = re.search(rf"(?<!{_W})قول(?:ه|ها|هم|هما)?(?!{_W})", s[src_start:b]) or _REPORTING_MASDAR_RE.search(
        s, src_start, b
    )
    if q:
        src_end = src_start + q.start() if q.re is not _REPORTING_MASDAR_RE else q.start()
        if q.re is _REPORTING_MASDAR_RE:
            c.object_start = q.end()
    via = parse_speaker(d, a, via_end, c) if _words(s, a, via_end) else _pronoun(d, c.gender, c.plural, c.start)
    via = _commit(d, via, c.start)
    inner = Cue("verb", c.start, c.end, None, False, "")
    src = parse_speaker(d, src_start, src_end, inner)
    if src is None:
        return via
    src = _commit(d, src, c.start + 1)
    c.via = via
    return src


def _emit(d: _Doc, c: Cue, sp: Speaker | None, sent_start: int, sent_end: int) -> None:
    s = d.s
    a, b = c.content
    name, skind = _speaker_name(sp)
    via_name = _speaker_name(c.via)[0] if c.via is not None else None
    if via_name == name:
        via_name = None
    base = {"comp": 0.85, "colon": 0.85, "quote": 0.85, "post": 0.75, "pre": 0.75, "object": 0.7}.get(c.via_comp, 0.6)
    if sp is None or (sp.entry is None and not sp.name):
        base -= 0.25
    elif sp.resolved_by in {"pronoun", "descriptor"}:
        base -= 0.1
    mention = d.span(sp.start, sp.end) if sp is not None and sp.end > sp.start else None
    cue_span = d.span(c.start, c.end)
    rule_base = {"verb": "ar.verb", "part": "ar.participle", "nominal": "ar.according", "qawl": "ar.qawl"}[c.kind]
    # Quoted spans inside the statement.
    quotes = [k for k in d.marks_between(a, b) if k not in d.used_marks and not d.is_name(k)]
    if c.via_comp == "post" and c.kind == "verb":
        quotes = [k for k in d.marks_between(a, b)]
    if quotes and c.via_comp in {"comp", "pre"}:
        # أن A "…"، وأن B: each coordinated complement is its own statement; an unquoted one is
        # reported in indirect speech even when its sibling quotes.
        pieces, start = [], a
        for m in _COORD_COMP_RE.finditer(s, a, b):
            if not d.inside_quote(m.start()):
                pieces.append((start, m.start()))
                start = m.end()
        if pieces:
            pieces.append((start, b))
            for pa, pb in pieces:
                if not any(k not in d.used_marks and not d.is_name(k) for k in d.marks_between(pa, pb)):
                    _emit_indirect(d, c, pa, pb, name, skind, mention, cue_span, via_name, base, rule_base)
    if quotes and c.via_comp in {"comp", "pre"}:
        # أنّ فريقه جاهز للمباراة «ورغم أن …»: a complete clause before a quotation that opens a
        # sentence of its own (with و/ف, or after a comma) is reported in indirect speech too.
        first = d.marks[quotes[0]]
        pre = _TOKEN.findall(s, a, first.open)
        inner = _TOKEN.findall(s, first.start, min(first.end, first.start + 40))
        gap = s[a : first.open].rstrip()
        opens = bool(inner) and inner[0][:1] in "وف" and len(inner[0]) > 3
        joined = _QUOTE_AFTER_CLAUSE_RE.search(gap)
        # … سيواجه الإقالة لكن بليجريني … يثق في أن فريقه سيقدم موسما "…": a connective and a
        # clause of its own come between the complement and the quotation.
        turn = next(
            (
                t
                for t in _CLAUSE_TURN_RE.finditer(gap)
                if len(_TOKEN.findall(gap, 0, t.start())) >= 4 and not d.marks_between(a, a + t.start())
            ),
            None,
        )
        if len(pre) >= 4 and (opens or joined or turn) and not d.inside_quote(a):
            # (… مع الفتاة، ولكن "…": the clause ends at the comma before the connective.)
            end = a + (joined or turn).start() if (joined or turn) else first.open
            _emit_indirect(d, c, a, end, name, skind, mention, cue_span, via_name, base, rule_base)
    if quotes:
        for k in quotes:
            m = d.marks[k]
            d.used_marks.add(k)
            # Direct: the marks hold the whole statement (after a bare إن, a colon or the verb).
            bare_frame = c.via_comp in {"colon", "quote", "post"} or s[a - 2 : a] in {"ان", "إن"}
            tail = s[m.end + 1 : b] if m.close is not None else ""
            whole = _TOKEN.search(s, a, m.open) is None and not _TOKEN.search(tail)
            kind = "direct" if (bare_frame and whole) or (c.via_comp == "post" and c.kind == "verb") else "mixed"
            if c.via_comp == "quote" and len(_TOKEN.findall(s, c.end, m.open)) > 4:
                kind = "mixed"  # أعلن في خطاب … استعداده للحوار «…»: words of the reporter come first
            before_mark = _TOKEN.findall(s, max(0, m.open - 12), m.open)
            if before_mark and _QAWL_RE.fullmatch(before_mark[-1]) and not _TOKEN.search(tail):
                kind = "direct"  # نقلت الوكالة عن فلان قوله "…": the quotation is all he said
            text = s[m.start : m.end].strip()
            if len(_TOKEN.findall(text)) < 2:
                continue
            start = m.start + (len(s[m.start : m.end]) - len(s[m.start : m.end].lstrip()))
            d.out.append(
                _attr(
                    d,
                    kind,
                    start,
                    start + len(text),
                    name,
                    skind,
                    mention,
                    cue_span,
                    via_name,
                    base,
                    f"{rule_base}_{c.via_comp}_{kind}",
                )
            )
        return
    # No quotation marks: the clause itself is reported speech.
    _emit_indirect(d, c, a, b, name, skind, mention, cue_span, via_name, base, rule_base)


_QAWL_RE = re.compile(r"قول(?:ه|ها|هم|هما)")

# A comma, perhaps a connective, then a quotation: the clause before it is complete.
_QUOTE_AFTER_CLAUSE_RE = re.compile(rf"[،,]\s*(?:(?:و?لكن|الا\s+ان|بل)(?!{_W})\s*)?$")

# A connective that turns to a clause of its own (… لكن فلان يثق في …).
_CLAUSE_TURN_RE = re.compile(rf"(?:[،,]\s*)?(?<!{_W})(?:و?لكن|بينما|في\s+حين)(?!{_W})")

# ، وأنّ / ، وإنّ: a second complement of the same reporting verb.
_COORD_COMP_RE = re.compile(rf"[،,]\s*و(?:ب)?ان(?:ه|ها|هم|هما)?(?!{_W})")


def _emit_indirect(d: _Doc, c: Cue, a, b, name, skind, mention, cue_span, via_name, base, rule_base) -> None:
    s = d.s
    text_a, text_b = a, b
    if c.via_comp == "pre":
        cm = _first_comp(d, a, min(b, a + 12))
        if cm is not None:
            text_a = cm.end()
    seg = s[text_a:text_b]
    lstrip = len(seg) - len(seg.lstrip(" ،,:"))
    text_a += lstrip
    seg = s[text_a:text_b].rstrip(" ،,.؛;:!?؟\n")
    text_b = text_a + len(seg)
    # After أنّ or a verbal noun, two words are a whole statement (الوضع مطمئن، ارتفاع الأسعار).
    if len(_TOKEN.findall(s, text_a, min(text_b, text_a + 80))) < (2 if c.via_comp in {"comp", "object"} else 3):
        return
    conf = base - 0.1
    kind = "direct" if c.via_comp == "colon" else "indirect"
    d.out.append(
        _attr(
            d,
            kind,
            text_a,
            text_b,
            name,
            skind,
            mention,
            cue_span,
            via_name,
            conf,
            f"{rule_base}_{c.via_comp}_{kind}",
        )
    )


def _attr(d, kind, a, b, name, skind, mention, cue, via, conf, rule) -> Attribution:
    return Attribution(
        kind=kind,
        quote=d.span(a, b),
        speaker=name,
        speaker_mention=mention,
        cue=cue,
        via=via,
        confidence=max(0.05, min(1.0, conf)),
        rule=rule,
        speaker_kind=skind,
    )


# --------------------------------------------------------------------------------------------
# Lines: headlines, embedded posts, noise
# --------------------------------------------------------------------------------------------


def _headline(d: _Doc, a: int, b: int) -> None:
    """ "Speaker: statement" in a title or heading."""
    s = d.s
    line = s[a:b]
    colon = -1
    for m in re.finditer(r":", line):
        if not d.inside_quote(a + m.start()):
            colon = m.start()
            break
    if colon <= 0:
        _headline_quote_first(d, a, b)
        return
    who_a = a
    head = line[:colon]
    dots = max(head.rfind(".."), head.rfind("…"))
    if dots >= 0:
        who_a = a + dots + 2
    who = s[who_a : a + colon].strip(" \"'“”«»")
    if who.startswith("وال"):
        who_a, who = who_a + s[who_a:].index("وال") + 1, who[1:]  # "… .. والأردن: …": the conjunction
    # "السيسي لماكرون: …": the لـ-phrase names the addressee, not the speaker.
    addressee = re.search(r"\s+ل(?![لا])", who)
    if addressee and addressee.start() > 0:
        who = who[: addressee.start()]
    # "غوتيريش في جنيف: …", "الرئيس من القاهرة: …": a place or occasion after the speaker.
    place = re.search(r"\s+(?:في|من|خلال|امام|عبر|بعد)\s", who)
    if place and place.start() > 0 and len(_TOKEN.findall(who[: place.start()])) <= 4:
        who = who[: place.start()]
    who_words = _TOKEN.findall(who)
    if any(w[0] == "و" and _strip_al(w) not in _TITLES and _strip_al(w) not in _HEADS for w in who_words[1:]):
        return  # "الأردن والبنك الدولي: …": two parties named as a topic, not one speaker
    if not 1 <= len(who_words) <= 4 or who_words[0] in _HEADLINE_LABELS:
        return
    if any(len(w) < 2 or w.isdigit() for w in who_words):
        return  # س: / ج: in interviews, dates and numbers are labels, not speakers
    if _CUE_WORD_RE.search(who) or any(w in _PREPOSITIONS for w in who_words):
        return
    # «فن عربي مسروق»: a quoted title is a topic; «سيف الإسلام القذافي»: a quoted person speaks.
    quoted_whole = any(
        not _TOKEN.search(s, who_a, d.marks[k].open)
        and not _TOKEN.search(s, d.marks[k].end, a + colon)
        and who_words[0] not in _GIVEN_NAMES
        for k in d.marks_between(who_a, a + colon)
    )
    if _bare(who_words[0]) in _EVENT_HEADS or quoted_whole or "http" in who:
        return  # "مهرجان كان: …"، "معركة الموصل: …"، a quoted title: a topic, not a speaker
    rest_a = a + colon + 1
    rest = s[rest_a:b]
    if rest.rstrip(' "”».').endswith(("؟", "?")):
        return  # "دافوس: هل نجح ترامب …؟": a question asked by the writer
    lead = len(rest) - len(rest.lstrip(' "“«'))
    text = rest.strip(' "“”«».')
    if len(_TOKEN.findall(text)) < 2:
        return
    start = rest_a + lead
    wa = who_a + (len(s[who_a : a + colon]) - len(s[who_a : a + colon].lstrip(" \"'“”«»")))
    # "معز: …" after معز معلول: a heading may call the speaker by the given name alone.
    known = d.registry.resolve_name(who) or d.registry.resolve_given(who)
    name = known.name if known else d.span(wa, wa + len(who)).text
    first = _TOKEN.match(who.strip(" \"'“”«»"))
    if known is not None:
        d.registry.touch(known, wa)  # a heading "سامي: …" makes its speaker the topic again
    elif first is not None and first.group() in _GIVEN_NAMES:
        d.registry.add(name, position=wa, kind="person")
    d.out.append(
        Attribution(
            kind="headline",
            quote=d.span(start, start + len(text)),
            speaker=name,
            speaker_mention=d.span(wa, wa + len(who)),
            cue=d.span(a + colon, a + colon + 1),
            confidence=0.7,
            rule="ar.headline_colon",
            speaker_kind=known.kind if known else None,
        )
    )


# A third-person imperfect verb (يرد، تدافع) ends a headline's subject after a quote.
_IMPERFECT_RE = re.compile(rf"(?<!{_W})[يت]{_W}{{3,6}}(?!{_W})")
_QUESTION_WORDS = frozenset(_LEX["question_words"])
_HEADLINE_SEPARATOR = re.compile(r"\s*(?:\.{2,}|…|[-–—|])\s*")


def _headline_quote_first(d: _Doc, a: int, b: int) -> None:
    """«لن نسمح بالفوضى».. وزير الداخلية يحذر المحتجين: a quote first, then who said it."""
    s = d.s
    ks = d.marks_between(a, a + 3)
    if not ks or s[a : d.marks[ks[0]].open].strip():
        return
    m = d.marks[ks[0]]
    if m.close is None or m.close >= b:
        return
    sep = _HEADLINE_SEPARATOR.match(s, m.close + 1, b)
    if sep is None:
        return
    # The speaker is the phrase before a reporting verb (or any imperfect verb: يرد، تدافع), or
    # a short phrase on its own.
    verb = _CUE_WORD_RE.search(s, sep.end(), b)
    if verb is None:
        verb = _IMPERFECT_RE.search(s, sep.end(), b)
    who_end = verb.start() if verb is not None else b
    ws = _words(s, sep.end(), who_end)
    if not 1 <= len(ws) <= 4 or (verb is None and len(_words(s, sep.end(), b)) > 3):
        return
    if ws[0][2] in _HEADLINE_LABELS or any(w[2] in _PREPOSITIONS or w[2] in _PRONOUN_PPS for w in ws):
        return
    if ws[0][2] in _QUESTION_WORDS or s[a:b].rstrip().endswith(("؟", "?")):
        return  # «…».. ماذا بقي منها؟ asks about the quoted phrase; nobody said it
    text = s[m.start : m.end].strip()
    if len(_TOKEN.findall(text)) < 2:
        return
    cue = Cue("verb", sep.end(), sep.end(), None, False, "")
    sp = parse_speaker(d, ws[0][0], ws[-1][1], cue)
    if sp is None:
        return
    pending = sp.descriptor and sp.entry is None and bool(sp.context)
    if not pending:
        sp = _commit(d, sp, ws[0][0])
    name, skind = _speaker_name(sp)
    start = m.start + (len(s[m.start : m.end]) - len(s[m.start : m.end].lstrip()))
    d.used_marks.add(ks[0])
    d.out.append(
        Attribution(
            kind="headline",
            quote=d.span(start, start + len(text)),
            speaker=name,
            speaker_mention=d.span(sp.start, sp.end),
            cue=d.span(sep.start(), sep.end()),
            confidence=0.65,
            rule="ar.headline_quote_first",
            speaker_kind=skind,
        )
    )
    if pending:
        # "وزيرة التعليم تدافع …" in a title: the body names her later; resolve once it is read.
        d.pending.append((d.out[-1], sp))


def _embed(d: _Doc, quote_line, source_line, caption_line) -> None:
    s = d.s
    ks = d.marks_between(quote_line.start, quote_line.end + 1)
    if not ks:
        return
    if ks[0] in d.used_marks:
        return  # "كتب X:" on the line before already attributed the post
    m = d.marks[ks[0]]
    name, kind, mention = None, None, None
    if caption_line is not None:
        cap = s[caption_line.start : caption_line.end]
        cut = _CAPTION_CUT.search(cap)
        cap_end = caption_line.start + (cut.start() if cut else len(cap))
        verb = _CUE_WORD_RE.search(s, caption_line.start, cap_end)
        if verb is not None and verb.start() > caption_line.start:
            cap_end = verb.start()  # "… Name يدعو إلى …": the caption's subject ends at its verb
        segs = _segments(s, caption_line.start, cap_end)
        if segs:
            x, y = segs[-1] if len(segs) > 1 and _name_like([w[2] for w in _words(s, *segs[-1])]) else segs[0]
            ws = _words(s, x, y)
            ent = _entity_in(d, x, y)
            if ent is not None:
                _label, ea, eb = ent
                tail = [(ea, eb, s[ea:eb])]
            else:
                tail = _tail_name(ws) if len(ws) > 2 else ws
            if tail:
                name = s[tail[0][0] : tail[-1][1]]
                kind = "person"
                mention = d.span(tail[0][0], tail[-1][1])
                d.registry.add(name, position=tail[0][0], kind="person", description=s[x : tail[0][0]])
    if name is None:
        acct = re.sub(r"\(@\w+\).*$", "", s[source_line.start : source_line.end]).strip(" —–-")
        name, kind = acct, "media"
    d.used_marks.add(ks[0])
    text = s[m.start : m.end].strip()
    d.out.append(
        Attribution(
            kind="embed",
            quote=d.span(m.start, m.start + len(text)),
            speaker=name,
            speaker_mention=mention,
            cue=d.span(source_line.start, source_line.end),
            confidence=0.8 if mention else 0.6,
            rule="ar.embed_caption" if mention else "ar.embed_account",
            speaker_kind=kind,
        )
    )


_POST_TAIL = re.compile(r"(?:\s*(?:pic\.twitter\.com/\S+|https?://\S+|[#@]\w+))+\s*$")


def _embed_plain(d: _Doc, post, source_line) -> None:
    """An unquoted post above "— Account (@handle) date": the account holder said it."""
    s = d.s
    text = _POST_TAIL.sub("", s[post.start : post.end]).strip()
    if len(_TOKEN.findall(text)) < 3:
        return
    start = post.start + s[post.start : post.end].index(text)
    acct_line = s[source_line.start : source_line.end]
    acct = re.sub(r"\s*\(@\w+\).*$", "", acct_line).strip(" —–-")
    if not acct:
        return
    a = source_line.start + acct_line.index(acct)
    head = _HEADS.get(_bare(_TOKEN.findall(acct)[0])) if _TOKEN.findall(acct) else None
    d.out.append(
        Attribution(
            kind="embed",
            quote=d.span(start, start + len(text)),
            speaker=d.span(a, a + len(acct)).text,
            speaker_mention=d.span(a, a + len(acct)),
            cue=d.span(source_line.start, source_line.end),
            confidence=0.7,
            rule="ar.embed_account",
            speaker_kind=head[1] if head else None,
        )
    )


def _continuation(d: _Doc, a: int, b: int, last: Attribution) -> None:
    k = bisect_left(d.mark_starts, a)
    if k >= len(d.marks) or k in d.used_marks:
        return
    m = d.marks[k]
    if m.close is None or d.s[m.close + 1 : b].strip(" .،,؛!?؟") or len(_TOKEN.findall(d.s, m.start, m.end)) < 3:
        return
    d.used_marks.add(k)
    text = d.span(m.start, m.end)
    d.out.append(
        Attribution(
            kind="direct",
            quote=Span(text.start, text.end, text.text),
            speaker=last.speaker,
            speaker_mention=None,
            cue=None,
            via=last.via,
            confidence=0.7,
            rule="ar.continuation_direct",
            speaker_kind=last.speaker_kind,
        )
    )


def _whole_line_quote(d: _Doc, p) -> bool:
    t = d.s[p.start : p.end].strip().rstrip(".،,؛!?؟ ")
    return len(t) > 2 and t[0] in '"“«”' and t[-1] in '"”»“'


_TITLE_RE = re.compile(rf"(?<!{_W})(?:[وفبك]?(?:ال|لل)|ل)?({_trie_alt(t for t in _TITLES if len(t) > 2)})(?!{_W})")
_MEDIA_NAME_RE = re.compile(rf"(?<!{_W})[وفب]?(صحيفه|جريده|مجله|وكاله|قناه|اذاعه|شبكه)\s+(?=[^\s\"“«])")
_CHAIN_STOP = re.compile(r"[،,.:؛;!?؟\n\"“”«»()]")
# Names of several words match across any run of spaces.
_NEWSPAPER_ALT = _trie_alt(n.replace(" ", "\x01") for n in _LEX["newspapers"]).replace("\x01", r"\s+")
_NEWSPAPER_RE = re.compile(rf"(?<!{_W})[وفب]?({_NEWSPAPER_ALT})(?!{_W})")


def _prepass_names(d: _Doc) -> None:
    """Pre-pass: "title …، Name Surname،" anywhere in the document, so a surname used
    before or after the full name resolves to it; and quoted names after an organisation
    head (صحيفة "…"، حركة "…"), which later pronouns and descriptors may point to."""
    s = d.s
    for k, m in enumerate(d.marks):
        if m.close is None or not d.is_name(k):
            continue
        prev = _TOKEN.findall(s[max(0, m.open - 40) : m.open])
        head = _HEADS.get(_bare(prev[-1])) if prev else None
        if head is not None and not _definite(prev[-1]):
            category, kind, gender = head
            # مدير تحرير موقع "جورنال"، المستشارة القانونية لمجموعة "بي إن": the outlet completes a
            # title; a later dropped subject is the person, so pronouns pass it by.
            complement = prev[-1].startswith("ل") or any(_bare(w) in _TITLES for w in prev[-4:-1])
            d.registry.add(
                d.span(m.start, m.end).text,
                position=m.open,
                kind=kind,
                category=category,
                gender=gender,
                weak=complement,
            )
    for m in _MEDIA_NAME_RE.finditer(s):
        # صحيفة الإندبندنت، جريدة الشرق الأوسط: an outlet later called "الصحيفة".
        if d.inside_quote(m.start()):
            continue
        head = _HEADS[_bare(m.group(1))]
        ws = _first_words(s, m.end(1), min(len(s), m.end(1) + 60), 3)
        name = _take_name(ws, 0, 1) if ws and not _stops_name(ws[0][2]) else []
        if ws and _definite(ws[0][2]):
            name = ws[:1]
            if len(ws) > 1 and _definite(ws[1][2]) and not _nisba(ws[1][2]):
                name = ws[:2]  # الشرق الأوسط
        if not name or d.inside_quote(name[0][0]):
            continue
        d.registry.add(
            d.span(name[0][0], name[-1][1]).text,
            position=m.start(),
            kind=head[1],
            category=head[0],
            gender=head[2],
            weak=True,
        )
    for m in _NEWSPAPER_RE.finditer(s):
        # الإندبندنت in a heading, then "تقول الصحيفة": the newspaper named last answers.
        # Weak: only the first mention sets the position, so a later one cannot hide this one.
        d.registry.add(
            d.span(m.start(1), m.end(1)).text,
            position=m.start(),
            kind="media",
            category="newspaper",
            gender="f",
            weak=True,
        )
    for m in _TITLE_RE.finditer(s):
        # "title [idafa chain] Name": المدرب الإسباني لنادي الوحدة الإماراتي كارلوس مارتن من …
        if d.inside_quote(m.start()):
            continue
        stop = _CHAIN_STOP.search(s, m.end(), min(len(s), m.end() + 120))
        end = stop.start() if stop else min(len(s), m.end() + 120)
        if end - m.end() < 8:
            continue  # وزير الخارجية، …: nothing after the title before the punctuation
        cue = _CUE_WORD_RE.search(s, m.end(), end)
        ws = _words(s, m.end(), cue.start() if cue else end)[:14]
        name = _chain_name(ws, d.token_counts)
        if len(name) == 3 and ws and name[0] is ws[0] and not m.group().lstrip("وفبك").startswith(("ال", "لل")):
            name = name[1:]  # كابتن إنجلترا هاري كين: the genitive of a title in construct
        elif (
            len(name) == 3
            and name[1][2] in _GIVEN_NAMES
            and name[0][2] not in _GIVEN_NAMES
            and name[0][2] not in _NAME_PARTICLES
        ):
            name = name[1:]  # لشركة كوكا كولا جيمس كوينسي: the name opens with the given name
        if len(name) >= 3 and name[-1][2].startswith("بال"):
            name = name[:-1]  # النائب كريم سعيد بالهجوم: a prepositional phrase after the name
        before = _TOKEN.findall(s, max(0, m.start() - 20), m.start())
        if len(name) >= 3 and name[-1][2].startswith("ب") and before and _demands_with_ba(before[-1]):
            name = name[:-1]  # طالب الوزير سامي حداد بفتح …: the demand starts at ب
        if not 2 <= len(name) <= 3 and not any(w[2] in _NAME_PARTICLES for w in name):
            continue
        if any(_definite(w[2]) and _bare(w[2]) in _TITLES for w in ws if w[0] < name[0][0]):
            continue  # السفير … في أعقاب تصريحات المتحدثة … ماريا زاخاروفا: the nearer title names her
        if _definite(name[-1][2]) and not name[-1][2].endswith("ي"):
            continue  # … سامي عادل القرار بأنه: a family name or the object? Leave it to the cue.
        start = _person_after_non_name(d, name[0][0], name[-1][1])
        if start is not None:
            name = [w for w in name if w[0] >= start]
        title = m.group(1)
        d.registry.add(
            d.span(name[0][0], name[-1][1]).text,
            position=-1,
            kind="person",
            category="person",
            description=s[m.start() : name[0][0]],
            weak=True,
            gender="f" if title.endswith("ه") else "m",
        )
    # متحدث باسم وزارة الخارجية (no name): an unnamed spokesperson a later "المتحدث" refers to.
    for m in re.finditer(rf"(?<!{_W})(?:[وف]?[بل]?)(متحدث|متحدثه|ناطق|ناطقه)\s+باسم\s+", s):
        if d.inside_quote(m.start()):
            continue
        stop = _CHAIN_STOP.search(s, m.end(), min(len(s), m.end() + 80))
        ws = _words(s, m.end(), stop.start() if stop else min(len(s), m.end() + 80))
        k = 0
        while (
            k < len(ws)
            and k < 5
            and (k == 0 or _definite(ws[k][2]) or _nisba(ws[k][2]))
            and ws[k][2] not in _TIME_WORDS
        ):
            k += 1
        after = ws[k][2] if k < len(ws) else ""
        # (بيانا لمتحدث باسم الوزارة قال فيه، أصدر متحدث باسم الوزارة بيانا: a verb or the statement
        # follows, no name.)
        verb_or_object = after in _VERB_FORMS or (after.endswith("ا") and after[:-1] in _COMM_NOUNS)
        if k == 0 or (k < len(ws) and not _stops_name(after) and after not in _FUNCTION_WORDS and not verb_or_object):
            continue  # a name follows (المتحدث باسم الجيش دانيال هاغاري): the title pre-pass has it
        name = d.span(m.start(1), ws[k - 1][1]).text
        d.registry.add(
            name,
            position=-1,
            kind="unnamed",
            category="unnamed",
            description=s[m.start(1) : ws[k - 1][1]],
            weak=True,
            gender="f" if m.group(1).endswith("ه") else "m",
        )
    for m in re.finditer(rf"[،,]\s*({_W}+(?:\s+{_W}+){{1,2}})\s*(?=[،,.])", s):
        words = m.group(1).split()
        if not _name_like(words) or d.inside_quote(m.start(1)):
            continue
        before = s[max(0, m.start() - 60) : m.start()]
        seg = re.split(r"[،,\n.]", before)[-1]
        seg_words = _TOKEN.findall(seg)
        if seg_words and any(_bare(w) in _TITLES for w in seg_words[-5:]):
            title = next(_bare(w) for w in seg_words[-5:] if _bare(w) in _TITLES)
            # Position -1: a name known in passing must not look recent to pronouns.
            d.registry.add(
                d.span(m.start(1), m.end(1)).text,
                position=-1,
                kind="person",
                category="person",
                description=seg,
                weak=True,
                gender="f" if title.endswith("ه") else "m",
            )

    # محمد خير الزبير، محافظ بنك السودان المركزي،: the title after a name describes it, so a later
    # "محافظ بنك السودان المركزي" names the person.
    for m in _TITLE_RE.finditer(s):
        comma = len(s[: m.start()].rstrip())
        if comma == 0 or s[comma - 1] not in "،," or d.inside_quote(m.start()):
            continue
        ent = _entity_in(d, max(0, comma - 60), comma - 1)
        if ent is None or ent[0] != "PER" or s[ent[2] : comma - 1].strip():
            continue
        stop = _CHAIN_STOP.search(s, m.end(), min(len(s), m.end() + 120))
        title = m.group(1)
        d.registry.add(
            _QUOTE_CHARS_RE.sub("", d.span(ent[1], ent[2]).text).strip(),
            position=-1,
            kind="person",
            category="person",
            description=s[m.start() : stop.start() if stop else min(len(s), m.end() + 120)],
            weak=True,
            # مناهل المحيميد، نائب المدير العام: a masculine title says nothing of a woman
            gender="f" if title.endswith("ه") else None,
        )


# -- people from the given-name lexicon --------------------------------------------------------

# علي is the name only where the text tells it from the preposition على (_mark_name_ali).
_GIVEN_NAMES = frozenset(_LEX["given_names"]) - {"علي"} | {"علی"}
# Foreign given names take one family name; an Arabic one a father's name and a family name too.
_FOREIGN_GIVEN = frozenset(_LEX["foreign_given_names"]) - _GIVEN_NAMES
_GIVEN_NAMES = _GIVEN_NAMES | _FOREIGN_GIVEN
_NAME_JOINERS = frozenset({"بن", "ابن", "بنت", "ابو", "ام", "ال", "عبد"})
_COMMON_DEFINITES = frozenset(_LEX["common_definites"])


def _given_name_at(toks: list[re.Match], i: int) -> int:
    """How many tokens a given name at ``i`` takes: 1, 2 for عبد العزيز / نور الدين, 0 for none."""
    w = toks[i].group()
    nxt = toks[i + 1].group() if i + 1 < len(toks) else ""
    if w == "عبد" and (_definite(nxt) or nxt in _COMPOUND_NAME_TAILS):
        return 2  # عبد العزيز، عبد ربه
    if w in _GIVEN_NAMES:
        return 2 if nxt in _COMPOUND_NAME_TAILS and w + nxt[2:] not in _GIVEN_NAMES else 1
    return 0


def _quoted_name(d: _Doc, a: int, b: int) -> bool:
    """The quotation marks around s[a:b] hold exactly this name (الأمريكية "كاثرين مايورغا")."""
    for k in d.marks_between(max(0, a - 2), b + 2):
        m = d.marks[k]
        if m.close is not None and d.s[m.start : m.end].strip() == d.s[a:b]:
            return d.is_name(k)
    return False


def _demands_with_ba(w: str) -> bool:
    """طالب، يطالب، أفاد، أشاد، ندد: a verb whose object (a statement or not) is introduced by ب."""
    bare = w[1:] if w[:1] in "وف" and len(w) > 3 else w
    lemma = _VERB_LEMMA.get(w) or _VERB_LEMMA.get(bare)
    if lemma:
        return _MASDAR_VERBS.get(lemma) == "ب" or lemma in _BA_OBJECT_VERBS
    return bare in _BA_OBJECT_FORMS


def _family_word(w: str, lam_name: bool = False) -> bool:
    """A word that may go on a personal name: not a function word, title, head, verb or time word.
    ``lam_name``: a word opening with ل is a name (لاهيجي), not an addressee (لوكالة)."""
    rest = w[1:]
    lam = (
        lam_name
        and w[:1] == "ل"
        and not w.startswith(("ال", "لل"))
        and len(w) > 3
        and not (rest in _MEDIA_FIRST_WORDS or _group_head(rest) or _bare(rest) in _TITLES or _bare(rest) in _HEADS)
    )
    return not (
        _stops_name(w)
        or (_ends_name(w) and not lam)
        or w in _FUNCTION_WORDS
        or w in _NOT_SPEAKER_START
        or w in _VERB_FORMS
        or w in _PART_FORMS
        or w in _OBJECT_MASDARS
        or w in _NUMBER_WORDS
        or w.isdigit()
        or bool(_REPORTING_MASDAR_RE.fullmatch(w))  # سعيد خليل تأكيده: the reported act, not a name
        or (w.startswith(("بال", "كال")) and len(w) > 4)  # سعيد بالهجوم: a prepositional phrase
        or (w[:1] in "وف" and len(w) > 3 and w not in _GIVEN_NAMES)
        # يوسف كمال يريد …: an imperfect verb (يفعل، تفعل) after the name is no part of it
        or (len(w) == 4 and w[0] in "يت" and w[1] not in "اوي" and w not in _GIVEN_NAMES)
    )


def _gazetteer_people(d: _Doc) -> list[Entity]:
    """Personal names that open with a known given name: the given name, then name words (a
    father's name, particles such as بن and آل, an indefinite family name) and at most one family
    name with the article to close it (خالد آل مسعود، جيمس كوينسي، باسل الكيلاني). Tokens are read once,
    left to right, so the pass is linear."""
    s = d.s
    toks = list(_TOKEN.finditer(s))
    bigrams = Counter(zip((t.group() for t in toks), (t.group() for t in islice(toks, 1, None)), strict=False))
    out: list[Entity] = []
    i, n = 0, len(toks)
    while i < n:
        k = _given_name_at(toks, i)
        if not k:
            i += 1
            continue
        first = i
        if i > 0 and toks[i - 1].group() in {"ابو", "ام"} and s[toks[i - 1].end() : toks[i].start()].isspace():
            first = i - 1  # أبو بكر شوقي: the kunya opens the name
        j, core, family = i + k, 1, False
        foreign = toks[i].group() in _FOREIGN_GIVEN
        # طالب الوزير سامي حداد بفتح …: after a verb whose statement opens with ب, a ب word is it.
        demand_ba = any(_demands_with_ba(t.group()) for t in toks[max(0, first - 4) : first])
        indefinite = 0
        while j < n and j - i < 6 and s[toks[j - 1].end() : toks[j].start()].isspace():
            w = toks[j].group()
            prev = toks[j - 1].group()
            if w in _NAME_JOINERS and j + 1 < n:
                j += 1
                continue
            if prev in _NAME_JOINERS:
                j += 1
                continue
            if core >= 3:
                break
            if demand_ba and w.startswith("ب") and len(w) > 3 and w not in _GIVEN_NAMES:
                break
            g = _given_name_at(toks, j)
            if g:
                j, core = j + g, core + 1
                continue
            if w in {"الابن", "الاب"} and family:
                j += 1  # دونالد ترامب الابن: Jr. is part of the name
                break
            if _definite(w):
                if family and foreign and not (w.endswith("ي") and len(w) > 5):
                    break  # نيكولاس هايسوم الحادث, but محمد خير الزبير، خالد زهران المعولي
                # A family name that is also a common word or a nationality (محمد شياع السوداني) is
                # known by its repetition after the same word.
                repeated = bigrams[(prev, w)] > 1
                if not repeated and (w in _AFFILIATIONS or w in _COMMON_DEFINITES):
                    break
                if w in _TITLE_ADJECTIVES or w in _TIME_WORDS:
                    break
                if _bare(w) in _TITLES or _bare(w) in _HEADS or w in _FUNCTION_WORDS or w in _RELATIVES:
                    break
                j += 1
                if j < n and toks[j].group() == "الله" and s[toks[j - 1].end() : toks[j].start()].isspace():
                    j += 1  # إبراهيم بن محمد الجار الله: a family name ending in الله
                break  # a family name with the article closes the name
            if (w in _NAME_PARTICLES or len(w) <= 2) and _family_word(w) and j + 1 < n:
                j += 1  # ماري لو بيرنار، فان دايك: a particle of a European name
                continue
            # كاثرين مايورغا دعوى: a foreign name has one family name without the article (جاوش
            # أوغلو is one); an Arabic one two (سمير سعيد حداد), not an accusative (بيانا).
            if (
                family
                and w not in {"اوغلو", "زاده"}
                and prev not in _NAME_PARTICLES  # ماركو بولو دل نيرو: a particle takes its name
                and (foreign or indefinite >= 2 or w.endswith("ا"))
            ):
                break
            # عبد الكريم لاهيجي: ل opens a name when the rest is no word of the text (لوكالة، لبلاده).
            # فيرون after نيكولاس is a family name; فقال stays a verb.
            foreign_fa = foreign and j == i + k and w[:1] == "ف" and len(w) > 3 and w[1] not in "اق"
            if not foreign_fa and not _family_word(w, lam_name=d.token_counts.get(w[1:], 0) == 0):
                break
            if j + 1 < n and _demand_addressee(d, (toks[j].start(), toks[j].end(), w), toks[j + 1].group()):
                break
            j, core, family, indefinite = j + 1, core + 1, True, indefinite + 1
        while j > i + k and toks[j - 1].group() in _NAME_JOINERS:
            j -= 1
        if j - first >= 2 and (
            not d.inside_quote(toks[i].start()) or _quoted_name(d, toks[first].start(), toks[j - 1].end())
        ):
            sp = d.span(toks[first].start(), toks[j - 1].end())
            out.append(Entity(sp.start, sp.end, sp.text, "PER"))
        i = max(j, i + 1)
    return out


# --------------------------------------------------------------------------------------------


def detect(doc: Document, entities: list[Entity] | None = None) -> list[Attribution]:
    """Attributions in ``doc``; ``entities`` (optional NER spans) refine speaker mentions."""
    d = _Doc(doc, entities)
    s = d.s
    known_at = 0
    if not entities:
        # Without an NLP backend, names that open with a known given name stand in for its PER tags.
        entities = d.entities = _gazetteer_people(d)
        known_at = -1  # known in passing: not recent to pronouns
    if entities:
        for e in entities:
            if e.label == "PER" and len(tokens(e.text)) >= 2:
                d.registry.add(e.text, position=known_at, kind="person", category="person", weak=True)
    _prepass_names(d)
    paras = paragraphs(s)
    title_count = 1 if doc.title else 0
    skip: set[int] = set()
    continued: Attribution | None = None
    for i, p in enumerate(paras):
        line = s[p.start : p.end]
        if _NOISE_LINE.match(line) or "pic.twitter.com" in line or _EMBED_SOURCE.match(line):
            skip.add(i)
            if _NOISE_LINE.match(line) and not _TOKEN.search(line, _NOISE_LINE.match(line).end()):
                skip.add(i + 1)  # "اقرأ أيضاً:" alone: the linked headline is on the next line
    for i, p in enumerate(paras):
        source = paras[i + 1] if i + 1 < len(paras) else None
        if source is not None and _EMBED_SOURCE.match(s[source.start : source.end]) and i >= title_count:
            # Embedded post: the post, then "— Account (@handle) date", maybe a caption naming
            # the speaker.
            cap = paras[i + 2] if i + 2 < len(paras) else None
            if cap is not None and not any(x in s[cap.start : cap.end] for x in ("pic.twitter", "#", "@")):
                cap = None
            if _whole_line_quote(d, p):
                _embed(d, p, source, cap)
                continue
            if not _NOISE_LINE.match(s[p.start : p.end]):
                _embed_plain(d, p, source)
                continue
        if i in skip:
            continue
        line = s[p.start : p.end]
        heading = i < title_count or (
            len(_TOKEN.findall(line)) <= 16 and not line.rstrip().endswith((".", "؟", "!", ":"))
        )
        if heading:
            _headline(d, p.start, p.end)
        for a, b in _sentences(d, p.start, p.end):
            before = len(d.out)
            _read_sentence(d, a, b)
            if len(d.out) > before:
                last = d.out[-1]
                continued = last if last.kind in {"direct", "mixed"} and last.speaker else None
            elif continued is not None and not heading and _whole_line_quote(d, Span(a, b, "")):
                # A sentence or paragraph that is one quotation, right after a speaker's quote,
                # goes on with it.
                _continuation(d, a, b, continued)
            else:
                continued = None
    for attr, sp in d.pending:
        entry = d.registry.resolve_descriptor(
            None, sp.context, kinds=("person",), require_context=True, gender=sp.gender
        )
        if entry is not None:
            attr.speaker, attr.speaker_kind = entry.name, entry.kind
    return d.out
