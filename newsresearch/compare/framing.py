"""How actors are framed: the mean target sentiment per actor, with an article bootstrap."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .measures import _opts
from .shares import ratio_table, stack
from .tables import article_groups, corpus_tables

__all__ = ["framing", "TOO_FEW", "SCORES"]

#: The ``actor`` of the row that pools, per group, the actors with too few mentions.
TOO_FEW = "too few"
#: ``score=`` -> the ``actor_sentiment`` column holding an article's mean for the actor.
SCORES = {"target": "target_mean", "vader": "vader_mean", "textblob": "textblob_mean"}


def framing(source, *, by=None, min_mentions: int = 5, score: str = "target",
            n_boot: int = 1000, seed: int = 0, confidence: float = 0.95) -> pd.DataFrame:
    """Measure how each actor is framed: the mean sentiment toward it over its mentions.

    Parameters
    ----------
    source : Results, list of Analysis, or dict of tables
        See :func:`~newsresearch.compare.presence`.
    by : None, str or callable
        See :func:`~newsresearch.compare.presence`.
    min_mentions : int, default 5
        An actor gets its own row in a group only with at least this many mentions in the
        group; the others are pooled into one row per group whose ``actor`` is
        ``"too few"``, with their summed scores and mentions but estimate and interval NaN
        (a mean over two mentions says little, and a mean over different actors is no
        actor's framing). That row is always there, last in its group (``n_actors`` 0 when
        every actor has enough mentions).
    score : {"target", "vader", "textblob"}
        Which sentiment: the target-aware model (default), VADER or TextBlob
        (the ``actor_sentiment`` columns ``target_mean``, ``vader_mean``, ``textblob_mean``).
    n_boot, seed, confidence
        Bootstrap replicates, seed and level of the interval: a percentile bootstrap over
        **articles** (the group's articles drawn with replacement; the mean recomputed as
        the sum of the drawn articles' scores over their mentions).

    Returns
    -------
    DataFrame
        ``[by], actor, measure, n_articles, numerator, denominator, estimate, ci_low,
        ci_high, n_actors``: ``numerator`` is the sum of the scores of the actor's
        mentions, ``denominator`` its mentions, ``estimate`` their mean (mentions weigh
        equally, whatever their article); ``n_articles`` the articles mentioning the actor;
        ``n_actors`` how many actors the row holds. Most-mentioned actors first.

    Examples
    --------
    >>> tables = {"articles": pd.DataFrame({"article_id": ["a", "b"]}),
    ...           "actor_sentiment": pd.DataFrame({"article_id": ["a", "b", "b"],
    ...               "actor": ["Smith", "Smith", "Doe"], "mentions": [2, 3, 1],
    ...               "target_mean": [0.5, -0.5, 1.0]})}
    >>> f = framing(tables, min_mentions=2, n_boot=100)
    >>> f[["actor", "numerator", "denominator", "estimate", "n_actors"]].values.tolist()
    [['Smith', -0.5, 5, -0.1, 1], ['too few', 1.0, 1, nan, 1]]
    """
    if score not in SCORES:
        raise ValueError(f"score must be one of {', '.join(SCORES)}; got {score!r}")
    if not isinstance(min_mentions, (int, np.integer)) or min_mentions < 1:
        raise ValueError(f"min_mentions must be a positive int, got {min_mentions!r}")
    opts = _opts(n_boot, seed, confidence)
    t = corpus_tables(source, ["actor_sentiment"])
    groups = article_groups(t["articles"], by)
    s = t["actor_sentiment"]
    mean = pd.to_numeric(s[SCORES[score]], errors="coerce").to_numpy(dtype=float)
    mentions = pd.to_numeric(s["mentions"], errors="coerce").to_numpy(dtype=float)
    ok = ~np.isnan(mean) & ~np.isnan(mentions) & (mentions > 0)
    rows = groups.rows(s["article_id"].tolist())
    ok &= rows >= 0
    rows, mean, mentions = rows[ok], mean[ok], mentions[ok]
    actors = s["actor"].to_numpy(dtype=object)[ok]
    code = groups.codes[rows] if len(rows) else np.zeros(0, dtype=np.int64)
    total = pd.Series(mentions).groupby([code, actors]).sum() if len(rows) else pd.Series()
    enough = {k for k, v in total.items() if v >= min_mentions}
    keys = [(a,) if (g, a) in enough else (TOO_FEW,)
            for g, a in zip(code.tolist(), actors.tolist(), strict=True)]
    df = ratio_table(groups, rows, keys, mean * mentions, mentions, item_columns=["actor"],
                     measure=f"mean {score} sentiment", shared=False,
                     categories=[(TOO_FEW,)], counts=False, order_by="denominator",
                     **opts)
    small = df["actor"] == TOO_FEW
    df.loc[small, ["estimate", "ci_low", "ci_high"]] = np.nan
    df["denominator"] = df["denominator"].round().astype(np.int64)
    few = {g: sum(1 for (h, _) in total.index if h == g and (h, _) not in enough)
           for g in range(len(groups.labels))} if len(total) else {}
    df["n_actors"] = [few.get(g, 0) if small_row else 1
                      for g, small_row in zip(df["_group"], small, strict=True)]
    df["_last"] = small.astype(int)
    df = df.sort_values(["_group", "_last"], kind="stable", ignore_index=True)
    return stack([df.drop(columns="_last")], groups)
