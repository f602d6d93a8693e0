import pytest

from tracker.models import Speaker, SpeakerAlias
from tracker.services.speakers import speaker_find, speaker_resolve

pytestmark = pytest.mark.django_db


def test_surname_and_full_name_are_one_speaker():
    full = speaker_resolve(name="جون كيربي", kind="person", language="ar", mentions=("كيربي",))
    assert speaker_find(name="كيربي") == full
    assert speaker_resolve(name="كيربي", kind="person") == full
    assert Speaker.objects.count() == 1


def test_alias_lookup_is_arabic_and_case_insensitive():
    speaker = speaker_resolve(name="وزارة الخارجية الأميركية", kind="government")
    assert speaker_find(name="وزاره الخارجيه الامريكيه") is None  # different spelling of the word itself
    assert speaker_find(name="وزارةُ الخارجيّة الأميركيّة") == speaker
    assert speaker_find(name="وزاره الخارجيه الاميركيه") == speaker
    latin = speaker_resolve(name="John Kirby", kind="person")
    assert speaker_find(name="JOHN kirby") == latin


def test_unnamed_sources_are_never_merged():
    a = speaker_resolve(name="a senior official", kind="unnamed")
    b = speaker_resolve(name="a senior official", kind="unnamed")
    assert a != b and a.kind == Speaker.Kind.UNNAMED


def test_alias_normalized_form_stored():
    speaker_resolve(name="أنتوني بلينكن", kind="person")
    assert SpeakerAlias.objects.get().normalized == "انتوني بلينكن"
