"""Benchmark newsresearch.figures: speed on the news corpus and F1 on the gold sets.

Run: ``.venv/bin/python benchmarks/bench_figures.py``. Prints sentences per second for
``extract_figures`` on ``../shared/data/corpora/news_dev.jsonl`` (single process; best of three runs;
the sentence index and actors computed beforehand and passed in, as ``analyze`` does), then
precision / recall / F1 per level and per kind on the shared dev set and on our own news set
(scored by ``newsresearch.evaluate.score_figures``).
Then the time on 100,000-character adversarial strings against 10,000-character ones (the bar is
12x, held against the median of side-by-side pair ratios; ``--no-adversarial`` skips
it, ``--only-adversarial`` runs only it). Skips cleanly when ``../shared`` is absent.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"


def _sentences(texts):
    """One sentence index per text, as ``analyze`` builds it (a split_sentences frame on code
    older than the SentenceIndex, so that the same script times the baseline too)."""
    from newsresearch.figures import extract_figures
    from newsresearch.tokens import sentence_index

    index = [sentence_index(t) for t in texts]
    try:
        extract_figures(texts[0], sentences=index[0], actors=False)
    except TypeError:
        return [i.frame(t) for i, t in zip(index, texts, strict=True)], sum(map(len, index))
    return index, sum(map(len, index))


def _best_of(runs: int, fn) -> float:
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def speed(texts, *, runs: int = 3) -> None:
    from newsresearch.actors import find_actors
    from newsresearch.figures import extract_figures

    sents, n_sent = _sentences(texts)
    t0 = time.perf_counter()
    actors = [find_actors(t, sentences=s) for t, s in zip(texts, sents, strict=True)]
    dt_actors = time.perf_counter() - t0
    n_fig = sum(len(extract_figures(t, sentences=s, actors=False))
                for t, s in zip(texts, sents, strict=True))
    rows = (("figures only (actors=False)", [False] * len(texts)),
            ("with sources linked to precomputed actors", actors))
    for label, acts in rows:
        dt = _best_of(runs, lambda acts=acts: [
            extract_figures(t, sentences=s, actors=a)
            for t, s, a in zip(texts, sents, acts, strict=True)])
        print(f"speed, {label}: {len(texts)} articles, {n_sent} sentences, {n_fig} figures "
              f"in {dt:.2f} s = {n_sent / dt:,.0f} sentences/s (best of {runs}; bar: 2,000)")
    print(f"(for comparison, find_actors itself: {n_sent / dt_actors:,.0f} sentences/s; "
          "extract_figures computes it only when not given and a figure has a source)")
    dt = _best_of(1, lambda: [extract_figures(t + " ", actors=False) for t in texts[:100]])
    n100 = sum(len(s) for s in sents[:100])
    print(f"speed, including sentence splitting (first 100 articles): "
          f"{n100 / dt:,.0f} sentences/s")


def accuracy(name: str, cases) -> None:
    from newsresearch.evaluate import qualifier_agreement, score_figures
    from newsresearch.figures import extract_figures

    preds = [extract_figures(c["text"], actors=False) for c in cases]
    for level in ("span", "value", "value+unit"):
        r = score_figures(cases, preds, level=level)
        print(f"{name:14s} {level:11s} P={r.precision:.3f} R={r.recall:.3f} "
              f"F1={r.f1:.3f}  (tp {r.tp}, fp {r.fp}, fn {r.fn})")
    # per gold kind: recall at value+unit, plus qualifier accuracy on matched figures
    by_kind = r.by("kind")
    print(f"{name:14s} recall by kind (value+unit): " + ", ".join(
        f"{k} {f}/{g}" for k, f, g in zip(by_kind["kind"], by_kind["found"], by_kind["gold"],
                                          strict=True) if g))
    q = qualifier_agreement(r)
    print(f"{name:14s} qualifier accuracy on matched figures: {q.agree}/{q.n} "
          f"= {q.agreement:.3f}")


# adversarial strings (shared with tests/test_figures.py): each repeated to 10,000 and to
# 100,000 characters
ADVERSARIAL = [(c["unit"], c["name"]) for c in map(
    json.loads, (ROOT / "tests" / "data" / "figures_adversarial.jsonl").open(encoding="utf-8"))]


def adversarial(*, bar: float = 12.0, rounds: int = 7) -> None:
    """Time for 100,000 characters over time for 10,000 (linear is 10x; the bar is 12x).

    The two sizes run side by side, ``rounds`` pairs, the order swapped every round; the ratio
    is taken pair by pair and its median is the figure held against the bar, so that a busy
    moment of the machine (it is shared) moves both runs of a pair alike. The ratio of the two
    best times is printed beside it for comparison: it pits the luckiest short run against the
    luckiest long one, and the short run is the likelier to find a quiet moment.
    """
    import gc
    import statistics

    from newsresearch.figures import extract_figures
    from newsresearch.tokens import sentence_index

    def run(text, index):
        gc.collect()
        gc.disable()  # time our code, not the garbage collector's full sweeps
        try:
            t0 = time.perf_counter()
            extract_figures(text, sentences=index, actors=False)
            return time.perf_counter() - t0
        finally:
            gc.enable()

    worst = 0.0
    for unit, name in ADVERSARIAL:
        small_text = (unit * (10_000 // len(unit) + 1))[:10_000]
        big_text = (unit * (100_000 // len(unit) + 1))[:100_000]
        si, bi = sentence_index(small_text), sentence_index(big_text)
        run(small_text, si)  # warm-up: caches and first-call costs out of the first pair
        pairs = []
        for r in range(rounds):
            if r % 2:
                big = run(big_text, bi)
                small = run(small_text, si)
            else:
                small = run(small_text, si)
                big = run(big_text, bi)
            pairs.append((small, big))
        ratio = statistics.median(b / s for s, b in pairs)
        best_small, best_big = min(s for s, _ in pairs), min(b for _, b in pairs)
        worst = max(worst, ratio)
        print(f"adversarial {name:38s} {best_small * 1000:8.1f} ms -> {best_big * 1000:9.1f} ms "
              f"median pair ratio {ratio:5.1f}x (best/best {best_big / best_small:5.1f}x) "
              f"{'ok' if ratio <= bar else 'OVER ' + str(bar) + 'x'}")
    print(f"adversarial worst median ratio {worst:.1f}x (bar {bar:.0f}x; sentence index given)")


def main() -> int:
    if "--only-adversarial" in sys.argv:  # needs no shared data
        adversarial()
        return 0
    corpus = SHARED / "corpora" / "news_dev.jsonl"
    dev = SHARED / "eval" / "figures" / "figures_dev.jsonl"
    if not corpus.exists() or not dev.exists():
        print(f"skipped: shared research data not found beside the checkout ({SHARED})")
        return 0
    texts = [json.loads(line)["text"] for line in open(corpus, encoding="utf-8") if line.strip()]
    speed(texts)
    from newsresearch.evaluate import read_figure_cases

    accuracy("figures_dev", read_figure_cases(dev))
    accuracy("figures_news", read_figure_cases(ROOT / "tests" / "data" / "figures_news.jsonl"))
    numbers = SHARED / "eval" / "figures" / "figures_dev_numbers.jsonl"
    if numbers.exists():
        accuracy("figures_numbers", read_figure_cases(numbers))
    if "--no-adversarial" not in sys.argv:
        adversarial()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
