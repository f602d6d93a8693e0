import pytest

from tests.factories import ArticleFactory, QuoteFactory, SpeakerAliasFactory, SpeakerFactory
from tracker.models import Article, Quote, Speaker
from tracker.services import quotes as services

pytestmark = pytest.mark.django_db


def test_accept_bumps_version_and_records_history_user(editor):
    quote = QuoteFactory()
    services.quote_accept(quote_id=quote.pk, expected_version=1, user=editor)
    quote.refresh_from_db()
    assert quote.status == Quote.Status.ACCEPTED and quote.version == 2 and quote.reviewed_by == editor
    latest = quote.history.latest()
    assert latest.history_user == editor and latest.version == 2
    assert Article.objects.get(pk=quote.article_id).status == Article.Status.IN_REVIEW


def test_stale_version_is_a_conflict_and_writes_nothing(editor):
    quote = QuoteFactory()
    services.quote_accept(quote_id=quote.pk, expected_version=1, user=editor)
    with pytest.raises(services.Conflict) as caught:
        services.quote_reject(quote_id=quote.pk, expected_version=1, user=editor, reason="duplicate")
    assert caught.value.current.status == Quote.Status.ACCEPTED and caught.value.current.version == 2
    quote.refresh_from_db()
    assert quote.status == Quote.Status.ACCEPTED and quote.version == 2 and quote.history.count() == 2


def test_reject_needs_a_known_reason(editor):
    quote = QuoteFactory()
    with pytest.raises(services.QuoteInvalid):
        services.quote_reject(quote_id=quote.pk, expected_version=1, user=editor, reason="boring")
    services.quote_reject(quote_id=quote.pk, expected_version=1, user=editor, reason="wrong_span")
    quote.refresh_from_db()
    assert quote.status == Quote.Status.REJECTED and quote.reject_reason == "wrong_span"


def test_speaker_set_existing_new_and_via(editor):
    quote = QuoteFactory(speaker_text="x", speaker_start=0, speaker_end=3)
    other = SpeakerFactory(name="John Kirby")
    services.quote_speaker_set(quote_id=quote.pk, expected_version=1, user=editor, speaker=other)
    quote.refresh_from_db()
    assert quote.speaker == other and quote.status == Quote.Status.CORRECTED and quote.speaker_start is None
    services.quote_speaker_set(quote_id=quote.pk, expected_version=2, user=editor, new_speaker_name="  Jane  Doe ")
    quote.refresh_from_db()
    assert quote.speaker.name == "Jane Doe" and quote.speaker.aliases.get().normalized == "jane doe"
    services.quote_via_set(quote_id=quote.pk, expected_version=3, user=editor, via=other)
    services.quote_via_set(quote_id=quote.pk, expected_version=4, user=editor, via=None)
    quote.refresh_from_db()
    assert quote.via is None and quote.version == 5


def test_speaker_set_needs_exactly_one_choice(editor):
    quote = QuoteFactory()
    with pytest.raises(services.QuoteInvalid):
        services.quote_speaker_set(quote_id=quote.pk, expected_version=1, user=editor)
    assert Quote.objects.get(pk=quote.pk).version == 1


def test_kind_set(editor):
    quote = QuoteFactory()
    services.quote_kind_set(quote_id=quote.pk, expected_version=1, user=editor, kind="indirect")
    assert Quote.objects.get(pk=quote.pk).kind == "indirect"
    with pytest.raises(services.QuoteInvalid):
        services.quote_kind_set(quote_id=quote.pk, expected_version=2, user=editor, kind="rumour")


def test_span_set_is_validated_trimmed_and_text_follows():
    article = ArticleFactory(title="T", body='He said "talks will go on" today.')
    quote = QuoteFactory(article=article)
    doc = article.document
    start = doc.index('"')
    services.quote_span_set(quote_id=quote.pk, expected_version=1, user=None, start=start - 1, end=start + 18)
    quote.refresh_from_db()
    # The space and the quotation marks the selection took along are trimmed.
    assert quote.quote_text == "talks will go on" == doc[quote.quote_start : quote.quote_end]
    for bad in [(-1, 4), (5, 5), (0, len(doc) + 1), (9, 3)]:
        with pytest.raises(services.QuoteInvalid):
            services.quote_span_set(quote_id=quote.pk, expected_version=2, user=None, start=bad[0], end=bad[1])
    assert Quote.objects.get(pk=quote.pk).version == 2


def test_span_trims_the_commas_a_word_by_word_selection_takes_along():
    article = ArticleFactory(title="T", body="قال إنّ الجيش يجهد في الشرق الأوسط، في إطار الخشية.")
    doc = article.document
    quote = QuoteFactory(article=article, quote_start=2, quote_end=5, quote_text=doc[2:5])
    start, end = doc.index("الجيش"), doc.index("، في") + 2
    services.quote_span_set(quote_id=quote.pk, expected_version=1, user=None, start=start, end=end)
    assert Quote.objects.get(pk=quote.pk).quote_text == "الجيش يجهد في الشرق الأوسط"


