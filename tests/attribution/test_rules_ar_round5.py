"""Arabic speakers across sentences (issue 9, fifth round), on sentences written for these tests."""

from __future__ import annotations

from tracker.attribution.engine import detect
from tracker.attribution.scoring import gold_name


def _pairs(body: str) -> list[tuple[str, str]]:
    """(speaker, statement) of each detection, normalised as the scorer compares them."""
    return [(gold_name(a.speaker), gold_name(a.quote.text)) for a in detect("", body, "ar")]


def _speakers(body: str) -> list[str]:
    return [gold_name(a.speaker) if a.speaker else None for a in detect("", body, "ar")]


def test_a_complementizer_never_opens_a_speaker():
    # أبرز is no cue: the participle looks for the subject of the sentence's first verb, and أن
    # المعرض is not one.
    body = (
        "وقال مدير المعرض سالم العتيبي إن المعرض ناجح. وأبرز أن المعرض يشارك فيه مئة عارض، "
        "مشيرا إلى أن المعرض أصبح علامة فارقة."
    )
    assert set(_speakers(body)) == {gold_name("سالم العتيبي")}


def test_abana_reports_like_awdaha():
    assert _pairs("وأبان الناطق الإعلامي خالد السهلي أن الحملة مستمرة.") == [
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


def test_a_lord_is_a_title():
    body = 'وقال اللورد ميرفين كنج إن الفرص كثيرة. وحث كنج الحكومة على تحديد سياساتها "عاجلا وليس آجلا".'
    assert _speakers(body) == [gold_name("ميرفين كنج")] * 2


def test_whom_a_demand_is_made_of_is_no_part_of_the_name():
    assert _pairs("ودعا الوزير سامي حداد بلاده إلى تنفيذ الخروج بثقة.") == [
        (gold_name("سامي حداد"), gold_name("تنفيذ الخروج بثقة"))
    ]
    # A name may end with ه: كلوغه، فقيه، عبد ربه.
    for name in ("هانس كلوغه", "لما فقيه", "عبد ربه منصور هادي"):
        assert _speakers(f"وقال {name} إن الحرب انتهت.") == [gold_name(name)]


def test_a_segment_going_on_with_an_opening_topic_is_no_subject():
    body = (
        "وقال اللاعب رامي سالم إنه سعيد بالفوز الكبير. وعن مستقبله بعد نهاية عقده، واحتمالية عودته لفريقه الأول، "
        'قال "فريقي الأول في قلبي".'
    )
    assert _speakers(body) == [gold_name("رامي سالم")] * 2


def test_a_ba_object_after_praise_or_condemnation_ends_the_name():
    for verb in ("وأشاد", "وندد", "ورحب"):
        body = f"{verb} مراد سالم بصفات اللاعبين، مؤكدا أن الفريق قوي."
        assert _speakers(body) == [gold_name("مراد سالم")], verb


def test_a_clause_turning_to_another_subject_before_a_quotation_is_reported_too():
    body = (
        "ويقول منتقدون إن المدرب سيواجه الإقالة في حال لم يفز باللقب لكن المدرب الذي يقود الفريق منذ عامين "
        "يثق في أن فريقه سيقدم موسما “جيدا للغاية”."
    )
    texts = [gold_name(a.quote.text) for a in detect("", body, "ar")]
    assert gold_name("المدرب سيواجه الإقالة في حال لم يفز باللقب") in texts


def test_a_titled_subject_after_qad_and_a_verb_is_the_topic():
    body = (
        "وانتقدت اليابان القرار. فقد ندد الرئيس الجمهوري لمجلس النواب بول راين علنا الخميس بالقرار. "
        'وقال في بيان "أخالف القرار وأخشى عواقبه".'
    )
    assert _speakers(body) == [gold_name("بول راين")]


def test_a_body_that_opens_the_sentence_speaks_for_its_participle():
    body = 'وأيدت الحكومة الأردنية القرار الأميركي قائلة "إنها خطوة مهمة للغاية".'
    assert _speakers(body) == [gold_name("الحكومة الأردنية")]


def test_a_passive_report_names_its_source_after_an():
    body = "وروي عن المعلم سامي حداد أنه قال : «الصمت حكمة وقليل فاعله»."
    assert _speakers(body) == [gold_name("سامي حداد")]


def test_a_quoted_name_after_a_head_and_its_adjectives_is_no_statement():
    for body in (
        'واتفقت شركة المشروبات الشهيرة "نبع الجبل" على شراء سلسلة المقاهي، وقال مديرها إن الصفقة كبيرة.',
        'وأعلنت الوزارة انطلاق سباق "الصحراء الكبرى" الشهر المقبل.',
    ):
        assert all("الجبل" not in a.quote.text and "الصحراء" not in a.quote.text for a in detect("", body, "ar")), body


def test_ali_before_bin_is_a_name_however_the_text_spells_the_preposition():
    assert _speakers("وقال الأمير علي بن الحسين إن الفساد كبير.") == [gold_name("علي بن الحسين")]
    body = "وقال الأمير علي بن الحسين إن الفساد كبير. وأكد الوزير على أهمية الحوار."
    assert _speakers(body) == [gold_name("علي بن الحسين"), gold_name("الوزير")]


def test_a_title_and_the_given_name_alone_point_back_to_the_person():
    body = 'وقال الأمير علي بن الحسين إن الفساد كبير. وقال الأمير علي "يجب وصول رؤوس جديدة".'
    assert _speakers(body) == [gold_name("علي بن الحسين")] * 2


def test_a_titles_lam_genitive_right_after_it_belongs_to_the_title():
    body = "وقال المرشح لرئاسة الاتحاد الأمير سلطان بن فهد إن بلاتيني جزء من النظام."
    assert _speakers(body) == [gold_name("سلطان بن فهد")]
    # …but ل with the article after a title is whom it was said to.
    assert _speakers("وقال الوزير للجنة البرلمانية إن الوضع هادئ.") == [gold_name("الوزير")]


def test_a_plural_before_a_masculine_singular_verb_is_not_its_subject():
    body = "وهاجم اللاعب سامي حداد في رسالة نشرها على حسابه، وسائل إعلام قال إنها أساءت معاملته."
    assert gold_name("وسائل إعلام") not in _speakers(body)
    # A family name ending in ات is a name, not a plural.
    body = 'وقال صائب عريقات إن الهجوم وحشي. غير أن عريقات أكد أنه "لا يمكن فصل هذا الهجوم عن الحكومة".'
    assert _speakers(body) == [gold_name("صائب عريقات")] * 2


def test_a_participle_disagreeing_with_the_last_cue_takes_the_sentences_subject():
    body = (
        "ونفى اللاعب سامي حداد الاتهامات التي وجهتها له سيدة تدعى منى سالم، والتي ادعت أنه اعتدى عليها، "
        "نافيا صحة هذه الادعاءات."
    )
    assert _speakers(body) == [gold_name("سامي حداد"), gold_name("منى سالم"), gold_name("سامي حداد")]


def test_the_statement_of_an_unnamed_spokesman_is_his_and_the_spokesman_points_back_to_him():
    body = (
        "وبثت وكالة الأنباء الرسمية بيانا لمتحدث باسم وزارة الخارجية قال فيه إن نتيجة المفاوضات "
        '"مقلقة للغاية". وأوضح المتحدث أن الحل في التدرج.'
    )
    assert _speakers(body) == [gold_name("متحدث باسم وزارة الخارجية")] * 2


def test_a_first_person_verb_is_no_speaker():
    body = "وقال مدير الصحة أسعد سعود إن الحالة حرجة. وأضاف ووقوفا على الأسباب، نود أن نبين أنها كانت مريضة."
    assert _speakers(body) == [gold_name("أسعد سعود")] * 2


def test_a_heading_naming_a_speaker_makes_them_the_topic():
    body = (
        "وقال المشجع معز معلول إنه متفائل جدا بالفوز. وقال المشجع سامي تريكي إنه سعيد جدا باللقاء.\n"
        'معز: "جميل جدا أن يلتقي التونسيون"\n'
        "وأضاف أن الفريق سيفوز على بلجيكا."
    )
    assert _speakers(body)[-2:] == [gold_name("معز معلول")] * 2
    body = (
        'وقال المشجع معز معلول إنه متفائل جدا بالفوز.\nسامي تريكي: "جميل جدا أن يلتقي التونسيون"\n'
        "وأضاف أن الفريق سيفوز."
    )
    assert _speakers(body)[-1] == gold_name("سامي تريكي")


def test_returning_to_someone_makes_them_the_topic():
    body = (
        "وقال مسؤول سابق في شركة ميزة إن الشركة فشلت في عملها. ومن جهته، أوضح أحد زملائه أن الشركة ستواجه القضاء.\n"
        "وبالعودة إلى المسؤول في الشركة، لفت إلى أنه حينما نقلت الهيئة خدماتها كانت الفكرة ناجحة."
    )
    assert _speakers(body)[-1] == gold_name("مسؤول سابق في شركة ميزة")


def test_a_two_word_company_before_a_given_name_is_no_part_of_the_name():
    body = "وقال الرئيس التنفيذي لشركة نبع كولا جيمس كوينسي إن الصفقة كبيرة. وأضاف كوينسي أن السوق واعدة."
    assert _speakers(body) == [gold_name("جيمس كوينسي")] * 2


def test_a_news_agency_keeps_its_name():
    assert _speakers("وقالت وكالة أنباء الإمارات إن الشركة قوية.") == [gold_name("وكالة أنباء الإمارات")]
    assert _speakers("وقالت وكالة رويترز إن الشركة قوية.") == [gold_name("رويترز")]


def test_a_quotation_right_after_qawlahu_is_direct():
    body = 'ونقلت الوكالة عن الباحث سامي حداد قوله "لقد وثقت كثيرا من النزاعات".'
    assert [(a.kind, gold_name(a.speaker)) for a in detect("", body, "ar")] == [("direct", gold_name("سامي حداد"))]


def test_a_long_apposition_before_a_colon_keeps_the_statement():
    body = (
        "وقال باسل كرم، مستشار الشحن في نيويورك، الذي يعمل مع بعض أكبر شركات الشحن في العالم: "
        '"إن العقوبات تخلق بيئة مليئة بالتحديات لمالكي السفن."'
    )
    assert _speakers(body) == [gold_name("باسل كرم")]


def test_a_cue_word_after_a_preposition_is_a_verbal_noun():
    body = "وساهمت الرسائل المشفرة على نقل الصور ومقاطع الفيديو للمواجهات الدموية."
    assert detect("", body, "ar") == []


def test_headlining_shouting_and_chanting_report_and_a_verb_of_beginning_is_no_subject():
    assert _speakers("وعنونت صحيفة «أوليه»: «سقوط تاريخي للفريق الوطني».") == [gold_name("أوليه")]
    assert _speakers('وهتف المتظاهرون: "الشعب يريد إسقاط النظام".') == [gold_name("المتظاهرون")]
    assert _speakers('فأخذ الشاعر سامي حداد يصيح: "الأمان، يا صديقي!".') == [gold_name("سامي حداد")]


def test_one_of_those_who_keeps_the_relative_clause():
    body = "قال أحد الذين يتلاعبون بنتائج المباريات في الجزائر لبي بي سي إن الفساد منتشر."
    assert _speakers(body) == [gold_name("أحد الذين يتلاعبون بنتائج المباريات في الجزائر")]


def test_a_person_after_an_opening_adjunct_and_an_imperfect_verb_is_the_topic():
    body = (
        "وقالت وزارة الداخلية إنها تنظر في الموضوع.\n"
        "في مدينة برمنغهام، تشارك راتشيل ماكينزي بالوقفات الاحتجاجية منذ ثلاث سنوات.\n"
        'وتقول: "أقف خارج العيادات لأنني لا أريد ذلك".'
    )
    assert _speakers(body)[-1] == gold_name("راتشيل ماكينزي")


def test_the_topic_of_amma_speaks_for_a_participle():
    body = "أما الكاتب إبراهيم القيسي فكتب في صحيفة الدستور قائلا إن المباراة ضاعت."
    assert _speakers(body) == [gold_name("إبراهيم القيسي")]
