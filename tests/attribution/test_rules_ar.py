"""Arabic rules, one behaviour per test, on sentences written for these tests."""

from __future__ import annotations

import pytest

from tracker.attribution.engine import detect
from tracker.attribution.rules import ar
from tracker.attribution.types import Entity


def run(body: str, title: str = "", entities=None):
    return detect(title, body, "ar", entities=entities)


def one(body: str, title: str = "", entities=None):
    found = run(body, title, entities)
    assert len(found) == 1, [(a.kind, a.speaker, a.quote.text) for a in found]
    return found[0]


def texts(found):
    return [a.quote.text for a in found]


# -- the verb lexicon ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "form, gender, plural",
    [
        ("قال", "m", False),
        ("قالت", "f", False),
        ("قالوا", None, True),
        ("يقول", "m", False),
        ("تقول", "f", False),
        ("يقولون", None, True),
        ("اكدت", "f", False),  # folded أكدت
        ("يوكد", "m", False),  # folded يؤكد
        ("اشارت", "f", False),
        ("نفت", "f", False),
        ("دعت", "f", False),
        ("ادعي", "m", False),  # folded ادّعى
        ("يرون", None, True),
    ],
)
def test_verb_inflections_are_data(form, gender, plural):
    assert ar._VERB_FORMS[form] == (gender, plural)


def test_participles_have_feminine_and_plural_forms():
    assert ar._PART_FORMS["مشيرا"] == ("m", False)
    assert ar._PART_FORMS["مشيره"] == ("f", False)
    assert ar._PART_FORMS["مضيفين"] == (None, True)


def test_attached_waw_and_fa_prefixes():
    a = one("فقالت الحكومة إن الأسعار ستنخفض خلال الأشهر المقبلة.")
    assert a.speaker == "الحكومة"
    b = one("وأوضح المتحدث، سامي الخطيب، أن الجسر سيفتح قريبا أمام السيارات.")
    assert b.speaker == "سامي الخطيب"


# -- statements -----------------------------------------------------------------------------------


def test_mixed_quote_after_complementiser():
    a = one('أكدت وزارة الزراعة أنّ المحصول "سيكون الأفضل منذ عشر سنوات".')
    assert (a.kind, a.speaker, a.quote.text) == ("mixed", "وزارة الزراعة", "سيكون الأفضل منذ عشر سنوات")
    assert a.rule.startswith("ar.verb_comp")
    assert 0 < a.confidence <= 1


def test_direct_quote_after_colon_and_offsets_index_document_text():
    title = "عنوان"
    body = 'وقال المدرب سمير حداد: "اللاعبون قدموا كل ما لديهم الليلة".'
    a = one(body, title)
    full = f"{title}\n{body}"
    assert a.kind == "direct"
    assert full[a.quote.start : a.quote.end] == a.quote.text == "اللاعبون قدموا كل ما لديهم الليلة"
    assert a.speaker == "سمير حداد"
    assert full[a.speaker_mention.start : a.speaker_mention.end] == "سمير حداد"


def test_indirect_clause_runs_to_sentence_end():
    a = one("وذكرت الشركة أن أرباحها ارتفعت بنسبة عشرين في المئة هذا العام.")
    assert a.kind == "indirect"
    assert a.quote.text == "أرباحها ارتفعت بنسبة عشرين في المئة هذا العام"


def test_complementiser_with_attached_pronoun_and_ila_anna():
    a = one('وأشار رئيس البلدية إلى أنّه "لن يسمح بالبناء العشوائي".')
    assert a.quote.text == "لن يسمح بالبناء العشوائي"
    b = one("وشدد المحافظ على أن المشروع سيكتمل في موعده المحدد.")
    assert b.kind == "indirect" and b.speaker == "المحافظ"


def test_participle_continues_the_same_speaker():
    found = run('قالت النقابة إنّ الأجور "لا تكفي"، مضيفةً أنّ الإضراب "سيستمر حتى تحقيق المطالب".')
    assert [a.speaker for a in found] == ["النقابة", "النقابة"]
    assert texts(found) == ["لا تكفي", "سيستمر حتى تحقيق المطالب"]
    assert found[1].rule.startswith("ar.participle")


