"""Run every analysis of an article once, sharing the work: ``analyze`` and ``Analysis``.

The pipeline follows the order of the notebooks and of the package's modules:
sentences and tokens (:mod:`newsresearch.tokens`, Punkt after Kiss & Strunk 2006) → actor
mentions (:mod:`newsresearch.actors`) → sentiment toward each mention and actor
(:mod:`newsresearch.sentiment`, VADER after Hutto & Gilbert 2014, TextBlob and a target-aware
model) → quotations and their speakers (:mod:`newsresearch.quotes`) → figures and their sources
(:mod:`newsresearch.figures`) → text-quality flags. The text is split into sentences once and
its actors are found once; every later stage is handed those frames (``sentences=``,
``actors=``) instead of recomputing them, so all tables agree on sentence ids and actor names.

Every table's ``start``/``end`` offsets index ``Analysis.text`` (the cleaned article text).
"""

from __future__ import annotations

import html
import os
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .articles import Article, as_text

__all__ = ["analyze", "analyze_batch", "Analysis", "TABLES", "BATCH_TABLES", "FORMATS",
           "WARNING_COLUMNS", "SUMMARY_COLUMNS", "FAILURE_COLUMNS"]

#: The tables an :class:`Analysis` holds, in the order ``to_dir`` writes them.
TABLES = ("summary", "sentences", "tokens", "actors", "actor_table", "mentions_sentiment",
          "actor_sentiment", "quotes", "figures", "quality", "warnings")
FORMATS = {"csv": ".csv", "parquet": ".parquet", "jsonl": ".jsonl"}
#: The tables :func:`analyze_batch` returns for many articles, each with ``article_id`` first.
BATCH_TABLES = ("articles", "sentences", "actors", "actor_sentiment", "quotes", "figures")
FAILURE_COLUMNS = ["article_id", "reason"]
WARNING_COLUMNS = ["stage", "start", "end", "message"]
SUMMARY_COLUMNS = [
    "title", "published", "characters", "paragraphs", "sentences", "words", "actors",
    "mentions", "people", "organizations", "places", "groups", "quotes", "direct_quotes",
    "quoted_speakers", "anonymous_quotes", "figures", "sourced_figures", "quality_flags",
    "warnings",
]


