"""The public edge: :func:`extract_figures` (one article → one DataFrame), and for the batch
path :func:`figure_columns` (one article → plain column lists) and :func:`figure_frame`
(column lists of many articles → one DataFrame, built once).
"""

from __future__ import annotations

import warnings as _warnings
from bisect import bisect_right

import pandas as pd

from ..articles import Article, as_text
from ..tokens import sentence_index
from .attribution import counted, link_actors, sources
from .dates import complete, reference
from .grammar import scan_figures
from .numerals import exact

FIGURE_COLUMNS = [
    "figure_id", "surface", "start", "end", "value", "low", "high", "unit", "kind",
    "qualifier", "counted", "source", "source_start", "source_end", "sentence_id",
    "source_actor",
]
KINDS = ("count", "money", "percent", "quantity", "duration", "ordinal", "date", "range")
CLAIM_KINDS = frozenset({"count", "money", "percent", "quantity", "duration", "range"})
_INT = ("figure_id", "start", "end")
_NULLABLE_INT = ("source_start", "source_end", "sentence_id")
_TEXT = ("surface", "kind")


def extract_figures(text, *, sentences=None, actors=None, year=None,
                    clock_times: bool = False) -> pd.DataFrame:
    """Find the numeric figures in a text: value, unit, kind, hedge, what is counted, source.

    Parameters
    ----------
    text : str or Article
        Offsets index this string (``article.text`` for an Article).
    sentences : SentenceIndex or DataFrame, optional
        The text's :func:`~newsresearch.tokens.sentence_index` (or a
        :func:`~newsresearch.tokens.split_sentences` frame); computed when not given.
    actors : DataFrame or False, optional
        A :func:`~newsresearch.actors.find_actors` frame, computed when not given and some
        figure has a source; each source span is linked to the canonical actor it mentions
        (``source_actor``). ``False`` skips the linking.
    year : int or str, optional
        Reference date for completing month-day dates: a year (``2024``) or a date prefix
        (``"2024-01"``, ``"2024-01-05"``). Default: the Article's ``published`` date, if any.
        With a month, "October 7" becomes the most recent October 7 on or before it.
    clock_times : bool, default False
        Report clock times ("2:00 pm") as ``date`` figures with values like ``T14:00``.

    Returns
    -------
    DataFrame
        One row per figure: ``figure_id, surface, start, end, value, low, high, unit, kind,
        qualifier, counted, source, source_start, source_end, sentence_id, source_actor``.
        ``text[start:end] == surface``. ``value`` (object column) is the figure's number —
        an ``int`` when it is whole, otherwise the ``float`` nearest to its exact decimal
        value (scale words and money are computed in decimal arithmetic, so "C$16.4
        million" is exactly 16400000) — or a TIMEX-like string for dates, or None for
        ranges, whose ends are ``low`` and ``high`` (same types).

    Examples
    --------
    >>> t = "Israel has killed more than 22,000 Palestinians, according to the Gaza Ministry of Health."
    >>> df = extract_figures(t)
    >>> df[["surface", "value", "kind", "qualifier", "counted"]].values.tolist()
    [['22,000', 22000, 'count', 'gt', 'Palestinians']]
    >>> df["source"].iloc[0]
    'the Gaza Ministry of Health'
    >>> extract_figures("It sent $147.5 million in 155-millimeter shells on Dec. 8.",
    ...                 year="2024-01")[["value", "unit", "kind"]].values.tolist()
    [[147500000, 'USD', 'money'], [155, 'mm', 'quantity'], ['2023-12-08', None, 'date']]
    """
    s = as_text(text)
    if not s.strip():
        return figure_frame(_empty())
    index = sentence_index(s, sentences)
    cols = _scan_columns(s, index, _reference(text, year), clock_times)
    if actors is not False and any(x is not None for x in cols["source"]):
        if actors is None:
            actors = _find_actors(s, index)
        if actors is not None and len(actors):
            cols["source_actor"] = link_actors(_spans(cols), _mentions(actors))
    return figure_frame(cols)


def figure_columns(text, *, sentences, mentions=None, year=None,
                   clock_times: bool = False) -> dict[str, list]:
    """The figures of one article as plain column lists (the batch path of ``analyze``).

    ``sentences`` is the text's SentenceIndex (or frame); ``mentions`` the actor mentions to
    link sources to — a :class:`~newsresearch.mentions.MentionIndex`, a ``find_actors``
    frame, a dict of its column lists, or ``(start, end, actor)`` triples — or None.
    Keys are :data:`FIGURE_COLUMNS`; :func:`figure_frame` builds the frame of many.

    Examples
    --------
    >>> from newsresearch.tokens import sentence_index
    >>> t = "Israel said 129 hostages remain."
    >>> cols = figure_columns(t, sentences=sentence_index(t), mentions=[(0, 6, "Israel")])
    >>> cols["value"], cols["source"], cols["source_actor"]
    ([129], ['Israel'], ['Israel'])
    """
    s = as_text(text)
    if not s.strip():
        return _empty()
    cols = _scan_columns(s, sentence_index(s, sentences), _reference(text, year), clock_times)
    if mentions is not None and any(x is not None for x in cols["source"]):
        cols["source_actor"] = link_actors(_spans(cols), _mentions(mentions))
    return cols


