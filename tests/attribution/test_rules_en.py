"""English rules, one behaviour per test, on sentences written for these tests."""

from __future__ import annotations

import pytest

from tracker.attribution.engine import detect
from tracker.attribution.rules import en
from tracker.attribution.types import Entity


def run(body: str, title: str = "", entities=None, language: str = "en"):
    return detect(title, body, language, entities=entities)


def one(body: str, title: str = "", entities=None):
    found = run(body, title, entities)
    assert len(found) == 1, [(a.kind, a.speaker, a.quote.text) for a in found]
    return found[0]


def pairs(found):
    return [(a.kind, a.speaker, a.quote.text) for a in found]


# -- the verb lexicon -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "form, lemma",
    [
        ("says", "say"),
        ("said", "say"),
        ("saying", "say"),
        ("told", "tell"),
        ("wrote", "write"),
        ("denied", "deny"),
        ("denies", "deny"),
        ("replied", "reply"),
        ("acknowledged", "acknowledge"),
        ("admitted", "admit"),
        ("argues", "argue"),
        ("insisting", "insist"),
        ("warned", "warn"),
        ("predicted", "predict"),
    ],
)
def test_reporting_verbs_are_inflected_from_lemmas(form, lemma):
    assert en._FORMS[form][0] == lemma


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister says the bridge will reopen in May.",
        "The minister said the bridge will reopen in May.",
        "The minister has said the bridge will reopen in May.",
        "The minister insisted that the bridge will reopen in May.",
        "The minister warned that the bridge will reopen in May.",
        "The minister acknowledged that the bridge will reopen in May.",
        "The minister announced that the bridge will reopen in May.",
        "The minister predicted that the bridge will reopen in May.",
        "The minister explained that the bridge will reopen in May.",
    ],
)
def test_indirect_speech_in_any_tense(sentence):
    a = one(sentence)
    assert a.kind == "indirect"
    assert a.quote.text == "the bridge will reopen in May"
    assert a.speaker == "minister"


def test_zero_complementiser():
    a = one("Maya Okafor said she is ready to lead the party.")
    assert (a.kind, a.speaker, a.quote.text) == ("indirect", "Maya Okafor", "she is ready to lead the party")
    assert a.cue.text == "said"


def test_complementiser_after_adjuncts():
    a = one("Maya Okafor said on Sunday in a radio interview that the talks had stalled.")
    assert a.quote.text == "the talks had stalled"


def test_addressee_before_the_clause():
    a = one("The coach told reporters that the team had trained hard all week.")
    assert a.speaker == "coach"
    assert a.quote.text == "the team had trained hard all week"


def test_negated_cue_reports_nothing():
    assert run("The ministry did not say whether the bridge would reopen.") == []
    assert run("The ministry declined to say when the bridge would reopen.") == []


def test_bare_noun_subject_without_complementiser():
    a = one("The studio said ticket sales were strong across Europe.")
    assert a.quote.text == "ticket sales were strong across Europe"


def test_non_speech_senses_of_reporting_verbs():
    body = "The company added 300 jobs in March.\nShe wrote the songs and recorded the album in a week."
    assert run(body) == []


def test_belief_verbs_are_not_speech():
    assert run("Many economists believe that the rate will fall next year.") == []


# -- quotation marks ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        '"We will rebuild the harbour," Nadia Petrov said.',
        "“We will rebuild the harbour,” Nadia Petrov said.",
        "‘We will rebuild the harbour,’ Nadia Petrov said.",
        "«We will rebuild the harbour», Nadia Petrov said.",
        "''We will rebuild the harbour,'' Nadia Petrov said.",
    ],
)
def test_every_quotation_mark_style(body):
    a = one(body)
    assert (a.kind, a.speaker, a.quote.text) == ("direct", "Nadia Petrov", "We will rebuild the harbour")


def test_apostrophes_are_not_quotation_marks():
    a = one("“It’s the workers’ money,” Nadia Petrov said.")
    assert a.quote.text == "It’s the workers’ money"


def test_multi_paragraph_quote_takes_the_cue_of_its_last_paragraph():
    # Each paragraph's part is a quote of its own; the earlier part takes the later part's speaker.
    body = '"The first part of the plan is done.\n"The second part starts in June," the mayor said.'
    assert pairs(run(body)) == [
        ("direct", "mayor", "The first part of the plan is done."),
        ("direct", "mayor", "The second part starts in June"),
    ]


def test_multi_paragraph_quote_continues_with_the_first_paragraphs_speaker():
    body = '"We held on," Ada Novak said. "It was hard.\n"Next year will be better."'
    assert pairs(run(body)) == [
        ("direct", "Ada Novak", "We held on"),
        ("direct", "Ada Novak", "It was hard."),
        ("direct", "Ada Novak", "Next year will be better."),
    ]


def test_unbalanced_quote_runs_to_the_end_of_its_paragraph():
    a = one('Ines Duarte said: "The vote was rigged and we will appeal')
    assert a.speaker == "Ines Duarte"
    assert a.quote.text == "The vote was rigged and we will appeal"


