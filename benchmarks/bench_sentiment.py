"""Speed and accuracy of newsresearch.sentiment (a plain script, not part of the test run).

Prints: macro-F1 and accuracy of ``target_polarity`` on the NewsMTSC dev slice (bar: >= 0.67),
agreement of the target model, sentence VADER, sentence TextBlob and the majority class with our
hand labels of the sample article (all scored by ``newsresearch.evaluate``),
targets per second of ``target_polarity`` on the dev-slice targets (bar: >= 2,000/s, warm:
lexicons and model loaded, each sentence seen for the first time), and warm milliseconds of
``sentiment_by_actor`` on the sample article (bar: < 100 ms).

Run: ``.venv/bin/python benchmarks/bench_sentiment.py`` (skips the dev-slice parts cleanly
when ../shared is absent).
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

import newsresearch as nr
from newsresearch import sentiment as S
from newsresearch.evaluate import polarity_agreement, sentiment_agreement
from newsresearch.paths import ANNOTATIONS, SAMPLE_ARTICLE

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "eval" / "sentiment" / \
    "newsmtsc_dev_rw_300.jsonl"


def bench_dev() -> None:
    if not DEV.exists():
        print(f"skipped dev-slice benchmark: {DEV} not found")
        return
    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line]
    S.target_polarity("Warm up the lexicons and the model.", 0, 4)
    S._sentence.cache_clear()
    t, c = time.perf_counter(), time.process_time()
    pred = [S.target_polarity(r["sentence"], r["target_start"], r["target_end"]) for r in rows]
    cold_sent, cold_cpu = time.perf_counter() - t, time.process_time() - c
    t = time.perf_counter()
    for r in rows:
        S.target_polarity(r["sentence"], r["target_start"], r["target_end"])
    cached = time.perf_counter() - t
    ev = polarity_agreement([r["polarity"] for r in rows], pred, what="NewsMTSC dev slice")
    print(f"NewsMTSC dev slice: macro-F1 {ev.macro_f1:.4f}  accuracy {ev.agreement:.4f}  "
          f"(n={ev.n}; bar: macro-F1 >= 0.67)")
    print(f"target_polarity: {len(rows) / cold_sent:,.0f} targets/s on new sentences "
          f"(CPU time: {len(rows) / cold_cpu:,.0f}/s), {len(rows) / cached:,.0f} targets/s "
          "with sentences cached (bar: >= 2,000/s)")


def bench_hand_labels() -> None:
    """Agreement with our hand labels of the sample article, beside the majority baseline."""
    evs = sentiment_agreement(nr.read_article(SAMPLE_ARTICLE),
                              ANNOTATIONS / "sample_sentiment.csv")
    print("hand labels of the sample article (data/annotations/sample_sentiment.csv):")
    for name, ev in evs.items():
        print(f"  {name:>8}: agrees on {ev.agree} of {ev.n} mentions = {ev.agreement:.3f} "
              f"(macro-F1 {ev.macro_f1:.3f})")


def bench_article() -> None:
    art = nr.read_article(SAMPLE_ARTICLE)
    try:
        actors = nr.find_actors(art)
    except AttributeError as exc:
        print(f"skipped sentiment_by_actor benchmark: {exc}")
        return
    nr.sentiment_by_actor(art)  # warm: caches of sentences, lexicons, model
    times, cpu, given = [], [], []
    for _ in range(10):
        t, c = time.perf_counter(), time.process_time()
        table = nr.sentiment_by_actor(art)
        times.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
    for _ in range(10):
        t = time.perf_counter()
        nr.sentiment_by_actor(art, actors=actors)
        given.append((time.perf_counter() - t) * 1000)
    print(f"sentiment_by_actor on the sample article ({len(actors)} mentions, "
          f"{len(table)} actors): {statistics.median(times):.1f} ms warm, median of 10, "
          f"find_actors included (CPU time {statistics.median(cpu):.1f} ms); "
          f"{statistics.median(given):.1f} ms with actors given (bar: < 100 ms)")


if __name__ == "__main__":
    bench_dev()
    bench_hand_labels()
    bench_article()
