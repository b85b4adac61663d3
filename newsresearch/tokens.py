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

import numpy as np
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
    "sentence_index",
    "SentenceIndex",
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


def _sentence_spans(text: str, paragraphs=None) -> tuple[tuple[int, int, int], ...]:
    """(start, end, paragraph_id) of every sentence (Punkt per paragraph, lower-case merges)."""
    punkt = _punkt()
    out: list[tuple[int, int, int]] = []
    for pid, (ps, pe) in enumerate(_paragraph_spans(text) if paragraphs is None else paragraphs):
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


_CONTINUES = re.compile(r"[\"'“‘(\[]*([^\W\d_])")


def _continues(para: str, start: int) -> bool:
    """True when a Punkt break before ``para[start:]`` should be undone (lower-case start)."""
    m = _CONTINUES.match(para, start)
    return bool(m) and m.group(1).islower()


class SentenceIndex:
    """The sentences and paragraphs of one text, found once and shared by every stage.

    Built by :func:`sentence_index` (Punkt, see the module docstring) and handed to
    :func:`~newsresearch.actors.find_actors`, the sentiment functions,
    :func:`~newsresearch.quotes.extract_quotes` and
    :func:`~newsresearch.figures.extract_figures` as ``sentences=``, so that the text is split
    once and every table agrees on sentence and paragraph ids.

    **The one rule for an offset between sentences** (the whitespace after a full stop, or
    text before the first sentence): it belongs to the sentence that starts at or before it,
    i.e. the *preceding* sentence; an offset before the first sentence belongs to sentence 0.
    Paragraphs follow the same rule. A text without sentences gives -1.

    Attributes
    ----------
    starts, ends : tuple of int
        Sentence ``i`` is ``text[starts[i]:ends[i]]``.
    paragraph_ids : tuple of int
        The paragraph of each sentence.
    paragraphs : tuple of (int, int)
        ``(start, end)`` of every paragraph (blank-line separated, whitespace trimmed).
    length : int
        Length of the text indexed (a guard against passing the index of another text).

    Examples
    --------
    >>> t = "Mr. Blinken flew in. He met officials.\\n\\nThey talked."
    >>> idx = sentence_index(t)
    >>> len(idx), idx.sentence_at(t.index("He")), idx.paragraph_at(t.index("They"))
    (3, 1, 1)
    >>> idx.sentence_at(t.index(" He"))  # the space between sentences: the preceding one
    0
    >>> idx.span(2)
    (40, 52)
    """

    __slots__ = ("starts", "ends", "paragraph_ids", "paragraphs", "length")

    def __init__(self, starts, ends, paragraph_ids, paragraphs, length: int):
        self.starts = tuple(int(x) for x in starts)
        self.ends = tuple(int(x) for x in ends)
        self.paragraph_ids = tuple(int(x) for x in paragraph_ids)
        self.paragraphs = tuple((int(s), int(e)) for s, e in paragraphs)
        self.length = int(length)
        if not len(self.starts) == len(self.ends) == len(self.paragraph_ids):
            raise ValueError("SentenceIndex: starts, ends and paragraph_ids differ in length")

    def __len__(self) -> int:
        return len(self.starts)

    def __repr__(self) -> str:
        return (f"SentenceIndex({len(self)} sentences, {len(self.paragraphs)} paragraphs, "
                f"{self.length} characters)")

    def sentence_at(self, pos: int) -> int:
        """Return the id of the sentence holding offset ``pos`` (the rule in the class doc)."""
        if not self.starts:
            return -1
        return max(bisect_right(self.starts, pos) - 1, 0)

    def paragraph_at(self, pos: int) -> int:
        """Return the id of the paragraph holding offset ``pos`` (same rule as sentences)."""
        if not self.paragraphs:
            return -1
        return max(bisect_right(self.paragraphs, (pos, float("inf"))) - 1, 0)

    def span(self, sentence_id: int) -> tuple[int, int]:
        """Return ``(start, end)`` of sentence ``sentence_id``."""
        return self.starts[sentence_id], self.ends[sentence_id]

    def covering(self, start: int, end: int) -> tuple[int, int]:
        """Return ``(start, end)`` of the sentence(s) that hold ``text[start:end]``.

        A span inside one sentence gives that sentence; a span across sentences gives their
        union (widened to the span itself); a span wholly between sentences gives itself.
        """
        first = bisect_right(self.ends, start)  # the first sentence that ends after start
        if first >= len(self.starts) or self.starts[first] >= end:
            return start, end
        last = max(bisect_right(self.starts, end - 1) - 1, first)
        return min(self.starts[first], start), max(self.ends[last], end)

    def paragraph_span(self, paragraph_id: int) -> tuple[int, int]:
        """Return ``(start, end)`` of paragraph ``paragraph_id``."""
        return self.paragraphs[paragraph_id]

    def frame(self, text: str) -> pd.DataFrame:
        """Return the :func:`split_sentences` frame of ``text`` (the text this index is of)."""
        self.check(text)
        return pd.DataFrame({
            "sentence_id": np.arange(len(self), dtype=np.int64),
            "paragraph_id": np.array(self.paragraph_ids, dtype=np.int64),
            "start": np.array(self.starts, dtype=np.int64),
            "end": np.array(self.ends, dtype=np.int64),
            "text": [text[s:e] for s, e in zip(self.starts, self.ends, strict=True)]
            if self.starts else pd.Series([], dtype=object),
        }, columns=SENTENCE_COLUMNS)

    def check(self, text: str) -> None:
        """Raise ``ValueError`` unless this index was built from a text as long as ``text``."""
        if len(text) != self.length:
            raise ValueError(f"sentences= is the index of a text of {self.length} characters, "
                             f"not of this one ({len(text)}); build it with sentence_index(text)")

    @classmethod
    def from_frame(cls, sentences: pd.DataFrame, text: str) -> SentenceIndex:
        """Build the index from a :func:`split_sentences` frame of ``text``."""
        missing = {"start", "end"} - set(sentences.columns)
        if missing:
            raise ValueError("sentences= needs a split_sentences frame or a SentenceIndex; "
                             f"this frame lacks {', '.join(sorted(missing))}")
        sent = sentences.sort_values("start") if len(sentences) > 1 else sentences
        starts, ends = sent["start"].tolist(), sent["end"].tolist()
        paragraphs = _paragraph_spans(text)
        if "paragraph_id" in sent.columns:
            pids = sent["paragraph_id"].tolist()
        else:
            pstarts = [s for s, _ in paragraphs]
            pids = [max(bisect_right(pstarts, s) - 1, 0) for s in starts]
        return cls(starts, ends, pids, paragraphs, len(text))


