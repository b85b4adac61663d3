"""Benchmark the corpus engine: scaling with workers, flat memory, linear time, and spaCy.

Run: ``.venv/bin/python benchmarks/bench_corpus.py`` (about 10 minutes on 2 cores; ``--quick``
for a smoke run with smaller corpora). Needs ``../shared/data/corpora/news_dev.jsonl``; the
spaCy comparison needs the benchmark venv (``make bench-venv``) and is skipped without it.

1. **Workers**: articles/s of ``analyze_corpus`` with 1 and 2 workers on news_dev replicated
   to ~1,000 articles (new ids), wall clock from the JSONL file to the Parquet parts, median
   of alternating runs (1, 2, 1, 2, …). Bar: 2 workers ≥ 1.8× one.
2. **Memory**: peak RSS of the whole process tree (the ``newsresearch analyze`` process and
   its workers, summed, sampled every 50 ms) for 1,000 and 10,000 articles (news_dev
   replicated with new ids), 2 workers. Bar: 10,000 ≤ 1.25× 1,000.
3. **Linear time**: seconds per 1,000 words when the same articles are analysed one by one,
   concatenated four at a time and sixteen at a time (one process). Flat means linear.
4. **spaCy**: the same articles through spaCy ``en_core_web_sm`` + textacy
   ``direct_quotations`` (``benchmarks/spacy_quotes.py`` in the benchmark venv) and through
   ``analyze_corpus(workers=1)``, one process each, alternately, measured in this run; the
   ratio of articles/s. Bar: newsresearch ≥ 12×. (The two do different work: spaCy parses
   and tags, newsresearch finds actors, sentiment, quotes with speakers and figures.)

The machine is shared: the load average is printed at the start; rates are medians.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsresearch.paths import PROJ_ROOT, SHARED

NEWS_DEV = SHARED / "data" / "corpora" / "news_dev.jsonl"
BENCH_PY = PROJ_ROOT / ".venv-bench" / "bin" / "python"


def replicate(records: list[dict], n: int, path: Path) -> Path:
    """Write ``n`` records cycling over ``records``, each copy with a new id."""
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            rec = dict(records[i % len(records)])
            rec["id"] = f"{rec['id']}#{i // len(records)}"
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path


def _cpu_seconds() -> float:
    """CPU seconds used so far by this process and its finished children."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(
        resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def run_corpus(path: Path, workers: int, *, batch_size: int = 50) -> tuple[float, float]:
    """Articles/s of one whole analyze_corpus run (wall clock), and the cores it kept busy."""
    from bench_pipeline import clear_sentence_caches  # beside this file

    from newsresearch.corpus import analyze_corpus

    clear_sentence_caches()  # workers=1 runs here: no round may reuse an earlier one's sentences
    with tempfile.TemporaryDirectory() as out:
        cpu, t0 = _cpu_seconds(), time.perf_counter()
        res = analyze_corpus(path, out, workers=workers, batch_size=batch_size)
        seconds = time.perf_counter() - t0
        assert res.manifest["counts"]["failures"] == 0
        return res.manifest["records"] / seconds, (_cpu_seconds() - cpu) / seconds


def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


def machine_scaling(n: int = 6_000_000) -> float:
    """How much faster 2 processes finish twice the pure-Python work of 1, on this machine now
    (2.0 on two idle cores; less when other programs share them)."""
    import multiprocessing as mp

    with mp.get_context("fork" if sys.platform.startswith("linux") else "spawn").Pool(2) as pool:
        pool.map(_spin, [1000, 1000])  # start the workers first
        t0 = time.perf_counter()
        pool.apply(_spin, (n,))
        one = time.perf_counter() - t0
        t0 = time.perf_counter()
        pool.map(_spin, [n, n], chunksize=1)
        two = time.perf_counter() - t0
    return 2 * one / two


def bench_workers(records, tmp: Path, *, n: int, rounds: int) -> None:
    path = replicate(records, n, tmp / "workers.jsonl")
    rates, cores = {1: [], 2: []}, {1: [], 2: []}
    for _ in range(rounds):
        for w in (1, 2):
            rate, busy = run_corpus(path, w)
            rates[w].append(rate)
            cores[w].append(busy)
    one, two = statistics.median(rates[1]), statistics.median(rates[2])
    ceiling = statistics.median(machine_scaling() for _ in range(3))
    ratios = [b / a for a, b in zip(rates[1], rates[2], strict=True)]
    print(f"1. workers ({n} articles, {rounds} rounds): 1 worker {one:.1f} articles/s, "
          f"2 workers {two:.1f} articles/s -> {two / one:.2f}x (pairs: "
          f"{' '.join(f'{r:.2f}' for r in ratios)}; bar >= 1.8x). Cores kept busy (CPU s / "
          f"wall s): 1 worker {statistics.median(cores[1]):.2f}, 2 workers "
          f"{statistics.median(cores[2]):.2f} (below 2 means the machine's other load took "
          f"the rest); the machine's own scaling for pure-Python work, 2 processes vs 1: "
          f"{ceiling:.2f}x")


