"""Charts: every figure of the notebooks is drawn by a function here and saved by ``save_chart``.

``save_chart`` writes ``reports/figures/NN_name.png`` *and* ``NN_name.csv`` (the data behind
the chart), so every number in a figure can be checked. One style for all charts:
the Okabe–Ito colour-blind-safe palette, labelled axes, a title that states the finding and a
source line. matplotlib is imported inside the functions, never at ``import newsresearch``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .articles import as_text

__all__ = [
    "PALETTE",
    "new_figure",
    "finish",
    "save_chart",
    "bar_chart",
    "word_frequency_chart",
    "quality_chart",
    "actor_sentiment_chart",
    "lexicon_comparison_chart",
    "mention_map_data",
    "mention_map_chart",
    "figure_sources_chart",
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


def _actor_rows(table: pd.DataFrame, top: int, min_mentions: int) -> pd.DataFrame:
    data = table[table["mentions"] >= min_mentions].head(top).copy()
    data["label"] = [f"{a} ({n})" for a, n in zip(data["actor"], data["mentions"], strict=True)]
    return data


def actor_sentiment_chart(table: pd.DataFrame, *, top: int = 15, min_mentions: int = 1,
                          title: str | None = None, source: str = SOURCE):
    """Dot-and-whisker chart of sentiment per actor (a ``sentiment_by_actor`` table).

    Dots are mean scores, whiskers the bootstrap interval (none for single mentions), labels
    carry the number of mentions; colour follows the sign of the mean. Returns the figure.

    Examples
    --------
    >>> t = pd.DataFrame({"actor": ["A", "B"], "mentions": [3, 1], "mean": [-0.4, 0.2],
    ...                   "ci_low": [-0.7, float("nan")], "ci_high": [-0.1, float("nan")],
    ...                   "method": "target"})
    >>> bool(actor_sentiment_chart(t).axes[0].get_xlim()[0] <= -0.7)
    True
    """
    data = _actor_rows(table, top, min_mentions)
    fig, ax = new_figure(width=7, height=max(2.5, 0.32 * len(data) + 1.2))
    y = list(range(len(data)))[::-1]
    colors = [NEGATIVE if m < -0.05 else POSITIVE if m > 0.05 else NEUTRAL
              for m in data["mean"]]
    lo = (data["mean"] - data["ci_low"]).clip(lower=0).fillna(0)
    hi = (data["ci_high"] - data["mean"]).clip(lower=0).fillna(0)
    ax.errorbar(data["mean"], y, xerr=[lo, hi], fmt="none", ecolor="#777777", capsize=3,
                lw=1.2)
    ax.scatter(data["mean"], y, c=colors, s=45, zorder=3)
    ax.axvline(0, color="#333333", lw=0.8)
    ax.set_yticks(y, data["label"])
    ax.set_xlim(min(-1.0, float(data["ci_low"].min(skipna=True) or 0) - 0.05), 1.0)
    ax.grid(axis="y", visible=False)
    method = str(data["method"].iat[0]) if "method" in data and len(data) else "target"
    n_neg = int((data["mean"] < -0.05).sum())
    finish(ax, title=title or f"{n_neg} of {len(data)} actors are framed negatively on average",
           xlabel=f"mean {method} sentiment per mention (−1 … +1), 95% bootstrap interval",
           source=source)
    return fig


def lexicon_comparison_chart(table: pd.DataFrame, *, top: int = 15, min_mentions: int = 1,
                             title: str | None = None, source: str = SOURCE):
    """Compare VADER, TextBlob and target-aware means per actor (a ``sentiment_by_actor`` table).

    One row per actor, a grey line from the lowest to the highest of the three means, so
    where the methods disagree the line is long. Returns the figure.

    Examples
    --------
    >>> t = pd.DataFrame({"actor": ["A"], "mentions": [2], "vader_mean": [-0.5],
    ...                   "textblob_mean": [0.1], "target_mean": [-0.2]})
    >>> [h.get_label() for h in lexicon_comparison_chart(t).axes[0].get_legend().legend_handles]
    ['VADER (sentence)', 'TextBlob (sentence)', 'target-aware']
    """
    data = _actor_rows(table, top, min_mentions)
    cols = [("vader_mean", "VADER (sentence)", PALETTE[3]),
            ("textblob_mean", "TextBlob (sentence)", PALETTE[1]),
            ("target_mean", "target-aware", PALETTE[0])]
    fig, ax = new_figure(width=7, height=max(2.5, 0.32 * len(data) + 1.4))
    y = list(range(len(data)))[::-1]
    vals = data[[c for c, _, _ in cols]]
    ax.hlines(y, vals.min(axis=1), vals.max(axis=1), color="#BBBBBB", lw=2, zorder=1)
    for (col, label, color), marker in zip(cols, ["o", "s", "D"], strict=True):
        ax.scatter(data[col], y, color=color, marker=marker, s=36, label=label, zorder=3)
    ax.axvline(0, color="#333333", lw=0.8)
    ax.set_yticks(y, data["label"])
    ax.set_xlim(-1.0, 1.0)
    ax.grid(axis="y", visible=False)
    ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.06), ncol=3, fontsize=8, frameon=False,
              borderaxespad=0)
    spread = (vals.max(axis=1) - vals.min(axis=1))
    worst = data["actor"].iat[int(spread.to_numpy().argmax())] if len(data) else ""
    finish(ax, title=title or f"The three methods disagree most about {worst}",
           xlabel="mean score per mention (−1 … +1)", source=source)
    return fig


# ---------------------------------------------------------------- notebook 03 (quotes, highlight)

__all__ += [  # noqa: PLE0605 - extended per notebook section to keep edits local
    "Highlighted",
    "highlight",
    "speaker_colours",
    "voice_presence_data",
    "voice_presence_chart",
    "cue_verb_data",
    "cue_verb_chart",
    "sourcing_data",
    "sourcing_chart",
]

_NO_SPEAKER = "#BBBBBB"


def speaker_colours(quotes: pd.DataFrame) -> dict:
    """Give every speaker a palette colour, in order of first quote; no speaker is grey.

    Speakers of quoted passages come first, speakers of reported speech only (kind
    ``indirect``) after them; the seven colours repeat after the seventh speaker.

    Examples
    --------
    >>> q = pd.DataFrame({"speaker": ["Ann", None, "Bo", "Ann"], "kind": ["direct"] * 4})
    >>> speaker_colours(q)
    {'Ann': '#0072B2', 'Bo': '#E69F00', None: '#BBBBBB'}
    """
    colours: dict = {}
    kinds = quotes["kind"] if "kind" in quotes else pd.Series(["direct"] * len(quotes))
    quoted = [s for s, k in zip(quotes["speaker"], kinds, strict=True) if k != "indirect"]
    names = [s for s in quoted + list(quotes["speaker"]) if isinstance(s, str) and s]
    for i, name in enumerate(dict.fromkeys(names)):
        colours[name] = PALETTE[i % (len(PALETTE) - 1)]  # skip black, the last colour
    colours[None] = _NO_SPEAKER
    return colours


class Highlighted:
    """An article rendered as HTML; Jupyter shows it through ``_repr_html_``.

    Attributes
    ----------
    html : str
        The complete fragment (a ``<div class="nr-highlight">``): legend plus text.
    counts : dict
        How many ``nr-quote``, ``nr-actor``, ``nr-figure`` elements it contains.
    """

    def __init__(self, html: str, counts: dict):
        self.html = html
        self.counts = counts

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.html

    def __repr__(self) -> str:
        parts = ", ".join(f"{k}={v}" for k, v in self.counts.items())
        return f"Highlighted({parts}, chars={len(self.html)})"

    def save(self, path) -> Path:
        """Write a stand-alone HTML page and return its path."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("<!doctype html><meta charset='utf-8'><title>newsresearch</title>"
                        + self.html, encoding="utf-8")
        return path


