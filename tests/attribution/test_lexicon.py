from tracker.attribution import lexicon
from tracker.attribution.engine import supported_languages


def test_every_language_with_a_lexicon_has_rules():
    for path in lexicon.FOLDER.glob("*.toml"):
        assert path.stem in supported_languages()


def test_words_are_folded_when_loaded(tmp_path, monkeypatch):
    (tmp_path / "xx.toml").write_text('titles = ["رئيس", "مُتحدّثة"]\n[verbs]\n"أكّد" = "ؤكد"\n', encoding="utf-8")
    monkeypatch.setattr(lexicon, "FOLDER", tmp_path)
    lexicon.load.cache_clear()
    try:
        lex = lexicon.load("xx")
    finally:
        lexicon.load.cache_clear()
    assert lex["titles"] == ["رييس", "متحدثه"]
    assert lex["verbs"] == {"اكد": "وكد"}


def test_the_arabic_rules_read_their_words_from_the_lexicon():
    from tracker.attribution.rules import ar

    lex = lexicon.load("ar")
    assert set(lex["time_words"]) == set(ar._TIME_WORDS)
    assert dict(ar._VERBS) == lex["verbs"]
