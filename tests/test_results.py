"""Tests for newsresearch.results: open_results, tables on first use, DuckDB views, Dask."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import newsresearch as nr
from newsresearch.corpus import analyze_corpus
from newsresearch.corpus.schema import TABLES

TEXTS = [
    {"id": "a", "text": "“We will stay,” said Mayor Jane Doe. The city has 40,000 residents.",
     "outlet": "Daily"},
    {"id": "b", "text": "“No,” said Jane Doe. Officials said 12 people were hurt.",
     "outlet": "Weekly"},
    {"id": "c", "text": "Nothing here.", "outlet": "Daily"},
    {"id": "d", "text": "   "},  # a failure
]


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    out = tmp_path_factory.mktemp("res") / "out"
    return analyze_corpus(TEXTS, out, workers=1, batch_size=2, on_error=lambda *a: None)


def test_tables_on_first_use(results):
    assert results.table_names == TABLES
    assert results.articles["article_id"].tolist() == ["a", "b", "c"]
    assert results.articles["outlet"].tolist() == ["Daily", "Weekly", "Daily"]
    assert results.quotes["speaker"].tolist() == ["Jane Doe", "Jane Doe"]
    assert results.failures[["article_id", "reason"]].values.tolist() == [
        ["d", 'item 4: "text" is empty']]
    assert results.quotes is results.quotes  # read once, then kept
    assert "quotes" in dir(results)
    with pytest.raises(AttributeError):
        results.nonsense  # noqa: B018


def test_sql_by_duckdb_over_every_table(results):
    got = results.sql("select a.outlet, count(*) as quotes from quotes q "
                      "join articles a using (article_id) group by 1 order by 1")
    assert got.values.tolist() == [["Daily", 1], ["Weekly", 1]]
    for name in TABLES:
        n = results.sql(f"select count(*) as n from {name}")["n"].iloc[0]
        assert n == len(results.table(name)), name


def test_to_dask_reads_the_parts_as_one_dataset(results):
    pytest.importorskip("dask.dataframe")
    df = results.to_dask("figures").compute()
    assert df["surface"].tolist() == results.figures["surface"].tolist() == ["40,000", "12"]


def test_open_results_of_a_folder_and_its_manifest(results):
    again = nr.open_results(results.path)
    assert again.complete
    m = again.manifest
    assert m["version"] == nr.__version__ and m["records"] == 4 and m["batches"] == 2
    assert m["counts"]["articles"] == 3 and m["counts"]["failures"] == 1
    assert m["options"]["batch_size"] == 2
    assert "3 articles" in repr(again) and "1 failures" in repr(again)


def test_an_unfinished_run_opens_with_a_warning(results, tmp_path):
    import shutil

    out = tmp_path / "copy"
    shutil.copytree(results.path, out)
    m = json.loads((out / "manifest.json").read_text())
    m["complete"] = False
    del m["finished"]["1"]
    (out / "manifest.json").write_text(json.dumps(m))
    with pytest.warns(UserWarning, match=r"unfinished run, 2 of 4 articles so far"):
        res = nr.open_results(out)
    assert res.articles["article_id"].tolist() == ["a", "b"]  # finished batches only
    assert res.sql("select count(*) as n from articles")["n"].iloc[0] == 2


def test_no_results_is_one_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"no corpus results in .* \(no manifest.json\)"):
        nr.open_results(tmp_path)


def test_a_run_without_articles_still_has_typed_empty_tables(tmp_path):
    res = analyze_corpus([{"text": ""}], tmp_path / "o", workers=1, on_error=lambda *a: None)
    assert len(res.articles) == 0 and len(res.failures) == 1
    assert res.sql("select count(*) as n from quotes")["n"].iloc[0] == 0
    assert list(res.quotes.columns[:2]) == ["article_id", "quote_id"]


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_exports_hold_the_same_rows(results, tmp_path, fmt):
    out = tmp_path / "o"
    res = analyze_corpus(TEXTS, out, workers=1, batch_size=2, format=fmt,
                         on_error=lambda *a: None)
    for name in TABLES:
        path = out / f"{name}.{fmt}"
        got = (pd.read_csv(path) if fmt == "csv"
               else pd.read_json(path, lines=True) if path.stat().st_size else pd.DataFrame())
        assert len(got) == len(res.table(name)), name
    quotes = (pd.read_csv if fmt == "csv" else lambda p: pd.read_json(p, lines=True))(
        out / f"quotes.{fmt}")
    assert quotes["quote"].tolist() == res.quotes["quote"].tolist() == ["We will stay,", "No,"]
