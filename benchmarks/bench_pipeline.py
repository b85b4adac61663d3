"""Benchmark the whole pipeline on real news, one process: articles/s, words/s, per stage.

Run: ``.venv/bin/python benchmarks/bench_pipeline.py [--articles N] [--passes K]``.
Skips cleanly when ``../shared`` is absent. All figures are single-process CPU rates
(``time.process_time``, so other processes on a shared machine disturb them less), the
median of ``--passes`` passes over the articles of ``news_dev.jsonl``; every text is
given a trailing space and the per-sentence sentiment caches are cleared before each pass,
so no cache from an earlier pass can help.

* ``analyze, every table built`` — :func:`newsresearch.analyze` per article, then every
  table of the :class:`~newsresearch.analysis.Analysis` accessed (so its frames are built);
* ``analyze_batch`` — the corpus path: records of many articles, one frame per table per
  batch of 100 (what ``newsresearch analyze`` and ``analyze_corpus`` write);
* per stage — each public function on its own, given the sentences and actors found before
  (the way ``analyze`` hands them on);
* library calls alone — what the pipeline hands NLTK's Punkt (each paragraph), VADER and
  TextBlob's pattern analyzer (each sentence holding an actor mention), replayed through the
  functions newsresearch calls them with (which skip a sentence only when the library's
  answer is provably 0.0); their sum is a floor for ``analyze`` that no change inside
  newsresearch can go below while it keeps these libraries (the Treebank word rules are left
  out: newsresearch applies NLTK's patterns itself, see ``newsresearch/tokens/treebank.py``);
* cold — a fresh interpreter: ``import newsresearch`` and the first article analysed
  (wall-clock time, the wait a user sees); the median of ``--cold-runs`` interpreters, with
  the fastest and slowest, since one start on a shared machine varies by ±0.3 s. The
  interpreters may read and write Python's bytecode caches (``__pycache__``), as every start
  after the first does (``pip install .`` writes them at install time), even when the
  benchmark itself runs with ``PYTHONDONTWRITEBYTECODE`` set: one untimed start writes them.
  Without them each start compiles every newsresearch module from source (0.1–0.3 s more here).

The same script runs against an older checkout (``PYTHONPATH=OLD python
benchmarks/bench_pipeline.py``) for before/after numbers; stages it lacks are skipped.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "corpora" / "news_dev.jsonl"
COLD = """
import time; t0 = time.perf_counter()
import newsresearch as nr
t1 = time.perf_counter()
a = nr.analyze(nr.Article.from_text({text!r}, clean=False)); a.summary()
t2 = time.perf_counter()
print(f"{{t1 - t0:.3f}} {{t2 - t1:.3f}}")
"""


def clear_sentence_caches() -> None:
    """Forget the per-sentence sentiment caches, so that no pass reuses an earlier pass's
    sentences (the trailing space changes only each article's last sentence); word-level
    caches stay warm, as in any long run."""
    import importlib

    for mod in ("newsresearch.sentiment.lexicons", "newsresearch.sentiment"):
        try:
            m = importlib.import_module(mod)
        except ImportError:
            continue
        for name in ("_sentence", "_textblob_polarity"):
            fn = getattr(m, name, None)
            if hasattr(fn, "cache_clear"):
                fn.cache_clear()


def cpu(fn, passes: int) -> float:
    times = []
    for _ in range(passes):
        clear_sentence_caches()
        t0 = time.process_time()
        fn()
        times.append(time.process_time() - t0)
    return statistics.median(times)


def whole(texts, passes):
    import newsresearch as nr
    from newsresearch.analysis import TABLES

    def run():
        for t in texts:
            a = nr.analyze(nr.Article.from_text(t + " ", clean=False))
            for name in TABLES:
                a.summary() if name == "summary" else getattr(a, name)
    return cpu(run, passes)


def batch(texts, passes):
    import newsresearch as nr
    from newsresearch import analysis

    if not hasattr(analysis, "analyze_batch"):
        return None

    def run():
        for i in range(0, len(texts), 100):
            items = [(str(k), nr.Article.from_text(t + " ", clean=False), {})
                     for k, t in enumerate(texts[i:i + 100], start=i)]
            analysis.analyze_batch(items)
    return cpu(run, passes)


def stages(texts, passes) -> dict[str, float]:
    import newsresearch as nr
    from newsresearch.actors import actor_table
    from newsresearch.figures import extract_figures

    texts = [t + " " for t in texts]
    sents = [nr.split_sentences(t) for t in texts]
    actors = [nr.find_actors(t, sentences=s) for t, s in zip(texts, sents, strict=True)]
    mentions = [nr.sentiment_by_mention(t, sentences=s, actors=a)
                for t, s, a in zip(texts, sents, actors, strict=True)]
    jobs = {
        "split_sentences": lambda: [nr.split_sentences(t) for t in texts],
        "tokenize": lambda: [nr.tokenize(t, sentences=s) if _takes(nr.tokenize) else
                             nr.tokenize(t) for t, s in zip(texts, sents, strict=True)],
        "find_actors": lambda: [nr.find_actors(t, sentences=s)
                                for t, s in zip(texts, sents, strict=True)],
        "actor_table": lambda: [actor_table(a) for a in actors],
        "sentiment_by_mention": lambda: [nr.sentiment_by_mention(t, sentences=s, actors=a)
                                         for t, s, a in zip(texts, sents, actors, strict=True)],
        "sentiment_by_actor": lambda: [nr.sentiment_by_actor(t, mentions=m)
                                       for t, m in zip(texts, mentions, strict=True)],
        "extract_quotes": lambda: [nr.extract_quotes(t, sentences=s, actors=a)
                                   for t, s, a in zip(texts, sents, actors, strict=True)],
        "extract_figures": lambda: [extract_figures(t, sentences=s, actors=a)
                                    for t, s, a in zip(texts, sents, actors, strict=True)],
        "text_quality": lambda: [nr.text_quality(t, sentences=s) if _takes(nr.text_quality) else
                                 nr.text_quality(t) for t, s in zip(texts, sents, strict=True)],
    }
    return {name: cpu(fn, passes) for name, fn in jobs.items()}


def library_calls(texts, passes) -> dict[str, float] | None:
    """CPU seconds of the library calls alone, on the inputs the pipeline gives them."""
    import newsresearch as nr

    try:
        from newsresearch.sentiment.lexicons import _textblob_polarity, _vader_compound
        from newsresearch.tokens import sentence_index
        from newsresearch.tokens.sentences import _punkt
    except ImportError:  # an older checkout
        return None
    texts = [t + " " for t in texts]
    paragraphs, mention_sentences = [], []
    for t in texts:
        index = sentence_index(t)
        paragraphs += [t[s:e] for s, e in index.paragraphs]
        actors = nr.find_actors(t, sentences=index)
        spans = {index.covering(s, e) for s, e in zip(actors["start"], actors["end"],
                                                       strict=True)}
        mention_sentences += [t[s:e] for s, e in sorted(spans)]
    punkt, textblob = _punkt(), _textblob_polarity.__wrapped__  # no per-sentence cache
    jobs = {
        "Punkt, each paragraph": lambda: [list(punkt.span_tokenize(p)) for p in paragraphs],
        "VADER, each mention sentence": lambda: [_vader_compound(s) for s in mention_sentences],
        "TextBlob, each mention sentence": lambda: [textblob(s) for s in mention_sentences],
    }
    return {name: cpu(fn, passes) for name, fn in jobs.items()}


def _takes(fn) -> bool:
    import inspect

    return "sentences" in inspect.signature(fn).parameters


def cold(text: str) -> tuple[float, float]:
    """(import, first article) seconds of one fresh interpreter, bytecode caches allowed."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    out = subprocess.run([sys.executable, "-c", COLD.format(text=text)], check=True,
                         capture_output=True, text=True, env=env).stdout.split()
    return float(out[0]), float(out[1])