# -- direct quotes ---------------------------------------------------------------------------------


def test_postposed_inverted_cue_with_apposition():
    a = one('"Prices will keep rising," said Tomas Berg, an economist at the central bank.')
    assert (a.kind, a.speaker) == ("direct", "Tomas Berg")
    assert a.rule == "en.postposed_say"


def test_postposed_cue_with_apposition_before_the_verb():
    a = one('"Prices will keep rising," Tomas Berg, 61, an economist at the central bank, told the radio.')
    assert a.speaker == "Tomas Berg"


def test_preposed_colon_cue():
    a = one('Asked about the strike, Lena Varga replied: "We are not going anywhere."')
    assert (a.kind, a.speaker, a.quote.text) == ("direct", "Lena Varga", "We are not going anywhere.")


def test_quote_broken_by_its_cue_gives_two_quotes_to_one_speaker():
    found = run('"The roads are closed," Chief Omar Haddad said. "Stay at home tonight."')
    assert pairs(found) == [
        ("direct", "Omar Haddad", "The roads are closed"),
        ("direct", "Omar Haddad", "Stay at home tonight."),
    ]
    assert found[1].rule == "en.continuation"


def test_quote_split_mid_sentence_by_its_cue():
    found = run("Lena Varga arrived late. “It is time,” she said, “to move on.”")
    assert [a.speaker for a in found] == ["Lena Varga", "Lena Varga"]
    assert [a.quote.text for a in found] == ["It is time", "to move on."]


def test_participle_cue_takes_the_subject_of_the_sentence():
    a = one('The former governor continued, saying, "Taxes are too high."')
    assert a.kind == "direct" and a.quote.text == "Taxes are too high."


def test_cue_sentence_before_the_quote():
    a = one('Ana Ruiz, the head of the union said in a statement. "We reject this offer."')
    assert a.speaker == "Ana Ruiz"


def test_source_named_before_a_colon():
    a = one('From Dimitri Orlov\'s blog post: "The league has lost its way."')
    assert a.speaker == "Dimitri Orlov"


# -- mixed quotes ----------------------------------------------------------------------------------


def test_mixed_quote_inside_reported_clause():
    a = one('Grace Mbeki said the proposal was "dead on arrival" and would be rejected.')
    assert (a.kind, a.speaker, a.quote.text) == ("mixed", "Grace Mbeki", "dead on arrival")


def test_reported_clause_with_quotes_yields_only_the_quoted_words():
    found = run('The senator said that "nobody is above the law," and that "the inquiry must go on."')
    assert [a.kind for a in found] == ["mixed", "mixed"]


def test_call_x_a_quote():
    a = one('Grace Mbeki called the ruling a "grave mistake."')
    assert (a.kind, a.speaker, a.quote.text) == ("mixed", "Grace Mbeki", "grave mistake.")


def test_one_word_quote_governed_by_its_cue():
    a = one('Grace Mbeki called the plan to close the two clinics in the north "reckless."')
    assert a.quote.text == "reckless."


def test_one_word_quote_inside_a_reported_clause_but_not_a_flagged_scare_quote():
    a = one('The union said it was "shocked" by the announcement.')
    assert (a.kind, a.quote.text) == ("mixed", "shocked")
    b = one('The minister said the so-called "reform" would pass.')
    assert b.kind == "indirect"


def test_nominal_cue_with_possessive():
    body = 'Former envoy Jana Novak drew criticism for her remark that "diplomacy is dead."'
    a = one(body)
    assert (a.kind, a.speaker, a.quote.text) == ("mixed", "Jana Novak", "diplomacy is dead.")


# -- indirect speech, postposed and nominal cues -------------------------------------------------


def test_postposed_indirect_cue():
    a = one("The factory will close in March, the company said.")
    assert (a.kind, a.quote.text) == ("indirect", "The factory will close in March")


def test_parenthetical_cue_splits_the_clause_into_parts():
    a = one("Under the new rules, the union argued, workers would lose their bonuses.")
    assert a.kind == "indirect" and a.speaker == "union"
    assert len(a.parts) == 2
    assert a.quote.text == "Under the new rules workers would lose their bonuses"


def test_according_to_postposed_and_preposed():
    a = one("Unemployment rose to 6 percent in June, according to the national statistics office.")
    assert (a.quote.text, a.speaker) == (
        "Unemployment rose to 6 percent in June",
        "national statistics office",
    )
    b = one("According to the U.N. refugee agency, more than 2,000 people crossed the border.")
    assert b.quote.text == "more than 2,000 people crossed the border"
    assert b.speaker == "U.N. refugee agency"


def test_by_someones_count():
    a = one("By the ministry's count, 40 schools were damaged.")
    assert a.quote.text == "40 schools were damaged"


def test_calls_for():
    a = one("Mayor Ruth Adler called for an independent inquiry into the fire.")
    assert (a.speaker, a.quote.text) == ("Ruth Adler", "an independent inquiry into the fire")


