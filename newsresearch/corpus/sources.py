"""Read corpora lazily, record by record: files, folders, JSONL, CSV, Parquet, Python iterables.

Every input record — an article file, a JSONL line, a CSV or Parquet row, an item of a Python
iterable — becomes exactly one :class:`Record`, in input order. A record that cannot become an
article (a line that is not JSON, a row without text, a truncated archive's unreadable tail, an
article over the size limit) is still a record: its ``problem`` says why in one line naming the
file, so it ends up in the ``failures`` table and nothing is silently lost.
"""

from __future__ import annotations

import bz2
import csv
import gzip
import json
import lzma
import os
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

__all__ = ["Record", "InputProblem", "iter_records", "iter_articles", "load_record",
           "MAX_CHARS", "ARTICLE_SUFFIXES", "CORPUS_SUFFIXES", "RESERVED_COLUMNS"]

#: Articles longer than this many characters are refused (``max_chars=`` / ``--max-chars``):
#: the analysis is linear in the text, but a 50 MB "article" is a broken input, not news.
MAX_CHARS = 1_000_000
#: Bytes per character a JSON line may need at most (``\\uXXXX`` escapes of surrogate pairs);
#: a line or file longer than ``max_chars`` times this is refused without being read whole.
BYTES_PER_CHAR = 16
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
_COMPRESSED = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}
CORPUS_SUFFIXES = (".jsonl", ".csv", ".parquet")
#: Metadata fields that go into the Article (not carried as extra columns).
META_FIELDS = ("title", "published", "url", "authors")
#: Columns of the ``articles`` table that an input field may not take over; a field with one of
#: these names is carried as ``field_NAME``.
RESERVED_COLUMNS = frozenset({
    "article_id", "input", "title", "published", "url", "authors", "text", "characters",
    "paragraphs", "sentences", "words", "actors", "mentions", "people", "organizations",
    "places", "groups", "quotes", "direct_quotes", "quoted_speakers", "anonymous_quotes",
    "figures", "sourced_figures", "quality_flags", "warnings"})


class InputProblem(Exception):
    """An input record that cannot be analysed; the message is one line naming the file."""

    one_line = True  # reported as is (see newsresearch.analysis.one_line)


@dataclass
class Record:
    """One input record, before it is turned into an :class:`~newsresearch.articles.Article`.

    Exactly one of ``text`` (a record's text), ``path`` (an article file), ``article`` (the
    fields of an Article given in Python) or ``problem`` (why it cannot be analysed) is set.
    """

    article_id: str
    input: str  # where it comes from: a file, or "file:line" / "file:row"
    text: str | None = None
    path: str | None = None
    article: dict | None = None
    meta: dict = field(default_factory=dict)
    extra: dict = field(default_factory=dict)
    problem: str | None = None

    def to_json(self) -> str:
        d = {k: v for k, v in asdict(self).items() if v not in (None, {})}
        return json.dumps(d, ensure_ascii=False, default=_jsonable)

    @classmethod
    def from_json(cls, line: str | bytes) -> Record:
        return cls(**json.loads(line))


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
                yield _dict_record(row, opts, where=f"row {n}", input=f"row:{n}",
                                   fallback_id=f"row:{n}")
    elif isinstance(src, Iterable) and not isinstance(src, (bytes, dict)):
        yield from _iterable_records(src, opts)
    else:
        yield Record("input", repr(src)[:60], problem=(
            f"cannot read {type(src).__name__} as a corpus: give a path, or an iterable of "
            "str, dict or Article"))


def _path_records(p: Path, opts) -> Iterator[Record]:
    if p.is_dir():
        found = sorted(f for f in p.rglob("*") if f.is_file() and _kind(f) is not None
                       and not any(part.startswith(".") for part in f.relative_to(p).parts))
        if not found:
            yield Record(p.name or str(p), str(p), problem=(
                f"no .txt, .md, .html, .htm, .jsonl, .csv or .parquet files in folder: {p}"))
        for f in found:
            yield from _file_records(f, opts)
    elif not p.exists():
        hint = ("; to analyse texts, pass a list of strings" if len(str(p)) > 80
                or "\n" in str(p) else "")
        aid = p.stem if _kind(p) in ("article", None) and p.suffix else _stem(p)
        yield Record(aid, str(p)[:200], problem=f"file not found: {str(p)[:200]}{hint}")
    else:
        yield from _file_records(p, opts)


def _kind(p: Path) -> str | None:
    """``article``, ``jsonl``, ``csv`` or ``parquet`` by the file's suffixes, else None."""
    suffix = p.suffix.lower()
    if suffix in ARTICLE_SUFFIXES:
        return "article"
    if suffix in _COMPRESSED:
        inner = Path(p.stem).suffix.lower()
        return inner[1:] if inner in (".jsonl", ".csv") else None
    return suffix[1:] if suffix in CORPUS_SUFFIXES else None


