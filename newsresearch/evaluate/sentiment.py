"""Sentiment toward actor mentions against hand labels, beside the majority baseline."""

from __future__ import annotations

import warnings
from collections import Counter

import pandas as pd

from .result import Evaluation

__all__ = ["sentiment_agreement", "polarity_agreement"]

# --------------------------------------------------------------------------- sentiment

LABEL_COLUMNS = ["sentence_id", "surface", "polarity"]
SENTIMENT_OUTCOME_COLUMNS = ["sentence_id", "surface", "start", "end", "gold", "predicted",
                             "score", "outcome"]
SENTIMENT_METHODS = ("target", "vader", "textblob", "majority")


def polarity_agreement(gold, predicted, *, what: str = "polarity", items=None) -> Evaluation:
    """Return how often predicted labels agree with hand labels.

    Parameters
    ----------
    gold, predicted : sequence
        Hand labels and predictions, item by item (e.g. −1/0/1).
    what : str
        What was scored (shown in the repr and summary).
    items : DataFrame, optional
        Details of each item, kept as the first columns of ``outcomes``.

    Returns
    -------
    Evaluation
        ``agree`` of ``n``; ``outcomes`` holds ``gold, predicted, outcome`` (agree/disagree)
        after the ``items`` columns; ``macro_f1`` averages the per-class F1.

    Examples
    --------
    >>> ev = polarity_agreement([-1, 0, 0, 1], [-1, 0, 1, 1])
    >>> ev, round(ev.macro_f1, 3)
    (Evaluation(polarity: agreement 0.750, 3 of 4), 0.778)
    """
    gold, predicted = list(gold), list(predicted)
    if len(gold) != len(predicted):
        raise ValueError(f"polarity_agreement: {len(predicted)} predictions for "
                         f"{len(gold)} hand labels")
    out = (items.reset_index(drop=True).copy() if items is not None
           else pd.DataFrame(index=range(len(gold))))
    out["gold"], out["predicted"] = gold, predicted
    same = [g == p for g, p in zip(gold, predicted, strict=True)]
    out["outcome"] = ["agree" if s else "disagree" for s in same]
    return Evaluation(what, out, agree=sum(same), n=len(gold))


def _locate_labels(text: str, labels: pd.DataFrame, index) -> pd.DataFrame:
    """The hand-labelled mentions with their offsets; labels not found are left out with a
    warning."""
    keep, spans = [], []
    for i, r in enumerate(labels.itertuples(index=False)):
        sid = int(r.sentence_id)
        s, e = index.span(sid) if 0 <= sid < len(index) else (None, None)
        occ = int(getattr(r, "occurrence", 0) or 0)
        pos = -1
        if s is not None:
            for _ in range(occ + 1):
                pos = text[s:e].find(str(r.surface), pos + 1)
                if pos < 0:
                    break
        if s is None or pos < 0:
            warnings.warn(f"hand label {i}: {r.surface!r} not found in sentence {r.sentence_id}",
                          stacklevel=3)
            continue
        keep.append(i)
        spans.append((s + pos, s + pos + len(str(r.surface))))
    out = labels.iloc[keep].reset_index(drop=True)
    out["start"] = [a for a, _ in spans]
    out["end"] = [b for _, b in spans]
    return out


def _majority(labels: list) -> object:
    """The most frequent hand label; a tie goes to neutral (0), then to the smaller label."""
    counts = Counter(labels)
    return max(counts, key=lambda c: (counts[c], c == 0, -c if isinstance(c, int) else 0))


def _method_predictions(text: str, items: pd.DataFrame, index, gold: list) -> dict:
    """``{method: (labels, scores)}`` for the located hand-labelled mentions ``items``."""
    from ..sentiment import _labels as sentence_labels  # VADER ±0.05, TextBlob sign
    from ..sentiment import sentiment_by_mention

    mentions = pd.DataFrame({
        "mention_id": range(len(items)), "actor": items["surface"].astype(str),
        "actor_type": "unknown", "surface": items["surface"].astype(str),
        "start": items["start"], "end": items["end"],
        "sentence_id": [index.sentence_at(s) for s in items["start"]]})
    scored = sentiment_by_mention(text, sentences=index, actors=mentions)
    predicted = {"target": (scored["polarity"].astype(int).tolist(), scored["target"])}
    for method in ("vader", "textblob"):
        predicted[method] = (sentence_labels(scored[method].to_numpy(), method).tolist(),
                             scored[method])
    base = _majority(gold) if gold else 0
    predicted["majority"] = ([base] * len(gold), pd.Series([float(base)] * len(gold)))
    return predicted


def sentiment_agreement(text, labels, *, sentences=None) -> dict[str, Evaluation]:
    """Score hand-labelled actor mentions with every method and the majority baseline.

    Each labelled mention is found in its sentence and scored by the target-aware model,
    sentence-level VADER (±0.05 thresholds) and sentence-level TextBlob (sign), exactly as
    :func:`~newsresearch.sentiment.sentiment_by_mention` scores actor mentions; ``majority``
    always answers the most frequent hand label (the bar any method must clear).

    Parameters
    ----------
    text : str or Article
    labels : DataFrame or path
        Hand labels (CSV, ``#`` comment lines allowed) with columns ``sentence_id`` (row of
        ``split_sentences``), ``surface`` (the mention's exact text), ``polarity`` (−1/0/1)
        and optionally ``occurrence`` (which occurrence of ``surface`` in that sentence,
        0 = first). Labels whose surface is not found are left out with a warning.
    sentences : SentenceIndex or DataFrame, optional
        The sentences of the same text.

    Returns
    -------
    dict of str to Evaluation
        Keys ``target, vader, textblob, majority``. Each ``outcomes`` holds the label columns
        plus ``start, end``, ``gold`` (the hand label), ``predicted``, ``score`` (the
        method's score: P(pos) − P(neg), VADER compound, TextBlob polarity) and ``outcome``.

    Raises
    ------
    ValueError
        When required columns are missing; the message names them.

    Examples
    --------
    >>> t = "Prosecutors accused Smith of fraud. Garcia arrived on Monday."
    >>> gold = pd.DataFrame({"sentence_id": [0, 1], "surface": ["Smith", "Garcia"],
    ...                      "polarity": [-1, 0]})
    >>> evs = sentiment_agreement(t, gold)
    >>> evs["target"]
    Evaluation(sentiment toward mentions, target: agreement 1.000, 2 of 2)
    >>> evs["target"].outcomes[["surface", "gold", "predicted"]].values.tolist()
    [['Smith', -1, -1], ['Garcia', 0, 0]]
    """
    from ..articles import as_text
    from ..tokens import sentence_index

    text = as_text(text)
    if not isinstance(labels, pd.DataFrame):
        labels = pd.read_csv(labels, comment="#")
    missing = [c for c in LABEL_COLUMNS if c not in labels.columns]
    if missing:
        raise ValueError(
            f"hand labels need the columns {', '.join(LABEL_COLUMNS)} (optionally occurrence); "
            f"missing: {', '.join(missing)}")
    index = sentence_index(text, sentences)
    items = _locate_labels(text, labels, index)
    gold = items["polarity"].astype(int).tolist()
    predicted = _method_predictions(text, items, index, gold)
    out = {}
    for method in SENTIMENT_METHODS:
        pred, score = predicted[method]
        ev = polarity_agreement(gold, pred, what=f"sentiment toward mentions, {method}",
                                items=items.drop(columns=["polarity"]))
        ev.outcomes.insert(len(ev.outcomes.columns) - 1, "score",
                           pd.Series(score).astype(float).to_numpy())
        out[method] = ev
    return out
