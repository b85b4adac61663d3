"""Paragraphs and sentences (Punkt with our parameters) and the one :class:`SentenceIndex`."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

import numpy as np
import pandas as pd

from ..articles import as_text
from ..resources import nltk_data_dir, word_list

SENTENCE_COLUMNS = ["sentence_id", "paragraph_id", "start", "end", "text"]
TOKEN_COLUMNS = ["token_id", "sentence_id", "start", "end", "token", "lower", "is_word",
                 "is_stopword"]
QUALITY_COLUMNS = ["kind", "start", "end", "surface", "note", "sentence_id"]
_SENTENCE_KINDS = {"sentence_id": "int64", "paragraph_id": "int64", "start": "int64",
                   "end": "int64", "text": "text"}

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
        from ..frames import build_frame

        self.check(text)
        return build_frame({
            "sentence_id": np.arange(len(self), dtype=np.int64),
            "paragraph_id": self.paragraph_ids,
            "start": self.starts,
            "end": self.ends,
            "text": [text[s:e] for s, e in zip(self.starts, self.ends, strict=True)],
        }, _SENTENCE_KINDS)

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

