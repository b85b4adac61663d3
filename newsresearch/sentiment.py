"""Sentiment toward actors: per target span, per actor mention and per actor.

Three methods are reported side by side:

* **VADER** — the compound score of the sentence, from the ``vaderSentiment`` package
  (Hutto & Gilbert 2014), which ships its own lexicon. (NLTK's copy of VADER scores some
  sentences differently; we use the package.) Labels use the authors' ±0.05 thresholds.
* **TextBlob** — the polarity of the sentence from TextBlob's bundled *pattern* lexicon
  (De Smedt & Daelemans 2012). Labels: > 0 positive, < 0 negative.
* **target** — our target-aware method. A sentence-level score gives a victim and its
  attacker the same mood ("the army killed 22,000 Palestinians"); the target-aware method
  scores the sentiment *toward* the span. Each sentence is tokenised and scored against both
  lexicons once (cached per sentence); from those arrays we derive, for the target span,
  valence sums in windows of 3 and 8 tokens, to the left and right, distance-weighted
  (1/d), inside the target's clause (split at , ; : — ( ) ? ! quote marks and *but/
  while/although/though/whereas/however/yet*) and in the whole sentence, with the target's own words excluded
  and negators ("not", "never", "n't" … within three tokens before a word) flipping the
  word's valence as VADER does (×−0.74); whether the target is the **speaker** ("X said",
  "said X", "according to X") or inside a quotation; and the **words of a window around
  the target** with the target masked as ``<t>`` (unigrams and bigrams, e.g. ``"<t> said"``,
  ``"killed <t>"``). A multinomial logistic regression over these features was fitted on
  the NewsMTSC training split (Hamborg & Donnay 2021, EACL) by
  ``benchmarks/train_sentiment.py``, with window size and regularisation chosen by
  cross-validation on the training split; each window word is scaled by its largest
  per-class naive-Bayes log-count ratio (NB weighting, Wang & Manning 2012), and small
  per-class offsets chosen on out-of-fold predictions shift the intercepts. Both are baked
  into the shipped weights, ``resources/sentiment_model.json.gz``, so inference is one linear
  model and needs only numpy.
  ``target_score`` is P(positive) − P(negative); ``target_polarity`` is the most probable
  class.

References: C. J. Hutto and E. Gilbert (2014), *VADER: A Parsimonious Rule-based Model for
Sentiment Analysis of Social Media Text*, ICWSM. F. Hamborg and K. Donnay (2021), *NewsMTSC:
A Dataset for (Multi-)Target-dependent Sentiment Classification in Political News Articles*,
EACL. S. Wang and C. D. Manning (2012), *Baselines and Bigrams: Simple, Good Sentiment and
Topic Classification*, ACL.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

import numpy as np
import pandas as pd

from .articles import as_text
from .resources import json_resource
from .tokens import SentenceIndex, sentence_index

__all__ = [
    "target_polarity",
    "target_score",
    "target_proba",
    "lexicon_words",
    "sentiment_by_mention",
    "sentiment_by_actor",
    "MENTION_SENTIMENT_COLUMNS",
    "ACTOR_SENTIMENT_COLUMNS",
    "LEXICON_COLUMNS",
]

MODEL_FILE = "sentiment_model.json.gz"
CLASSES = (-1, 0, 1)
LABELS = {-1: "negative", 0: "neutral", 1: "positive"}
METHODS = ("target", "vader", "textblob")

ACTOR_COLUMNS = ["mention_id", "actor", "actor_type", "surface", "start", "end", "sentence_id"]
MENTION_SENTIMENT_COLUMNS = ACTOR_COLUMNS + [
    "vader", "textblob", "target", "polarity", "label", "speaker", "drivers",
]
ACTOR_SENTIMENT_COLUMNS = [
    "actor", "actor_type", "mentions", "mean", "ci_low", "ci_high", "share_negative",
    "share_neutral", "share_positive", "target_mean", "vader_mean", "textblob_mean",
    "method",
]
LEXICON_COLUMNS = ["sentence_id", "start", "end", "word", "vader", "textblob", "negated"]

# --------------------------------------------------------------------------- word lists

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*|[^\w\s]")
_NEGATORS = frozenset({
    "not", "no", "never", "nor", "neither", "without", "nothing", "none", "nobody",
    "n't", "cannot", "cant", "dont", "didnt", "doesnt", "isnt", "wasnt", "arent", "werent",
    "wont", "wouldnt", "shouldnt", "couldnt", "hasnt", "havent", "hadnt", "aint",
    "don't", "didn't", "doesn't", "isn't", "wasn't", "aren't", "weren't", "won't",
    "wouldn't", "shouldn't", "couldn't", "hasn't", "haven't", "hadn't", "ain't", "can't",
    "rarely", "seldom", "despite",
})
_CLAUSE_WORDS = frozenset({"but", "while", "although", "though", "whereas", "however", "yet"})
_CLAUSE_PUNCT = frozenset({",", ";", ":", "—", "–", "(", ")", '"', "“", "”", "?", "!"})
_QUOTES = frozenset({'"', "“", "”"})
_SPEECH = frozenset({
    "said", "says", "say", "told", "tells", "added", "adds", "wrote", "writes", "argued",
    "argues", "stated", "states", "declared", "claimed", "claims", "insisted", "insists",
    "warned", "warns", "tweeted", "asked", "asks", "explained", "noted", "notes", "replied",
    "answered", "recalled", "acknowledged", "suggested", "announced", "contended",
})
_NEGATION_SCALAR = -0.74  # VADER's N_SCALAR
_NEGATION_REACH = 3


@lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@lru_cache(maxsize=1)
def _lexicons() -> tuple[dict[str, float], dict[str, float]]:
    """(VADER valence / 4, TextBlob polarity) per lower-case word, single words only."""
    from textblob.en import sentiment as pattern

    if hasattr(pattern, "load"):
        pattern.load()
    vader = {w: max(-1.0, min(1.0, v / 4.0)) for w, v in _vader().lexicon.items()
             if re.fullmatch(r"[a-z][a-z'-]*", w)}
    textblob = {}
    for w, senses in pattern.items():
        if not re.fullmatch(r"[a-z][a-z'-]*", w):
            continue
        pol = senses.get(None, next(iter(senses.values())))[0]
        if pol:
            textblob[w] = float(pol)
    return vader, textblob


@lru_cache(maxsize=1)
def _valences() -> dict[str, tuple[float, float]]:
    """(VADER, TextBlob) valence of every word either lexicon gives a non-zero valence."""
    vader, textblob = _lexicons()
    both = {w: (vader.get(w, 0.0), textblob.get(w, 0.0)) for w in vader.keys() | textblob.keys()}
    return {w: vt for w, vt in both.items() if vt[0] or vt[1]}


# --------------------------------------------------------------------------- per sentence


class _Sentence:
    """A sentence scored once against both lexicons; every window feature comes from here."""

    __slots__ = ("text", "starts", "ends", "words", "vader", "textblob", "clause",
                 "quote_depth", "vader_compound", "textblob_mean", "negated")

    def __init__(self, text: str):
        both = _valences()
        self.text = text
        spans, words = [], []
        for m in _TOKEN.finditer(text):
            spans.append(m.span())
            words.append(m.group().lower().replace("’", "'"))
        self.starts = np.array([a for a, _ in spans], dtype=np.int64)
        self.ends = np.array([e for _, e in spans], dtype=np.int64)
        self.words = words
        v, b, negated, clause, quote = [], [], [], [], []
        cid = 0
        inside = False
        last_neg = -99
        for i, w in enumerate(words):
            if w in _QUOTES:
                inside = not inside if w == '"' else (w == "“")
            quote.append(inside)
            if w in _CLAUSE_PUNCT or w in _CLAUSE_WORDS:
                cid += 1
            clause.append(cid)
            hit = None
            if w in _NEGATORS or w.endswith("n't"):
                last_neg = i
            else:
                hit = both.get(w)
            if hit is None:
                v.append(0.0)
                b.append(0.0)
                negated.append(False)
            elif i - last_neg <= _NEGATION_REACH:
                v.append(hit[0] * _NEGATION_SCALAR)
                b.append(hit[1] * _NEGATION_SCALAR)
                negated.append(True)
            else:
                v.append(hit[0])
                b.append(hit[1])
                negated.append(False)
        self.vader, self.textblob = np.array(v, dtype=float), np.array(b, dtype=float)
        self.negated = np.array(negated, dtype=bool)
        self.clause = np.array(clause, dtype=np.int64)
        self.quote_depth = np.array(quote, dtype=bool)
        self.vader_compound = _vader().polarity_scores(text)["compound"] if text.strip() else 0.0
        hits = self.textblob[self.textblob != 0]
        self.textblob_mean = float(hits.mean()) if hits.size else 0.0


@lru_cache(maxsize=4096)
def _textblob_polarity(text: str) -> float:
    """``TextBlob(text).sentiment.polarity``, computed by the pattern analyzer it calls."""
    from textblob.en import sentiment as pattern_sentiment

    if not text.strip():
        return 0.0
    return float(pattern_sentiment(text)[0])


@lru_cache(maxsize=4096)
def _sentence(text: str) -> _Sentence:
    return _Sentence(text)


def _target_range(sent: _Sentence, start: int, end: int) -> tuple[int, int]:
    """Token index range [t0, t1] of the target (t1 = t0 - 1 when no token overlaps)."""
    t0 = int(np.searchsorted(sent.ends, start, side="right"))
    t1 = int(np.searchsorted(sent.starts, end, side="left")) - 1
    return t0, t1


def _features(sent: _Sentence, start: int, end: int, window: int,
              sentence_words: bool) -> tuple[list[float], list[str]]:
    """Dense lexicon/position features and the masked window terms for one target."""
    dense, terms = _features_many(sent, [(start, end)], window, sentence_words)
    return dense[0].tolist(), terms[0]


def _features_many(sent: _Sentence, targets, window: int,
                   sentence_words: bool) -> tuple[np.ndarray, list[list[str]]]:
    """:func:`_features` of several targets of one sentence at once (one row per target)."""
    return _features_batch([sent] * len(targets), targets, window, sentence_words)


def _features_batch(sents: list[_Sentence], targets, window: int,
                    sentence_words: bool) -> tuple[np.ndarray, list[list[str]]]:
    """:func:`_features` of many targets, each in its own sentence (``sents[j]``), at once.

    The sentences' token arrays are stacked into one zero-padded matrix, so an article's
    targets cost one set of array operations instead of one per sentence.
    """
    k = len(targets)
    distinct = list({id(s): s for s in sents}.values())
    row_of = {id(s): r for r, s in enumerate(distinct)}
    width = max([len(s.words) for s in distinct] + [1])
    lex_rows = np.zeros((len(distinct), width, 2))
    clause_rows = np.full((len(distinct), width), -1, dtype=np.int64)
    for r, s in enumerate(distinct):
        lex_rows[r, :len(s.words), 0], lex_rows[r, :len(s.words), 1] = s.vader, s.textblob
        clause_rows[r, :len(s.words)] = s.clause
    rows = np.array([row_of[id(s)] for s in sents], dtype=np.int64)
    n = np.array([len(s.words) for s in sents], dtype=np.int64)[:, None]
    t0 = np.array([np.searchsorted(s.ends, a, side="right") for s, (a, _) in
                   zip(sents, targets, strict=True)], dtype=np.int64).reshape(k, 1)
    t1 = np.array([np.searchsorted(s.starts, b, side="left") - 1 for s, (_, b) in
                   zip(sents, targets, strict=True)], dtype=np.int64).reshape(k, 1)
    idx = np.arange(width)[None, :]
    left, right = idx < t0, (idx > t1) & (idx < n)
    outside = left | right
    dist = np.where(left, t0 - idx, idx - t1).astype(float) * outside
    clause = clause_rows[rows]
    tclause = clause[np.arange(k), np.clip(t0[:, 0], 0, np.maximum(n[:, 0] - 1, 0))]
    in_clause = (clause == tclause[:, None]) & outside
    safe = np.maximum(dist, 1.0)[:, :, None]
    near8 = dist <= 8
    masks = np.stack([outside, dist <= 3, near8, left & near8, right & near8, in_clause],
                     axis=1).astype(float)  # (k, 6, width)
    val = lex_rows[rows] * outside[:, :, None]
    pos, neg = np.maximum(val, 0.0), np.minimum(val, 0.0)
    pos_sums, neg_sums = masks @ pos, masks @ neg  # (k, 6, 2): scope x lexicon
    dist_pos = (pos / safe).sum(axis=1)
    dist_neg = (neg / safe).sum(axis=1)
    clause_dist = (val * in_clause[:, :, None] / safe).sum(axis=1)
    matches = np.count_nonzero(val, axis=1)
    blocks = []
    for lex in range(2):
        pairs = np.stack([pos_sums[:, :, lex], neg_sums[:, :, lex]], axis=2).reshape(k, 12)
        blocks += [pairs, dist_pos[:, lex:lex + 1], dist_neg[:, lex:lex + 1],
                   clause_dist[:, lex:lex + 1], matches[:, lex:lex + 1].astype(float)]
    lexical = np.hstack(blocks)  # (k, 32)
    extras, terms = [], []
    for j, sent in enumerate(sents):
        a, b = int(t0[j, 0]), int(t1[j, 0])
        extra, words = _target_extras(sent, a, b, lexical[j])
        extras.append(extra)
        terms.append(_window_terms(words, a, b, window, sentence_words))
    return np.hstack([lexical, np.array(extras, dtype=float).reshape(k, -1)]), terms


def _target_extras(sent: _Sentence, t0: int, t1: int, lexical: np.ndarray):
    """The speaker, quote and position features of one target (token range t0..t1)."""
    words, n = sent.words, len(sent.words)
    before = words[t0 - 1] if t0 >= 1 else ""
    before2 = words[t0 - 2] if t0 >= 2 else ""
    after = words[t1 + 1] if t1 + 1 < n else ""
    after2 = words[t1 + 2] if t1 + 2 < n else ""
    speaker = float(
        after in _SPEECH or (after in ("has", "had", "also", "then") and after2 in _SPEECH)
        or before in _SPEECH or (before2 == "according" and before == "to")
        or (before in (",", "”", '"') and after in _SPEECH)
    )
    inside_quote = float(bool(sent.quote_depth[t0]) if 0 <= t0 < n else 0.0)
    first = float(t0 == 0 or all(w in _QUOTES for w in words[:t0]))
    clause_v = lexical[10] + lexical[11]
    extra = [speaker, speaker * clause_v, speaker * (lexical[0] + lexical[1]), inside_quote,
             first, t0 / max(n, 1), math.log1p(n), float(sent.quote_depth.any()),
             sent.vader_compound, sent.textblob_mean]
    return extra, words


def _window_terms(words: list[str], t0: int, t1: int, window: int,
                  sentence_words: bool) -> list[str]:
    """The words around the target with the target masked as ``<t>``, unigrams and bigrams."""
    lo, hi = max(0, t0 - window), min(len(words), t1 + window + 1)
    seq = words[lo:t0] + ["<t>"] + words[t1 + 1:hi]
    terms = list(seq)
    terms += [f"{a} {b}" for a, b in zip(seq, seq[1:], strict=False)]
    if sentence_words:
        terms += ["s:" + w for w in words[:t0] + words[t1 + 1:]]
    return terms


def _dense_names() -> list[str]:
    names = []
    for lex in ("vader", "textblob"):
        for scope in ("sentence", "win3", "win8", "left8", "right8", "clause"):
            names += [f"{lex}_{scope}_pos", f"{lex}_{scope}_neg"]
        names += [f"{lex}_dist_pos", f"{lex}_dist_neg", f"{lex}_clause_dist", f"{lex}_matches"]
    names += ["speaker", "speaker_x_clause", "speaker_x_sentence", "in_quote", "first_token",
              "relative_position", "log_tokens", "has_quote", "vader_compound",
              "textblob_mean"]
    return names


DENSE_NAMES = _dense_names()


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
        self.terms = {t: tuple(w) for t, w in payload["terms"].items()}
        self.cv_macro_f1 = payload.get("cv_macro_f1")

    def logits_many(self, dense: np.ndarray, terms: list[list[str]]) -> np.ndarray:
        """Logits of several targets: one row of ``dense`` and one term list per target."""
        z = self.intercept + ((dense - self.mean) / self.scale) @ self.dense_coef
        return z + np.array([self._term_sum(t) for t in terms]).reshape(len(terms), 3)

    def _term_sum(self, terms: list[str]) -> list[float]:
        get = self.terms.get
        extra = [0.0, 0.0, 0.0]
        for t in dict.fromkeys(terms):  # first-seen order: the sums never depend on the hash seed
            w = get(t)
            if w is not None:
                extra[0] += w[0]
                extra[1] += w[1]
                extra[2] += w[2]
        return extra

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
    tclause = sent.clause[min(max(t0, 0), n - 1)]
    found = []
    for i in range(n):
        if t0 <= i <= t1:
            continue
        d = t0 - i if i < t0 else i - t1
        if d > window and sent.clause[i] != tclause:
            continue
        val = sent.vader[i] or sent.textblob[i]
        if val:
            found.append((abs(val) / max(d, 1), i, val))
    found.sort(key=lambda x: (-x[0], x[1]))
    out = []
    for _, i, val in found[:top]:
        word = sent.text[sent.starts[i]:sent.ends[i]]
        out.append(f"{word}({val:+.2f}{', negated' if sent.negated[i] else ''})")
    return ", ".join(out)


def lexicon_words(text, *, sentences=None) -> pd.DataFrame:
    """List the words of each sentence that the VADER and TextBlob lexicons give a valence.

    This shows what lexicon sentiment "sees": single words with a fixed score, flipped
    (×−0.74, as VADER does) when a negator such as "not" or "never" stands up to three
    tokens before them.

    Parameters
    ----------
    text : str or Article
    sentences : SentenceIndex or DataFrame, optional
        The sentences of the same text (:func:`~newsresearch.tokens.sentence_index` or a
        ``split_sentences`` frame).

    Returns
    -------
    DataFrame
        ``sentence_id, start, end, word, vader, textblob, negated``: one row per matched
        word; ``vader`` is the VADER valence divided by 4 and ``textblob`` the pattern
        polarity, both in [−1, 1] after negation; offsets index ``text``.

    Examples
    --------
    >>> lexicon_words("The plan is not good. Attacks killed civilians.")[
    ...     ["word", "vader", "negated"]].values.tolist()
    [['good', -0.3515, True], ['Attacks', -0.475, False], ['killed', -0.875, False]]
    """
    text = as_text(text)
    rows = []
    index = sentence_index(text, sentences)
    for sid, (s, e) in enumerate(zip(index.starts, index.ends, strict=True)):
        sent = _sentence(text[s:e])
        for i in np.flatnonzero((sent.vader != 0) | (sent.textblob != 0)):
            a, b = s + int(sent.starts[i]), s + int(sent.ends[i])
            rows.append((sid, a, b, text[a:b], round(float(sent.vader[i]), 4),
                         round(float(sent.textblob[i]), 4), bool(sent.negated[i])))
    return pd.DataFrame(rows, columns=LEXICON_COLUMNS)


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
        from .actors import find_actors

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
    actors = actors.reset_index(drop=True)
    # text columns become str (as a frame built from Python values infers them); the mention
    # frame's own str columns are reused as they are
    data = {c: actors[c] if actors[c].dtype != object else pd.array(actors[c].to_numpy(),
                                                                     dtype="str")
            for c in base_cols}
    data.update({
        "vader": np.asarray(scores["vader"], dtype=float),
        "textblob": np.asarray(scores["textblob"], dtype=float),
        "target": np.asarray(scores["target"], dtype=float),
        "polarity": np.asarray(scores["polarity"], dtype=np.int64),
        "label": pd.array(scores["label"], dtype="str"),
        "speaker": np.asarray(scores["speaker"], dtype=bool),
        "drivers": pd.array(scores["drivers"], dtype="str"),
    })
    return pd.DataFrame(data, columns=base_cols + new_cols)


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
    return pd.DataFrame(rows, columns=ACTOR_SENTIMENT_COLUMNS)


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
    scores_all = np.asarray(cols[method], dtype=float)
    labels_all = (np.asarray(cols["polarity"]) if method == "target"
                  else _labels(scores_all, method))
    target_all = np.asarray(cols["target"], dtype=float)
    vader_all = np.asarray(cols["vader"], dtype=float)
    blob_all = np.asarray(cols["textblob"], dtype=float)
    types = cols["actor_type"]
    rows = []
    for actor in order:
        idx = np.array(members[actor])
        scores, labels = scores_all[idx], labels_all[idx]
        n = len(idx)
        if n >= 2:
            boot = scores[rng.integers(0, n, size=(n_boot, n))].mean(axis=1)
            lo, hi = np.percentile(boot, [tail, 100 - tail])
        else:
            lo = hi = float("nan")
        counts = Counter(types[i] for i in members[actor] if types[i] is not None)
        # the most common type, the alphabetically first of equals (as Series.mode)
        atype = min(counts, key=lambda t: (-counts[t], t)) if counts else None
        rows.append((actor, atype, n, float(scores.mean()), float(lo), float(hi),
                     float(np.mean(labels == -1)), float(np.mean(labels == 0)),
                     float(np.mean(labels == 1)), float(target_all[idx].mean()),
                     float(vader_all[idx].mean()), float(blob_all[idx].mean()), method))
    return rows
