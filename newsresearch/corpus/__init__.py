"""Corpora of any size: stream the articles, analyse them in batches on every core (or on a
Dask cluster), and write resumable Parquet parts that pandas, DuckDB, Dask, Polars, Spark and
R read.

* :func:`iter_articles` — read files, folders, JSONL/CSV/Parquet corpora or Python iterables
  lazily (:mod:`~newsresearch.corpus.sources`);
* :func:`analyze_corpus` — batches to worker processes, one Parquet part per table per batch,
  ``manifest.json``, resume (:mod:`~newsresearch.corpus.run`);
* the storage schema of the parts (:mod:`~newsresearch.corpus.schema`), the work of one batch
  (:mod:`~newsresearch.corpus.parts`), the engines (:mod:`~newsresearch.corpus.engines`).

Open the results with :func:`newsresearch.results.open_results`.
"""

from .run import EXPORT_FORMATS, CorpusError, Interrupted, WorkerDied, analyze_corpus
from .sources import MAX_CHARS, InputProblem, Record, iter_articles, iter_records

__all__ = ["iter_articles", "iter_records", "analyze_corpus", "CorpusError", "WorkerDied",
           "Interrupted", "InputProblem", "Record", "MAX_CHARS", "EXPORT_FORMATS"]