def sentence_index(text, sentences=None) -> SentenceIndex:
    """Return the :class:`SentenceIndex` of ``text``: split it once, or reuse what is given.

    Parameters
    ----------
    text : str or Article
    sentences : SentenceIndex or DataFrame, optional
        An index already built for this text (returned as is), or a :func:`split_sentences`
        frame (converted). When omitted the text is split with Punkt.

    Examples
    --------
    >>> sentence_index("One. Two.").starts
    (0, 5)
    """
    text = as_text(text)
    if isinstance(sentences, SentenceIndex):
        sentences.check(text)
        return sentences
    if sentences is not None:
        if not isinstance(sentences, pd.DataFrame):
            raise TypeError("sentences= must be a SentenceIndex or a split_sentences "
                            f"DataFrame, not {type(sentences).__name__}")
        return SentenceIndex.from_frame(sentences, text)
    paragraphs = _paragraph_spans(text)
    spans = _sentence_spans(text, paragraphs)
    return SentenceIndex([s for s, _, _ in spans], [e for _, e, _ in spans],
                         [p for _, _, p in spans], paragraphs, len(text))


def split_sentences(text, *, sentences=None) -> pd.DataFrame:
    """Split text into sentences with character offsets.

    Parameters
    ----------
    text : str or Article
    sentences : SentenceIndex, optional
        Reuse an index built by :func:`sentence_index` instead of splitting again.

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
    return sentence_index(text, sentences).frame(text)


# --------------------------------------------------------------------------- tokens


_FALLBACK_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]", re.U)


# For each of NLTK's Treebank patterns, substrings of which at least one must be in the text
# for the pattern to match (lower-cased for the case-insensitive contractions). A rule whose
# substrings are all absent is a no-op and is skipped; a pattern not listed here (another NLTK
# version) always runs, so the result is NLTK's either way.
_NEEDLES = {
    "([«“‘„]|[`]+)": ("«", "“", "‘", "„", "`"),
    r"^\"": ('"',),
    "(``)": ("``",),
    r"([ \(\[{<])(\"|\'{2})": ('"', "''"),
    r"(?i)(?<!\w)(\')(?!(?:re|ve|ll|m|t|s|d|n)\b)(?=\w)": ("'",),
    r'([^\.])(\.)([\]\)}>"\'' "»”’ " r"]*+)\s*$": (".",),
    r"([:,])([^\d])": (":", ","),
    r"([:,])$": (":", ","),
    r"\.{2,}": ("..",),
    r"[;@#$%&]": (";", "@", "#", "$", "%", "&"),
    r"[\u2012-\u2015]": ("\u2012", "\u2013", "\u2014", "\u2015"),
    r'([^\.])(\.)([\]\)}>"\']*)\s*$': (".",),
    r"[?!]": ("?", "!"),
    r"([^'])' ": ("' ",),
    r"[*]": ("*",),
    r"[\]\[\(\)\{\}\<\>]": ("]", "[", "(", ")", "{", "}", "<", ">"),
    r"--": ("--",),
    "([»”’])": ("»", "”", "’"),
    r"''": ("''",),
    r'"': ('"',),
    r"([^' ])('[sS]|'[mM]|'[dD]|') ": ("'",),
    r"([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ": ("'",),
    r"(?i)\b(can)(?#X)(not)\b": ("cannot",),
    r"(?i)\b(d)(?#X)('ye)\b": ("d'ye",),
    r"(?i)\b(gim)(?#X)(me)\b": ("gimme",),
    r"(?i)\b(gon)(?#X)(na)\b": ("gonna",),
    r"(?i)\b(got)(?#X)(ta)\b": ("gotta",),
    r"(?i)\b(lem)(?#X)(me)\b": ("lemme",),
    r"(?i)\b(more)(?#X)('n)\b": ("more'n",),
    r"(?i)\b(wan)(?#X)(na)(?=\s)": ("wanna",),
    r"(?i) ('t)(?#X)(is)\b": ("'tis",),
    r"(?i) ('t)(?#X)(was)\b": ("'twas",),
}


@lru_cache(maxsize=1)
def _treebank_rules():
    """NLTKWordTokenizer's own substitution rules, in its order, as plain compiled patterns.

    NLTK routes each ``sub`` through a per-call timeout guard (``nltk.redos``) meant for
    patterns a caller supplies; these are NLTK's fixed, vetted patterns, so we apply the
    compiled patterns directly with exactly NLTK's order and replacements, and skip a rule
    when none of the substrings it needs (``_NEEDLES``) is in the text. About 3x faster;
    ``tests/test_tokens.py`` checks the spans equal NLTK's ``span_tokenize``.
    """
    from nltk.tokenize.destructive import NLTKWordTokenizer as W

    def rule(pattern, repl):
        rx = getattr(pattern, "_rx", pattern)
        needles = _NEEDLES.get(rx.pattern)
        return rx, repl, needles, bool(needles) and rx.pattern.startswith("(?i)")

    subs = [rule(p, r) for p, r in W.STARTING_QUOTES + W.PUNCTUATION]
    subs += [rule(*W.PARENS_BRACKETS), rule(*W.DOUBLE_DASHES)]
    ending = [rule(p, r) for p, r in W.ENDING_QUOTES]
    ending += [rule(p, r" \1 \2 ") for p in W.CONTRACTIONS2 + W.CONTRACTIONS3]
    return subs, ending


def _apply(rules, text: str) -> str:
    lower = None
    for rx, repl, needles, fold in rules:
        if needles is not None:
            if fold:
                lower = text.lower() if lower is None else lower
                hay = lower
            else:
                hay = text
            if not any(n in hay for n in needles):
                continue
        out = rx.sub(repl, text)
        if out is not text:
            text, lower = out, None
    return text


_RESTORED_QUOTES = re.compile(r"``|'{2}|\"")


def _treebank_spans(sentence: str) -> list[tuple[int, int]]:
    """``NLTKWordTokenizer().span_tokenize(sentence)`` (same rules, same alignment)."""
    from nltk.tokenize.util import align_tokens

    subs, ending = _treebank_rules()
    out = _apply(ending, " " + _apply(subs, sentence) + " ")
    tokens = out.split()
    if '"' in sentence or "''" in sentence:  # converted quotes back to the original marks
        marks = iter(_RESTORED_QUOTES.findall(sentence))
        tokens = [next(marks) if t in ('"', "``", "''") else t for t in tokens]
    return align_tokens(tokens, sentence)


def _tokens_in(sentence: str) -> list[tuple[int, int]]:
    """Token spans inside one sentence; NLTK's rules first, a plain regex if they cannot align."""
    probe = sentence.translate(_APOSTROPHES)  # same length, so offsets stay valid
    try:
        spans = _treebank_spans(probe)
        if all(0 <= s < e <= len(sentence) for s, e in spans):
            return spans
    except Exception:  # alignment fails on quote characters NLTK rewrote
        pass
    return [m.span() for m in _FALLBACK_TOKEN.finditer(sentence)]