def _attr(name: str, value) -> str:
    import html

    if value is None or (isinstance(value, float) and value != value) or str(value) == "<NA>":
        return ""
    return f' {name}="{html.escape(str(value), quote=True)}"'


def highlight(text_or_article, *, quotes=None, actors=None, figures=None,
              show_speakers: bool = True, indirect: bool = True, legend: bool = True,
              title: str | None = None) -> Highlighted:
    """Render the article as HTML with quotes coloured by speaker, actors and figures marked.

    Every piece of article text is HTML-escaped: an article is untrusted input, so
    ``<script>`` in it is shown as text, never run.

    Parameters
    ----------
    text_or_article : str or Article
    quotes : DataFrame, optional
        An ``extract_quotes`` frame; computed when not given.
    actors : DataFrame, optional
        A ``find_actors`` frame: mentions are underlined (``nr-actor`` elements).
    figures : DataFrame, optional
        An ``extract_figures`` frame (``start, end, surface, kind, value, unit``): figures
        are boxed (``nr-figure`` elements).
    show_speakers : bool
        Also mark each quote's speaker words and cue (``nr-speaker``, ``nr-cue``).
    indirect : bool
        Also colour reported speech without quote marks (dotted underline, same colours).
    legend : bool
        Put a legend of speakers (with their number of quoted passages) above the text.

    Returns
    -------
    Highlighted
        ``.html`` is the fragment; Jupyter displays the object itself. Every quote is one
        ``<span class="nr-quote" data-quote-id=… data-speaker=… data-kind=…>``, every actor
        mention one ``nr-actor`` and every figure one ``nr-figure`` element; spans that
        cross an enclosing one are cut at its edge so elements always nest.

    Examples
    --------
    >>> h = highlight("“Hi <script>alert(1)</script>,” said Ann Lee.")
    >>> "&lt;script&gt;" in h.html and "<script>" not in h.html
    True
    >>> h.counts["nr-quote"]
    1
    """
    import html

    from .articles import as_text

    text = as_text(text_or_article)
    if quotes is None:
        from .quotes import extract_quotes

        quotes = extract_quotes(text, actors=actors)
    quotes = _with_quote_columns(quotes)
    if not indirect and len(quotes):
        quotes = quotes[quotes["kind"] != "indirect"]
    colours = speaker_colours(quotes)
    spans: list[tuple[int, int, int, str, str]] = []  # start, end, layer, open tag, class
    seen_speaker: set = set()
    for q in quotes.itertuples(index=False):
        speaker = q.speaker if isinstance(q.speaker, str) and q.speaker else None
        colour = colours.get(speaker, _NO_SPEAKER)
        style = (f"background:{colour}2e;border-bottom:2px dotted {colour}"
                 if q.kind == "indirect" else f"background:{colour}40")
        cue = q.cue if isinstance(q.cue, str) and q.cue else "no cue"
        tip = f"{speaker or 'speaker unknown'} — {cue} ({q.kind}, {q.source_type})"
        spans.append((int(q.start), int(q.end), 0,
                      f'<span class="nr-quote"{_attr("data-quote-id", q.quote_id)}'
                      f'{_attr("data-speaker", speaker)}{_attr("data-kind", q.kind)}'
                      f'{_attr("data-source-type", q.source_type)}{_attr("title", tip)}'
                      f' style="{style}">', "nr-quote"))
        if show_speakers and not pd.isna(q.speaker_start) and \
                (int(q.speaker_start), int(q.speaker_end)) not in seen_speaker:
            seen_speaker.add((int(q.speaker_start), int(q.speaker_end)))
            spans.append((int(q.speaker_start), int(q.speaker_end), 1,
                          f'<span class="nr-speaker"{_attr("data-speaker", speaker)}'
                          f' style="font-weight:600;border-bottom:3px solid {colour}">',
                          "nr-speaker"))
        if show_speakers and not pd.isna(q.cue_start) and \
                ("cue", int(q.cue_start)) not in seen_speaker:
            seen_speaker.add(("cue", int(q.cue_start)))
            spans.append((int(q.cue_start), int(q.cue_end), 1,
                          '<span class="nr-cue" style="font-style:italic">', "nr-cue"))
    if actors is not None:
        for m in actors.itertuples(index=False):
            spans.append((int(m.start), int(m.end), 2,
                          f'<span class="nr-actor"{_attr("data-actor", m.actor)}'
                          f'{_attr("data-actor-type", getattr(m, "actor_type", None))}'
                          f'{_attr("title", m.actor)}'
                          ' style="text-decoration:underline;text-underline-offset:3px">',
                          "nr-actor"))
    if figures is not None:
        for f in figures.itertuples(index=False):
            tip = " ".join(str(x) for x in (getattr(f, "kind", ""), getattr(f, "value", ""),
                                            getattr(f, "unit", "")) if _attr("x", x))
            spans.append((int(f.start), int(f.end), 3,
                          f'<span class="nr-figure"{_attr("data-kind", getattr(f, "kind", None))}'
                          f'{_attr("data-value", getattr(f, "value", None))}'
                          f'{_attr("data-unit", getattr(f, "unit", None))}{_attr("title", tip)}'
                          ' style="outline:1px solid #555;border-radius:2px">', "nr-figure"))
    body, counts = _nest(text, spans)
    head = ""
    if title:
        head += f"<h3>{html.escape(title)}</h3>"
    if legend:
        items = []
        for name, colour in colours.items():
            rows = quotes[quotes["speaker"].isna()] if name is None else \
                quotes[quotes["speaker"] == name]
            n_q = int((rows["kind"] != "indirect").sum())
            n_i = int((rows["kind"] == "indirect").sum())
            if n_q + n_i == 0:
                continue
            what = f"{n_q} quoted" + (f", {n_i} reported" if n_i else "")
            label = html.escape(name if name else "speaker unknown")
            items.append(f'<span class="nr-legend-item" style="margin-right:1em">'
                         f'<span style="background:{colour}66;padding:0 .6em">&nbsp;</span> '
                         f'{label} ({what})</span>')
        keys = ""
        if actors is not None:
            keys += ' <span style="text-decoration:underline">actor</span>'
        if figures is not None:
            keys += ' <span style="outline:1px solid #555">figure</span>'
        head += (f'<div class="nr-legend" style="margin-bottom:.8em;font-size:90%">'
                 f'<strong>Speakers:</strong> {" ".join(items) or "none"}{keys}</div>')
    out = (f'<div class="nr-highlight" style="font-family:Georgia,serif;line-height:1.6;'
           f'white-space:pre-wrap;max-width:48em">{head}<div class="nr-text">{body}</div></div>')
    return Highlighted(out, counts)


