"""Charts of notebooks 04 and 05: how large the figures are, who vouches for them, the timeline.

Each ``*_chart`` draws exactly the table it is given (a ``*_data`` table, or
``Analysis.figure_sources()``), so that the table saved beside the picture is the data drawn.
Who vouches for a figure is decided once, by :func:`newsresearch.analysis.figure_vouching`.
"""

from __future__ import annotations

import pandas as pd

from ..analysis import CLAIM_KINDS, NO_SOURCE, VOUCHED, figure_vouching
from ..articles import as_text
from ..figures.dates import timex_to_timestamp
from .style import NEUTRAL, PALETTE, SOURCE, empty_chart, finish, new_figure

__all__ = ["figure_magnitude_data", "figure_magnitude_chart", "figure_sourcing_data",
           "figure_sourcing_chart", "figure_timeline_data", "figure_timeline_chart",
           "figure_sources_chart"]

_VOUCHED_COLOURS = {"named source": PALETTE[0], "unnamed source": PALETTE[5],
                    "no source": "#BBBBBB"}

def figure_magnitude_data(figures: pd.DataFrame) -> pd.DataFrame:
    """The numeric figures of an ``extract_figures`` table, one row per figure, for a log scale.

    Ranges are drawn at their upper bound; dates and ordinals (positions, not amounts) and
    zero or negative values (no place on a log scale) are left out.

    Examples
    --------
    >>> from newsresearch.figures import extract_figures
    >>> figure_magnitude_data(extract_figures("$5 million for 300 trucks on Oct. 7."))[
    ...     ["surface", "kind", "magnitude"]].values.tolist()
    [['$5 million', 'money', 5000000.0], ['300', 'count', 300.0]]
    """
    cols = ["figure_id", "surface", "kind", "unit", "qualifier", "magnitude", "sourced"]
    rows = []
    for r in figures.itertuples(index=False):
        if r.kind not in CLAIM_KINDS:
            continue
        v = r.high if r.kind == "range" else r.value
        if v is None or isinstance(v, str) or not v == v or v <= 0:
            continue
        rows.append((r.figure_id, r.surface, r.kind, r.unit, r.qualifier, float(v),
                     r.source is not None))
    return pd.DataFrame(rows, columns=cols)


def figure_magnitude_chart(data: pd.DataFrame, *, title: str | None = None,
                           source: str = SOURCE):
    """Draw every row of a :func:`figure_magnitude_data` table on a log scale, hedged hollow.

    Examples
    --------
    >>> from newsresearch.figures import extract_figures
    >>> figs = extract_figures("More than 300 trucks cost $5 million.")
    >>> fig = figure_magnitude_chart(figure_magnitude_data(figs))
    >>> fig.axes[0].get_xscale()
    'log'
    """
    kinds = [k for k in CLAIM_KINDS if k in set(data["kind"])]
    if data.empty:
        return empty_chart("numeric figures", source=source)
    fig, ax = new_figure(width=7.5, height=max(2.8, 0.95 * len(kinds) + 1.4))
    for y, kind in enumerate(kinds):
        part = data[data["kind"] == kind]
        hedged = part["qualifier"].notna()
        colour = PALETTE[CLAIM_KINDS.index(kind) % len(PALETTE)]
        ax.scatter(part.loc[~hedged, "magnitude"], [y] * int((~hedged).sum()), s=45,
                   color=colour, zorder=3, label=None)
        ax.scatter(part.loc[hedged, "magnitude"], [y] * int(hedged.sum()), s=45,
                   facecolors="none", edgecolors=colour, linewidths=1.5, zorder=3)
        part = part.sort_values("magnitude")
        for n, (x, text) in enumerate(zip(part["magnitude"], part["surface"], strict=True)):
            # four label rows (two above, two below) so close neighbours do not overprint
            dy = (8, -9, 19, -20)[n % 4]
            ax.annotate(text if len(text) <= 18 else text[:17] + "…", (x, y),
                        xytext=(0, dy), textcoords="offset points", fontsize=7,
                        ha="center", va="bottom" if dy > 0 else "top")
    ax.set_xscale("log")
    ax.set_yticks(range(len(kinds)), kinds)
    ax.set_ylim(-0.6, len(kinds) - 0.2)
    ax.grid(axis="y", visible=False)
    ax.scatter([], [], s=45, color="#555555", label="stated exactly")
    ax.scatter([], [], s=45, facecolors="none", edgecolors="#555555", label="hedged")
    ax.legend(loc="lower right", fontsize=8, frameon=False)
    span = f"from {_human(data['magnitude'].min())} to {_human(data['magnitude'].max())}"
    finish(ax, title=title or f"{len(data)} numeric figures, {span}",
           xlabel="value (log scale; ranges at their upper bound)", source=source)
    return fig


