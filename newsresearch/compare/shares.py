"""From counted rows to the tidy table of a comparison: one row per group and item."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .bootstrap import ratio_arrays
from .tables import Groups

__all__ = ["ratio_table", "stack", "OUTPUT_COLUMNS"]

#: The columns after the ``by`` and item columns, in every comparison's output.
OUTPUT_COLUMNS = ["measure", "n_articles", "numerator", "denominator", "estimate", "ci_low",
                  "ci_high"]


def ratio_table(groups: Groups, rows: np.ndarray, keys: list, num, den, *, item_columns,
                measure: str, shared: bool, categories=(), n_boot: int, seed: int,
                confidence: float, counts: bool = True,
                order_by: str = "numerator") -> pd.DataFrame:
    """Return one row per group and item: the ratio of ``num`` to ``den`` sums.

    Parameters
    ----------
    groups : Groups
    rows : ndarray of int
        The ``articles`` row of each counted thing (a row of -1 is not counted).
    keys : list
        The item of each counted thing (a tuple, one value per item column).
    num : array-like
        Numerator value of each counted thing.
    den : array-like
        With ``shared``, the denominator of each article (per ``articles`` row) shared by all
        items; else the denominator value of each counted thing.
    item_columns : list of str
    measure : str
        What the share is ("share of quotes").
    categories : sequence of tuples
        Items listed in every group, in this order, even when nothing counts for them (the
        others follow, largest numerator first). A group where no item is counted and there
        are no categories still gets one row, its items missing (NaN).
    counts : bool
        Whether numerator and denominator are counts (whole numbers).
    order_by : {"numerator", "denominator"}
        Which sum orders the items after the categories (largest first, then by name).
    """
    rows = np.asarray(rows, dtype=np.int64)
    num, den = np.asarray(num, dtype=float), np.asarray(den, dtype=float)
    keep = rows >= 0
    rows, num = rows[keep], num[keep]
    keys = [k for k, ok in zip(keys, keep, strict=True) if ok]
    if not shared:
        den = den[keep]
    code_of = groups.codes[rows] if len(rows) else np.zeros(0, dtype=np.int64)
    out = []
    for g, label in enumerate(groups.labels):
        mine = np.flatnonzero(code_of == g)
        gkeys = [keys[i] for i in mine]
        items = list(dict.fromkeys([*categories, *gkeys])) or [(None,) * len(item_columns)]
        pos = {k: i for i, k in enumerate(items)}
        gden = den[groups.codes == g] if shared else den[mine]
        r = ratio_arrays(int(groups.sizes[g]) if len(groups.sizes) else 0, len(items),
                         groups.local[rows[mine]], [pos[k] for k in gkeys], num[mine], gden,
                         shared=shared, n_boot=n_boot, seed=seed, confidence=confidence)
        for j in _order(items, r[order_by], len(categories)):
            out.append((g, label, *items[j], measure,
                        *(r[c][j] for c in OUTPUT_COLUMNS[1:])))
    cols = ["_group", groups.column or "_label", *item_columns, *OUTPUT_COLUMNS]
    # from columns, not rows: pandas would turn a None item into NaN
    data = dict(zip(cols, map(list, zip(*out, strict=True)), strict=True)) if out else {}
    return _types(pd.DataFrame(data, columns=cols), counts)


def stack(frames, groups: Groups) -> pd.DataFrame:
    """Join ``ratio_table`` frames into one, group by group (in each group the frames' order),
    and drop the helper columns."""
    df = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    df = df.sort_values("_group", kind="stable", ignore_index=True)
    if groups.column:
        df[groups.column] = groups.column_of(df["_group"]).array
    return df.drop(columns=["_group"] + ([] if groups.column else ["_label"]))


def _order(items, size, n_fixed) -> list:
    rest = sorted(range(n_fixed, len(items)), key=lambda i: (-size[i], str(items[i])))
    return [*range(n_fixed), *rest]


def _types(df: pd.DataFrame, counts: bool) -> pd.DataFrame:
    df["n_articles"] = df["n_articles"].astype(np.int64)
    if counts:
        df["numerator"] = df["numerator"].round().astype(np.int64)
        df["denominator"] = df["denominator"].round().astype(np.int64)
    for c in ("estimate", "ci_low", "ci_high"):
        df[c] = df[c].astype(float)
    return df
