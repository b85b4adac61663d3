"""Tests for newsresearch.quotes: phenomena, properties, the sample article and PolNeAR."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import TEST_DATA, shared_path
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsresearch import Article
from newsresearch.evaluate import (
    names_match,
    read_antecedents,
    read_quote_annotations,
    read_quote_records,
    records_from_attributions,
    score_quotes,
)
from newsresearch.paths import ANNOTATIONS
from newsresearch.quotes import QUOTE_COLUMNS, extract_quotes, quote_warnings


def speakers_ok(got, expected) -> list[bool]:
    """Per row: the speaker is the expected one by the scorer's rule (``names_match``: titles
    dropped, first names must agree), or there is none when ``""`` is expected."""
    got = list(got)
    assert len(got) == len(expected), (got, expected)
    return [pd.isna(g) if not e else (not pd.isna(g) and names_match(g, e))
            for g, e in zip(got, expected, strict=True)]


def speaker_is(got, expected: str) -> bool:
    return speakers_ok([got], [expected]) == [True]


def _quoted(df: pd.DataFrame) -> pd.DataFrame:
    return df[df["kind"] != "indirect"].reset_index(drop=True)


# --------------------------------------------------------------------------- phenomena

CASES = [
    pytest.param("“We will win the vote,” Ms. Jane Doe said.", ["We will win the vote,"],
                 ["Jane Doe"], ["direct"], id="curly quotes"),
    pytest.param('"We will win the vote," said Mr. John Smith.', ["We will win the vote,"],
                 ["Mr. John Smith"], ["direct"], id="straight quotes"),
    pytest.param("``We will win the vote,'' Mr. Smith said.", ["We will win the vote,"],
                 ["Mr. Smith"], ["direct"], id="`` '' typewriter quotes (old NYT style)"),
    pytest.param('Mr. John Smith arrived late. "We will win," he said.', ["We will win,"],
                 ["Mr. John Smith"], ["direct"], id="he said after quote"),
    pytest.param('"A is true," Mr. Smith said. "B is false."', ["A is true,", "B is false."],
                 ["Mr. Smith", "Mr. Smith"], ["direct", "direct"], id="split quote carried over"),
    pytest.param('Mr. Smith said: "We will win the vote."', ["We will win the vote."],
                 ["Mr. Smith"], ["direct"], id="colon quote"),
    pytest.param("“Israel’s army didn’t stop in the 1990s’ wars,” Mr. Smith said.",
                 ["Israel’s army didn’t stop in the 1990s’ wars,"], ["Mr. Smith"], ["direct"],
                 id="apostrophes are not quote marks"),
    pytest.param("“He told me, ‘Go home,’ and left,” Mr. Smith said.",
                 ["He told me, ‘Go home,’ and left,"], ["Mr. Smith"], ["direct"],
                 id="nested single quotes inside double"),
    pytest.param("\"People say, 'It doesn't matter,'\" said Mr. Charles Rangel.",
                 ["People say, 'It doesn't matter,'"], ["Mr. Charles Rangel"], ["direct"],
                 id="nested straight single inside straight double"),
    pytest.param("“We will win the vote,\" Mr. Smith said.", ["We will win the vote,"],
                 ["Mr. Smith"], ["direct"], id="mixed styles: opened curly, closed straight"),
    pytest.param('"She called it “a rant” and left," Mr. Smith said.',
                 ["She called it “a rant” and left,"], ["Mr. Smith"], ["direct"],
                 id="straight quote with a curly quote nested inside"),
    pytest.param("Analyst Philip Bump: “Two weeks ago, it was the South.”",
                 ["Two weeks ago, it was the South."], ["Philip Bump"], ["direct"],
                 id="name and colon"),
    pytest.param("Mrs. Clinton shook her head and said, “No, never.”", ["No, never."],
                 ["Mrs. Clinton"], ["direct"],
                 id="coordinated verb: the subject of the sentence speaks"),
    pytest.param("Mr. Todd was shocked. “Is that a fascist?“ he asked.", ["Is that a fascist?"],
                 ["Mr. Todd"], ["direct"], id="a quote closed with the wrong curly mark"),
    pytest.param("Here in Columbia, Mr. Sanders stepped up his attacks, saying, “We will win.”",
                 ["We will win."], ["Mr. Sanders"], ["direct"],
                 id="participle after a comma: the subject of the sentence speaks"),
    pytest.param('"They know the name of \'Clinton,\' " said Bree Maxwell, a volunteer who works in a '
                 "county that has many students.", ["They know the name of 'Clinton,'"],
                 ["Bree Maxwell"], ["direct"], id="a nested quote ends the quote, then the speaker"),
    pytest.param("Mr. Blair said talking was the only answer. “You have got to confront it.”",
                 ["You have got to confront it."], ["Mr. Blair"], ["direct"],
                 id="a whole-sentence quote right after reported speech"),
    pytest.param('"He is in a dilemma," said another economist.', ["He is in a dilemma,"],
                 ["another economist"], ["direct"], id="\"another\" as a determiner"),
    pytest.param("Mr. Weiner put it in his memo to employees explaining the deal, “Imagine a world.”",
                 ["Imagine a world."], [""], ["direct"],
                 id="a participle modifying a noun is no cue; no speaker rather than \"employees\""),
    pytest.param("As Mr. Blumenthal spoke, the NRA was whipping lawmakers against “any gun control.”",
                 ["any gun control."], [""], ["label"],
                 id="an opening adverbial clause holds no cue of the main clause (so a label)"),
    pytest.param("“The first part of the speech.\n\n“The second part,” Mr. Smith said.",
                 ["The first part of the speech.", "The second part,"], ["Mr. Smith", "Mr. Smith"],
                 ["direct", "direct"],
                 id="paragraph continuation: a quote reopens without closing"),
    pytest.param("State Department spokesman Matthew Miller told reporters, “We expect no deal.”",
                 ["We expect no deal."], ["Matthew Miller"], ["direct"],
                 id="speaker before with descriptor"),
    pytest.param("“It will be hard,” said Khaled Elgindy, a senior fellow at the Middle East Institute.",
                 ["It will be hard,"], ["Khaled Elgindy"], ["direct"],
                 id="speaker after with descriptor"),
    pytest.param("“He is right,” Flynn, a top Trump surrogate, said on Thursday.", ["He is right,"],
                 ["Flynn"], ["direct"], id="apposition between speaker and verb"),
    pytest.param("Mr. Smith called the plan “a disgrace” on Monday.", ["a disgrace"], ["Mr. Smith"],
                 ["partial"], id="partial quote"),
    pytest.param("Protesters gathered outside and held signs reading “No war.”", ["No war."],
                 ["Protesters"], ["label"], id="label: the text of a sign"),
    pytest.param('"WALLACE: Will she be there tomorrow?"', ["WALLACE: Will she be there tomorrow?"],
                 ["WALLACE"], ["direct"], id="transcript line"),
    pytest.param("He appeared on “Fox and Friends” on Monday.", ["Fox and Friends"], [""],
                 ["label"], id="title of a show is no speech"),
]


@pytest.mark.parametrize("text,quotes,speakers,kinds", CASES)
def test_phenomena(text, quotes, speakers, kinds):
    df = _quoted(extract_quotes(text))
    assert df["quote"].tolist() == quotes
    assert speakers_ok(df["speaker"], speakers) == [True] * len(speakers), df["speaker"].tolist()
    assert df["kind"].tolist() == kinds
    assert quote_warnings(text).empty


SOURCE_CASES = [
    pytest.param("“We regret nothing,” the ministry said in a statement on Monday.", "document",
                 id="noun cue after the verb: \"said in a statement\""),
    pytest.param("In a statement, the ministry said: “We regret nothing.”", "document",
                 id="noun cue before: \"In a statement, X said\""),
    pytest.param("“It is over,” a senior official said.", "anonymous", id="unnamed official"),
    pytest.param("Officials, who spoke on condition of anonymity, said “it is over.”", "anonymous",
                 id="anonymity stated in the sentence"),
    pytest.param("“It is over,” the mayor said.", "named_person",
                 id="a role that identifies one person"),
    pytest.param("“It is over,” said Ms. Jane Doe.", "named_person", id="named person"),
    pytest.param("“It is over,” the State Department said.", "named_organization",
                 id="named organization"),
    pytest.param("The so-called “lone wolves” were never caught.", "unknown",
                 id="scare quotes: nobody speaks"),
]


@pytest.mark.parametrize("text,source_type", SOURCE_CASES)
def test_source_types(text, source_type):
    row = _quoted(extract_quotes(text)).iloc[0]
    assert row["source_type"] == source_type


def test_pronoun_resolution_skips_the_object():
    # he = the subject of the sentence before (Elgindy), not the nearest man (Blinken)
    text = ("Mr. Khaled Elgindy was skeptical that Mr. Blinken could make progress. "
            "“I don’t know how well that will go,” he said.")
    row = _quoted(extract_quotes(text)).iloc[0]
    assert speaker_is(row["speaker"], "Khaled Elgindy")
    assert row["speaker_surface"] == "he"


def test_gender_learned_from_earlier_pronouns():
    # "she" already refers to Pat Morgan, so a later "he" must not: no speaker, not a wrong one
    text = "Pat Morgan spoke first; she was brief. “We won,” he said."
    actors = pd.DataFrame({"actor": ["Pat Morgan"], "actor_type": ["person"], "start": [0],
                           "end": [10], "gender": [None]})
    assert text[0:10] == "Pat Morgan"
    row = _quoted(extract_quotes(text, actors=actors)).iloc[0]
    assert row["speaker_surface"] == "he" and row["speaker"] is None
    she = text.replace("he said", "she said")
    assert _quoted(extract_quotes(she, actors=actors))["speaker"].tolist() == ["Pat Morgan"]


def test_it_said_resolves_to_an_organization():
    text = "The State Department issued a statement on Monday. “We regret nothing,” it said."
    row = _quoted(extract_quotes(text)).iloc[0]
    assert row["speaker_surface"] == "it" and speaker_is(row["speaker"], "The State Department")
    # no organization before: no speaker rather than a wrong one
    row = _quoted(extract_quotes("The weather was bad. “We regret nothing,” it said.")).iloc[0]
    assert row["speaker"] is None


def test_odd_marks_warn_and_keep_the_rest():
    # an unclosed quote damages only its paragraph
    text = 'He said “no to everything.\n\nThen “we will win,” Mr. Smith said.'
    warns = quote_warnings(text)
    assert len(warns) == 1 and warns["mark"].iloc[0] == "“"
    assert warns["start"].iloc[0] == text.index("“")
    df = _quoted(extract_quotes(text))
    assert "we will win," in df["quote"].tolist()
    assert speaker_is(df.loc[df["quote"] == "we will win,", "speaker"].iloc[0], "Mr. Smith")


def test_unclosed_quote_is_not_continued_by_another_style():
    # a straight quote left open is not continued by a curly one in the next paragraph
    text = 'Mr. Smith spoke. "We tried.\n\n“It is over,” Ms. Jane Doe said.'
    assert quote_warnings(text)["mark"].tolist() == ['"']
    df = _quoted(extract_quotes(text))
    assert df["quote"].tolist() == ["We tried.", "It is over,"]
    assert speakers_ok(df["speaker"], ["", "Jane Doe"]) == [True, True]


def test_stray_closing_mark_warns():
    text = "The talks ended” without a deal. “We tried,” Ms. Doe said."
    warns = quote_warnings(text)
    assert warns["problem"].str.contains("no opening").any()
    assert _quoted(extract_quotes(text))["quote"].tolist() == ["We tried,"]


def test_anonymous_indirect_speech():
    text = "Mr. Netanyahu declined, American officials said, on condition of anonymity."
    df = extract_quotes(text)
    row = df[df["kind"] == "indirect"].iloc[0]
    assert row["quote"] == "Mr. Netanyahu declined"
    assert row["source_type"] == "anonymous"
    assert "officials" in row["speaker"]


def test_document_source():
    text = "A statement issued under Miller’s name called their comments “inflammatory.”"
    row = _quoted(extract_quotes(text)).iloc[0]
    assert row["source_type"] == "document"
    assert speaker_is(row["speaker"], "Miller")


def test_empty_text_gives_empty_frames():
    assert extract_quotes("").columns.tolist() == QUOTE_COLUMNS
    assert extract_quotes("   \n").empty
    assert quote_warnings("").empty


def test_article_and_string_agree():
    text = "“We will win,” Ms. Jane Doe said."
    art = Article.from_text(text, clean=False)
    pd.testing.assert_frame_equal(extract_quotes(art), extract_quotes(text))


def test_reuses_given_frames():
    from newsresearch.tokens import split_sentences

    text = "“We will win,” Ms. Jane Doe said. “It is over.”"
    sents = split_sentences(text)
    actors = pd.DataFrame({"mention_id": [0], "actor": ["Jane Q. Doe"],
                           "actor_type": ["person"], "surface": ["Ms. Jane Doe"],
                           "start": [15], "end": [27], "sentence_id": [0],
                           "gender": ["female"]})
    df = extract_quotes(text, sentences=sents, actors=actors)
    assert df["speaker"].tolist() == ["Jane Q. Doe", "Jane Q. Doe"]


def test_empty_given_frames_do_not_break_attribution():
    from newsresearch.tokens import SENTENCE_COLUMNS

    text = "Mr. Smith arrived. “We win,” he said."
    df = extract_quotes(text, sentences=pd.DataFrame(columns=SENTENCE_COLUMNS),
                        actors=pd.DataFrame(columns=["actor", "start", "end"]))
    assert df["quote"].tolist() == ["We win,"]


# --------------------------------------------------------------------------- properties

_ALPHABET = st.sampled_from(list("ab Xy.,;:\n") + ["\n\n", "“", "”", "‘", "’", '"', "'",
                                                       "``", "''", "«", "»", "„", " said ",
                                                       " he ", "Mr. Smith", "’s", "—"])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_random_quote_marks_never_raise_and_offsets_slice_back(text):
    df = extract_quotes(text)
    assert list(df.columns) == QUOTE_COLUMNS
    for r in df.itertuples(index=False):
        assert 0 <= r.start <= r.end <= len(text)
        assert text[r.start:r.end] == r.quote
        if not pd.isna(r.speaker_start):
            assert text[int(r.speaker_start):int(r.speaker_end)] == r.speaker_surface
        if not pd.isna(r.cue_start):
            assert text[int(r.cue_start):int(r.cue_end)] == r.cue
        assert r.kind in ("direct", "partial", "indirect", "label")
    w = quote_warnings(text)
    for r in w.itertuples(index=False):
        assert text[r.start:r.end] == r.mark


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["<script>", "</span>", "&amp;", "<b>", ">", "“", "”", '"',
                                 " said Ann Lee. ", "x ", "\n\n", "’"]), max_size=40).map("".join))
def test_highlight_of_any_text_escapes_and_keeps_it(text):
    import html as _html
    import re

    from newsresearch.charts import highlight

    page = highlight(text, legend=False).html
    body = page[page.index('<div class="nr-text">') + len('<div class="nr-text">'):-12]
    assert _html.unescape(re.sub(r"<[^>]+>", "", body)) == text
    assert "<script>" not in body and "<b>" not in body
    assert body.count("<span") == body.count("</span>")


# --------------------------------------------------------------------------- sample article


@pytest.mark.gold
def test_sample_article_all_quoted_passages_with_speakers(sample_article):
    gold = read_quote_annotations(ANNOTATIONS / "sample_quotes.csv", sample_article.text)
    assert len(gold["quotes"]) == 14
    pred = extract_quotes(sample_article)
    ev = score_quotes([gold], [pred], kinds=("direct", "partial", "label"))
    bad = ev.outcomes[~ev.outcomes["outcome"].isin(["tp", "found"])]
    assert (ev.tp, ev.fp, ev.found, ev.fn) == (14, 0, 14, 0), bad.to_dict("records")
    right = ev.outcomes[ev.outcomes["outcome"] == "tp"]
    assert (right["kind"] == right["gold_kind"]).all()  # and of the annotated kind
    assert len(_quoted(pred)) == 14  # and nothing else quoted is reported
    assert quote_warnings(sample_article).empty


def test_sample_article_anonymous_sourcing(sample_article):
    df = extract_quotes(sample_article)
    anon = df[df["source_type"] == "anonymous"]
    assert anon["speaker"].str.contains("American officials").any()


# --------------------------------------------------------------------------- PolNeAR bar


@pytest.fixture(scope="module")
def polnear():
    records = read_quote_records(shared_path("eval", "quotes", "polnear_dev30.jsonl"))
    preds = [extract_quotes(r["text"]) for r in records]
    return records, preds


@pytest.mark.gold
@pytest.mark.slow
def test_polnear_speaker_strict_f1(polnear):
    # headline: a quoted row without a speaker is a wrong prediction (0.896 before issue 12,
    # 0.931 after its first round, 0.941 after the second; its bar 0.93); beside it the
    # lenient number with speakerless rows set aside
    records, preds = polnear
    result = score_quotes(records, preds)
    lenient = score_quotes(records, preds, count_unattributed=False)
    print(f"\nPolNeAR dev30: {result}\n  {lenient}")
    assert result.gold == 151 and lenient.gold == 151
    assert result.f1 >= 0.93
    assert lenient.f1 >= 0.95


@pytest.mark.gold
@pytest.mark.slow
def test_polnear_speaker_must_be_a_name(polnear):
    # goal 0.80 (speakerless rows set aside); names for pronoun sources: our own reading where
    # PolNeAR's silver coreference is empty or wrong (tests/data/polnear_pronoun_antecedents.csv),
    # else the silver aliases
    records, preds = polnear
    ante = read_antecedents(TEST_DATA / "polnear_pronoun_antecedents.csv")
    result = score_quotes(records, preds, need_name=True, antecedents=ante,
                          count_unattributed=False)
    silver = score_quotes(records, preds, need_name=True, count_unattributed=False)
    headline = score_quotes(records, preds, need_name=True, antecedents=ante)
    print(f"\nPolNeAR dev30: {result}\n  silver aliases only: {silver}\n  {headline}")
    assert result.f1 >= 0.80
    assert silver.f1 >= 0.75
    # issue 12's bar, speakerless rows counted wrong: 0.877 before, 0.917, then 0.927
    assert headline.f1 >= 0.90


# --------------------------------------------------------------------------- highlight


def test_highlight_escapes_article_text():
    text = ("“<script>alert(1)</script> and <img src=x onerror=alert(2)>,” said Ann Lee. "
            "Then <b>bold</b> & more.")
    from newsresearch.charts import highlight

    page = highlight(text).html
    assert "<script>" not in page and "<img" not in page and "<b>bold" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page
    assert "&amp; more" in page


def test_highlight_one_element_per_quote_actor_and_figure(sample_article):
    import re

    from newsresearch import extract_figures, find_actors
    from newsresearch.charts import highlight

    actors = find_actors(sample_article)
    figures = extract_figures(sample_article)
    quotes = extract_quotes(sample_article, actors=actors)
    h = highlight(sample_article, quotes=quotes, actors=actors, figures=figures)
    page = h.html
    assert page.count('class="nr-quote"') == len(quotes) == h.counts["nr-quote"]
    assert page.count('class="nr-actor"') == len(actors)
    assert page.count('class="nr-figure"') == len(figures)
    ids = re.findall(r'class="nr-quote" data-quote-id="(\d+)"', page)
    assert sorted(map(int, ids)) == quotes["quote_id"].tolist()
    # elements nest properly: as many closing as opening spans
    assert page.count("<span") == page.count("</span>")
    # the text survives: stripping the tags gives back the escaped article
    import html as _html

    body = page[page.index('<div class="nr-text">') + len('<div class="nr-text">'):-12]
    assert _html.unescape(re.sub(r"<[^>]+>", "", body)) == sample_article.text
    assert h._repr_html_() == page


def test_highlight_accepts_a_hand_made_quotes_frame():
    from newsresearch.charts import highlight

    h = highlight("Ann said hi there.", quotes=pd.DataFrame({"start": [9], "end": [11]}))
    assert h.counts["nr-quote"] == 1 and ">hi</span>" in h.html


def test_highlight_overlapping_spans_nest():
    from newsresearch.charts import highlight

    text = "“Pay $5 million now,” said Ann Lee."
    quotes = extract_quotes(text)
    figures = pd.DataFrame({"start": [5, 6], "end": [14, 7], "surface": ["$5 million", "5"],
                            "kind": ["money", "count"], "value": [5e6, 5], "unit": ["USD", None]})
    actors = pd.DataFrame({"actor": ["Ann Lee", "X"], "actor_type": ["person", "person"],
                           "start": [27, 10], "end": [34, 30]})  # the second crosses the quote
    page = highlight(text, quotes=quotes, actors=actors, figures=figures).html
    assert page.count("<span") == page.count("</span>")
    assert page.count('class="nr-figure"') == 2 and page.count('class="nr-actor"') == 2


@pytest.mark.gold
@pytest.mark.slow
def test_polnear_train_articles_generalise():
    # 128 PolNeAR train articles (disjoint from the dev slice), kind derived by the README rule;
    # headline 0.886 before issue 12, 0.934 after its first round, 0.939 after the second (its
    # bar 0.93); lenient (speakerless rows set aside) 0.944 -> 0.955 -> 0.959
    corpus = shared_path("corpora")
    records = records_from_attributions(corpus / "news_dev.jsonl",
                                        corpus / "news_dev.attributions.jsonl")
    preds = [extract_quotes(r["text"]) for r in records]
    result = score_quotes(records, preds)
    lenient = score_quotes(records, preds, count_unattributed=False)
    print(f"\nPolNeAR train articles: {result}\n  {lenient}")
    assert len(records) == 128
    assert result.f1 >= 0.93
    assert lenient.f1 >= 0.95


# --------------------------------------------------------------------------- news_dev (issue 12)

#: The eight hand-annotated articles chosen before any tuning (smallest sha1 of the id) and
#: only ever scored (tests/data/README.md).
HELD_OUT = ("bbc-business-264", "bbc-business-375", "bbc-business-376", "bbc-politics-167",
            "newspaper3k-reuters.com2", "newspaper3k-telegraph.co.uk1",
            "newspaper3k-theatlanticcities.com2", "reuters21578-7088")


@pytest.fixture(scope="module")
def news_dev_40():
    from newsresearch.evaluate import records_from_annotations

    records = records_from_annotations(shared_path("corpora", "news_dev.jsonl"),
                                       TEST_DATA / "news_dev_quotes.jsonl")
    return records, [extract_quotes(r["text"]) for r in records]


@pytest.mark.gold
@pytest.mark.slow
def test_news_dev_hand_annotated_40(news_dev_40):
    # 40 non-PolNeAR articles of news_dev (BBC, newspaper pages, Reuters), our own annotation:
    # headline (speakerless rows wrong) 0.701 before issue 12, 0.915 after its first round,
    # 0.941 after the second (bar 0.93; 0.974 on the 32 tuned on, 0.792 on the 8 held out);
    # lenient 0.794 -> 0.928 -> 0.949. A predicted quote that is a gold label is wrong.
    records, preds = news_dev_40
    assert len(records) == 40
    result = score_quotes(records, preds)
    lenient = score_quotes(records, preds, count_unattributed=False)
    print(f"\nnews_dev 40: {result}\n  {lenient}")
    assert result.gold == 204
    assert result.f1 >= 0.94
    assert lenient.f1 >= 0.94


@pytest.mark.gold
@pytest.mark.slow
def test_news_dev_held_out_8_generalise(news_dev_40):
    # the eight held-out articles alone, never inspected: 0.716 before issue 12, 0.792 after
    records, preds = news_dev_40
    held = [(r, p) for r, p in zip(records, preds, strict=True) if r["id"] in HELD_OUT]
    assert len(held) == 8
    result = score_quotes([r for r, _ in held], [p for _, p in held])
    print(f"\nnews_dev held-out 8: {result}")
    assert result.f1 >= 0.77


@pytest.mark.gold
@pytest.mark.slow
def test_news_dev_share_of_quotes_without_speaker():
    # issue 12: non-label quote rows without a speaker on all of news_dev: 15.8 % (661 of
    # 4175) before, 4.2 % (174 of 4159) after its first round, 3.8 % (156 of 4160) after the
    # second; the bar is 5 %
    import json

    n = missing = 0
    with open(shared_path("corpora", "news_dev.jsonl"), encoding="utf-8") as fh:
        for line in fh:
            q = extract_quotes(json.loads(line)["text"], labels=False)
            n += len(q)
            missing += int(q["speaker"].isna().sum())
    print(f"\nnews_dev: {missing} of {n} quote rows without a speaker")
    assert n > 3500
    assert missing / n <= 0.05
