"""Tests for the gender column of find_actors: every signal the text gives, never a guess."""

from __future__ import annotations

import importlib.util
import json

import pandas as pd
import pytest
from conftest import ROOT, shared_path

from newsresearch.actors import find_actors, read_names


def genders(text, **kw) -> dict[str, str | None]:
    """actor -> gender of every person actor (one gender per actor)."""
    df = find_actors(text, **kw)
    df = df[df["actor_type"] == "person"]
    return dict(zip(df["actor"], df["gender"], strict=True))


# --------------------------------------------------------------------------- signals

SIGNALS = [
    pytest.param("Ms. Rivera spoke.", {"Rivera": "female"}, id="honorific"),
    pytest.param("Dr. Kaye, a mother of three, spoke.", {"Kaye": "female"},
                 id="kinship noun in an apposition"),
    pytest.param("Dr. Kaye spoke. His wife, Dr. Lee, agreed.", {"Kaye": "male", "Lee": "female"},
                 id="kinship noun right before the name (and Kaye's possessive)"),
    pytest.param("actress Robin Wright spoke.", {"Robin Wright": "female"},
                 id="role noun before an ambiguous given name"),
    pytest.param("Cecil Foster, a professor at the university, spoke. He said the plan would "
                 "fail.", {"Cecil Foster": "male"}, id="pronoun of the next sentence"),
    pytest.param("Chrystia Freeland said she would resign.", {"Chrystia Freeland": "female"},
                 id="pronoun right after the verb"),
    pytest.param("Taylor Green, a lawyer, spoke to reporters. “He is wrong,” she said.",
                 {"Taylor Green": "female"}, id="a quoted pronoun is someone else"),
    pytest.param("Taylor Green, a lawyer, met Pat Stone, a banker. He said no.",
                 {"Taylor Green": None, "Pat Stone": None}, id="two candidates: no link"),
    pytest.param("Taylor Green, a lawyer, spoke. Later that day the court met. In the evening "
                 "the judge left. She said no.", {"Taylor Green": None},
                 id="pronoun three sentences on: no link"),
    pytest.param("Sam Reid arrived. His wife said she was tired.", {"Sam Reid": "male"},
                 id="a gendered noun between blocks the pronoun"),
    pytest.param("Priyanka Sharma, a lawyer, spoke.", {"Priyanka Sharma": "female"},
                 id="non-Anglo given name from the name statistics"),
    pytest.param("Maurice Greene aims to win. Greene believes he can.",
                 {"Maurice Greene": "male"}, id="given name of the statistics finds the person"),
    pytest.param("Sigrid Kaag said he was wrong.", {"Sigrid Kaag": None},
                 id="a pronoun against the given name: unknown"),
    # possessive and reflexive pronouns
    pytest.param("Taylor Green, a lawyer, spoke. Her firm won the case.",
                 {"Taylor Green": "female"}, id="possessive opening the next sentence"),
    pytest.param("Taylor Green, a lawyer, thanked her staff.", {"Taylor Green": "female"},
                 id="possessive her before a noun"),
    pytest.param("Dr. Robin Green thanked his staff.", {"Robin Green": "male"},
                 id="possessive his"),
    pytest.param("Dr. Robin Green defended himself.", {"Robin Green": "male"},
                 id="reflexive"),
    pytest.param("Taylor Green, a lawyer, told her the news.", {"Taylor Green": None},
                 id="object her is someone else"),
    pytest.param("Dr. Robin Green told her she was fired.", {"Robin Green": None},
                 id="a she after an object her is someone else"),
    pytest.param("Taylor Green, his lawyer, spoke.", {"Taylor Green": None},
                 id="possessive in an apposition is someone else's"),
    pytest.param("Taylor Green, a lawyer, met the minister and his wife.",
                 {"Taylor Green": None}, id="possessive after an unnamed person"),
    pytest.param("Dr. Robin Green spoke to the court. ''He is wrong,'' the judge said.",
                 {"Robin Green": None}, id="a pronoun inside two-apostrophe quotes"),
    # a name the person gives themselves: a person, and the pronoun says the gender
    pytest.param('A resident who would say only that his name was "Perry" told me as he '
                 'looked around. "Perry" chimed in.', {"Perry": "male"},
                 id="his name was: a one-word name"),
    pytest.param("A woman who identified herself only as Maria said the water was cold.",
                 {"Maria": "female"}, id="identified herself only as"),
    pytest.param("The driver, who gave only his first name, Ali, said he was tired.",
                 {"Ali": "male"}, id="gave only his first name"),
    pytest.param("His name was Mud after the game.", {}, id="his name was: a common word"),
    # a letter for a name after an honorific
    pytest.param("Thurman’s Mrs. H, her sons in tow, spoke. It is Mrs. H’s scene.",
                 {"H": "female"}, id="Mrs. and a letter"),
    pytest.param("Ms A, who cannot be named for legal reasons, spoke. Mr B denied it.",
                 {"A": "female", "B": "male"}, id="Ms A and Mr B"),
    pytest.param("Vitamin A helps. Plan B failed.", {}, id="a letter without an honorific"),
    pytest.param("Mr. J. Smith spoke.", {"Smith": "male"}, id="an initial after an honorific"),
    # occupations before a name: evidence of a person (the given name then gives the gender)
    pytest.param("NASA climatologist Gavin Schmidt likened the threshold to a speed limit.",
                 {"Gavin Schmidt": "male"}, id="occupation before a name"),
    pytest.param("Filmmaker Jack Marino spoke.", {"Jack Marino": "male"},
                 id="capitalised occupation is no part of the name"),
    pytest.param("Credit: Artist View full size image.", {},
                 id="capitalised occupation before one word: no person"),
    pytest.param("The Producer Price Index fell.", {}, id="Producer Price Index"),
    pytest.param("Monica Rochester, the ship's owner, spoke. Captain Rochester said no.",
                 {"Monica Rochester": "female"}, id="capitalised role before a surname"),
    # two family names, the first written alone later (Spanish and Portuguese usage)
    pytest.param("Nathaly Cartas Leon, 20, had met Guadalupe Salinas Hernández online. "
                 "They went to Salinas’ home, where she said she had more to give. "
                 "Salinas beat Cartas.",
                 {"Nathaly Cartas Leon": "female", "Guadalupe Salinas Hernández": "female"},
                 id="first family name alone, ambiguous given name, pronoun"),
    # the given name: the first listed word before the surname
    pytest.param("Hazrat Omar Zakhilwal, the minister, spoke.",
                 {"Hazrat Omar Zakhilwal": "male"}, id="unlisted word before the given name"),
    pytest.param("Jean Paul Martin, a lawyer, spoke.", {"Jean Paul Martin": None},
                 id="a listed ambiguous first name decides: unknown"),
]


