"""Sentences, tokens, vocabulary, keywords in context, collocations and text-quality flags.

Sentences are found with NLTK's Punkt algorithm (Kiss & Strunk 2006) run with *our own*
parameters — an abbreviation list shipped in ``resources/nltk_data/tokenizers/punkt_tab`` —
so nothing is downloaded and no pickle is loaded. Paragraphs (blank-line separated) are split
first; a Punkt break followed by a lower-case word is undone, because in scraped and
machine-translated news that is almost always a damaged fragment ("destroyed. attacked."), not
a new sentence. Words are found with NLTK's ``NLTKWordTokenizer`` (an improved Treebank
tokenizer) on each sentence, with curly apostrophes read as straight ones.

Every function takes a ``str`` or an :class:`~newsresearch.articles.Article`; offsets index
exactly that string (``article.text`` for an Article), so ``text[start:end]`` is the surface.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

import pandas as pd

from .articles import as_text, boilerplate_reason
from .resources import nltk_data_dir, word_list

__all__ = [
    "split_sentences",
    "split_paragraphs",
    "tokenize",
    "word_frequencies",
    "concordance",
    "collocations",
    "lexical_stats",
    "text_quality",
    "stopwords",
    "use_nltk_data",
]

SENTENCE_COLUMNS = ["sentence_id", "paragraph_id", "start", "end", "text"]
TOKEN_COLUMNS = ["token_id", "sentence_id", "start", "end", "token", "lower", "is_word",
                 "is_stopword"]
QUALITY_COLUMNS = ["kind", "start", "end", "surface", "note", "sentence_id"]

_PARA_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})
_LETTER = re.compile(r"[^\W\d_]")


# --------------------------------------------------------------------------- NLTK set-up


def use_nltk_data() -> str:
    """Put our shipped NLTK-format resources first on ``nltk.data.path``; return the folder.

    After this, NLTK's standard calls work offline with our parameters:
    ``nltk.sent_tokenize`` (Punkt, from ``punkt_tab/english``) and
    ``nltk.corpus.stopwords.words("english")``.

    Examples
    --------
    >>> import nltk
    >>> _ = use_nltk_data()
    >>> nltk.sent_tokenize("Mr. Blinken met Mr. Netanyahu. They disagreed.")
    ['Mr. Blinken met Mr. Netanyahu.', 'They disagreed.']
    """
    import nltk

    folder = nltk_data_dir()
    if folder not in nltk.data.path:
        nltk.data.path.insert(0, folder)
    return folder


@lru_cache(maxsize=1)
def _punkt():
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(word_list("nltk_data/tokenizers/punkt_tab/english/abbrev_types.txt"))
    return PunktSentenceTokenizer(params)


@lru_cache(maxsize=1)
def _word_tokenizer():
    from nltk.tokenize.destructive import NLTKWordTokenizer

    return NLTKWordTokenizer()


def stopwords() -> frozenset[str]:
    """Return our shipped English stopword list (lower case, straight apostrophes).

    Examples
    --------
    >>> "the" in stopwords(), "said" in stopwords()
    (True, False)
    """
    return word_list("nltk_data/corpora/stopwords/english")


# --------------------------------------------------------------------------- sentences


def split_paragraphs(text) -> pd.DataFrame:
    """Return the paragraphs (blank-line separated) as ``[paragraph_id, start, end, text]``.

    Examples
    --------
    >>> split_paragraphs("One.\\n\\nTwo.")[["paragraph_id", "text"]].values.tolist()
    [[0, 'One.'], [1, 'Two.']]
    """
    text = as_text(text)
    rows = [(i, s, e, text[s:e]) for i, (s, e) in enumerate(_paragraph_spans(text))]
    return pd.DataFrame(rows, columns=["paragraph_id", "start", "end", "text"])


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for m in _PARA_BREAK.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    out = []
    for s, e in spans:
        seg = text[s:e]
        ls = len(seg) - len(seg.lstrip())
        rs = len(seg) - len(seg.rstrip())
        if e - rs > s + ls:
            out.append((s + ls, e - rs))
    return out


@lru_cache(maxsize=32)
def _sentence_spans(text: str) -> tuple[tuple[int, int, int], ...]:
    """(start, end, paragraph_id) of every sentence; cached because every stage needs it."""
    punkt = _punkt()
    out: list[tuple[int, int, int]] = []
    for pid, (ps, pe) in enumerate(_paragraph_spans(text)):
        para = text[ps:pe]
        try:
            spans = list(punkt.span_tokenize(para))
        except Exception:  # Punkt can fail on pathological input; one sentence then
            spans = [(0, len(para))]
        merged: list[list[int]] = []
        for s, e in spans:
            if merged and _continues(para, s):
                merged[-1][1] = e
            else:
                merged.append([s, e])
        for s, e in merged:
            seg = para[s:e]
            ls = len(seg) - len(seg.lstrip())
            rs = len(seg) - len(seg.rstrip())
            if e - rs > s + ls:
                out.append((ps + s + ls, ps + e - rs, pid))
    return tuple(out)


def _continues(para: str, start: int) -> bool:
    """True when a Punkt break before ``para[start:]`` should be undone (lower-case start)."""
    m = re.match(r"[\"'“‘(\[]*([^\W\d_])", para[start:])
    return bool(m) and m.group(1).islower()


def split_sentences(text) -> pd.DataFrame:
    """Split text into sentences with character offsets.

    Parameters
    ----------
    text : str or Article

    Returns
    -------
    DataFrame
        ``sentence_id, paragraph_id, start, end, text`` — one row per sentence, where
        ``text`` equals ``source[start:end]``.

    Examples
    --------
    >>> df = split_sentences("Mr. Blinken flew to Israel on Dec. 8. He met U.S. officials.")
    >>> df["text"].tolist()
    ['Mr. Blinken flew to Israel on Dec. 8.', 'He met U.S. officials.']
    """
    text = as_text(text)
    rows = [(i, pid, s, e, text[s:e]) for i, (s, e, pid) in enumerate(_sentence_spans(text))]
    return pd.DataFrame(rows, columns=SENTENCE_COLUMNS).astype(
        {c: "int64" for c in ("sentence_id", "paragraph_id", "start", "end")})


# --------------------------------------------------------------------------- tokens


_FALLBACK_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]", re.U)


def _tokens_in(sentence: str) -> list[tuple[int, int]]:
    """Token spans inside one sentence; NLTK first, a plain regex if NLTK cannot align."""
    probe = sentence.translate(_APOSTROPHES)  # same length, so offsets stay valid
    try:
        spans = list(_word_tokenizer().span_tokenize(probe))
        if all(0 <= s < e <= len(sentence) for s, e in spans):
            return spans
    except Exception:  # NLTK raises on quote characters it cannot re-align
        pass
    return [m.span() for m in _FALLBACK_TOKEN.finditer(sentence)]


@lru_cache(maxsize=32)
def _token_spans(text: str) -> tuple[tuple[int, int, int], ...]:
    """(start, end, sentence_id) of every token."""
    out = []
    for sid, (s, e, _pid) in enumerate(_sentence_spans(text)):
        for ts, te in _tokens_in(text[s:e]):
            out.append((s + ts, s + te, sid))
    return tuple(out)


def tokenize(text, *, pos: bool = False, stopwords=None) -> pd.DataFrame:
    """Split text into word tokens with offsets, lower-cased forms and stopword flags.

    Parameters
    ----------
    text : str or Article
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
    stop = globals()["stopwords"]() if stopwords is None else {w.lower() for w in stopwords}
    spans = _token_spans(text)
    toks = [text[s:e] for s, e, _ in spans]
    lower = [t.lower().translate(_APOSTROPHES) for t in toks]
    df = pd.DataFrame(
        {
            "token_id": range(len(spans)),
            "sentence_id": [sid for _, _, sid in spans],
            "start": [s for s, _, _ in spans],
            "end": [e for _, e, _ in spans],
            "token": toks,
            "lower": lower,
            "is_word": [bool(_LETTER.search(t)) for t in toks],
            "is_stopword": [w in stop for w in lower],
        },
        columns=TOKEN_COLUMNS,
    )
    df = df.astype({"token_id": "int64", "sentence_id": "int64", "start": "int64",
                    "end": "int64", "token": object, "lower": object, "is_word": bool,
                    "is_stopword": bool})
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
                     top: int | None = None) -> pd.DataFrame:
    """Count word tokens (lower-cased), most frequent first, with NLTK's ``FreqDist``.

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

    toks = tokenize(text, stopwords=stopwords)
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


def lexical_stats(text) -> pd.DataFrame:
    """Summarise size and variety: one row with sentences, tokens, words, types, ratios.

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
    toks = tokenize(text)
    words = toks[toks["is_word"]]
    n_sent = len(_sentence_spans(text))
    n_words = len(words)
    n_types = words["lower"].nunique()
    return pd.DataFrame([{
        "sentences": n_sent,
        "paragraphs": len(_paragraph_spans(text)),
        "tokens": len(toks),
        "words": n_words,
        "types": n_types,
        "type_token_ratio": n_types / n_words if n_words else 0.0,
        "mean_sentence_length": n_words / n_sent if n_sent else 0.0,
    }])


