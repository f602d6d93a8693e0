"""The language-neutral speaker registry."""

from __future__ import annotations

from tracker.attribution.resolve import Registry


def test_surname_resolves_to_full_name_and_fuller_name_becomes_canonical():
    reg = Registry()
    reg.add("Ortega", position=5, kind="person")
    reg.add("Ana Ortega", position=10, kind="person")
    assert reg.resolve_name("ortega").name == "Ana Ortega"
    assert len(reg.entries) == 1


def test_arabic_surname_is_matched_after_folding():
    reg = Registry()
    reg.add("نبيل الحسن", position=1, kind="person")
    assert reg.resolve_name("الحسن").name == "نبيل الحسن"


def test_single_word_does_not_match_inside_an_organisation_name():
    reg = Registry()
    reg.add("لوس أنجلوس تايمز", position=1, kind="media", category="newspaper")
    assert reg.resolve_name("تايمز") is None


def test_multiword_part_of_longer_name():
    reg = Registry()
    reg.add("وزارة الداخلية الفرنسية", position=1, kind="government", category="ministry", gender="f")
    assert reg.resolve_name("الداخلية الفرنسية").name == "وزارة الداخلية الفرنسية"


def test_descriptor_picks_last_of_its_category():
    reg = Registry()
    reg.add("The Times", position=1, kind="media", category="newspaper")
    reg.add("Channel 9", position=2, kind="media", category="channel")
    reg.add("The Post", position=3, kind="media", category="newspaper")
    assert reg.resolve_descriptor("newspaper").name == "The Post"
    assert reg.resolve_descriptor("channel").name == "Channel 9"
    assert reg.resolve_descriptor("newspaper", before=3).name == "The Times"


def test_person_descriptor_prefers_shared_description_words():
    reg = Registry()
    reg.add("Ann Lee", position=1, kind="person", description="adviser at the Treasury")
    reg.add("Bo Kim", position=2, kind="person", description="coach of the national team")
    found = reg.resolve_descriptor(None, "the official at the Treasury", kinds=("person",))
    assert found.name == "Ann Lee"
    assert reg.resolve_descriptor(None, "minister of energy", kinds=("person",), require_context=True) is None


def test_pronoun_agreement_prefers_known_gender():
    reg = Registry()
    reg.add("The Ministry", position=1, kind="government", gender="f")
    reg.add("Sam", position=2, kind="person")  # gender unknown
    reg.add("Omar", position=3, kind="person", gender="m")
    reg.add("The officials", position=4, kind="group", plural=True)
    assert reg.resolve_pronoun("f", False).name == "The Ministry"
    assert reg.resolve_pronoun("m", False).name == "Omar"
    assert reg.resolve_pronoun(None, True).name == "The officials"
    assert reg.resolve_pronoun("m", False, before=3).name == "Sam"


def test_weak_entries_serve_names_but_not_pronouns():
    reg = Registry()
    reg.add("Joe Biden", position=-1, kind="person", gender="m", weak=True)
    assert reg.resolve_pronoun("m", False) is None
    entry = reg.resolve_name("Biden")
    assert entry.name == "Joe Biden"
    reg.touch(entry, 40)
    assert reg.resolve_pronoun("m", False).name == "Joe Biden"


def test_lookups_in_a_crowded_registry_reach_the_latest_entries_and_ties_go_to_the_first():
    reg = Registry()
    for i in range(5000):
        reg.add(f"Mohammed Person{i}", position=i, kind="person", gender="m")
    reg.add("Lina Sami", position=6000, kind="person", gender="f")
    assert reg.resolve_pronoun("m", False).name == "Mohammed Person4999"
    assert reg.resolve_pronoun("f", False).name == "Lina Sami"
    # A name shared by thousands of entries still resolves by its rarest word.
    assert reg.resolve_name("Person17").name == "Mohammed Person17"
    assert reg.resolve_name("Mohammed Person4321").name == "Mohammed Person4321"
    # An entry touched again is recent again, however early it was recorded.
    reg.touch(reg.resolve_name("Person3"), 7000)
    assert reg.resolve_pronoun("m", False).name == "Mohammed Person3"
    tied = Registry()
    tied.add("First Person", position=5, kind="person", gender="m")
    tied.add("Second Person", position=5, kind="person", gender="m")
    assert tied.resolve_pronoun("m", False).name == "First Person"
