"""Benchmark find_actors: articles per second on the sample article and the shared dev corpus.

Run: ``.venv/bin/python benchmarks/bench_actors.py``. The corpus part is skipped when
``../shared`` is absent. Timings are warm (one call first to load resources and compile
patterns); the first, cold call is printed too.
"""

from __future__ import annotations

import json
import time

from newsresearch import read_article
from newsresearch.actors import find_actors
from newsresearch.paths import SAMPLE_ARTICLE, SHARED
from newsresearch.tokens import split_sentences


def rate(texts, *, repeat: int = 1) -> tuple[float, float]:
    """Return (articles per second, milliseconds per article) over ``texts``."""
    t0 = time.perf_counter()
    for _ in range(repeat):
        for t in texts:
            find_actors(t)
    dt = time.perf_counter() - t0
    n = len(texts) * repeat
    return n / dt, 1000 * dt / n


def main() -> None:
    text = read_article(SAMPLE_ARTICLE).text
    t0 = time.perf_counter()
    find_actors(text)
    cold = time.perf_counter() - t0
    per_s, ms = rate([text], repeat=50)
    sents = split_sentences(text)
    t0 = time.perf_counter()
    for _ in range(50):
        find_actors(text, sentences=sents)
    ms_given = 1000 * (time.perf_counter() - t0) / 50
    print(f"sample article ({len(text):,} chars): cold {1000 * cold:.0f} ms; warm "
          f"{ms:.1f} ms/article = {per_s:.0f} articles/s; with sentences given {ms_given:.1f} ms")
    corpus = SHARED / "data" / "corpora" / "news_dev.jsonl"
    if not corpus.exists():
        print(f"skipped corpus benchmark: {corpus} not found")
        return
    with open(corpus, encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh if line.strip()]
    # split_sentences caches recent texts; a cold pass first measures the full pipeline
    per_s, ms = rate(texts)
    chars = sum(map(len, texts))
    print(f"news_dev.jsonl ({len(texts)} articles, {chars / len(texts):,.0f} chars mean): "
          f"{ms:.1f} ms/article = {per_s:.0f} articles/s (sentence splitting included)")


if __name__ == "__main__":
    main()
