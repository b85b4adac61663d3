"""Hand-written cases for the attribution rules of issue 12 (labels, continuation, cues,
speaker heads, descriptions, new speakers, indirect speech). Every expected value is written
by hand from reading the sentence."""

from __future__ import annotations

import pytest

from newsresearch import analyze
from newsresearch.quotes import extract_quotes, quote_warnings


def _rows(text, **kw):
    df = extract_quotes(text, **kw)
    return [(r.quote, r.speaker, r.kind) for r in df.itertuples()]


# --------------------------------------------------------------------------- labels


@pytest.mark.parametrize("text, quote", [
    pytest.param("The so-called “sextortion” scheme grew.", "sextortion", id="scare quote"),
    pytest.param("He will back a “yes” vote in the referendum.", "yes", id="a quoted term"),
    pytest.param("The islands, known as “Las Malvinas” in Argentina, are disputed.",
                 "Las Malvinas", id="a name in quote marks"),
    pytest.param("READ MORE: ‘Still in shock’ after the fire\n\nThe town burned.",
                 "Still in shock", id="navigation: READ MORE"),
    pytest.param("WATCH: “We will rebuild”\n\nThe mayor spoke.", "We will rebuild",
                 id="navigation: WATCH"),
    pytest.param("Related: \"Five things to know\"\n\nThe end.", "Five things to know",
                 id="navigation: Related"),
    pytest.param('Pence said: "We will win.\n\n"Follow Pam Key on Twitter @pamkeyNEN."',
                 "Follow Pam Key on Twitter @pamkeyNEN.",
                 id="navigation: a Follow … on Twitter line ending a quoted transcript"),
])
def test_labels_are_no_quotes(text, quote):
    df = extract_quotes(text)
    row = df[df["quote"] == quote]
    assert row["kind"].tolist() == ["label"]
    assert row["speaker"].isna().all()
    assert quote not in extract_quotes(text, labels=False)["quote"].tolist()


def test_a_whole_sentence_without_cue_is_not_a_label():
    # four words, but a sentence of its own after a comma: a quote that lacks its speaker
    df = extract_quotes("The memo ended with a line, “Imagine a better world.”")
    assert df["kind"].tolist() == ["direct"]


def test_summary_counts_no_labels():
    a = analyze("The so-called “sextortion” scheme grew. “It is a crime,” said Ann Lee.")
    assert a.summary()["quotes"].item() == 1
    assert sorted(a.quotes["kind"]) == ["direct", "label"]


# --------------------------------------------------------------------------- continuation


def test_paragraphs_run_together_each_open_a_quote_of_the_same_speaker():
    # BBC texts whose paragraph breaks were lost: every paragraph opens with a mark, none closes
    text = ('Tim Greene said: "In my race, I lost. "That is when he came up. '
            '"I believe that." Then he left.')
    assert _rows(text) == [("In my race, I lost.", "Tim Greene", "direct"),
                           ("That is when he came up.", "Tim Greene", "direct"),
                           ("I believe that.", "Tim Greene", "direct")]
    assert quote_warnings(text)["problem"].str.startswith("quote reopened").sum() == 2


def test_continuation_paragraph_inherits_the_speaker():
    text = ('"The centers are bad. They keep children," Ann Lee said. "They separate the '
            'women.\n\n"This is still my family," she said.')
    rows = _rows(text)
    assert [r[1] for r in rows] == ["Ann Lee"] * 3
    assert rows[1][0] == "They separate the women."


def test_paragraph_only_quote_after_reported_speech_with_said_x_at_the_end():
    text = ("The content of the e-mail mattered most, said Mr Thomas.\n\n"
            '"If in doubt retain, that has been the principle of the civil service."')
    quoted = [r for r in _rows(text) if r[2] != "indirect"]
    assert quoted == [("If in doubt retain, that has been the principle of the civil "
                       "service.", "Thomas", "direct")]


def test_second_half_of_a_split_quote_in_lower_case():
    text = '"Fraudulent practices," said Jane Fleming, "can be very hard to detect."'
    assert [r[1] for r in _rows(text)] == ["Jane Fleming", "Jane Fleming"]


# --------------------------------------------------------------------------- cues


