"""Whole corpus runs on real news: the same tables for any workers, batch size and engine, and
after a run killed part-way is resumed. (Slow: several runs over ../shared news_dev.)"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pandas as pd
import pytest
from conftest import shared_path

from newsresearch.corpus import analyze_corpus
from newsresearch.results import open_results

pytestmark = pytest.mark.slow


def assert_same_tables(a, b, *, skip_columns=()):
    assert a.table_names == b.table_names
    for name in a.table_names:
        left, right = a.table(name), b.table(name)
        assert len(left) == len(right), name
        cols = [c for c in left.columns if c not in skip_columns]
        pd.testing.assert_frame_equal(left[cols], right[cols], obj=name)


@pytest.fixture(scope="module")
def news_dev():
    return shared_path("corpora", "news_dev.jsonl")


@pytest.fixture(scope="module")
def subset(news_dev, tmp_path_factory):
    """The first 160 articles of news_dev as a corpus of its own."""
    path = tmp_path_factory.mktemp("subset") / "subset.jsonl"
    lines = news_dev.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[:160]), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def uninterrupted(subset, tmp_path_factory):
    """The subset analysed in one process, in batches of 64."""
    return analyze_corpus(subset, tmp_path_factory.mktemp("one") / "out", workers=1,
                          batch_size=64)


def test_processes_and_dask_give_the_same_tables_on_news_dev(news_dev, tmp_path):
    pytest.importorskip("distributed")
    procs = analyze_corpus(news_dev, tmp_path / "processes", workers=2, batch_size=100)
    dask = analyze_corpus(news_dev, tmp_path / "dask", workers=2, batch_size=100,
                          engine="dask")  # a LocalCluster of 2 worker processes on 127.0.0.1
    assert procs.manifest["counts"]["articles"] == 490
    assert dask.manifest["counts"] == procs.manifest["counts"]
    assert_same_tables(procs, dask)
    # the tables come in input order
    want = [json.loads(line)["id"] for line in news_dev.read_text(encoding="utf-8").splitlines()]
    assert procs.articles["article_id"].tolist() == want
    assert procs.quotes["article_id"].drop_duplicates().tolist() == [
        a for a in want if a in set(procs.quotes["article_id"])]
    # Dask reads the parts as one dataset
    assert len(dask.to_dask("quotes").compute()) == len(procs.quotes)


def _wait_for_batches(out, proc, n: int, timeout: float = 240) -> dict:
    """Poll the run's manifest until ``n`` batches are finished; return the manifest."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, "the run ended before it could be interrupted"
        try:
            m = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
            if len(m["finished"]) >= n:
                return m
        except (FileNotFoundError, ValueError):
            pass
        time.sleep(0.05)
    raise AssertionError(f"no {n} finished batches after {timeout} s")


def _start(args, out):
    return subprocess.Popen([sys.executable, "-m", "newsresearch", "analyze", *map(str, args),
                             "--out", str(out)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)


def test_resume_after_sigkill_equals_an_uninterrupted_run(subset, uninterrupted, tmp_path):
    out = tmp_path / "killed"
    proc = _start([subset, "--workers", "2", "--batch-size", "20", "-q"], out)
    _wait_for_batches(out, proc, 2)
    os.killpg(proc.pid, signal.SIGKILL)  # the whole job: planner and workers, no clean-up
    proc.communicate(timeout=60)
    m = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert not m["complete"] and 2 <= len(m["finished"]) < 8
    res = analyze_corpus(subset, out, workers=2, batch_size=20, resume=True)
    assert res.complete
    # workers 2 vs 1, batches of 20 vs 64, killed and resumed vs uninterrupted
    assert_same_tables(res, uninterrupted)
    leftovers = [p for p in out.rglob(".*") if p.is_file()]
    assert not leftovers, leftovers


@pytest.mark.parametrize("signum", [
    pytest.param(signal.SIGINT, id="Ctrl-C"),
    pytest.param(signal.SIGTERM, id="SIGTERM"),
])
def test_interrupted_run_says_how_far_it_got_and_resumes(subset, uninterrupted, tmp_path,
                                                         signum):
    out = tmp_path / "stopped"
    proc = _start([subset, "--workers", "2", "--batch-size", "10", "-q"], out)
    _wait_for_batches(out, proc, 1)
    if signum == signal.SIGINT:
        os.killpg(proc.pid, signum)  # a terminal's Ctrl-C reaches the whole process group
    else:
        proc.send_signal(signum)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    m = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    done = sum(b["records"] for b in m["finished"].values())
    assert err.strip().splitlines()[-1] == (
        f"newsresearch: interrupted; wrote {done} of 160 articles; run again with --resume")
    assert "Traceback" not in err
    again = _start([subset, "--workers", "2", "--batch-size", "10", "-q", "--resume"], out)
    stdout, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    assert "analysed 160 of 160 article(s)" in stdout
    assert_same_tables(open_results(out), uninterrupted)


def test_no_record_is_lost_across_news_dev_and_the_saved_pages(news_dev, tmp_path):
    pages = sorted(shared_path("corpora", "html").glob("*.html"))
    assert len(pages) == 20
    n_lines = len(news_dev.read_text(encoding="utf-8").splitlines())
    assert n_lines == 490
    res = analyze_corpus([news_dev, *pages], tmp_path / "out", workers=2, batch_size=64)
    articles, failures = res.articles, res.failures
    assert res.manifest["records"] == 490 + 20
    assert len(articles) + len(failures) == 490 + 20
    assert not set(articles["article_id"]) & set(failures["article_id"])
    # each saved page is one article, named by its file (with ~2 where news_dev has that id:
    # the saved pages are the raw HTML of some news_dev articles)
    ids = {json.loads(line)["id"] for line in news_dev.read_text(encoding="utf-8").splitlines()}
    page_rows = articles[articles["input"].str.endswith(".html")]
    assert sorted(page_rows["article_id"]) == sorted(
        p.stem + "~2" if p.stem in ids else p.stem for p in pages)
    assert (page_rows["words"] > 50).all()