def _with_quote_columns(quotes: pd.DataFrame) -> pd.DataFrame:
    """Fill the columns ``highlight`` reads when a hand-made quotes frame lacks them."""
    quotes = quotes.copy()
    defaults = {"quote_id": range(len(quotes)), "speaker": None, "kind": "direct",
                "source_type": "unknown", "cue": None, "speaker_start": pd.NA,
                "speaker_end": pd.NA, "cue_start": pd.NA, "cue_end": pd.NA}
    for col, value in defaults.items():
        if col not in quotes.columns:
            quotes[col] = list(value) if isinstance(value, range) else value
    return quotes


def _nest(text: str, spans) -> tuple[str, dict]:
    """Interleave escaped text and tags so that every span is one properly nested element."""
    import html

    spans = sorted((s for s in spans if 0 <= s[0] < s[1] <= len(text)),
                   key=lambda s: (s[0], -s[1], s[2]))
    out: list[str] = []
    counts = {"nr-quote": 0, "nr-actor": 0, "nr-figure": 0, "nr-speaker": 0, "nr-cue": 0}
    stack: list[int] = []  # ends of the open elements
    pos = 0
    for start, end, _layer, tag, cls in spans:
        while stack and stack[-1] <= start:
            close = stack.pop()
            out.append(html.escape(text[pos:close]))
            out.append("</span>")
            pos = close
        if stack and end > stack[-1]:
            end = stack[-1]  # cut at the edge of the enclosing element
        if stack and start < pos or end <= start:
            continue
        out.append(html.escape(text[pos:start]))
        out.append(tag)
        counts[cls] = counts.get(cls, 0) + 1
        stack.append(end)
        pos = start
    while stack:
        close = stack.pop()
        out.append(html.escape(text[pos:close]))
        out.append("</span>")
        pos = close
    out.append(html.escape(text[pos:]))
    return "".join(out), counts