# -- speakers and their resolution ------------------------------------------------------------------


def test_titles_are_stripped():
    for title in ("Sen.", "President", "Gov.", "Dr.", "Mrs."):
        a = one(f'"We must act now," {title} Helen Ward said.')
        assert a.speaker == "Helen Ward"


def test_apposition_before_the_name():
    a = one("The opposition leader, Rafael Ortiz, said the budget would hurt families.")
    assert a.speaker == "Rafael Ortiz"


def test_relative_clause_after_the_name():
    a = one("Sir Alan Pike, who chaired the inquiry, said the report would be published in full.")
    assert a.speaker == "Alan Pike"


def test_surname_resolves_to_full_name():
    found = run('Ben Adeyemi won the vote on Monday.\n"It was a long night," Adeyemi said.')
    assert found[0].speaker == "Ben Adeyemi"


def test_descriptor_resolves_to_the_person_described():
    body = 'Sen. Carla Ruiz opened the hearing.\n"We know where we stand," the senator said.'
    assert one(body).speaker == "Carla Ruiz"


def test_pronoun_resolves_by_gender():
    body = (
        'Mr. Paul Grant spoke first. "We will win," he said.\n'
        'Mrs. Dana Hill disagreed. "We will see," she said.\n'
        '"The count is not over," he added.'
    )
    assert [a.speaker for a in run(body)] == ["Paul Grant", "Dana Hill", "Paul Grant"]


def test_descriptor_with_another_role_is_not_resolved_to_the_last_speaker():
    body = '"Rates will rise," said Hans Vogel, an economist at the bank.\n"We disagree," the official said.'
    assert [a.speaker for a in run(body)] == ["Hans Vogel", "official"]


def test_relational_descriptor_stays_unnamed():
    body = '"It is over," said Rita Moss.\nThe defendant\'s lawyer said he would appeal the verdict.'
    assert [a.speaker for a in run(body)] == ["Rita Moss", "defendant's lawyer"]


def test_inverted_cue_with_role_words_and_affiliation():
    a = one('"Memory needs sleep," said lead author Dr. Aiko Mori of Osaka University.')
    assert a.speaker == "Aiko Mori"


def test_it_said_resolves_to_the_organisation_and_terminates():
    # "It" as the subject of its own cue once sent pronoun and noun-phrase resolution into each other.
    found = run(
        "The Interior Ministry announced new rules on Monday. It said the changes would take effect in May. "
        "It added that fines would rise."
    )
    assert pairs(found) == [
        ("indirect", "Interior Ministry", "the changes would take effect in May"),
        ("indirect", "Interior Ministry", "fines would rise"),
    ]
    assert run("It said the changes would take effect in May. It added that fines would rise.") == []


def test_name_and_affiliation_before_a_colon_in_the_body():
    found = run(
        "The panel met on Tuesday to discuss the budget.\n"
        'Mark Halloran, Fox News: "This deal will not survive the Senate."\n'
        'Ana Ruiz (CNN political analyst): "She won the night."\n'
        'Halloran: "And I stand by that."'
    )
    assert pairs(found) == [
        ("direct", "Mark Halloran", "This deal will not survive the Senate."),
        ("direct", "Ana Ruiz", "She won the night."),
        ("direct", "Mark Halloran", "And I stand by that."),
    ]
    assert {a.rule for a in found} == {"en.name_colon"}


def test_colon_after_a_word_that_is_no_name_attributes_nothing():
    assert run('Update: "The road is closed."\nThe result: "a mess."') == []


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        ("National Chairperson Donna Brazile said the party would recover.", "Donna Brazile"),
        ("Rep. Jo Lantern, a California Democrat, said the vote was rigged.", "Jo Lantern"),
        ("Jo Lantern, Texas Republican, said the vote was rigged.", "Jo Lantern"),
        ("Mike Pence, the Vice President, said the talks went well.", "Mike Pence"),
        ("The paper, the Riverside Herald, said the mayor had lied.", "Riverside Herald"),
        ("Acting Assistant Attorney General Dana Boente said the case was closed.", "Dana Boente"),
        ("General Motors said sales had risen sharply.", "General Motors"),
    ],
)
def test_titles_and_descriptions_next_to_the_name_are_not_the_speaker(sentence, speaker):
    assert one(sentence).speaker == speaker


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        ("The International Monetary Fund this week said growth would slow.", "International Monetary Fund"),
        ("The World Health Organization on Tuesday warned that cases were rising.", "World Health Organization"),
        ("The agency late Tuesday night said the road was closed.", "agency"),
        ("Norbert Falk last month told reporters that the plant would close.", "Norbert Falk"),
        ("The Senate Budget Committee earlier said the plan was unaffordable.", "Senate Budget Committee"),
    ],
)
def test_time_phrase_before_the_verb_is_not_part_of_the_speaker(sentence, speaker):
    assert one(sentence).speaker == speaker


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        ("Alzheimer's Research UK said the drug was a breakthrough.", "Alzheimer's Research UK"),
        ("The Children's Hospital of Philadelphia said the boy was stable.", "Children's Hospital of Philadelphia"),
        ("Parkinson's UK said the trial had ended early.", "Parkinson's UK"),
        # a possessor owning an institution or employing a person is not part of the name
        ("Britain's Foreign Office said the embassy was closed.", "Foreign Office"),
        ("Apple's Tim Cook said the phone was ready.", "Tim Cook"),
    ],
)
def test_possessive_organisation_names(sentence, speaker):
    assert one(sentence).speaker == speaker