def test_postposed_nominal_cue():
    a = one("ستفتتح المدرسة الجديدة أبوابها الشهر المقبل، وفق ما أعلن مدير التربية.")
    assert a.kind == "indirect"
    assert a.quote.text == "ستفتتح المدرسة الجديدة أبوابها الشهر المقبل"
    assert a.speaker == "مدير التربية"


def test_postposed_verb_after_quote():
    a = one('"لن نتراجع عن قرارنا"، قال النائب هشام عيسى.')
    assert (a.kind, a.speaker, a.quote.text) == ("direct", "هشام عيسى", "لن نتراجع عن قرارنا")


def test_preposed_according_to_with_fa_inna():
    a = one('وبحسب صحيفة "الأيام" المحلية، فإنّ الانتخابات ستؤجل إلى الخريف المقبل.')
    assert a.speaker == "الأيام"
    assert a.quote.text == "الانتخابات ستؤجل إلى الخريف المقبل"


def test_impersonal_passive_is_not_a_speaker():
    assert run("يُذكر أنّ الملعب افتتح عام ألفين وعشرة بحضور آلاف المشجعين.") == []


def test_nested_verb_keeps_the_outer_speaker():
    body = 'أوضح الوزير، خالد منصور، أنّ السفير تحدّث، خلال لقائه الأخير، عن "فرص كبيرة للتعاون".'
    a = one(body)
    assert a.speaker == "خالد منصور"


def test_coordinated_new_clause_gets_its_own_speaker():
    body = 'قال الحزب إنّ القرار "خاطئ"، فيما قالت الحكومة إنّ الإجراء "ضروري لحماية الاقتصاد".'
    found = run(body)
    assert ("الحكومة", "ضروري لحماية الاقتصاد") in [(a.speaker, a.quote.text) for a in found]
    assert all(a.speaker != "الحزب" for a in found if a.quote.text.startswith("ضروري"))


def test_verbal_noun_qawl_names_a_new_speaker():
    body = 'وتواصلت الاحتجاجات رغم قول رئيس الحكومة إنّ الإصلاحات "ستعود بالنفع على الجميع".'
    a = one(body)
    assert a.quote.text == "ستعود بالنفع على الجميع"
    assert a.speaker == "رئيس الحكومة" or a.speaker_kind == "person"


# -- headlines, embeds, noise -------------------------------------------------------------------


def test_colon_headline_in_title():
    a = one("النص لا يحتوي على تصريح.", title="الأمم المتحدة: المساعدات لا تكفي سكان المدينة")
    assert (a.kind, a.speaker, a.quote.text) == (
        "headline",
        "الأمم المتحدة",
        "المساعدات لا تكفي سكان المدينة",
    )


def test_labels_are_not_headline_speakers():
    assert run("بقية الخبر هنا.", title="عاجل: انقطاع الكهرباء في العاصمة") == []


def test_read_also_lines_are_skipped():
    body = "اقرأ أيضاً: الحكومة: لا زيادة في الضرائب هذا العام\nوافتتح المعرض أبوابه صباح اليوم."
    assert run(body) == []


def test_embedded_post_speaker_comes_from_caption():
    body = (
        '"الاقتصاد يحتاج إلى إصلاحات جذرية وليس إلى مسكنات مؤقتة"\n'
        "— قناة المثال (@ExampleTV) March 3, 2024\n"
        "أستاذ الاقتصاد في جامعة المدينة سليم الحايك في #برنامج_الحوار pic.twitter.com/AbCdEf"
    )
    a = one(body)
    assert a.kind == "embed"
    assert a.speaker == "سليم الحايك"
    assert a.quote.text == "الاقتصاد يحتاج إلى إصلاحات جذرية وليس إلى مسكنات مؤقتة"


def test_scare_quotes_without_cue_are_not_quotes():
    assert run('وشارك المئات في حملة "الأرض لنا" التي انطلقت الأسبوع الماضي في القرى.') == []


def test_quoted_names_are_not_statements_but_can_be_speakers():
    a = one('وقالت "الأخبار اليومية" إنّ المفاوضات "وصلت إلى مراحلها الأخيرة".')
    assert a.speaker == "الأخبار اليومية"
    assert a.quote.text == "وصلت إلى مراحلها الأخيرة"
    b = one('وأشارت قناة "الشروق" المحلية إلى أن الطريق أغلق بسبب الثلوج الكثيفة.')
    assert b.speaker == "الشروق" and b.speaker_kind == "media"
    assert "الشروق" not in b.quote.text