@dataclass(frozen=True, eq=False)
class Analysis:
    """Every table newsresearch computes for one article (see :func:`analyze`).

    Attributes
    ----------
    article : Article
        The article analysed; ``article.text`` is what every offset indexes.
    sentences : DataFrame
        :func:`~newsresearch.tokens.split_sentences`.
    tokens : DataFrame
        :func:`~newsresearch.tokens.tokenize`.
    actors : DataFrame
        :func:`~newsresearch.actors.find_actors` — one row per mention.
    actor_table : DataFrame
        :func:`~newsresearch.actors.actor_table` — one row per actor.
    mentions_sentiment : DataFrame
        :func:`~newsresearch.sentiment.sentiment_by_mention`.
    actor_sentiment : DataFrame
        :func:`~newsresearch.sentiment.sentiment_by_actor`.
    quotes : DataFrame
        :func:`~newsresearch.quotes.extract_quotes`.
    figures : DataFrame
        :func:`~newsresearch.figures.extract_figures`.
    quality : DataFrame
        :func:`~newsresearch.tokens.text_quality`.
    warnings : DataFrame
        ``stage, start, end, message``: what cleaning reported and quote marks that could not
        be paired (``start``/``end`` empty when a warning has no place in the text).
    """

    article: Article
    sentences: pd.DataFrame
    tokens: pd.DataFrame
    actors: pd.DataFrame
    actor_table: pd.DataFrame
    mentions_sentiment: pd.DataFrame
    actor_sentiment: pd.DataFrame
    quotes: pd.DataFrame
    figures: pd.DataFrame
    quality: pd.DataFrame
    warnings: pd.DataFrame = field(repr=False)

    @property
    def text(self) -> str:
        """The cleaned article text that every ``start``/``end`` offset indexes."""
        return self.article.text

    def summary(self) -> pd.DataFrame:
        """Return the headline counts as a one-row DataFrame (columns ``SUMMARY_COLUMNS``).

        Examples
        --------
        >>> a = analyze("“We will stay,” said Mayor Jane Doe. The city has 40,000 residents.")
        >>> a.summary()[["sentences", "quotes", "figures"]].values.tolist()
        [[2, 1, 1]]
        """
        words = int(self.tokens["is_word"].sum()) if len(self.tokens) else 0
        types = self.actor_table["actor_type"].value_counts() if len(self.actor_table) \
            else pd.Series(dtype="int64")
        q = self.quotes
        named = q["speaker"].dropna() if len(q) else pd.Series(dtype=object)
        f = self.figures
        row = {
            "title": self.article.title,
            "published": self.article.published,
            "characters": len(self.text),
            "paragraphs": int(self.sentences["paragraph_id"].nunique()) if len(self.sentences)
            else 0,
            "sentences": len(self.sentences),
            "words": words,
            "actors": len(self.actor_table),
            "mentions": len(self.actors),
            "people": int(types.get("person", 0)),
            "organizations": int(types.get("organization", 0)),
            "places": int(types.get("place", 0)),
            "groups": int(types.get("group", 0)),
            "quotes": len(q),
            "direct_quotes": int((q["kind"] == "direct").sum()) if len(q) else 0,
            "quoted_speakers": int(named.nunique()),
            "anonymous_quotes": int((q["source_type"] == "anonymous").sum()) if len(q) else 0,
            "figures": len(f),
            "sourced_figures": int(f["source"].notna().sum()) if len(f) else 0,
            "quality_flags": len(self.quality),
            "warnings": len(self.warnings),
        }
        return pd.DataFrame([row], columns=SUMMARY_COLUMNS)

    def tables(self) -> dict[str, pd.DataFrame]:
        """Return every table by name (``summary`` first), in the order of ``TABLES``."""
        return {name: (self.summary() if name == "summary" else getattr(self, name))
                for name in TABLES}

    def to_dir(self, path, *, format: str = "csv") -> dict[str, Path]:
        """Write every table to ``path/NAME.csv`` (or ``.parquet``, ``.jsonl``); return the paths.

        Each file is written under a temporary name and renamed when complete, so an
        interrupted run never leaves a half-written table that looks whole.

        Parameters
        ----------
        path : str or Path
            Folder to write into (created if missing).
        format : {"csv", "parquet", "jsonl"}
            ``jsonl`` writes one JSON object per line; ``parquet`` needs pyarrow (a
            dependency) and stores mixed-type columns such as ``figures.value`` as text.

        Examples
        --------
        >>> import tempfile
        >>> out = analyze("Mr. Smith said it was fine.").to_dir(tempfile.mkdtemp())
        >>> sorted(out)[:3]
        ['actor_sentiment', 'actor_table', 'actors']
        """
        return {name: write_table(df, Path(path) / name, format=format)
                for name, df in self.tables().items()}

    def figure_sources(self, *, claims_only: bool = True) -> pd.DataFrame:
        """Count the figures by who vouches for them: one row per source.

        Parameters
        ----------
        claims_only : bool, default True
            Count only figures that make a claim (counts, money, percentages, quantities,
            durations, ranges), not dates and ordinals.

        Returns
        -------
        DataFrame
            ``source, vouched, figures, kinds, examples`` — ``source`` is the actor the
            figure's source names (``source_actor``) or the source words, ``"no source"`` for
            unattributed figures; ``vouched`` is one of ``VOUCHED`` (see
            :func:`figure_vouching`); most figures first.

        Examples
        --------
        >>> a = analyze("It killed 300, the ministry said. It cost $5 and $6.")
        >>> a.figure_sources()[["source", "vouched", "figures"]].values.tolist()
        [['no source', 'no source', 2], ['the ministry', 'unnamed source', 1]]
        """
        return figure_sources(self.figures, claims_only=claims_only)

    def highlight(self):
        """Return the article with actors, quotes and figures highlighted (HTML, escaped)."""
        from .charts import highlight

        return highlight(self)

    def _repr_html_(self) -> str:
        return summary_html(self) + self.highlight().html

    def __repr__(self) -> str:
        s = self.summary().iloc[0]
        return (f"Analysis({self.article.title or self.text[:50]!r}: {s['sentences']} sentences, "
                f"{s['actors']} actors, {s['quotes']} quotes, {s['figures']} figures, "
                f"{s['warnings']} warnings)")


