"""The per-article pipeline as plain records, and the batch path that builds one frame per table.

:func:`analyze_parts` runs every stage of one article once — sentences
(:func:`~newsresearch.tokens.sentence_index`), tokens, actor mentions, sentiment toward each
mention and actor, quotes, figures, text-quality flags — and keeps what each stage found as
plain records (:class:`ArticleParts`). :class:`~newsresearch.analysis.Analysis` turns them
into DataFrames on first use; :func:`analyze_batch` turns the records of many articles into
one DataFrame per table, which is what the command line and
:func:`~newsresearch.corpus.analyze_corpus` write.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .articles import Article

__all__ = ["ArticleParts", "analyze_parts", "analyze_batch", "summary_row", "one_line",
           "BATCH_TABLES", "FAILURE_COLUMNS", "SUMMARY_COLUMNS", "WARNING_COLUMNS"]

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


@dataclass(eq=False)
class ArticleParts:
    """What every stage found in one article, as records (see :func:`analyze_parts`)."""

    article: Article
    index: object  # SentenceIndex
    token_spans: list
    words: int
    mentions: dict  # find_actors columns as lists (actors.mention_records)
    scores: dict  # sentiment columns of the mentions (sentiment.mention_scores)
    actor_rows: list  # sentiment.actor_sentiment_rows
    quotes: dict  # quotes.quote_records
    quote_warnings: list
    figures: dict  # figures.figure_columns
    quality_rows: list  # tokens.quality_records

    @property
    def text(self) -> str:
        return self.article.text

    def mention_frame(self) -> pd.DataFrame:
        from .actors import mention_frame

        return mention_frame(self.mentions)

    def quote_frame(self) -> pd.DataFrame:
        from .quotes import _frame

        return _frame(self.quotes)

    def figure_frame(self) -> pd.DataFrame:
        from .figures import figure_frame

        return figure_frame(self.figures)

    def warning_rows(self) -> list[tuple]:
        """``(stage, start, end, message)`` of what cleaning and quote pairing reported."""
        rows = [("article", None, None, w) for w in self.article.warnings]
        for w in sorted(self.quote_warnings, key=lambda w: w[0]):
            rows.append(("quotes", w[0], w[1], f"{w[3]} ({w[2]})"))
        return rows


def analyze_parts(article: Article, *, aliases=None) -> ArticleParts:
    """Run every stage on ``article`` once and return the records (no per-table frames).

    Examples
    --------
    >>> p = analyze_parts(Article.from_text("“We will stay,” said Mayor Jane Doe."))
    >>> len(p.index), p.words, p.quotes["speaker"]
    (1, 7, ['Jane Doe'])
    """
    from .actors import mention_records
    from .figures import figure_columns
    from .mentions import MentionIndex
    from .quotes import quote_records
    from .sentiment import actor_sentiment_rows, mention_scores
    from .tokens import count_words, quality_records, sentence_index, token_spans

    text = article.text
    index = sentence_index(text)
    spans = token_spans(text, index)
    mentions = mention_records(text, index, aliases=aliases)
    scores = mention_scores(text, index, mentions["start"], mentions["end"])
    mention_index = MentionIndex(zip(*(mentions[c] for c in _MENTION_FIELDS), strict=True))
    quote_warns: list = []
    quotes = quote_records(text, index, mention_index, warnings=quote_warns) \
        if text.strip() else None
    if quotes and any(quotes["speaker_new_actor"]):
        # speakers found from the speech cue that find_actors did not know become actors
        mentions, scores = _add_new_speakers(text, index, quotes, mentions, scores)
    actor_rows = actor_sentiment_rows({**mentions, **scores}) if mentions["start"] else []
    # the Article (not its text) so that figures can complete dates from its publication date
    figures = figure_columns(article, sentences=index, mentions=mention_index)
    return ArticleParts(article=article, index=index, token_spans=spans,
                        words=count_words(text, spans), mentions=mentions, scores=scores,
                        actor_rows=actor_rows, quotes=quotes, quote_warnings=quote_warns,
                        figures=figures, quality_rows=quality_records(text, index))


def _add_new_speakers(text, index, quotes, mentions, scores):
    """The mentions and their scores with the new speakers of ``quotes`` added (after the
    mentions of ``find_actors``, with the next mention ids)."""
    from .quotes.new_speakers import new_speaker_mentions
    from .sentiment import mention_scores

    extra = new_speaker_mentions(text, quotes, index)
    n = len(mentions["start"])
    extra["mention_id"] = [n + i for i in extra["mention_id"]]
    extra_scores = mention_scores(text, index, extra["start"], extra["end"])
    mentions = {k: list(mentions[k]) + extra[k] for k in mentions}
    scores = {k: list(scores[k]) + list(extra_scores[k]) for k in scores}
    return mentions, scores


def summary_row(parts: ArticleParts) -> dict:
    """The headline counts of one article (``SUMMARY_COLUMNS``), from its records."""
    m = parts.mentions
    actors = set(zip(m["actor"], m["actor_type"], strict=True))
    types = Counter(t for _, t in actors)
    q, f = parts.quotes or {"kind": [], "speaker": [], "source_type": []}, parts.figures
    # labels (scare quotes, titles, signs) are words in quote marks, never quotes
    quoted = [k != "label" for k in q["kind"]]
    return {
        "title": parts.article.title,
        "published": parts.article.published,
        "characters": len(parts.text),
        "paragraphs": len(set(parts.index.paragraph_ids)),
        "sentences": len(parts.index),
        "words": parts.words,
        "actors": len(actors),
        "mentions": len(m["start"]),
        "people": types["person"],
        "organizations": types["organization"],
        "places": types["place"],
        "groups": types["group"],
        "quotes": sum(quoted),
        "direct_quotes": q["kind"].count("direct"),
        "quoted_speakers": len({x for x, k in zip(q["speaker"], quoted, strict=True)
                                if x is not None and k}),
        "anonymous_quotes": sum(t == "anonymous" and k
                                for t, k in zip(q["source_type"], quoted, strict=True)),
        "figures": len(f["start"]),
        "sourced_figures": sum(x is not None for x in f["source"]),
        "quality_flags": len(parts.quality_rows),
        "warnings": len(parts.article.warnings) + len(parts.quote_warnings),
    }


# --------------------------------------------------------------------------- many articles


def analyze_batch(items, *, aliases=None, on_error=None) -> dict[str, pd.DataFrame]:
    """Analyse many articles and return one table per kind for all of them.

    This is the path the command line and :func:`~newsresearch.corpus.analyze_corpus` use:
    each stage's records for the whole batch, one frame per table, rows in input order,
    ``article_id`` first.

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
    >>> items = [("a", Article.from_text("“Yes,” said Jane Doe."), {}),
    ...          ("b", Article.from_text("No quotes here."), {})]
    >>> t = analyze_batch(items)
    >>> t["articles"]["article_id"].tolist(), t["quotes"]["article_id"].tolist()
    (['a', 'b'], ['a'])
    """
    done: list[tuple[str, dict, ArticleParts]] = []
    failures = []
    for article_id, article, extra in items:
        try:
            done.append((article_id, extra, analyze_parts(article, aliases=aliases)))
        except Exception as exc:  # one bad article must never stop the others
            reason = one_line(exc)
            failures.append((article_id, reason))
            if on_error is not None:
                on_error(article_id, reason)
    tables = {"articles": _articles_table(done), "sentences": _sentences_table(done),
              "actor_sentiment": _actor_sentiment_table(done)}
    for name in ("actors", "quotes", "figures"):
        tables[name] = _stacked(name, done)
    tables["failures"] = pd.DataFrame(failures, columns=FAILURE_COLUMNS, dtype=object)
    return {name: tables[name] for name in (*BATCH_TABLES, "failures")}


_MENTION_FIELDS = ("start", "end", "actor", "actor_type", "gender", "title")
_RECORDS = {"actors": "mentions", "quotes": "quotes", "figures": "figures"}


def one_line(exc: Exception) -> str:
    """Return an exception as one line: its message, prefixed by its type unless the error
    already names the file (an :class:`~newsresearch.articles.ArticleError`, or any error
    with a true ``one_line`` attribute)."""
    from .articles import ArticleError

    msg = " ".join(str(exc).split())
    if isinstance(exc, ArticleError) or getattr(exc, "one_line", False):
        return msg
    return f"{type(exc).__name__}: {msg}" if msg else type(exc).__name__


def _ids(done, counts) -> np.ndarray:
    """``article_id`` repeated ``counts[i]`` times for the i-th article (an object array)."""
    return np.repeat(np.array([aid for aid, _, _ in done], dtype=object),
                     np.asarray(counts, dtype=np.int64))


def _articles_table(done) -> pd.DataFrame:
    rows = []
    for aid, extra, p in done:
        art = p.article
        summary = summary_row(p)
        rows.append({"article_id": aid, **extra, "title": summary.pop("title"),
                     "published": summary.pop("published"), "url": art.url,
                     "authors": "; ".join(art.authors) or None, **summary, "text": art.text})
    if not rows:
        return pd.DataFrame(columns=["article_id"])
    df = pd.DataFrame(rows)
    return df[[c for c in df.columns if c != "text"] + ["text"]]


def _sentences_table(done) -> pd.DataFrame:
    from .tokens import SENTENCE_COLUMNS

    idx = [p.index for _, _, p in done]
    return pd.DataFrame({
        "article_id": _ids(done, [len(i) for i in idx]),
        "sentence_id": np.concatenate([np.arange(len(i)) for i in idx] or [[]]).astype(np.int64),
        "paragraph_id": np.fromiter((x for i in idx for x in i.paragraph_ids), np.int64),
        "start": np.fromiter((x for i in idx for x in i.starts), np.int64),
        "end": np.fromiter((x for i in idx for x in i.ends), np.int64),
        "text": [p.text[s:e] for _, _, p in done
                 for s, e in zip(p.index.starts, p.index.ends, strict=True)],
    }, columns=["article_id", *SENTENCE_COLUMNS])


def _actor_sentiment_table(done) -> pd.DataFrame:
    from .sentiment import ACTOR_SENTIMENT_COLUMNS

    rows = [(aid, *r) for aid, _, p in done for r in p.actor_rows]
    df = pd.DataFrame(rows, columns=["article_id", *ACTOR_SENTIMENT_COLUMNS])
    return df.astype({"article_id": object, "mentions": "int64"})


def _stacked(name: str, done) -> pd.DataFrame:
    """One table of many articles: their column lists joined, one frame, ``article_id`` first."""
    have = [(aid, getattr(p, _RECORDS[name])) for aid, _, p in done]
    have = [(aid, cols) for aid, cols in have if cols and cols["start"]]
    if not have:
        from .analysis import analyze

        empty = getattr(analyze(""), name).copy()
        empty.insert(0, "article_id", pd.Series([], dtype=object))
        return empty
    counts = [len(cols["start"]) for _, cols in have]
    joined = {k: [v for _, cols in have for v in cols[k]] for k in have[0][1]}
    ids = np.repeat(np.array([aid for aid, _ in have], dtype=object), counts)
    if name == "figures":
        from .figures import figure_frame

        return figure_frame({"article_id": ids, **joined})
    if name == "actors":
        from .actors import mention_frame

        df = mention_frame(joined)
    else:
        from .quotes import _frame

        df = _frame(joined)
        df["quote_id"] = np.concatenate([np.arange(n, dtype=np.int64) for n in counts])
    df.insert(0, "article_id", ids)
    return df