@pytest.mark.parametrize("text, speaker", [
    pytest.param("“We draw every day,” says Cambridge cartoonist Andre Campbell.",
                 "Andre Campbell", id="says X, X headed by the name"),
    pytest.param("“I don’t regret it,” local newspapers quote Salinas as saying.",
                 "Salinas", id="newspapers quote X as saying"),
    pytest.param("“We will win,” Braynard is quoted as saying.", "Braynard",
                 id="X is quoted as saying"),
    pytest.param("Mr. Smith was quoted as saying, “We will win.”", "Smith",
                 id="X was quoted as saying before the quote"),
    pytest.param('"We have to get that under control," said vice-chairman Vivek Paul.',
                 "Vivek Paul", id="hyphenated descriptor before the name"),
    pytest.param("“Has corruption become the glue?” one Western official asks.",
                 "one Western official", id="one X asks"),
    pytest.param('"A loophole has been closed today," a senior U.S. official here commented.',
                 "a senior U.S. official", id="here between speaker and verb"),
])
def test_present_tense_and_inverted_cues(text, speaker):
    df = extract_quotes(text)
    assert speaker in (df["speaker"].iloc[0], df["speaker_surface"].iloc[0])


def test_a_cue_before_the_quote_wins_over_the_next_sentence():
    text = ('Mr Begg thanked the British people. He added: "If they have done wrong, they '
            'should be punished." Lawyer Louise Christian said the government acted late.')
    df = extract_quotes(text)
    quoted = df[df["kind"] == "direct"]
    assert quoted["speaker_surface"].tolist() == ["He"]


def test_colon_after_the_object_of_a_preposition_gives_the_sentence_subject():
    text = ("Former mayor Rudy Giuliani echoed the sentiment, but laid blame on President "
            'Obama: "We have had four months of propaganda."')
    assert extract_quotes(text)["speaker"].tolist() == ["Rudy Giuliani"]


# --------------------------------------------------------------------------- speakers


def test_speaker_role_is_the_descriptor():
    df = extract_quotes("“We draw every day,” says Cambridge cartoonist Andre Campbell.")
    assert df[["speaker", "speaker_role"]].values.tolist() == [
        ["Andre Campbell", "Cambridge cartoonist"]]


def test_description_resolved_to_the_person_named_before():
    text = ("The Leafs called up Jake Ross on Monday.\n\n"
            "“I am just happy to be here,” said the rookie defenceman.")
    df = extract_quotes(text)
    quoted = df[df["kind"] == "direct"]
    assert quoted[["speaker", "speaker_surface", "speaker_role"]].values.tolist() == [
        ["Jake Ross", "the rookie defenceman", "the rookie defenceman"]]


def test_pronoun_takes_a_clause_subject_that_find_actors_missed():
    text = ("Growing up in El Paso, Mendoza regularly witnessed the raids.\n\n"
            "“It was hard for everyone,” he said.")
    assert extract_quotes(text)["speaker"].tolist() == ["Mendoza"]


def test_new_speaker_is_flagged_and_added_to_the_actors():
    text = "“It was hard,” Zorblat Quexly told reporters."
    df = extract_quotes(text)
    assert df[["speaker", "speaker_new_actor"]].values.tolist() == [["Zorblat Quexly", True]]
    a = analyze(text)
    people = a.actors[a.actors["actor_type"] == "person"]
    assert people[["actor", "surface", "start"]].values.tolist() == [
        ["Zorblat Quexly", "Zorblat Quexly", 15]]


def test_an_indefinite_speaker_is_an_anonymous_source():
    df = extract_quotes("“It will fail,” a lawyer said.")
    assert df["source_type"].tolist() == ["anonymous"]


# --------------------------------------------------------------------------- indirect


@pytest.mark.parametrize("text, clause, speaker", [
    pytest.param("Sales fell sharply last year, according to a study by the bank.",
                 "Sales fell sharply last year", "a study", id="according to X at the end"),
    pytest.param("According to Jane Doe, the plant will close in May.",
                 "the plant will close in May", "Jane Doe", id="According to X, at the start"),
    pytest.param("Ann Lee says the plant will close.", "the plant will close", "Ann Lee",
                 id="X says"),
    pytest.param("Mr. Miller said that the talks had failed.", "the talks had failed",
                 "Miller", id="X said that"),
])
def test_indirect_speech(text, clause, speaker):
    df = extract_quotes(text)
    assert df[["quote", "kind"]].values.tolist() == [[clause, "indirect"]]
    assert df["speaker"].iloc[0].endswith(speaker)