def _stem(p: Path) -> str:
    """The file name without its corpus and compression suffixes (``news.jsonl.gz`` → news)."""
    name = p.name
    for _ in range(2):
        base, dot, ext = name.rpartition(".")
        if dot and base and "." + ext.lower() in (*_COMPRESSED, *CORPUS_SUFFIXES):
            name = base
    return name


def _file_records(p: Path, opts) -> Iterator[Record]:
    kind = _kind(p)
    if kind == "jsonl":
        yield from _jsonl_records(p, opts)
    elif kind == "csv":
        yield from _csv_records(p, opts)
    elif kind == "parquet":
        yield from _parquet_records(p, opts)
    else:  # read_article reports missing, empty, binary and unsupported files itself
        yield Record(p.stem if p.suffix else p.name, str(p), path=str(p))


def _open_binary(p: Path):
    opener = _COMPRESSED.get(p.suffix.lower())
    return opener(p, "rb") if opener else open(p, "rb")


#: What a damaged compressed file raises while it is read.
_DAMAGED = (EOFError, zlib.error, lzma.LZMAError, OSError)


def _jsonl_records(p: Path, opts) -> Iterator[Record]:
    stem, limit = _stem(p), opts["max_chars"] * BYTES_PER_CHAR
    n = 0
    any_line = False
    try:
        with _open_binary(p) as fh:
            while True:
                line = fh.readline(limit + 1)
                if not line:
                    break
                n += 1
                if len(line) > limit and not line.endswith(b"\n"):
                    _skip_line(fh)
                    any_line = True
                    yield Record(f"{stem}:{n}", f"{p}:{n}", problem=(
                        f"{p} line {n}: longer than {limit:,} bytes, over the size limit "
                        f"({opts['max_chars']:,} characters; max_chars=)"))
                    continue
                if n == 1:
                    line = line.removeprefix(b"\xef\xbb\xbf")
                if line.strip():
                    any_line = True
                    yield _jsonl_line(line, p, n, stem, opts)
    except FileNotFoundError:
        yield Record(stem, str(p), problem=f"file not found: {p}")
        return
    except _DAMAGED as exc:
        yield Record(f"{stem}:{n + 1}", f"{p}:{n + 1}", problem=(
            f"{p}: damaged or truncated after line {n} ({_exc_text(exc)}); "
            "the lines before it were read"))
        return
    if not any_line:
        yield Record(stem, str(p), problem=f"empty corpus (no lines): {p}")


def _skip_line(fh) -> None:
    """Read past the rest of an over-long line without holding it in memory."""
    while True:
        chunk = fh.readline(1 << 20)
        if not chunk or chunk.endswith(b"\n"):
            return


def _jsonl_line(line: bytes, p: Path, n: int, stem: str, opts) -> Record:
    fallback, where = f"{stem}:{n}", f"{p}:{n}"
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Record(fallback, where, problem=f"{p} line {n}: not UTF-8 (byte {exc.start})")
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        return Record(fallback, where, problem=f"{p} line {n}: not valid JSON ({exc.msg})")
    if not isinstance(obj, dict):
        return Record(fallback, where,
                      problem=f"{p} line {n}: not a JSON object ({type(obj).__name__})")
    return _dict_record(obj, opts, where=f"{p} line {n}", input=where, fallback_id=fallback)


def _dict_record(obj: dict, opts, *, where: str, input: str, fallback_id: str) -> Record:
    """A record from a dict (JSONL line, CSV/Parquet row, Python item)."""
    tcol, icol = opts["text_column"], opts["id_column"]
    rid = obj.get(icol)
    aid = str(rid) if rid is not None and rid == rid and str(rid) != "" else fallback_id
    text = obj.get(tcol)
    problem = None
    if tcol not in obj:
        problem = f"{where}: no \"{tcol}\" field"
    elif not isinstance(text, str):
        problem = f"{where}: \"{tcol}\" is {type(text).__name__}, not a string"
    elif not text.strip():
        problem = f"{where}: \"{tcol}\" is empty"
    elif len(text) > opts["max_chars"]:
        problem = (f"{where}: article of {len(text):,} characters is over the size limit "
                   f"({opts['max_chars']:,} characters; max_chars=)")
    if problem:
        return Record(aid, input, problem=problem)
    meta = {k: obj[k] for k in META_FIELDS if obj.get(k) is not None and obj[k] == obj[k]}
    extra = {}
    for k, v in obj.items():
        if k in (tcol, icol) or k in META_FIELDS:
            continue
        extra[f"field_{k}" if k in RESERVED_COLUMNS else str(k)] = _plain(v)
    return Record(aid, input, text=text, meta=meta, extra=extra)


