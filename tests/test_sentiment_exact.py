"""The fast paths of the sentiment stage give exactly what the plain library/numpy calls give."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from newsresearch.sentiment import actor_sentiment_rows

_FLOATS = st.one_of(st.sampled_from([0.0, -0.0, 0.5, -1.0, 1e-9]),
                    st.floats(-1, 1, allow_nan=False))


@settings(max_examples=80, deadline=None)
@given(data=st.data(), n=st.integers(1, 40))
def test_actor_rows_means_and_shares_are_numpys(data, n):
    # the per-actor means and shares equal np.mean over the actor's mentions, float for float
    actor = data.draw(st.lists(st.sampled_from("ABCDE"), min_size=n, max_size=n))
    cols = {"actor": actor, "actor_type": ["person"] * n,
            "target": data.draw(st.lists(_FLOATS, min_size=n, max_size=n)),
            "vader": data.draw(st.lists(_FLOATS, min_size=n, max_size=n)),
            "textblob": data.draw(st.lists(_FLOATS, min_size=n, max_size=n)),
            "polarity": data.draw(st.lists(st.sampled_from([-1, 0, 1]), min_size=n,
                                           max_size=n))}
    for method in ("target", "vader"):
        for row in actor_sentiment_rows(cols, method=method, n_boot=20):
            idx = [i for i, a in enumerate(actor) if a == row[0]]

            def mean(c, idx=idx):
                return repr(float(np.asarray(cols[c], dtype=float)[idx].mean()))

            assert row[2] == len(idx)
            got = [repr(x) for x in (row[3], row[9], row[10], row[11])]
            assert got == [mean(method), mean("target"), mean("vader"), mean("textblob")]
            scores = np.asarray(cols[method])[idx]
            labels = (np.asarray(cols["polarity"])[idx] if method == "target"
                      else np.where(scores > 0.05, 1, np.where(scores < -0.05, -1, 0)))
            assert list(row[6:9]) == [float(np.mean(labels == k)) for k in (-1, 0, 1)]


def test_actor_rows_intervals_follow_one_seeded_stream():
    # two actors with two mentions each: the interval of each is the percentile of its own
    # bootstrap, drawn from one generator in row order (the most mentioned actor first)
    cols = {"actor": ["A", "B", "A", "B", "B"], "actor_type": ["person"] * 5,
            "target": [0.1, -0.5, 0.3, 0.2, 0.0], "vader": [0.0] * 5,
            "textblob": [0.0] * 5, "polarity": [0, -1, 1, 0, 0]}
    rows = actor_sentiment_rows(cols, n_boot=50, seed=3)
    rng = np.random.default_rng(3)
    b = np.array([-0.5, 0.2, 0.0])[rng.integers(0, 3, size=(50, 3))].mean(axis=1)
    a = np.array([0.1, 0.3])[rng.integers(0, 2, size=(50, 2))].mean(axis=1)
    assert [r[0] for r in rows] == ["B", "A"]
    assert rows[0][4:6] == tuple(np.percentile(b, [2.5, 97.5]).tolist())
    assert rows[1][4:6] == tuple(np.percentile(a, [2.5, 97.5]).tolist())


# words VADER and the pattern lexicon score, boosters and negations, emoji, emoticons,
# the sarcasm mark, contractions, quotes and punctuation, next to words neither knows
_PIECES = ["good", "GOOD", "bad", "not", "no", "but", "kind", "of", "very", "never", "n't",
           "don't", "(!)", "( ! )", ":)", ":-(", ";-)", "<3", "😀", "💔", "!", "?", ".", "...",
           ",", "“", "”", '"', "'", "’s", "-", "Paris", "Monday", "the", "meeting", "said",
           "well-known", "least", "at", "\n\n", "abc", "Mr.", "U.S.", "9.5", "$", "#tag"]
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=14).map(
    lambda ws: "".join(w + (" " if i % 3 else "") for i, w in enumerate(ws))) | st.text(
    max_size=40)


@settings(max_examples=400, deadline=None)
@given(text=_TEXTS)
def test_vader_compound_is_the_package_call(text):
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from newsresearch.sentiment.lexicons import _vader_compound

    expected = SentimentIntensityAnalyzer().polarity_scores(text)["compound"] \
        if text.strip() else 0.0
    assert repr(_vader_compound(text)) == repr(expected)


@settings(max_examples=400, deadline=None)
@given(text=_TEXTS)
def test_textblob_polarity_is_the_textblob_call(text):
    from textblob import TextBlob

    from newsresearch.sentiment.lexicons import _textblob_polarity

    expected = TextBlob(text).sentiment.polarity if text.strip() else 0.0
    assert repr(_textblob_polarity.__wrapped__(text)) == repr(float(expected))


def test_sentences_without_lexicon_words_skip_the_library_calls(monkeypatch):
    from textblob.en import sentiment as pattern

    from newsresearch.sentiment import lexicons

    def boom(*args, **kwargs):
        raise AssertionError("called")

    text = "The meeting is on Monday in Paris."  # no word either lexicon knows
    monkeypatch.setattr(lexicons._vader(), "polarity_scores", boom)
    monkeypatch.setattr(type(pattern), "__call__", boom)
    assert lexicons._vader_compound(text) == 0.0
    assert lexicons._textblob_polarity.__wrapped__(text) == 0.0
    with_word = "The meeting was a good one."
    for fn in (lexicons._vader_compound, lexicons._textblob_polarity.__wrapped__):
        try:
            fn(with_word)
        except AssertionError as exc:
            assert str(exc) == "called"
        else:
            raise AssertionError(f"{fn.__name__} skipped the library on a lexicon word")


def test_sentence_marks_quotes_clauses_and_negation():
    from newsresearch.sentiment.lexicons import _Sentence

    s = _Sentence('He said “not good” but fine, "really bad" now')
    assert s.words == ["he", "said", "“", "not", "good", "”", "but", "fine", ",", '"',
                       "really", "bad", '"', "now"]
    assert s.quote_depth.tolist() == [False, False, True, True, True, False, False, False,
                                      False, True, True, True, False, False]
    assert s.clause.tolist() == [0, 0, 1, 1, 1, 2, 3, 3, 4, 5, 5, 5, 6, 6]
    assert np.flatnonzero(s.negated).tolist() == [4]  # "good", three tokens after "not"
    assert s.vader[4] < 0 < s.vader[7] and s.vader[11] < 0
    assert [i for i, _ in s.hits] == np.flatnonzero((s.vader != 0) | (s.textblob != 0)).tolist()