@pytest.mark.parametrize("text, expected", SIGNALS)
def test_gender_signals(text, expected):
    assert genders(text) == expected


def test_first_family_name_alone_is_the_full_name():
    text = ("Nathaly Cartas Leon, 20, had met Guadalupe Salinas Hernández online. They went "
            "to Salinas’ home. Salinas beat Cartas.")
    df = find_actors(text)
    people = df[df["actor_type"] == "person"]
    assert list(zip(people["surface"], people["actor"], strict=True)) == [
        ("Nathaly Cartas Leon", "Nathaly Cartas Leon"),
        ("Guadalupe Salinas Hernández", "Guadalupe Salinas Hernández"),
        ("Salinas", "Guadalupe Salinas Hernández"), ("Salinas", "Guadalupe Salinas Hernández"),
        ("Cartas", "Nathaly Cartas Leon")]


@pytest.mark.parametrize("text", [
    pytest.param("Vigo County Voter Registration Office staff said Vigo County votes early.",
                 id="followed by a name word"),
    pytest.param("The leader of Roman Catholic Christianity spoke. Catholic priests must "
                 "report abuse.", id="followed by a noun"),
])
def test_first_family_name_needs_a_name_word_written_alone(text):
    df = find_actors(text)
    assert (df["actor_type"] == "person").sum() == 0


def test_a_middle_given_name_is_no_family_name():
    df = find_actors("John Paul Jones spoke. Paul left.")
    assert df.loc[df["surface"] == "Paul", "actor"].tolist() != ["John Paul Jones"]


@pytest.mark.parametrize("text, actor", [
    pytest.param("Chris Smith, a lawyer, spoke.", "Chris Smith", id="Chris"),
    pytest.param("Kim Walsh, a director, spoke.", "Kim Walsh", id="Kim"),
    pytest.param("Jean Martin, a lawyer, spoke.", "Jean Martin", id="Jean"),
    pytest.param("Andrea Rossi, a lawyer, spoke.", "Andrea Rossi", id="Andrea"),
    pytest.param("Prime Minister Netanyahu spoke.", "Netanyahu", id="no given name, no title"),
])
def test_ambiguous_or_missing_evidence_stays_unknown(text, actor):
    assert genders(text)[actor] is None


def test_titles_outrank_the_given_name():
    # "Lindsey" is mostly a woman's name; the title says otherwise
    assert genders("Sen. Lindsey Graham spoke. Mr. Graham left.") == {"Lindsey Graham": "male"}


# --------------------------------------------------------------------------- names=


def test_user_names_override_the_shipped_lists(tmp_path):
    text = "Andrea Rossi, a lawyer, spoke. Chris Smith, a banker, agreed."
    path = tmp_path / "names.csv"
    path.write_text("# Italian names\nname,gender\nAndrea,male\nChris,unknown\n",
                    encoding="utf-8")
    assert genders(text, names=path) == {"Andrea Rossi": "male", "Chris Smith": None}
    frame = pd.DataFrame({"name": ["andréa"], "gender": ["Male"]})  # case and accents folded
    assert genders(text, names=frame)["Andrea Rossi"] == "male"
    assert genders(text)["Andrea Rossi"] is None  # the shipped lists are untouched


