"""Charts of notebook 06 and the corpus report: comparisons across many articles.

Every table drawn here is a :mod:`newsresearch.compare` table (one row per group and item:
``n_articles, numerator, denominator, estimate, ci_low, ci_high``, the interval a bootstrap
over articles), or rows selected from one. The ``*_data`` functions are the selections,
shared by notebook 06, ``newsresearch figures`` and ``newsresearch report results/``; the
``interval_chart`` draws any of them: one dot per row with its interval, the row's
denominator in its label.

Nothing here extracts or counts: every number comes from ``compare``.
"""

from __future__ import annotations

import pandas as pd

from .style import NEGATIVE, NEUTRAL, PALETTE, POSITIVE, empty_chart, finish, new_figure

__all__ = ["group_column", "corpus_source_line", "presence_data",
           "speakers_data", "source_type_data", "women_by_year_data", "anonymous_by_year_data",
           "sourced_figures_by_year_data", "framing_data", "interval_chart", "TOP",
           "MIN_MENTIONS"]

#: How many actors or speakers the ranked charts show.
TOP = 12
#: Actors need at least this many mentions in the corpus to be framed (notebook 06).
MIN_MENTIONS = 20

#: Columns of compare tables that are numbers, not labels.
NUMBERS = ("n_articles", "numerator", "denominator", "estimate", "ci_low", "ci_high",
           "voice_presence_ratio", "n_actors")


def group_column(table: pd.DataFrame) -> str:
    """The name of the grouping column of a compare table (its first column)."""
    return str(table.columns[0])


def corpus_source_line(source) -> str:
    """The source line under a corpus chart: how many articles, and Wikinews' credit."""
    from .. import paths

    path = getattr(source, "path", None)
    if path is not None and paths.WIKINEWS_RESULTS.exists() and \
            path.resolve() == paths.WIKINEWS_RESULTS.resolve():
        return ("Source: newsresearch analysis of 291 English Wikinews articles, 2019–2020 "
                "(© Wikinews contributors, CC BY 2.5).")
    n = len(source.articles) if path is not None else len(source)
    return f"Source: newsresearch analysis of {n} articles."


def _compare():
    from .. import compare

    return compare


def _ranked(table: pd.DataFrame, item: str, *, top: int, drop=()) -> pd.DataFrame:
    t = table[~table[item].isin(list(drop))]
    t = t.sort_values(["numerator", item], ascending=[False, True], kind="stable")
    return t.head(top).reset_index(drop=True)


def presence_data(source, *, top: int = TOP) -> pd.DataFrame:
    """The ``top`` actors with the largest share of all actor mentions (``compare.presence``)."""
    t = _compare().presence(source, level="actor")
    return _ranked(t[t["measure"] == "share of mentions"], "actor", top=top)


def speakers_data(source, *, top: int = TOP) -> pd.DataFrame:
    """The ``top`` speakers with the largest share of all quotes (``compare.voice``)."""
    compare = _compare()
    t = compare.voice(source, level="speaker")
    return _ranked(t, "speaker", top=top, drop=(compare.NO_SPEAKER,))


def source_type_data(source) -> pd.DataFrame:
    """Every quote by the kind of source behind it (``compare.voice(level="source_type")``)."""
    t = _compare().voice(source, level="source_type")
    return t.sort_values("numerator", ascending=False, kind="stable").reset_index(drop=True)


def women_by_year_data(source) -> pd.DataFrame:
    """Quotes by the speaker's gender, year by year (``compare.voice(level="speaker_gender")``)."""
    return _compare().voice(source, by="year", level="speaker_gender")


def _sourcing_by_year(source, word: str) -> pd.DataFrame:
    t = _compare().sourcing(source, by="year")
    return t[t["measure"].str.contains(word)].reset_index(drop=True)


def anonymous_by_year_data(source) -> pd.DataFrame:
    """The share of quotes from anonymous sources, year by year (``compare.sourcing``)."""
    return _sourcing_by_year(source, "anonymous")


