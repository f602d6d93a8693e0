"""Search backend: the same cases on SQLite (fallback) and PostgreSQL (full text)."""

import datetime as dt

import pytest

from tests.factories import OutletFactory, SpeakerFactory, quote_with_text
from tracker.models import Quote
from tracker.search import QuoteQuery, highlight, parse_query, quote_search, search_text_for
from tracker.services.speakers import speaker_alias_add, speaker_resolve

pytestmark = pytest.mark.django_db


def texts(**kwargs) -> list[str]:
    return [q.quote_text for q in quote_search(QuoteQuery(**kwargs))]


def test_search_text_is_folded_quote_and_names():
    assert (
        search_text_for("قالَ: «الهدنةُ قريبة»", ["جون كيربي", "John Kirby"]) == "قال الهدنه قريبه\nجون كيربي\njohn kirby"
    )


def test_parse_query_websearch_syntax():
    parsed = parse_query('Ceasefire "John Kirby" -hostages or الهدنةُ')
    assert parsed.groups == [["ceasefire", "john kirby"], ["الهدنه"]]
    assert parsed.excluded == ["hostages"]


def test_alef_maqsura_query_finds_ya_speaker():
    kirby = speaker_resolve(name="جون كيربي", kind="person", language="ar", mentions=("كيربي",))
    quote_with_text("المحادثات مستمرة حول الرهائن", language="ar", speaker=kirby)
    quote_with_text("لا تعليق على ذلك", language="ar", speaker=SpeakerFactory(name="متحدث آخر"))
    assert texts(q="كيربى") == ["المحادثات مستمرة حول الرهائن"]


def test_diacritics_hamza_and_ta_marbuta_are_folded_in_queries():
    quote_with_text("نريد هدنة إنسانية فورية", language="ar", speaker=SpeakerFactory(name="وزير"))
    assert texts(q="هدنه انسانيه") == ["نريد هدنة إنسانية فورية"]
    assert texts(q="هُدْنَةٌ") == ["نريد هدنة إنسانية فورية"]


def test_latin_alias_finds_arabic_quote():
    kirby = speaker_resolve(name="جون كيربي", kind="person", language="ar")
    quote_with_text("المحادثات مستمرة", language="ar", speaker=kirby)
    speaker_alias_add(speaker=kirby, alias="John Kirby", language="en")  # refreshes the search text
    assert texts(q="KIRBY") == ["المحادثات مستمرة"]


def test_every_term_must_match_and_case_is_ignored():
    speaker = SpeakerFactory(name="Envoy")
    quote_with_text("A ceasefire must free the hostages", speaker=speaker)
    quote_with_text("A ceasefire is close", speaker=speaker)
    assert texts(q="CEASEFIRE hostages") == ["A ceasefire must free the hostages"]
    assert sorted(texts(q="ceasefire")) == ["A ceasefire is close", "A ceasefire must free the hostages"]


def test_phrase_exclusion_and_or():
    speaker = SpeakerFactory(name="Envoy")
    quote_with_text("Humanitarian pauses will continue in Gaza", speaker=speaker)
    quote_with_text("Pauses humanitarian in nature are over", speaker=speaker)
    quote_with_text("Aid trucks crossed at Rafah", speaker=speaker)
    assert texts(q='"humanitarian pauses"') == ["Humanitarian pauses will continue in Gaza"]
    assert texts(q="humanitarian -gaza") == ["Pauses humanitarian in nature are over"]
    assert sorted(texts(q="gaza or rafah")) == [
        "Aid trucks crossed at Rafah",
        "Humanitarian pauses will continue in Gaza",
    ]


def test_english_relevance_more_hits_rank_first():
    speaker = SpeakerFactory(name="Spokesperson")
    quote_with_text("We discussed aid, borders, prisoners and a ceasefire among many other matters", speaker=speaker)
    quote_with_text("A ceasefire now, a ceasefire that holds, a ceasefire for everyone", speaker=speaker)
    assert texts(q="ceasefire", sort="relevance")[0].startswith("A ceasefire now")


def test_arabic_relevance_more_hits_rank_first():
    speaker = SpeakerFactory(name="المتحدث")
    quote_with_text("تحدثنا عن المساعدات والمعابر والأسرى والهدنة وأمور كثيرة أخرى", language="ar", speaker=speaker)
    quote_with_text("الهدنة ضرورية، والهدنة ممكنة، والهدنة قريبة", language="ar", speaker=speaker)
    assert texts(q="الهدنة", sort="relevance")[0].startswith("الهدنة ضرورية")


def test_speaker_name_matches_rank_with_quote_text():
    blinken = SpeakerFactory(name="Antony Blinken")
    quote_with_text("Talks with Blinken resumed on Tuesday", speaker=SpeakerFactory(name="Official"))
    quote_with_text("We stand with our partners", speaker=blinken)
    assert sorted(texts(q="blinken")) == ["Talks with Blinken resumed on Tuesday", "We stand with our partners"]


