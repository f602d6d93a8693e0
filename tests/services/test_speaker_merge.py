import pytest

from tests.factories import SpeakerAliasFactory, SpeakerFactory, quote_with_text
from tracker.models import Quote, Speaker, SpeakerAlias
from tracker.search import QuoteQuery, quote_search
from tracker.services.speakers import (
    SpeakerChangeRefused,
    speaker_alias_add,
    speaker_alias_remove,
    speaker_duplicates_suggest,
    speaker_merge,
    speaker_merge_undo,
    speaker_resolve,
    translit_key,
)

pytestmark = pytest.mark.django_db


def test_translit_key_matches_arabic_and_latin():
    assert translit_key("Kirby") == translit_key("كيربي") == "krb"
    assert translit_key("Blinken") == translit_key("بلينكن")
    assert translit_key("Netanyahu") == translit_key("نتنياهو")
    assert translit_key("Kirby") != translit_key("Biden")


def test_merge_moves_quotes_via_and_aliases_and_undo_restores(editor):
    target = speaker_resolve(name="John Kirby", kind="person")
    source = speaker_resolve(name="جون كيربي", kind="person", mentions=("كيربي",))
    SpeakerAliasFactory(speaker=source, alias="John Kirby")  # the target has it already
    said = quote_with_text("المحادثات مستمرة", language="ar", speaker=source)
    relayed = quote_with_text("Talks go on", speaker=SpeakerFactory(name="Official"), via=source)
    source_id = source.pk

    merge = speaker_merge(source=source, target=target, user=editor)

    assert not Speaker.objects.filter(pk=source_id).exists()
    said.refresh_from_db()
    relayed.refresh_from_db()
    assert said.speaker == target and relayed.via == target
    assert set(target.aliases.values_list("normalized", flat=True)) == {"john kirby", "جون كيربي", "كيربي"}
    assert said.history.first().history_change_reason == "speaker merge"
    assert Speaker.history.filter(id=source_id, history_type="-").exists()
    # The merged names now find the target's quotes.
    assert [q.pk for q in quote_search(QuoteQuery(q="كيربى"))] == [said.pk]

    restored = speaker_merge_undo(merge=merge)
    said.refresh_from_db()
    relayed.refresh_from_db()
    assert restored.pk == source_id and restored.name == "جون كيربي"
    assert said.speaker_id == source_id and relayed.via_id == source_id
    assert set(restored.aliases.values_list("normalized", flat=True)) == {"جون كيربي", "كيربي", "john kirby"}
    assert set(target.aliases.values_list("normalized", flat=True)) == {"john kirby"}
    with pytest.raises(SpeakerChangeRefused):
        speaker_merge_undo(merge=merge)


def test_merge_into_itself_is_refused():
    speaker = SpeakerFactory()
    with pytest.raises(SpeakerChangeRefused):
        speaker_merge(source=speaker, target=speaker)


def test_alias_add_and_remove_refresh_search():
    speaker = speaker_resolve(name="Antony Blinken", kind="person")
    quote = quote_with_text("We stand with partners", speaker=speaker)
    alias = speaker_alias_add(speaker=speaker, alias="أنتوني بلينكن", language="ar")
    assert [q.pk for q in quote_search(QuoteQuery(q="بلينكن"))] == [quote.pk]
    speaker_alias_remove(alias=alias)
    assert not quote_search(QuoteQuery(q="بلينكن")).exists()
    with pytest.raises(SpeakerChangeRefused):
        speaker_alias_remove(alias=SpeakerAlias.objects.get(speaker=speaker))


def test_duplicates_same_surname_and_cross_script():
    kirby_en = speaker_resolve(name="John Kirby", kind="person")
    kirby_ar = speaker_resolve(name="كيربي", kind="person")
    kirby_other = speaker_resolve(name="Jane Kirby", kind="person")
    speaker_resolve(name="Joe Biden", kind="person")
    speaker_resolve(name="a senior official", kind="unnamed")
    speaker_resolve(name="another senior official", kind="unnamed")
    pairs = {(a.pk, b.pk): why for a, b, why in speaker_duplicates_suggest()}
    assert pairs[(kirby_en.pk, kirby_ar.pk)] == "same name in Arabic and Latin script"
    assert "surname" in pairs[(kirby_en.pk, kirby_other.pk)]
    assert len(pairs) == 3  # the two unnamed officials are never suggested; Biden matches no one


def test_quote_counts_unchanged_by_merge_and_undo():
    a, b = SpeakerFactory(name="A Person"), SpeakerFactory(name="B Person")
    for text in ("one statement", "two statement"):
        quote_with_text(text, speaker=b)
    merge = speaker_merge(source=b, target=a)
    assert Quote.objects.filter(speaker=a).count() == 2
    speaker_merge_undo(merge=merge)
    assert Quote.objects.filter(speaker=a).count() == 0