def token_spans(text: str, index: SentenceIndex) -> list[tuple[int, int, int]]:
    """Return ``(start, end, sentence_id)`` of every token of ``text`` (the records of
    :func:`tokenize`), given its sentence index."""
    out = []
    for sid, (s, e) in enumerate(zip(index.starts, index.ends, strict=True)):
        out.extend((s + ts, s + te, sid) for ts, te in _tokens_in(text[s:e]))
    return out


def count_words(text: str, spans) -> int:
    """Return how many of the token ``spans`` contain a letter (``is_word`` of :func:`tokenize`)."""
    search = _LETTER.search
    return sum(1 for s, e, _ in spans if search(text, s, e))


def token_frame(text: str, spans, *, stopwords=None) -> pd.DataFrame:
    """Build the :func:`tokenize` frame from the ``token_spans`` of ``text``."""
    stop = globals()["stopwords"]() if stopwords is None else {w.lower() for w in stopwords}
    toks = [text[s:e] for s, e, _ in spans]
    lower = [t.lower().translate(_APOSTROPHES) for t in toks]
    search = _LETTER.search
    return pd.DataFrame({
        "token_id": np.arange(len(spans), dtype=np.int64),
        "sentence_id": np.fromiter((sid for _, _, sid in spans), np.int64, len(spans)),
        "start": np.fromiter((s for s, _, _ in spans), np.int64, len(spans)),
        "end": np.fromiter((e for _, e, _ in spans), np.int64, len(spans)),
        "token": pd.Series(toks, dtype=object),
        "lower": pd.Series(lower, dtype=object),
        "is_word": np.fromiter((bool(search(t)) for t in toks), bool, len(toks)),
        "is_stopword": np.fromiter((w in stop for w in lower), bool, len(lower)),
    }, columns=TOKEN_COLUMNS)


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