def summary_html(analysis: Analysis, *, title: bool = True) -> str:
    """Return the headline counts of an analysis as a small escaped HTML table."""
    s = analysis.summary().iloc[0]
    head = (f"<h3>{html.escape(str(analysis.article.title or 'Untitled article'))}</h3>"
            if title else "")
    labels = [("sentences", "sentences"), ("words", "words"), ("actors", "actors"),
              ("mentions", "actor mentions"), ("quotes", "quotes"),
              ("quoted_speakers", "named speakers"), ("anonymous_quotes", "anonymous quotes"),
              ("figures", "figures"), ("sourced_figures", "figures with a source"),
              ("quality_flags", "text-quality flags"), ("warnings", "warnings")]
    cells = "".join(
        f"<tr><th style='text-align:left'>{html.escape(label)}</th>"
        f"<td style='text-align:right'>{int(s[key])}</td></tr>" for key, label in labels)
    return (f"<div class='nr-summary'>{head}"
            f"<table class='nr-counts'>{cells}</table></div>")


def analyze(text_or_article, *, aliases=None) -> Analysis:
    """Run every analysis of an article once and return all the tables.

    Splits the text into sentences once and finds the actors once, then hands both to
    sentiment, quotes and figures, so every table uses the same sentence ids and actor names.

    Parameters
    ----------
    text_or_article : str or Article
        A plain string is analysed as given (not cleaned); read files with
        :func:`~newsresearch.articles.read_article` or clean a string with
        ``Article.from_text`` first.
    aliases : str, Path or DataFrame, optional
        Your own alias table for :func:`~newsresearch.actors.find_actors`.

    Returns
    -------
    Analysis
        Tables as attributes (``sentences``, ``tokens``, ``actors``, ``actor_table``,
        ``mentions_sentiment``, ``actor_sentiment``, ``quotes``, ``figures``, ``quality``,
        ``warnings``) plus ``summary()``, ``to_dir()`` and an HTML view in Jupyter.

    Examples
    --------
    >>> a = analyze("“We will stay,” said Mayor Jane Doe. The city has 40,000 residents.")
    >>> a.quotes[["quote", "speaker"]].values.tolist()
    [['We will stay,', 'Jane Doe']]
    >>> a.figures[["surface", "value"]].values.tolist()
    [['40,000', 40000]]
    """
    from .actors import actor_table, find_actors
    from .figures import extract_figures
    from .quotes import extract_quotes
    from .sentiment import sentiment_by_actor, sentiment_by_mention
    from .tokens import sentence_index, text_quality, tokenize

    if isinstance(text_or_article, Article):
        article = text_or_article
    else:
        article = Article.from_text(as_text(text_or_article), clean=False)
    text = article.text

    index = sentence_index(text)
    sentences = index.frame(text)
    tokens = tokenize(text, sentences=index)
    actors = find_actors(text, sentences=index, aliases=aliases)
    mentions = sentiment_by_mention(text, sentences=index, actors=actors)
    by_actor = sentiment_by_actor(text, sentences=index, actors=actors, mentions=mentions)
    quote_warns: list = []
    quotes = extract_quotes(text, sentences=sentences, actors=actors, warnings=quote_warns)
    # the Article (not its text) so that figures can complete dates from its publication date
    figures = extract_figures(article, sentences=sentences, actors=actors)
    quality = text_quality(text, sentences=index)

    rows = [("article", None, None, w) for w in article.warnings]
    for w in sorted(quote_warns, key=lambda w: w[0]):
        start, end, mark, problem = w[0], w[1], w[2], w[3]
        rows.append(("quotes", start, end, f"{problem} ({mark})"))
    warnings = pd.DataFrame(rows, columns=WARNING_COLUMNS).astype(
        {"start": "Int64", "end": "Int64"})
    return Analysis(article=article, sentences=sentences, tokens=tokens, actors=actors,
                    actor_table=actor_table(actors), mentions_sentiment=mentions,
                    actor_sentiment=by_actor, quotes=quotes, figures=figures, quality=quality,
                    warnings=warnings)


# --------------------------------------------------------------------------- many articles


