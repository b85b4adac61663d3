"""The ``newsresearch`` command line: analyse many articles, write a report, redraw the charts.

Three subcommands, each a thin layer over the library:

* ``analyze`` runs :func:`newsresearch.analysis.analyze` on every article it is given
  (files, folders of files, JSONL corpora) and writes one table per kind with an
  ``article_id`` column; articles that cannot be read or analysed are listed in
  ``failures.csv`` and never stop the others;
* ``report`` writes one self-contained HTML page for one article
  (:mod:`newsresearch.report`);
* ``figures`` redraws every chart of the notebooks into ``reports/figures/``.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

__all__ = ["main", "build_parser", "ANALYZE_TABLES"]

#: Tables written by ``newsresearch analyze``, each with ``article_id`` first.
ANALYZE_TABLES = ("articles", "sentences", "actors", "actor_sentiment", "quotes", "figures")
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
CORPUS_SUFFIXES = (".jsonl",)

EPILOG = """\
examples:
  newsresearch analyze data/raw/000_08a178f498c347a9.txt --out results/
      analyse one article; writes results/articles.csv, sentences.csv, actors.csv,
      actor_sentiment.csv, quotes.csv, figures.csv and failures.csv
  newsresearch analyze my_articles/ corpus.jsonl --out results/ --format parquet
      every .txt/.md/.html/.htm file under my_articles/ plus every line of corpus.jsonl
      (one JSON object per line with "id" and "text"; optional "title", "published", "url")
  newsresearch report data/raw/000_08a178f498c347a9.txt -o report.html
      one HTML page you can open offline: the highlighted article, tables, charts, methods
  newsresearch figures
      redraw every chart of the notebooks into reports/figures/ (PNG + the CSV behind it)

