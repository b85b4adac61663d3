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
    if isinstance(aliases, pd.DataFrame):
        df, name = aliases.copy(), "alias table (DataFrame)"
    elif isinstance(aliases, (str, Path)):
        name = f"alias file {aliases}"
        try:
            df = pd.read_csv(aliases, comment="#", dtype=str, keep_default_na=False,
                             skipinitialspace=True, encoding="utf-8-sig")  # Excel's BOM
        except FileNotFoundError:
            raise ValueError(f"{name}: file not found") from None
        except (OSError, UnicodeDecodeError, pd.errors.ParserError,
                pd.errors.EmptyDataError) as exc:
            raise ValueError(f"{name}: cannot read as CSV ({type(exc).__name__})") from None
    else:
        raise TypeError(f"aliases must be a CSV path or a DataFrame, got {type(aliases).__name__}")
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
