"""The tables a comparison reads, and the group of every article (``by=``).

A comparison reads the tables of a corpus run (:class:`~newsresearch.results.Results`), the
same tables for a list of :class:`~newsresearch.analysis.Analysis` (joined by the batch path
of :mod:`newsresearch.pipeline`, so both give the same rows), or a dict of such tables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

__all__ = ["corpus_tables", "article_groups", "Groups", "DERIVED"]

#: ``by=`` names computed from ``published`` when ``articles`` has no such column.
DERIVED = {"year": re.compile(r"^\s*(\d{4})"), "month": re.compile(r"^\s*(\d{4}-\d{2})")}


def corpus_tables(source, names) -> dict[str, pd.DataFrame]:
    """Return the tables ``names`` (plus ``articles``) of ``source``.

    Parameters
    ----------
    source : Results, list of Analysis, or dict of str to DataFrame
        A corpus run opened with :func:`~newsresearch.results.open_results`, the analyses of
        many articles (their ``article_id`` is their position, ``"0"``, ``"1"``, …), or the
        tables themselves (as :func:`~newsresearch.pipeline.analyze_batch` returns them).
    names : iterable of str

    Examples
    --------
    >>> from newsresearch import analyze
    >>> t = corpus_tables([analyze("“Yes,” said Jane Doe."), analyze("No.")], ["quotes"])
    >>> t["articles"]["article_id"].tolist(), t["quotes"]["speaker"].tolist()
    (['0', '1'], ['Jane Doe'])
    """
    names = ["articles", *[n for n in names if n != "articles"]]
    if hasattr(source, "table") and hasattr(source, "manifest"):  # Results
        return {n: source.table(n) for n in names}
    if isinstance(source, dict):
        missing = [n for n in names if n not in source]
        if missing:
            raise ValueError(f"the tables given lack {', '.join(missing)}; a comparison needs "
                             f"{', '.join(names)}")
        return {n: source[n] for n in names}
    if isinstance(source, (str, bytes)) or not hasattr(source, "__iter__"):
        raise TypeError("source must be a Results (open_results), a list of Analysis "
                        f"(analyze) or a dict of tables, not {type(source).__name__}")
    return _analysis_tables(list(source), names)


def _analysis_tables(analyses: list, names) -> dict[str, pd.DataFrame]:
    from ..analysis import Analysis
    from ..pipeline import _actor_sentiment_table, _articles_table, _stacked

    for i, a in enumerate(analyses):
        if not isinstance(a, Analysis):
            raise TypeError(f"item {i} of source is {type(a).__name__}, not an Analysis "
                            "(make one with newsresearch.analyze)")
    done = [(str(i), {}, a.parts) for i, a in enumerate(analyses)]
    out = {}
    for n in names:
        if n == "articles":
            out[n] = _articles_table(done)
        elif n == "actor_sentiment":
            out[n] = _actor_sentiment_table(done)
        else:
            out[n] = _stacked(n, done)
    return out


@dataclass(frozen=True)
class Groups:
    """The group of every article: ``codes[i]`` for the i-th row of ``articles``.

    ``labels[g]`` is the value of group ``g`` (sorted; a missing value is its own group,
    last); ``column`` the name of the ``by`` column in the output (None without ``by``);
    ``local[i]`` the position of article ``i`` among the articles of its group;
    ``values`` the labels as a pandas array of the ``by`` values' dtype.
    """

    column: str | None
    labels: list
    codes: np.ndarray
    local: np.ndarray
    sizes: np.ndarray
    ids: dict  # article_id -> row of articles
    values: object = None  # pandas array of the labels

    def column_of(self, codes) -> pd.Series:
        """The ``by`` column for rows of the given group codes, in the by values' dtype."""
        return pd.Series(self.values.take(np.asarray(codes, dtype=np.int64)))

    def rows(self, article_ids) -> np.ndarray:
        """Rows of ``articles`` of the given ids (-1 for an id not in ``articles``)."""
        return np.fromiter((self.ids.get(a, -1) for a in article_ids), np.int64,
                           count=len(article_ids))


def article_groups(articles: pd.DataFrame, by) -> Groups:
    """Return the group of every article of ``articles`` for ``by``.

    Parameters
    ----------
    articles : DataFrame
        The ``articles`` table (``article_id`` first).
    by : None, str or callable
        None: one group of all articles. A column of ``articles`` (``outlet``, ``category``,
        …); ``"year"`` (an integer) or ``"month"`` (``"YYYY-MM"``) are computed from
        ``published`` when ``articles`` has no such column (an article without a date is in
        the group of missing values). A function is called with each article row (a
        ``pandas.Series``) and returns its group; the output column is then ``group``.
        Groups come sorted by their value (in order of first appearance when the values
        cannot be sorted), the group of missing values last; no article is left out.

    Examples
    --------
    >>> arts = pd.DataFrame({"article_id": ["a", "b", "c"],
    ...                      "published": ["2019-05-01", "2020-01-02", "2019-12"]})
    >>> g = article_groups(arts, "year")
    >>> g.column, g.labels, g.codes.tolist(), g.sizes.tolist()
    ('year', [2019, 2020], [0, 1, 0], [2, 1])
    """
    n = len(articles)
    ids = {a: i for i, a in enumerate(articles["article_id"].tolist())} if n else {}
    if by is None:
        values, column = pd.Series(np.zeros(n, dtype=np.int64)), None
    elif callable(by):
        values, column = pd.Series([by(row) for _, row in articles.iterrows()], dtype=object), \
            "group"
    elif isinstance(by, str):
        values, column = _by_column(articles, by), by
    else:
        raise TypeError(f"by must be None, an articles column name or a function of an "
                        f"article row, not {type(by).__name__}")
    try:
        codes, uniques = pd.factorize(values, sort=True, use_na_sentinel=False)
    except TypeError:  # values that cannot be ordered (a function giving 1 and "a"): as met
        codes, uniques = pd.factorize(values, sort=False, use_na_sentinel=False)
    labels = [None if _na(v) else v.item() if hasattr(v, "item") else v for v in uniques]
    codes = np.asarray(codes, dtype=np.int64)
    sizes = np.bincount(codes, minlength=len(labels)).astype(np.int64)
    local = np.zeros(n, dtype=np.int64)
    seen = np.zeros(len(labels), dtype=np.int64)
    for i, c in enumerate(codes):
        local[i] = seen[c]
        seen[c] += 1
    return Groups(column, labels if column else [None], codes, local, sizes, ids,
                  values=pd.Series(uniques).array)


def _by_column(articles: pd.DataFrame, by: str) -> pd.Series:
    if articles.empty and by not in articles.columns:  # no articles: no groups
        return pd.Series([], dtype=object)
    if by in articles.columns:
        return articles[by].reset_index(drop=True)
    if by in DERIVED and "published" in articles.columns:
        got = articles["published"].astype("string").str.extract(DERIVED[by], expand=False)
        return got.astype("Int64") if by == "year" else got.astype(object).where(got.notna())
    cols = ", ".join(c for c in articles.columns if c != "text")
    raise ValueError(f"by={by!r} is not a column of the articles table (columns: {cols}; "
                     "'year' and 'month' are computed from 'published')")


def _na(v) -> bool:
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False