# --------------------------------------------------------------------------- quality


_DOUBLED = re.compile(r"\b([^\W\d_]+)(\s+)(\1)\b", re.I)
_LEGIT_DOUBLES = {"that", "had", "bye", "ha", "no", "very", "is"}
_REPEATED_FRAGMENT = re.compile(r"\b([^\W\d_]+(?:\s+[^\W\d_]+){0,3})[.!?]\s+(\1)\b", re.I)
_LOWER_AFTER_STOP = re.compile(r"([^\W\d_]{2,})([.!?][\"”’']?)\s+([a-z][a-z]+)")
_MOJIBAKE = re.compile(r"(?:â€[™œ\x9d“”˜¦¢]|Ã[\x80-\xbf©¨§¡¢£¤¥¦ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿]|Â[ \xa0£©®°])")
_LONG_WORD = re.compile(r"\b[a-z]{6,}\b")


@lru_cache(maxsize=1)
def _lexicon() -> frozenset[str]:
    """English word forms from TextBlob's bundled pattern lexicon (no downloads)."""
    from importlib import resources as ir

    words = set()
    try:
        lex = ir.files("textblob.en") / "en-lexicon.txt"
        for line in lex.read_text(encoding="utf-8").splitlines():
            w = line.split(" ", 1)[0]
            if w.isalpha():
                words.add(w.lower())
    except (FileNotFoundError, ModuleNotFoundError):  # pragma: no cover - textblob is a dep
        pass
    return frozenset(words)