def test_single_word_quote_inside_statement_is_a_name():
    a = one('وأكد الجيش أنّ قواته اعترضت طائرة مسيّرة أطلقتها "الجماعة" فوق البحر.')
    assert a.kind == "indirect"


# -- speakers and resolution --------------------------------------------------------------------


def test_apposition_and_title_stripping():
    a = one('وأكد مدير إدارة الطوارئ في المحافظة، ماجد العمري، أنّ "الوضع تحت السيطرة".')
    assert a.speaker == "ماجد العمري"
    b = one('وقال وزير المالية اللبناني يوسف الخليل إن "الموازنة ستقر قريبا".')
    assert b.speaker == "يوسف الخليل"


def test_unnamed_source_and_group():
    a = one("وكشف مصدر أمني رفيع لوسائل الإعلام أن المتهمين اعتقلوا فجر اليوم في منازلهم.")
    assert a.speaker == "مصدر أمني رفيع" and a.speaker_kind == "unnamed"
    b = one('ويقول المزارعون المحليون إنّ الجفاف "دمّر نصف المحاصيل".')
    assert b.speaker_kind == "group"


def test_surname_resolves_to_full_name():
    body = 'وقال وزير الصحة، نبيل الحسن، إنّ "المستشفيات جاهزة".\nوأضاف الحسن أنّ "اللقاحات ستصل الأسبوع المقبل".'
    found = run(body)
    assert [a.speaker for a in found] == ["نبيل الحسن", "نبيل الحسن"]


def test_descriptor_resolves_to_last_matching_entity():
    body = 'ذكرت صحيفة "المستقبل" أنّ الحكومة "ستستقيل قريبا".\nوأكدت الصحيفة أنّ مصادرها "موثوقة تماما".'
    found = run(body)
    assert found[1].speaker == "المستقبل"
    assert found[1].speaker_mention.text == "الصحيفة"


def test_person_descriptor_uses_its_context_words():
    body = (
        'وقال مستشار الأمن في وزارة الداخلية، رامي فارس، إنّ "الحدود آمنة".\n'
        'وقال المسؤول في وزارة الداخلية إنّ "الدوريات ستتضاعف".'
    )
    assert run(body)[1].speaker == "رامي فارس"


def test_dropped_subject_agrees_in_gender():
    body = (
        'قالت الوزارة إنّ الموسم "كان ناجحا".\n'
        'وقال المدير، عادل ناصر، إنّ الأرباح "تضاعفت".\n'
        'وأضافت أنّ العمال "سيحصلون على مكافآت".'
    )
    assert run(body)[-1].speaker == "الوزارة"


def test_according_to_pronoun_agrees_in_gender():
    body = (
        'أفادت وكالة "الأنباء المحلية" أنّ الجسر "أغلق بالكامل".\n'
        'وقال مهندس، أحمد سعيد، إنّ "الأضرار كبيرة".\n'
        "ووفقاً لها، فإنّ أعمال الإصلاح ستستغرق ثلاثة أشهر على الأقل."
    )
    assert run(body)[-1].speaker == "الأنباء المحلية"


def test_relay_gives_speaker_and_via():
    body = (
        'ذكرت قناة "النهار" أنّ الاجتماع "انتهى دون اتفاق".\n'
        'ونقلت القناة، عن دبلوماسي غربي، قوله إنّ "الخلافات ما زالت عميقة".'
    )
    a = run(body)[-1]
    assert a.speaker == "دبلوماسي غربي"
    assert a.via == "النهار"


def test_according_to_before_verb_becomes_via():
    body = (
        'نشرت مجلة "الرأي" تحقيقا مطولا عن الفساد، وقالت إنّ "الأدلة دامغة".\n'
        'ووفقاً لها، يقول المحققون إنّ "الملف سيحال إلى القضاء".'
    )
    a = run(body)[-1]
    assert a.speaker == "المحققون"
    assert a.via == "الرأي"


def test_entities_refine_the_mention():
    body = "وقال الخبير الاقتصادي في المركز حسن علي عبد الله إن التضخم سيتراجع في الربع الأخير."
    start = body.index("حسن")
    ent = Entity(start + 2, start + 2 + len("حسن علي عبد الله"), "حسن علي عبد الله", "PER")
    a = one(body, title="x", entities=[ent])
    assert a.speaker == "حسن علي عبد الله"


