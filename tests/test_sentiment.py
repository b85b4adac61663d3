"""Tests for newsresearch.sentiment: phenomena, bad input, properties and gold sets."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
from conftest import read_jsonl, shared_path
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsresearch import sentiment as S
from newsresearch.evaluate import polarity_agreement, sentiment_agreement, summarize
from newsresearch.paths import ANNOTATIONS, RESOURCES
from newsresearch.tokens import split_sentences


def span(text: str, target: str, occurrence: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(occurrence + 1):
        i = text.index(target, i + 1)
    return i, i + len(target)


def mentions_frame(text: str, surfaces: list[tuple[str, str]]) -> pd.DataFrame:
    """A find_actors-like frame for tiny texts: (actor, surface) in text order."""
    sents = split_sentences(text)
    rows, pos = [], 0
    for k, (actor, surface) in enumerate(surfaces):
        s = text.index(surface, pos)
        pos = s + len(surface)
        sid = int(sents[(sents.start <= s) & (sents.end >= pos)].sentence_id.iat[0])
        rows.append((k, actor, "person", surface, s, pos, sid))
    return pd.DataFrame(rows, columns=S.ACTOR_COLUMNS)


# --------------------------------------------------------------------------- phenomena

POLARITY_CASES = [
    pytest.param("Prosecutors accused Smith of fraud and corruption.", "Smith", -1,
                 id="plain accusation"),
    pytest.param("Colleagues praised Garcia for her courage and generosity.", "Garcia", 1,
                 id="praise"),
    pytest.param("Mr. Blinken flew to Jordan on Monday for talks.", "Blinken", 0,
                 id="neutral travel report"),
    pytest.param("Human rights groups condemned the brutal crackdown ordered by Assad.", "Assad", -1,
                 marks=pytest.mark.xfail(strict=True, reason="known miss of the NB-weighted model: "
                                         "neutral 0.52 vs negative 0.46 (the previous model "
                                         "said negative)"), id="condemned by others"),
    pytest.param("Hope Hicks arrived in Washington on Tuesday.", "Hope Hicks", 0,
                 id="target's own words excluded (\"Hope\" is a positive word in both lexicons)"),
    pytest.param("Bad Bunny arrived in Washington on Tuesday.", "Bad Bunny", 0,
                 id="target's own words excluded (\"Bad\" is a negative word)"),
]


@pytest.mark.parametrize("text,target,expected", POLARITY_CASES)
def test_polarity_phenomena(text, target, expected):
    assert S.target_polarity(text, *span(text, target)) == expected


def test_negated_negative_is_less_negative():
    # negated negative
    plain = "Investigators said Smith was corrupt and dishonest."
    negated = "Investigators said Smith was not corrupt and not dishonest."
    assert S.target_score(negated, *span(negated, "Smith")) > \
        S.target_score(plain, *span(plain, "Smith"))


def test_target_is_the_victim():
    # target is the victim: the attacker is portrayed worse than the victim
    text = "The militia brutally attacked the villagers, killing dozens of them."
    assert S.target_score(text, *span(text, "militia")) < \
        S.target_score(text, *span(text, "villagers"))


def test_speaker_damping():
    # speaker damping: saying something negative is not being portrayed negatively
    said = "“The situation is terrible and the violence is horrific,” Jones said."
    about = "The situation of Jones is terrible and his violence is horrific."
    assert S.target_score(said, *span(said, "Jones")) > \
        S.target_score(about, *span(about, "Jones"))
    assert S.target_polarity(said, *span(said, "Jones")) != -1


def test_two_targets_one_sentence_differ():
    # the sentence-level mood is the same; the target-aware scores are not
    text = "Critics praised Garcia but accused Smith of lying to voters."
    g = S.target_score(text, *span(text, "Garcia"))
    s = S.target_score(text, *span(text, "Smith"))
    assert g > s


def test_span_in_a_longer_text_uses_its_sentence():
    # the other sentence must not leak into the target's score
    one = "Prosecutors accused Smith of fraud."
    text = "Garcia was praised as a hero. " + one
    assert S.target_score(text, *span(text, "Smith")) == pytest.approx(
        S.target_score(one, *span(one, "Smith")))


def test_score_and_proba_agree():
    text = "Prosecutors accused Smith of fraud and corruption."
    p = S.target_proba(text, *span(text, "Smith"))
    assert sum(p.values()) == pytest.approx(1.0)
    assert S.target_score(text, *span(text, "Smith")) == pytest.approx(p[1] - p[-1])


def test_article_input(sample_article):
    s, e = span(sample_article.text, "Bezalel Smotrich")
    assert S.target_polarity(sample_article, s, e) == S.target_polarity(sample_article.text, s, e)


def test_lexicon_words_negation():
    # negated positive
    df = S.lexicon_words("The plan is not good. Attacks killed civilians.")
    good = df[df.word == "good"].iloc[0]
    assert good.negated and good.vader < 0
    killed = df[df.word == "killed"].iloc[0]
    assert not killed.negated and killed.vader < 0
    assert list(df.columns) == S.LEXICON_COLUMNS


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize("start,end", [(5, 100), (-1, 3), (4, 4), (6, 2), (30, 31)])
def test_span_out_of_range(start, end):
    text = "Smith met Jones today."
    with pytest.raises(ValueError) as exc:
        S.target_polarity(text, start, end)
    assert f"{start}:{end}" in str(exc.value) and f"length {len(text)}" in str(exc.value)
    with pytest.raises(ValueError):
        S.target_score(text, start, end)


def test_span_wrong_type():
    with pytest.raises(TypeError, match="int"):
        S.target_polarity("Smith met Jones.", 0.0, 5)


def test_empty_text_span():
    # empty text
    with pytest.raises(ValueError, match="length 0"):
        S.target_polarity("", 0, 0)


def test_empty_text_frames():
    # empty text
    empty = pd.DataFrame(columns=S.ACTOR_COLUMNS)
    m = S.sentiment_by_mention("", actors=empty)
    assert m.empty and list(m.columns) == S.MENTION_SENTIMENT_COLUMNS
    a = S.sentiment_by_actor("", actors=empty)
    assert a.empty and list(a.columns) == S.ACTOR_SENTIMENT_COLUMNS
    assert list(S.lexicon_words("").columns) == S.LEXICON_COLUMNS


def test_empty_text_with_find_actors():
    pytest.importorskip("newsresearch.actors")
    assert list(S.sentiment_by_actor("").columns) == S.ACTOR_SENTIMENT_COLUMNS
    assert S.sentiment_by_mention("").empty


def test_bad_options():
    actors = mentions_frame("Smith lied.", [("Smith", "Smith")])
    with pytest.raises(ValueError, match="method"):
        S.sentiment_by_actor("Smith lied.", actors=actors, method="afinn")
    with pytest.raises(ValueError, match="n_boot"):
        S.sentiment_by_actor("Smith lied.", actors=actors, n_boot=0)


# --------------------------------------------------------------------------- per mention / actor

TINY = ("Prosecutors accused Smith of fraud. Smith denied it. "
        "Colleagues praised Garcia for her courage. “We will win,” Garcia said.")
TINY_ACTORS = [("Smith", "Smith"), ("Smith", "Smith"), ("Garcia", "Garcia"),
               ("Garcia", "Garcia")]


def test_by_mention_columns_and_offsets():
    actors = mentions_frame(TINY, TINY_ACTORS)
    m = S.sentiment_by_mention(TINY, actors=actors)
    assert list(m.columns) == S.MENTION_SENTIMENT_COLUMNS
    assert len(m) == 4
    assert all(TINY[r.start:r.end] == r.surface for r in m.itertuples())
    assert m.target.between(-1, 1).all() and m.polarity.isin([-1, 0, 1]).all()
    assert m.speaker.tolist() == [False, False, False, True]
    assert "fraud" in m.drivers.iat[0]
    # the mention score is the target score of that span
    r = m.iloc[0]
    assert r.target == pytest.approx(S.target_score(TINY, int(r.start), int(r.end)))


def test_by_actor_bootstrap():
    actors = mentions_frame(TINY, TINY_ACTORS)
    a = S.sentiment_by_actor(TINY, actors=actors)
    assert list(a.columns) == S.ACTOR_SENTIMENT_COLUMNS
    assert a.mentions.tolist() == [2, 2]
    assert (a.ci_low <= a["mean"] + 1e-12).all() and (a["mean"] <= a.ci_high + 1e-12).all()
    shares = a[["share_negative", "share_neutral", "share_positive"]].sum(axis=1)
    assert np.allclose(shares, 1.0)
    smith = a.set_index("actor").loc["Smith"]
    garcia = a.set_index("actor").loc["Garcia"]
    assert smith["mean"] < garcia["mean"]
    # seeded: same table twice, another seed may differ only in the interval
    pd.testing.assert_frame_equal(a, S.sentiment_by_actor(TINY, actors=actors))
    v = S.sentiment_by_actor(TINY, actors=actors, method="vader")
    assert (v["mean"] == v["vader_mean"]).all() and (v.method == "vader").all()


def test_single_mention_has_no_interval():
    actors = mentions_frame("Smith lied.", [("Smith", "Smith")])
    a = S.sentiment_by_actor("Smith lied.", actors=actors)
    assert a.mentions.iat[0] == 1 and np.isnan(a.ci_low.iat[0]) and np.isnan(a.ci_high.iat[0])


def test_reuses_mentions_frame():
    actors = mentions_frame(TINY, TINY_ACTORS)
    m = S.sentiment_by_mention(TINY, actors=actors)
    pd.testing.assert_frame_equal(S.sentiment_by_actor(TINY, mentions=m),
                                  S.sentiment_by_actor(TINY, actors=actors))


# --------------------------------------------------------------------------- properties


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(min_size=1, max_size=200), data=st.data())
def test_any_span_scores_in_range(text, data):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    pol = S.target_polarity(text, start, end)
    score = S.target_score(text, start, end)
    assert pol in (-1, 0, 1) and -1.0 <= score <= 1.0


@settings(max_examples=40, deadline=None)
@given(text=st.text(max_size=200))
def test_lexicon_words_offsets_slice_back(text):
    df = S.lexicon_words(text)
    assert all(text[r.start:r.end] == r.word for r in df.itertuples())


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(alphabet=st.sampled_from(list("Mr. Smith and Jones said “bad” good, not "
                                                   "Israel\n’'")), max_size=160))
def test_by_mention_any_text_offsets_slice_back(text):
    pytest.importorskip("newsresearch.actors")
    m = S.sentiment_by_mention(text)
    assert all(text[r.start:r.end] == r.surface for r in m.itertuples())
    a = S.sentiment_by_actor(text, mentions=m)
    assert list(a.columns) == S.ACTOR_SENTIMENT_COLUMNS and a.mentions.sum() == len(m)


# --------------------------------------------------------------------------- the model file


def test_model_file_is_small_json_and_loads():
    path = RESOURCES / S.MODEL_FILE
    assert path.suffix == ".gz" and path.stat().st_size < 2_000_000
    model = S.model._model()
    assert model.dense_coef.shape == (len(S.DENSE_NAMES), 3)
    assert len(model.terms) > 1000


@pytest.mark.slow
def test_works_without_sklearn():
    # scikit-learn is only for re-training (extra `train`): block it and score a target.
    # (NLTK's package import pulls sklearn in when it is installed, so we block it
    # rather than look for it in sys.modules.)
    code = ("import sys; sys.modules['sklearn'] = None; "
            "import newsresearch.sentiment as s; print(s.target_polarity('Smith lied.', 0, 5))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() in {"-1", "0", "1"}


def test_package_never_imports_sklearn():
    import ast

    from newsresearch.paths import PACKAGE_DIR

    for path in PACKAGE_DIR.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            assert not any(n.split(".")[0] == "sklearn" for n in names), path


# --------------------------------------------------------------------------- gold sets


@pytest.mark.gold
def test_newsmtsc_dev_macro_f1_bar():
    """The bar of issue 3: macro-F1 >= 0.67 on the NewsMTSC dev slice (VADER sentence: .51).

    The shipped model scores 0.684 (accuracy 0.707), evaluated once after the model was chosen
    by cross-validation on the training split (0.669 ± 0.011 over 15 grouped folds).
    """
    rows = read_jsonl(shared_path("eval", "sentiment", "newsmtsc_dev_rw_300.jsonl"))
    pred = [S.target_polarity(r["sentence"], r["target_start"], r["target_end"]) for r in rows]
    ev = polarity_agreement([r["polarity"] for r in rows], pred, what="NewsMTSC dev slice")
    print(f"NewsMTSC dev slice: macro-F1 {ev.macro_f1:.4f}, accuracy {ev.agreement:.4f} "
          f"(n={ev.n})")
    assert ev.macro_f1 >= 0.67


@pytest.fixture(scope="module")
def hand_labels(sample_text):
    """The hand labels with offsets found here, independently of newsresearch.evaluate."""
    gold = pd.read_csv(ANNOTATIONS / "sample_sentiment.csv", comment="#")
    sents = split_sentences(sample_text)
    starts = []
    for r in gold.itertuples():
        s0 = int(sents.start.iat[r.sentence_id])
        a, b = span(sents.text.iat[r.sentence_id], r.surface, r.occurrence)
        starts.append((s0 + a, s0 + b))
    gold["start"], gold["end"] = zip(*starts, strict=True)
    return gold


@pytest.fixture(scope="module")
def agreement(sample_article):
    return sentiment_agreement(sample_article, ANNOTATIONS / "sample_sentiment.csv")


def test_hand_labels_are_well_formed(hand_labels, sample_text):
    assert len(hand_labels) >= 50
    assert hand_labels.polarity.isin([-1, 0, 1]).all()
    assert all(sample_text[r.start:r.end] == r.surface for r in hand_labels.itertuples())


def test_agreement_scores_every_hand_label_where_it_is(hand_labels, agreement):
    out = agreement["target"].outcomes
    assert out[["start", "end"]].values.tolist() == hand_labels[["start", "end"]].values.tolist()
    assert out["gold"].tolist() == hand_labels["polarity"].tolist()


def test_majority_baseline_is_always_neutral(agreement):
    # 37 of the 63 hand labels are 0 (count the polarity column of the file)
    base = agreement["majority"]
    assert base.outcomes["predicted"].eq(0).all()
    assert (base.agree, base.n) == (37, 63)


@pytest.mark.gold
def test_target_model_beats_sentence_vader_and_the_baseline(agreement):
    print("\n" + summarize(agreement).to_string())
    target, vader, base = agreement["target"], agreement["vader"], agreement["majority"]
    assert target.agreement > vader.agreement
    # macro-F1 weighs the three classes alike, so always answering "neutral" scores low
    assert target.macro_f1 > max(vader.macro_f1, base.macro_f1)


@pytest.mark.gold
@pytest.mark.xfail(strict=True, reason="known: on the sample article the target model agrees "
                   "with the hand labels on 34 of 63 mentions, fewer than always answering "
                   "'neutral' (37 of 63); most misses are neutral mentions read as negative "
                   "near violent words (notebook 02)")
def test_target_model_beats_always_neutral(agreement):
    assert agreement["target"].agreement > agreement["majority"].agreement