def text_quality(text) -> pd.DataFrame:
    """Flag damage that scraping and machine translation leave in news text.

    Kinds of flags:

    * ``doubled_word`` — the same word twice in a row ("The The"); "that that" and
      "had had" are allowed;
    * ``repeated_fragment`` — a phrase repeated across a full stop ("statement. statement");
    * ``fragment`` — a full stop followed by a lower-case word ("destroyed. attacked."),
      except after abbreviations;
    * ``run_together`` — a long unknown word that splits into a known word and a function
      word ("bombsthe" = "bombs" + "the");
    * ``boilerplate`` — a line that matches our boilerplate list ("Leave A Reply");
    * ``mojibake`` — UTF-8 read as Windows-1252 ("â€™").

    Returns
    -------
    DataFrame
        ``kind, start, end, surface, note, sentence_id`` in text order (``sentence_id`` is the
        sentence the flag starts in).

    Examples
    --------
    >>> text_quality("The The Times said so. Statement. statement by video.")["kind"].tolist()
    ['doubled_word', 'repeated_fragment']
    """
    text = as_text(text)
    rows: list[tuple] = []
    for m in _DOUBLED.finditer(text):
        if m.group(1).lower() not in _LEGIT_DOUBLES:
            rows.append(("doubled_word", m.start(), m.end(), m.group(),
                         f"“{m.group(1)}” twice in a row"))
    frag_starts = set()
    for m in _REPEATED_FRAGMENT.finditer(text):
        rows.append(("repeated_fragment", m.start(), m.end(), m.group(),
                     f"“{m.group(1)}” repeated across a full stop"))
        frag_starts.add(m.start(3) if m.lastindex and m.lastindex >= 3 else m.start(2))
    abbrevs = word_list("nltk_data/tokenizers/punkt_tab/english/abbrev_types.txt")
    for m in _LOWER_AFTER_STOP.finditer(text):
        word = m.group(1).lower()
        before = text[max(0, m.start(1) - 2):m.start(1)]
        if word in abbrevs or before.endswith(".") or m.start(3) in frag_starts:
            continue
        if m.group(3) in {"com", "org", "net", "gov", "edu"}:
            continue
        rows.append(("fragment", m.start(1), m.end(3), m.group(),
                     "full stop followed by a lower-case word: a damaged or split sentence"))
    lex = _lexicon()
    stop = stopwords()
    glue = [w for w in ("the", "and", "of", "to", "in", "a", "for", "on", "that", "with")]
    if lex:
        for m in _LONG_WORD.finditer(text):
            w = m.group()
            if w in lex:
                continue
            for g in glue:
                if w.endswith(g) and len(w) - len(g) >= 4 and w[: -len(g)] in lex:
                    rows.append(("run_together", m.start(), m.end(), w,
                                 f"looks like “{w[: -len(g)]} {g}” run together"))
                    break
                if w.startswith(g) and len(w) - len(g) >= 4 and w[len(g):] in lex \
                        and g in stop and g not in ("a", "in", "on", "to"):
                    rows.append(("run_together", m.start(), m.end(), w,
                                 f"looks like “{g} {w[len(g):]}” run together"))
                    break
    for ps, pe in _paragraph_spans(text):
        for lm in re.finditer(r"[^\n]+", text[ps:pe]):
            line = lm.group().strip()
            if boilerplate_reason(line):
                s = ps + lm.start() + (len(lm.group()) - len(lm.group().lstrip()))
                rows.append(("boilerplate", s, s + len(line), line,
                             "matches the boilerplate list (resources/boilerplate.tsv)"))
    for m in _MOJIBAKE.finditer(text):
        rows.append(("mojibake", m.start(), m.end(), m.group(),
                     "UTF-8 text decoded as Windows-1252"))
    rows.sort(key=lambda r: (r[1], r[0]))
    starts = [s for s, _, _ in _sentence_spans(text)]
    rows = [(*r, max(bisect_right(starts, r[1]) - 1, 0) if starts else -1) for r in rows]
    return pd.DataFrame(rows, columns=QUALITY_COLUMNS).astype(
        {"start": "int64", "end": "int64", "sentence_id": "int64"})
