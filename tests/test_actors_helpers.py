"""Tests for the actors package's helpers: strip_title, title_gender, guess_type, records."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsresearch.actors import (
    MENTION_COLUMNS,
    actor_rows,
    actor_table,
    find_actors,
    guess_type,
    mention_frame,
    mention_records,
    strip_title,
    title_gender,
)
from newsresearch.tokens import sentence_index

# --------------------------------------------------------------------------- strip_title


@pytest.mark.parametrize("phrase, expected", [
    pytest.param("Mr. Blinken", "Blinken", id="honorific with period"),
    pytest.param("Mr Blinken", "Blinken", id="honorific without period"),
    pytest.param("Mr. Blinken’s", "Blinken", id="curly possessive"),
    pytest.param("Netanyahu's", "Netanyahu", id="straight possessive, no title"),
    pytest.param("the Rev. Al Sharpton", "Al Sharpton", id="article + abbreviated title"),
    pytest.param("Prime Minister Justin Trudeau", "Justin Trudeau", id="two-word role"),
    pytest.param("spokeswoman Jane Doe", "Jane Doe", id="lower-case role before a name"),
    pytest.param("Deputy Prime Minister Dr. Ann Lee", "Ann Lee", id="two titles"),
    pytest.param("Maj. Tom Hill", "Tom Hill", id="abbreviation quotes used"),
    pytest.param("spokeswoman for the ministry", "spokeswoman for the ministry",
                 id="role before no name stays"),
    pytest.param("Mr.", "Mr.", id="a title alone stays"),
    pytest.param("Jane Doe", "Jane Doe", id="no title"),
    pytest.param("  Dr. Ruth Smith  ", "Ruth Smith", id="blanks around"),
])
def test_strip_title(phrase, expected):
    assert strip_title(phrase) == expected


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN .’'", max_size=40))
@settings(max_examples=200, deadline=None)
def test_strip_title_returns_a_part_of_the_phrase(phrase):
    out = strip_title(phrase)
    assert out in phrase  # only removes, never rewrites
    assert out == out.strip()


# --------------------------------------------------------------------------- title_gender


@pytest.mark.parametrize("title, expected", [
    pytest.param("Mrs.", "female", id="honorific with period"),
    pytest.param("Ms", "female", id="Ms"),
    pytest.param("Lady", "female", id="Lady"),
    pytest.param("MR", "male", id="upper case"),
    pytest.param("spokeswoman", "female", id="role noun"),
    pytest.param("White House spokesman", "male", id="last word decides"),
    pytest.param("former chairwoman", "female", id="qualifier before"),
    pytest.param("his mother", "female", id="kinship noun after a pronoun"),
    pytest.param("her husband", "male", id="the noun, not the possessive"),
    pytest.param("actress", "female", id="actress"),
    pytest.param("businessman", "male", id="word only quotes listed"),
    pytest.param("she", "female", id="pronoun"),
    pytest.param("President", None, id="ungendered title"),
    pytest.param("Dr.", None, id="ungendered honorific"),
    pytest.param("Secretary of State", None, id="ungendered multiword role"),
    pytest.param("", None, id="empty"),
])
def test_title_gender(title, expected):
    assert title_gender(title) == expected


# --------------------------------------------------------------------------- guess_type


@pytest.mark.parametrize("surface, expected", [
    pytest.param("the Foreign Ministry", "organization", id="institution word"),
    pytest.param("the White House", "organization", id="House (quotes' list)"),
    pytest.param("Senate Republicans", "organization", id="Senate"),
    pytest.param("Dr. Ruth Smith", "person", id="title"),
    pytest.param("Jane Doe", "person", id="capitalised name"),
    pytest.param("Israel", "place", id="gazetteer place"),
    pytest.param("Hamas", "organization", id="gazetteer organization"),
    pytest.param("Palestinian officials", "group", id="group phrase"),
    pytest.param("officials", "group", id="group noun"),
    pytest.param("residents", "group", id="lower-case phrase"),
])
def test_guess_type(surface, expected):
    assert guess_type(surface) == expected


def test_guess_type_uses_user_aliases():
    aliases = pd.DataFrame({"alias": ["Acme"], "actor": ["Acme"], "actor_type": ["organization"]})
    assert guess_type("Acme") == "person"  # a capitalised word, without the alias
    assert guess_type("Acme", aliases=aliases) == "organization"


# --------------------------------------------------------------------------- records


TEXTS = [
    pytest.param("Secretary of State Antony J. Blinken met Mr Netanyahu. Mr. Blinken left "
                 "Israel. Israeli officials said the Foreign Ministry agreed.", id="mixed"),
    pytest.param("Nothing here.", id="no mentions"),
    pytest.param("", id="empty"),
]


@pytest.mark.parametrize("text", TEXTS)
def test_mention_records_build_the_find_actors_frame(text):
    rec = mention_records(text, sentence_index(text))
    assert list(rec) == MENTION_COLUMNS
    assert len({len(v) for v in rec.values()}) == 1
    assert [text[s:e] for s, e in zip(rec["start"], rec["end"], strict=True)] == rec["surface"]
    if text.strip():
        pd.testing.assert_frame_equal(mention_frame(rec), find_actors(text))


def test_actor_table_counts_and_order():
    t = "Mr. Blinken met Mrs. Clinton. Antony Blinken left. Blinken said Clinton agreed."
    table = actor_table(find_actors(t))
    assert table[["actor", "mentions", "first_start", "gender"]].values.tolist() == [
        ["Antony Blinken", 3, 4, "male"], ["Clinton", 2, 21, "female"]]
    assert table["surfaces"].tolist() == ["Blinken; Antony Blinken", "Clinton"]


def test_actor_rows_ignore_missing_gender_and_keep_first_given():
    rows = actor_rows({"actor": ["A", "A", "A"], "actor_type": ["person"] * 3,
                       "surface": ["A", "A", "A"], "start": [9, 3, 20],
                       "gender": [float("nan"), "female", "male"]})
    assert rows == [("A", "person", 3, 3, "A", "female")]


def test_actor_table_of_no_mentions_has_the_columns():
    table = actor_table(find_actors("nothing to see"))
    assert table.empty
    assert list(table.columns) == ["actor", "actor_type", "mentions", "first_start",
                                   "surfaces", "gender"]
