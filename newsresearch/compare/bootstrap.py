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

Inside, everything is numpy: the draws of a group are a matrix of article weights
(``n_boot × n``, multinomial counts), and the sums of every item are the weights times the
item's per-article values, so a replicate never builds a DataFrame. The weights are drawn in
blocks of replicates, and the items taken in blocks, so that memory stays bounded however
many articles and actors a group has (a block is drawn again, from the same seed, for each
block of items).
"""

from __future__ import annotations

import numpy as np

__all__ = ["boot_weights", "ratio_arrays", "nan_quantiles"]

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
    blocks = [wt.T for _, _, wt in _weight_blocks(n, n_boot, seed)]
    return np.concatenate(blocks) if blocks else np.zeros((0, n))


def _weight_blocks(n: int, n_boot: int, seed: int):
    """Yield ``(r0, r1, wt)``: the weights of replicates ``r0 … r1-1``, transposed
    (``n × (r1 - r0)``, the draws of one article contiguous), from one generator."""
    rng = np.random.default_rng(seed)
    step = max(1, _BLOCK // max(1, n))
    for r0 in range(0, n_boot, step):
        k = min(n_boot, r0 + step) - r0
        drawn = rng.integers(0, n, size=(k, n)) if n else np.zeros((k, 0), dtype=np.int64)
        cells = (drawn * k + np.arange(k)[:, None]).ravel()  # (article, replicate) cells
        wt = np.bincount(cells, minlength=n * k).astype(float).reshape(n, k)
        yield r0, r0 + k, wt


def _sums(wt: np.ndarray, art: np.ndarray, item: np.ndarray, val: np.ndarray, lo: int,
          hi: int) -> np.ndarray:
    """Replicate sums (``(hi - lo) × replicates``) of ``val`` per item ``lo … hi-1``, from
    the transposed weights ``wt`` of a block of replicates; rows sorted by item."""
    out = np.zeros((hi - lo, wt.shape[1]))
    a, b = np.searchsorted(item, [lo, hi])
    step = max(1, _BLOCK // max(1, wt.shape[1]))
    for s in range(a, b, step):
        e = min(b, s + step)
        it, v = item[s:e], val[s:e]
        starts = np.flatnonzero(np.r_[True, it[1:] != it[:-1]])
        drawn = wt[art[s:e]] if np.all(v == 1) else wt[art[s:e]] * v[:, None]
        out[it[starts] - lo] += np.add.reduceat(drawn, starts, axis=0)
    return out


def nan_quantiles(values: np.ndarray, qs, *, axis: int = 0) -> list[np.ndarray]:
    """Quantiles of each column (``axis=0``) or row (``axis=1``) of a 2-D array ignoring
    NaN — ``np.nanquantile(values, q, axis=axis)``, linear method — in one sort; a column of
    NaN only gives NaN.

    Examples
    --------
    >>> v = np.array([[1.0, np.nan], [2.0, np.nan], [np.nan, np.nan], [4.0, np.nan]])
    >>> [q.tolist() for q in nan_quantiles(v, [0.0, 0.5])]
    [[1.0, nan], [2.0, nan]]
    """
    rows = values if axis == 1 else values.T
    ordered = np.sort(rows, axis=1)  # NaN last
    valid = np.count_nonzero(~np.isnan(rows), axis=1)
    at = np.arange(rows.shape[0])
    last = np.maximum(valid - 1, 0)
    out = []
    for q in qs:
        pos = q * last
        below = np.floor(pos).astype(np.int64)
        above = np.minimum(below + 1, last)
        a, b = ordered[at, below], ordered[at, above]
        with np.errstate(invalid="ignore"):
            got = np.where(pos == below, a, a + (pos - below) * (b - a))
        out.append(np.where(valid > 0, got, np.nan))
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
    # one value per (item, article): rows sorted by item, the bootstrap's work per pair
    pair, where = np.unique(item * max(n, 1) + art, return_inverse=True)
    item, art = pair // max(n, 1), pair % max(n, 1)
    num = np.bincount(where, weights=num, minlength=len(pair))
    numerator = np.bincount(item, weights=num, minlength=n_items)
    if shared:
        denominator = np.full(n_items, den.sum())
        n_articles = np.full(n_items, int(np.count_nonzero(den)))
    else:
        den = np.bincount(where, weights=den, minlength=len(pair))
        denominator = np.bincount(item, weights=den, minlength=n_items)
        n_articles = np.bincount(item[den != 0], minlength=n_items)
    # the weights, drawn once when they are small, else drawn again for each block of items
    kept = list(_weight_blocks(n, n_boot, seed)) if n * n_boot <= 2 * _BLOCK else None

    def weights():
        return kept if kept is not None else _weight_blocks(n, n_boot, seed)

    if shared:
        shared_den = np.empty(n_boot)
        for r0, r1, wt in weights():
            shared_den[r0:r1] = den @ wt
    tail = (1 - confidence) / 2
    low, high = np.full(n_items, np.nan), np.full(n_items, np.nan)
    step = max(1, _BLOCK // max(1, n_boot))
    for lo in range(0, n_items, step):
        hi = min(n_items, lo + step)
        top = np.empty((hi - lo, n_boot))
        bottom = shared_den[None, :] if shared else np.empty((hi - lo, n_boot))
        for r0, r1, wt in weights():
            top[:, r0:r1] = _sums(wt, art, item, num, lo, hi)
            if not shared:
                bottom[:, r0:r1] = _sums(wt, art, item, den, lo, hi)
        with np.errstate(invalid="ignore", divide="ignore"):
            ratio = np.where(bottom != 0, top / bottom, np.nan)
        low[lo:hi], high[lo:hi] = nan_quantiles(ratio, [tail, 1 - tail], axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        estimate = np.where(denominator != 0, numerator / denominator, np.nan)
    unknown = (denominator == 0) | (n_articles < 2)
    low[unknown], high[unknown] = np.nan, np.nan
    return {"n_articles": np.asarray(n_articles, dtype=np.int64), "numerator": numerator,
            "denominator": denominator, "estimate": estimate, "ci_low": low, "ci_high": high}
