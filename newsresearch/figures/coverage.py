"""What the grammar covers, computed from its data files: the size of every word list, and
each pattern of ``figure_grammar_cases.tsv`` run through :func:`extract_figures` (notebook 04).
"""

from __future__ import annotations

import pandas as pd

from ..resources import table
from .lexicon import lexicon


def word_lists() -> pd.DataFrame:
    """Count the entries of every word list the grammar reads, one row per list.

    Examples
    --------
    >>> lists = word_lists()
    >>> int(lists.loc[lists["list"] == "fraction characters", "entries"].iloc[0]) >= 10
    True
    """
    L = lexicon()
    units = table("units.tsv")
    cur = table("currencies.tsv")
    codes = [r for r in cur if len(r["surface"]) == 3 and r["surface"].isupper()]
    fractions = table("figure_fractions.tsv")
    rows = [
        ("number words", "number_words.tsv",
         sum(1 for r in table("number_words.tsv") if r["type"] != "vague")),
        ("vague plurals (thousands of)", "number_words.tsv", len(L.vague)),
        ("fraction words", "figure_fractions.tsv",
         sum(1 for r in fractions if r["type"] != "symbol")),
        ("fraction characters", "figure_fractions.tsv", len(L.fractions)),
        ("scale words and abbreviations", "scale_words.tsv", len(table("scale_words.tsv"))),
        ("unit spellings", "units.tsv", len(units)),
        ("canonical units", "units.tsv", len({r["unit"] for r in units})),
        ("units that join (5 feet 2 inches)", "unit_dimensions.tsv", len(L.unit_dims)),
        ("ISO 4217 currency codes", "currencies.tsv", len(codes)),
        ("currency names and symbols", "currencies.tsv", len(cur) - len(codes)),
        ("dollar prefixes (US$, C$)", "dollar_prefixes.tsv", len(L.dollar)),
        ("hedges", "figure_qualifiers.tsv", len(table("figure_qualifiers.tsv"))),
        ("months and weekdays", "figure_months.tsv", len(L.months) + len(L.weekdays)),
        ("attribution cues", "figure_attribution.tsv", len(L.verbs) + len(L.according)),
        ("word classes of the rules", "figure_word_classes.tsv",
         len(table("figure_word_classes.tsv"))),
    ]
    return pd.DataFrame(rows, columns=["list", "file", "entries"])


def grammar_coverage() -> pd.DataFrame:
    """Run one example per grammar pattern and show how it is read.

    Returns
    -------
    DataFrame
        ``pattern, example, covered, read_as, note``: ``covered`` says whether the pattern is
        read as a figure (True) or is a known limit or deliberate non-figure (False); ``read_as``
        lists what :func:`extract_figures` finds, ``surface = value unit`` per figure.

    Examples
    --------
    >>> cov = grammar_coverage()
    >>> cov.loc[cov["pattern"] == "a share of a scale", "read_as"].iloc[0]
    'two thirds of a million = 666666.6666666666'
    """
    from .extract import extract_figures

    rows = []
    for r in table("figure_grammar_cases.tsv"):
        df = extract_figures(r["example"], actors=False)
        read = "; ".join(_reading(f) for f in df.itertuples()) or "(no figure)"
        rows.append((r["pattern"], r["example"], r["covered"] == "1", read, r["note"]))
    return pd.DataFrame(rows, columns=["pattern", "example", "covered", "read_as", "note"])


def _reading(f) -> str:
    value = f.value if f.kind != "range" else f"{f.low}–{f.high}"
    unit = f" {f.unit}" if f.unit is not None else ""
    return f"{f.surface} = {value}{unit}"