def test_subject_before_the_verb():
    a = one("الوزارة أعلنت أن المدارس ستغلق غدا بسبب العاصفة الثلجية.")
    assert a.speaker == "الوزارة"
    b = run('ذكرت صحيفة "الميدان" أمس أن الطرق مغلقة.\nوكانت صحيفة «الفجر» قد كشفت أن الحكومة تدرس خطة بديلة.')
    assert b[-1].speaker == "الفجر"


def test_one_letter_abbreviation_does_not_end_the_sentence():
    a = one("وقال د. سامي النجار إن النتائج مشجعة جدا حتى الآن.")
    assert a.speaker == "سامي النجار"


def test_unquoted_post_above_account_line():
    body = (
        "لن نسمح لأحد بتهديد أمن بلادنا واستقرارها https://t.co/abc #الأمن\n"
        "— سامي الحسن (@SamiHassan) March 5, 2024\n"
        "وتأتي هذه التصريحات وسط توتر متصاعد."
    )
    a = one(body)
    assert (a.kind, a.speaker) == ("embed", "سامي الحسن")
    assert a.quote.text == "لن نسمح لأحد بتهديد أمن بلادنا واستقرارها"


def test_headline_addressee_is_not_the_speaker():
    a = one("تفاصيل الخبر.", title="الرئيس لنظيره: لا بديل عن الحوار")
    assert a.speaker == "الرئيس"


def test_feminine_title_descriptor_does_not_take_a_man():
    body = 'وقال المحلل فارس الخوري إن "المرحلة صعبة".\nوأقرت الوزيرة بأن الخطة "تأخرت كثيرا".'
    assert run(body)[-1].speaker == "الوزيرة"


def test_unnamed_official_with_adjectives():
    a = one("وقال مسؤول أميركي رفيع لوكالة رويترز إن المحادثات ستستأنف قريبا.")
    assert (a.speaker, a.speaker_kind) == ("مسؤول أميركي رفيع", "unnamed")


def test_source_named_after_ala_lisan_then_anna():
    a = one("وجاء على لسان المتحدث باسم الوزارة أن التحقيق سيستغرق أسابيع.")
    assert a.speaker == "المتحدث باسم الوزارة"
    assert a.quote.text == "التحقيق سيستغرق أسابيع"


def test_colon_at_line_end_hands_over_to_quoted_next_line():
    body = 'وقال رئيس البلدية سمير داود في كلمته:\n"سنعيد بناء كل ما تهدم، ولن نترك أحدا بلا مأوى".\nوانتهى الحفل.'
    a = one(body)
    assert (a.kind, a.speaker) == ("direct", "سمير داود")
    assert a.quote.text == "سنعيد بناء كل ما تهدم، ولن نترك أحدا بلا مأوى"


def test_read_also_label_on_its_own_line_skips_the_linked_headline():
    assert run("اقرأ أيضاً:\nالوزارة: لا تغيير في مواعيد الامتحانات\nوبدأ العام الدراسي.") == []


def test_object_pronoun_preposition_before_subject():
    a = one("وعقد مؤتمر صحافي قال فيه رئيس النقابة إن الأجور لم تعد تكفي العائلات.")
    assert a.speaker == "رئيس النقابة"


def test_names_beginning_with_lam_are_subjects_but_known_names_are_objects():
    a = one("وقال لافروف إن موسكو مستعدة للحوار مع الغرب دون شروط مسبقة.")
    assert a.speaker == "لافروف"
    body = (
        'وقال الوزير، سامي الحسن، إنّ "الحوار مستمر".\n'
        "وقال المبعوث لالحسن إن الوفد سيصل غدا إلى العاصمة."  # ungrammatical on purpose: لـ + known name
    )
    assert run(body)[-1].speaker != "لالحسن"


def test_title_with_subject_verb_order():
    a = one("نص.", title="الرئيس يؤكد أن البلاد لن تتخلى عن حلفائها")
    assert a.speaker == "الرئيس" and a.kind == "indirect"


def test_three_word_name_after_title_up_to_the_addressee():
    a = one('وقالت المتحدثة باسم الحكومة هالة عبد الكريم للصحفيين إن الوزيرة "تتابع التطورات".')
    assert a.speaker == "هالة عبد الكريم"
    b = one('وقالت المتحدثة باسم البعثة ماري لو بيرنار للصحفيين إن الفريق "سيصل غدا".')
    assert b.speaker == "ماري لو بيرنار"


