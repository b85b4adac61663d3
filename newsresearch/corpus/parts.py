"""The work of one batch, wherever it runs: read its records, analyse them, write its parts.

:func:`run_batch` is what a worker process (or a Dask worker) executes. It reads its own byte
range of the run's input file (the *spool*, one normalised record per line), analyses the
articles with :func:`~newsresearch.analysis.analyze_batch`, and writes one Parquet part per
table — ``out/quotes/part-000042.parquet`` — each under a temporary name, renamed when
complete. It returns only counts and the failures' one-line reasons, so the process that
plans the run never holds a table.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from .schema import TABLES, table_columns, to_arrow

__all__ = ["run_batch", "part_path", "PART"]

PART = "part-{:06d}.parquet"


def part_path(out, table: str, batch: int) -> Path:
    """Where batch number ``batch`` of ``table`` is stored."""
    return Path(out) / table / PART.format(batch)


def run_batch(task: dict) -> dict:
    """Analyse one batch and write its parts; return its counts and failures.

    ``task`` holds ``batch`` (its number), ``spool``/``start``/``end`` (the byte range of the
    run's input file), ``out``, ``extras`` (the articles' extra columns and types),
    ``max_chars`` and ``aliases``.
    """
    from ..analysis import analyze_batch, one_line
    from .sources import load_record

    records = _read_range(task["spool"], task["start"], task["end"])
    inputs = {r.article_id: r.input for r in records}
    order = {r.article_id: i for i, r in enumerate(records)}
    failed: list[tuple[str, str]] = []

    def items():
        for rec in records:
            try:
                yield load_record(rec, max_chars=task["max_chars"])
            except Exception as exc:  # one bad record never stops the others
                failed.append((rec.article_id, one_line(exc)))

    tables = analyze_batch(items(), aliases=task["aliases"],
                           on_error=lambda aid, reason: failed.append((aid, reason)))
    failed.sort(key=lambda f: order[f[0]])
    import pandas as pd

    tables["failures"] = pd.DataFrame(
        [(aid, inputs[aid], reason) for aid, reason in failed],
        columns=["article_id", "input", "reason"])
    rows = {}
    for name in TABLES:
        df = tables[name]
        cols = table_columns(name, task["extras"], present=df.columns)
        write_part(to_arrow(df, cols), part_path(task["out"], name, task["batch"]))
        rows[name] = len(df)
    return {"batch": task["batch"], "records": len(order), "rows": rows,
            "failures": [(aid, inputs[aid], reason) for aid, reason in failed]}


def _read_range(spool, start: int, end: int) -> list:
    from .sources import Record

    with open(spool, "rb") as fh:
        fh.seek(start)
        data = fh.read(end - start)
    return [Record.from_json(line) for line in data.splitlines() if line]


def write_part(table, path: Path) -> None:
    """Write a pyarrow Table to ``path`` through a temporary file renamed when complete."""
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        pq.write_table(table, tmp, compression="zstd")
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