Run `newsresearch COMMAND --help` for the options of one command.
"""


class UsageError(Exception):
    """The command line cannot be carried out at all (exit status 2)."""


# --------------------------------------------------------------------------- inputs


@dataclass
class Job:
    """One article to analyse: where it comes from and how to get it."""

    article_id: str
    source: str
    path: Path | None = None
    record: dict | None = None
    problem: str | None = None  # known before analysis: the reason it cannot be analysed

    def load(self):
        from .articles import Article, read_article

        if self.problem:
            raise InputProblem(self.problem)
        if self.path is not None:
            return read_article(self.path)
        rec = self.record or {}
        return Article.from_text(rec["text"], title=_opt_str(rec.get("title")),
                                 published=_opt_str(rec.get("published")),
                                 url=_opt_str(rec.get("url")))


class InputProblem(Exception):
    """An input that cannot be analysed; the message is one line naming the file (and line)."""

    one_line = True  # the message is reported as is (see analysis.one_line)


def _opt_str(v) -> str | None:
    return None if v is None else str(v)


def collect_jobs(paths) -> list[Job]:
    """Turn the PATH arguments into a list of articles (and of known problems), in order.

    Files are analysed as articles (``.txt .md .html .htm``) or read as JSONL corpora
    (``.jsonl``); folders are searched recursively for both. A missing path, an unsupported
    file, a JSONL line that is not JSON or has no ``text`` each become a job whose
    ``problem`` says why, so they are reported in ``failures.csv`` and nothing else is lost.
    """
    jobs: list[Job] = []
    for arg in paths:
        p = Path(arg)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file()
                           and f.suffix.lower() in ARTICLE_SUFFIXES + CORPUS_SUFFIXES
                           and not any(part.startswith(".") for part in f.relative_to(p).parts))
            if not found:
                jobs.append(Job(str(p), str(p), problem=(
                    f"no .txt, .md, .html, .htm or .jsonl files in folder: {p}")))
            for f in found:
                jobs.extend(_file_jobs(f))
        else:
            jobs.extend(_file_jobs(p))
    _unique_ids(jobs)
    return jobs


def _file_jobs(p: Path) -> list[Job]:
    if p.suffix.lower() in CORPUS_SUFFIXES:
        return _corpus_jobs(p)
    # read_article itself reports missing, empty, binary and unsupported files
    return [Job(p.stem if p.suffix else p.name, str(p), path=p)]


def _corpus_jobs(p: Path) -> list[Job]:
    where = str(p)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        return [Job(p.stem, where, problem=f"file not found: {p}")]
    except OSError as exc:
        return [Job(p.stem, where, problem=f"cannot read ({exc.strerror}): {p}")]
    if b"\x00" in data[:8192]:
        return [Job(p.stem, where, problem=f"binary file, not a JSONL corpus: {p}")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return [Job(p.stem, where, problem=f"not UTF-8 text (byte {exc.start}): {p}")]
    jobs = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        src = f"{p}:{n}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            jobs.append(Job(f"{p.stem}:{n}", src,
                            problem=f"{p} line {n}: not valid JSON ({exc.msg})"))
            continue
        if not isinstance(rec, dict):
            jobs.append(Job(f"{p.stem}:{n}", src,
                            problem=f"{p} line {n}: not a JSON object ({type(rec).__name__})"))
            continue
        rid = rec.get("id")
        aid = str(rid) if rid not in (None, "") else f"{p.stem}:{n}"
        if "text" not in rec:
            jobs.append(Job(aid, src, problem=f"{p} line {n}: no \"text\" field"))
        elif not isinstance(rec["text"], str):
            jobs.append(Job(aid, src, problem=(
                f"{p} line {n}: \"text\" is {type(rec['text']).__name__}, not a string")))
        elif not rec["text"].strip():
            jobs.append(Job(aid, src, problem=f"{p} line {n}: \"text\" is empty"))
        else:
            jobs.append(Job(aid, src, record=rec))
    if not jobs:
        jobs.append(Job(p.stem, where, problem=f"empty corpus (no lines): {p}"))
    return jobs


def _unique_ids(jobs: list[Job]) -> None:
    """Make article ids unique: a repeated id gets ``~2``, ``~3``… (its source says where)."""
    seen: dict[str, int] = {}
    for job in jobs:
        n = seen.get(job.article_id, 0) + 1
        seen[job.article_id] = n
        if n > 1:
            job.article_id = f"{job.article_id}~{n}"


# --------------------------------------------------------------------------- analyze


def run_analyze(args) -> int:
    import pandas as pd

    from .analysis import BATCH_TABLES, FAILURE_COLUMNS, FORMATS, analyze_batch, write_table

    fmt = args.format
    if fmt not in FORMATS:  # argparse checks choices; keep the message for library callers
        raise UsageError(f"unknown format {fmt!r}")
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out must be a folder, but {out} is a file")
    aliases = _read_aliases(args.aliases)
    jobs = collect_jobs(args.paths)

    failures: list[tuple[str, str]] = []
    bar = None
    if len(jobs) > 1 and not args.quiet:
        from tqdm import tqdm

        bar = tqdm(total=len(jobs), unit="article", file=sys.stderr, dynamic_ncols=True,
                   desc="analysing")
    sources = {job.article_id: job.source for job in jobs}

    def report(article_id: str, reason: str) -> None:
        source = sources[article_id]
        head, _, line = source.rpartition(":")
        file = head if line.isdigit() else source  # "corpus.jsonl:3" -> the file
        where = "" if file in reason else f" {source}"  # name the file once
        _say(f"newsresearch: skipped{where}: {reason}", bar)

    def loaded():
        for job in jobs:
            if bar is not None:
                bar.update()
            try:
                art = job.load()
            except Exception as exc:  # one bad input must never stop the others
                reason = _one_line(exc)
                failures.append((job.article_id, reason))
                report(job.article_id, reason)
                continue
            yield job.article_id, art, {"source": job.source}

    tables = analyze_batch(loaded(), aliases=aliases, on_error=report)
    if bar is not None:
        bar.close()
    failures += list(tables["failures"].itertuples(index=False, name=None))
    order = {job.article_id: i for i, job in enumerate(jobs)}
    failures.sort(key=lambda f: order[f[0]])

    ok = len(jobs) - len(failures)
    written = []
    if ok:
        for name in BATCH_TABLES:
            written.append(write_table(tables[name], out / name, format=fmt))
    else:  # never leave an earlier run's tables beside this run's failures.csv
        for name in BATCH_TABLES:
            (out / (name + FORMATS[fmt])).unlink(missing_ok=True)
    out.mkdir(parents=True, exist_ok=True)
    write_table(pd.DataFrame(failures, columns=FAILURE_COLUMNS), out / "failures", format="csv")
    failed = f"; {len(failures)} failed (see {out / 'failures.csv'})" if failures else ""
    if ok:
        print(f"newsresearch: analysed {ok} of {len(jobs)} article(s){failed}; "
              f"wrote {len(written)} {fmt} tables to {out}/")
        return 0
    print(f"newsresearch: nothing could be analysed: {len(jobs)} input(s) failed "
          f"(see {out / 'failures.csv'})", file=sys.stderr)
    return 1


def _read_aliases(path):
    """Read --aliases once (a bad table is a usage error, not one failure per article)."""
    if path is None:
        return None
    from .actors import read_aliases

    try:
        return read_aliases(path)
    except (OSError, ValueError) as exc:
        raise UsageError(f"--aliases: {_one_line(exc)}") from None


def _say(msg: str, bar) -> None:
    if bar is not None:
        bar.write(msg, file=sys.stderr)
    else:
        print(msg, file=sys.stderr)


def _one_line(exc: Exception) -> str:
    from .analysis import one_line

    return one_line(exc)


# --------------------------------------------------------------------------- report, figures


def run_report(args) -> int:
    from .articles import read_article
    from .report import write_report

    art = read_article(args.article)  # ArticleError: one line, exit 1
    out = write_report(art, args.output, aliases=_read_aliases(args.aliases))
    print(f"newsresearch: wrote {out}")
    return 0


def run_figures(args) -> int:
    from .report import check_regenerated, regenerate_figures

    if args.check:
        problems = check_regenerated(out_dir=args.out)
        for line in problems:
            print(f"newsresearch: {line}", file=sys.stderr)
        if problems:
            print(f"newsresearch: error: {len(problems)} chart(s) on disk are not the data the "
                  "chart registry draws; run the notebooks (make run) or `newsresearch "
                  "figures`", file=sys.stderr)
            return 1
        if not args.quiet:
            print("newsresearch: every chart's CSV is the data the chart registry draws")
        return 0
    written = regenerate_figures(out_dir=args.out)
    if not args.quiet:
        for p in written:
            print(p)
        print(f"newsresearch: wrote {len(written)} charts (PNG + CSV each)")
    return 0


# --------------------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``newsresearch`` command."""
    parser = argparse.ArgumentParser(
        prog="newsresearch",
        description=("Take news articles apart: sentences, actors and how they are framed, "
                     "quotes and who said them, figures and who vouches for them."),
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    from . import __version__

    parser.add_argument("--version", action="version", version=f"newsresearch {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser(
        "analyze", help="analyse articles and write one table per kind",
        description=("Analyse every article given and write the tables articles, sentences, "
                     "actors, actor_sentiment, quotes and figures (each with an article_id "
                     "column) into DIR, plus failures.csv listing articles that could not be "
                     "analysed and why. Exit status 1 only when nothing could be analysed."),
        epilog=("examples:\n  newsresearch analyze article.txt --out results/\n"
                "  newsresearch analyze folder/ corpus.jsonl --out results/ --format jsonl"),
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help=("an article file (.txt, .md, .html, .htm), a folder of them, or a "
                         "JSONL corpus (one JSON object per line with \"id\" and \"text\"; "
                         "optional \"title\", \"published\", \"url\")"))
    p.add_argument("--out", "-o", required=True, metavar="DIR",
                   help="folder for the tables (created if missing; tables are replaced)")
    p.add_argument("--format", "-f", default="csv", choices=["csv", "parquet", "jsonl"],
                   help="table format (default: csv)")
    p.add_argument("--aliases", metavar="FILE",
                   help="your own actor alias table (CSV: alias, actor, actor_type)")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    p.set_defaults(func=run_analyze)

    p = sub.add_parser(
        "report", help="write a self-contained HTML report of one article",
        description=("Write one HTML file that opens offline: the article with actors, quotes "
                     "(coloured by speaker) and figures highlighted, the tables, the charts "
                     "(embedded) and a short note on methods and limits."),
        epilog="example:\n  newsresearch report article.txt -o report.html",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("article", metavar="ARTICLE", help="an article file (.txt, .md, .html, .htm)")
    p.add_argument("--output", "-o", default="report.html", metavar="FILE",
                   help="the HTML file to write (default: report.html)")
    p.add_argument("--aliases", metavar="FILE",
                   help="your own actor alias table (CSV: alias, actor, actor_type)")
    p.set_defaults(func=run_report)

    p = sub.add_parser(
        "figures", help="redraw every chart of the notebooks into reports/figures/",
        description=("Redraw every chart of the notebooks from the sample article into "
                     "reports/figures/ (a PNG and the CSV behind it for each), from the same "
                     "chart registry the notebooks draw from. With --check, write nothing and "
                     "compare the CSVs already there with the data each chart draws (`make "
                     "run` does this after executing the notebooks)."))
    p.add_argument("--out", metavar="DIR", default=None,
                   help="folder for the charts (default: reports/figures of the project)")
    p.add_argument("--check", action="store_true",
                   help="compare the CSVs in the folder with the charts' data; exit 1 if any "
                        "is missing or differs")
    p.add_argument("--quiet", "-q", action="store_true", help="print nothing on success")
    p.set_defaults(func=run_figures)
    return parser


def main(argv=None) -> int:
    """Run the ``newsresearch`` command line; return the exit status.

    Examples
    --------
    >>> import tempfile
    >>> from newsresearch.paths import SAMPLE_ARTICLE
    >>> main(["analyze", str(SAMPLE_ARTICLE), "--out", tempfile.mkdtemp()])  # doctest: +ELLIPSIS
    newsresearch: analysed 1 of 1 article(s); wrote 6 csv tables to .../
    0
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    from .articles import ArticleError

    try:
        return args.func(args)
    except (UsageError, ArticleError, InputProblem) as exc:
        print(f"newsresearch: error: {_one_line(exc)}", file=sys.stderr)
        return 2 if isinstance(exc, UsageError) else 1
    except KeyboardInterrupt:
        print("newsresearch: interrupted; no partial table was left behind", file=sys.stderr)
        return 130