def test_the_official_refers_back_to_an_unnamed_source():
    body = (
        'ونقل موقع "الأفق" عن مسؤول أمني كبير قوله إن الجيش "يستعد لعدة سيناريوهات".\n'
        "وأضاف المسؤول أن القرار النهائي بيد المستوى السياسي."
    )
    assert run(body)[-1].speaker == "مسؤول أمني كبير"


def test_circumstantial_clause_is_not_part_of_the_name():
    a = one('"كان يوما صعبا للغاية"، تقول أم محمد وهي تقف أمام منزلها المدمر.')
    assert a.speaker == "أم محمد"


def test_masculine_descriptor_does_not_take_a_woman():
    body = (
        'وقالت المتحدثة باسم الوزارة، ليلى حداد، إن "الاجتماع بناء".\n'
        'وقال الناطق الرسمي باسم الحركة إن "الاحتلال يتحمل المسؤولية".'
    )
    assert run(body)[-1].speaker == "الناطق الرسمي باسم الحركة"


def test_an_organisation_entity_inside_a_descriptor_is_not_the_speaker():
    title = "عنوان"
    body = (
        'وقال مستشار الأمن في مجلس الدفاع الوطني، رامي فارس، إنّ "الحدود آمنة".\n'
        'وقال المسؤول في مجلس الدفاع الوطني إنّ "الدوريات ستتضاعف".'
    )
    full = f"{title}\n{body}"
    org = "مجلس الدفاع الوطني"
    ents = [Entity(i, i + len(org), org, "ORG") for i in (full.find(org), full.rfind(org))]
    assert run(body, title, ents)[-1].speaker == "رامي فارس"


def test_according_to_a_thing_is_not_a_source():
    assert run("وتوزع المساعدات على العائلات بحسب الحاجة في كل منطقة من مناطق المدينة.") == []
    assert run("ويعاقب المخالفون وفقا للقانون المعمول به في البلاد منذ سنوات.") == []
    a = one("وارتفع عدد الضحايا إلى خمسين شخصا، وفقا للمصادر الطبية في المدينة.")
    assert a.speaker == "المصادر الطبية"


def test_verbs_do_not_stack_a_verb_shaped_name_is_a_name():
    a = one("وقال طالب الرفاعي إن المؤتمر سيعقد في موعده المحدد تماما.")
    assert a.speaker == "طالب الرفاعي"


def test_so_called_names_inside_a_statement_are_not_quotes():
    a = one('وأكد الوزير أن ما يسمى "المجلس الانتقالي" لا يمثل أحدا في المنطقة.')
    assert a.kind == "indirect"


def test_the_sources_refer_back_and_a_name_after_lam_is_not_a_quote():
    body = (
        "كشفت مصادر دبلوماسية عربية لـ«الأفق» عن تفاصيل مبادرة جديدة، تتضمن وقفا شاملا لإطلاق النار.\n"
        "وقالت المصادر إن المبادرة «حظيت بقبول مبدئي من الأطراف الرئيسية»."
    )
    found = run(body, title="«الأفق» تكشف تفاصيل المبادرة الجديدة")
    assert [(a.speaker, a.quote.text) for a in found] == [
        ("مصادر دبلوماسية عربية", "حظيت بقبول مبدئي من الأطراف الرئيسية")
    ]


def test_correspondent_of_a_quoted_outlet_is_the_speaker():
    a = one("وأفاد مراسل «الأفق» بأن الهدوء ساد معظم الجبهات صباح اليوم.")
    assert a.speaker == "مراسل الأفق"


def test_interview_and_notice_labels_are_not_headline_speakers():
    body = "س: متى تبدأ المرحلة الثانية\nج: في الربيع المقبل على الأرجح\nملاحظة: تم تحديث هذا الخبر"
    assert run(body) == []


def test_interview_adjunct_inside_the_frame_is_the_relay():
    a = one("وأكد وزير الاقتصاد، في حديث لإذاعة الأفق، أن الحكومة لن ترفع أسعار الخبز هذا العام.")
    assert a.speaker == "وزير الاقتصاد"
    assert a.via == "إذاعة الأفق"
    assert a.quote.text == "الحكومة لن ترفع أسعار الخبز هذا العام"


