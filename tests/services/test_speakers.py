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


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("واشنطن", "government"),
        ("Washington", "government"),
        ("Denzel Washington", "person"),
        ("وزارة الخارجية الأميركية", "government"),
        ("نيويورك تايمز", "media"),
        ("Northwind Holdings Inc", "organisation"),
        ("حركة حماس", "group"),
        ("جون كيربي", "person"),
    ],
)
def test_new_speakers_take_a_kind_from_their_name_when_the_engine_gives_none(name, kind):
    assert speaker_resolve(name=name, kind=None).kind == kind


def test_the_engines_kind_wins_over_the_name():
    assert speaker_resolve(name="Washington", kind="person").kind == "person"


def test_demo_article_speakers_are_not_all_people():
    from django.core.management import call_command

    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    kinds = dict(Speaker.objects.values_list("name", "kind"))
    assert kinds["واشنطن"] == "government" and kinds["جون كيربي"] == "person"
    assert kinds["وول ستريت جورنال"] == "media"
