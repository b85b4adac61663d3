"""Who is present, who speaks, how sources are used: ``presence``, ``voice``, ``sourcing``.

Every function returns one row per group (``by=``) and item, with ``n_articles`` (the articles
of the group behind the denominator), ``numerator``, ``denominator``, ``estimate`` (their
ratio) and a 95 % percentile interval from a bootstrap over **articles**
(:mod:`newsresearch.compare.bootstrap`): the quotes and mentions of one article are not
independent, so an interval from pooled rows would be too narrow.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .shares import ratio_table, stack
from .tables import article_groups, corpus_tables

__all__ = ["presence", "voice", "sourcing", "NO_SPEAKER", "GENDERS", "VOICE_LEVELS"]

#: The ``speaker`` of quotes whose speaker was not found (they stay in every denominator).
NO_SPEAKER = "(no speaker)"
#: Genders listed in every group of ``voice(level="speaker_gender")``, then ``unknown``.
GENDERS = ("female", "male")
UNKNOWN = "unknown"
VOICE_LEVELS = ("speaker", "source_type", "speaker_gender")
PRESENCE_LEVELS = ("actor", "actor_type")


def _opts(n_boot, seed, confidence) -> dict:
    if not isinstance(n_boot, (int, np.integer)) or isinstance(n_boot, bool) or n_boot < 1:
        raise ValueError(f"n_boot must be a positive int, got {n_boot!r}")
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be between 0 and 1, got {confidence!r}")
    return {"n_boot": int(n_boot), "seed": seed, "confidence": confidence}


def _level(level, allowed) -> str:
    if level not in allowed:
        raise ValueError(f"level must be one of {', '.join(allowed)}; got {level!r}")
    return level


def _per_article(rows: np.ndarray, n: int, weights=None) -> np.ndarray:
    """How many counted rows (or the sum of ``weights``) each article has."""
    ok = rows >= 0
    w = None if weights is None else np.asarray(weights, dtype=float)[ok]
    return np.bincount(rows[ok], weights=w, minlength=n).astype(float)


def _strings(series: pd.Series, missing: str) -> list:
    return [v if isinstance(v, str) and v else missing for v in series.tolist()]


def presence(source, *, by=None, level: str = "actor", actor_types=None, n_boot: int = 1000,
             seed: int = 0, confidence: float = 0.95) -> pd.DataFrame:
    """Measure who is present: each actor's share of the mentions and of the articles.

    Parameters
    ----------
    source : Results, list of Analysis, or dict of tables
        A corpus run (:func:`~newsresearch.results.open_results`), the analyses of many
        articles (:func:`~newsresearch.analysis.analyze`), or their tables.
    by : None, str or callable
        Compare groups of articles: a column of ``articles`` (``outlet``, ``category``…),
        ``"year"`` or ``"month"`` (from ``published`` when there is no such column), or a
        function of an article row (output column ``group``). None: the whole corpus.
    level : {"actor", "actor_type"}
        One row per actor (``actor, actor_type``) or per actor type.
    actor_types : sequence of str, optional
        Count only these actor types (e.g. ``["person"]``); by default all.
    n_boot, seed, confidence
        Bootstrap replicates, seed and level of the interval. The interval is a percentile
        bootstrap over **articles**: the group's articles are drawn with replacement and
        the ratio recomputed from their sums.

    Returns
    -------
    DataFrame
        ``[by], actor, actor_type (or actor_type), measure, n_articles, numerator,
        denominator, estimate, ci_low, ci_high``. Measure ``"share of mentions"``: the
        actor's mentions over all mentions of the group; then ``"share of articles"``: the
        articles mentioning the actor over the articles of the group. Most-mentioned first.
        ``n_articles`` counts the group's articles behind the denominator (those with a
        mention for the share of mentions; all of them for the share of articles); the
        interval is NaN with fewer than two.
        A group without mentions gets one row (items missing, estimate NaN).

    Examples
    --------
    >>> from newsresearch import analyze
    >>> docs = [analyze("Mr. John Smith met Ms. Jane Doe. Smith left."),
    ...         analyze("Ms. Jane Doe spoke.")]
    >>> p = presence(docs, n_boot=100)
    >>> p[["actor", "measure", "numerator", "denominator"]].values.tolist()
    [['Jane Doe', 'share of mentions', 2, 4], ['John Smith', 'share of mentions', 2, 4], \
['Jane Doe', 'share of articles', 2, 2], ['John Smith', 'share of articles', 1, 2]]
    """
    level, opts = _level(level, PRESENCE_LEVELS), _opts(n_boot, seed, confidence)
    t = corpus_tables(source, ["actors"])
    groups = article_groups(t["articles"], by)
    a = t["actors"]
    if actor_types is not None:
        a = a[a["actor_type"].isin(list(actor_types))]
    rows, n = groups.rows(a["article_id"].tolist()), len(t["articles"])
    cols = ["actor", "actor_type"] if level == "actor" else ["actor_type"]
    keys = list(zip(*(_strings(a[c], UNKNOWN) for c in cols), strict=True))
    ones = np.ones(len(keys))
    mentions = ratio_table(groups, rows, keys, ones, _per_article(rows, n), item_columns=cols,
                           measure="share of mentions", shared=True, **opts)
    pairs = list(dict.fromkeys((r, k) for r, k in zip(rows.tolist(), keys, strict=True)))
    prow = np.array([r for r, _ in pairs], dtype=np.int64)
    articles = ratio_table(groups, prow, [k for _, k in pairs], np.ones(len(pairs)),
                           np.ones(n), item_columns=cols, measure="share of articles",
                           shared=True, **opts)
    return stack([mentions, articles], groups)


def voice(source, *, by=None, level: str = "speaker", n_boot: int = 1000, seed: int = 0,
          confidence: float = 0.95) -> pd.DataFrame:
    """Measure who speaks: shares of the quotes per speaker, source type or speaker gender.

    Rows of ``kind == "label"`` (a name in quote marks, not speech) never count as quotes;
    every other quote counts, with or without a speaker.

    Parameters
    ----------
    source : Results, list of Analysis, or dict of tables
        See :func:`presence`.
    by : None, str or callable
        See :func:`presence`.
    level : {"speaker", "source_type", "speaker_gender"}
        ``"speaker"``: each speaker's share of the group's quotes (quotes without a speaker
        are the speaker ``"(no speaker)"``). ``"source_type"``: the share of each
        ``source_type`` (named_person, named_organization, anonymous, document, unknown;
        all listed in every group). ``"speaker_gender"``: ``female`` and ``male`` as shares
        of the quotes whose speaker has a **known** gender (measure ``"share of quotes with
        a known gender"``), and beside them ``unknown`` as a share of **all** quotes (measure
        ``"share of quotes"``), so unknowns are never dropped silently. ``unknown`` holds
        quotes without a speaker, speakers that are no person (organizations, groups,
        documents) and people whose gender the text does not give; ``level="source_type"``
        tells them apart. The gender is the
        quotes' ``speaker_gender`` column; a quotes table without it takes the gender of the
        speaker's mentions in the same article (``actors.gender``).
    n_boot, seed, confidence
        See :func:`presence` (percentile bootstrap over articles).

    Returns
    -------
    DataFrame
        ``[by], speaker (or source_type or speaker_gender), measure, n_articles, numerator,
        denominator, estimate, ci_low, ci_high, voice_presence_ratio``. The last column
        compares voice with presence, as a point estimate without interval: the speaker's
        share of quotes over their share of the group's mentions (for ``female``/``male``:
        the share of quotes with a known gender over the same gender's share of the person
        mentions with a known gender); NaN for ``unknown`` (its quotes include quotes
        without a speaker, which no mention matches), for source types and for speakers
        never mentioned. A group without quotes gets estimate NaN. An interval needs at
        least two articles behind the denominator (else NaN).

    Examples
    --------
    >>> from newsresearch import analyze
    >>> docs = [analyze("“Yes,” said Ms. Jane Doe. “No,” said Mr. John Smith."),
    ...         analyze("“Maybe,” said Ms. Jane Doe.")]
    >>> v = voice(docs, level="speaker_gender", n_boot=100)
    >>> v[["speaker_gender", "numerator", "denominator", "estimate"]].values.tolist()
    [['female', 2, 3, 0.6666666666666666], ['male', 1, 3, 0.3333333333333333], \
['unknown', 0, 3, 0.0]]
    """
    level, opts = _level(level, VOICE_LEVELS), _opts(n_boot, seed, confidence)
    t = corpus_tables(source, ["quotes", "actors"])
    groups = article_groups(t["articles"], by)
    q = t["quotes"]
    q = q[q["kind"] != "label"]
    rows, n = groups.rows(q["article_id"].tolist()), len(t["articles"])
    quotes_per_article = _per_article(rows, n)
    kw = {"shared": True, **opts}
    if level == "speaker":
        keys = [(s,) for s in _strings(q["speaker"], NO_SPEAKER)]
        out = ratio_table(groups, rows, keys, np.ones(len(keys)), quotes_per_article,
                          item_columns=["speaker"], measure="share of quotes", **kw)
        shares = _mention_shares(t["actors"], groups, "actor")
    elif level == "source_type":
        from ..quotes.sources import SOURCE_TYPES

        keys = [(s,) for s in _strings(q["source_type"], UNKNOWN)]
        out = ratio_table(groups, rows, keys, np.ones(len(keys)), quotes_per_article,
                          item_columns=["source_type"], measure="share of quotes",
                          categories=[(s,) for s in SOURCE_TYPES], **kw)
        shares = {}
    else:
        out, shares = _gender_voice(t, q, groups, rows, quotes_per_article, kw)
    col = out.columns[2]
    out["voice_presence_ratio"] = [
        e / shares[(g, k)] if shares.get((g, k)) else np.nan
        for g, k, e in zip(out["_group"], out[col], out["estimate"], strict=True)]
    return stack([out], groups)


def _gender_voice(t, q, groups, rows, quotes_per_article, kw):
    genders = speaker_genders(q, t["actors"])
    known = np.array([g != UNKNOWN for g in genders], dtype=bool)
    n = len(t["articles"])
    cats = [(g,) for g in GENDERS]
    keys = [(g,) for g in genders]
    kn = ratio_table(groups, rows[known], [k for k, ok in zip(keys, known, strict=True) if ok],
                     np.ones(int(known.sum())), _per_article(rows[known], n),
                     item_columns=["speaker_gender"],
                     measure="share of quotes with a known gender", categories=cats, **kw)
    un = ratio_table(groups, rows[~known], [(UNKNOWN,)] * int((~known).sum()),
                     np.ones(int((~known).sum())), quotes_per_article,
                     item_columns=["speaker_gender"], measure="share of quotes",
                     categories=[(UNKNOWN,)], **kw)
    people = t["actors"][t["actors"]["actor_type"] == "person"]
    g = pd.Series(_strings(people["gender"], UNKNOWN), index=people.index)
    shares = _mention_shares(people[g != UNKNOWN].assign(gender=g[g != UNKNOWN]), groups,
                             "gender")
    out = pd.concat([kn, un], ignore_index=True).sort_values("_group", kind="stable",
                                                              ignore_index=True)
    return out, shares


def speaker_genders(quotes: pd.DataFrame, actors: pd.DataFrame) -> list[str]:
    """The gender of each quote's speaker: ``female``, ``male`` (or another given gender),
    else ``unknown``.

    Uses ``quotes.speaker_gender`` when the table has it; otherwise the first gender given to
    the speaker's mentions in the same article (``actors.gender``).

    Examples
    --------
    >>> q = pd.DataFrame({"article_id": ["a", "a", "b"], "speaker": ["Jo Li", None, "Jo Li"]})
    >>> m = pd.DataFrame({"article_id": ["a"], "actor": ["Jo Li"], "gender": ["female"]})
    >>> speaker_genders(q, m)
    ['female', 'unknown', 'unknown']
    """
    if "speaker_gender" in quotes.columns:
        return _strings(quotes["speaker_gender"], UNKNOWN)
    given = actors[actors["gender"].map(lambda v: isinstance(v, str) and bool(v))]
    first: dict = {}
    for key, gender in zip(zip(given["article_id"], given["actor"], strict=True),
                           given["gender"], strict=True):
        first.setdefault(key, gender)
    return [first.get((a, s), UNKNOWN) if isinstance(s, str) else UNKNOWN
            for a, s in zip(quotes["article_id"], quotes["speaker"], strict=True)]


def _mention_shares(actors: pd.DataFrame, groups, column: str) -> dict:
    """``(group, value) -> share of the group's mentions`` (point estimates)."""
    rows = groups.rows(actors["article_id"].tolist())
    ok = rows >= 0
    if not ok.any():
        return {}
    df = pd.DataFrame({"g": groups.codes[rows[ok]], "v": actors[column].to_numpy()[ok]})
    total = df.groupby("g").size()
    counts = df.groupby(["g", "v"]).size()
    return {(g, v): c / total[g] for (g, v), c in counts.items()}