def test_span_offsets_are_code_points_for_arabic_and_emoji():
    article = ArticleFactory(title="عنوان 🙂", body="قال 🙂 كيربي: «لا نرغب في توسع الحرب» اليوم.", language="ar")
    doc = article.document
    start = doc.index("لا نرغب")
    quote = services.quote_create(article=article, user=None, start=start, end=start + len("لا نرغب في توسع الحرب"))
    assert quote.quote_text == "لا نرغب في توسع الحرب" and quote.origin == Quote.Origin.EDITOR


def test_span_editing_never_cuts_the_final_diacritics():
    article = ArticleFactory(title="عنوان", body="قال الوزير إنّ الرجل بقي وحيداً، وإنّ الجندي عاد جريحاً.", language="ar")
    doc = article.document
    quote = QuoteFactory(article=article, quote_start=0, quote_end=5)
    start = doc.index("الرجل")
    # The selection stops on the alef, before its tanween.
    services.quote_span_set(
        quote_id=quote.pk, expected_version=1, user=None, start=start, end=doc.index("وحيداً") + len("وحيدا")
    )
    quote.refresh_from_db()
    assert quote.quote_text == "الرجل بقي وحيداً" == doc[quote.quote_start : quote.quote_end]
    start = doc.index("الجندي")
    new = services.quote_create(article=article, user=None, start=start, end=doc.index("جريحاً") + len("جريحا"))
    assert new.quote_text == "الجندي عاد جريحاً"


def test_create_refuses_duplicates_and_delete_only_editor_quotes(editor):
    quote = QuoteFactory()
    with pytest.raises(services.QuoteInvalid):
        services.quote_create(article=quote.article, user=editor, start=quote.quote_start, end=quote.quote_end)
    with pytest.raises(services.QuoteInvalid):
        services.quote_delete(quote_id=quote.pk, expected_version=1, user=editor)
    assert Quote.objects.filter(pk=quote.pk).exists()
    added = services.quote_create(article=quote.article, user=editor, start=0, end=8)
    services.quote_delete(quote_id=added.pk, expected_version=added.version, user=editor)
    assert not Quote.objects.filter(pk=added.pk).exists()


def test_undo_walks_back_through_changes(editor):
    quote = QuoteFactory()
    services.quote_accept(quote_id=quote.pk, expected_version=1, user=editor)
    services.quote_kind_set(quote_id=quote.pk, expected_version=2, user=editor, kind="indirect")
    assert services.quote_last_change(article=quote.article, user=editor) == (quote.pk, 3)
    undone = services.quote_undo(quote_id=quote.pk, expected_version=3, user=editor)
    assert undone.kind == "mixed" and undone.status == Quote.Status.ACCEPTED and undone.version == 4
    undone = services.quote_undo(quote_id=quote.pk, expected_version=4, user=editor)
    assert undone.status == Quote.Status.PENDING and undone.version == 5
    assert services.quote_last_change(article=quote.article, user=editor) is None
    with pytest.raises(services.NothingToUndo):
        services.quote_undo(quote_id=quote.pk, expected_version=5, user=editor)


def test_undo_of_an_added_quote_deletes_it(editor):
    article = ArticleFactory()
    added = services.quote_create(article=article, user=editor, start=0, end=8)
    assert services.quote_last_change(article=article, user=editor) == (added.pk, 1)
    assert services.quote_undo(quote_id=added.pk, expected_version=1, user=editor) is None
    assert not article.quotes.exists()


def test_last_change_is_per_user(editor, viewer):
    first, second = QuoteFactory(), None
    second = QuoteFactory(article=first.article, quote_start=0, quote_end=5, quote_text=first.article.document[:5])
    services.quote_accept(quote_id=first.pk, expected_version=1, user=editor)
    services.quote_accept(quote_id=second.pk, expected_version=1, user=viewer)
    assert services.quote_last_change(article=first.article, user=editor) == (first.pk, 2)


def test_accept_all_accepts_only_pending(editor):
    first = QuoteFactory()
    article = first.article
    QuoteFactory(article=article, quote_start=0, quote_end=5, quote_text=article.document[:5], status="rejected")
    assert services.article_accept_all(article=article, user=editor).count == 1
    assert sorted(article.quotes.values_list("status", flat=True)) == ["accepted", "rejected"]


def _three_quotes():
    article = ArticleFactory(body='A said "one". B said "two". C said "three".')
    doc = article.document
    return [
        QuoteFactory(article=article, quote_start=doc.index(w), quote_end=doc.index(w) + len(w), quote_text=w, rule=r)
        for w, r in (("one", "r1"), ("two", "r2"), ("three", "r2"))
    ]