def test_a_longer_fragment_without_cue_is_the_sentence_subject_s():
    text = ("Charles Kennedy went on to suggest a small majority would amount to a “massive "
            "vote of no confidence in the government”.")
    df = extract_quotes(text)
    assert df[["speaker", "kind", "cue"]].values.tolist() == [["Charles Kennedy", "partial",
                                                               None]]


@pytest.mark.parametrize("text, speaker", [
    pytest.param('Age Concern said care was poor. Its director general, Gordon Lishman, said: '
                 '"Direct payments will not work."', "Gordon Lishman",
                 id="the name set off by commas after a descriptor"),
    pytest.param('In a statement, the Cabinet Office said it was reviewing the scheme. "Unions '
                 'will of course be consulted about any changes." The end.', "Cabinet Office",
                 id="a quote after reported speech the sentence split ran into"),
])
def test_more_speakers_before_the_quote(text, speaker):
    df = extract_quotes(text)
    assert df.loc[df["kind"] == "direct", "speaker"].tolist() == [speaker]


def test_an_adverb_in_ly_between_speaker_and_verb():
    df = extract_quotes("Ohio Gov. John Kasich has broadly called for “boots on the ground.”")
    assert df[["speaker", "kind"]].values.tolist() == [["John Kasich", "partial"]]


@pytest.mark.parametrize("text, speaker", [
    pytest.param("NASA climatologist Gavin Schmidt likened the threshold to a speed limit. "
                 "“It means the faster you go, the more dangerous it is,” he said.",
                 "Gavin Schmidt", id="a clause subject after its descriptor is an antecedent"),
    pytest.param("Amazon released a separate statement saying, “It allows us to grow our "
                 "business.”", "Amazon", id="the issuer of a statement"),
    pytest.param('"When the officers left, all was scattered," Mr Sukul said.\n\n"(When they '
                 'went) back to make the seizure, every ballot was sealed."', "Sukul",
                 id="a quote opening with an aside in parentheses continues"),
])
def test_speakers_of_further_shapes(text, speaker):
    df = extract_quotes(text)
    assert set(df["speaker"]) == {speaker}


@pytest.mark.parametrize("text, speaker", [
    pytest.param('As one employee told Palo Alto Weekly, "She wants to put fear in our hearts."',
                 "one employee", id="As X told Y, “…”"),
    pytest.param("As Politico reported, “Trump would win, and handily.”", "Politico",
                 id="As X reported, “…”"),
])
def test_an_as_clause_ending_at_the_quote_is_its_attribution(text, speaker):
    assert extract_quotes(text)["speaker"].tolist() == [speaker]


def test_it_refers_to_a_singular_source_that_is_no_person():
    df = extract_quotes("Output rose in May, the report said. Exports fell 2 pct, it added.")
    assert df[["speaker", "speaker_surface", "source_type"]].values.tolist() == [
        ["the report", "the report", "document"], ["the report", "it", "document"]]


def test_a_singular_source_noun_is_one_anonymous_person():
    text = ("A spokeswoman for the commission said it was examining a complaint. "
            "“We are investigating,” she said.")
    df = extract_quotes(text)
    quoted = df[df["kind"] == "direct"]
    assert quoted[["speaker", "speaker_surface", "source_type"]].values.tolist() == [
        ["A spokeswoman for the commission", "she", "anonymous"]]


def test_it_refers_to_an_acronym():
    df = extract_quotes("Crude runs rose 2 pct, the EIA said. Imports fell 5 pct, it said.")
    assert df["speaker"].tolist() == ["EIA", "EIA"]