def sourcing(source, *, by=None, n_boot: int = 1000, seed: int = 0,
             confidence: float = 0.95) -> pd.DataFrame:
    """Measure how sources are used: anonymous and document sources, sourced figures.

    Parameters
    ----------
    source : Results, list of Analysis, or dict of tables
        See :func:`presence`.
    by : None, str or callable
        See :func:`presence`.
    n_boot, seed, confidence
        See :func:`presence` (percentile bootstrap over articles).

    Returns
    -------
    DataFrame
        ``[by], measure, n_articles, numerator, denominator, estimate, ci_low, ci_high``;
        four rows per group, each measure a share:

        * ``"anonymous share of quotes"`` — quotes whose ``source_type`` is ``anonymous``
          over all quotes (labels excluded, as in :func:`voice`);
        * ``"document share of quotes"`` — ``source_type`` ``document`` over all quotes;
        * ``"share of claim figures with a source"`` — figures that make a claim (counts,
          money, percentages, quantities, durations, ranges) with any source, named or not,
          over all claim figures (see :func:`~newsresearch.analysis.figure_vouching`);
        * ``"share of claim figures with a named source"`` — those whose source names a
          known actor.

    Examples
    --------
    >>> from newsresearch import analyze
    >>> docs = [analyze("It killed 300, the ministry said. It cost $5.")]
    >>> s = sourcing(docs, n_boot=100)
    >>> s[["measure", "numerator", "denominator"]].values.tolist()[2:]
    [['share of claim figures with a source', 1, 2], \
['share of claim figures with a named source', 0, 2]]
    """
    from ..analysis import CLAIM_KINDS, NAMED_SOURCE, NO_SOURCE, figure_vouching

    opts = _opts(n_boot, seed, confidence)
    t = corpus_tables(source, ["quotes", "figures"])
    groups = article_groups(t["articles"], by)
    n = len(t["articles"])
    q = t["quotes"]
    q = q[q["kind"] != "label"]
    qrows = groups.rows(q["article_id"].tolist())
    per_quote = _per_article(qrows, n)
    f = t["figures"]
    f = f[f["kind"].isin(CLAIM_KINDS)]
    vouched = figure_vouching(f, claims_only=False)["vouched"].to_numpy()
    frows = groups.rows(f["article_id"].tolist())
    per_figure = _per_article(frows, n)
    stype = np.array(_strings(q["source_type"], UNKNOWN), dtype=object)
    parts = [("anonymous share of quotes", qrows, stype == "anonymous", per_quote),
             ("document share of quotes", qrows, stype == "document", per_quote),
             ("share of claim figures with a source", frows, vouched != NO_SOURCE, per_figure),
             ("share of claim figures with a named source", frows, vouched == NAMED_SOURCE,
              per_figure)]
    frames = [ratio_table(groups, rows[hit], [()] * int(hit.sum()), np.ones(int(hit.sum())),
                          den, item_columns=[], measure=name, shared=True, categories=[()],
                          **opts)
              for name, rows, hit, den in parts]
    return stack(frames, groups)