@pytest.mark.django_db
def test_merge_moves_quotes_to_their_next_version_so_stale_saves_conflict(editor):
    from tests.factories import QuoteFactory, SpeakerFactory
    from tracker.services.quotes import Conflict, quote_accept
    from tracker.services.speakers import speaker_merge

    source, target = SpeakerFactory(name="J. Kirby"), SpeakerFactory(name="John Kirby")
    quote = QuoteFactory(speaker=source)
    speaker_merge(source=source, target=target, user=editor)
    quote.refresh_from_db()
    assert quote.speaker == target and quote.version == 2
    with pytest.raises(Conflict):
        quote_accept(quote_id=quote.pk, expected_version=1, user=editor)


# Editors' alias and merge tools (issue 11) ------------------------------------------------------


def test_editor_alias_create_records_who_and_refuses_names_of_other_speakers(editor):
    from tracker.services.speakers import speaker_alias_create

    kirby = speaker_resolve(name="John Kirby", kind="person")
    other = speaker_resolve(name="جون كيربي", kind="person")
    alias = speaker_alias_create(speaker=kirby, alias="  Admiral  Kirby ", language="en", user=editor)
    assert alias.alias == "Admiral Kirby" and alias.history.latest().history_user == editor
    with pytest.raises(SpeakerChangeRefused, match="merge the two speakers instead"):
        speaker_alias_create(speaker=kirby, alias="جون كيربى", user=editor)  # folded: other's name
    with pytest.raises(SpeakerChangeRefused, match="already a name of John Kirby"):
        speaker_alias_create(speaker=kirby, alias="JOHN KIRBY", user=editor)
    with pytest.raises(SpeakerChangeRefused):
        speaker_alias_create(speaker=kirby, alias=" ... ", user=editor)
    assert other.aliases.count() == 1 and kirby.aliases.count() == 2


def test_alias_removal_is_undone_from_its_history_record(editor):
    from tracker.services.speakers import speaker_alias_restore

    speaker = speaker_resolve(name="Antony Blinken", kind="person")
    quote = quote_with_text("We stand with partners", speaker=speaker)
    alias = speaker_alias_add(speaker=speaker, alias="أنتوني بلينكن", language="ar")
    history_id = speaker_alias_remove(alias=alias, user=editor)
    assert not quote_search(QuoteQuery(q="بلينكن")).exists()
    back = speaker_alias_restore(speaker=speaker, history_id=history_id, user=editor)
    assert back.alias == "أنتوني بلينكن" and back.language == "ar" and back.speaker == speaker
    assert [q.pk for q in quote_search(QuoteQuery(q="بلينكن"))] == [quote.pk]
    with pytest.raises(SpeakerChangeRefused):  # it is there again: nothing to bring back
        speaker_alias_restore(speaker=speaker, history_id=history_id, user=editor)
    reasons = list(SpeakerAlias.history.filter(alias="أنتوني بلينكن").values_list("history_change_reason", flat=True))
    assert "alias removed" in reasons and "alias removal undone" in reasons


def test_duplicates_include_spelling_variants_beyond_hamza_and_ya():
    state_1 = speaker_resolve(name="وزارة الخارجية الأميركية", kind="government")
    state_2 = speaker_resolve(name="وزارة الخارجية الأمريكية", kind="government")
    bibi_1 = speaker_resolve(name="نتنياهو", kind="person")
    bibi_2 = speaker_resolve(name="نتانياهو", kind="person")
    kirby_en = speaker_resolve(name="Kirby", kind="person")
    kirby_ar = speaker_resolve(name="كيربي", kind="person")
    speaker_resolve(name="وزارة الخارجية الروسية", kind="government")
    quote_with_text("a statement", speaker=bibi_2, language="ar")  # the more quoted one is kept
    pairs = {(keep.pk, away.pk): why for keep, away, why in speaker_duplicates_suggest()}
    assert "two spellings" in pairs[(state_1.pk, state_2.pk)]
    assert "two spellings" in pairs[(bibi_2.pk, bibi_1.pk)]
    assert pairs[(kirby_en.pk, kirby_ar.pk)] == "same name in Arabic and Latin script"
    assert len([p for p in pairs if state_1.pk in p or state_2.pk in p]) == 1  # not the Russian ministry
    only = speaker_duplicates_suggest(speaker=kirby_ar)
    assert [(k.pk, a.pk) for k, a, _ in only] == [(kirby_en.pk, kirby_ar.pk)]


def test_merge_and_its_undo_name_the_editor_in_history(editor):
    target = speaker_resolve(name="John Kirby", kind="person")
    source = speaker_resolve(name="جون كيربي", kind="person")
    quote = quote_with_text("talks go on", speaker=source)
    merge = speaker_merge(source=source, target=target, user=editor)
    assert Quote.history.filter(id=quote.pk).latest().history_user == editor
    assert Speaker.history.filter(id=source.pk, history_type="-").get().history_user == editor
    speaker_merge_undo(merge=merge, user=editor)
    assert Quote.objects.get(pk=quote.pk).speaker_id == source.pk
    assert Speaker.history.filter(id=source.pk).latest().history_user == editor