def test_headline_quote_first_then_speaker():
    a = one("نص.", title="«لن نسمح بالفوضى».. وزير الداخلية يحذر المحتجين")
    assert (a.kind, a.speaker, a.quote.text) == ("headline", "وزير الداخلية", "لن نسمح بالفوضى")
    assert run("نص.", title='"صفقة القرن".. ماذا بقي منها؟') == []


def test_temporal_and_modal_an_are_not_complementisers():
    assert run("وأضاف الفريق هدفا ثانيا بعد أن سجل المهاجم ركلة جزاء في الدقيقة الأخيرة.") == []
    a = one("وقال الوزير إنه يجب أن تلتزم جميع الأطراف بالاتفاق الموقع أمس.")
    assert a.quote.text.startswith("يجب أن تلتزم")


def test_postposed_verb_with_dropped_subject():
    body = 'وقال الوزير، سامر نصار، إن الوضع صعب للغاية.\n"نحن نعمل ليل نهار لإيجاد حلول"، أضاف.'
    found = run(body)
    assert (found[-1].speaker, found[-1].quote.text) == ("سامر نصار", "نحن نعمل ليل نهار لإيجاد حلول")


# -- generalisation: titles, relays, addressees, statements ---------------------------------------


def test_long_title_chain_is_stripped_and_the_whole_name_kept():
    a = one("قال رئيس هيئة الأركان العامة للقوات المسلحة صلاح الدين مراد إن الوحدات أنهت انتشارها.")
    assert a.speaker == "صلاح الدين مراد"
    a = one("وقال مدير إدارة الطوارئ في وزارة الصحة كريم السعدي للصحفيين إن المستشفيات لم تعد تستقبل المرضى.")
    assert a.speaker == "كريم السعدي"


def test_name_after_a_prepositional_title_chain():
    a = one("ورأت الأستاذة في كلية العلوم السياسية بجامعة القاهرة هالة منصور أن الحوار هو الحل الوحيد.")
    assert a.speaker == "هالة منصور"


def test_relay_with_naqlan_an_keeps_the_agency_as_via():
    a = one("وذكرت وكالة الأنباء الألمانية نقلاً عن مصادر أمنية أنّ الحدود ستغلق ليلا.")
    assert (a.speaker, a.via) == ("مصادر أمنية", "وكالة الأنباء الألمانية")


def test_lam_prefixed_word_is_an_addressee_when_the_document_names_it_without_lam():
    body = (
        "نشرت صحيفة تايمز تقريرا مطولا.\nوقال وزير المالية سمير داود إن العجز سيتراجع.\n"
        "وقال لتايمز إن الضرائب لن ترتفع هذا العام."
    )
    found = run(body)
    assert found[-1].speaker == "سمير داود"
    a = one("وقال لوكاشينكو إن بلاده لن تشارك في الحرب.")
    assert a.speaker == "لوكاشينكو"


def test_possessive_spokesperson_points_to_the_organisation():
    body = "أعلنت وزارة النقل خطة جديدة للطرق.\nوقال المتحدث باسمها إن الأعمال تبدأ الشهر المقبل."
    found = run(body)
    assert found[-1].speaker == "المتحدث باسم وزارة النقل"
    body = "أعلنت وزارة النقل خطة جديدة.\nوقال المتحدث باسمها سالم عيسى إن الأعمال تبدأ قريبا."
    assert run(body)[-1].speaker == "سالم عيسى"


def test_statement_issued_by_and_according_to_the_statement():
    body = (
        "وجاء في بيان صادر عن رئاسة الوزراء أن الحكومة ستعيد هيكلة الدعم.\n"
        "ووفقا للبيان، فإن الخطة تشمل ثلاث مراحل متتالية."
    )
    found = run(body)
    assert [a.speaker for a in found] == ["رئاسة الوزراء", "رئاسة الوزراء"]
    body = "وقالت الهيئة في بيان إن الامتحانات تؤجل أسبوعا كاملا.\nوأضاف البيان أن الموعد الجديد سيعلن لاحقا."
    assert [a.speaker for a in run(body)] == ["الهيئة", "الهيئة"]


