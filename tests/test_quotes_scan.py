"""Tests for the quotes package's inside: the record path, shared indexes, ordered pronoun
resolution and the word lists."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsresearch.mentions import MentionIndex
from newsresearch.quotes import QUOTE_COLUMNS, extract_quotes, quote_records
from newsresearch.quotes.lexicon import lexicon
from newsresearch.resources import table, word_list
from newsresearch.tokens import sentence_index, split_sentences


def test_records_are_column_lists_of_the_frame_columns():
    text = "Ann Lee arrived. “No,” she said. “Never.”"
    cols = quote_records(text, sentence_index(text), MentionIndex([(0, 7, "Ann Lee", "person")]))
    assert list(cols) == QUOTE_COLUMNS[1:]
    assert cols["quote"] == ["No,", "Never."]
    assert cols["speaker"] == ["Ann Lee", "Ann Lee"]  # "she" resolved, then carried over
    assert cols["speaker_surface"] == ["she", "she"]
    assert cols["sentence_id"] == [1, 2]
    assert cols["speaker_start"] == [23, 23] and text[23:26] == "she"


@pytest.mark.parametrize("given_as", [
    pytest.param("index", id="SentenceIndex"),
    pytest.param("frame", id="split_sentences frame"),
])
def test_sentences_given_as_index_or_frame(given_as):
    text = "Mr. John Smith spoke.\n\n“We will win,” he said."
    index = sentence_index(text)
    sentences = index if given_as == "index" else split_sentences(text)
    df = extract_quotes(text, sentences=sentences)
    assert df["quote"].tolist() == ["We will win,"]
    assert df["speaker"].tolist() == ["John Smith"]
    assert df["sentence_id"].tolist() == [1] and df["paragraph_id"].tolist() == [1]


def test_index_of_another_text_is_refused():
    with pytest.raises(ValueError, match="sentence_index"):
        extract_quotes("“Yes,” he said.", sentences=sentence_index("Another, longer text."))


def test_a_later_pronoun_never_changes_an_earlier_one():
    # "he" comes first and takes Pat Morgan (gender unknown), teaching "male" to what follows;
    # the later "she" may then not take Pat Morgan — and must not have taught "he" otherwise
    text = "Pat Morgan arrived. “We won,” he said.\n\nThe crowd left. “We lost,” she said."
    actors = pd.DataFrame({"actor": ["Pat Morgan"], "actor_type": ["person"], "start": [0],
                           "end": [10], "gender": [None]})
    df = extract_quotes(text, actors=actors)
    assert df["speaker_surface"].tolist() == ["he", "she"]
    assert df["speaker"].tolist() == ["Pat Morgan", None]


def test_the_mention_index_is_the_one_given():
    # a speaker phrase becomes the canonical actor of the mention that heads it
    text = "“Fine,” said State Department spokesman Matthew Miller."
    s = text.index("Matthew")
    cols = quote_records(text, sentence_index(text),
                         MentionIndex([(s, s + 14, "Matthew A. Miller", "person", "male")]))
    assert cols["speaker"] == ["Matthew A. Miller"]
    assert cols["source_type"] == ["named_person"]


_ALPHABET = st.sampled_from(list("ab Xy.,;:\n") + ["\n\n", "“", "”", '"', " said ", " he ",
                                                       " she ", " they ", "Mr. Smith", "Ann Lee",
                                                       " told reporters that ", " says ",
                                                       " officials said", " according to "])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ALPHABET, max_size=50).map("".join))
def test_quoted_rows_do_not_depend_on_the_indirect_option(text):
    full = extract_quotes(text)
    quoted = extract_quotes(text, indirect=False)
    assert "indirect" not in set(quoted["kind"])
    expected = full[full["kind"] != "indirect"].drop(columns="quote_id").reset_index(drop=True)
    pd.testing.assert_frame_equal(quoted.drop(columns="quote_id"), expected)


def test_indirect_verbs_are_speech_verbs():
    forms = {r["form"] for r in table("quote_indirect_verbs.tsv")}
    assert forms and forms <= word_list("speech_verbs.txt")


def test_months_and_weekdays_come_from_the_shared_list_but_may_is_a_name():
    lex = lexicon()
    assert {"January", "Sept", "Monday"} <= lex.not_names
    assert "May" not in lex.not_names  # Theresa May
