"""Open the results of a corpus run: tables as pandas, SQL by DuckDB, Dask for the large ones.

``open_results(out)`` reads ``out/manifest.json`` (written by
:func:`~newsresearch.corpus.analyze_corpus` and ``newsresearch analyze``) and returns a
:class:`Results`. Each table is read from its Parquet parts the first time it is used;
``results.sql(...)`` runs a query by DuckDB directly over the parts, so a question about a
100,000-article corpus never loads the corpus into pandas.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path

__all__ = ["open_results", "Results"]


def open_results(out) -> Results:
    """Open the results folder of a corpus run.

    Parameters
    ----------
    out : str or Path
        The ``out`` folder of :func:`~newsresearch.corpus.analyze_corpus` (or ``--out`` of
        ``newsresearch analyze``).

    Returns
    -------
    Results
        Tables as attributes (``results.quotes``, loaded on first use), ``sql()``,
        ``to_dask()``, ``parts()`` and the run's ``manifest``. An unfinished run opens with a
        warning and holds the batches finished so far.

    Examples
    --------
    >>> import tempfile
    >>> from newsresearch.corpus import analyze_corpus
    >>> out = tempfile.mkdtemp()
    >>> _ = analyze_corpus(["“Yes,” said Jane Doe.", "“No,” said Jane Doe."], out,
    ...                    workers=1)
    >>> res = open_results(out)
    >>> res.sql("select speaker, count(*) as n from quotes group by speaker").values.tolist()
    [['Jane Doe', 2]]
    """
    return Results(out)


class Results:
    """The tables of one corpus run (see :func:`open_results`).

    Attributes
    ----------
    path : Path
        The results folder.
    manifest : dict
        ``out/manifest.json``: package version, options, inputs, counts, finished batches.
    articles, sentences, actors, actor_sentiment, quotes, figures, failures : DataFrame
        Each table (``article_id`` first, rows in input order), read on first use.
    """

    def __init__(self, out):
        from .corpus.run import MANIFEST

        self.path = Path(out)
        mpath = self.path / MANIFEST
        if not mpath.is_file():
            raise FileNotFoundError(f"no corpus results in {self.path} (no {MANIFEST}); "
                                    "write them with newsresearch analyze ... --out FOLDER")
        self.manifest = json.loads(mpath.read_text(encoding="utf-8"))
        self._frames: dict = {}
        self._con = None
        if not self.manifest.get("complete"):
            done = sum(b["records"] for b in self.manifest["finished"].values())
            warnings.warn(f"{self.path}: unfinished run, {done} of "
                          f"{self.manifest['records']} articles so far; run again with "
                          "--resume to finish it", stacklevel=3)

    @property
    def table_names(self) -> tuple[str, ...]:
        """The tables of the run, in the order of the data dictionary."""
        return tuple(self.manifest["tables"])

    @property
    def complete(self) -> bool:
        """True when every batch of the run is finished."""
        return bool(self.manifest.get("complete"))

    def parts(self, name: str) -> list[Path]:
        """The Parquet parts of table ``name`` for the finished batches, in input order."""
        from .corpus.parts import part_path

        self._check(name)
        batches = sorted(int(b) for b in self.manifest["finished"])
        return [part_path(self.path, name, b) for b in batches]

    def columns(self, name: str) -> list[tuple[str, str]]:
        """``(column, storage type)`` of table ``name`` (see :mod:`newsresearch.corpus.schema`)."""
        from .corpus.schema import table_columns

        self._check(name)
        return table_columns(name, self.manifest.get("extras", []))

    def table(self, name: str):
        """Return table ``name`` as one pandas DataFrame (read once, then kept)."""
        if name not in self._frames:
            import pandas as pd

            frames = list(self.iter_parts(name))
            self._frames[name] = (pd.concat(frames, ignore_index=True) if len(frames) > 1
                                  else frames[0] if frames else self._empty(name))
        return self._frames[name]

    def iter_parts(self, name: str):
        """Yield table ``name`` one part (one batch) at a time, as DataFrames."""
        import pyarrow.parquet as pq

        from .corpus.schema import to_pandas

        cols = self.columns(name)
        for p in self.parts(name):
            t = pq.read_table(p)
            yield to_pandas(t, [c for c in cols if c[0] in t.column_names] + [
                (c, "string") for c in t.column_names if c not in dict(cols)])

    def _empty(self, name: str):
        from .corpus.schema import arrow_schema, to_pandas

        cols = self.columns(name)
        return to_pandas(arrow_schema(cols).empty_table(), cols)

    def sql(self, query: str):
        """Run a SQL query by DuckDB over the Parquet parts; return a pandas DataFrame.

        The tables are views named ``articles``, ``sentences``, ``actors``,
        ``actor_sentiment``, ``quotes``, ``figures`` and ``failures``.

        Examples
        --------
        >>> import tempfile
        >>> from newsresearch.corpus import analyze_corpus
        >>> res = analyze_corpus(["The city has 40,000 residents."], tempfile.mkdtemp(),
        ...                      workers=1)
        >>> res.sql("select surface, kind from figures").values.tolist()
        [['40,000', 'count']]
        """
        return self.connection().sql(query).df()

    def connection(self):
        """The DuckDB connection with one view per table (made on first use)."""
        if self._con is None:
            import duckdb

            con = duckdb.connect()
            for name in self.table_names:
                files = [str(p) for p in self.parts(name)]
                if files:
                    listed = ", ".join("'" + f.replace("'", "''") + "'" for f in files)
                    con.execute(f'create view "{name}" as select * from read_parquet([{listed}])')
                else:
                    from .corpus.schema import arrow_schema

                    con.register(f"_empty_{name}", arrow_schema(self.columns(name)).empty_table())
                    con.execute(f'create view "{name}" as select * from "_empty_{name}"')
            self._con = con
        return self._con

    def to_dask(self, name: str):
        """Return table ``name`` as a Dask DataFrame over its parts (``newsresearch[dask]``)."""
        try:
            import dask.dataframe as dd
        except ImportError:
            raise ImportError("to_dask needs Dask, the optional extra newsresearch[dask] (make installs it)") from None
        return dd.read_parquet([str(p) for p in self.parts(name)])

    def _check(self, name: str) -> None:
        if name not in self.table_names:
            raise KeyError(f"no table {name!r}; tables: {', '.join(self.table_names)}")

    def __getattr__(self, name: str):
        if name.startswith("_") or name not in self.__dict__.get("manifest", {}).get(
                "tables", ()):
            raise AttributeError(name)
        return self.table(name)

    def __dir__(self):
        return sorted(set(super().__dir__()) | set(self.table_names))

    def __repr__(self) -> str:
        m = self.manifest
        done = sum(b["records"] for b in m["finished"].values())
        counts = _counts(m)
        state = "" if self.complete else f", unfinished: {done} of {m['records']} records"
        return (f"Results({str(self.path)!r}: {counts.get('articles', 0)} articles, "
                f"{counts.get('quotes', 0)} quotes, {counts.get('figures', 0)} figures, "
                f"{counts.get('failures', 0)} failures{state})")


def _counts(manifest: dict) -> dict:
    totals: dict = {}
    for b in manifest["finished"].values():
        for name, n in b["rows"].items():
            totals[name] = totals.get(name, 0) + n
    return totals