def analyze_batch(items, *, aliases=None, on_error=None) -> dict[str, pd.DataFrame]:
    """Analyse many articles and return one table per kind for all of them.

    This is the path the command line and :func:`~newsresearch.corpus.analyze_corpus` use:
    one frame per table for the whole batch, rows in input order, ``article_id`` first.

    Parameters
    ----------
    items : iterable of (article_id, Article, dict)
        Each article with its id and a dict of extra ``articles`` columns (``source``,
        ``outlet``, … — carried into the ``articles`` table as given).
    aliases : str, Path or DataFrame, optional
        Your own alias table for :func:`~newsresearch.actors.find_actors`.
    on_error : callable, optional
        Called as ``on_error(article_id, reason)`` for an article the analysis fails on
        (``reason`` is one line); the article goes to the ``failures`` table either way.

    Returns
    -------
    dict of str to DataFrame
        The tables of ``BATCH_TABLES`` plus ``failures`` (``article_id, reason``). The
        ``articles`` table holds ``article_id``, the extra columns, ``title, published,
        url, authors``, the summary counts and the cleaned ``text`` last (which every
        ``start``/``end`` of the other tables indexes).

    Examples
    --------
    >>> from newsresearch.articles import Article
    >>> items = [("a", Article.from_text("“Yes,” said Jane Doe."), {}),
    ...          ("b", Article.from_text("No quotes here."), {})]
    >>> t = analyze_batch(items)
    >>> t["articles"]["article_id"].tolist(), t["quotes"]["article_id"].tolist()
    (['a', 'b'], ['a'])
    """
    parts: dict[str, list] = {name: [] for name in BATCH_TABLES}
    failures = []
    for article_id, article, extra in items:
        try:
            a = analyze(article, aliases=aliases)
        except Exception as exc:  # one bad article must never stop the others
            reason = one_line(exc)
            failures.append((article_id, reason))
            if on_error is not None:
                on_error(article_id, reason)
            continue
        _collect(parts, article_id, extra, a)
    tables = {}
    for name in BATCH_TABLES:
        frames = [f for f in parts[name] if len(f)]
        tables[name] = (pd.concat(frames, ignore_index=True) if frames
                        else _empty_batch_table(name))
    tables["failures"] = pd.DataFrame(failures, columns=FAILURE_COLUMNS, dtype=object)
    return tables


def one_line(exc: Exception) -> str:
    """Return an exception as one line: its message, prefixed by its type unless it is an
    :class:`~newsresearch.articles.ArticleError` (whose message already names the file)."""
    from .articles import ArticleError

    msg = " ".join(str(exc).split())
    if isinstance(exc, ArticleError) or getattr(exc, "one_line", False):
        return msg
    return f"{type(exc).__name__}: {msg}" if msg else type(exc).__name__


def _collect(parts: dict, article_id: str, extra: dict, a: Analysis) -> None:
    art = a.article
    summary = a.summary().drop(columns=["title", "published"])
    meta = pd.DataFrame([{"article_id": article_id, **extra, "title": art.title,
                          "published": art.published, "url": art.url,
                          "authors": "; ".join(art.authors) or None}])
    # the cleaned text last: every start/end offset of the other tables indexes it
    parts["articles"].append(pd.concat([meta, summary, pd.DataFrame({"text": [a.text]})],
                                       axis=1))
    for name in BATCH_TABLES[1:]:
        df = getattr(a, name).copy()
        df.insert(0, "article_id", article_id)
        parts[name].append(df)


def _empty_batch_table(name: str) -> pd.DataFrame:
    """An empty table with the right columns (when no article had a row of this kind)."""
    if name == "articles":
        return pd.DataFrame(columns=["article_id"])
    df = getattr(analyze(""), name).copy()
    df.insert(0, "article_id", pd.Series([], dtype=object))
    return df


CLAIM_KINDS = ("count", "money", "percent", "quantity", "duration", "range")
#: Who vouches for a figure, the one label set of the tables and charts: the source names a
#: known actor, the source is words without a known actor ("officials said", "he"), or the
#: story states the figure on its own authority. ``figure_sources`` gives unattributed figures
#: the source ``"no source"`` too.
VOUCHED = ("named source", "unnamed source", "no source")
NAMED_SOURCE, UNNAMED_SOURCE, NO_SOURCE = VOUCHED