def voice_presence_data(quotes: pd.DataFrame, actors: pd.DataFrame, *, top: int = 10,
                        indirect: bool = False,
                        actor_types=("person", "organization", "group", "place")
                        ) -> pd.DataFrame:
    """Count, per actor, the mentions (presence) and the quoted passages (voice).

    Parameters
    ----------
    quotes : DataFrame
        An ``extract_quotes`` frame.
    actors : DataFrame
        A ``find_actors`` frame.
    top : int
        Keep the ``top`` most-mentioned actors, plus every actor who is quoted.
    indirect : bool
        Count reported speech without quote marks as voice too.
    actor_types : sequence of str
        Which actor types to list (speakers are always listed).

    Returns
    -------
    DataFrame
        ``actor, actor_type, mentions, quotes, mention_share, quote_share`` where the shares
        are over all mentions and all attributed quoted passages of the article.

    Examples
    --------
    >>> q = pd.DataFrame({"speaker": ["Ann", "Ann"], "kind": ["direct", "direct"]})
    >>> a = pd.DataFrame({"actor": ["Ann", "Bo", "Bo"], "actor_type": ["person"] * 3})
    >>> voice_presence_data(q, a)[["actor", "mentions", "quotes"]].values.tolist()
    [['Bo', 2, 0], ['Ann', 1, 2]]
    """
    cols = ["actor", "actor_type", "mentions", "quotes", "mention_share", "quote_share"]
    q = quotes if indirect else quotes[quotes["kind"] != "indirect"]
    q = q[q["speaker"].notna()]
    voice = q.groupby("speaker").size()
    presence = actors.groupby("actor").size() if len(actors) else pd.Series(dtype=int)
    types = (actors.drop_duplicates("actor").set_index("actor")["actor_type"]
             if len(actors) else pd.Series(dtype=object))
    names = list(dict.fromkeys(list(presence.index) + list(voice.index)))
    if not names:
        return pd.DataFrame(columns=cols)
    df = pd.DataFrame({"actor": names})
    df["actor_type"] = [types.get(n, "group" if n[:1].islower() else None) for n in names]
    df["mentions"] = [int(presence.get(n, 0)) for n in names]
    df["quotes"] = [int(voice.get(n, 0)) for n in names]
    df["mention_share"] = df["mentions"] / max(1, int(presence.sum()))
    df["quote_share"] = df["quotes"] / max(1, len(q))
    df = df.sort_values(["mentions", "quotes"], ascending=False, kind="stable")
    typed = df[df["actor_type"].isin(list(actor_types))]
    keep = set(typed.head(top)["actor"]) | set(df.loc[df["quotes"] > 0, "actor"])
    return df[df["actor"].isin(keep)].reset_index(drop=True)[cols]