def _csv_records(p: Path, opts) -> Iterator[Record]:
    stem, tcol = _stem(p), opts["text_column"]
    limit = opts["max_chars"] * BYTES_PER_CHAR
    if csv.field_size_limit() < limit:  # the default (131,072) is below a long article
        csv.field_size_limit(limit)
    try:
        with _open_binary(p) as raw:
            import io

            fh = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="surrogateescape",
                                  newline="")
            reader = csv.reader(fh)
            header = next(reader, None)
            if header is None:
                yield Record(stem, str(p), problem=f"empty CSV file (no header): {p}")
                return
            if tcol not in header:
                shown = ", ".join(header[:12]) + (", …" if len(header) > 12 else "")
                yield Record(stem, str(p), problem=(
                    f"{p}: no \"{tcol}\" column (columns: {shown}); name the text column "
                    "with --text-column / text_column="))
                return
            yield from _csv_rows(reader, header, p, stem, opts)
    except FileNotFoundError:
        yield Record(stem, str(p), problem=f"file not found: {p}")
    except _DAMAGED as exc:
        yield Record(f"{stem}:damaged", str(p), problem=(
            f"{p}: damaged or truncated ({_exc_text(exc)}); the rows before it were read"))


def _csv_rows(reader, header, p: Path, stem: str, opts) -> Iterator[Record]:
    row_no = 1  # spreadsheet numbering: the header is row 1
    while True:
        row_no += 1
        fallback, where = f"{stem}:{row_no}", f"{p}:{row_no}"
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Record(fallback, where, problem=f"{p} row {row_no}: not valid CSV ({exc})")
            continue
        if not any(cell.strip() for cell in row):
            continue
        bad = next((c for c in row if _has_surrogates(c)), None)
        if bad is not None:
            yield Record(fallback, where, problem=f"{p} row {row_no}: not UTF-8")
            continue
        obj = {h: (v if v != "" else None) for h, v in zip(header, row, strict=False)}
        if obj.get(opts["text_column"]) is None and opts["text_column"] in obj:
            obj[opts["text_column"]] = ""
        yield _dict_record(obj, opts, where=f"{p} row {row_no}", input=where,
                           fallback_id=fallback)


def _has_surrogates(s: str) -> bool:
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _parquet_records(p: Path, opts) -> Iterator[Record]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    stem = _stem(p)
    try:
        pf = pq.ParquetFile(p)
    except FileNotFoundError:
        yield Record(stem, str(p), problem=f"file not found: {p}")
        return
    except (pa.ArrowException, OSError) as exc:
        yield Record(stem, str(p), problem=f"not a Parquet file ({_exc_text(exc)}): {p}")
        return
    names = pf.schema_arrow.names
    if opts["text_column"] not in names:
        shown = ", ".join(names[:12]) + (", …" if len(names) > 12 else "")
        yield Record(stem, str(p), problem=(
            f"{p}: no \"{opts['text_column']}\" column (columns: {shown}); name the text "
            "column with --text-column / text_column="))
        return
    n = 0
    try:
        for batch in pf.iter_batches(batch_size=256):
            for row in batch.to_pylist():
                n += 1
                yield _dict_record(row, opts, where=f"{p} row {n}", input=f"{p}:{n}",
                                   fallback_id=f"{stem}:{n}")
    except (pa.ArrowException, OSError) as exc:
        yield Record(f"{stem}:{n + 1}", f"{p}:{n + 1}", problem=(
            f"{p}: damaged after row {n} ({_exc_text(exc)}); the rows before it were read"))


def _iterable_records(items, opts) -> Iterator[Record]:
    from ..articles import Article

    for n, item in enumerate(items, start=1):
        where = f"item:{n}"
        if isinstance(item, os.PathLike):
            yield from _path_records(Path(item), opts)
        elif isinstance(item, str):
            yield _dict_record({opts["text_column"]: item}, opts, where=f"item {n}",
                               input=where, fallback_id=where)
        elif isinstance(item, dict):
            yield _dict_record(item, opts, where=f"item {n}", input=where, fallback_id=where)
        elif isinstance(item, Article):
            fields = asdict(item)
            aid = Path(item.path).stem if item.path else where
            yield Record(aid, item.path or where, article=fields)
        else:
            yield Record(where, where, problem=(
                f"item {n} is {type(item).__name__}; expected str, dict, Article or Path"))


# --------------------------------------------------------------------------- helpers


def _plain(v):
    """A value as JSON can carry it: dates as ISO text, other objects as text."""
    if v is None or isinstance(v, (str, int, float, bool, list, dict)):
        return v
    if hasattr(v, "isoformat"):
        return v.isoformat()
    if hasattr(v, "item"):  # numpy scalars
        return v.item()
    return str(v)


def _jsonable(v):
    return list(v) if isinstance(v, tuple) else str(v)


def _opt_str(v) -> str | None:
    return None if v is None else str(v)


def _is_dataframe(obj) -> bool:
    import sys

    pd = sys.modules.get("pandas")
    return pd is not None and isinstance(obj, pd.DataFrame)


def _exc_text(exc: BaseException) -> str:
    msg = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {msg}" if msg else type(exc).__name__
