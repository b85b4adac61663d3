"""``analyze_corpus``: analyse a corpus of any size into resumable Parquet parts.

A run has three steps:

1. **Read the input once** (:func:`~newsresearch.corpus.sources.iter_records`) into one
   normalised file in ``out/`` (the *spool*, deleted at the end): every input record, its
   unique id and where it came from, one JSON line each. This gives the number of records, the
   types of the extra fields, a fingerprint of the input (so a resumed run can check that the
   input is the same) and byte ranges that any worker can read on its own.
2. **Analyse the batches** — ``batch_size`` records each — in worker processes or on Dask.
   Each finished batch writes one part per table (``out/quotes/part-000042.parquet``) and is
   then recorded in ``out/manifest.json``; a batch that was not recorded is redone by
   ``resume=True``. Rows keep the input order: parts are numbered by batch and a batch keeps
   the order of its records.
3. **Finish**: mark the manifest complete and, for ``format="csv"`` or ``"jsonl"``, also write
   one file per table (``out/quotes.csv``).
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sys
import threading
import time
import uuid
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from .schema import TABLES, extra_type, merge_types
from .sources import MAX_CHARS, iter_records

__all__ = ["analyze_corpus", "CorpusError", "WorkerDied", "Interrupted", "MANIFEST",
           "EXPORT_FORMATS"]

MANIFEST = "manifest.json"
LAYOUT = "newsresearch-corpus/1"
EXPORT_FORMATS = ("parquet", "csv", "jsonl")
ENGINES = ("processes", "dask")
#: Options that change the tables or their parts: a resumed run must use the same ones.
FIXED_OPTIONS = ("batch_size", "max_chars", "text_column", "id_column", "aliases")


class CorpusError(Exception):
    """A corpus run cannot be carried out (the message is one line)."""

    one_line = True


class WorkerDied(CorpusError):
    """A worker process died (killed for lack of memory, say); finished batches are kept."""


class Interrupted(Exception):
    """The run was stopped (Ctrl-C, SIGTERM) after ``done`` of ``total`` records were written."""

    def __init__(self, out, done: int, total: int | None):
        super().__init__(
            f"wrote {done} of {total} articles; run again with --resume" if total is not None
            else "stopped while reading the input; nothing new was analysed")
        self.out, self.done, self.total = out, done, total


def analyze_corpus(source, out, *, workers: int | None = None, batch_size: int = 100,
                   resume: bool = False, engine: str = "processes", client=None,
                   scheduler: str | None = None, aliases=None, text_column: str = "text",
                   id_column: str = "id", max_chars: int = MAX_CHARS, format: str = "parquet",
                   progress: bool = False, on_error=None):
    """Analyse every article of a corpus and write one Parquet part per table per batch.

    Memory stays flat however large the corpus: each worker holds one batch, and this process
    holds no table. The tables are the same — same rows, same values, input order — for any
    ``workers``, ``batch_size`` and ``engine``.

    Parameters
    ----------
    source : str, Path or iterable
        What :func:`iter_articles` reads: a file, a folder, a ``.jsonl[.gz|.bz2|.xz]``,
        ``.csv`` or ``.parquet`` corpus, or an iterable of ``str``, ``dict``, ``Article`` or
        ``Path`` (a list of Paths reads several sources).
    out : str or Path
        Folder for the results: ``NAME/part-NNNNNN.parquet`` for the tables ``articles,
        sentences, actors, actor_sentiment, quotes, figures, failures`` and ``manifest.json``.
    workers : int, optional
        Worker processes (default: every core); ``1`` runs in this process.
    batch_size : int, default 100
        Records per batch (and per part).
    resume : bool, default False
        Finish an interrupted run in ``out`` without redoing its finished batches. Refused
        (``CorpusError``) if the input, the options that shape the tables or the package
        version differ. Without a run to resume, starts one.
    engine : {"processes", "dask"}
        ``dask`` runs the batches on a Dask cluster (the optional extra ``newsresearch[dask]``).
    client : distributed.Client, optional
        The Dask cluster to use; else ``scheduler`` (``tcp://HOST:8786``); else a
        ``LocalCluster`` of ``workers`` processes on 127.0.0.1.
    aliases : str, Path or DataFrame, optional
        Your own alias table (see :func:`~newsresearch.actors.find_actors`).
    text_column, id_column : str
        Fields holding the text and the id in JSONL, CSV, Parquet and dict records.
    max_chars : int, default 1,000,000
        Longer articles are refused (one row in ``failures``), not analysed for minutes.
    format : {"parquet", "csv", "jsonl"}
        ``csv``/``jsonl`` also write one file per table at the end (``out/quotes.csv``).
    progress : bool, default False
        Show a progress bar with articles/s and time left on stderr.
    on_error : callable, optional
        ``on_error(article_id, input, reason)`` for each record that fails; by default one
        line on stderr. Each failure is also a row of the ``failures`` table.

    Returns
    -------
    Results
        :func:`~newsresearch.results.open_results` of ``out``.

    Raises
    ------
    CorpusError
        ``out`` is a file, holds an unfinished run (without ``resume``), or cannot be resumed;
        ``WorkerDied`` (a CorpusError) when a worker process was killed.
    Interrupted
        Ctrl-C or SIGTERM: finished batches are kept; ``resume=True`` finishes the run.

    Examples
    --------
    >>> import tempfile
    >>> res = analyze_corpus(["“Yes,” said Jane Doe.", "No quotes."], tempfile.mkdtemp(),
    ...                      workers=1)
    >>> res.articles["article_id"].tolist(), len(res.quotes)
    (['item:1', 'item:2'], 1)
    """
    opts = _options(batch_size=batch_size, max_chars=max_chars, text_column=text_column,
                    id_column=id_column, aliases=aliases, engine=engine, format=format)
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise CorpusError(f"--out must be a folder, but {out} is a file")
    workers = workers or _default_workers(engine, client)
    previous = _read_manifest(out)
    if previous is not None and not resume:
        if not previous.get("complete"):
            raise CorpusError(
                f"{out} holds an unfinished run (wrote {_done(previous)} of "
                f"{previous['records']} articles); run again with --resume to finish it, or "
                "remove the folder to start over")
    if previous is None or not resume:
        _clear(out)
        previous = None
    out.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(out)
    report = on_error or _print_failure
    spool = out / f".spool-{uuid.uuid4().hex}.jsonl"
    try:
        plan = _spool(source, spool, opts)
        manifest = _start_manifest(out, previous, plan, opts, source)
        _execute(manifest, plan, spool, out, opts, workers=workers, client=client,
                 scheduler=scheduler, progress=progress, report=report)
    except KeyboardInterrupt:  # while reading the input: nothing analysed yet
        raise Interrupted(out, 0, None) from None
    finally:
        spool.unlink(missing_ok=True)
    from .export import export_tables

    export_tables(out, format="csv", tables=("failures",))  # always: a list for people
    if format != "parquet":
        export_tables(out, format=format)
    from ..results import open_results

    return open_results(out)


def _options(**opts) -> dict:
    if opts["engine"] not in ENGINES:
        raise CorpusError(f"unknown engine {opts['engine']!r}; use processes or dask")
    if opts["format"] not in EXPORT_FORMATS:
        raise CorpusError(f"unknown format {opts['format']!r}; use parquet, csv or jsonl")
    if int(opts["batch_size"]) < 1 or int(opts["max_chars"]) < 1:
        raise CorpusError("batch_size and max_chars must be at least 1")
    aliases = opts["aliases"]
    if aliases is not None:
        from ..actors import read_aliases

        try:
            table = read_aliases(aliases)
        except (OSError, ValueError) as exc:
            raise CorpusError(f"--aliases: {' '.join(str(exc).split())}") from None
        opts["aliases"] = table
        opts["aliases_sha256"] = hashlib.sha256(
            table.to_csv(index=False).encode("utf-8")).hexdigest()
    else:
        opts["aliases_sha256"] = None
    return opts


def _default_workers(engine: str, client) -> int:
    from .engines import default_workers

    return default_workers()


# --------------------------------------------------------------------------- step 1: spool


def _spool(source, spool: Path, opts) -> dict:
    """Write every record of ``source`` to ``spool``; return the batches' byte ranges etc."""
    digest = hashlib.sha256()
    types: dict[str, str | None] = {}
    batches, pos, start, n, size = [], 0, 0, 0, opts["batch_size"]
    with open(spool, "wb") as fh:
        for rec in iter_records([source], text_column=opts["text_column"],
                                id_column=opts["id_column"], max_chars=opts["max_chars"]):
            line = rec.to_json().encode("utf-8") + b"\n"
            fh.write(line)
            digest.update(line)
            pos += len(line)
            n += 1
            for key, value in rec.extra.items():
                types[key] = merge_types(types.get(key), extra_type(value))
            if n % size == 0:
                batches.append((start, pos))
                start = pos
    if pos > start:
        batches.append((start, pos))
    return {"records": n, "sha256": digest.hexdigest(), "batches": batches,
            "extras": [[k, t or "string"] for k, t in types.items()]}


# --------------------------------------------------------------------------- manifest


def _read_manifest(out: Path) -> dict | None:
    path = out / MANIFEST
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CorpusError(f"unreadable {path} ({exc}); remove the folder to start over") \
            from None
    if not isinstance(data, dict) or data.get("layout") != LAYOUT:
        raise CorpusError(f"{path} was not written by newsresearch analyze_corpus")
    return data


def _write_manifest(out: Path, manifest: dict) -> None:
    manifest["updated"] = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    path = out / MANIFEST
    tmp = path.with_name(f".{MANIFEST}.{uuid.uuid4().hex}.tmp")
    tmp.write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def _done(manifest: dict) -> int:
    return sum(b["records"] for b in manifest["finished"].values())


def _start_manifest(out: Path, previous, plan: dict, opts: dict, source) -> dict:
    from .. import __version__

    fixed = {k: opts["aliases_sha256"] if k == "aliases" else opts[k] for k in FIXED_OPTIONS}
    manifest = {
        "layout": LAYOUT, "version": __version__, "options": fixed,
        "inputs": _describe(source), "input_sha256": plan["sha256"],
        "records": plan["records"], "batches": len(plan["batches"]),
        "extras": plan["extras"], "tables": list(TABLES), "finished": {},
        "counts": {}, "complete": False,
        "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    if previous is not None:
        _check_resumable(out, previous, manifest)
        manifest["finished"] = previous["finished"]
        manifest["started"] = previous.get("started", manifest["started"])
    _write_manifest(out, manifest)
    return manifest


def _check_resumable(out: Path, old: dict, new: dict) -> None:
    why = None
    if old["version"] != new["version"]:
        why = (f"it was written by newsresearch {old['version']} and this is "
               f"{new['version']}")
    else:
        for key in FIXED_OPTIONS:
            if old["options"].get(key) != new["options"][key]:
                label = "the alias table" if key == "aliases" else key
                why = (f"{label} differs from the first run's" if key == "aliases" else
                       f"{label} was {old['options'].get(key)!r}, now {new['options'][key]!r}")
                break
        else:
            if old["input_sha256"] != new["input_sha256"]:
                why = (f"the input changed since the first run ({old['records']} records "
                       f"then, {new['records']} now)")
                if (old.get("inputs") == new["inputs"] and old["records"] == new["records"]
                        and all("path" in d for d in new["inputs"])):
                    # the same files: the `input` column holds each path as it was written
                    why = ("the input is named differently from the first run's (same "
                           "files and sizes; the `input` column keeps paths as written); "
                           "name it as the first run did")
    if why:
        raise CorpusError(f"cannot resume {out}: {why}; run with the first run's options, "
                          "or start over in another folder")


def _describe(source) -> list:
    items = source if isinstance(source, list) and source and all(
        isinstance(s, os.PathLike) for s in source) else [source]
    desc = []
    for s in items:
        if isinstance(s, (str, os.PathLike)):
            p = Path(s)
            desc.append({"path": str(p.resolve()),
                         "bytes": p.stat().st_size if p.is_file() else None})
        else:
            desc.append({"python": type(s).__name__})
    return desc


# --------------------------------------------------------------------------- step 2: batches


def _execute(manifest, plan, spool: Path, out: Path, opts, *, workers, client, scheduler,
             progress, report) -> None:
    from .engines import run_dask, run_processes, run_serial

    todo = [i for i in range(len(plan["batches"])) if str(i) not in manifest["finished"]]
    tasks = ({"batch": i, "spool": str(spool.resolve()), "start": plan["batches"][i][0],
              "end": plan["batches"][i][1], "out": str(out.resolve()),
              "extras": plan["extras"], "max_chars": opts["max_chars"],
              "aliases": opts["aliases"]} for i in todo)
    bar = _bar(progress, manifest)

    def done(result: dict) -> None:
        manifest["finished"][str(result["batch"])] = {"records": result["records"],
                                                      "rows": result["rows"]}
        _write_manifest(out, manifest)
        for aid, where, reason in result["failures"]:
            if report is _print_failure and bar is not None:  # keep the bar in one piece
                bar.write(_failure_line(aid, where, reason), file=sys.stderr)
            else:
                report(aid, where, reason)
        if bar is not None:
            bar.update(result["records"])

    try:
        with _sigterm_as_interrupt():
            if opts["engine"] == "dask":
                run_dask(tasks, done, client=client, scheduler=scheduler, workers=workers)
            elif workers == 1 or len(todo) <= 1:
                run_serial(tasks, done)
            else:
                run_processes(tasks, done, workers=min(workers, len(todo)))
    except KeyboardInterrupt:
        raise Interrupted(out, _done(manifest), manifest["records"]) from None
    except BrokenProcessPool:
        raise WorkerDied(
            f"a worker process died (out of memory, or killed?); wrote {_done(manifest)} of "
            f"{manifest['records']} articles; run again with --resume (fewer --workers or a "
            "smaller --batch-size need less memory)") from None
    finally:
        if bar is not None:
            bar.close()
    manifest["counts"] = _totals(manifest)
    manifest["complete"] = True
    _write_manifest(out, manifest)


def _totals(manifest) -> dict:
    totals = {name: 0 for name in TABLES}
    for b in manifest["finished"].values():
        for name, n in b["rows"].items():
            totals[name] = totals.get(name, 0) + n
    return totals


def _bar(progress: bool, manifest: dict):
    if not progress or manifest["records"] < 2:
        return None
    from tqdm import tqdm

    return tqdm(total=manifest["records"], initial=_done(manifest), unit="article",
                file=sys.stderr, dynamic_ncols=True, desc="analysing", smoothing=0.1)


class _sigterm_as_interrupt:
    """Within the block, SIGTERM stops the run like Ctrl-C (main thread only)."""

    def __enter__(self):
        self.old = None
        if threading.current_thread() is threading.main_thread():
            self.old = signal.signal(signal.SIGTERM, self._raise)
        return self

    @staticmethod
    def _raise(signum, frame):
        raise KeyboardInterrupt

    def __exit__(self, *exc):
        if self.old is not None:
            signal.signal(signal.SIGTERM, self.old)
        return False


def _failure_line(article_id: str, where: str, reason: str) -> str:
    head, _, line = where.rpartition(":")
    file = head if line.isdigit() else where  # "corpus.jsonl:3" -> the file
    shown = "" if file in reason else f" {where}"  # name the file once
    return f"newsresearch: skipped{shown}: {reason}"


def _print_failure(article_id: str, where: str, reason: str) -> None:
    print(_failure_line(article_id, where, reason), file=sys.stderr)


# --------------------------------------------------------------------------- housekeeping


def _clear(out: Path) -> None:
    """Remove an earlier run's files from ``out`` (only ours: parts, manifest, exports)."""
    if not out.is_dir():
        return
    for name in TABLES:
        d = out / name
        if d.is_dir():
            for p in d.glob("part-*.parquet"):
                p.unlink()
            for p in d.glob(".part-*.tmp"):
                p.unlink()
            if not any(d.iterdir()):
                d.rmdir()
        for suffix in (".csv", ".jsonl", ".parquet"):
            (out / (name + suffix)).unlink(missing_ok=True)
    (out / MANIFEST).unlink(missing_ok=True)


def _remove_leftovers(out: Path) -> None:
    """Temporary files of a killed run: never part of a result."""
    for p in out.glob(".spool-*.jsonl"):
        p.unlink(missing_ok=True)
    for p in out.glob(f".{MANIFEST}.*.tmp"):
        p.unlink(missing_ok=True)
    for name in TABLES:
        for p in (out / name).glob(".part-*.tmp"):
            p.unlink(missing_ok=True)
