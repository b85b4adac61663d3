"""The ``newsresearch`` command line: analyse a corpus, write a report, redraw the charts.

Three subcommands, each a thin layer over the library:

* ``analyze`` runs :func:`newsresearch.corpus.analyze_corpus` on everything it is given
  (article files, folders, JSONL/CSV/Parquet corpora) on every core, and writes one Parquet
  part per table per batch plus ``manifest.json`` (``--format csv|jsonl`` also one file per
  table); records that cannot be read or analysed are one line on stderr and one row of the
  ``failures`` table, and never stop the others; ``--resume`` finishes an interrupted run;
* ``report`` writes one self-contained HTML page for one article, or for a corpus run (the
  folder ``analyze`` wrote: the comparisons of notebook 06) (:mod:`newsresearch.report`);
* ``figures`` redraws every chart of the notebooks into ``reports/figures/``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

__all__ = ["main", "build_parser", "ANALYZE_TABLES"]

#: Tables written by ``newsresearch analyze``, each with ``article_id`` first.
ANALYZE_TABLES = ("articles", "sentences", "actors", "actor_sentiment", "quotes", "figures",
                  "failures")

EPILOG = """\
examples:
  newsresearch analyze data/raw/000_08a178f498c347a9.txt --out results/
      analyse one article; writes results/articles/part-000000.parquet, sentences/, actors/,
      actor_sentiment/, quotes/, figures/, failures/, manifest.json and failures.csv
  newsresearch analyze corpus.jsonl.gz my_articles/ --out results/ --format csv
      every line of the corpus plus every .txt/.md/.html/.htm file under my_articles/, on
      every core; also writes results/articles.csv, quotes.csv, ...
  newsresearch analyze corpus.jsonl.gz --out results/ --resume
      finish a run that was interrupted (Ctrl-C, a killed job) without redoing its batches
  newsresearch report data/raw/000_08a178f498c347a9.txt -o report.html
      one HTML page you can open offline: the highlighted article, tables, charts, methods
  newsresearch report results/ -o corpus.html
      one HTML page for a corpus run: who is present, who speaks, sourcing, framing, with
      intervals from a bootstrap over articles
  newsresearch figures
      redraw every chart of the notebooks into reports/figures/ (PNG + the CSV behind it)

