"""Alias tables: the shipped gazetteer and demonyms, and a user's own table (:func:`read_aliases`)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..resources import table

ACTOR_TYPES = ("person", "organization", "place", "group")
ALIAS_COLUMNS = ["alias", "actor", "actor_type"]


def read_aliases(aliases) -> pd.DataFrame:
    """Read and check a user alias table: a CSV path or a DataFrame with alias, actor, actor_type.

    Parameters
    ----------
    aliases : str, Path or DataFrame
        Columns ``alias, actor, actor_type`` (optional ``gender``); ``actor_type`` one of
        ``person``, ``organization``, ``place``, ``group``. Lines starting with ``#`` are
        comments.

    Returns
    -------
    DataFrame
        ``alias, actor, actor_type, gender`` as strings (``gender`` empty when not given).

    Raises
    ------
    ValueError
        One line naming the file (or "alias table") and what is wrong: missing columns,
        unknown actor types, an unreadable file.

    Examples
    --------
    >>> df = pd.DataFrame({"alias": ["the Fed"], "actor": ["Federal Reserve"],
    ...                    "actor_type": ["organization"]})
    >>> read_aliases(df)[["alias", "actor"]].values.tolist()
    [['the Fed', 'Federal Reserve']]
    """
    df, name = _read_user_table(aliases, "aliases", "alias table", "alias file")
    df.columns = [str(c).strip() for c in df.columns]
    missing = [c for c in ALIAS_COLUMNS if c not in df.columns]
    if missing:
        raise ValueError(f"{name} is missing column(s) {', '.join(missing)}; "
                         f"expected columns alias, actor, actor_type (found: "
                         f"{', '.join(map(str, df.columns)) or 'none'})")
    if "gender" not in df.columns:
        df["gender"] = ""
    df = df[ALIAS_COLUMNS + ["gender"]].fillna("").astype(str)
    for c in df.columns:
        df[c] = df[c].str.strip()
    df = df[df["alias"] != ""]
    bad = sorted(set(df["actor_type"]) - set(ACTOR_TYPES))
    if bad:
        raise ValueError(f"{name}: unknown actor_type {', '.join(map(repr, bad))}; "
                         f"use one of {', '.join(ACTOR_TYPES)}")
    return df.reset_index(drop=True)


def _shipped_alias_rows() -> list[tuple[str, str, str, str]]:
    rows = [(r["alias"], r["actor"], r["actor_type"], r.get("gender") or "")
            for r in table("actors_gazetteer.csv", delimiter=",")]
    for r in table("actors_demonyms.csv", delimiter=","):
        if r["plural"]:
            rows.append((r["plural"], r["plural"], "group", ""))
    return rows


def _read_user_table(source, arg: str, table_label: str,
                     file_label: str) -> tuple[pd.DataFrame, str]:
    """A user's CSV path or DataFrame as a string frame, and the label its errors name."""
    if isinstance(source, pd.DataFrame):
        return source.copy(), f"{table_label} (DataFrame)"
    if not isinstance(source, (str, Path)):
        raise TypeError(f"{arg} must be a CSV path or a DataFrame, got {type(source).__name__}")
    label = f"{file_label} {source}"
    try:
        df = pd.read_csv(source, comment="#", dtype=str, keep_default_na=False,
                         skipinitialspace=True, encoding="utf-8-sig")  # Excel's BOM
    except FileNotFoundError:
        raise ValueError(f"{label}: file not found") from None
    except (OSError, UnicodeDecodeError, pd.errors.ParserError,
            pd.errors.EmptyDataError) as exc:
        raise ValueError(f"{label}: cannot read as CSV ({type(exc).__name__})") from None
    return df, label
