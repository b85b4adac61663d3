"""Ratios of sums per group and item, with a percentile bootstrap over articles.

Every comparison of :mod:`newsresearch.compare` is a ratio of two sums over the articles of a
group: quotes by women over quotes with a known gender, mentions of an actor over all
mentions, the sum of an actor's sentiment scores over its mentions. The quotes or mentions of
one article are not independent of each other, so the interval resamples **articles**: each
of the ``n_boot`` replicates draws the group's articles with replacement (as many as the group
has), sums numerator and denominator over the drawn articles, and takes their ratio; the 95 %
interval is the 2.5th and 97.5th percentile of the replicates whose denominator is not zero.
With fewer than two articles behind the denominator the interval is NaN: one article says
nothing about how articles vary (its replicates would all give the same ratio).

Inside, everything is numpy: the draws of a group are one matrix of article weights
(``n_boot × n``, multinomial counts), and the sums of every item are the weights times the
item's per-article values, so a replicate never builds a DataFrame.
"""

from __future__ import annotations

import warnings

import numpy as np

__all__ = ["boot_weights", "ratio_arrays"]

# bound on the floats of one (replicates x values) block, so memory stays flat
_BLOCK = 4_000_000


def boot_weights(n: int, *, n_boot: int, seed: int) -> np.ndarray:
    """Return how often each of ``n`` articles is drawn in each replicate (``n_boot × n``).

    Every group gets its own generator seeded with ``seed``, so a group's interval depends
    only on its own articles and the seed (not on the other groups).

    Examples
    --------
    >>> w = boot_weights(3, n_boot=4, seed=0)
    >>> w.shape, w.sum(axis=1).tolist()
    ((4, 3), [3.0, 3.0, 3.0, 3.0])
    """
    if n == 0:
        return np.zeros((n_boot, 0))
    rng = np.random.default_rng(seed)
    return rng.multinomial(n, np.full(n, 1.0 / n), size=n_boot).astype(float)


def _sums(w: np.ndarray, art: np.ndarray, item: np.ndarray, val: np.ndarray, lo: int,
          hi: int) -> np.ndarray:
    """Replicate sums (``n_boot × (hi - lo)``) of ``val`` per item, rows sorted by item."""
    out = np.zeros((w.shape[0], hi - lo))
    a, b = np.searchsorted(item, [lo, hi])
    step = max(1, _BLOCK // max(1, w.shape[0]))
    for s in range(a, b, step):
        e = min(b, s + step)
        it = item[s:e]
        starts = np.flatnonzero(np.r_[True, it[1:] != it[:-1]])
        out[:, it[starts] - lo] += np.add.reduceat(w[:, art[s:e]] * val[s:e], starts, axis=1)
    return out


def ratio_arrays(n: int, n_items: int, art, item, num, den, *, shared: bool, n_boot: int,
                 seed: int, confidence: float = 0.95) -> dict[str, np.ndarray]:
    """Return the ratio of sums of every item of one group, with its bootstrap interval.

    Parameters
    ----------
    n : int
        Articles in the group (positions ``0 … n-1``).
    n_items : int
        Items (positions ``0 … n_items-1``).
    art, item, num : array-like
        One row per counted thing: its article, its item and its numerator value.
    den : array-like
        With ``shared=True``, the denominator of each article (length ``n``), shared by every
        item; else the denominator value of each row (same rows as ``num``).
    shared : bool
        Whether ``den`` is per article (shared) or per row.
    n_boot, seed, confidence
        Replicates, seed and level of the percentile interval.

    Returns
    -------
    dict of str to ndarray
        ``n_articles`` (articles with a non-zero denominator), ``numerator``,
        ``denominator``, ``estimate``, ``ci_low``, ``ci_high`` — one value per item; a zero
        denominator gives NaN estimate and interval, fewer than two articles behind the
        denominator a NaN interval.

    Examples
    --------
    >>> r = ratio_arrays(2, 1, [0, 1], [0, 0], [1, 0], [1, 1], shared=True, n_boot=200,
    ...                  seed=0)
    >>> r["numerator"].tolist(), r["denominator"].tolist(), r["estimate"].tolist()
    ([1.0], [2.0], [0.5])
    >>> r["ci_low"].tolist(), r["ci_high"].tolist()
    ([0.0], [1.0])
    """
    art, item = np.asarray(art, dtype=np.int64), np.asarray(item, dtype=np.int64)
    num, den = np.asarray(num, dtype=float), np.asarray(den, dtype=float)
    order = np.argsort(item, kind="stable")
    art, item, num = art[order], item[order], num[order]
    numerator = np.bincount(item, weights=num, minlength=n_items)
    if shared:
        denominator = np.full(n_items, den.sum())
        n_articles = np.full(n_items, int(np.count_nonzero(den)))
    else:
        den = den[order]
        denominator = np.bincount(item, weights=den, minlength=n_items)
        pairs = np.unique(item[den != 0] * max(n, 1) + art[den != 0])
        n_articles = np.bincount(pairs // max(n, 1), minlength=n_items)
    w = boot_weights(n, n_boot=n_boot, seed=seed)
    shared_den = (w @ den)[:, None] if shared else None
    tail = (1 - confidence) / 2
    low, high = np.full(n_items, np.nan), np.full(n_items, np.nan)
    step = max(1, _BLOCK // max(1, n_boot))
    for lo in range(0, n_items, step):
        hi = min(n_items, lo + step)
        top = _sums(w, art, item, num, lo, hi)
        bottom = shared_den if shared else _sums(w, art, item, den, lo, hi)
        with np.errstate(invalid="ignore", divide="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN items: NaN interval
            ratio = np.where(bottom != 0, top / bottom, np.nan)
            low[lo:hi], high[lo:hi] = np.nanquantile(ratio, [tail, 1 - tail], axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        estimate = np.where(denominator != 0, numerator / denominator, np.nan)
    unknown = (denominator == 0) | (n_articles < 2)
    low[unknown], high[unknown] = np.nan, np.nan
    return {"n_articles": np.asarray(n_articles, dtype=np.int64), "numerator": numerator,
            "denominator": denominator, "estimate": estimate, "ci_low": low, "ci_high": high}
