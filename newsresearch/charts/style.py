"""The house style of every chart, and the one helper that saves a chart with its data.

One style for all charts: the Okabe–Ito colour-blind-safe palette, labelled axes, a title that
states the finding and a source line. :func:`save_chart` writes ``reports/figures/NN_name.png``
*and* ``NN_name.csv`` (exactly the data drawn), so every number in a figure can be checked.
matplotlib is imported inside the functions, never at ``import newsresearch``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

__all__ = ["PALETTE", "NEGATIVE", "NEUTRAL", "POSITIVE", "SOURCE", "new_figure", "finish",
           "save_chart", "save_table", "bar_chart", "close", "empty_chart", "chart_csv"]

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

    if matplotlib.get_backend().lower() not in ("agg",) and not in_notebook():
        matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    with plt.rc_context(_rc()):
        fig, ax = plt.subplots(nrows, ncols, figsize=(width, height))
        # the first figure may switch Jupyter's inline backend on, which turns interactive mode
        # on; leaving rc_context must not undo that, or no later chart would be shown
        interactive = matplotlib.is_interactive()
    matplotlib.interactive(interactive)
    return fig, ax


def in_notebook() -> bool:
    """True inside a Jupyter kernel (where a figure left open is shown under the cell)."""
    import sys

    return "ipykernel" in sys.modules


def close(fig) -> None:
    """Close ``fig`` unless we run in a notebook, where Jupyter shows it under the cell."""
    if not in_notebook():
        import matplotlib.pyplot as plt

        plt.close(fig)


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


def empty_chart(what: str, *, source: str = SOURCE):
    """Return the chart of an empty table: "No … found" as the title and in the middle.

    Examples
    --------
    >>> empty_chart("quotes").axes[0].get_title(loc="left")
    'No quotes found'
    """
    fig, ax = new_figure(width=7, height=2.5)
    ax.text(0.5, 0.5, f"no {what} found", ha="center", va="center", transform=ax.transAxes)
    ax.set_xticks([])
    ax.set_yticks([])
    finish(ax, title=f"No {what} found", source=source)
    return fig


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
    from .. import paths

    out = Path(out_dir) if out_dir is not None else paths.FIGURES
    out.mkdir(parents=True, exist_ok=True)
    png, csv = out / f"{name}.png", out / f"{name}.csv"
    fig.savefig(png, dpi=150, bbox_inches="tight", metadata={"Software": None})
    csv.write_text(chart_csv(data), encoding="utf-8")
    return {"png": png, "csv": csv}


def chart_csv(data: pd.DataFrame) -> str:
    """Return the CSV text :func:`save_chart` writes for ``data`` (to compare with a file)."""
    return data.to_csv(index=False, lineterminator="\n")


def save_table(df: pd.DataFrame, name: str, *, out_dir=None) -> Path:
    """Save a table as ``reports/tables/NAME.csv`` and return the path."""
    from .. import paths

    out = Path(out_dir) if out_dir is not None else paths.TABLES
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{name}.csv"
    df.to_csv(path, index=False)
    return path


def bar_chart(data: pd.DataFrame, *, x: str, y: str, title: str, xlabel: str | None = None,
              ylabel: str | None = None, color=PALETTE[0], horizontal: bool = True,
              source: str = SOURCE):
    """Draw a (horizontal) bar chart of ``data[y]`` by ``data[x]``; return the figure.

    ``color`` is one colour or one per row. The first row is drawn at the top.

    Examples
    --------
    >>> d = pd.DataFrame({"word": ["war", "peace"], "count": [5, 2]})
    >>> bar_chart(d, x="word", y="count", title="War wins").axes[0].get_title(loc="left")
    'War wins'
    """
    fig, ax = new_figure(width=7, height=max(2.5, 0.28 * len(data) + 1))
    colours = color[::-1] if isinstance(color, list) else color
    if horizontal:
        ax.barh(data[x].astype(str)[::-1], data[y][::-1], color=colours)
        ax.grid(axis="y", visible=False)
    else:
        ax.bar(data[x].astype(str), data[y], color=color)
        ax.grid(axis="x", visible=False)
    finish(ax, title=title, xlabel=xlabel, ylabel=ylabel, source=source)
    return fig