@pytest.mark.parametrize(
    "body, speaker",
    [
        ('"The results are promising," said Alzheimer\'s Society chief Kate Lee.', "Kate Lee"),
        ('"We are ready," said White House press secretary Sarah Sanders.', "Sarah Sanders"),
    ],
)
def test_inverted_cue_with_an_affiliation_and_a_lowercase_role_before_the_name(body, speaker):
    assert one(body).speaker == speaker


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        ("Secretary of State Mike Pompeo said the talks had been useful.", "Mike Pompeo"),
        ("The Sheriff's Office said the road was closed all night.", "Sheriff's Office"),
        ("The Women's March said the rally would go ahead.", "Women's March"),
        ("The Department of the Interior said the lease was cancelled.", "Department of the Interior"),
        (
            "A man pleaded guilty to fraud, the U.S. Attorney's Office for the Eastern District of Texas announced.",
            "U.S. Attorney's Office for the Eastern District of Texas",
        ),
        ("Trump's lawyer said the case was closed.", "Trump's lawyer"),
    ],
)
def test_long_institution_names_and_titled_names(sentence, speaker):
    assert one(sentence).speaker == speaker


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        ("Sonya Zoghlin, Carlineo's attorney, told The Hill that her client meant no harm.", "Sonya Zoghlin"),
        ("Jane Roe, his former lawyer, said the deal was off.", "Jane Roe"),
        (
            "The president wants to leave, but General Mark Milley, chairman of the Joint Chiefs, told reporters "
            "that the troops would stay.",
            "Mark Milley",
        ),
    ],
)
def test_name_before_an_owned_role_or_after_a_conjunction_is_the_subject(sentence, speaker):
    assert one(sentence).speaker == speaker


def test_pronoun_takes_the_person_its_sentence_opened_a_clause_with():
    found = run(
        "Patrick Carlineo, 55, pleaded guilty on Monday. Prosecutor James Kennedy said the case was strong. "
        "When Carlineo was approached, he told police he supported the president."
    )
    assert pairs(found)[-1] == ("indirect", "Patrick Carlineo", "he supported the president")
    # the object of a preposition is no such subject: the earlier speaker stays
    found = run("Barack Obama met John Smith on Monday. Asked about Smith, he said the talks had gone well.")
    assert pairs(found) == [("indirect", "Barack Obama", "the talks had gone well")]


def test_coordinated_clause_with_its_own_subject_and_cue_ends_the_first_clause():
    found = run(
        "Donald Trump has tried to suggest that he barely knows his ambassador, but Gordon Sondland has said "
        "he has spoken several times with the president."
    )
    assert pairs(found) == [
        ("indirect", "Donald Trump", "he barely knows his ambassador"),
        ("indirect", "Gordon Sondland", "he has spoken several times with the president"),
    ]
    found = run("South Africa said the president was well and the military said it was keeping him safe.")
    assert [(s, q) for _, s, q in pairs(found)] == [
        ("South Africa", "the president was well"),
        ("military", "it was keeping him safe"),
    ]


def test_second_predicate_of_the_subject_and_it_for_an_unregistered_source():
    found = run(
        "Two soldiers were killed in a crash, the US military said on Wednesday. It did not reveal the "
        "location and said it was withholding the names of those killed."
    )
    assert pairs(found)[-1] == ("indirect", "US military", "it was withholding the names of those killed")


def test_age_descriptor_and_the_statement_resolve_through_the_document():
    found = run(
        'Jose Mourinho has agreed a deal with the club. The 56-year-old said after his appointment: "I am '
        'excited to be joining."\nThe Rovers said in a statement that he would start on Monday. "He is one of '
        'the best managers in the world," the statement said.'
    )
    assert [a.speaker for a in found] == ["Jose Mourinho", "Rovers", "Rovers"]


def test_participle_after_the_cue_and_indefinite_non_sources_report_nothing():
    found = run('Ann Lee met the press. "I now do recall," she said, talking to reporters about the call.')
    assert pairs(found) == [("direct", "Ann Lee", "I now do recall")]
    assert run("Coty bought a stake in the portfolio, a deal announced at the start of the week.") == []


def test_time_phrase_inside_a_relative_clause_stays_there():
    found = run("Ana Silva, who visited Port Sudan in January, said she would return within days.")
    assert pairs(found) == [("indirect", "Ana Silva", "she would return within days")]


