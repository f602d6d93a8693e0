"""Arabic speakers across sentences (issue 9, fifth round), on sentences written for these tests."""

from __future__ import annotations

from tracker.attribution.engine import detect
from tracker.attribution.scoring import gold_name


def _speakers(body: str) -> list[str]:
    return [gold_name(a.speaker) if a.speaker else None for a in detect("", body, "ar")]


def test_a_complementizer_never_opens_a_speaker():
    body = (
        "وأوضح مدير المعرض سالم العتيبي أن المعرض يشارك فيه مئة عارض، مشيرا إلى أن المعرض أصبح علامة فارقة."
        "\nوأضاف أن المواقف تتسع لألف سيارة."
    )
    assert set(_speakers(body)) == {gold_name("سالم العتيبي")}


def test_abana_reports_like_awdaha():
    found = detect("", "وأبان الناطق الإعلامي خالد السهلي أن الحملة مستمرة.", "ar")
    assert [(gold_name(a.speaker), gold_name(a.quote.text)) for a in found] == [
        (gold_name("خالد السهلي"), gold_name("الحملة مستمرة"))
    ]


def test_a_derived_form_verb_opens_the_clause_whose_subject_a_participle_shares():
    for verb in ("واستنكرت", "استنكرت", "وانتقدت"):
        body = f"وفي بداية المؤتمر، {verb} الوزيرة سعاد الكردي الحملة، مشددة على ضرورة مواجهتها."
        assert _speakers(body) == [gold_name("سعاد الكردي")], verb


def test_a_verbal_noun_of_a_derived_form_opens_no_clause():
    # استنكار is a noun: the participle keeps the speaker of the sentence before.
    body = "وقالت الوزيرة سعاد الكردي إن الحملة ظالمة. واستنكار الحكومة كبير، مشددة على ضرورة مواجهتها."
    assert _speakers(body)[-1] == gold_name("سعاد الكردي")


def test_a_country_after_its_unnamed_representative_is_the_country():
    body = "وأشارت ممثلة الهند إلى أن الأسئلة كثيرة. وقالت الهند إنها أجابت عن الأسئلة."
    assert _speakers(body) == [gold_name("ممثلة الهند"), gold_name("الهند")]