def sourced_figures_by_year_data(source) -> pd.DataFrame:
    """The share of claim figures that name a source, year by year (``compare.sourcing``)."""
    return _sourcing_by_year(source, "figure")


def framing_data(source, *, top: int = TOP, min_mentions: int = MIN_MENTIONS) -> pd.DataFrame:
    """Mean target sentiment of the ``top`` most-mentioned actors framed (``compare.framing``)."""
    compare = _compare()
    t = compare.framing(source, min_mentions=min_mentions)
    t = t[(t["actor"] != compare.TOO_FEW) & t["estimate"].notna()]
    return t.sort_values(["denominator", "actor"], ascending=[False, True],
                         kind="stable").head(top).reset_index(drop=True)


# ---------------------------------------------------------------- titles (the finding)


def _pct(x: float) -> str:
    return "n/a" if pd.isna(x) else f"{100 * x:.0f}%"


def _per_group(d: pd.DataFrame, what: str) -> str:
    """ "2019: 10% of 775 quotes; 2020: 8% of 769" — one part per group."""
    g = group_column(d)
    return "; ".join(f"{r[g]}: {_pct(r['estimate'])} of {int(r['denominator']):,} {what}"
                     for _, r in d.iterrows())


def presence_title(d: pd.DataFrame) -> str:
    """ "United States holds 7% of 8,660 actor mentions (291 articles)" """
    r = d.iloc[0]
    return (f"{r['actor']} holds {_pct(r['estimate'])} of {int(r['denominator']):,} actor "
            f"mentions ({int(r['n_articles'])} articles)")


def speakers_title(d: pd.DataFrame) -> str:
    """ "The 12 most-quoted speakers give 20% of 1,544 quotes" """
    r = d.iloc[0]
    return (f"The {len(d)} most-quoted speakers give {_pct(d['estimate'].sum())} of "
            f"{int(r['denominator']):,} quotes; {r['speaker']} alone {_pct(r['estimate'])}")


def source_type_title(d: pd.DataFrame) -> str:
    """ "named_person: 51% of 1,544 quotes; anonymous: 9%" """
    r = d.iloc[0]
    item = d.columns[d.columns.get_loc("measure") - 1] if "measure" in d else d.columns[1]
    anon = d.loc[d[item] == "anonymous", "estimate"]
    tail = f"; anonymous sources {_pct(anon.iloc[0])}" if len(anon) else ""
    return (f"{str(r[item]).replace('_', ' ').capitalize()} sources give "
            f"{_pct(r['estimate'])} of {int(r['denominator']):,} quotes{tail}")


def women_title(d: pd.DataFrame) -> str:
    """Women's share of the quotes with a known gender per year, and the unknown share."""
    women = _per_group(d[d["speaker_gender"] == "female"], "known")
    unknown = ", ".join(_pct(x) for x in d.loc[d["speaker_gender"] == "unknown", "estimate"])
    return f"Women's share of quotes — {women}\n(gender unknown for {unknown} of all quotes)"


def anonymous_title(d: pd.DataFrame) -> str:
    """Anonymous share of quotes per year."""
    return "Anonymous sources — " + _per_group(d, "quotes")


def sourced_figures_title(d: pd.DataFrame) -> str:
    """Share of claim figures with a source per year, and with a named actor as source."""
    named = d["measure"].str.contains("named")
    tail = ", ".join(_pct(x) for x in d.loc[named, "estimate"])
    return ("Claim figures that give a source — " + _per_group(d[~named], "figures")
            + (f"\n(a named actor: {tail})" if tail else ""))


def framing_title(d: pd.DataFrame) -> str:
    """How many of the most-mentioned actors are framed negatively beyond doubt, and how
    many rest on one article (which gives no interval)."""
    below = int((d["ci_high"] < 0).sum())
    above = int((d["ci_low"] > 0).sum())
    single = int((d["n_articles"] < 2).sum())
    return (f"Of the {len(d)} most-mentioned actors ({MIN_MENTIONS}+ mentions), {below} have an "
            f"interval below zero, {above} above;\n{single} rest on one article (no interval)")