@pytest.mark.parametrize("text, speaker", [
    pytest.param("The company said tests had shown no finds. It also said the government had "
                 "asked it to pay tax.", "company", id="it: the company"),
    pytest.param("One problem was identified by Wipro. Wipro said staff turnover was high. It "
                 "said that 90% of employees had left.", "Wipro", id="it: a one-word name"),
])
def test_it_said_after_a_company(text, speaker):
    df = extract_quotes(text)
    assert df["speaker"].iloc[-1].endswith(speaker)
    assert df["speaker_surface"].iloc[-1] == "It"


@pytest.mark.parametrize("text, quote", [
    pytest.param('It is told in Peter Burrows\'s book "Backfire: Carly Fiorina\'s Battle for '
                 'the Soul of HP." Fiorina moved on.', "Backfire: Carly Fiorina's Battle for "
                 "the Soul of HP.", id="a book title"),
    pytest.param("She wrote the hit Broadway play, “Eclipsed.”", "Eclipsed.", id="a play"),
    pytest.param('They can go higher."\n\n"Related:"\n\nClinton Put On The Defensive.',
                 "Related:", id="a navigation heading alone in quote marks"),
])
def test_titles_named_by_their_work_are_labels(text, quote):
    df = extract_quotes(text)
    assert df.loc[df["quote"] == quote, "kind"].tolist() == ["label"]


@pytest.mark.parametrize("text, speaker", [
    pytest.param("Not all panels are equal. From the report: “In general, samples with longer "
                 "field periods were more accurate.”", "the report",
                 id="From the report: “…”"),
    pytest.param("17-year-old Jared Potts echoed:\n\n“He speaks his mind, and I think that is "
                 "what the country needs.”", "Jared Potts", id="X echoed: at a paragraph end"),
    pytest.param("Kazakhstan's foreign minister, Erlan Idrissov, plays down concerns. China's "
                 "growth is good news, he says.\n\n“Our philosophy is simple,” he said.",
                 "Erlan Idrissov", id="an apposed name before its verb is an antecedent"),
])
def test_colon_echo_and_apposed_subjects(text, speaker):
    df = extract_quotes(text)
    assert df.loc[df["kind"] == "direct", "speaker"].str.endswith(speaker).tolist() == [True]


def test_a_credit_line_after_the_quote_names_its_speaker():
    text = ("Trump is incoherent.\n\n\"I worry that we may see a resurgence of balanced "
            "budgets.\n\nDean Baker, Center for Economic and Policy Research.\"\n\nBut the "
            "campaign moved on.")
    assert extract_quotes(text)[["speaker", "kind"]].values.tolist() == [["Dean Baker",
                                                                          "direct"]]


def test_quotes_of_a_chain_after_reported_speech_share_its_speaker():
    text = ('But Tim Greene believes he lost the race in the semi-finals. "In my race, I '
            'should have won. "That is when he came up. "I believe that is what put me in '
            'lane seven."')
    assert extract_quotes(text)["speaker"].tolist() == ["Tim Greene"] * 3


@pytest.mark.parametrize("text,genders", [
    pytest.param("“We will stay,” said Mayor Jane Doe.", ["female"], id="given name"),
    pytest.param("“We will stay,” said Mr. Lee Quexly.", ["male"], id="title"),
    pytest.param("“We won,” said spokeswoman Zorblat Quexly.", ["female"],
                 id="role noun of a new speaker"),
    pytest.param("“It is over,” she said.", ["female"], id="pronoun without antecedent"),
    pytest.param("Pat Quexly arrived late. “It is over,” he said.", ["male"],
                 id="pronoun of an antecedent without gender"),
    pytest.param("“Sales fell,” the company said in a statement.", ["unknown"],
                 id="organisation"),
    pytest.param("“We will stay,” said Jane Doe. “And we will win,” she added.",
                 ["female", "female"], id="actor gender for both"),
])
def test_speaker_gender(text, genders):
    q = extract_quotes(text)
    assert q["speaker_gender"].tolist() == genders


def test_a_quote_without_speaker_has_unknown_gender():
    text = ("The weather was fine.\n\n“We have done everything we could for the "
            "people of this city and we will go on doing it.”")
    q = extract_quotes(text)
    assert q["speaker"].isna().all() and q["speaker_gender"].tolist() == ["unknown"]


def test_new_speaker_actor_takes_the_quote_gender():
    a = analyze("“We won,” said spokeswoman Zorblat Quexly.")
    row = a.actors.query("actor == 'Zorblat Quexly'")
    assert row["gender"].tolist() == ["female"]