def figure_frame(columns: dict[str, list]) -> pd.DataFrame:
    """Build the figures DataFrame from column lists (keys not in FIGURE_COLUMNS go first).

    ``surface`` and ``kind`` are text columns, ``figure_id``/``start``/``end`` int64,
    ``source_start``/``source_end``/``sentence_id`` nullable Int64, the rest object columns
    holding None where empty.

    >>> figure_frame(figure_columns("", sentences=None)).dtypes["sentence_id"]
    Int64Dtype()
    """
    from ..frames import build_frame

    names = [c for c in columns if c not in FIGURE_COLUMNS] + FIGURE_COLUMNS
    # text columns (and any extra, such as article_id) are inferred as str; the others keep
    # None (no string inference)
    kinds = {c: "int64" if c in _INT else "Int64" if c in _NULLABLE_INT else
             "text" if c in _TEXT or c not in FIGURE_COLUMNS else "object" for c in names}
    return build_frame({c: columns[c] for c in names}, kinds)


# --------------------------------------------------------------------------- inside


def _empty() -> dict[str, list]:
    return {c: [] for c in FIGURE_COLUMNS}


def _scan_columns(s: str, index, ref, clock_times: bool) -> dict[str, list]:
    """Scan the text and compute every column except ``source_actor`` (all None)."""
    st, figs = scan_figures(s, clock_times=clock_times)
    T = st.T
    fig_starts = {f.a: f.b for f in figs}
    per_sentence: dict[int, _Nearest] = {}
    cols = _empty()
    for k, f in enumerate(figs):
        sid = index.sentence_at(f.start) if len(index) else None
        value = exact(f.value)
        if f.kind == "date" and isinstance(value, str):
            value = complete(value, ref)
        src = None
        if f.kind in CLAIM_KINDS and sid is not None:
            if sid not in per_sentence:
                a, b = index.span(sid)
                spans = sources(st, bisect_right(T.s, a - 1), bisect_right(T.s, b - 1))
                per_sentence[sid] = _Nearest([(T.s[x], T.e[y - 1]) for x, y in spans])
            src = per_sentence[sid].to(f.start, f.end)
        for name, v in (("figure_id", k), ("surface", s[f.start:f.end]), ("start", f.start),
                        ("end", f.end), ("value", value), ("low", exact(f.low)),
                        ("high", exact(f.high)), ("unit", f.unit), ("kind", f.kind),
                        ("qualifier", f.qualifier), ("counted", counted(st, f, fig_starts)),
                        ("source", s[src[0]:src[1]] if src else None),
                        ("source_start", src[0] if src else None),
                        ("source_end", src[1] if src else None), ("sentence_id", sid),
                        ("source_actor", None)):
            cols[name].append(v)
    return cols


class _Nearest:
    """The attribution span nearest a figure: least distance between their starts or their
    ends (the first span on a tie), found by bisection so that a sentence with many spans and
    many figures stays linear-logarithmic."""

    __slots__ = ("spans", "by_start", "by_end")

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = list(dict.fromkeys(spans))  # a repeated span: its first place only
        self.by_start = sorted((s, k) for k, (s, _) in enumerate(self.spans))
        self.by_end = sorted((e, k) for k, (_, e) in enumerate(self.spans))

    def to(self, start: int, end: int) -> tuple[int, int] | None:
        if not self.spans:
            return None
        cand = _around(self.by_start, start) + _around(self.by_end, end)
        k = min(cand, key=lambda k: (min(abs(self.spans[k][0] - start),
                                         abs(self.spans[k][1] - end)), k))
        return self.spans[k]


def _around(pairs: list[tuple[int, int]], x: int) -> list[int]:
    """Indices of every pair whose key is the nearest key at or below ``x`` or above it."""
    p = bisect_right(pairs, (x, float("inf")))
    out = []
    for q in (p - 1, p):
        if 0 <= q < len(pairs):
            key = pairs[q][0]
            lo = bisect_right(pairs, (key, -1))
            hi = bisect_right(pairs, (key, float("inf")))
            out.extend(k for _, k in pairs[lo:hi])
    return out


def _reference(text, year):
    published = None
    if isinstance(text, Article):
        published = text.published or text.metadata.get("published") \
            or text.metadata.get("date")
    return reference(year, published)


def _spans(cols) -> list:
    return [None if a is None else (a, b)
            for a, b in zip(cols["source_start"], cols["source_end"], strict=True)]


def _mentions(actors):
    """The :class:`~newsresearch.mentions.MentionIndex` of a find_actors frame, a dict of its
    column lists (``actors.mention_records``), ``(start, end, actor)`` triples or an index."""
    from ..mentions import MentionIndex

    if isinstance(actors, MentionIndex):
        return actors
    if isinstance(actors, pd.DataFrame):
        return MentionIndex.from_frame(actors)
    if isinstance(actors, dict):
        return MentionIndex(zip(actors["start"], actors["end"], actors["actor"], strict=True))
    return MentionIndex(actors)


def _find_actors(s: str, index):
    """The text's actor mentions for source linking; None (with a warning) if that fails."""
    from ..actors import find_actors

    try:
        return find_actors(s, sentences=index)
    except Exception as exc:  # never let actor linking break figure extraction
        _warnings.warn(f"actor linking skipped: {exc}", stacklevel=3)
        return None
