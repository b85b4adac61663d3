"""Charts of notebook 01: the most frequent words, and the damage in the text.

Each ``*_chart`` draws exactly the table it is given (every row), so that the table saved
beside the picture is the data drawn; the ``*_data`` functions make those tables.
"""

from __future__ import annotations

import pandas as pd

from .style import PALETTE, SOURCE, bar_chart, empty_chart

__all__ = ["word_frequency_chart", "quality_data", "quality_chart"]


def word_frequency_chart(freqs: pd.DataFrame, *, what: str = "words", title: str | None = None,
                         source: str = SOURCE):
    """Bar chart of every row of a ``word_frequencies`` table, most frequent at the top.

    The default title names the two most frequent ``what`` ("words", "content words").
    Select the rows first (``word_frequencies(..., top=20)``).

    Examples
    --------
    >>> from newsresearch.tokens import word_frequencies
    >>> fig = word_frequency_chart(word_frequencies("War, war and peace.", top=2))
    >>> fig.axes[0].get_title(loc="left")
    '“war” and “and” are the most frequent words'
    """
    if freqs.empty:
        return empty_chart("words", source=source)
    if title is None:
        words = [f"“{w}”" for w in freqs["word"].head(2)]
        title = (f"{' and '.join(words)} are the most frequent {what}" if len(words) == 2
                 else f"{words[0]} is the only one of the {what}")
    return bar_chart(freqs, x="word", y="count", title=title, xlabel="occurrences",
                     source=source)


def quality_data(flags: pd.DataFrame) -> pd.DataFrame:
    """Count text-quality flags by kind (a ``text_quality`` table): ``kind, flags``.

    Most frequent kind first; ties in alphabetical order.

    Examples
    --------
    >>> f = pd.DataFrame({"kind": ["fragment", "doubled word", "fragment"]})
    >>> quality_data(f).values.tolist()
    [['fragment', 2], ['doubled word', 1]]
    """
    counts = flags.groupby("kind").size().rename("flags").reset_index()
    return counts.sort_values("flags", ascending=False, kind="stable", ignore_index=True)


def quality_chart(data: pd.DataFrame, *, title: str | None = None, source: str = SOURCE):
    """Bar chart of text-quality flags by kind (a :func:`quality_data` table).

    Examples
    --------
    >>> d = pd.DataFrame({"kind": ["fragment"], "flags": [3]})
    >>> quality_chart(d).axes[0].get_title(loc="left")
    '3 text-quality flags'
    """
    if data.empty:
        return empty_chart("text-quality flags", source=source)
    return bar_chart(data, x="kind", y="flags", color=PALETTE[3],
                     title=title or f"{int(data['flags'].sum())} text-quality flags",
                     xlabel="flags", source=source)