# --------------------------------------------------------------------------- issue 12, part 2


@pytest.mark.parametrize("text, expected", [
    pytest.param('"We lost," Ann Lee said. "No, not even," "Perry" countered: "We won it '
                 'all."',
                 [("We lost,", "Ann Lee", "direct"), ("No, not even,", "Perry", "direct"),
                  ("Perry", None, "label"), ("We won it all.", "Perry", "direct")],
                 id="a pseudonym in marks speaks before and after its verb"),
    pytest.param('"Perry" chimed in: "They never listen."',
                 [("Perry", None, "label"), ("They never listen.", "Perry", "direct")],
                 id="a quoted name, a verb with a particle and a colon"),
    pytest.param('The bar was called "Perry" by then. "We sold it," said Ann Lee.',
                 [("Perry", None, "label"), ("We sold it,", "Ann Lee", "direct")],
                 id="a quoted name with no speech verb after it is no speaker"),
])
def test_a_speaker_named_inside_quote_marks(text, expected):
    assert _rows(text) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("Ali Khan drove on. “Salaam u alikum,” he’d shout, and they answered.",
                 [("Salaam u alikum,", "Ali Khan", "he", "shout")],
                 id="a pronoun contracted with 'd and a base-form verb"),
    pytest.param("Ali Khan drove on. “Salaam,” he would shout.",
                 [("Salaam,", "Ali Khan", "he", "shout")], id="would shout"),
    pytest.param("Ann Lee waved. She’ll say, “Hello again.”",
                 [("Hello again.", "Ann Lee", "She", "say")], id="she'll say before the quote"),
])
def test_contracted_pronoun_speakers(text, expected):
    df = extract_quotes(text)
    assert [(r.quote, r.speaker, r.speaker_surface, r.cue) for r in df.itertuples()] == \
        expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("Eric Garner died as he pleaded \"I can't breathe\" under a hold in what "
                 "the coroner declared a homicide.",
                 [("I can't breathe", "Eric Garner", "pleaded")],
                 id="a speech verb just before the mark wins over a later cue"),
    pytest.param("Ann Lee spoke, praising \"Bob's integrity\" as Bob Hall said no more.",
                 [("Bob's integrity", "Bob Hall", "said")],
                 id="but not an -ing form before the mark"),
])
def test_a_verb_just_before_the_quote(text, expected):
    df = extract_quotes(text)
    assert [(r.quote, r.speaker, r.cue) for r in df.itertuples()] == expected


def test_a_quote_after_a_quoted_name_carries_the_speaker_past_it():
    text = ('"Let me think," said a resident whose name was "Perry" told me, looking '
            'around. "It was the wrong way about it."')
    assert [(q, k) for q, _, k in _rows(text)] == [
        ("Let me think,", "direct"), ("Perry", "label"),
        ("It was the wrong way about it.", "direct")]
    speakers = extract_quotes(text)["speaker"].tolist()
    assert speakers[0] is not None and speakers[2] == speakers[0]


@pytest.mark.parametrize("text, expected", [
    pytest.param("Ali Khan sat in a seminar when he thought to himself, “I want to be my own "
                 "boss.”", [("I want to be my own boss.", "Ali Khan", "thought")],
                 id="thought to himself is inner speech"),
    pytest.param("Ali Khan thought the plan was odd. The memo ended, “We are done here.”",
                 [("We are done here.", None, None)],
                 id="thought alone is no cue"),
])
def test_inner_speech(text, expected):
    df = extract_quotes(text)
    assert [(r.quote, r.speaker, r.cue) for r in df.itertuples()] == expected