def voice_presence_chart(data: pd.DataFrame, *, title: str | None = None,
                         source: str = SOURCE):
    """Paired bars per actor: share of mentions vs share of quoted passages.

    Save it with ``save_chart(fig, "03_voice-vs-presence", data)``.

    Examples
    --------
    >>> d = pd.DataFrame({"actor": ["Ann", "Bo"], "mention_share": [.2, .8],
    ...                   "quote_share": [1.0, 0.0], "mentions": [1, 4], "quotes": [2, 0]})
    >>> voice_presence_chart(d).axes[0].get_xlabel()
    'share of the article (%)'
    """
    import numpy as np

    fig, ax = new_figure(width=7.5, height=max(2.8, 0.42 * len(data) + 1.4))
    y = np.arange(len(data))[::-1]
    ax.barh(y + 0.2, 100 * data["mention_share"], height=0.4, color=PALETTE[5],
            label="mentions (presence)")
    ax.barh(y - 0.2, 100 * data["quote_share"], height=0.4, color=PALETTE[3],
            label="quoted passages (voice)")
    ax.set_yticks(y, data["actor"])
    ax.grid(axis="y", visible=False)
    ax.legend(loc="lower right", frameon=False)
    if title is None:
        speaking = int((data["quotes"] > 0).sum())
        title = f"{speaking} of {len(data)} most-present actors are quoted"
    finish(ax, title=title, xlabel="share of the article (%)", source=source)
    return fig


def cue_verb_data(quotes: pd.DataFrame) -> pd.DataFrame:
    """Count the cues that introduce quotes, marked neutral, loaded or other.

    ``loaded`` cues are in ``resources/quote_loaded_verbs.txt`` ("claimed", "admitted",
    "insisted"); ``neutral`` are the other speech verbs ("said", "told"); ``other`` are
    non-verb cues (a colon, "according to", a sign).

    Returns
    -------
    DataFrame
        ``cue, tone, quotes`` most frequent first.

    Examples
    --------
    >>> q = pd.DataFrame({"cue": ["said", "said", "insisted", ":", None]})
    >>> cue_verb_data(q).values.tolist()
    [['said', 'neutral', 2], ['insisted', 'loaded', 1], [':', 'other', 1]]
    """
    from .quotes import loaded_verbs, speech_verbs

    cues = quotes["cue"].dropna().astype(str).str.lower()
    if cues.empty:
        return pd.DataFrame(columns=["cue", "tone", "quotes"])
    counts = cues.value_counts(sort=False).rename("quotes").rename_axis("cue").reset_index()
    loaded, verbs = loaded_verbs(), speech_verbs()
    counts["tone"] = ["loaded" if c in loaded else "neutral" if c in verbs else "other"
                      for c in counts["cue"]]
    counts = counts.sort_values("quotes", ascending=False, kind="stable")
    return counts[["cue", "tone", "quotes"]].reset_index(drop=True)


