"""Sentiment per actor mention and per actor, and the words the lexicons see."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..articles import as_text
from ..frames import build_frame
from ..tokens import SentenceIndex, sentence_index
from .features import DENSE_NAMES, _features_batch
from .lexicons import _sentence, _textblob_polarity
from .model import CLASSES, LABELS, METHODS, _drivers, _model, _softmax_rows

ACTOR_COLUMNS = ["mention_id", "actor", "actor_type", "surface", "start", "end", "sentence_id"]
MENTION_SENTIMENT_COLUMNS = ACTOR_COLUMNS + [
    "vader", "textblob", "target", "polarity", "label", "speaker", "drivers",
]
ACTOR_SENTIMENT_COLUMNS = [
    "actor", "actor_type", "mentions", "mean", "ci_low", "ci_high", "share_negative",
    "share_neutral", "share_positive", "target_mean", "vader_mean", "textblob_mean",
    "method",
]


# --------------------------------------------------------------------------- per mention


_SPEAKER = DENSE_NAMES.index("speaker")


def sentiment_by_mention(text, *, sentences=None, actors=None) -> pd.DataFrame:
    """Score the sentiment toward every actor mention with VADER, TextBlob and the target model.

    Parameters
    ----------
    text : str or Article
    sentences : SentenceIndex or DataFrame, optional
        The sentences of the same text (:func:`~newsresearch.tokens.sentence_index` or a
        ``split_sentences`` frame).
    actors : DataFrame, optional
        A :func:`~newsresearch.actors.find_actors` frame of the same text (computed when not
        given).

    Returns
    -------
    DataFrame
        The mention columns (``mention_id, actor, actor_type, surface, start, end,
        sentence_id`` and any others ``find_actors`` gives) plus

        * ``vader`` — VADER compound of the mention's sentence (sentence level);
        * ``textblob`` — TextBlob polarity of the mention's sentence (sentence level);
        * ``target`` — target-aware score toward the mention, P(pos) − P(neg);
        * ``polarity`` / ``label`` — the target model's class: −1/0/1,
          negative/neutral/positive;
        * ``speaker`` — the mention is the speaker of the sentence ("X said");
        * ``drivers`` — lexicon words near the mention with their valence, strongest first,
          e.g. ``"killing(-0.85), support(+0.40)"``.

        Mention rows whose offsets do not lie inside the text are left out.

    Examples
    --------
    >>> import pandas as pd
    >>> t = "Critics accused Smith of corruption. Jones praised the new hospital."
    >>> actors = pd.DataFrame({"mention_id": [0, 1], "actor": ["Smith", "Jones"],
    ...     "actor_type": "person", "surface": ["Smith", "Jones"], "start": [16, 37],
    ...     "end": [21, 42], "sentence_id": [0, 1]})
    >>> sentiment_by_mention(t, actors=actors)[["actor", "label"]].values.tolist()
    [['Smith', 'negative'], ['Jones', 'positive']]
    """
    text = as_text(text)
    index = sentence_index(text, sentences)
    if actors is None:
        from ..actors import find_actors

        actors = find_actors(text, sentences=index)
    if actors.empty or not text:
        return mention_frame(actors, {})
    starts, ends = actors["start"].tolist(), actors["end"].tolist()
    keep = [i for i, (s, e) in enumerate(zip(starts, ends, strict=True))
            if 0 <= s < e <= len(text)]  # a malformed mention row: skip rather than raise
    if len(keep) < len(actors):
        actors = actors.iloc[keep]
    scores = mention_scores(text, index, [starts[i] for i in keep], [ends[i] for i in keep])
    return mention_frame(actors, scores)


def mention_frame(actors: pd.DataFrame, scores: dict[str, list]) -> pd.DataFrame:
    """Build the :func:`sentiment_by_mention` frame: the mention columns, then ``scores``."""
    base_cols = list(actors.columns) if len(actors.columns) else list(ACTOR_COLUMNS)
    new_cols = [c for c in MENTION_SENTIMENT_COLUMNS if c not in ACTOR_COLUMNS]
    if actors.empty:
        return pd.DataFrame(columns=base_cols + new_cols)
    # object columns become str (as a frame built from Python values infers them); the
    # others are reused as they are
    data = {c: actors[c].array for c in base_cols}
    kinds = {c: "str" if actors[c].dtype == object else None for c in base_cols}
    data.update({c: scores[c] for c in new_cols})
    kinds.update(_SCORE_KINDS)
    return build_frame(data, kinds)


_SCORE_KINDS = {"vader": "float64", "textblob": "float64", "target": "float64",
                "polarity": "int64", "label": "str", "speaker": "bool", "drivers": "str"}


def mention_scores(text: str, index: SentenceIndex, starts, ends) -> dict[str, list]:
    """The sentiment columns of :func:`sentiment_by_mention` for the spans ``starts, ends``.

    Returns a dict of column lists (``vader, textblob, target, polarity, label, speaker,
    drivers``) in the order of the spans; the records path of the batch analysis.
    """
    model = _model()
    by_sentence: dict[tuple[int, int], list[int]] = {}
    for i, (start, end) in enumerate(zip(starts, ends, strict=True)):
        by_sentence.setdefault(index.covering(start, end), []).append(i)
    n = len(starts)
    order = [i for members in by_sentence.values() for i in members]
    sents, spans = [], []
    vader, blob = [0.0] * n, [0.0] * n
    for (s, e), members in by_sentence.items():
        sentence_text = text[s:e]
        sent = _sentence(sentence_text)
        polarity_b = _textblob_polarity(sentence_text)
        for i in members:
            sents.append(sent)
            spans.append((starts[i] - s, ends[i] - s))
            vader[i], blob[i] = float(sent.vader_compound), polarity_b
    proba = np.zeros((n, 3))
    speaker, drivers = [False] * n, [""] * n
    if n:
        dense, terms = _features_batch(sents, spans, model.window, model.sentence_words)
        proba[order] = _softmax_rows(model.logits_many(dense, terms))
        for j, i in enumerate(order):
            speaker[i] = bool(dense[j, _SPEAKER])
            drivers[i] = _drivers(sents[j], *spans[j], model.window)
    polarity = [CLASSES[c] for c in np.argmax(proba, axis=1).tolist()]
    return {"vader": vader, "textblob": blob, "target": (proba[:, 2] - proba[:, 0]).tolist(),
            "polarity": polarity, "label": [LABELS[p] for p in polarity],
            "speaker": speaker, "drivers": drivers}


# --------------------------------------------------------------------------- per actor


def _labels(scores: np.ndarray, method: str) -> np.ndarray:
    """Three-way labels for sentence-level scores (VADER ±0.05; TextBlob sign)."""
    cut = 0.05 if method == "vader" else 0.0
    return np.where(scores > cut, 1, np.where(scores < -cut, -1, 0))


def sentiment_by_actor(text, *, sentences=None, actors=None, mentions=None,
                       method: str = "target", n_boot: int = 1000, seed: int = 0,
                       level: float = 0.95) -> pd.DataFrame:
    """Summarise the sentiment toward each actor over its mentions, with bootstrap intervals.

    Parameters
    ----------
    text : str or Article
    sentences : SentenceIndex or DataFrame, optional
        The sentences of the same text, to reuse work.
    actors : DataFrame, optional
        A ``find_actors`` frame of the same text, to reuse work.
    mentions : DataFrame, optional
        A :func:`sentiment_by_mention` frame of the same text (computed when not given).
    method : {"target", "vader", "textblob"}
        Which score ``mean``, the interval and the shares describe. The means of all three
        are always given (``target_mean``, ``vader_mean``, ``textblob_mean``).
    n_boot : int, default 1000
        Bootstrap resamples of the actor's mentions (percentile interval).
    seed : int, default 0
        Seed of the bootstrap, so the table is reproducible.
    level : float, default 0.95
        Confidence level of the interval.

    Returns
    -------
    DataFrame
        ``actor, actor_type, mentions, mean, ci_low, ci_high, share_negative, share_neutral,
        share_positive, target_mean, vader_mean, textblob_mean, method``; one row per actor,
        most-mentioned first. With a single mention the interval is NaN (one mention says
        nothing about spread). Shares use the target model's classes, VADER's ±0.05
        thresholds, or TextBlob's sign.

    Examples
    --------
    >>> import pandas as pd
    >>> t = "Critics accused Smith of corruption. Smith denied it. Jones praised Smith."
    >>> actors = pd.DataFrame({"mention_id": [0, 1, 2], "actor": "Smith",
    ...     "actor_type": "person", "surface": "Smith", "start": [16, 37, 67],
    ...     "end": [21, 42, 72], "sentence_id": [0, 1, 2]})
    >>> sentiment_by_actor(t, actors=actors)[["actor", "mentions"]].values.tolist()
    [['Smith', 3]]
    """
    if method not in METHODS:
        raise ValueError(f"method must be one of {', '.join(METHODS)}; got {method!r}")
    if not isinstance(n_boot, int) or n_boot < 1:
        raise ValueError(f"n_boot must be a positive int, got {n_boot!r}")
    if not 0 < level < 1:
        raise ValueError(f"level must be between 0 and 1, got {level!r}")
    if mentions is None:
        mentions = sentiment_by_mention(text, sentences=sentences, actors=actors)
    if mentions.empty:
        return pd.DataFrame(columns=ACTOR_SENTIMENT_COLUMNS)
    cols = {c: mentions[c].tolist() for c in ("actor", "target", "vader", "textblob",
                                               "polarity")}
    cols["actor_type"] = (mentions["actor_type"].tolist() if "actor_type" in mentions
                          else [None] * len(mentions))
    rows = actor_sentiment_rows(cols, method=method, n_boot=n_boot, seed=seed, level=level)
    return actor_sentiment_frame(rows)


_ACTOR_SENTIMENT_KINDS = {**dict.fromkeys(ACTOR_SENTIMENT_COLUMNS, "float64"), "actor": "text",
                          "actor_type": "text", "mentions": "int64", "method": "text"}


def actor_sentiment_frame(rows: list[tuple]) -> pd.DataFrame:
    """Build the :func:`sentiment_by_actor` frame from :func:`actor_sentiment_rows`."""
    if not rows:
        return pd.DataFrame(columns=ACTOR_SENTIMENT_COLUMNS)
    return build_frame(dict(zip(ACTOR_SENTIMENT_COLUMNS, zip(*rows, strict=True), strict=True)),
                       _ACTOR_SENTIMENT_KINDS)


def actor_sentiment_rows(cols: dict[str, list], *, method: str = "target", n_boot: int = 1000,
                         seed: int = 0, level: float = 0.95) -> list[tuple]:
    """The rows of :func:`sentiment_by_actor` from the mention columns ``cols``.

    ``cols`` holds equal-length lists ``actor, actor_type, target, vader, textblob,
    polarity`` (one item per mention); rows come in ``ACTOR_SENTIMENT_COLUMNS`` order.
    """
    from collections import Counter

    rng = np.random.default_rng(seed)
    tail = (1 - level) / 2 * 100
    members: dict[str, list[int]] = {}
    for i, actor in enumerate(cols["actor"]):
        members.setdefault(actor, []).append(i)
    order = sorted(members, key=lambda a: (-len(members[a]), str(a)))
    # rows: the scores of ``method``, then target, vader and textblob
    values = np.array([cols[method], cols["target"], cols["vader"], cols["textblob"]],
                      dtype=float)
    labels = (list(cols["polarity"]) if method == "target"
              else _labels(values[0], method).tolist())
    means = _member_means(values, [members[a] for a in order])
    boots = []
    for actor in order:  # in actor order: one stream of the seeded generator
        n = len(members[actor])
        if n >= 2:
            scores = values[0][members[actor]]
            boots.append(scores[rng.integers(0, n, size=(n_boot, n))].mean(axis=1))
    bounds = iter(np.percentile(np.stack(boots), [tail, 100 - tail], axis=1).T.tolist()
                  if boots else [])
    types = cols["actor_type"]
    rows = []
    for actor, mean in zip(order, means, strict=True):
        idx = members[actor]
        n = len(idx)
        lo, hi = next(bounds) if n >= 2 else (float("nan"), float("nan"))
        counts = Counter(types[i] for i in idx if types[i] is not None)
        # the most common type, the alphabetically first of equals (as Series.mode)
        atype = min(counts, key=lambda t: (-counts[t], t)) if counts else None
        shares = Counter(labels[i] for i in idx)
        rows.append((actor, atype, n, mean[0], float(lo), float(hi), shares[-1] / n,
                     shares[0] / n, shares[1] / n, mean[1], mean[2], mean[3], method))
    return rows


def _member_means(values: np.ndarray, groups: list[list[int]]) -> list[list[float]]:
    """The mean of each row of ``values`` over the columns of each group, as ``[row][..]``
    per group: one numpy reduction per group size, each row summed as ``values[r, g].mean()``
    sums it (a C-contiguous last axis; the same pairwise order, so the same floats)."""
    out: list = [None] * len(groups)
    by_size: dict[int, list[int]] = {}
    for g, members in enumerate(groups):
        by_size.setdefault(len(members), []).append(g)
    for gs in by_size.values():
        idx = np.array([groups[g] for g in gs], dtype=np.int64)  # (groups, size)
        m = np.ascontiguousarray(values[:, idx]).mean(axis=2).T.tolist()  # (groups, rows)
        for g, row in zip(gs, m, strict=True):
            out[g] = row
    return out
