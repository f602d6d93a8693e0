import importlib.util
import sys
import tomllib
from pathlib import Path

from tracker.attribution import lexicon
from tracker.attribution.engine import supported_languages
from tracker.attribution.text import fold
from tracker.attribution.types import Document


def test_every_language_with_a_lexicon_has_rules():
    for path in lexicon.FOLDER.glob("*.toml"):
        assert path.stem in supported_languages()


def _load_written(tmp_path, monkeypatch, toml: str) -> dict:
    """A lexicon written for the test, loaded as the rules load theirs."""
    (tmp_path / "xx.toml").write_text(toml, encoding="utf-8")
    monkeypatch.setattr(lexicon, "FOLDER", tmp_path)
    lexicon.load.cache_clear()
    try:
        return lexicon.load("xx")
    finally:
        lexicon.load.cache_clear()


def test_words_are_folded_when_loaded(tmp_path, monkeypatch):
    lex = _load_written(tmp_path, monkeypatch, 'titles = ["رئيس", "مُتحدّثة"]\n[verbs]\n"أكّد" = "ؤكد"\n')
    assert lex["titles"] == ["رييس", "متحدثه"]
    assert lex["verbs"] == {"اكد": "وكد"}


def test_the_arabic_rules_read_their_words_from_the_lexicon():
    from tracker.attribution.rules import ar

    lex = lexicon.load("ar")
    assert set(lex["time_words"]) == set(ar._TIME_WORDS)
    assert dict(ar._VERBS) == lex["verbs"]


def test_only_word_valued_tables_have_their_values_folded(tmp_path, monkeypatch):
    # An irregular verb's forms are words; the values of other tables (Arabic heads) are not.
    lex = _load_written(
        tmp_path, monkeypatch, '[irregular_verbs]\nSay = ["Says", "SAID"]\n[heads]\n"رئيس" = ["Kind"]\n'
    )
    assert lex["irregular_verbs"] == {"say": ["says", "said"]}
    assert lex["heads"] == {"رييس": ["Kind"]}


def _english_as_written() -> dict:
    with (lexicon.FOLDER / "en.toml").open("rb") as f:
        return tomllib.load(f)


def test_english_lists_are_single_lowercase_words_without_duplicates():
    for key, value in _english_as_written().items():
        words = list(value) if isinstance(value, dict) else value
        assert words, key
        assert len(set(words)) == len(words), (key, sorted({w for w in words if words.count(w) > 1}))
        for w in words:
            # Folding leaves them as written, so the file reads as the rules match.
            assert fold(w) == w and w.split() == [w], (key, w)


def test_the_english_rules_read_every_list_of_their_lexicon():
    from tracker.attribution.rules import en

    source = Path(en.__file__).read_text(encoding="utf-8")
    unread = [key for key in _english_as_written() if f'"{key}"' not in source and f"'{key}'" not in source]
    assert unread == []
    lex = lexicon.load("en")
    assert set(lex["clause_verbs"]) == en._CLAUSE_VERBS
    assert set(lex["titles"]) == en._TITLES
    assert en._PRONOUNS == {"he": ("m", False), "she": ("f", False), "they": (None, True), "it": ("org", False)}
    assert en._FORMS["wrote"] == ("write", "ed") and en._FORMS["pled"] == ("plead", "ed")


def _english_rules_with(lexicon_text: str, tmp_path, monkeypatch):
    """A fresh copy of the English rules reading this lexicon (the imported module is left alone)."""
    from tracker.attribution.rules import en

    (tmp_path / "en.toml").write_text(lexicon_text, encoding="utf-8")
    monkeypatch.setattr(lexicon, "FOLDER", tmp_path)
    name = "tracker.attribution.rules._en_under_test"
    spec = importlib.util.spec_from_file_location(name, en.__file__)
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, name, module)
    lexicon.load.cache_clear()
    try:
        spec.loader.exec_module(module)
    finally:
        lexicon.load.cache_clear()
    return module


def test_a_verb_added_to_the_english_lexicon_becomes_a_cue(tmp_path, monkeypatch):
    from tracker.attribution.rules import en

    text = (lexicon.FOLDER / "en.toml").read_text(encoding="utf-8")
    assert text.count("\nclause_verbs = [") == 1
    extended = _english_rules_with(
        text.replace("\nclause_verbs = [", '\nclause_verbs = ["muse", '), tmp_path, monkeypatch
    )
    doc = Document(title="", body="Jo Lee mused that the budget would fail in the spring.", language="en")
    assert en.detect(doc) == []
    found = extended.detect(doc)
    assert [(a.kind, a.speaker, a.quote.text) for a in found] == [
        ("indirect", "Jo Lee", "the budget would fail in the spring")
    ]


def test_no_arabic_list_holds_a_word_twice_once_folded():
    # A duplicate means a spelling variant was added by hand: the folded list has it already.
    for key, value in lexicon.load("ar").items():
        if isinstance(value, list):
            assert len(value) == len(set(value)), key


def test_the_arabic_given_names_open_names_and_leave_common_words_alone():
    from tracker.attribution.engine import detect

    data = lexicon.load("ar")
    assert "خالد" in data["given_names"] and "جيمس" in data["foreign_given_names"]
    # Words that are names and ordinary words at once are not listed.
    assert not {"امل", "نور", "سلام", "ملك"} & set(data["given_names"])
    found = detect("", "وقال عميد الكلية الدكتور خالد آل سعيد إن الجامعة قبلت ألف طالب هذا العام.", "ar")
    assert [a.speaker for a in found] == ["خالد آل سعيد"]
