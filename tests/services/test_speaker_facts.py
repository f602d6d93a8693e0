"""Speaker facts set by editors, and the suggestion drawn from the articles."""

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, QuoteFactory, SpeakerFactory
from tracker.models import Speaker
from tracker.selectors_facts import speaker_gender_suggestion
from tracker.services.speaker_facts import SpeakerFactsInvalid, speaker_facts_set, wikidata_id_clean

pytestmark = pytest.mark.django_db


def _quote(speaker, *, language, body, quote, speaker_text, cue=""):
    article = ArticleFactory(body=body, language=language)
    doc = article.document
    q = doc.index(quote)
    s = doc.index(speaker_text)
    fields = {"cue_text": cue, "cue_start": doc.index(cue), "cue_end": doc.index(cue) + len(cue)} if cue else {}
    return QuoteFactory(
        article=article,
        speaker=speaker,
        quote_start=q,
        quote_end=q + len(quote),
        quote_text=quote,
        speaker_text=speaker_text,
        speaker_start=s,
        speaker_end=s + len(speaker_text),
        **fields,
    )


def test_suggestion_from_arabic_and_english_articles():
    speaker = SpeakerFactory(name="Maria Zakharova")
    _quote(
        speaker,
        language="ar",
        body="قالت زاخاروفا إن «الحوار ممكن».",
        quote="الحوار ممكن",
        speaker_text="زاخاروفا",
        cue="قالت",
    )
    _quote(
        speaker,
        language="ar",
        body="وأكدت زاخاروفا أن «الموقف ثابت».",
        quote="الموقف ثابت",
        speaker_text="زاخاروفا",
        cue="وأكدت",
    )
    _quote(
        speaker,
        language="en",
        body='"Talks are possible," Zakharova said, adding that she was hopeful.',
        quote="Talks are possible",
        speaker_text="Zakharova",
    )
    hint = speaker_gender_suggestion(speaker=speaker)
    assert hint == {"votes": {"female": 3}, "suggestion": "female", "mentions": 3}
    assert Speaker.objects.get(pk=speaker.pk).gender == ""  # a suggestion only


def test_facts_set_with_history_and_wikidata_urls(editor):
    speaker = SpeakerFactory(kind="organisation")
    speaker_facts_set(
        speaker=speaker, kind="person", gender="female", wikidata_id="https://www.wikidata.org/wiki/q42", user=editor
    )
    speaker.refresh_from_db()
    assert (speaker.kind, speaker.gender, speaker.wikidata_id) == ("person", "female", "Q42")
    assert speaker.history.first().history_user == editor


@pytest.mark.parametrize("bad", ["42", "Q", "Q0", "Q12x", "https://evil.example/wiki/Q42", "Q" + "9" * 20, "<b>"])
def test_bad_wikidata_ids_refused(bad):
    with pytest.raises(SpeakerFactsInvalid):
        wikidata_id_clean(bad)


def test_organisations_have_no_gender(editor):
    speaker = SpeakerFactory(kind="person")
    with pytest.raises(SpeakerFactsInvalid, match="Only people"):
        speaker_facts_set(speaker=speaker, kind="government", gender="male", wikidata_id="", user=editor)
    speaker.refresh_from_db()
    assert speaker.kind == "person"


def test_speaker_page_form(editor_client):
    speaker = SpeakerFactory(name="Mia Mottley")
    _quote(
        speaker, language="en", body='"We will act," Ms Mottley said.', quote="We will act", speaker_text="Ms Mottley"
    )
    page = editor_client.get(reverse("speaker-detail", args=[speaker.pk])).content.decode()
    assert "The articles suggest a <strong>woman</strong>" in page and "Save facts" in page
    response = editor_client.post(
        reverse("speaker-facts", args=[speaker.pk]),
        {"kind": "person", "gender": "female", "wikidata_id": "Q3856539"},
        follow=True,
    )
    page = response.content.decode()
    assert "Speaker facts saved." in page and 'href="https://www.wikidata.org/wiki/Q3856539"' in page
    response = editor_client.post(
        reverse("speaker-facts", args=[speaker.pk]), {"kind": "person", "gender": "x", "wikidata_id": ""}, follow=True
    )
    assert "Choose a kind and a gender" in response.content.decode()
    response = editor_client.post(
        reverse("speaker-facts", args=[speaker.pk]),
        {"kind": "person", "gender": "", "wikidata_id": "nope"},
        follow=True,
    )
    assert "is not a Wikidata id" in response.content.decode()
    speaker.refresh_from_db()
    assert speaker.gender == "female" and speaker.wikidata_id == "Q3856539"


def test_viewers_cannot_set_facts(viewer_client):
    speaker = SpeakerFactory()
    assert "Save facts" not in viewer_client.get(reverse("speaker-detail", args=[speaker.pk])).content.decode()
    assert (
        viewer_client.post(
            reverse("speaker-facts", args=[speaker.pk]), {"kind": "person", "gender": "male"}
        ).status_code
        == 403
    )
