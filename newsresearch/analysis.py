"""Run every analysis of an article once, sharing the work: ``analyze`` and ``Analysis``.

The pipeline follows the order of the notebooks and of the package's modules:
sentences and tokens (:mod:`newsresearch.tokens`, Punkt after Kiss & Strunk 2006) → actor
mentions (:mod:`newsresearch.actors`) → sentiment toward each mention and actor
(:mod:`newsresearch.sentiment`, VADER after Hutto & Gilbert 2014, TextBlob and a target-aware
model) → quotations and their speakers (:mod:`newsresearch.quotes`) → figures and their sources
(:mod:`newsresearch.figures`) → text-quality flags. The text is split into sentences once
(one :class:`~newsresearch.tokens.SentenceIndex`) and its actors are found once; every later
stage is handed them instead of recomputing them, so all tables agree on sentence ids and
actor names. The stages keep plain records (:mod:`newsresearch.pipeline`); an
:class:`Analysis` builds each DataFrame on first use.

Every table's ``start``/``end`` offsets index ``Analysis.text`` (the cleaned article text).
"""

from __future__ import annotations

import html
import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from .articles import Article, as_text
from .frames import build_frame
from .pipeline import (
    BATCH_TABLES,
    FAILURE_COLUMNS,
    SUMMARY_COLUMNS,
    WARNING_COLUMNS,
    ArticleParts,
    analyze_batch,
    analyze_parts,
    one_line,
    summary_row,
)

__all__ = ["analyze", "analyze_batch", "Analysis", "TABLES", "BATCH_TABLES", "FORMATS",
           "WARNING_COLUMNS", "SUMMARY_COLUMNS", "FAILURE_COLUMNS"]

_WARNING_KINDS = {"stage": "text", "start": "Int64", "end": "Int64", "message": "text"}
_SUMMARY_KINDS = {**dict.fromkeys(SUMMARY_COLUMNS, "int64"), "title": "text",
                  "published": "text"}

#: The tables an :class:`Analysis` holds, in the order ``to_dir`` writes them.
TABLES = ("summary", "sentences", "tokens", "actors", "actor_table", "mentions_sentiment",
          "actor_sentiment", "quotes", "figures", "quality", "warnings")
FORMATS = {"csv": ".csv", "parquet": ".parquet", "jsonl": ".jsonl"}
__all__ += ["one_line", "ArticleParts"]


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
    parts: ArticleParts = field(repr=False)

    @cached_property
    def sentences(self) -> pd.DataFrame:
        return self.parts.index.frame(self.text)

    @cached_property
    def tokens(self) -> pd.DataFrame:
        from .tokens import token_frame

        return token_frame(self.text, self.parts.token_spans)

    @cached_property
    def actors(self) -> pd.DataFrame:
        return self.parts.mention_frame()

    @cached_property
    def actor_table(self) -> pd.DataFrame:
        from .actors.extract import actor_rows, actor_table_frame

        return actor_table_frame(actor_rows(self.parts.mentions))

    @cached_property
    def mentions_sentiment(self) -> pd.DataFrame:
        from .sentiment import mention_frame

        return mention_frame(self.actors, self.parts.scores)

    @cached_property
    def actor_sentiment(self) -> pd.DataFrame:
        from .sentiment.mentions import actor_sentiment_frame

        return actor_sentiment_frame(self.parts.actor_rows)

    @cached_property
    def quotes(self) -> pd.DataFrame:
        return self.parts.quote_frame()

    @cached_property
    def figures(self) -> pd.DataFrame:
        return self.parts.figure_frame()

    @cached_property
    def quality(self) -> pd.DataFrame:
        from .tokens import quality_frame

        return quality_frame(self.parts.quality_rows)

    @cached_property
    def warnings(self) -> pd.DataFrame:
        rows = self.parts.warning_rows()
        return build_frame({c: [r[i] for r in rows] for i, c in enumerate(WARNING_COLUMNS)},
                           _WARNING_KINDS)

    @property
    def text(self) -> str:
        """The cleaned article text that every ``start``/``end`` offset indexes."""
        return self.article.text

    def summary(self) -> pd.DataFrame:
        """Return the headline counts as a one-row DataFrame (columns ``SUMMARY_COLUMNS``).

        ``quotes``, ``quoted_speakers`` and ``anonymous_quotes`` count quotes and reported
        speech, never ``label`` rows (scare quotes, titles, signs: words in quote marks that
        no one is quoted as saying).

        Examples
        --------
        >>> a = analyze("“We will stay,” said Mayor Jane Doe. The city has 40,000 residents.")
        >>> a.summary()[["sentences", "quotes", "figures"]].values.tolist()
        [[2, 1, 1]]
        >>> analyze("The so-called “sextortion” scheme grew.").summary()["quotes"].item()
        0
        """
        row = summary_row(self.parts)
        return build_frame({c: [row[c]] for c in SUMMARY_COLUMNS}, _SUMMARY_KINDS)

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
    if isinstance(text_or_article, Article):
        article = text_or_article
    else:
        article = Article.from_text(as_text(text_or_article), clean=False)
    return Analysis(article=article, parts=analyze_parts(article, aliases=aliases))


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
