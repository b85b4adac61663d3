"""Read corpora lazily, record by record: files, folders, JSONL, CSV, Parquet, Python iterables.

:func:`iter_articles` is the public reader; :func:`iter_records` yields the
:class:`~newsresearch.corpus.records.Record` of every input record in order (ids made unique),
which :func:`load_record` turns into an Article where it runs — in a worker process for
``analyze_corpus``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from pathlib import Path

from .formats import ARTICLE_SUFFIXES, CORPUS_SUFFIXES, file_kind, file_records, file_stem
from .records import BYTES_PER_CHAR, MAX_CHARS, RESERVED_COLUMNS, InputProblem, Record, dict_record

__all__ = ["Record", "InputProblem", "iter_records", "iter_articles", "load_record",
           "MAX_CHARS", "ARTICLE_SUFFIXES", "CORPUS_SUFFIXES", "RESERVED_COLUMNS"]


# --------------------------------------------------------------------------- public: articles


def iter_articles(*sources, text_column: str = "text", id_column: str = "id",
                  max_chars: int = MAX_CHARS, on_error=None) -> Iterator[tuple]:
    """Yield ``(article_id, Article, extra_columns)`` for every article of the sources, lazily.

    Never reads a whole corpus into memory: files are opened one at a time and JSONL, CSV and
    Parquet are read record by record. The items are what
    :func:`~newsresearch.analysis.analyze_batch` takes.

    Parameters
    ----------
    *sources : str, Path or iterable
        A path is an article file (``.txt .md .html .htm``), a corpus file (``.jsonl``, also
        ``.jsonl.gz``/``.bz2``/``.xz``; ``.csv``, also compressed; ``.parquet``) or a folder,
        searched recursively for both (hidden files skipped). Any other iterable yields items:
        ``str`` (an article's text), ``dict`` (a record like a JSONL line), ``Article``, or a
        ``Path`` read in its place.
    text_column, id_column : str
        Field holding the text and the article id in JSONL, CSV, Parquet and dict records.
    max_chars : int, default 1,000,000
        Longer articles are refused (reported, not analysed).
    on_error : callable, optional
        Called as ``on_error(article_id, reason)`` for each record that cannot be read; it is
        skipped either way.

    Yields
    ------
    tuple of (str, Article, dict)
        The article id (given, else the file name or ``file:line``; a repeated id gets ``~2``,
        ``~3``…), the cleaned article, and the other fields of its record (``input``, where it
        came from, first), which ``analyze_batch`` carries into the ``articles`` table.

    Examples
    --------
    >>> items = list(iter_articles([{"id": "a", "text": "Mr. Smith said no.", "outlet": "X"},
    ...                             "Second text."]))
    >>> [(i, art.text, extra) for i, art, extra in items]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('a', 'Mr. Smith said no.', {'input': 'item:1', 'outlet': 'X'}),
     ('item:2', 'Second text.', {'input': 'item:2'})]
    """
    for rec in iter_records(sources, text_column=text_column, id_column=id_column,
                            max_chars=max_chars):
        try:
            yield load_record(rec, max_chars=max_chars)
        except Exception as exc:  # one bad record never stops the others
            if on_error is not None:
                from ..analysis import one_line

                on_error(rec.article_id, one_line(exc))


def load_record(rec: Record, *, max_chars: int = MAX_CHARS) -> tuple:
    """Turn a :class:`Record` into ``(article_id, Article, extra)``; raise when it cannot be."""
    from ..articles import Article, read_article

    if rec.problem:
        raise InputProblem(rec.problem)
    if rec.path is not None:
        p = Path(rec.path)
        size = p.stat().st_size if p.is_file() else 0
        if size > max_chars * BYTES_PER_CHAR:
            raise InputProblem(f"file of {size:,} bytes is over the size limit "
                               f"({max_chars:,} characters; max_chars=): {p}")
        art = read_article(p)
    elif rec.article is not None:
        fields = dict(rec.article)
        for key in ("authors", "warnings"):
            fields[key] = tuple(fields.get(key) or ())
        art = Article(**fields)
    else:
        m = rec.meta
        authors = m.get("authors") or ()
        art = Article.from_text(rec.text, title=_opt_str(m.get("title")),
                                published=_opt_str(m.get("published")),
                                url=_opt_str(m.get("url")),
                                authors=[authors] if isinstance(authors, str) else authors)
    if len(art.text) > max_chars:
        raise InputProblem(f"{rec.input}: article of {len(art.text):,} characters is over the "
                           f"size limit ({max_chars:,} characters; max_chars=)")
    return rec.article_id, art, {"input": rec.input, **rec.extra}


# --------------------------------------------------------------------------- records


def iter_records(sources, *, text_column: str = "text", id_column: str = "id",
                 max_chars: int = MAX_CHARS) -> Iterator[Record]:
    """Yield one :class:`Record` per input record of ``sources``, in order, ids made unique."""
    seen: dict[str, int] = {}
    opts = {"text_column": text_column, "id_column": id_column, "max_chars": max_chars}
    for src in sources:
        for rec in _source_records(src, opts):
            n = seen.get(rec.article_id, 0) + 1
            seen[rec.article_id] = n
            if n > 1:  # a repeated id gets ~2, ~3… (its input says where it came from)
                rec.article_id = f"{rec.article_id}~{n}"
            yield rec


def _source_records(src, opts) -> Iterator[Record]:
    if isinstance(src, (str, os.PathLike)):
        yield from _path_records(Path(src), opts)
    elif _is_dataframe(src):
        for start in range(0, len(src), 1000):  # a slice at a time, not a second copy
            rows = src.iloc[start:start + 1000].to_dict("records")
            for n, row in enumerate(rows, start=start + 1):
                yield dict_record(row, opts, where=f"row {n}", input=f"row:{n}",
                                   fallback_id=f"row:{n}")
    elif isinstance(src, Iterable) and not isinstance(src, (bytes, dict)):
        yield from _iterable_records(src, opts)
    else:
        yield Record("input", repr(src)[:60], problem=(
            f"cannot read {type(src).__name__} as a corpus: give a path, or an iterable of "
            "str, dict or Article"))


def _path_records(p: Path, opts) -> Iterator[Record]:
    if p.is_dir():
        found = sorted(f for f in p.rglob("*") if f.is_file() and file_kind(f) is not None
                       and not any(part.startswith(".") for part in f.relative_to(p).parts))
        if not found:
            yield Record(p.name or str(p), str(p), problem=(
                f"no .txt, .md, .html, .htm, .jsonl, .csv or .parquet files in folder: {p}"))
        for f in found:
            yield from file_records(f, opts)
    elif not p.exists():
        hint = ("; to analyse texts, pass a list of strings" if len(str(p)) > 80
                or "\n" in str(p) else "")
        aid = p.stem if file_kind(p) in ("article", None) and p.suffix else file_stem(p)
        yield Record(aid, str(p)[:200], problem=f"file not found: {str(p)[:200]}{hint}")
    else:
        yield from file_records(p, opts)


def _iterable_records(items, opts) -> Iterator[Record]:
    from ..articles import Article

    for n, item in enumerate(items, start=1):
        where = f"item:{n}"
        if isinstance(item, os.PathLike):
            yield from _path_records(Path(item), opts)
        elif isinstance(item, str):
            yield dict_record({opts["text_column"]: item}, opts, where=f"item {n}",
                               input=where, fallback_id=where)
        elif isinstance(item, dict):
            yield dict_record(item, opts, where=f"item {n}", input=where, fallback_id=where)
        elif isinstance(item, Article):
            fields = asdict(item)
            aid = Path(item.path).stem if item.path else where
            yield Record(aid, item.path or where, article=fields)
        else:
            yield Record(where, where, problem=(
                f"item {n} is {type(item).__name__}; expected str, dict, Article or Path"))



def _is_dataframe(obj) -> bool:
    import sys

    pd = sys.modules.get("pandas")
    return pd is not None and isinstance(obj, pd.DataFrame)


def _opt_str(v) -> str | None:
    return None if v is None else str(v)