def test_filters_and_date_sort():
    wire, daily = OutletFactory(name="Wire"), OutletFactory(name="Daily")
    kirby, other = SpeakerFactory(name="John Kirby"), SpeakerFactory(name="Someone")
    old = quote_with_text("Old statement on talks", speaker=kirby, outlet=wire, published=dt.date(2023, 10, 1))
    new = quote_with_text(
        "New statement on talks", speaker=kirby, outlet=daily, published=dt.date(2023, 11, 6), status="accepted"
    )
    ar = quote_with_text("تصريح عن المحادثات", language="ar", speaker=other, published=dt.date(2023, 11, 7))
    indirect = quote_with_text("Indirect words on talks", speaker=other, kind=Quote.Kind.INDIRECT, status="rejected")

    def ids(**kw):
        return [q.pk for q in quote_search(QuoteQuery(**kw))]

    assert ids(speaker=kirby.pk, sort="date") == [old.pk, new.pk]
    assert ids(speaker=kirby.pk, sort="-date") == [new.pk, old.pk]
    assert ids(outlet=wire.pk) == [old.pk]
    assert ids(language="ar") == [ar.pk]
    # Rejected quotes are left out unless asked for.
    assert ids(kind="indirect") == []
    assert ids(kind="indirect", status="any") == [indirect.pk]
    assert ids(status="rejected") == [indirect.pk]
    assert ids(accepted=True) == [new.pk]
    assert ids(date_from=dt.date(2023, 11, 1), date_to=dt.date(2023, 11, 6)) == [new.pk]
    assert ids(q="statement", sort="date") == [old.pk, new.pk]
    # Without a date, newest first puts undated quotes last.
    assert ids(q="talks", sort="-date", status="any")[-1] == indirect.pk


def test_highlight_marks_folded_matches_in_original_text():
    assert highlight("قال كيربيّ إنّ <الهدنة> قريبة", "كيربى الهدنه") == (
        "قال <mark>كيربيّ</mark> إنّ &lt;<mark>الهدنة</mark>&gt; قريبة"
    )
    assert highlight("Ceasefires matter", "ceasefire") == "<mark>Ceasefire</mark>s matter"


def test_detection_writes_search_text(monkeypatch):
    """article_detect refreshes the search text of what it stores (engine stubbed: rules change)."""
    from tracker.attribution.types import Attribution, Span
    from tracker.services import detection
    from tracker.services.articles import article_import

    title, body = "محادثات", "وقال جون كيربي إن «المحادثات مستمرة» اليوم."
    document = f"{title}\n{body}"
    start, speaker_start = document.index("المحادثات مستمرة"), document.index("جون كيربي")

    def fake_detect(*args, **kwargs):
        return [
            Attribution(
                kind="direct",
                quote=Span(start, start + len("المحادثات مستمرة"), "المحادثات مستمرة"),
                speaker="جون كيربي",
                speaker_mention=Span(speaker_start, speaker_start + len("جون كيربي"), "جون كيربي"),
                cue=None,
                via=None,
                confidence=0.9,
                rule="test",
                speaker_kind="person",
            )
        ]

    monkeypatch.setattr(detection, "detect", fake_detect)
    article = article_import(title=title, body=body, language="ar").article
    quote = article.quotes.get()
    assert quote.search_text == "المحادثات مستمره\nجون كيربي" and quote.search_config == "arabic"
    assert texts(q="كيربى المحادثات") == ["المحادثات مستمرة"]


def test_many_matches_come_newest_first_and_the_count_stops(monkeypatch):
    from tracker import search

    monkeypatch.setattr(search, "COUNT_CAP", 3)
    speaker = SpeakerFactory(name="Envoy")
    quotes = [
        quote_with_text(f"Talks on a ceasefire, round {i}", speaker=speaker, published=dt.date(2024, 1, i + 1))
        for i in range(6)
    ]
    paginator = search.SearchPaginator(QuoteQuery(q="ceasefire"), 2)
    assert paginator.capped and paginator.count == 4 and not paginator.ranked
    assert [q.pk for q in paginator.page(1).object_list] == [quotes[5].pk, quotes[4].pk]
    assert [q.pk for q in paginator.page(2).object_list] == [quotes[3].pk, quotes[2].pk]
    few = search.SearchPaginator(QuoteQuery(q="ceasefire round 2"), 2)
    assert not few.capped and few.ranked and few.page(1).object_list[0].pk == quotes[2].pk


def test_definite_and_indefinite_arabic_forms_find_each_other():
    speaker = SpeakerFactory(name="وزير")
    quote_with_text("نريد هدنة إنسانية فورية", language="ar", speaker=speaker)
    quote_with_text("رفضت الحكومة الهدنة الإنسانية للولايات", language="ar", speaker=speaker)
    both = ["رفضت الحكومة الهدنة الإنسانية للولايات", "نريد هدنة إنسانية فورية"]
    assert sorted(texts(q="الهدنة الإنسانية")) == both
    assert sorted(texts(q="هدنه انسانيه")) == both
    assert texts(q="الولايات") == ["رفضت الحكومة الهدنة الإنسانية للولايات"]
    assert texts(q="هدنة -الحكومة") == ["نريد هدنة إنسانية فورية"]
