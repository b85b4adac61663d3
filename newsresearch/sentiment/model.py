"""The shipped target-sentiment model and the per-target functions."""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from ..articles import as_text
from ..resources import json_resource
from ..tokens import SentenceIndex, sentence_index
from .features import DENSE_NAMES, _features, _target_range
from .lexicons import _Sentence, _sentence

MODEL_FILE = "sentiment_model.json.gz"
CLASSES = (-1, 0, 1)
LABELS = {-1: "negative", 0: "neutral", 1: "positive"}
METHODS = ("target", "vader", "textblob")


# --------------------------------------------------------------------------- the model


class _Model:
    """The fitted weights, as numpy arrays (read once from the shipped JSON)."""

    def __init__(self, payload: dict):
        if payload.get("dense_names") != DENSE_NAMES:
            raise RuntimeError(
                f"{MODEL_FILE} was fitted with other features than this version computes; "
                "refit it with benchmarks/train_sentiment.py"
            )
        self.settings = payload["settings"]
        self.window = int(self.settings["window"])
        self.sentence_words = bool(self.settings["sentence_words"])
        self.mean = np.array(payload["dense_mean"])
        self.scale = np.array(payload["dense_scale"])
        self.dense_coef = np.array(payload["dense_coef"])
        self.intercept = np.array(payload["intercept"])
        self.terms = payload["terms"]  # term -> [neg, neu, pos] weights, as read (read-only)
        self.cv_macro_f1 = payload.get("cv_macro_f1")

    def logits_many(self, dense: np.ndarray, terms: list[list[str]]) -> np.ndarray:
        """Logits of several targets: one row of ``dense`` and one term list per target."""
        z = self.intercept + ((dense - self.mean) / self.scale) @ self.dense_coef
        return z + np.array([self._term_sum(t) for t in terms]).reshape(len(terms), 3)

    def _term_sum(self, terms: list[str]) -> list[float]:
        get = self.terms.get
        neg = neu = pos = 0.0
        # first-seen order: the sums never depend on the hash seed
        for w in map(get, dict.fromkeys(terms)):
            if w is not None:
                neg += w[0]
                neu += w[1]
                pos += w[2]
        return [neg, neu, pos]

    def logits(self, dense: list[float], terms: list[str]) -> np.ndarray:
        return self.logits_many(np.asarray([dense]), [terms])[0]


@lru_cache(maxsize=1)
def _model() -> _Model:
    return _Model(json_resource(MODEL_FILE))


def _softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max())
    return e / e.sum()


def _softmax_rows(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


# --------------------------------------------------------------------------- targets


def _check_span(text: str, start, end) -> tuple[int, int]:
    for name, v in (("start", start), ("end", end)):
        if isinstance(v, bool) or not isinstance(v, (int, np.integer)):
            raise TypeError(f"{name} must be an int character offset, got {type(v).__name__}")
    start, end = int(start), int(end)
    if not 0 <= start < end <= len(text):
        raise ValueError(
            f"span {start}:{end} is not a non-empty span inside the text (length {len(text)}); "
            "offsets must satisfy 0 <= start < end <= len(text)"
        )
    return start, end


def _proba(text: str, start: int, end: int, index: SentenceIndex) -> np.ndarray:
    s, e = index.covering(start, end)
    model = _model()
    dense, terms = _features(_sentence(text[s:e]), start - s, end - s, model.window,
                             model.sentence_words)
    return _softmax(model.logits(dense, terms))


def target_proba(text, start: int, end: int, *, sentences=None) -> dict[int, float]:
    """Return the probabilities of negative, neutral and positive sentiment toward a span.

    Parameters
    ----------
    text : str or Article
    start, end : int
        Character offsets of the target (``text[start:end]``, e.g. a name).
    sentences : SentenceIndex or DataFrame, optional
        The sentences of ``text`` if already split (the target's sentence is looked up there).

    Returns
    -------
    dict
        ``{-1: p_negative, 0: p_neutral, 1: p_positive}``, summing to 1.

    Raises
    ------
    ValueError
        When the span is empty or outside the text; the message names both.

    Examples
    --------
    >>> p = target_proba("Critics accused Smith of lying.", 16, 21)
    >>> round(sum(p.values()), 6), max(p, key=p.get)
    (1.0, -1)
    """
    text = as_text(text)
    start, end = _check_span(text, start, end)
    p = _proba(text, start, end, sentence_index(text, sentences))
    return {c: float(x) for c, x in zip(CLASSES, p, strict=True)}


def target_score(text, start: int, end: int, *, sentences=None) -> float:
    """Score the sentiment expressed toward ``text[start:end]`` within its sentence.

    The score is P(positive) − P(negative) from the target-aware model (see the module
    docstring), so it lies in [−1, 1]; 0 means neutral or undecided.

    Parameters
    ----------
    text : str or Article
    start, end : int
        Character offsets of the target.
    sentences : SentenceIndex or DataFrame, optional
        The sentences of ``text`` if already split (the target's sentence is looked up there).

    Returns
    -------
    float

    Raises
    ------
    ValueError
        When the span is empty or outside the text; the message names both.

    Examples
    --------
    >>> t = "Critics praised Smith for his courage."
    >>> target_score(t, 16, 21) > 0.3
    True
    """
    text = as_text(text)
    start, end = _check_span(text, start, end)
    p = _proba(text, start, end, sentence_index(text, sentences))
    return float(p[2] - p[0])


def target_polarity(text, start: int, end: int, *, sentences=None) -> int:
    """Classify the sentiment toward ``text[start:end]``: −1 negative, 0 neutral, 1 positive.

    The most probable class of the target-aware model (see the module docstring).

    Parameters
    ----------
    text : str or Article
    start, end : int
        Character offsets of the target.
    sentences : SentenceIndex or DataFrame, optional
        The sentences of ``text`` if already split (the target's sentence is looked up there).

    Returns
    -------
    int
        One of −1, 0, 1.

    Raises
    ------
    ValueError
        When the span is empty or outside the text; the message names both.

    Examples
    --------
    >>> t = "The minister was accused of corruption and fraud."
    >>> target_polarity(t, 4, 12)
    -1
    >>> target_polarity("The minister arrived in Paris on Monday.", 4, 12)
    0
    """
    text = as_text(text)
    start, end = _check_span(text, start, end)
    return CLASSES[int(np.argmax(_proba(text, start, end, sentence_index(text, sentences))))]


# --------------------------------------------------------------------------- explanations


def _drivers(sent: _Sentence, start: int, end: int, window: int, top: int = 4) -> str:
    """The lexicon words near the target that push its score, strongest (by valence/distance) first."""
    n = len(sent.words)
    if not n:
        return ""
    t0, t1 = _target_range(sent, start, end)
    clause = sent.clause_list
    tclause = clause[min(max(t0, 0), n - 1)]
    found = []
    for i, val in sent.hits:  # the tokens with a valence, in order
        if t0 <= i <= t1:
            continue
        d = t0 - i if i < t0 else i - t1
        if d > window and clause[i] != tclause:
            continue
        found.append((abs(val) / max(d, 1), i, val))
    found.sort(key=lambda x: (-x[0], x[1]))
    out = []
    for _, i, val in found[:top]:
        word = sent.text[sent.start_list[i]:sent.end_list[i]]
        out.append(f"{word}({val:+.2f}{', negated' if sent.negated_list[i] else ''})")
    return ", ".join(out)
