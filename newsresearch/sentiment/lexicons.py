"""The word lists of the sentiment features and the VADER/TextBlob valences of each sentence."""

from __future__ import annotations

import re
import string
from functools import lru_cache
from itertools import accumulate

import numpy as np
import pandas as pd

from ..articles import as_text
from ..resources import word_list
from ..tokens import sentence_index

# --------------------------------------------------------------------------- word lists

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*|[^\w\s]")
_NEGATORS = word_list("sentiment_negators.txt")
_CLAUSE_WORDS = word_list("sentiment_clause_words.txt")
_CLAUSE_PUNCT = frozenset({",", ";", ":", "—", "–", "(", ")", '"', "“", "”", "?", "!"})
_QUOTES = frozenset({'"', "“", "”"})
_SPEECH = word_list("sentiment_speech_verbs.txt")
_NEGATION_SCALAR = -0.74  # VADER's N_SCALAR
_NEGATION_REACH = 3


@lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@lru_cache(maxsize=1)
def _pattern():
    """TextBlob's pattern sentiment analyzer, its lexicon read (once: each ``load`` call
    parses the XML file again, ~0.06 s)."""
    from textblob.en import sentiment as pattern

    if hasattr(pattern, "load"):
        pattern.load()
    return pattern


@lru_cache(maxsize=1)
def _lexicons() -> tuple[dict[str, float], dict[str, float]]:
    """(VADER valence / 4, TextBlob polarity) per lower-case word, single words only."""
    pattern = _pattern()
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
                 "quote_depth", "vader_compound", "textblob_mean", "negated",
                 "start_list", "end_list", "clause_list", "negated_list", "hits")

    def __init__(self, text: str):
        self.text = text
        spans, words = [], []
        for m in _TOKEN.finditer(text):
            spans.append(m.span())
            words.append(m.group().lower().replace("’", "'"))
        # the same as Python lists, for the per-target loops (``_drivers``)
        self.start_list, self.end_list = [a for a, _ in spans], [e for _, e in spans]
        self.starts = np.array(self.start_list, dtype=np.int64)
        self.ends = np.array(self.end_list, dtype=np.int64)
        self.words = words
        n = len(words)
        v, b, negated, quote, hits = [0.0] * n, [0.0] * n, [False] * n, [False] * n, []
        kinds = _word_kinds()
        kind_of = [kinds.get(w) or _word_kind(w) for w in words]
        clause = list(accumulate([k[1] for k in kind_of]))  # a clause opens after each mark
        inside, since, last_neg = False, 0, -99
        for i, kind in enumerate(kind_of):  # only the quote marks, negators and scored words
            if kind is _PLAIN:
                continue
            is_quote, _, is_negator, hit = kind
            if is_quote:
                if inside:
                    quote[since:i] = [True] * (i - since)
                inside, since = (not inside if words[i] == '"' else words[i] == "“"), i
            if is_negator:
                last_neg = i
            elif hit is not None:
                if i - last_neg <= _NEGATION_REACH:
                    v[i], b[i] = hit[0] * _NEGATION_SCALAR, hit[1] * _NEGATION_SCALAR
                    negated[i] = True
                else:
                    v[i], b[i] = hit
                hits.append((i, v[i] or b[i]))  # VADER's valence, else TextBlob's
        if inside:
            quote[since:] = [True] * (n - since)
        self.vader, self.textblob = np.array(v, dtype=float), np.array(b, dtype=float)
        self.hits, self.clause_list, self.negated_list = hits, clause, negated
        self.negated = np.array(negated, dtype=bool)
        self.clause = np.array(clause, dtype=np.int64)
        self.quote_depth = np.array(quote, dtype=bool)
        self.vader_compound = _vader_compound(text)
        # the mean of the non-zero TextBlob valences (numpy's sum of the same contiguous values)
        scored = [x for x in b if x]
        self.textblob_mean = float(np.array(scored).mean()) if scored else 0.0


_PLAIN = (False, 0, False, None)


@lru_cache(maxsize=1)
def _word_kinds() -> dict[str, tuple]:
    """A cache of :func:`_word_kind` per lower-cased token."""
    return {}


def _word_kind(w: str) -> tuple:
    """``(quote mark, opens a clause (0/1), negator, (VADER, TextBlob) valence or None)`` of
    a lower-cased token, ``_PLAIN`` for a token that is none of these (cached)."""
    is_negator = w in _NEGATORS or w.endswith("n't")
    kind = (w in _QUOTES, int(w in _CLAUSE_PUNCT or w in _CLAUSE_WORDS), is_negator,
            None if is_negator else _valences().get(w))
    kind = _PLAIN if kind == _PLAIN else kind
    kinds = _word_kinds()
    if len(kinds) > 100_000:  # bounded: a corpus of odd tokens cannot grow it without end
        kinds.clear()
    kinds[w] = kind
    return kind


def _vader_compound(text: str) -> float:
    """``polarity_scores(text)["compound"]`` of the ``vaderSentiment`` package (0 when blank).

    The call is skipped, and 0.0 returned, when no character of ``text`` is an emoji of
    VADER's and none of its words is in VADER's lexicon: ``SentiText`` splits at white space
    and strips punctuation off a word (keeping the word when 2 characters or fewer would be
    left), so each word it scores, lower-cased, is a lower-cased white-space word of ``text``
    or that with ``string.punctuation`` stripped; when neither is a lexicon key every word's
    valence stays 0, ``polarity_scores`` sums to 0 and its compound is ``normalize(0.0) ==
    0.0`` (``tests/test_sentiment_exact.py`` checks this against the library call).
    """
    if not text.strip():
        return 0.0
    vader = _vader()
    lexicon = vader.lexicon
    for w in text.split():  # most sentences have a lexicon word early: stop there
        w = w.lower()
        if w in lexicon or w.strip(string.punctuation) in lexicon:
            return vader.polarity_scores(text)["compound"]
    if vader.emojis.keys().isdisjoint(text):
        return 0.0
    return vader.polarity_scores(text)["compound"]


@lru_cache(maxsize=1)
def _pattern_known() -> frozenset[str]:
    """Every word TextBlob's pattern analyzer can assess: its lexicon words, its emoticons
    (lower-cased, as ``assessments`` compares them) and the sarcasm mark ``(!)``."""
    from textblob import _text

    pattern = _pattern()
    emoticons = {e.lower() for faces in _text.EMOTICONS.values() for e in faces}
    return frozenset(pattern.keys()) | emoticons | {"(!)"}


@lru_cache(maxsize=4096)
def _textblob_polarity(text: str) -> float:
    """``TextBlob(text).sentiment.polarity``, computed by the pattern analyzer it calls.

    The analyzer's own tokenizer splits ``text`` and the words, lower-cased, go to the
    analyzer as a list (its path for a string: the same words, the same ``assessments``).
    When none of them is a word it can assess (:func:`_pattern_known`) its list of
    assessments is empty and the polarity is the mean of nothing, 0.0, so the call is
    skipped (``tests/test_sentiment_exact.py`` checks this against the library call).
    """
    if not text.strip():
        return 0.0
    pattern_sentiment = _pattern()
    words = [w.lower() for w in " ".join(pattern_sentiment.tokenizer(text)).split()]
    known = _pattern_known()
    if not any(w in known for w in words):
        return 0.0
    return float(pattern_sentiment(words)[0])


@lru_cache(maxsize=4096)
def _sentence(text: str) -> _Sentence:
    return _Sentence(text)


LEXICON_COLUMNS = ["sentence_id", "start", "end", "word", "vader", "textblob", "negated"]


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