def cold_runs(text: str, runs: int) -> tuple[float, list[float]]:
    """The median import seconds of ``runs`` fresh interpreters, and their import + first
    article seconds, sorted (after one untimed start that writes the bytecode caches)."""
    cold(text)
    times = [cold(text) for _ in range(runs)]
    return statistics.median(i for i, _ in times), sorted(i + f for i, f in times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=490)
    ap.add_argument("--passes", type=int, default=3)
    ap.add_argument("--cold-runs", type=int, default=7)
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} not found (the shared research data lives beside the checkout)")
        return 0
    import newsresearch as nr

    texts = [json.loads(line)["text"] for line in open(CORPUS, encoding="utf-8")
             if line.strip()][: args.articles]
    n, words = len(texts), sum(len(t.split()) for t in texts)
    nr.analyze(texts[0])  # load word lists and models once
    print(f"newsresearch {nr.__version__} from {Path(nr.__file__).parent}")
    print(f"{n} articles of news_dev, {words:,} words; median CPU time of {args.passes} passes")
    for label, secs in (("analyze, every table built", whole(texts, args.passes)),
                        ("analyze_batch (100 per batch)", batch(texts, args.passes))):
        if secs is not None:
            print(f"  {label:32s} {n / secs:7.1f} articles/s {words / secs:9,.0f} words/s "
                  f"({secs / n * 1000:.2f} ms/article)")
    print("  per stage (sentences and actors given):")
    for name, secs in stages(texts, args.passes).items():
        print(f"    {name:28s} {n / secs:8.1f} articles/s ({secs / n * 1000:.2f} ms/article)")
    floor = library_calls(texts, args.passes)
    if floor is not None:
        print("  library calls alone (the inputs the pipeline gives them):")
        for name, secs in floor.items():
            print(f"    {name:40s} {secs / n * 1000:6.2f} ms/article")
        total = sum(floor.values())
        print(f"    {'together':40s} {total / n * 1000:6.2f} ms/article: at most "
              f"{n / total:.0f} articles/s with nothing else run")
    imp, together = cold_runs(texts[1], args.cold_runs)
    print(f"  cold, median of {args.cold_runs} interpreters: import newsresearch {imp:.2f} s, "
          f"with the first article {statistics.median(together):.2f} s "
          f"({together[0]:.2f}-{together[-1]:.2f}; bar 1.5 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