def peak_rss(path: Path, workers: int) -> tuple[float, float]:
    """Peak summed RSS (MB) of the analyze process tree, and its wall seconds."""
    import psutil

    with tempfile.TemporaryDirectory() as out:
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "newsresearch", "analyze", str(path),
                                 "--out", out, "--workers", str(workers), "-q"],
                                stdout=subprocess.DEVNULL)
        root = psutil.Process(proc.pid)
        peak = 0
        while proc.poll() is None:
            try:
                tree = [root, *root.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
            except psutil.Error:
                pass
            time.sleep(0.05)
        assert proc.returncode == 0, proc.returncode
        return peak / 2**20, time.perf_counter() - t0


def bench_memory(records, tmp: Path, *, sizes: tuple[int, int]) -> None:
    small, large = sizes
    (mb_s, s_s), (mb_l, s_l) = (peak_rss(replicate(records, n, tmp / f"mem{n}.jsonl"), 2)
                                for n in (small, large))
    print(f"2. memory (2 workers, whole process tree): {small:,} articles {mb_s:.0f} MB peak "
          f"({small / s_s:.1f} articles/s), {large:,} articles {mb_l:.0f} MB peak "
          f"({large / s_l:.1f} articles/s) -> {mb_l / mb_s:.2f}x (bar <= 1.25x)")


def bench_linear(records, *, base: int) -> None:
    from newsresearch.analysis import analyze_batch
    from newsresearch.articles import Article

    texts = [r["text"] for r in records[:base]]
    words = sum(len(t.split()) for t in texts)
    analyze_batch([("warm", Article.from_text(texts[0]), {})])
    line = []
    for k in (1, 4, 16):
        joined = ["\n\n".join(texts[i:i + k]) for i in range(0, len(texts), k)]
        items = [(str(i), Article.from_text(t), {}) for i, t in enumerate(joined)]
        t0 = time.process_time()
        analyze_batch(items)
        per_kword = 1000 * (time.process_time() - t0) / words
        line.append(f"{k}x: {per_kword * 1000:.1f} ms per 1,000 words "
                    f"({len(items)} articles of ~{words // len(items):,} words)")
    print(f"3. linear time (one process, CPU time, {base} articles, {words:,} words): "
          + "; ".join(line))


def bench_spacy(records, tmp: Path, *, n: int, rounds: int) -> None:
    if not BENCH_PY.exists():
        print(f"4. spaCy: skipped ({BENCH_PY} missing; run `make bench-venv`)")
        return
    path = tmp / "spacy.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for r in records[:n]:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    # one core each: no BLAS/OpenMP thread pools for spaCy's matrix products either
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1",
           "MKL_NUM_THREADS": "1"}
    ours, theirs, quotes = [], [], 0
    # warm up, like the other side: word lists and models are loaded on first use
    from newsresearch import Article
    from newsresearch.analysis import analyze_batch

    analyze_batch([("warm-up", Article.from_text(records[0]["text"]), {})])
    for _ in range(rounds):
        ours.append(run_corpus(path, 1, batch_size=100)[0])
        out = subprocess.run([str(BENCH_PY), str(PROJ_ROOT / "benchmarks" / "spacy_quotes.py"),
                              str(path)], capture_output=True, text=True, check=True, env=env)
        got = json.loads(out.stdout.strip().splitlines()[-1])
        theirs.append(got["articles"] / got["seconds"])
        quotes = got["quotes"]
    ratios = [a / b for a, b in zip(ours, theirs, strict=True)]
    print(f"4. spaCy en_core_web_sm + textacy direct_quotations ({n} news_dev articles, one "
          f"process and one thread each, {rounds} rounds): newsresearch "
          f"{statistics.median(ours):.1f} articles/s, spaCy+textacy "
          f"{statistics.median(theirs):.1f} articles/s ({quotes} direct quotations) -> "
          f"{statistics.median(ratios):.2f}x (pairs: {' '.join(f'{r:.2f}' for r in ratios)}; "
          "bar >= 12x)")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small corpora (a smoke run)")
    parser.add_argument("--only", type=int, choices=[1, 2, 3, 4], action="append",
                        help="run only these parts")
    args = parser.parse_args(argv)
    if not NEWS_DEV.exists():
        print(f"skipped: {NEWS_DEV} not found (the shared research data lives beside the "
              "checkout)")
        return
    with open(NEWS_DEV, encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    q = args.quick
    parts = set(args.only or (1, 2, 3, 4))
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; "
          f"{os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if 1 in parts:
            bench_workers(records, tmp, n=200 if q else 980, rounds=1 if q else 3)
        if 2 in parts:
            bench_memory(records, tmp, sizes=(200, 1000) if q else (1000, 10_000))
        if 3 in parts:
            bench_linear(records, base=32 if q else 96)
        if 4 in parts:
            bench_spacy(records, tmp, n=50 if q else 200, rounds=1 if q else 3)


if __name__ == "__main__":
    main()