def test_batch_is_one_undo_and_spares_quotes_someone_changed_since(editor, viewer):
    quotes = _three_quotes()
    article = quotes[0].article
    services.article_accept_all(article=article, user=editor)
    # Another user changes one of the batch: undoing the batch leaves that quote alone.
    services.quote_kind_set(quote_id=quotes[2].pk, expected_version=2, user=viewer, kind="indirect")
    last = services.article_last_change(article=article, user=editor)
    assert last.batch and [pk for pk, _ in last.quotes] == [quotes[0].pk, quotes[1].pk]
    result = services.article_undo(article=article, user=editor)
    assert result.batch and [q.pk for q in result.restored] == [quotes[0].pk, quotes[1].pk]
    statuses = dict(Quote.objects.values_list("pk", "status"))
    assert statuses == {quotes[0].pk: "pending", quotes[1].pk: "pending", quotes[2].pk: "corrected"}
    with pytest.raises(services.NothingToUndo):
        services.article_undo(article=article, user=editor)


def test_batch_undo_is_all_or_nothing_on_a_conflict(editor):
    quotes = _three_quotes()
    article = quotes[0].article
    services.article_accept_all(article=article, user=editor)
    # Someone bumps a version behind the history's back (a concurrent save in flight).
    Quote.objects.filter(pk=quotes[1].pk).update(version=99)
    with pytest.raises(services.Conflict):
        services.article_undo(article=article, user=editor)
    assert set(Quote.objects.values_list("status", flat=True)) == {"accepted"}


def test_reject_rule_rejects_pending_quotes_of_that_rule_only(editor):
    quotes = _three_quotes()
    article = quotes[0].article
    services.quote_accept(quote_id=quotes[2].pk, expected_version=1, user=editor)
    result = services.article_reject_rule(article=article, user=editor, rule="r2", reason="not_a_quote")
    assert result.count == 1
    assert Quote.objects.get(pk=quotes[1].pk).reject_reason == "not_a_quote"
    assert Quote.objects.get(pk=quotes[2].pk).status == "accepted"
    with pytest.raises(services.QuoteInvalid):
        services.article_reject_rule(article=article, user=editor, rule="r1", reason="meh")


def test_accept_all_above_a_confidence(editor):
    quotes = _three_quotes()
    Quote.objects.filter(pk=quotes[0].pk).update(confidence=0.9)
    Quote.objects.filter(pk__in=[quotes[1].pk, quotes[2].pk]).update(confidence=0.5)
    assert services.article_accept_all(article=quotes[0].article, user=editor, min_confidence=0.85).count == 1
    assert Quote.objects.get(pk=quotes[0].pk).status == "accepted"


def test_mark_reviewed_refuses_while_quotes_are_pending(editor):
    quote = QuoteFactory()
    with pytest.raises(services.QuoteInvalid, match="1 quote is still pending"):
        services.article_mark_reviewed(article=quote.article, user=editor)
    services.quote_accept(quote_id=quote.pk, expected_version=1, user=editor)
    assert services.article_mark_reviewed(article=quote.article, user=editor).status == Article.Status.REVIEWED


def test_speaker_typeahead_is_arabic_and_case_insensitive():
    from tracker.selectors import speaker_suggest

    kirby = SpeakerFactory(name="John Kirby")
    SpeakerAliasFactory(speaker=kirby)
    SpeakerAliasFactory(speaker=kirby, alias="جون كيربي")
    blinken = SpeakerFactory(name="أنتوني بلينكن")
    SpeakerAliasFactory(speaker=blinken)
    assert [s for s, _ in speaker_suggest(query="KIRBY")] == [kirby]
    assert [s for s, _ in speaker_suggest(query="كيربى")] == [kirby]  # ى for ي
    assert [s for s, _ in speaker_suggest(query="انتونى")] == [blinken]  # no hamza, ى
    assert speaker_suggest(query="   ") == []
    assert Speaker.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_two_saves_at_once_one_wins():
    """Race-safety needs a real server: with SQLite in memory the threads share one connection."""
    import threading

    from django.db import connection, connections

    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL")
    quote = QuoteFactory()
    barrier = threading.Barrier(2)
    results: list[str] = []

    def save(call, **kwargs):
        try:
            barrier.wait()
            call(quote_id=quote.pk, expected_version=1, user=None, **kwargs)
            results.append("saved")
        except services.Conflict:
            results.append("conflict")
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=save, args=(services.quote_accept,)),
        threading.Thread(target=save, args=(services.quote_reject,), kwargs={"reason": "other"}),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["conflict", "saved"]
    stored = Quote.objects.get(pk=quote.pk)
    assert stored.version == 2 and stored.history.count() == 2
