"""Charts of notebook 02: where each actor appears, and how each actor is framed.

Each ``*_chart`` draws exactly the table it is given (every row), so that the table saved
beside the picture is the data drawn.
"""

from __future__ import annotations

import pandas as pd

from .style import NEGATIVE, NEUTRAL, PALETTE, POSITIVE, SOURCE, empty_chart, finish, new_figure

__all__ = ["mention_map_data", "mention_map_chart", "actor_sentiment_chart",
           "lexicon_comparison_chart"]

ACTOR_TYPES = ("person", "organization", "place", "group")
_TYPE_COLOURS = {"person": PALETTE[0], "organization": PALETTE[1], "place": PALETTE[2],
                 "group": PALETTE[4]}


def mention_map_data(mentions: pd.DataFrame, sentences, *, top: int = 15,
                     actor_types=ACTOR_TYPES) -> pd.DataFrame:
    """Count each actor's mentions per paragraph (the data behind :func:`mention_map_chart`).

    Parameters
    ----------
    mentions : DataFrame
        A ``find_actors`` frame (its ``sentence_id`` places each mention).
    sentences : SentenceIndex or DataFrame
        The sentences the mentions were found in: ``Analysis.sentences``, a
        ``split_sentences`` frame or a :class:`~newsresearch.tokens.SentenceIndex`; they give
        each sentence's paragraph, so the text is not split again.
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
    >>> from newsresearch import analyze
    >>> a = analyze("Mr. Blinken flew.\\n\\nMr. Blinken met Hamas.")
    >>> mention_map_data(a.actors, a.sentences)[["actor", "paragraph", "mentions"]].values.tolist()
    [['Blinken', 1, 1], ['Blinken', 2, 1], ['Hamas', 2, 1]]
    """
    paragraph_of, n_paragraphs = _paragraphs(sentences)
    cols = ["actor", "actor_type", "paragraph", "mentions", "paragraphs"]
    m = mentions[mentions["actor_type"].isin(list(actor_types))]
    if m.empty or not n_paragraphs:
        return pd.DataFrame(columns=cols)
    m = m.assign(paragraph=[paragraph_of[int(s)] + 1 for s in m["sentence_id"]])
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
    out["paragraphs"] = n_paragraphs
    return out[cols]


def _paragraphs(sentences) -> tuple[dict, int]:
    """``{sentence_id: paragraph_id}`` and the number of paragraphs, from either form."""
    from ..tokens import SentenceIndex

    if isinstance(sentences, SentenceIndex):
        return dict(enumerate(sentences.paragraph_ids)), len(sentences.paragraphs)
    if not isinstance(sentences, pd.DataFrame) or "paragraph_id" not in sentences.columns:
        raise TypeError("mention_map_data needs the sentences the mentions were found in "
                        "(Analysis.sentences, split_sentences(text) or sentence_index(text))")
    pids = sentences["paragraph_id"].astype(int).tolist()
    mapping = dict(zip(sentences["sentence_id"].astype(int), pids, strict=True))
    return mapping, (max(pids) + 1 if pids else 0)


def mention_map_chart(data: pd.DataFrame, *, title: str | None = None, source: str = SOURCE):
    """Draw where in the article each actor appears: actors × paragraphs, dot size = mentions.

    ``data`` is a :func:`mention_map_data` table. Actors are listed top to bottom in order of
    first appearance, coloured by type.

    Examples
    --------
    >>> from newsresearch import analyze
    >>> a = analyze("Mr. Blinken flew.\\n\\nMr. Blinken met Hamas.")
    >>> fig = mention_map_chart(mention_map_data(a.actors, a.sentences))
    >>> fig.axes[0].get_xlabel(), fig.axes[0].get_title(loc="left")
    ('paragraph', 'Blinken appears in 2 of 2 paragraphs')
    """
    actors = list(dict.fromkeys(data["actor"]))
    if data.empty:
        return empty_chart("actors", source=source)
    fig, ax = new_figure(width=8, height=max(2.5, 0.32 * len(actors) + 1.3))
    n_para = int(data["paragraphs"].iloc[0])
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
        title = f"{spread.idxmax()} appears in {spread.max()} of {n_para} paragraphs"
    finish(ax, title=title, xlabel="paragraph", source=source)
    return fig


def _labels(table: pd.DataFrame) -> list[str]:
    return [f"{a} ({n})" for a, n in zip(table["actor"], table["mentions"], strict=True)]