def _human(v: float) -> str:
    """147500000 → '147.5 million'."""
    for factor, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(v) >= factor:
            return f"{v / factor:,.4g} {word}"
    return f"{v:,.4g}"


def figure_sourcing_data(figures: pd.DataFrame) -> pd.DataFrame:
    """Count claim figures (not dates or ordinals) by kind and by who vouches for them.

    ``vouched`` is ``named source`` (the source is a known actor), ``unnamed source`` (an
    attribution without a known actor: "officials said", "reports") or ``no source`` (the story
    states it on its own authority), as :func:`~newsresearch.analysis.figure_vouching` decides.

    Examples
    --------
    >>> from newsresearch.figures import extract_figures
    >>> figure_sourcing_data(extract_figures("It killed 300, the ministry said."))[
    ...     ["kind", "vouched", "figures"]].values.tolist()
    [['count', 'unnamed source', 1]]
    """
    v = figure_vouching(figures)
    out = v.groupby(["kind", "vouched"]).size().rename("figures").reset_index()
    return out.sort_values(["kind", "vouched"]).reset_index(drop=True)


def figure_sourcing_chart(data: pd.DataFrame, *, title: str | None = None,
                          source: str = SOURCE):
    """Stacked bars of a :func:`figure_sourcing_data` table: per kind, who vouches.

    Examples
    --------
    >>> from newsresearch.figures import extract_figures
    >>> fig = figure_sourcing_chart(figure_sourcing_data(
    ...     extract_figures("It killed 300, the ministry said.")))
    >>> fig.axes[0].get_title(loc="left")
    '1 of 1 figures are attributed to a source'
    """
    kinds = [k for k in CLAIM_KINDS if k in set(data["kind"])]
    if data.empty:
        return empty_chart("claim figures", source=source)
    fig, ax = new_figure(width=7, height=max(2.5, 0.45 * len(kinds) + 1.5))
    wide = (data.pivot_table(index="kind", columns="vouched", values="figures", aggfunc="sum")
            .reindex(index=kinds, columns=list(VOUCHED)).fillna(0))
    left = [0.0] * len(kinds)
    for col in VOUCHED:
        vals = wide[col].tolist()
        ax.barh(kinds[::-1], vals[::-1], left=left[::-1], color=_VOUCHED_COLOURS[col],
                label=col)
        left = [a + b for a, b in zip(left, vals, strict=True)]
    ax.grid(axis="y", visible=False)
    ax.legend(loc="lower right", fontsize=8, frameon=False)
    total = int(data["figures"].sum())
    sourced = int(data.loc[data["vouched"] != NO_SOURCE, "figures"].sum())
    finish(ax, title=title or f"{sourced} of {total} figures are attributed to a source",
           xlabel="figures", source=source)
    return fig