def test_postposed_tell_with_its_addressee_and_a_quoted_name_inside_the_clause():
    found = run(
        "Two professors were handed over to US forces in the south, an insurgent source told Agence France-Presse."
    )
    assert pairs(found) == [
        ("indirect", "an insurgent source", "Two professors were handed over to US forces in the south")
    ]
    found = run('The couple are under house arrest at the "Blue House" compound in Harare, a source said.')
    assert [(k, s) for k, s, _ in pairs(found)] == [("indirect", "a source")]


def test_an_adjunct_before_the_subject_is_no_postposed_clause():
    found = run('Later, in remarks at the Communist Party headquarters, Esper said, "We oppose it."')
    assert pairs(found) == [("direct", "Esper", "We oppose it.")]


def test_place_after_a_role_preposition_is_not_part_of_the_name():
    found = run('Former special envoy to Ukraine Kurt Volker changed his account. "It was wrong," Volker said.')
    assert pairs(found) == [("direct", "Kurt Volker", "It was wrong")]


def test_according_to_a_release_names_its_issuer():
    assert one("The hearing is set for May 4, according to the council's news release.").speaker == "council"
    assert one("The plan will cost $3 billion, according to a Pentagon statement.").speaker == "Pentagon"


def test_plural_headline_verbs_and_the_say_no_idiom():
    found = run("The Taliban freed two men.", title="Taliban say they freed two hostages for three prisoners")
    assert pairs(found) == [("headline", "Taliban", "they freed two hostages for three prisoners")]
    assert run("The vote is on Monday.", title="Residents say no to new mall plan") == []


def test_inverted_cue_followed_by_a_bare_role_apposition():
    found = run("The deal could start a new trend for stocks, says John Petrides, portfolio manager at Tocqueville.")
    assert pairs(found) == [("indirect", "John Petrides", "The deal could start a new trend for stocks")]


def test_quote_closed_by_two_right_single_marks_and_a_nested_quote_at_its_end():
    found = run(
        "Will Moy runs Full Fact. “It was an attempt to mislead voters,’’ Moy told the BBC.\n"
        "Michelle Hege runs DH. “My first reaction was, ‘Oh no,’ ” Hege said."
    )
    assert pairs(found) == [
        ("direct", "Will Moy", "It was an attempt to mislead voters"),
        ("direct", "Michelle Hege", "My first reaction was, ‘Oh no,’"),
    ]


def test_pronoun_after_a_fronted_clause_takes_the_person_it_names():
    found = run(
        "Michelle Hege said the ad was bad. While the campaign did not appeal to Julie Graham, a state "
        "health officer, she said she did not want to judge it."
    )
    assert pairs(found)[-1] == ("indirect", "Julie Graham", "she did not want to judge it")
    found = run("Barack Obama spoke first. After meeting John Smith, he said the talks went well.")
    assert pairs(found) == [("indirect", "Barack Obama", "the talks went well")]


def test_refusal_to_say_and_quantifiers_before_names():
    assert run("His refusal to say which side he would be on was met with laughter.") == []
    found = run('Boris Johnson met voters. Both Johnson and Corbyn want to win. Later he urged voters, "Look at it."')
    assert pairs(found) == [("direct", "Boris Johnson", "Look at it.")]


def test_intro_time_phrase_is_no_lead_subject():
    found = run(
        "Hours before the game on Tuesday, Wild coach Bruce Boudreau praised the winger, saying he always "
        "finds a way to score."
    )
    assert pairs(found) == [("indirect", "Bruce Boudreau", "he always finds a way to score")]


def test_source_head_with_a_complement_holding_a_participle():
    found = run('The authors of the study published in the journal Cell argued that it was "a concern."')
    assert [(k, s) for k, s, _ in pairs(found)] == [("mixed", "authors")]


def test_quoted_term_inside_an_according_to_clause():
    found = run('The man was diagnosed with "feather-duvet lung," according to a new case report.')
    assert [(k, s) for k, s, _ in pairs(found)] == [("indirect", "new case report")]


def test_quoted_names_of_campaigns_are_no_statements():
    found = run('The viral "Meth. We are on it." awareness campaign drew mockery, but Ann Lee said it was brave.')
    assert pairs(found) == [("indirect", "Ann Lee", "it was brave")]
    assert run('Hege runs DH, the firm behind the campaign "Starts with one."') == []


def test_subject_after_a_preposition_and_a_relative_pronoun():
    found = run(
        "Patrick Carlineo, 55, pleaded guilty. He was arrested for a phone call to the office, in which he "
        'said he would put a "bullet in her skull."'
    )
    assert pairs(found) == [("mixed", "Patrick Carlineo", "bullet in her skull.")]


def test_zero_complementiser_after_report_verbs():
    found = one("State police reported at least 5,000 people entered the building through public entrances.")
    assert (found.speaker, found.quote.text) == (
        "State police",
        "at least 5,000 people entered the building through public entrances",
    )
    assert run("The company reported the incident to police on Monday.") == []