def actor_sentiment_chart(table: pd.DataFrame, *, title: str | None = None,
                          source: str = SOURCE):
    """Dot-and-whisker chart of sentiment per actor: every row of a ``sentiment_by_actor`` table.

    Dots are mean scores, whiskers the bootstrap interval (none for single mentions), labels
    carry the number of mentions; colour follows the sign of the mean. Select the actors
    first (``table[table["mentions"] >= 3]``). Returns the figure.

    Examples
    --------
    >>> t = pd.DataFrame({"actor": ["A", "B"], "mentions": [3, 1], "mean": [-0.4, 0.2],
    ...                   "ci_low": [-0.7, float("nan")], "ci_high": [-0.1, float("nan")],
    ...                   "method": "target"})
    >>> fig = actor_sentiment_chart(t)
    >>> bool(fig.axes[0].get_xlim()[0] <= -0.7), fig.axes[0].get_title(loc="left")
    (True, '1 of 2 actors are framed negatively on average')
    """
    if table.empty:
        return empty_chart("actors", source=source)
    fig, ax = new_figure(width=7, height=max(2.5, 0.32 * len(table) + 1.2))
    y = list(range(len(table)))[::-1]
    colors = [NEGATIVE if m < -0.05 else POSITIVE if m > 0.05 else NEUTRAL
              for m in table["mean"]]
    lo = (table["mean"] - table["ci_low"]).clip(lower=0).fillna(0)
    hi = (table["ci_high"] - table["mean"]).clip(lower=0).fillna(0)
    ax.errorbar(table["mean"], y, xerr=[lo, hi], fmt="none", ecolor="#777777", capsize=3,
                lw=1.2)
    ax.scatter(table["mean"], y, c=colors, s=45, zorder=3)
    ax.axvline(0, color="#333333", lw=0.8)
    ax.set_yticks(y, _labels(table))
    low = table["ci_low"].min(skipna=True)
    ax.set_xlim(min(-1.0, (0.0 if pd.isna(low) else float(low)) - 0.05), 1.0)
    ax.grid(axis="y", visible=False)
    method = str(table["method"].iat[0]) if "method" in table else "target"
    n_neg = int((table["mean"] < -0.05).sum())
    finish(ax, title=title or f"{n_neg} of {len(table)} actors are framed negatively on average",
           xlabel=f"mean {method} sentiment per mention (−1 … +1), 95% bootstrap interval",
           source=source)
    return fig


def lexicon_comparison_chart(table: pd.DataFrame, *, title: str | None = None,
                             source: str = SOURCE):
    """Compare VADER, TextBlob and target-aware means per actor (every row of the table).

    One row per actor, a grey line from the lowest to the highest of the three means, so
    where the methods disagree the line is long. Returns the figure.

    Examples
    --------
    >>> t = pd.DataFrame({"actor": ["A"], "mentions": [2], "vader_mean": [-0.5],
    ...                   "textblob_mean": [0.1], "target_mean": [-0.2]})
    >>> [h.get_label() for h in lexicon_comparison_chart(t).axes[0].get_legend().legend_handles]
    ['VADER (sentence)', 'TextBlob (sentence)', 'target-aware']
    """
    cols = [("vader_mean", "VADER (sentence)", PALETTE[3]),
            ("textblob_mean", "TextBlob (sentence)", PALETTE[1]),
            ("target_mean", "target-aware", PALETTE[0])]
    if table.empty:
        return empty_chart("actors", source=source)
    fig, ax = new_figure(width=7, height=max(2.5, 0.32 * len(table) + 1.4))
    y = list(range(len(table)))[::-1]
    vals = table[[c for c, _, _ in cols]]
    ax.hlines(y, vals.min(axis=1), vals.max(axis=1), color="#BBBBBB", lw=2, zorder=1)
    for (col, label, color), marker in zip(cols, ["o", "s", "D"], strict=True):
        ax.scatter(table[col], y, color=color, marker=marker, s=36, label=label, zorder=3)
    ax.axvline(0, color="#333333", lw=0.8)
    ax.set_yticks(y, _labels(table))
    ax.set_xlim(-1.0, 1.0)
    ax.grid(axis="y", visible=False)
    ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.06), ncol=3, fontsize=8, frameon=False,
              borderaxespad=0)
    spread = vals.max(axis=1) - vals.min(axis=1)
    worst = table["actor"].iat[int(spread.to_numpy().argmax())]
    finish(ax, title=title or f"The three methods disagree most about {worst}",
           xlabel="mean score per mention (−1 … +1)", source=source)
    return fig