@pytest.mark.parametrize("text, quote, speaker", [
    pytest.param("The two companies said in papers that Trailways \"could collapse soon.\"\n\n"
                 "They said Trailways owed suppliers six mln dlrs.",
                 "Trailways owed suppliers six mln dlrs", "The two companies",
                 id="they: a plural description is a group"),
    pytest.param("The UNECE warned that attempts to cut the deficit could hurt. \"The orderly "
                 "reversal is a major challenge,\" it noted.",
                 "The orderly reversal is a major challenge,", "The UNECE",
                 id="it: an acronym after 'The'"),
    pytest.param("A spokeswoman for the Information Commissioner's Office said it was "
                 "examining one complaint. \"We are investigating,\" she said.",
                 "We are investigating,",
                 "A spokeswoman for the Information Commissioner's Office",
                 id="she: a spokeswoman for a named office is one person"),
])
def test_pronouns_refer_to_descriptions(text, quote, speaker):
    df = extract_quotes(text)
    assert df.loc[df["quote"] == quote, "speaker"].tolist() == [speaker]


def test_a_possessive_is_no_descriptor_before_a_name():
    # "Commissioner's" ends in a lower-case "s" after the apostrophe: no descriptor word
    df = extract_quotes("“We will look,” said the Information Commissioner's Office.")
    assert df["speaker"].tolist() == ["Information Commissioner's Office"]


@pytest.mark.parametrize("text, quote, speaker, cue", [
    pytest.param("“No relationship,” the company wrote in its statement.\n\nIt added, “We "
                 "want no part in the listing.”", "We want no part in the listing.",
                 "the company", "added", id="'It added,' opens no adverbial clause"),
    pytest.param("“Look at them,” Ann Lee said.\n\n“They are here for free stuff,” Bob "
                 "Hall shot back with a laugh.", "They are here for free stuff,", "Bob Hall",
                 "shot back", id="a phrasal speech verb: shot back"),
    pytest.param("“Wrong,” Bob Hall fired back.", "Wrong,", "Bob Hall", "fired back",
                 id="fired back"),
])
def test_pronoun_openers_and_phrasal_verbs(text, quote, speaker, cue):
    df = extract_quotes(text)
    row = df[df["quote"] == quote]
    assert (row["speaker"].tolist(), row["cue"].tolist()) == ([speaker], [cue])


def test_shot_alone_is_no_speech_verb():
    df = extract_quotes("“Stop,” the guard shot at the fleeing man.")
    assert df["cue"].isna().all()


@pytest.mark.parametrize("text, expected", [
    pytest.param("A 29-year-old Berlin woman, meanwhile, received probation after she had "
                 "posted comments. \"Filth out!\" she wrote.", ["A 29-year-old Berlin woman"],
                 id="a description that names nobody is an antecedent of last resort"),
    pytest.param("Ann Lee met a young man at the station. \"Go home,\" she said.",
                 ["Ann Lee"], id="but a name in the sentence comes first"),
    pytest.param("The weather was bad all week. \"Go home,\" she said.", [None],
                 id="no description, no antecedent"),
])
def test_descriptions_as_antecedents(text, expected):
    df = extract_quotes(text)
    assert df.loc[df["kind"] == "direct", "speaker"].tolist() == expected


@pytest.mark.parametrize("text, kind", [
    pytest.param("It was part of Newt Gingrich’s 1994 “Contract with America.” Then came 1998.",
                 "label", id="a title with a long lower-case word"),
    pytest.param("“We will go with them,” said Ann Lee.", "direct",
                 id="a quote with 'with' in it is no title"),
])
def test_titles_with_lower_case_prepositions(text, kind):
    assert extract_quotes(text)["kind"].tolist() == [kind]


@pytest.mark.parametrize("text, speaker", [
    pytest.param("“He needs to stop,” the conservative-leaning newspaper wrote.",
                 "the conservative-leaning newspaper", id="a hyphenated -ing compound"),
    pytest.param("“We will sell,” the state-owned company said.", "the state-owned company",
                 id="a hyphenated -ed compound"),
])
def test_hyphenated_descriptors_before_the_verb(text, speaker):
    assert extract_quotes(text)["speaker"].tolist() == [speaker]


def test_a_transcript_paragraph_without_a_name_continues_the_speaker():
    text = ('Partial transcript:\n\n"WALLACE: Will he apologise?\n\n"PENCE: Well, look, he '
            'has said what he said.\n\n"But the truth is that he speaks plainly.\n\n'
            '"WALLACE: Thank you.')
    df = extract_quotes(text)
    assert df["speaker"].tolist() == ["WALLACE", "PENCE", "PENCE", "WALLACE"]