@pytest.mark.parametrize(
    "sentence, clause",
    [
        (
            "Mark Cuban, the owner of the Mavericks, says he's open to running in the future.",
            "he's open to running in the future",
        ),
        (
            "Mark Cuban said he'd consider offers to serve as vice president.",
            "he'd consider offers to serve as vice president",
        ),
        ("Mark Cuban said it's a good deal for the city.", "it's a good deal for the city"),
    ],
)
def test_contracted_subject_and_verb_open_a_reported_clause(sentence, clause):
    assert one(sentence).quote.text == clause


def test_inverted_name_after_a_dotted_abbreviation_and_quoted_show_names():
    assert one('"Justice has been served," said U.S. Attorney Nealy Cox.').speaker == "Nealy Cox"
    found = run('Van Der Beek announced that his wife was expecting on an episode of "DWTS."')
    assert [a.kind for a in found] == ["indirect"]


def test_organisation_head_resolves_to_the_organisation_named_before():
    found = run("The International Monetary Fund cut its forecast on Tuesday. The fund said growth would slow.")
    assert pairs(found) == [("indirect", "International Monetary Fund", "growth would slow")]
    found = run("Donald Trump met donors on Monday. The business mogul said the race was over.")
    assert pairs(found) == [("indirect", "Donald Trump", "the race was over")]


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        (
            "A spokesperson who did not wish to be named because of policy said that the agency had no plan.",
            "A spokesperson",
        ),
        ("Officials who spoke on condition of anonymity said the talks had failed.", "Officials"),
        ("Two officials who briefed reporters said the talks had failed.", "Two officials"),
    ],
)
def test_restrictive_relative_clause_after_a_source(sentence, speaker):
    assert one(sentence).speaker == speaker


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        ("Deputy Director of Public Prosecution Eva-Marie Persson said the case was closed.", "Eva-Marie Persson"),
        ("Director of the FBI James B. Comey said the case was closed.", "James B. Comey"),
        ("Julian Assange was evicted. The Wikileaks founder always argued that he had fled.", "Julian Assange"),
        ('A judge ruled that he should stay in jail because of his "history of absconding".', "A judge"),
    ],
)
def test_long_title_complements_adverbs_before_the_verb_and_rulings(sentence, speaker):
    assert {a.speaker for a in run(sentence)} == {speaker}


def test_unresolvable_pronoun_is_skipped():
    assert run('"We will see," she said.') == []


def test_unnamed_sources_and_groups():
    a = one("A senior official said the talks would resume next week.")
    assert (a.speaker, a.speaker_kind) == ("A senior official", "unnamed")
    b = one("Officials said the talks would resume next week.")
    assert (b.speaker, b.speaker_kind) == ("Officials", "group")


def test_relayed_statement_names_its_source_and_the_relay():
    a = one("The Daily Ledger reported that officials said the plant would close.")
    assert (a.speaker, a.via, a.quote.text) == ("officials", "Daily Ledger", "the plant would close")


def test_speaker_told_someone_that():
    a = one("Nadia Petrov told the committee that the figures had been revised.")
    assert a.speaker == "Nadia Petrov"


def test_indefinite_role_resolved_by_a_later_name():
    body = (
        'A spokesman for the Harbour Authority called the claims "baseless."\n'
        "Harbour Authority spokesman Leo Brandt said the claims would be answered in court."
    )
    assert [a.speaker for a in run(body)] == ["Leo Brandt", "Leo Brandt"]


def test_ner_entities_are_used_when_given():
    body = "Mercury Labs said the recall would cost millions."
    ents = [Entity(0, 12, "Mercury Labs", "ORG")]
    a = one(body, entities=ents)
    assert (a.speaker, a.speaker_kind) == ("Mercury Labs", "organisation")


def test_relative_pronoun_subject_stands_for_the_name_before_it():
    a = one("The lead is played by Leo Marsh, who said in an interview that he had never felt so nervous.")
    assert (a.speaker, a.quote.text) == ("Leo Marsh", "he had never felt so nervous")


def test_ner_names_are_read_in_order_so_a_later_namesake_does_not_win():
    body = 'Jeb Lowe spoke first. "We will win," Lowe said. Later Ruth Lowe arrived.'
    ents = [
        Entity(0, 8, "Jeb Lowe", "PER"),
        Entity(body.index("Ruth"), body.index("Ruth") + 9, "Ruth Lowe", "PER"),
    ]
    assert one(body, entities=ents).speaker == "Jeb Lowe"


def test_hyphenated_titles_and_name_particles():
    a = one("United Nations Secretary-General Kofi Mensah said the talks must resume.")
    assert a.speaker == "Kofi Mensah"
    body = "Commission President Ilse van der Berg said the plan was final. Later van der Berg said it would pass."
    assert {x.speaker for x in run(body)} == {"Ilse van der Berg"}
    assert one("General Omar al-Rashid said the army would withdraw.").speaker == "Omar al-Rashid"
    assert one("Dutch MEP Anke de Wit said the vote would be close.").speaker == "Anke de Wit"