def test_user_names_can_unset_a_shipped_name():
    frame = pd.DataFrame({"name": ["Priyanka"], "gender": [""]})
    assert genders("Priyanka Sharma, a lawyer, spoke.", names=frame) == {"Priyanka Sharma": None}


@pytest.mark.parametrize("content, message", [
    pytest.param("first,sex\nAndrea,male\n", "missing column(s) name, gender", id="columns"),
    pytest.param("name,gender\nAndrea,m\n", "unknown gender 'm'", id="gender value"),
    pytest.param("", "cannot read as CSV", id="empty file"),
])
def test_malformed_name_file_is_one_line_naming_the_file(tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError) as err:
        find_actors("Andrea Rossi, a lawyer, spoke.", names=path)
    assert message in str(err.value) and "bad.csv" in str(err.value)
    assert "\n" not in str(err.value)


def test_missing_name_file_and_wrong_type():
    with pytest.raises(ValueError, match="file not found"):
        read_names("/no/such/names.csv")
    with pytest.raises(TypeError, match="CSV path or a DataFrame"):
        read_names(["Andrea"])


def test_shipped_name_list_documents_source_licence_and_threshold():
    text = (ROOT / "newsresearch" / "resources" / "actors_given_names.csv").read_text(
        encoding="utf-8")
    head = text.split("name,gender")[0]
    for words in ("nomquamgender", "MIT", "p(female) >= 0.9", "unknown"):
        assert words in head
    rows = dict(line.split(",") for line in text.splitlines()
                if line and not line.startswith(("#", "name,")))
    assert [rows[n] for n in ("chris", "jordan", "jean", "john", "mary", "olena")] == [
        "unknown", "unknown", "unknown", "male", "female", "female"]


# --------------------------------------------------------------------------- hand annotation


def _scoring():
    spec = importlib.util.spec_from_file_location(
        "gender_scoring", ROOT / "benchmarks" / "gender_scoring.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _news_dev_pairs():
    scoring = _scoring()
    path = shared_path("corpora", "news_dev.jsonl")
    texts = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            texts[rec["id"]] = rec["text"]
    return scoring, scoring.gender_pairs(texts, find_actors)


def test_speaker_gender_agrees_with_the_hand_annotation():
    """40 news_dev articles, 351 quotes with a named person speaker (tests/data/
    news_dev_quotes_part*.jsonl), the bars of issue 11. Measured: right 322/326 = 0.988 (the
    4 misses are speakers the annotators left unknown), unknown 25/351 = 0.071 (the
    annotation's own: 24/351), women's share 23/326 = 0.071 vs 26/327 = 0.080."""
    scoring, pairs = _news_dev_pairs()
    s = scoring.score(pairs)
    print(s)
    assert s["quotes"] == 351
    assert s["share_right"] >= 0.95
    assert s["share_unknown"] <= 0.10
    assert abs(s["ours_women_share"] - s["ann_women_share"]) <= 0.03


def test_speaker_gender_on_the_held_out_articles():
    """The 8 articles never inspected while tuning (72 quotes). Measured: right 54/56 = 0.964,
    unknown 16/72 = 0.222 — as many as the annotators left unknown there (16/72) —, women's
    share 4/56 = 0.071 vs 5/56 = 0.089; the same before this issue's part 3 tuning."""
    scoring, pairs = _news_dev_pairs()
    s = scoring.score([p for p in pairs if p[0] in scoring.HELD_OUT])
    print(s)
    assert s["quotes"] == 72
    assert s["share_right"] >= 0.95
    assert abs(s["ours_women_share"] - s["ann_women_share"]) <= 0.03


def test_scoring_counts_by_hand():
    scoring = _scoring()
    pairs = [("a", "X", "female", "female"), ("a", "Y", "male", None),
             ("a", "Z", "unknown", "male"), ("b", "W", "male", "male")]
    s = scoring.score(pairs)
    assert (s["given"], s["right"], s["unknown"]) == (3, 2, 1)
    assert s["ours_women_share"] == pytest.approx(1 / 3)
    assert s["ann_women_share"] == pytest.approx(1 / 3)


def test_pipeline_pairs_by_hand():
    scoring = _scoring()
    annotation = {"a": [
        {"start": 0, "end": 5, "speaker_gender": "female"},   # extracted, speaker Jo Li
        {"start": 10, "end": 15, "speaker_gender": "male"},   # extracted, no speaker
        {"start": 20, "end": 25, "speaker_gender": "male"},   # extracted, speaker of no gender
        {"start": 30, "end": 35, "speaker_gender": "male"},   # not extracted
    ]}
    mentions = pd.DataFrame({"actor": ["Jo Li", "Al Bo"], "gender": ["female", None]})
    quotes = pd.DataFrame({"start": [1, 11, 21], "end": [4, 14, 24],
                           "speaker": ["Jo Li", None, "Al Bo"]})
    rows = scoring.pipeline_pairs({"a": "x" * 40}, lambda t: mentions, lambda t: quotes,
                                  annotation)
    assert [r[2] for r in rows] == ["female", "no speaker", "unknown", "no quote"]
