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