def test_possessor_and_place_are_not_part_of_the_name():
    body = "Rovers' Tom Hale scored twice. Hale, 24, told reporters he was delighted with the win."
    assert one(body).speaker == "Tom Hale"
    a = one("Senator Ada Quinn of Ohio said the bill was dead.")
    assert a.speaker == "Ada Quinn"
    a = one("Senator Ada Quinn, Democrat of Ohio, said the bill was dead.")
    assert a.speaker == "Ada Quinn"
    a = one("Sen. Ada Quinn, D-Ohio, said the bill was dead.")
    assert a.speaker == "Ada Quinn"


def test_zero_that_clauses_with_irregular_verbs_numbers_and_no():
    assert one("The researchers said the effect held after adjusting for age.").quote.text == (
        "the effect held after adjusting for age"
    )
    assert one("The utility said about 42,000 homes were without power.").quote.text == (
        "about 42,000 homes were without power"
    )
    assert one("The operator said no trains would run before noon.").quote.text == "no trains would run before noon"
    assert run("He said no to the deal.") == []


def test_second_complement_and_participle_clauses():
    found = run("Ana Lind said the plan was sound but that it needed more money.")
    assert pairs(found) == [
        ("indirect", "Ana Lind", "the plan was sound"),
        ("indirect", "Ana Lind", "it needed more money"),
    ]
    found = run("Ana Lind said on Monday that talks must resume, warning that time was running out.")
    assert [a.quote.text for a in found] == ["talks must resume", "time was running out"]
    a = one("Ana Lind said it was late but that was not the point.")
    assert a.quote.text == "it was late but that was not the point"


def test_reporting_verb_with_a_noun_object_is_not_a_relay():
    a = one("Ana Lind said that the fund would add 50 million euros in aid.")
    assert (a.speaker, a.quote.text) == ("Ana Lind", "the fund would add 50 million euros in aid")


def test_trailing_according_to_a_statement_does_not_replace_the_speaker():
    a = one("The minister said that the fund would grow, according to a statement.")
    assert (a.speaker, a.quote.text) == ("minister", "the fund would grow")
    a = one("According to a statement from the foreign ministry, the envoy will attend the summit.")
    assert a.speaker == "foreign ministry"
    a = one("Walking daily cuts the risk by a fifth, according to a study of 80,000 adults.")
    assert a.speaker == "study of 80,000 adults"


def test_inverted_cue_after_an_unquoted_clause():
    a = one("A deal could be announced next week, said the people, who asked not to be named.")
    assert (a.speaker, a.quote.text) == ("people", "A deal could be announced next week")
    a = one("Prices will keep rising, said Jo Park, an analyst at Lumen Bank.")
    assert (a.speaker, a.quote.text) == ("Jo Park", "Prices will keep rising")


def test_unnamed_sources_with_post_modifiers():
    a = one("People familiar with the matter said the deal could close on Friday.")
    assert a.speaker == "People familiar with the matter"


def test_the_company_is_the_organisation_named_before():
    body = "Northgate Airlines posted a profit. The company said bookings were running ahead of last year."
    assert one(body).speaker == "Northgate Airlines"


def test_pronoun_prefers_the_person_a_new_paragraph_turns_to():
    body = (
        '"We are tired," Ruth Cole said.\n'
        "Her neighbour, Ian Marsh, is still waiting. He and his wife live in a rented flat.\n"
        '"We want to go home," he said.'
    )
    assert [a.speaker for a in run(body)] == ["Ruth Cole", "Ian Marsh"]


def test_headline_says_and_role_headlines():
    found = run("Mayor Lena Ortiz said on Monday the port would reopen.", title="Ortiz says port will reopen in May")
    assert ("headline", "Lena Ortiz", "port will reopen in May") in pairs(found)
    found = run("Housing Secretary Mia Roy said the plan would go ahead.", title="Housing Secretary: 'We will build'")
    assert ("headline", "Mia Roy", "We will build") in pairs(found)


def test_so_called_marks_a_scare_quote_not_a_statement():
    a = one("The so-called 'ten-year rule' was never law, Ada Novak noted, and it should be dropped.")
    assert a.kind == "indirect" and a.speaker == "Ada Novak"


def test_wire_copy_variants():
    a = one("Officials in the capital said at least 12 people were killed in the strike.")
    assert a.quote.text == "at least 12 people were killed in the strike"
    a = one("Tom Hale, 52, who has led the firm since 2019, said in a note to staff that the cuts were painful.")
    assert (a.speaker, a.quote.text) == ("Tom Hale", "the cuts were painful")
    a = one("The minister was quoted by a news agency as saying the talks had failed.")
    assert (a.speaker, a.quote.text) == ("minister", "the talks had failed")
    found = run("“We have to act now,” Dr. Maya Chen, director of the institute, said in a statement.")
    assert pairs(found) == [("direct", "Maya Chen", "We have to act now")]