def test_according_to_with_lil_and_attached_pronoun():
    body = "قالت وزارة الزراعة إن المحصول جيد.\nووفقاً للوزارة، فإن الصادرات ستزيد بنسبة الربع."
    assert run(body)[-1].speaker == "وزارة الزراعة"
    body = "وقال وزير الري هشام عمر إن السد آمن.\nوبحسبه، فإن منسوب المياه لم يتجاوز الحد المسموح."
    assert run(body)[-1].speaker == "هشام عمر"


def test_coordinated_complement_without_quotes_is_reported_too():
    found = run('وقالت الشركة إن المبيعات "تضاعفت خلال الربع الأول"، وإن المصنع الجديد سيفتتح في الصيف.')
    assert texts(found) == ["تضاعفت خلال الربع الأول", "المصنع الجديد سيفتتح في الصيف"]


def test_demonstrative_object_leaves_the_subject_dropped():
    body = 'ونفت النقابة في بيان هذه الاتهامات.\nووصفت تلك القرارات بأنها "تعسفية وغير مقبولة".'
    assert run(body)[-1].speaker == "النقابة"


def test_kana_qad_clause_gives_the_participle_its_subject():
    a = one('وكانت اللجنة قد رفضت الطعن، معتبرة أنه "قدم خارج المهلة القانونية".')
    assert a.speaker == "اللجنة"


def test_however_anna_is_not_a_complement_and_the_subject_follows_it():
    a = one('ولم يعلق الوزير على الخبر، غير أن المتحدثة باسمه هدى نصر قالت إن "الاجتماع سيعقد".')
    assert a.speaker == "هدى نصر"


def test_demand_quote_after_bi_is_a_statement_but_a_list_of_terms_is_not():
    a = one('وطالب نقيب المحامين سعيد خالد الحكومة بـ"وقف الملاحقات بحق المحامين فورا".')
    assert (a.speaker, a.quote.text) == ("سعيد خالد", "وقف الملاحقات بحق المحامين فورا")
    found = run('ويواجه المتهمون تهما تشمل "غسل الأموال" و"تهريب العملة الصعبة"، وفق ما أفادت النيابة.')
    assert [a.kind for a in found] == ["indirect"]


def test_headline_speaker_described_by_title_is_resolved_from_the_body():
    title = "«لن نتراجع عن الإصلاح».. وزيرة التعليم تدافع عن خطتها"
    body = "دافعت وزيرة التعليم الوطني سلمى الحربي عن خطتها أمام البرلمان.\nوقالت الحربي إن الخطة ستطبق تدريجيا."
    found = run(body, title=title)
    assert (found[0].kind, found[0].speaker) == ("headline", "سلمى الحربي")


def test_headline_with_place_after_the_speaker_and_topic_labels():
    a = one("نص.", title="ماكرون من بيروت: لبنان يحتاج إلى حكومة قوية")
    assert (a.speaker, a.quote.text) == ("ماكرون", "لبنان يحتاج إلى حكومة قوية")
    assert run("نص.", title="الأردن والعراق: اتفاق على ربط كهربائي جديد") == []


def test_embedded_post_caption_speaker_ends_at_the_verb_and_is_not_doubled():
    body = (
        "وكتب الوزير السابق مازن حداد:\n"
        '"الإصلاح يبدأ من القضاء المستقل"\n'
        "— Mazen Haddad (@mhaddad) May 2, 2024\n"
        "الوزير السابق مازن حداد يطالب بإصلاح القضاء #إصلاح pic.twitter.com/abc123"
    )
    found = run(body)
    assert [(a.speaker, a.quote.text) for a in found] == [("مازن حداد", "الإصلاح يبدأ من القضاء المستقل")]


def test_plural_of_a_title_is_a_group_source_and_quoted_names_stay_in_the_title():
    a = one("ونقلت وكالة الأنباء الفرنسية عن مفاوضين في الوفد أن جولة جديدة ستعقد الشهر المقبل.")
    assert a.speaker == "مفاوضين"
    a = one('وقالت الباحثة في مركز "آفاق" للدراسات سناء يوسف إن "الهدنة هشة للغاية".')
    assert a.speaker == "سناء يوسف"
    a = one("نص.", title="الحكومة تقر الموازنة.. والبرلمان: لن نوافق على الضرائب الجديدة")
    assert (a.speaker, a.quote.text) == ("البرلمان", "لن نوافق على الضرائب الجديدة")
