"""Build a DataFrame from column lists in one step: the edge every extractor ends at.

Inside, extractors keep plain column lists; :func:`build_frame` turns them into a frame
with the dtypes each table documents, without pandas' per-column inference (which costs
more than the extraction for a short article). The numeric columns of one dtype are
stacked into one block and the frame is assembled with
``pandas.api.internals.create_dataframe_from_blocks``; where that is missing (pandas
before 2.3) the ordinary constructor is used, with the same result.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache

import numpy as np
import pandas as pd

#: the column kinds :func:`build_frame` knows, as pandas names their dtypes
KINDS = ("int64", "float64", "bool", "object", "str", "text", "Int64")
_NUMPY = {"int64": np.int64, "float64": np.float64, "bool": np.bool_}


def build_frame(columns: Mapping[str, Sequence], kinds: Mapping[str, str | None]
                ) -> pd.DataFrame:
    """Return a DataFrame of ``columns`` (in their order) with the dtype ``kinds[name]``.

    Parameters
    ----------
    columns : mapping of str to sequence
        Column name → values, all of one length (lists, tuples, numpy arrays).
    kinds : mapping of str to str
        Column name → one of :data:`KINDS`: ``int64``, ``float64`` and ``bool`` numpy
        columns; ``object`` (values kept as they are, None stays None); ``str`` (pandas'
        text dtype, None becomes NaN); ``text`` (what pandas infers: for str/None values
        ``str`` when there is a string, ``object`` for no rows or only None); ``Int64``
        (nullable integers, None becomes ``<NA>``); None for a column that is already a
        numpy or pandas array, taken as it is.

    Returns
    -------
    DataFrame
        With a ``RangeIndex``.

    Examples
    --------
    >>> df = build_frame({"word": ["a", "b"], "n": [1, 2], "note": [None, "x"]},
    ...                  {"word": "str", "n": "int64", "note": "object"})
    >>> df.dtypes.astype(str).tolist(), df["note"].tolist()
    (['str', 'int64', 'object'], [None, 'x'])
    """
    names = list(columns)
    n = len(columns[names[0]]) if names else 0
    arrays = [_column(columns[c], kinds.get(c), n, c) for c in names]
    try:
        from pandas.api.internals import create_dataframe_from_blocks
    except ImportError:  # pandas < 2.3
        return pd.DataFrame(dict(zip(names, arrays, strict=True)), index=pd.RangeIndex(n),
                            columns=names, copy=False)
    blocks, numeric = [], {}
    for pos, arr in enumerate(arrays):
        if isinstance(arr, np.ndarray):
            numeric.setdefault(arr.dtype, []).append(pos)
        else:
            blocks.append((arr, np.array([pos])))
    for positions in numeric.values():
        blocks.append((np.vstack([arrays[p] for p in positions]), np.array(positions)))
    return create_dataframe_from_blocks(blocks, index=pd.RangeIndex(n),
                                        columns=_column_index(tuple(names)))


@cache
def _column_index(names: tuple[str, ...]) -> pd.Index:
    """The columns ``Index`` of these names (built once: inferring its str dtype is slow)."""
    return pd.Index(list(names))


@cache
def _str_dtype():
    return pd.api.types.pandas_dtype("str")


def _column(values, kind: str | None, n: int, name: str):
    """One column as a 1-D numpy array (numeric, object) or an extension array."""
    if len(values) != n:
        raise ValueError(f"column {name!r} has {len(values)} values, not {n}")
    if isinstance(values, pd.Series | pd.Index):
        values = values.array
    if isinstance(values, pd.arrays.NumpyExtensionArray):
        values = values.to_numpy()
    if kind is None:
        if isinstance(values, np.ndarray | pd.api.extensions.ExtensionArray):
            return values
        raise TypeError(f"column {name!r}: give a kind for a {type(values).__name__}")
    if kind in _NUMPY:
        if isinstance(values, np.ndarray) and values.dtype == _NUMPY[kind]:
            return values
        return np.fromiter(values, dtype=_NUMPY[kind], count=n)
    if kind == "object":
        return np.fromiter(values, dtype=object, count=n)
    if kind == "str":
        return _strings(values)
    if kind == "text":
        if not _strings_or_none(values):  # not text after all: what pandas infers
            arr = pd.Series(list(values), dtype=None).array
            return arr.to_numpy() if isinstance(arr, pd.arrays.NumpyExtensionArray) else arr
        if any(v is not None for v in values):
            return _strings(values)
        return np.fromiter(values, dtype=object, count=n)
    if kind == "Int64":
        data = np.fromiter((0 if v is None else v for v in values), dtype=np.int64, count=n)
        mask = np.fromiter((v is None for v in values), dtype=bool, count=n)
        return pd.arrays.IntegerArray(data, mask)
    raise ValueError(f"column {name!r}: unknown kind {kind!r} (one of {', '.join(KINDS)})")


def _strings(values):
    """pandas' text dtype from str/None values, through pyarrow directly when it can."""
    dtype = _str_dtype()
    if isinstance(values, pd.api.extensions.ExtensionArray) and values.dtype == dtype:
        return values
    if getattr(dtype, "storage", None) == "pyarrow" and _strings_or_none(values):
        import pyarrow as pa

        try:
            arr = pa.array(values, type=pa.large_string())
        except (pa.ArrowException, ValueError):  # e.g. a lone surrogate: pandas says why
            pass
        else:
            return pd.arrays.ArrowStringArray(arr, dtype=dtype)
    return pd.array(values, dtype="str")


def _strings_or_none(values) -> bool:
    return all(v is None or type(v) is str for v in values)
