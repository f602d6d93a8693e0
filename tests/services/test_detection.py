"""article_detect: editors' work survives re-detection; speakers land in the registry once."""

import contextlib
import signal
import time

import pytest

from tests.factories import ArticleFactory, QuoteFactory, SpeakerFactory
from tracker.attribution.text import normalize_name
from tracker.attribution.types import Attribution, Span
from tracker.models import Article, Quote, Speaker
from tracker.services.articles import article_import
from tracker.services.detection import DetectionTimeout, _full_names, _time_limit, article_detect
from tracker.services.speakers import speaker_find

pytestmark = pytest.mark.django_db

# Invented: a minister quoted twice, by full name then by surname.
TITLE = "وزير المالية: الموازنة في موعدها"
BODY = (
    'وقال وزير المالية، كريم حداد، إنّ "الموازنة ستقر قبل نهاية الشهر".\n'
    "وأضاف حداد أنّ الحكومة ستدعم المزارعين في الموسم المقبل.\n"
    'وأكد حداد أنّ "الرواتب ستصرف في موعدها".\n'
    "وتابع حداد أنّ الضرائب لن ترتفع هذا العام."
)


def _article(**kwargs):
    return ArticleFactory(title=TITLE, body=BODY, language="ar", **kwargs)


def _snapshot(quote: Quote) -> dict:
    quote.refresh_from_db()
    # search_text is derived (refreshed from speaker names); everything an editor sees must stay.
    derived = {"updated_at", "search_text", "search_config"}
    return {f.name: getattr(quote, f.name) for f in Quote._meta.concrete_fields if f.name not in derived}


def test_redetection_keeps_what_editors_touched_and_updates_the_rest_in_place():
    article = _article()
    first = article_detect(article=article)
    assert len(first) >= 3, [q.quote_text for q in first]
    by_text = {q.quote_text: q for q in first}
    accepted = by_text["الموازنة ستقر قبل نهاية الشهر"]
    corrected = by_text["الرواتب ستصرف في موعدها"]
    rejected = next(q for q in first if q.kind == Quote.Kind.HEADLINE)
    other = SpeakerFactory(name="متحدث آخر")
    Quote.objects.filter(pk=accepted.pk).update(status=Quote.Status.ACCEPTED)
    Quote.objects.filter(pk=corrected.pk).update(status=Quote.Status.CORRECTED, speaker=other, version=2)
    Quote.objects.filter(pk=rejected.pk).update(
        status=Quote.Status.REJECTED, reject_reason=Quote.RejectReason.NOT_A_QUOTE
    )
    # An editor's own quote over the clause the rules find as indirect speech.
    clause = "الحكومة ستدعم المزارعين"
    start = article.document.index(clause)
    created = QuoteFactory(
        article=article,
        quote_start=start,
        quote_end=start + len(clause),
        kind=Quote.Kind.INDIRECT,
        origin=Quote.Origin.EDITOR,
        speaker=other,
    )
    touched = [accepted, corrected, rejected, created]
    before = {q.pk: _snapshot(q) for q in touched}
    pending = [q.pk for q in first if q.pk not in before]

    again = article_detect(article=article)

    assert {q.pk: _snapshot(q) for q in touched} == before
    # Untouched detections found again keep their ids; those overlapping an editor's quote go.
    again_ids = {q.pk for q in again}
    survivors = [pk for pk in pending if pk in again_ids]
    assert survivors and set(pending) - again_ids, (pending, again_ids)
    assert not Quote.objects.filter(pk__in=set(pending) - again_ids).exists()
    assert any("الضرائب لن ترتفع" in q.quote_text for q in again), "and detected afresh"
    for quote in again:
        for kept in touched:
            assert not (quote.quote_start < kept.quote_end and kept.quote_start < quote.quote_end), quote.quote_text
    assert article.quotes.count() == len(touched) + len(again)


def test_surname_and_full_name_in_one_article_are_one_speaker():
    article = _article()
    quotes = article_detect(article=article)
    named = [q for q in quotes if q.speaker and "حداد" in q.speaker.name]
    assert len(named) >= 3
    speaker = named[0].speaker
    assert {q.speaker_id for q in named} == {speaker.pk}
    assert speaker.name == "كريم حداد"
    assert {a.normalized for a in speaker.aliases.all()} >= {"كريم حداد", "حداد"}
    assert Speaker.objects.filter(aliases__normalized="حداد").count() == 1


def test_a_later_article_finds_the_speaker_by_alias_in_another_spelling():
    article_detect(article=_article())
    speaker = speaker_find(name="كريم حداد")
    later = ArticleFactory(title="تصريح جديد", body='وقال حدّاد إنّ "العجز سيتراجع العام المقبل".', language="ar")
    quotes = article_detect(article=later)
    assert [q.speaker for q in quotes if "العجز" in q.quote_text] == [speaker]
    assert Speaker.objects.filter(name__contains="حداد").count() == 1


