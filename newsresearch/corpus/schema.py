"""One storage schema per table, so that every Parquet part of a run has the same column types.

A part holds the rows of one batch. Without a fixed schema, a batch whose quotes all lack a
speaker would store ``speaker`` as a null column, and a batch without figures would store
``value`` as nothing at all; DuckDB, pyarrow and Dask then refuse to read the parts as one
dataset. Here every column has one declared type, whatever a batch holds:

* ``string`` — text; a number in a text column (``figures.value`` holds numbers and ISO-like
  dates) is written as its ``str``;
* ``int64`` — whole numbers, read back as numpy ``int64``, or as pandas' nullable ``Int64``
  when the column can be empty (``int64?``);
* ``float64`` — numbers with a fraction (empty cells are NaN);
* ``bool`` — read back as pandas' nullable ``boolean``.

The ``articles`` table also carries the extra fields of the input records (``outlet``,
``category``…); their types are found once per run by reading the input (see
:func:`extra_type`) and kept in the run's manifest.
"""

from __future__ import annotations

import json
import math

__all__ = ["TABLES", "COLUMNS", "table_columns", "to_arrow", "to_pandas", "arrow_schema",
           "extra_type", "merge_types"]

#: Every table a corpus run writes, in the order of the data dictionary.
TABLES = ("articles", "sentences", "actors", "actor_sentiment", "quotes", "figures", "failures")

_S, _I, _IN, _F = "string", "int64", "int64?", "float64"
_COUNTS = ("characters", "paragraphs", "sentences", "words", "actors", "mentions", "people",
           "organizations", "places", "groups", "quotes", "direct_quotes", "quoted_speakers",
           "anonymous_quotes", "figures", "sourced_figures", "quality_flags", "warnings")

#: Column types per table. ``articles`` lists the columns before (``article_id``, ``input``)
#: and after the extra input fields.
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "articles_head": (("article_id", _S), ("input", _S)),
    "articles": (("title", _S), ("published", _S), ("url", _S), ("authors", _S),
                 *((c, _I) for c in _COUNTS), ("text", _S)),
    "sentences": (("article_id", _S), ("sentence_id", _I), ("paragraph_id", _I),
                  ("start", _I), ("end", _I), ("text", _S)),
    "actors": (("article_id", _S), ("mention_id", _I), ("actor", _S), ("actor_type", _S),
               ("surface", _S), ("start", _I), ("end", _I), ("sentence_id", _I),
               ("gender", _S), ("title", _S)),
    "actor_sentiment": (("article_id", _S), ("actor", _S), ("actor_type", _S),
                        ("mentions", _I), ("mean", _F), ("ci_low", _F), ("ci_high", _F),
                        ("share_negative", _F), ("share_neutral", _F), ("share_positive", _F),
                        ("target_mean", _F), ("vader_mean", _F), ("textblob_mean", _F),
                        ("method", _S)),
    "quotes": (("article_id", _S), ("quote_id", _I), ("start", _I), ("end", _I),
               ("quote", _S), ("speaker", _S), ("speaker_surface", _S),
               ("speaker_start", _IN), ("speaker_end", _IN), ("speaker_role", _S),
               ("speaker_new_actor", "bool"), ("speaker_gender", _S), ("cue", _S),
               ("cue_start", _IN),
               ("cue_end", _IN), ("kind", _S), ("source_type", _S), ("sentence_id", _I),
               ("paragraph_id", _I)),
    "figures": (("article_id", _S), ("figure_id", _I), ("surface", _S), ("start", _I),
                ("end", _I), ("value", _S), ("low", _F), ("high", _F), ("unit", _S),
                ("kind", _S), ("qualifier", _S), ("counted", _S), ("source", _S),
                ("source_start", _IN), ("source_end", _IN), ("sentence_id", _IN),
                ("source_actor", _S)),
    "failures": (("article_id", _S), ("input", _S), ("reason", _S)),
}


def table_columns(name: str, extras=(), present=()) -> list[tuple[str, str]]:
    """Return ``(column, type)`` of a table; ``extras`` are the articles' extra fields.

    A column the analysis returns that is not declared here (``present``) is stored as text
    after the declared ones, so a new column is never lost (declare it to give it a type).
    """
    if name == "articles":
        cols = [*COLUMNS["articles_head"], *[(c, t) for c, t in extras], *COLUMNS["articles"]]
        cols = cols[:-1] + [(c, _S) for c in present if c not in dict(cols)] + cols[-1:]
        return cols
    cols = list(COLUMNS[name])
    return cols + [(c, _S) for c in present if c not in dict(cols)]


def arrow_schema(columns):
    import pyarrow as pa

    types = {"string": pa.string(), "int64": pa.int64(), "int64?": pa.int64(),
             "float64": pa.float64(), "bool": pa.bool_()}
    return pa.schema([pa.field(c, types[t]) for c, t in columns])


def to_arrow(df, columns):
    """Return ``df`` as a pyarrow Table with exactly ``columns`` (missing ones all empty)."""
    import pyarrow as pa

    n = len(df)
    arrays = []
    for col, kind in columns:
        values = df[col].tolist() if col in df.columns else [None] * n
        arrays.append(pa.array(_convert(values, kind, col), type=arrow_schema([(col, kind)])
                               .field(0).type))
    return pa.Table.from_arrays(arrays, schema=arrow_schema(columns))


def _convert(values: list, kind: str, col: str) -> list:
    if kind == "string":
        return [None if _missing(v) else v if isinstance(v, str)
                else json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict))
                else str(v) for v in values]
    if kind in ("int64", "int64?"):
        out = []
        for v in values:
            if _missing(v):
                out.append(None)
            elif float(v) != int(v):
                raise ValueError(f"column {col!r} is declared whole numbers but holds {v!r}")
            else:
                out.append(int(v))
        return out
    if kind == "float64":
        return [None if _missing(v) else float(v) for v in values]
    return [None if _missing(v) else bool(v) for v in values]


def _missing(v) -> bool:
    if v is None:
        return True
    if isinstance(v, float):
        return math.isnan(v)
    return type(v).__name__ in ("NAType", "NaTType")


def to_pandas(table, columns):
    """Return an Arrow table as a DataFrame with the dtypes its declared ``columns`` give."""
    df = table.to_pandas()
    for col, kind in columns:
        if col not in df.columns:
            continue
        if kind == "int64" and df[col].isna().any() or kind == "int64?":
            df[col] = df[col].astype("Int64")
        elif kind == "int64":
            df[col] = df[col].astype("int64")
        elif kind == "bool":
            df[col] = df[col].astype("boolean")
    return df


# --------------------------------------------------------------------------- extra fields


def extra_type(value) -> str | None:
    """The storage type a value of an extra input field needs (None: no evidence)."""
    if _missing(value):
        return None
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int64?"
    if isinstance(value, float):
        return "float64"
    return "string"


def merge_types(a: str | None, b: str | None) -> str | None:
    """One type for a field seen with types ``a`` and ``b`` (numbers widen; else text)."""
    if a is None or a == b:
        return b
    if b is None:
        return a
    if {a, b} == {"int64?", "float64"}:
        return "float64"
    return "string"