def text_quality(text, *, sentences=None) -> pd.DataFrame:
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

    Parameters
    ----------
    text : str or Article
    sentences : SentenceIndex or DataFrame, optional
        The sentences of ``text`` if already split (used for ``sentence_id``).

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
    return quality_frame(quality_records(text, sentence_index(text, sentences)))


def quality_frame(rows: list[tuple]) -> pd.DataFrame:
    """Build the :func:`text_quality` frame from :func:`quality_records` rows."""
    cols = list(zip(*rows, strict=True)) if rows else [()] * len(QUALITY_COLUMNS)
    data = {}
    for name, values in zip(QUALITY_COLUMNS, cols, strict=True):
        if name in ("start", "end", "sentence_id"):
            data[name] = np.array(values, dtype=np.int64)
        else:
            data[name] = np.array(values, dtype=object)
    return pd.DataFrame(data, columns=QUALITY_COLUMNS)


def quality_records(text: str, index: SentenceIndex) -> list[tuple]:
    """The rows of :func:`text_quality` as tuples in ``QUALITY_COLUMNS`` order."""
    rows = _doubled_and_fragments(text)
    rows += _run_together(text)
    for ps, pe in index.paragraphs:
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
    return [(*r, index.sentence_at(r[1])) for r in rows]


def _doubled_and_fragments(text: str) -> list[tuple]:
    rows: list[tuple] = []
    for m in _DOUBLED.finditer(text):
        if m.group(1).lower() not in _LEGIT_DOUBLES:
            rows.append(("doubled_word", m.start(), m.end(), m.group(),
                         f"“{m.group(1)}” twice in a row"))
    frag_starts = set()
    for m in _anchored(_REPEATED_FRAGMENT, text, _word_run_starts):
        rows.append(("repeated_fragment", m.start(), m.end(), m.group(),
                     f"“{m.group(1)}” repeated across a full stop"))
        frag_starts.add(m.start(3) if m.lastindex and m.lastindex >= 3 else m.start(2))
    abbrevs = word_list("nltk_data/tokenizers/punkt_tab/english/abbrev_types.txt")
    for m in _anchored(_LOWER_AFTER_STOP, text, _letter_run_start):
        word = m.group(1).lower()
        before = text[max(0, m.start(1) - 2):m.start(1)]
        if word in abbrevs or before.endswith(".") or m.start(3) in frag_starts:
            continue
        if m.group(3) in {"com", "org", "net", "gov", "edu"}:
            continue
        rows.append(("fragment", m.start(1), m.end(3), m.group(),
                     "full stop followed by a lower-case word: a damaged or split sentence"))
    return rows