def test_full_names_only_for_one_unambiguous_longer_name():
    def found(name, kind=None):
        return Attribution(kind="direct", quote=Span(0, 1, "x"), speaker=name, speaker_kind=kind)

    assert _full_names([found("جون كيربي", "person"), found("كيربي")]) == {"كيربي": "جون كيربي"}
    # Two people with that surname: which one is meant is not known.
    assert _full_names([found("جون كيربي"), found("ليندا كيربي"), found("كيربي")]) == {}
    # A ministry and a person whose names end alike stay apart; unnamed sources are never merged.
    assert _full_names([found("وزارة الدفاع", "government"), found("الدفاع", "person")]) == {}
    assert _full_names([found("مسؤول أميركي كبير", "unnamed"), found("أميركي كبير", "unnamed")]) == {}
    assert normalize_name("Joe Biden").endswith(normalize_name("Biden"))
    assert _full_names([found("Joe Biden"), found("Biden")]) == {"Biden": "Joe Biden"}


def test_import_detects_and_sets_status_detected():
    result = article_import(title=TITLE, body=BODY, language="ar", outlet="صحيفة تجريبية")
    article = Article.objects.get(pk=result.article.pk)
    assert article.status == Article.Status.DETECTED
    assert article.detection_state == Article.Detection.DONE
    assert article.detection_backend == "rules" and article.detection_note.startswith("Built-in rules only")
    assert article.quotes.filter(quote_text="الموازنة ستقر قبل نهاية الشهر").exists()


def test_redetection_keeps_a_later_status():
    article = _article(status=Article.Status.IN_REVIEW)
    article_detect(article=article)
    article.refresh_from_db()
    assert article.status == Article.Status.IN_REVIEW


@pytest.mark.django_db
def test_one_unnamed_source_quoted_twice_in_an_article_is_one_speaker():
    from tracker.models import Speaker
    from tracker.services.articles import article_import

    body = (
        'ونقلت الوكالة عن مصدر قوله إنّ "المفاوضات ستُستأنف الأسبوع المقبل في القاهرة بمشاركة الوسطاء".\n'
        'ووفقاً له، فإنّ الوفدين "اتفقا على جدول أعمال يتضمن تبادل الأسرى وإدخال المساعدات".'
    )
    article = article_import(title="مصدر: استئناف المفاوضات", body=body, language="ar").article
    quotes = list(article.quotes.select_related("speaker"))
    unnamed = {q.speaker_id for q in quotes if q.speaker and q.speaker.kind == Speaker.Kind.UNNAMED}
    assert len([q for q in quotes if q.speaker and q.speaker.kind == Speaker.Kind.UNNAMED]) >= 2
    assert len(unnamed) == 1


def test_redetection_keeps_ids_of_unchanged_quotes_and_bumps_changed_ones():
    article = _article()
    first = {(q.quote_start, q.quote_end, q.kind): (q.pk, q.version) for q in article_detect(article=article)}
    history = Quote.history.count()
    again = {(q.quote_start, q.quote_end, q.kind): (q.pk, q.version) for q in article_detect(article=article)}
    # Same text, same findings: same rows, untouched, no history written.
    assert again == first and Quote.history.count() == history

    # A stored detection that differs from what the engine finds now is updated in place.
    some = Quote.objects.filter(article=article).exclude(cue_start=None).first()
    Quote.objects.filter(pk=some.pk).update(cue_text="", cue_start=None, cue_end=None, confidence=0.01)
    article_detect(article=article)
    updated = Quote.objects.get(pk=some.pk)
    assert updated.cue_start == some.cue_start and updated.confidence == some.confidence
    assert updated.version == some.version + 1  # an open card of the old one gets a conflict
    assert updated.history.first().history_change_reason == "detected again"


def _spin(seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        pass


def test_time_limit_stops_the_block_even_when_a_tick_is_swallowed():
    before = signal.getsignal(signal.SIGALRM)
    with pytest.raises(DetectionTimeout), _time_limit(0.01):
        # Python drops an exception raised in a __del__ or a gc callback; so does this.
        with contextlib.suppress(DetectionTimeout):
            _spin(30)
        _spin(30)
        pytest.fail("the block ran on past its time limit")
    # Disarmed and put back as it was.
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is before


def test_time_limit_is_not_taken_for_an_ordinary_error():
    # The stanza fallback and other `except Exception` handlers must let it through.
    with pytest.raises(DetectionTimeout), _time_limit(0.01):
        try:
            _spin(30)
        except Exception:
            pytest.fail("caught as an Exception")