Run `newsresearch COMMAND --help` for the options of one command.
"""


class UsageError(Exception):
    """The command line cannot be carried out at all (exit status 2)."""


# --------------------------------------------------------------------------- analyze


def run_analyze(args) -> int:
    from .corpus import CorpusError, Interrupted, WorkerDied, analyze_corpus

    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out must be a folder, but {out} is a file")
    if args.scheduler and args.engine != "dask":
        raise UsageError("--scheduler needs --engine dask")
    if args.workers is not None and args.workers < 1:
        raise UsageError("--workers must be at least 1")
    sources = [Path(p) for p in args.paths]
    try:
        res = analyze_corpus(
            sources if len(sources) > 1 else sources[0], out, workers=args.workers,
            batch_size=args.batch_size, resume=args.resume, engine=args.engine,
            scheduler=args.scheduler, aliases=args.aliases, text_column=args.text_column,
            id_column=args.id_column, max_chars=args.max_chars, format=args.format,
            progress=not args.quiet)
    except Interrupted as exc:
        print(f"newsresearch: interrupted; {exc}", file=sys.stderr)
        return 130
    except WorkerDied as exc:
        print(f"newsresearch: error: {exc}", file=sys.stderr)
        return 1
    except CorpusError as exc:
        raise UsageError(str(exc)) from None
    total = res.manifest["records"]
    counts = res.manifest["counts"]
    ok, failed = counts.get("articles", 0), counts.get("failures", 0)
    see = f" (see {out / 'failures.csv'})"
    if not ok:
        print(f"newsresearch: nothing could be analysed: {total} input(s) failed{see}",
              file=sys.stderr)
        return 1
    files = "" if args.format == "parquet" else f" and one {args.format} file per table"
    print(f"newsresearch: analysed {ok} of {total} article(s)"
          f"{f'; {failed} failed{see}' if failed else ''}; wrote {len(res.table_names)} "
          f"tables as Parquet parts{files} to {out}/")
    return 0


def _read_aliases(path):
    """Read --aliases once (a bad table is a usage error, not one failure per article)."""
    if path is None:
        return None
    from .actors import read_aliases

    try:
        return read_aliases(path)
    except (OSError, ValueError) as exc:
        raise UsageError(f"--aliases: {_one_line(exc)}") from None


def _one_line(exc: Exception) -> str:
    from .analysis import one_line

    return one_line(exc)


# --------------------------------------------------------------------------- report, figures


def run_report(args) -> int:
    from .articles import read_article
    from .report import write_corpus_report, write_report

    path = Path(args.article)
    if path.is_dir():
        from .corpus.run import MANIFEST
        from .results import open_results

        if not (path / MANIFEST).is_file():
            raise UsageError(f"{path} is a folder without corpus results (no {MANIFEST}); "
                             f"write them with: newsresearch analyze CORPUS --out {path}")
        if args.aliases:
            raise UsageError("--aliases applies to an article; a corpus run used the alias "
                             "table it was analysed with")
        out = write_corpus_report(open_results(path), args.output)
        print(f"newsresearch: wrote {out}")
        return 0
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


def _add_analyze(sub) -> None:
    """The ``analyze`` subcommand and its options."""
    p = sub.add_parser(
        "analyze", help="analyse articles or a corpus and write one table per kind",
        description=(
            "Analyse every article given, on every core, and write the tables articles, "
            "sentences, actors, actor_sentiment, quotes, figures and failures (each with an "
            "article_id column first, rows in input order) into DIR as Parquet parts "
            "(DIR/quotes/part-000000.parquet, one per batch), with DIR/manifest.json and "
            "DIR/failures.csv. A record that cannot be read or analysed is one line on stderr "
            "and one row of failures; the rest completes. Ctrl-C (or a killed job) keeps the "
            "finished batches: run the same command with --resume to finish. Open the results "
            "with newsresearch.open_results(DIR). Exit status 0 when at least one article was "
            "analysed, 1 when none could be, 2 for a command line that cannot be carried out, "
            "130 when interrupted."),
        epilog=("examples:\n  newsresearch analyze article.txt --out results/\n"
                "  newsresearch analyze corpus.jsonl.gz folder/ --out results/ --format csv\n"
                "  newsresearch analyze corpus.jsonl.gz --out results/ --resume\n"
                "  newsresearch analyze corpus.parquet --text-column body --out results/ "
                "--engine dask --scheduler tcp://HOST:8786"),
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help=("an article file (.txt, .md, .html, .htm), a folder (searched "
                         "recursively), or a corpus: JSONL (.jsonl, also .jsonl.gz/.bz2/.xz; one "
                         "JSON object per line with \"id\" and \"text\"; optional \"title\", "
                         "\"published\", \"url\"; other fields become articles columns), "
                         ".csv or .parquet with a text column"))
    p.add_argument("--out", "-o", required=True, metavar="DIR",
                   help="folder for the results (created if missing; an earlier finished run's "
                        "tables in it are replaced)")
    p.add_argument("--workers", "-w", type=int, default=None, metavar="N",
                   help="worker processes (default: every core; 1 runs in one process)")
    p.add_argument("--resume", action="store_true",
                   help="finish an interrupted run in DIR without redoing its finished batches "
                        "(refused if the input, the options or the package version differ)")
    p.add_argument("--engine", choices=["processes", "dask"], default="processes",
                   help="processes on this machine (default), or a Dask cluster "
                        "(the optional extra newsresearch[dask], which make installs)")
    p.add_argument("--scheduler", metavar="ADDR", default=None,
                   help="Dask scheduler address (tcp://HOST:8786); without it --engine dask "
                        "starts a local cluster on 127.0.0.1 with one worker per core")
    p.add_argument("--text-column", default="text", metavar="NAME",
                   help="field or column holding the text in JSONL/CSV/Parquet (default: text)")
    p.add_argument("--id-column", default="id", metavar="NAME",
                   help="field or column holding the article id (default: id)")
    p.add_argument("--format", "-f", default="parquet", choices=["parquet", "csv", "jsonl"],
                   help="parquet: the parts only (default); csv or jsonl: also one file per "
                        "table at the end (DIR/quotes.csv), for spreadsheets and small corpora")
    p.add_argument("--batch-size", type=int, default=100, metavar="N",
                   help="articles per batch and per Parquet part (default: 100)")
    p.add_argument("--max-chars", type=int, default=1_000_000, metavar="N",
                   help="refuse articles longer than N characters (default: 1,000,000)")
    p.add_argument("--aliases", metavar="FILE",
                   help="your own actor alias table (CSV: alias, actor, actor_type)")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    p.set_defaults(func=run_analyze)


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

    _add_analyze(sub)

    p = sub.add_parser(
        "report", help="write a self-contained HTML report of one article or of a corpus run",
        description=("Write one HTML file that opens offline. For an article: the article with "
                     "actors, quotes (coloured by speaker) and figures highlighted, the tables, "
                     "the charts (embedded) and a short note on methods and limits. For a "
                     "results folder of `newsresearch analyze`: the comparisons across its "
                     "articles (presence, voice, speaker gender by year, sourcing, framing), "
                     "each as a chart and its table with 95% intervals from a bootstrap over "
                     "articles, and the list of articles."),
        epilog=("examples:\n  newsresearch report article.txt -o report.html\n"
                "  newsresearch report results/ -o corpus.html"),
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("article", metavar="ARTICLE_OR_RESULTS",
                   help="an article file (.txt, .md, .html, .htm), or the --out folder of "
                        "`newsresearch analyze` (a corpus report)")
    p.add_argument("--output", "-o", default="report.html", metavar="FILE",
                   help="the HTML file to write (default: report.html)")
    p.add_argument("--aliases", metavar="FILE",
                   help="your own actor alias table (CSV: alias, actor, actor_type)")
    p.set_defaults(func=run_report)

    p = sub.add_parser(
        "figures", help="redraw every chart of the notebooks into reports/figures/",
        description=("Redraw every chart of the notebooks into reports/figures/ (a PNG and the "
                     "CSV behind it for each): notebooks 01-05 from the sample article, notebook "
                     "06 from the Wikinews corpus (data/processed/wikinews/, analysed first "
                     "when missing), from the same "
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
    newsresearch: analysed 1 of 1 article(s); wrote 7 tables as Parquet parts to .../
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
    except (UsageError, ArticleError) as exc:
        print(f"newsresearch: error: {_one_line(exc)}", file=sys.stderr)
        return 2 if isinstance(exc, UsageError) else 1
    except KeyboardInterrupt:
        print("newsresearch: interrupted; no partial table was left behind", file=sys.stderr)
        return 130