# -- quoted strings that are not statements --------------------------------------------------------


def test_titles_of_works_nicknames_and_scare_quotes_are_skipped():
    body = (
        'The film "Northern Lights" opened on Friday.\n'
        'The striker, known as "the Hammer," scored twice.\n'
        'The so-called "reform" left many people worse off.'
    )
    assert run(body) == []


def test_quoted_name_inside_the_speaker_phrase_is_not_a_quote():
    found = run('"Harbour Lights" author Mina Kaur said the sequel would come out in May.')
    assert pairs(found) == [("indirect", "Mina Kaur", "the sequel would come out in May")]
    a = one('A 2019 film, "Alone at Sea," told his story.\nThe "Squad" member said the plan was dead.')
    assert a.quote.text == "the plan was dead"


# -- headlines, embeds, noise -------------------------------------------------------------------


def test_headline_colon():
    a = one("The minister arrived on Monday.", title="Okafor: 'We will not resign'")
    assert (a.kind, a.speaker, a.quote.text) == ("headline", "Okafor", "We will not resign")


def test_headline_colon_needs_a_name_before_it():
    assert run("The budget passed.", title="Chancellor unveils budget: tax rises for all") == []
    assert run("The book sold well.", title="Okafor: The Long Road Home") == []


def test_embedded_post_uses_the_caption_or_the_account_name():
    body = (
        "Councillor Mia Lund wrote on social media:\n"
        "Proud of our volunteers today. #CleanUp pic.twitter.com/x1y2z3\n"
        "— Mia L. (@mialund) May 2, 2024\n"
        "Thanks for coming!\n"
        "— Harbour FC (@harbourfc) May 3, 2024"
    )
    found = [a for a in run(body) if a.kind == "embed"]
    assert pairs(found) == [
        ("embed", "Mia Lund", "Proud of our volunteers today."),
        ("embed", "Harbour FC", "Thanks for coming!"),
    ]


def test_noise_lines_are_skipped():
    body = 'Read more: "Why the port matters," the mayor said.\nPhoto: "Dockside," said the caption writer.'
    assert run(body) == []


def test_dateline_is_not_part_of_the_statement():
    a = one("LISBON, May 4 (Reuters) - Port workers went on strike on Monday, union officials said.")
    assert a.quote.text == "Port workers went on strike on Monday"
    assert a.speaker == "union officials"


# -- output contract ---------------------------------------------------------------------------------


def test_offsets_index_the_document_text_and_confidence_is_bounded():
    title = "Port strike"
    body = '"We will stay out," Ana Ruiz said. She added that talks would resume on Friday.'
    text = f"{title}\n{body}"
    for a in run(body, title):
        assert 0.0 <= a.confidence <= 1.0
        assert a.rule.startswith("en.")
        if not a.parts:
            assert text[a.quote.start : a.quote.end] == a.quote.text


def test_unknown_language_falls_back_to_english_rules():
    a = one('"We will rebuild," Nadia Petrov said.', entities=None)
    b = run('"We will rebuild," Nadia Petrov said.', language="xx")
    assert pairs(b) == [(a.kind, a.speaker, a.quote.text)]


def test_other_languages_get_a_low_confidence_marks_only_pass():
    body = "Le maire Jean Roux a déclaré : « Nous allons reconstruire le port cette année. »"
    ents = [Entity(9, 18, "Jean Roux", "PER")]
    a = one_lang(body, "fr", ents)
    assert (a.speaker, a.rule) == ("Jean Roux", "en.marks_only")
    assert a.quote.text == "Nous allons reconstruire le port cette année."
    assert a.confidence < 0.5
    assert run("Le film « Les Misérables » sort demain.", language="fr") == []


def one_lang(body, language, entities=None):
    found = run(body, entities=entities, language=language)
    assert len(found) == 1, pairs(found)
    return found[0]


def _work(monkeypatch, body: str) -> int:
    """Words the rules read (every word list handed out by the tokeniser), for one detection."""
    real = en._Doc.words
    count = [0]

    def counting(self, a, b):
        out = real(self, a, b)
        count[0] += len(out)
        return out

    monkeypatch.setattr(en._Doc, "words", counting)
    run(body)
    monkeypatch.setattr(en._Doc, "words", real)
    return count[0]


@pytest.mark.parametrize(
    "piece",
    [
        "he said ",  # one sentence of thousands of cues
        "according to officials who said ",
        "Smith, the mayor, said ",
        "Officials said that the minister said that ",
        'Ms. Lee said "yes, we will", and ',
        '"We will rebuild the harbour," Nadia Petrov, the mayor, said on Monday. "It will take time." ',
    ],
)
def test_work_grows_linearly_with_the_text(monkeypatch, piece):
    # Operation counts, not wall time: doubling the text may not much more than double the words read.
    small = _work(monkeypatch, piece * 400)
    large = _work(monkeypatch, piece * 1600)
    assert large <= 4.6 * small, (small, large)
