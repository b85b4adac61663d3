"""Readers of corpus files: JSONL (also gzip, bzip2, xz), CSV (also compressed) and Parquet.

Each reader yields :class:`~newsresearch.corpus.records.Record` objects in file order and
never holds more than one record (a JSONL line over the size limit is skipped in 1 MB chunks,
never read whole). A damaged or truncated file ends with one record whose ``problem`` says
where it broke off; the records before it are kept.
"""

from __future__ import annotations

import bz2
import csv
import gzip
import io
import json
import lzma
import zlib
from collections.abc import Iterator
from pathlib import Path

from .records import BYTES_PER_CHAR, Record, dict_record, exc_text

__all__ = ["file_records", "file_kind", "file_stem", "ARTICLE_SUFFIXES",
           "CORPUS_SUFFIXES"]

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
_COMPRESSED = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}
CORPUS_SUFFIXES = (".jsonl", ".csv", ".parquet")


def file_kind(p: Path) -> str | None:
    """``article``, ``jsonl``, ``csv`` or ``parquet`` by the file's suffixes, else None."""
    suffix = p.suffix.lower()
    if suffix in ARTICLE_SUFFIXES:
        return "article"
    if suffix in _COMPRESSED:
        inner = Path(p.stem).suffix.lower()
        return inner[1:] if inner in (".jsonl", ".csv") else None
    return suffix[1:] if suffix in CORPUS_SUFFIXES else None


def file_stem(p: Path) -> str:
    """The file name without its corpus and compression suffixes (``news.jsonl.gz`` → news)."""
    name = p.name
    for _ in range(2):
        base, dot, ext = name.rpartition(".")
        if dot and base and "." + ext.lower() in (*_COMPRESSED, *CORPUS_SUFFIXES):
            name = base
    return name


def file_records(p: Path, opts) -> Iterator[Record]:
    kind = file_kind(p)
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
    stem, limit = file_stem(p), opts["max_chars"] * BYTES_PER_CHAR
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
            f"{p}: damaged or truncated after line {n} ({exc_text(exc)}); "
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
    return dict_record(obj, opts, where=f"{p} line {n}", input=where, fallback_id=fallback)


def _csv_records(p: Path, opts) -> Iterator[Record]:
    stem, tcol = file_stem(p), opts["text_column"]
    limit = opts["max_chars"] * BYTES_PER_CHAR
    if csv.field_size_limit() < limit:  # the default (131,072) is below a long article
        csv.field_size_limit(limit)
    try:
        with _open_binary(p) as raw:
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
            f"{p}: damaged or truncated ({exc_text(exc)}); the rows before it were read"))


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
        yield dict_record(obj, opts, where=f"{p} row {row_no}", input=where,
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

    stem = file_stem(p)
    try:
        pf = pq.ParquetFile(p)
    except FileNotFoundError:
        yield Record(stem, str(p), problem=f"file not found: {p}")
        return
    except (pa.ArrowException, OSError) as exc:
        yield Record(stem, str(p), problem=f"not a Parquet file ({exc_text(exc)}): {p}")
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
                yield dict_record(row, opts, where=f"{p} row {n}", input=f"{p}:{n}",
                                   fallback_id=f"{stem}:{n}")
    except (pa.ArrowException, OSError) as exc:
        yield Record(f"{stem}:{n + 1}", f"{p}:{n + 1}", problem=(
            f"{p}: damaged after row {n} ({exc_text(exc)}); the rows before it were read"))