def figure_timeline_data(figures: pd.DataFrame, text=None, *, since=None) -> pd.DataFrame:
    """The dated figures that fall on a calendar (year known), earliest first.

    Dates without a year (``XXXX-…``), weekdays and clock times are left out; a month or a
    year is placed at its middle, a decade at its start. ``since`` (e.g. ``"2023-01-01"``)
    leaves out earlier dates too, so that a distant decade does not squash the recent months.
    With ``text``, the words within about 35 characters either side of the date are added as
    ``context``.

    Examples
    --------
    >>> from newsresearch.figures import extract_figures
    >>> figs = extract_figures("On Dec. 8 and in the 1990s.", year="2024-01")
    >>> figure_timeline_data(figs)[["surface", "value"]].values.tolist()
    [['1990s', '199X'], ['Dec. 8', '2023-12-08']]
    >>> figure_timeline_data(figs, since="2023-01-01")["surface"].tolist()
    ['Dec. 8']
    """
    cols = ["figure_id", "surface", "value", "qualifier", "when", "start", "context"]
    rows = []
    src = None if text is None else as_text(text)
    first = None if since is None else pd.Timestamp(since)
    for r in figures.itertuples(index=False):
        if r.kind != "date" or not isinstance(r.value, str):
            continue
        when = timex_to_timestamp(r.value)
        if when is None or (first is not None and when < first):
            continue
        ctx = None
        if src is not None:
            left = src[max(0, r.start - 35):r.start].split(" ", 1)[-1] if r.start > 35 \
                else src[:r.start]
            right = src[r.end:r.end + 35].rsplit(" ", 1)[0]
            ctx = " ".join((left + src[r.start:r.end] + right).split())
        rows.append((r.figure_id, r.surface, r.value, r.qualifier, when, r.start, ctx))
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["when", "start"]).reset_index(drop=True)


def figure_timeline_chart(data: pd.DataFrame, *, not_shown: int = 0, title: str | None = None,
                          source: str = SOURCE):
    """Draw a :func:`figure_timeline_data` table on a time axis, one labelled point per row.

    ``not_shown`` is the number of dates left out (by ``since=``), given in the title.

    Examples
    --------
    >>> from newsresearch.figures import extract_figures
    >>> figs = extract_figures("On Oct. 7 and on Dec. 8 it struck.", year="2024-01")
    >>> fig = figure_timeline_chart(figure_timeline_data(figs), not_shown=1)
    >>> fig.axes[0].get_title(loc="left")
    "2 dated mentions on the story's timeline (1 earlier not shown)"
    """
    if data.empty:
        return empty_chart("dates", source=source)
    fig, ax = new_figure(width=8, height=max(2.8, 0.32 * len(data) + 1.4))
    ax.scatter(data["when"], range(len(data)), color=PALETTE[0], zorder=3, s=30)
    for y, r in enumerate(data.itertuples(index=False)):
        label = f"…{r.context}…" if isinstance(r.context, str) and r.context else r.surface
        ax.annotate(label[:80], (r.when, y), xytext=(6, -3), textcoords="offset points",
                    fontsize=7)
    ax.set_yticks([])
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    import matplotlib.dates as mdates

    lo, hi = data["when"].min(), data["when"].max()
    pad = max(hi - lo, pd.Timedelta(days=30))
    ax.set_xlim(lo - pad * 0.05, hi + pad * 0.9)  # room for the labels on the right
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(maxticks=6))
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    note = f" ({not_shown} earlier not shown)" if not_shown else ""
    finish(ax, title=title or f"{len(data)} dated mentions on the story's timeline{note}",
           xlabel="date (months and years at their middle)", source=source)
    return fig


# ---------------------------------------------------------------- notebook 05


def figure_sources_chart(data: pd.DataFrame, *, title: str | None = None,
                         source: str = SOURCE):
    """Bar chart of the figures each source vouches for (an ``Analysis.figure_sources`` table).

    Bars are coloured by who vouches: a named source, an unnamed one, or no source (grey).

    Examples
    --------
    >>> d = pd.DataFrame({"source": ["no source", "Health Ministry"],
    ...                   "vouched": ["no source", "named source"], "figures": [5, 2]})
    >>> figure_sources_chart(d).axes[0].get_title(loc="left")
    '2 of 7 figures are attributed to a source'
    """
    if data.empty:
        return empty_chart("claim figures", source=source)
    fig, ax = new_figure(width=7, height=max(2.5, 0.3 * len(data) + 1.2))
    colours = [_VOUCHED_COLOURS.get(v, NEUTRAL) for v in data["vouched"]]
    ax.barh(data["source"].astype(str)[::-1], data["figures"][::-1], color=colours[::-1])
    ax.grid(axis="y", visible=False)
    if title is None:
        total = int(data["figures"].sum())
        unsourced = int(data.loc[data["vouched"] == NO_SOURCE, "figures"].sum())
        title = f"{total - unsourced} of {total} figures are attributed to a source"
    finish(ax, title=title, xlabel="figures (counts, money, percentages, quantities, durations)",
           source=source)
    return fig