def cue_verb_chart(data: pd.DataFrame, *, title: str | None = None, source: str = SOURCE):
    """Bar chart of cue words coloured by tone (a ``cue_verb_data`` table).

    Examples
    --------
    >>> d = pd.DataFrame({"cue": ["said", "claimed"], "tone": ["neutral", "loaded"],
    ...                   "quotes": [3, 1]})
    >>> cue_verb_chart(d).axes[0].get_xlabel()
    'quotes and reported statements'
    """
    tone_colour = {"neutral": PALETTE[0], "loaded": PALETTE[3], "other": NEUTRAL}
    fig, ax = new_figure(width=7, height=max(2.5, 0.3 * len(data) + 1.2))
    ax.barh(data["cue"][::-1], data["quotes"][::-1],
            color=[tone_colour[t] for t in data["tone"][::-1]])
    ax.grid(axis="y", visible=False)
    from matplotlib.patches import Patch

    ax.legend(handles=[Patch(color=c, label=t) for t, c in tone_colour.items()],
              loc="lower right", frameon=False)
    if title is None:
        total = int(data["quotes"].sum())
        loaded = int(data.loc[data["tone"] == "loaded", "quotes"].sum())
        title = f"{loaded} of {total} cues are loaded verbs"
    finish(ax, title=title, xlabel="quotes and reported statements", source=source)
    return fig


def sourcing_data(quotes: pd.DataFrame, *, indirect: bool = True) -> pd.DataFrame:
    """Count quotes by source type (named person/organization, anonymous, document, unknown).

    Returns
    -------
    DataFrame
        ``source_type, quotes, share`` in a fixed order, zero rows included.

    Examples
    --------
    >>> q = pd.DataFrame({"source_type": ["named_person", "anonymous"], "kind": ["direct"] * 2})
    >>> sourcing_data(q)["quotes"].tolist()
    [1, 0, 1, 0, 0]
    """
    from .quotes import SOURCE_TYPES

    q = quotes if indirect else quotes[quotes["kind"] != "indirect"]
    counts = q["source_type"].value_counts()
    df = pd.DataFrame({"source_type": list(SOURCE_TYPES)})
    df["quotes"] = [int(counts.get(t, 0)) for t in SOURCE_TYPES]
    df["share"] = df["quotes"] / max(1, len(q))
    return df


def sourcing_chart(data: pd.DataFrame, *, title: str | None = None, source: str = SOURCE):
    """Bar chart of quotes by source type (a ``sourcing_data`` table).

    Examples
    --------
    >>> d = pd.DataFrame({"source_type": ["named_person", "anonymous"], "quotes": [3, 1],
    ...                   "share": [.75, .25]})
    >>> sourcing_chart(d).axes[0].get_xlabel()
    'quotes and reported statements'
    """
    colours = {"named_person": PALETTE[0], "named_organization": PALETTE[5],
               "anonymous": PALETTE[3], "document": PALETTE[1], "unknown": NEUTRAL}
    if title is None:
        total = int(data["quotes"].sum())
        anon = int(data.loc[data["source_type"] == "anonymous", "quotes"].sum())
        title = f"{anon} of {total} quotes and reported statements come from unnamed sources"
    fig, ax = new_figure(width=7, height=3)
    ax.barh(data["source_type"][::-1], data["quotes"][::-1],
            color=[colours.get(t, NEUTRAL) for t in data["source_type"][::-1]])
    ax.grid(axis="y", visible=False)
    finish(ax, title=title, xlabel="quotes and reported statements", source=source)
    return fig


# ---------------------------------------------------------------- notebook 04 (figures)

__all__ += [  # noqa: PLE0605 - extended per notebook section to keep edits local
    "figure_magnitude_data",
    "figure_magnitude_chart",
    "figure_sourcing_data",
    "figure_sourcing_chart",
    "figure_timeline_data",
    "figure_timeline_chart",
]

