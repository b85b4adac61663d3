"""Charts: every figure of the notebooks is drawn by a function here and saved by ``save_chart``.

``save_chart`` writes ``reports/figures/NN_name.png`` *and* ``NN_name.csv`` (the data behind
the chart), so every number in a figure can be checked. One style for all charts:
the Okabe–Ito colour-blind-safe palette, labelled axes, a title that states the finding and a
source line. matplotlib is imported inside the functions, never at ``import newsresearch``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

__all__ = [
    "PALETTE",
    "new_figure",
    "finish",
    "save_chart",
    "bar_chart",
    "word_frequency_chart",
    "quality_chart",
    "mention_map_data",
    "mention_map_chart",
]

#: Okabe & Ito (2008) colour-blind-safe palette.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442",
           "#000000"]
NEGATIVE, NEUTRAL, POSITIVE = "#D55E00", "#999999", "#0072B2"
SOURCE = "Source: newsresearch analysis of the sample article (data/raw)."


def _rc() -> dict:
    from cycler import cycler

    return {
        "figure.dpi": 100,
        "savefig.dpi": 150,
        "font.size": 10,
        "axes.titlesize": 11,
        "axes.titleweight": "bold",
        "axes.titlelocation": "left",
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.prop_cycle": cycler(color=PALETTE),
        "axes.grid": True,
        "grid.alpha": 0.3,
        "savefig.bbox": "tight",
    }


def new_figure(*, width: float = 7.0, height: float = 4.0, nrows: int = 1, ncols: int = 1):
    """Return ``(fig, ax)`` in the house style.

    Examples
    --------
    >>> fig, ax = new_figure(width=3, height=2)
    >>> type(ax).__name__
    'Axes'
    """
    import matplotlib

    if matplotlib.get_backend().lower() not in ("agg",) and not _in_notebook():
        matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    with plt.rc_context(_rc()):
        fig, ax = plt.subplots(nrows, ncols, figsize=(width, height))
    return fig, ax


def _in_notebook() -> bool:
    import sys

    return "ipykernel" in sys.modules


def finish(ax, *, title: str, xlabel: str | None = None, ylabel: str | None = None,
           source: str = SOURCE) -> None:
    """Label a chart: finding-stating title, axis labels, source line under the plot."""
    ax.set_title(title, loc="left", fontweight="bold")
    if xlabel is not None:
        ax.set_xlabel(xlabel)
    if ylabel is not None:
        ax.set_ylabel(ylabel)
    ax.annotate(source, xy=(0, 0), xycoords="axes fraction", xytext=(0, -40),
                textcoords="offset points", fontsize=7, color="#555555", ha="left", va="top",
                annotation_clip=False)


def save_chart(fig, name: str, data: pd.DataFrame, *, out_dir=None) -> dict[str, Path]:
    """Save a chart as ``NAME.png`` plus the data behind it as ``NAME.csv``.

    Parameters
    ----------
    fig : matplotlib Figure
    name : str
        ``NN_short-name``, the notebook number first (e.g. ``"01_word-frequencies"``).
    data : DataFrame
        Exactly the numbers drawn.
    out_dir : path, optional
        Default ``reports/figures`` of the project (see :mod:`newsresearch.paths`).

    Returns
    -------
    dict
        ``{"png": Path, "csv": Path}``.

    Examples
    --------
    >>> import tempfile, pandas as pd
    >>> fig, ax = new_figure(width=3, height=2)
    >>> _ = ax.bar(["a", "b"], [1, 2])
    >>> out = save_chart(fig, "99_example", pd.DataFrame({"x": ["a", "b"], "y": [1, 2]}),
    ...                  out_dir=tempfile.mkdtemp())
    >>> sorted(p.suffix for p in out.values())
    ['.csv', '.png']
    """
    from .paths import FIGURES

    out = Path(out_dir) if out_dir is not None else FIGURES
    out.mkdir(parents=True, exist_ok=True)
    png, csv = out / f"{name}.png", out / f"{name}.csv"
    fig.savefig(png, dpi=150, bbox_inches="tight", metadata={"Software": None})
    data.to_csv(csv, index=False)
    return {"png": png, "csv": csv}


def save_table(df: pd.DataFrame, name: str, *, out_dir=None) -> Path:
    """Save a table as ``reports/tables/NAME.csv`` and return the path."""
    from .paths import TABLES

    out = Path(out_dir) if out_dir is not None else TABLES
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{name}.csv"
    df.to_csv(path, index=False)
    return path


def bar_chart(data: pd.DataFrame, *, x: str, y: str, title: str, xlabel: str | None = None,
              ylabel: str | None = None, color: str = PALETTE[0], horizontal: bool = True,
              source: str = SOURCE):
    """Draw a (horizontal) bar chart of ``data[y]`` by ``data[x]``; return the figure."""
    fig, ax = new_figure(width=7, height=max(2.5, 0.28 * len(data) + 1))
    if horizontal:
        ax.barh(data[x].astype(str)[::-1], data[y][::-1], color=color)
        ax.grid(axis="y", visible=False)
    else:
        ax.bar(data[x].astype(str), data[y], color=color)
        ax.grid(axis="x", visible=False)
    finish(ax, title=title, xlabel=xlabel, ylabel=ylabel, source=source)
    return fig


# ---------------------------------------------------------------- notebook 01 (tokens)


def word_frequency_chart(freqs: pd.DataFrame, *, title: str | None = None, top: int = 20,
                         source: str = SOURCE):
    """Bar chart of the most frequent words (a ``word_frequencies`` table)."""
    data = freqs.head(top)
    return bar_chart(data, x="word", y="count",
                     title=title or f"The {len(data)} most frequent words",
                     xlabel="occurrences", source=source)


def quality_chart(flags: pd.DataFrame, *, title: str | None = None, source: str = SOURCE):
    """Bar chart of text-quality flags by kind (a ``text_quality`` table)."""
    counts = flags.groupby("kind").size().rename("flags").reset_index()
    counts = counts.sort_values("flags", ascending=False)
    return bar_chart(counts, x="kind", y="flags", color=PALETTE[3],
                     title=title or f"{len(flags)} text-quality flags", xlabel="flags",
                     source=source)


# ---------------------------------------------------------------- notebook 02 (actors)

_TYPE_COLOURS = {"person": PALETTE[0], "organization": PALETTE[1], "place": PALETTE[2],
                 "group": PALETTE[4]}


def mention_map_data(mentions: pd.DataFrame, paragraphs_or_text, *, top: int = 15,
                     actor_types=("person", "organization", "place", "group")) -> pd.DataFrame:
    """Count each actor's mentions per paragraph (the data behind :func:`mention_map_chart`).

    Parameters
    ----------
    mentions : DataFrame
        A ``find_actors`` frame.
    paragraphs_or_text : DataFrame, str or Article
        A ``split_paragraphs`` frame, or the text the mentions index.
    top : int
        Keep the ``top`` most-mentioned actors (ties: earlier first mention first).
    actor_types : sequence of str
        Which actor types to keep.

    Returns
    -------
    DataFrame
        ``actor, actor_type, paragraph, mentions, paragraphs`` — one row per actor and
        paragraph where it is mentioned; ``paragraph`` counts from 1; ``paragraphs`` is the
        number of paragraphs in the text (the denominator). Actors come in order of first
        appearance.

    Examples
    --------
    >>> from newsresearch.actors import find_actors
    >>> t = "Mr. Blinken flew.\\n\\nMr. Blinken met Hamas."
    >>> mention_map_data(find_actors(t), t)[["actor", "paragraph", "mentions"]].values.tolist()
    [['Blinken', 1, 1], ['Blinken', 2, 1], ['Hamas', 2, 1]]
    """
    import numpy as np

    from .tokens import split_paragraphs

    paras = (paragraphs_or_text if isinstance(paragraphs_or_text, pd.DataFrame)
             else split_paragraphs(paragraphs_or_text))
    cols = ["actor", "actor_type", "paragraph", "mentions", "paragraphs"]
    m = mentions[mentions["actor_type"].isin(list(actor_types))]
    if m.empty or paras.empty:
        return pd.DataFrame(columns=cols)
    para = np.searchsorted(paras["start"].to_numpy(), m["start"].to_numpy(), side="right")
    m = m.assign(paragraph=para.clip(min=1))
    totals = (m.groupby(["actor", "actor_type"], sort=False)
              .agg(n=("start", "size"), first=("start", "min")).reset_index())
    keep = totals.sort_values(["n", "first"], ascending=[False, True]).head(top)
    order = keep.sort_values("first")["actor"].tolist()
    m = m[m["actor"].isin(order)]
    out = (m.groupby(["actor", "actor_type", "paragraph"], sort=False).size()
           .rename("mentions").reset_index())
    out["actor"] = pd.Categorical(out["actor"], categories=order, ordered=True)
    out = out.sort_values(["actor", "paragraph"], ignore_index=True)
    out["actor"] = out["actor"].astype(str)
    out["paragraphs"] = len(paras)
    return out[cols]


def mention_map_chart(mentions: pd.DataFrame, paragraphs_or_text, *, top: int = 15,
                      actor_types=("person", "organization", "place", "group"),
                      title: str | None = None, source: str = SOURCE):
    """Draw where in the article each actor appears: actors × paragraphs, dot size = mentions.

    Actors are listed top to bottom in order of first appearance, coloured by type. Save it
    with ``save_chart(fig, "02_mention-map", mention_map_data(mentions, text))``.

    Examples
    --------
    >>> from newsresearch.actors import find_actors
    >>> t = "Mr. Blinken flew.\\n\\nMr. Blinken met Hamas."
    >>> fig = mention_map_chart(find_actors(t), t)
    >>> fig.axes[0].get_xlabel()
    'paragraph'
    """
    data = mention_map_data(mentions, paragraphs_or_text, top=top, actor_types=actor_types)
    actors = list(dict.fromkeys(data["actor"]))
    n_para = int(data["paragraphs"].iloc[0]) if len(data) else 0
    fig, ax = new_figure(width=8, height=max(2.5, 0.32 * len(actors) + 1.3))
    if data.empty:
        ax.text(0.5, 0.5, "no actors found", ha="center", va="center", transform=ax.transAxes)
        finish(ax, title=title or "No actors found", source=source)
        return fig
    ypos = {a: i for i, a in enumerate(actors)}
    for atype, g in data.groupby("actor_type", sort=False):
        ax.scatter(g["paragraph"], g["actor"].map(ypos), s=30 + 40 * (g["mentions"] - 1),
                   color=_TYPE_COLOURS.get(atype, PALETTE[7]), alpha=0.85, label=atype,
                   edgecolors="white", linewidths=0.5)
    ax.set_yticks(range(len(actors)), actors)
    ax.set_ylim(len(actors) - 0.5, -0.5)
    ax.set_xlim(0.3, n_para + 0.7)
    ax.set_xticks(range(1, n_para + 1, max(1, n_para // 15)))
    ax.grid(axis="y", visible=False)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize=8,
              markerscale=0.8)
    if title is None:
        spread = data.groupby("actor", sort=False)["paragraph"].nunique()
        lead = spread.idxmax()
        title = f"{lead} appears in {spread.max()} of {n_para} paragraphs"
    finish(ax, title=title, xlabel="paragraph", source=source)
    return fig


# ---------------------------------------------------------------- notebook 02 (sentiment)

# ---------------------------------------------------------------- notebook 03 (quotes, highlight)

# ---------------------------------------------------------------- notebook 04 (figures)

# ---------------------------------------------------------------- notebook 05 / report