# ---------------------------------------------------------------- drawing


def _row_labels(table: pd.DataFrame) -> tuple[list[str], str]:
    """Each row's label (its item, and its group when there are several) and a note for the
    axis: the denominator, on each label when it differs between rows, else once."""
    labels = [c for c in table.columns if c not in NUMBERS and c != "measure"]
    shown = labels if table[labels[0]].nunique() > 1 else labels[1:] or labels
    names = [" · ".join(str(r[c]) for c in shown) for _, r in table.iterrows()]
    if table["measure"].nunique() > 1:
        names = [f"{n} · {m}" if n else m
                 for n, m in zip(names, _short_measures(table["measure"]), strict=True)]
    dens, arts = table["denominator"], table["n_articles"]
    if dens.nunique() == 1 and arts.nunique() == 1:
        return names, f"n = {_count(dens.iloc[0])} in {int(arts.iloc[0])} articles"
    return ([f"{n}  (n={_count(d)}, {int(k)} art.)" for n, d, k in zip(names, dens, arts,
                                                                       strict=True)], "")


def _short_measures(measures: pd.Series) -> list[str]:
    """The measures without the words they all begin with ("share of quotes with a known
    gender", "share of quotes" -> "with a known gender", "of all quotes")."""
    words = [str(m).split() for m in measures]
    k = 0
    while all(len(w) > k for w in words) and len({w[k] for w in words}) == 1:
        k += 1
    head = " ".join(words[0][:k])
    return [" ".join(w[k:]) or head.replace("share of", "of all") for w in words]


def _count(x) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,.2f}"


def interval_chart(table: pd.DataFrame, *, title: str, xlabel: str, percent: bool = True,
                   signed: bool = False, source: str = ""):
    """Dot-and-whisker chart of every row of a compare table: estimate and its interval.

    Labels carry each row's denominator and number of articles; the first row is at the top.
    ``percent`` draws shares as percentages; ``signed`` colours by the sign (sentiment).

    Examples
    --------
    >>> t = pd.DataFrame({"group": ["all", "all"], "speaker": ["Ann", "Bo"],
    ...                   "measure": "quote_share", "n_articles": [3, 2], "numerator": [4, 2],
    ...                   "denominator": [6, 6], "estimate": [4 / 6, 2 / 6],
    ...                   "ci_low": [0.4, 0.1], "ci_high": [0.9, 0.6]})
    >>> fig = interval_chart(t, title="Ann gives 4 of 6 quotes", xlabel="share of quotes (%)")
    >>> [x.get_text() for x in fig.axes[0].get_yticklabels()]
    ['Ann  (n=6, 3 art.)', 'Bo  (n=6, 2 art.)']
    >>> fig.axes[0].get_xlabel()
    'share of quotes (%)'

    """
    if table.empty:
        return empty_chart("rows to compare", source=source)
    k = 100.0 if percent else 1.0
    est, lo, hi = (table[c].astype(float) * k for c in ("estimate", "ci_low", "ci_high"))
    fig, ax = new_figure(width=7.5, height=max(2.5, 0.34 * len(table) + 1.3))
    y = list(range(len(table)))[::-1]
    if signed:
        colours = [NEGATIVE if m < -0.05 else POSITIVE if m > 0.05 else NEUTRAL for m in est]
        ax.axvline(0, color="#333333", lw=0.8)
    else:
        colours = PALETTE[0]
    ax.errorbar(est, y, xerr=[(est - lo).clip(lower=0).fillna(0),
                              (hi - est).clip(lower=0).fillna(0)],
                fmt="none", ecolor="#777777", capsize=3, lw=1.2)
    ax.scatter(est, y, c=colours, s=45, zorder=3)
    names, note = _row_labels(table)
    ax.set_yticks(y, names)
    ax.grid(axis="y", visible=False)
    if percent:
        ax.set_xlim(left=0)
    finish(ax, title=title, xlabel=f"{xlabel}; {note}" if note else xlabel, source=source)
    return fig