def figure_vouching(figures: pd.DataFrame, *, claims_only: bool = True) -> pd.DataFrame:
    """Say for every figure who vouches for it: one row per figure.

    Parameters
    ----------
    figures : DataFrame
        An ``extract_figures`` table (``Analysis.figures``).
    claims_only : bool, default True
        Keep only figures that make a claim (``CLAIM_KINDS``), not dates and ordinals.

    Returns
    -------
    DataFrame
        ``figure_id, surface, kind, source, vouched`` — ``source`` is the actor the source
        names (``source_actor``), else the source words, else ``"no source"``; ``vouched`` is
        one of ``VOUCHED``.

    Examples
    --------
    >>> f = analyze("It killed 300, the ministry said. Mr. Smith said 20 died. It cost $5.").figures
    >>> figure_vouching(f)[["surface", "source", "vouched"]].values.tolist()
    [['300', 'the ministry', 'unnamed source'], ['20', 'Smith', 'named source'], ['$5', 'no source', 'no source']]
    """
    cols = ["figure_id", "surface", "kind", "source", "vouched"]
    f = figures[figures["kind"].isin(CLAIM_KINDS)] if claims_only else figures
    rows = []
    for r in f.itertuples(index=False):
        actor = getattr(r, "source_actor", None)
        if isinstance(actor, str) and actor:
            rows.append((r.figure_id, r.surface, r.kind, actor, NAMED_SOURCE))
        elif isinstance(r.source, str) and r.source:
            rows.append((r.figure_id, r.surface, r.kind, r.source, UNNAMED_SOURCE))
        else:
            rows.append((r.figure_id, r.surface, r.kind, NO_SOURCE, NO_SOURCE))
    return pd.DataFrame(rows, columns=cols)


def figure_sources(figures: pd.DataFrame, *, claims_only: bool = True) -> pd.DataFrame:
    """Count figures by the source that vouches for them (see ``Analysis.figure_sources``)."""
    cols = ["source", "vouched", "figures", "kinds", "examples"]
    v = figure_vouching(figures, claims_only=claims_only)
    rows = []
    for (who, vouched), g in v.groupby(["source", "vouched"], sort=False):
        rows.append((who, vouched, len(g), ", ".join(sorted(set(g["kind"].astype(str)))),
                     "; ".join(g["surface"].astype(str).head(4))))
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values("figures", ascending=False, ignore_index=True, kind="stable")


# --------------------------------------------------------------------------- writing tables


def write_table(df: pd.DataFrame, stem, *, format: str = "csv") -> Path:
    """Write ``df`` to ``stem`` + the format's suffix via a temporary file; return the path.

    Examples
    --------
    >>> import tempfile, pandas as pd
    >>> p = write_table(pd.DataFrame({"a": [1]}), Path(tempfile.mkdtemp()) / "t", format="jsonl")
    >>> p.read_text()
    '{"a":1}\\n'
    """
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}; use one of {', '.join(FORMATS)}")
    stem = Path(stem)
    stem.parent.mkdir(parents=True, exist_ok=True)
    final = stem.with_name(stem.name + FORMATS[format])
    tmp = final.with_name(f".{final.name}.{os.getpid()}.tmp")
    try:
        if format == "csv":
            df.to_csv(tmp, index=False)
        elif format == "jsonl":
            text = df.to_json(orient="records", lines=True, force_ascii=False,
                              date_format="iso") if len(df) else ""
            if text and not text.endswith("\n"):
                text += "\n"
            tmp.write_text(text, encoding="utf-8")
        else:
            parquet_ready(df).to_parquet(tmp, index=False)
        os.replace(tmp, final)
    finally:
        if tmp.exists():
            tmp.unlink()
    return final


def parquet_ready(df: pd.DataFrame) -> pd.DataFrame:
    """Return ``df`` with object columns of mixed types (numbers and text) turned into text.

    Parquet needs one type per column; ``figures.value`` holds numbers and TIMEX-like dates.
    """
    out = df.copy()
    for col in out.columns:
        if out[col].dtype != object:
            continue
        kinds = {type(v) for v in out[col] if v is not None and not _isnan(v)}
        if len(kinds) > 1 or (kinds and not kinds <= {str}):
            if kinds <= {bool}:
                continue
            out[col] = [None if v is None or _isnan(v) else str(v) for v in out[col]]
    return out


def _isnan(v) -> bool:
    return isinstance(v, float) and v != v