_STOP_MARK = re.compile(r"(?<=[^\W\d_])[.!?]")


def _anchored(rx: re.Pattern, text: str, candidates):
    """``rx.finditer(text)`` for a pattern whose every match is letters ending at a [.!?].

    Instead of trying ``rx`` at every position, only the starts that ``candidates(text, p,
    pos)`` gives for each full stop ``p`` (after ``pos``, the end of the previous match) are
    tried, leftmost first — the same matches, in the same order, as ``finditer`` (a test
    checks this on real news and random text), in a fraction of the time.
    """
    pos = 0
    for stop in _STOP_MARK.finditer(text):
        p = stop.start()
        if p < pos:
            continue
        for start in candidates(text, p, pos):
            m = rx.match(text, start)
            if m is not None:
                yield m
                pos = m.end()
                break


def _is_letter(c: str) -> bool:
    return c.isalnum() and not c.isdecimal()  # the regex class [^\W\d_]


def _letter_run_start(text: str, p: int, pos: int) -> list[int]:
    """The start of the letter run that ends at ``p`` (not before ``pos``)."""
    j = p
    while j > pos and _is_letter(text[j - 1]):
        j -= 1
    return [j] if p - j >= 2 else []


def _word_run_starts(text: str, p: int, pos: int) -> list[int]:
    """Starts of the last one to four whitespace-separated letter words before ``p``,
    farthest first (not before ``pos``)."""
    out, i = [], p
    for _ in range(4):
        j = i
        while j > pos and _is_letter(text[j - 1]):
            j -= 1
        if j == i:
            break
        out.append(j)
        k = j
        while k > pos and text[k - 1].isspace():
            k -= 1
        if k == j:
            break
        i = k
    return out[::-1]


_GLUE = ("the", "and", "of", "to", "in", "a", "for", "on", "that", "with")


def _run_together(text: str) -> list[tuple]:
    lex = _lexicon()
    if not lex:
        return []
    stop = stopwords()
    rows: list[tuple] = []
    for m in _LONG_WORD.finditer(text):
        w = m.group()
        if w in lex:
            continue
        for g in _GLUE:
            if w.endswith(g) and len(w) - len(g) >= 4 and w[: -len(g)] in lex:
                rows.append(("run_together", m.start(), m.end(), w,
                             f"looks like “{w[: -len(g)]} {g}” run together"))
                break
            if w.startswith(g) and len(w) - len(g) >= 4 and w[len(g):] in lex \
                    and g in stop and g not in ("a", "in", "on", "to"):
                rows.append(("run_together", m.start(), m.end(), w,
                             f"looks like “{g} {w[len(g):]}” run together"))
                break
    return rows
