"""Sentences, tokens, vocabulary, concordance, collocations, quality flags."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsresearch as nr
from newsresearch.paths import ANNOTATIONS
from newsresearch.tokens import QUALITY_COLUMNS, SENTENCE_COLUMNS, TOKEN_COLUMNS


def _gold_sentences() -> list[list[str]]:
    """Paragraphs of sentences from our hand annotation (data/annotations/sample_sentences.txt)."""
    paras, cur = [], []
    for line in (ANNOTATIONS / "sample_sentences.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if not line.strip():
            if cur:
                paras.append(cur)
            cur = []
        else:
            cur.append(line)
    if cur:
        paras.append(cur)
    return paras


# ------------------------------------------------------------------ sentences


@pytest.mark.gold
def test_sample_sentences_match_hand_annotation(sample_text):
    gold = _gold_sentences()
    df = nr.split_sentences(sample_text)
    got = [g["text"].tolist() for _, g in df.groupby("paragraph_id")]
    assert sum(len(p) for p in gold) == 52
    assert got == gold


def test_sentence_offsets_slice_back(sample_text):
    df = nr.split_sentences(sample_text)
    assert list(df.columns) == SENTENCE_COLUMNS
    assert all(sample_text[r.start:r.end] == r.text for r in df.itertuples())
    assert df["sentence_id"].tolist() == list(range(len(df)))


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Mr. Blinken met Mr. Netanyahu in Jerusalem.", id="Mr. with period"),
        pytest.param("The U.S. government approved the sale.", id="U.S. mid-sentence"),
        pytest.param("Congress was bypassed on Dec. 8 by the department.",
                     id="Dec. before a number"),
        pytest.param("The war began on Oct. 7 last year.", id="Oct. before a number"),
        pytest.param("Secretary of State Antony J. Blinken returns.", id="middle initial"),
        pytest.param("He spoke at 10 a.m. on Tuesday in Washington.", id="a.m. before lower case"),
        pytest.param("They met in Washington, D.C. on Friday.", id="D.C. abbreviation"),
        pytest.param("The U.N. Security Council voted.", id="U.N. before a capital"),
        pytest.param("Gov. Newsom and Sen. Padilla spoke.", id="titles"),
        pytest.param("Dr. Smith told reporters it was fine.", id="Dr."),
    ],
)
def test_no_split_after_abbreviation(text):
    assert len(nr.split_sentences(text)) == 1


@pytest.mark.parametrize(
    "text,expected",
    [
        pytest.param("He left. She stayed.", ["He left.", "She stayed."], id="plain split"),
        pytest.param("“Nothing will stop us.” He left.", ["“Nothing will stop us.”", "He left."],
                     id="quote"),
        pytest.param("It was destroyed. attacked. Then it ended.",
                     ["It was destroyed. attacked.", "Then it ended."],
                     id="full stop before a lower-case word"),
        pytest.param("Is it over? No. It is not!", ["Is it over?", "No.", "It is not!"],
                     id="? and !"),
        pytest.param("One para.\n\nTwo para.", ["One para.", "Two para."], id="paragraphs"),
    ],
)
def test_sentence_splits(text, expected):
    assert nr.split_sentences(text)["text"].tolist() == expected


def test_paragraph_ids():
    df = nr.split_sentences("A one. A two.\n\nB one.\n \n\nC one.")
    assert df["paragraph_id"].tolist() == [0, 0, 1, 2]


def test_empty_text_gives_empty_frames_with_columns():
    assert list(nr.split_sentences("").columns) == SENTENCE_COLUMNS
    assert len(nr.split_sentences("   \n\n ")) == 0
    assert list(nr.tokenize("").columns) == TOKEN_COLUMNS
    assert list(nr.text_quality("").columns) == QUALITY_COLUMNS
    assert nr.lexical_stats("")["tokens"].iat[0] == 0
    # empty frames keep integer offsets, so tables of many articles concatenate cleanly
    for df in (nr.split_sentences(""), nr.tokenize(""), nr.text_quality(""), nr.find_actors("")):
        assert df["start"].dtype == "int64" and df["end"].dtype == "int64"


def test_accepts_article_and_offsets_index_article_text(sample_article):
    df = nr.split_sentences(sample_article)
    assert df["text"].iat[0] == sample_article.text[df["start"].iat[0]:df["end"].iat[0]]


def test_rejects_other_types():
    with pytest.raises(TypeError):
        nr.split_sentences(["not", "text"])


# ------------------------------------------------------------------ tokens


def test_tokens_possessive_and_contraction():
    df = nr.tokenize("Israel’s war didn’t stop.")
    assert df["token"].tolist() == ["Israel", "’s", "war", "did", "n’t", "stop", "."]
    assert df["lower"].tolist()[1] == "'s"


def test_tokens_stopwords_and_words():
    df = nr.tokenize("The army fired 2,000 shells.")
    assert df.set_index("token")["is_stopword"].to_dict() == {
        "The": True, "army": False, "fired": False, "2,000": False, "shells": False, ".": False}
    assert df.set_index("token")["is_word"].to_dict()["2,000"] is False


def test_tokens_own_stopword_list():
    df = nr.tokenize("the army fired", stopwords=["army"])
    assert df["is_stopword"].tolist() == [False, True, False]


def test_tokens_pos_from_pattern_tagger():
    df = nr.tokenize("Mr. Blinken flew to Israel.", pos=True)
    tags = dict(zip(df["token"], df["pos"], strict=True))
    assert tags["Blinken"] == "NNP" and tags["flew"] == "VBD" and tags["to"] == "TO"


def _nltk_spans(sentence: str) -> list[tuple[int, int]]:
    from nltk.tokenize.destructive import NLTKWordTokenizer

    probe = sentence.translate(str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"}))
    return list(NLTKWordTokenizer().span_tokenize(probe))


@pytest.mark.gold
def test_token_spans_equal_nltk_span_tokenize_on_real_news(sample_text):
    # our tokenizer applies NLTK's rules without its per-call timeout guard: same spans
    from conftest import read_jsonl, shared_path

    from newsresearch.tokens import sentence_index
    from newsresearch.tokens.treebank import _tokens_in

    texts = [sample_text] + [r["text"] for r in read_jsonl(
        shared_path("corpora", "news_dev.jsonl"))]
    checked = 0
    for text in texts:
        idx = sentence_index(text)
        for s, e in zip(idx.starts, idx.ends, strict=True):
            assert _tokens_in(text[s:e]) == _nltk_spans(text[s:e]), text[s:e][:80]
            checked += 1
    assert checked > 13_000


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab1 .,:;'\"“”‘’`()[]-—?!$%&*@#\n")) , max_size=60))
def test_token_spans_equal_nltk_on_punctuation_soup(sentence):
    from newsresearch.tokens.treebank import _tokens_in

    try:
        expected = _nltk_spans(sentence)
    except Exception:  # NLTK itself cannot align: we fall back to a plain regex
        return
    if all(0 <= s < e <= len(sentence) for s, e in expected):
        assert _tokens_in(sentence) == expected


def test_sample_tokens_slice_back(sample_text):
    df = nr.tokenize(sample_text)
    assert all(sample_text[r.start:r.end] == r.token for r in df.itertuples())
    assert df["sentence_id"].max() == 51


# ------------------------------------------------------------------ properties

messy = st.lists(
    st.sampled_from(list("ab .,!?'\"“”‘’\n\t-—–:;()$%0123456789") + [
        "\u00a0", "é", "\u200b", "\r", "…", "`", "``", "''", "😀", "\x00", "Mr.", "U.S.",
        "Dec.", "\n\n", " the ", "The The", "said", "bombsthe"]),
    max_size=80,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(max_size=200), messy))
def test_any_unicode_never_raises_and_offsets_slice_back(text):
    sents = nr.split_sentences(text)
    for r in sents.itertuples():
        assert 0 <= r.start < r.end <= len(text)
        assert text[r.start:r.end] == r.text
    toks = nr.tokenize(text)
    for r in toks.itertuples():
        assert 0 <= r.start < r.end <= len(text)
        assert text[r.start:r.end] == r.token
    for r in nr.text_quality(text).itertuples():
        assert text[r.start:r.end] == r.surface


# ------------------------------------------------------------------ vocabulary


def test_word_frequencies_with_and_without_stopwords(sample_text):
    all_words = nr.word_frequencies(sample_text)
    content = nr.word_frequencies(sample_text, exclude_stopwords=True)
    assert all_words["word"].iat[0] == "the"
    # counted independently: "Israel" as a word, not inside "Israel-Gaza"
    n_israel = len(re.findall(r"(?<!-)\bIsrael\b(?!-)", sample_text))
    assert content["word"].head(2).tolist() == ["israel", "blinken"]
    assert content.set_index("word")["count"]["israel"] == n_israel
    assert "mr." not in set(content["word"])  # honorifics are stopwords
    assert abs(content["share"].sum() - 1.0) < 1e-9


def test_concordance_finds_every_hamas(sample_text):
    kwic = nr.concordance(sample_text, "Hamas", width=20)
    assert len(kwic) == sample_text.count("Hamas")
    assert (kwic["match"] == "Hamas").all()
    assert all(sample_text[r.start:r.end] == r.match for r in kwic.itertuples())


def test_concordance_phrase():
    kwic = nr.concordance("The Middle East. A middle east trip.", "Middle East")
    assert kwic["match"].tolist() == ["Middle East", "middle east"]


def test_collocations_find_middle_east(sample_text):
    coll = nr.collocations(sample_text)
    assert "middle east" in coll["ngram"].head(5).tolist()
    assert (coll["count"] >= 2).all()


def test_collocations_bad_measure():
    with pytest.raises(ValueError, match="unknown association measure"):
        nr.collocations("a b c", measure="nonsense")


def test_lexical_stats(sample_text):
    row = nr.lexical_stats(sample_text).iloc[0]
    assert row["sentences"] == 52 and row["paragraphs"] == 30
    assert 0 < row["type_token_ratio"] < 1
    assert row["mean_sentence_length"] == pytest.approx(row["words"] / 52)


# ------------------------------------------------------------------ quality


def test_quality_flags_the_known_damage(sample_text):
    q = nr.text_quality(sample_text)
    found = {(r.kind, r.surface) for r in q.itertuples()}
    assert ("doubled_word", "The The") in found
    assert ("repeated_fragment", "statement. statement") in found
    assert ("run_together", "bombsthe") in found
    assert any(k == "fragment" and s.startswith("destroyed. attacked") for k, s in found)
    assert all(sample_text[r.start:r.end] == r.surface for r in q.itertuples())


def test_quality_flags_boilerplate_in_raw(sample_article):
    q = nr.text_quality(sample_article.raw)
    assert set(q[q["kind"] == "boilerplate"]["surface"]) == {
        "The news is by your side.", "0", "Leave A Reply",
        "Your email address will not be published."}


@pytest.mark.parametrize(
    "text,kind",
    [
        pytest.param("He said that that was fine.", None, id="legitimate \"that that\""),
        pytest.param("At 10 a.m. the talks began.", None, id="abbreviation, not a fragment"),
        pytest.param("It’s â€œbrokenâ€ text.", "mojibake", id="UTF-8 read as cp1252"),
        pytest.param("They sent tanksand rifles.", "run_together", id="word + \"and\""),
    ],
)
def test_quality_cases(text, kind):
    kinds = set(nr.text_quality(text)["kind"])
    assert kinds == ({kind} if kind else set())


def test_use_nltk_data_makes_standard_calls_work():
    import nltk

    nr.use_nltk_data()
    assert nltk.sent_tokenize("Mr. Blinken met U.S. officials. They talked.") == [
        "Mr. Blinken met U.S. officials.", "They talked."]
    from nltk.corpus import stopwords

    assert "the" in stopwords.words("english")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aAbB ½²3_.!?\"”’'\n")), max_size=80))
def test_quality_scan_anchored_on_full_stops_finds_what_the_regex_finds(text):
    # the flags are found by trying each pattern only at the starts before a full stop;
    # the plain finditer of the same pattern is the oracle
    from newsresearch.tokens import quality as T

    for rx, starts in ((T._REPEATED_FRAGMENT, T._word_run_starts),
                       (T._LOWER_AFTER_STOP, T._letter_run_start)):
        assert [m.span() for m in T._anchored(rx, text, starts)] == \
            [m.span() for m in rx.finditer(text)]
