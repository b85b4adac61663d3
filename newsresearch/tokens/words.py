"""Token tables, vocabulary, keywords in context, collocations and lexical statistics."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..articles import as_text
from ..frames import build_frame
from .sentences import _APOSTROPHES, _LETTER, sentence_index, stopwords
from .treebank import _tokens_in, token_spans


def token_frame(text: str, spans, *, stopwords=None) -> pd.DataFrame:
    """Build the :func:`tokenize` frame from the ``token_spans`` of ``text``."""
    stop = globals()["stopwords"]() if stopwords is None else {w.lower() for w in stopwords}
    toks = [text[s:e] for s, e, _ in spans]
    lower = [t.lower().translate(_APOSTROPHES) for t in toks]
    search = _LETTER.search
    return build_frame({
        "token_id": np.arange(len(spans), dtype=np.int64),
        "sentence_id": [sid for _, _, sid in spans],
        "start": [s for s, _, _ in spans],
        "end": [e for _, e, _ in spans],
        "token": toks,
        "lower": lower,
        "is_word": [bool(search(t)) for t in toks],
        "is_stopword": [w in stop for w in lower],
    }, _TOKEN_KINDS)


_TOKEN_KINDS = {"token_id": "int64", "sentence_id": "int64", "start": "int64", "end": "int64",
                "token": "object", "lower": "object", "is_word": "bool", "is_stopword": "bool"}


def tokenize(text, *, sentences=None, pos: bool = False, stopwords=None) -> pd.DataFrame:
    """Split text into word tokens with offsets, lower-cased forms and stopword flags.

    Tokens follow NLTK's ``NLTKWordTokenizer`` (improved Treebank rules) within each
    sentence, with curly apostrophes read as straight ones.

    Parameters
    ----------
    text : str or Article
    sentences : SentenceIndex or DataFrame, optional
        The sentences of ``text`` if already split (:func:`sentence_index`).
    pos : bool, default False
        Add a ``pos`` column (Penn Treebank tags from TextBlob's bundled pattern tagger).
    stopwords : iterable of str, optional
        Your own stopword list; default is ours (:func:`stopwords`).

    Returns
    -------
    DataFrame
        ``token_id, sentence_id, start, end, token, lower, is_word, is_stopword`` (+ ``pos``).
        ``lower`` is lower case with curly apostrophes straightened; ``is_word`` means the
        token contains a letter.

    Examples
    --------
    >>> tokenize("Israel’s war didn’t stop.")[["token", "lower", "is_stopword"]].values.tolist()
    [['Israel', 'israel', False], ['’s', "'s", True], ['war', 'war', False], ['did', 'did', True], ['n’t', "n't", True], ['stop', 'stop', False], ['.', '.', False]]
    """
    text = as_text(text)
    spans = token_spans(text, sentence_index(text, sentences))
    df = token_frame(text, spans, stopwords=stopwords)
    if pos:
        df["pos"] = _pos_tags(text, spans)
    return df


def _pos_tags(text: str, spans) -> list[str]:
    """Tag each token with TextBlob's bundled pattern tagger (no downloads)."""
    from textblob.en import tag as pattern_tag

    tags: list[str] = []
    by_sentence: dict[int, list[tuple[int, int]]] = {}
    for s, e, sid in spans:
        by_sentence.setdefault(sid, []).append((s, e))
    for sid in sorted(by_sentence):
        words = [text[s:e].translate(_APOSTROPHES) for s, e in by_sentence[sid]]
        # the pattern tagger takes pre-tokenised text joined by spaces; keep a 1:1 alignment
        tagged = pattern_tag(" ".join(w.replace(" ", "_") for w in words), tokenize=False)
        sent_tags = [t for _, t in tagged]
        if len(sent_tags) != len(words):
            sent_tags = (sent_tags + ["NN"] * len(words))[: len(words)]
        tags.extend(sent_tags)
    return tags


# --------------------------------------------------------------------------- vocabulary


def word_frequencies(text, *, exclude_stopwords: bool = False, stopwords=None,
                     top: int | None = None, tokens=None) -> pd.DataFrame:
    """Count word tokens (lower-cased), most frequent first, with NLTK's ``FreqDist``.

    Parameters
    ----------
    text : str or Article
    exclude_stopwords : bool, default False
    stopwords : iterable of str, optional
        Your own stopword list (used only when ``tokens`` is not given).
    top : int, optional
        Keep only the ``top`` most frequent words.
    tokens : DataFrame, optional
        The :func:`tokenize` frame of ``text`` if already computed (``Analysis.tokens``).

    Returns
    -------
    DataFrame
        ``word, count, share`` where ``share`` is the count over all counted word tokens.

    Examples
    --------
    >>> word_frequencies("The war. The war ended.", exclude_stopwords=True).values.tolist()
    [['war', 2, 0.6666666666666666], ['ended', 1, 0.3333333333333333]]
    """
    from nltk import FreqDist

    toks = tokenize(text, stopwords=stopwords) if tokens is None else tokens
    words = toks[toks["is_word"]]
    if exclude_stopwords:
        words = words[~words["is_stopword"]]
    fd = FreqDist(words["lower"])
    total = fd.N()
    items = sorted(fd.items(), key=lambda kv: (-kv[1], kv[0]))
    if top is not None:
        items = items[:top]
    df = pd.DataFrame(items, columns=["word", "count"])
    df["share"] = df["count"] / total if total else 0.0
    return df


def concordance(text, word: str, *, width: int = 40) -> pd.DataFrame:
    """Keyword in context: every occurrence of ``word`` (a token or phrase) with its context.

    Matching is on lower-cased tokens, so "Israel" also finds "ISRAEL"; a possessive
    ("Israel’s") counts as an occurrence of "Israel" because the tokenizer splits "’s" off.

    Returns
    -------
    DataFrame
        ``sentence_id, start, end, left, match, right`` with ``width`` characters either side.

    Examples
    --------
    >>> concordance("Hamas said no. Israel’s army hit Hamas.", "hamas", width=6)[["left", "match", "right"]].values.tolist()
    [['', 'Hamas', ' said '], ['y hit ', 'Hamas', '.']]
    """
    text = as_text(text)
    target = [word[s:e].lower().translate(_APOSTROPHES) for s, e in _tokens_in(word)]
    cols = ["sentence_id", "start", "end", "left", "match", "right"]
    if not target:
        return pd.DataFrame(columns=cols)
    toks = tokenize(text)
    lower = toks["lower"].tolist()
    rows = []
    n = len(target)
    for i in range(len(lower) - n + 1):
        if lower[i:i + n] == target:
            s, e = int(toks["start"].iat[i]), int(toks["end"].iat[i + n - 1])
            left = text[max(0, s - width):s].replace("\n", " ")
            right = text[e:e + width].replace("\n", " ")
            rows.append((int(toks["sentence_id"].iat[i]), s, e, left, text[s:e], right))
    return pd.DataFrame(rows, columns=cols)


def collocations(text, *, n: int = 2, measure: str = "likelihood_ratio", min_count: int = 2,
                 exclude_stopwords: bool = True, top: int = 20) -> pd.DataFrame:
    """Find word pairs (or triples) that occur together more than chance, with NLTK's finders.

    Parameters
    ----------
    n : {2, 3}
        Bigrams or trigrams.
    measure : str
        Any association measure of NLTK's ``BigramAssocMeasures``/``TrigramAssocMeasures``:
        ``likelihood_ratio`` (default, robust for small texts), ``pmi``, ``chi_sq``,
        ``raw_freq``, ``student_t``…
    min_count : int
        Ignore n-grams seen fewer times (PMI is unreliable on single occurrences).

    Returns
    -------
    DataFrame
        ``ngram, count, score`` (plus ``w1``, ``w2``[, ``w3``]), best first.

    Examples
    --------
    >>> t = "Middle East talks. The Middle East war. Middle East peace."
    >>> collocations(t)["ngram"].iloc[0]
    'middle east'
    """
    from nltk.collocations import (
        BigramAssocMeasures,
        BigramCollocationFinder,
        TrigramAssocMeasures,
        TrigramCollocationFinder,
    )

    if n not in (2, 3):
        raise ValueError(f"n must be 2 or 3, got {n}")
    toks = tokenize(text)
    cols = ["ngram", "count", "score"] + [f"w{i + 1}" for i in range(n)]
    # keep sentence boundaries: a pair must not span two sentences
    sents = [g["lower"][g["is_word"]].tolist() for _, g in toks.groupby("sentence_id")]
    words = []
    for s in sents:
        words.extend(s + [None])
    finder_cls, measures = ((BigramCollocationFinder, BigramAssocMeasures()) if n == 2
                            else (TrigramCollocationFinder, TrigramAssocMeasures()))
    if not hasattr(measures, measure):
        raise ValueError(f"unknown association measure {measure!r}")
    finder = finder_cls.from_words(words)
    finder.apply_word_filter(lambda w: w is None)
    if exclude_stopwords:
        stop = stopwords()
        finder.apply_ngram_filter(lambda *ws: ws[0] in stop or ws[-1] in stop)
    finder.apply_freq_filter(min_count)
    scored = finder.score_ngrams(getattr(measures, measure))[:top]
    rows = [(" ".join(ng), finder.ngram_fd[ng], score, *ng) for ng, score in scored]
    return pd.DataFrame(rows, columns=cols)


def lexical_stats(text, *, sentences=None, tokens=None) -> pd.DataFrame:
    """Summarise size and variety: one row with sentences, tokens, words, types, ratios.

    Parameters
    ----------
    text : str or Article
    sentences : SentenceIndex or DataFrame, optional
        The sentences of ``text`` if already split.
    tokens : DataFrame, optional
        The :func:`tokenize` frame of ``text`` if already computed.

    Returns
    -------
    DataFrame
        One row: ``sentences, paragraphs, tokens, words, types, type_token_ratio,
        mean_sentence_length`` (words per sentence). Types are distinct lower-cased words.

    Examples
    --------
    >>> lexical_stats("A cat. A dog.")[["sentences", "words", "types"]].values.tolist()
    [[2, 4, 3]]
    """
    text = as_text(text)
    index = sentence_index(text, sentences)
    toks = tokenize(text, sentences=index) if tokens is None else tokens
    words = toks[toks["is_word"]]
    n_sent = len(index)
    n_words = len(words)
    n_types = words["lower"].nunique()
    return pd.DataFrame([{
        "sentences": n_sent,
        "paragraphs": len(index.paragraphs),
        "tokens": len(toks),
        "words": n_words,
        "types": n_types,
        "type_token_ratio": n_types / n_words if n_words else 0.0,
        "mean_sentence_length": n_words / n_sent if n_sent else 0.0,
    }])


# --------------------------------------------------------------------------- quality