_FIGURE_KIND_ORDER = ["count", "money", "percent", "quantity", "duration", "range"]


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
        if r.kind not in _FIGURE_KIND_ORDER:
            continue
        v = r.high if r.kind == "range" else r.value
        if v is None or isinstance(v, str) or not v == v or v <= 0:
            continue
        rows.append((r.figure_id, r.surface, r.kind, r.unit, r.qualifier, float(v),
                     r.source is not None))
    return pd.DataFrame(rows, columns=cols)


def figure_magnitude_chart(figures: pd.DataFrame, *, title: str | None = None,
                           source: str = SOURCE):
    """Draw every numeric figure on a log scale, one row per kind, hedged ones hollow.

    Examples
    --------
    >>> from newsresearch.figures import extract_figures
    >>> fig = figure_magnitude_chart(extract_figures("More than 300 trucks cost $5 million."))
    >>> fig.axes[0].get_xscale()
    'log'
    """
    data = figure_magnitude_data(figures)
    kinds = [k for k in _FIGURE_KIND_ORDER if k in set(data["kind"])] or ["count"]
    fig, ax = new_figure(width=7.5, height=max(2.8, 0.95 * len(kinds) + 1.4))
    for y, kind in enumerate(kinds):
        part = data[data["kind"] == kind]
        hedged = part["qualifier"].notna()
        colour = PALETTE[_FIGURE_KIND_ORDER.index(kind) % len(PALETTE)]
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
    span = (f"from {_human(data['magnitude'].min())} to {_human(data['magnitude'].max())}"
            if len(data) else "none found")
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
    states it on its own authority).

    Examples
    --------
    >>> from newsresearch.figures import extract_figures
    >>> figure_sourcing_data(extract_figures("It killed 300, the ministry said."))[
    ...     ["kind", "vouched", "figures"]].values.tolist()
    [['count', 'unnamed source', 1]]
    """
    claims = figures[figures["kind"].isin(_FIGURE_KIND_ORDER)]
    vouched = [
        "no source" if s is None else ("named source" if a is not None else "unnamed source")
        for s, a in zip(claims["source"], claims["source_actor"], strict=True)
    ]
    out = (claims.assign(vouched=vouched).groupby(["kind", "vouched"]).size()
           .rename("figures").reset_index())
    return out.sort_values(["kind", "vouched"]).reset_index(drop=True)


def figure_sourcing_chart(figures: pd.DataFrame, *, title: str | None = None,
                          source: str = SOURCE):
    """Stacked bars: for each kind of figure, how many are sourced (named/unnamed) or not.

    Examples
    --------
    >>> from newsresearch.figures import extract_figures
    >>> fig = figure_sourcing_chart(extract_figures("It killed 300, the ministry said."))
    >>> len(fig.axes)
    1
    """
    data = figure_sourcing_data(figures)
    order = ["named source", "unnamed source", "no source"]
    colours = {"named source": PALETTE[0], "unnamed source": PALETTE[5],
               "no source": "#BBBBBB"}
    kinds = [k for k in _FIGURE_KIND_ORDER if k in set(data["kind"])]
    wide = (data.pivot_table(index="kind", columns="vouched", values="figures", aggfunc="sum")
            .reindex(index=kinds, columns=order).fillna(0))
    fig, ax = new_figure(width=7, height=max(2.5, 0.45 * len(kinds) + 1.5))
    left = [0.0] * len(kinds)
    for col in order:
        vals = wide[col].tolist() if len(kinds) else []
        ax.barh(kinds[::-1], vals[::-1], left=left[::-1], color=colours[col], label=col)
        left = [a + b for a, b in zip(left, vals, strict=True)]
    ax.grid(axis="y", visible=False)
    ax.legend(loc="lower right", fontsize=8, frameon=False)
    total = int(data["figures"].sum())
    sourced = int(data.loc[data["vouched"] != "no source", "figures"].sum())
    finish(ax, title=title or f"{sourced} of {total} figures are attributed to a source",
           xlabel="figures", source=source)
    return fig


def figure_timeline_data(figures: pd.DataFrame, text=None) -> pd.DataFrame:
    """The dated figures that fall on a calendar (year known), earliest first.

    Dates without a year (``XXXX-…``), weekdays and clock times are left out; a month or a
    year is placed at its middle, a decade at its start. With ``text``, the words within about
    35 characters either side of the date are added as ``context``.

    Examples
    --------
    >>> from newsresearch.figures import extract_figures
    >>> figure_timeline_data(extract_figures("On Dec. 8 and in the 1990s.", year="2024-01"))[
    ...     ["surface", "value"]].values.tolist()
    [['1990s', '199X'], ['Dec. 8', '2023-12-08']]
    """
    cols = ["figure_id", "surface", "value", "qualifier", "when", "start", "context"]
    rows = []
    src = None if text is None else as_text(text)
    for r in figures.itertuples(index=False):
        if r.kind != "date" or not isinstance(r.value, str):
            continue
        when = _timex_to_timestamp(r.value)
        if when is None:
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


def _timex_to_timestamp(value: str):
    """``2023-10-07`` / ``2023-10`` / ``2023`` / ``199X`` → a Timestamp, else None."""
    import re

    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if m:
        y, mo, d = m.group(1), m.group(2), m.group(3)
        if d:
            return pd.Timestamp(int(y), int(mo), int(d))
        if mo:
            return pd.Timestamp(int(y), int(mo), 15)
        return pd.Timestamp(int(y), 7, 1)
    m = re.fullmatch(r"(\d{3})X", value)
    if m:
        return pd.Timestamp(int(m.group(1)) * 10, 1, 1)
    return None


def figure_timeline_chart(figures: pd.DataFrame, text=None, *, since=None,
                          title: str | None = None, source: str = SOURCE):
    """Draw the story's dated events on a time axis, one labelled point per date mention.

    ``since`` (e.g. ``"2023-01-01"``) drops earlier dates so a distant decade does not squash
    the recent months; the dropped count is given in the title.

    Examples
    --------
    >>> from newsresearch.figures import extract_figures
    >>> figs = extract_figures("On Oct. 7 and on Dec. 8 it struck.", year="2024-01")
    >>> fig = figure_timeline_chart(figs)
    >>> len(fig.axes)
    1
    """
    data = figure_timeline_data(figures, text)
    dropped = 0
    if since is not None and len(data):
        keep = data["when"] >= pd.Timestamp(since)
        dropped = int((~keep).sum())
        data = data[keep].reset_index(drop=True)
    fig, ax = new_figure(width=8, height=max(2.8, 0.32 * len(data) + 1.4))
    ax.scatter(data["when"], range(len(data)), color=PALETTE[0], zorder=3, s=30)
    for y, r in enumerate(data.itertuples(index=False)):
        label = f"…{r.context}…" if r.context else r.surface
        ax.annotate(label[:80], (r.when, y), xytext=(6, -3), textcoords="offset points",
                    fontsize=7)
    ax.set_yticks([])
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    if len(data):
        import matplotlib.dates as mdates

        lo, hi = data["when"].min(), data["when"].max()
        pad = max(hi - lo, pd.Timedelta(days=30))
        ax.set_xlim(lo - pad * 0.05, hi + pad * 0.9)  # room for the labels on the right
        ax.xaxis.set_major_locator(mdates.AutoDateLocator(maxticks=6))
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    note = f" ({dropped} earlier not shown)" if dropped else ""
    finish(ax, title=title or f"{len(data)} dated mentions on the story's timeline{note}",
           xlabel="date (months and years at their middle)", source=source)
    return fig


# ---------------------------------------------------------------- notebook 05 / report


def figure_sources_chart(data: pd.DataFrame, *, top: int = 12, title: str | None = None,
                         source: str = SOURCE):
    """Bar chart of the figures each source vouches for (an ``Analysis.figure_sources`` table).

    Unattributed figures ("(no source given)") are drawn grey, attributed ones blue.

    Examples
    --------
    >>> d = pd.DataFrame({"source": ["(no source given)", "Health Ministry"],
    ...                   "figures": [5, 2]})
    >>> figure_sources_chart(d).axes[0].get_xlabel()
    'figures (counts, money, percentages, quantities, durations)'
    """
    data = data.head(top)
    fig, ax = new_figure(width=7, height=max(2.5, 0.3 * len(data) + 1.2))
    colours = [NEUTRAL if s == "(no source given)" else PALETTE[0] for s in data["source"]]
    ax.barh(data["source"].astype(str)[::-1], data["figures"][::-1], color=colours[::-1])
    ax.grid(axis="y", visible=False)
    if title is None:
        total = int(data["figures"].sum())
        unsourced = int(data.loc[data["source"] == "(no source given)", "figures"].sum())
        title = f"{total - unsourced} of {total} figures name a source"
    finish(ax, title=title, xlabel="figures (counts, money, percentages, quantities, durations)",
           source=source)
    return fig
