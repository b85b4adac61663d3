"""Benchmark find_actors: milliseconds per article on the sample article and the shared sets.

Run: ``.venv/bin/python benchmarks/bench_actors.py``. The corpus parts are skipped when
``../shared`` is absent. Every timing is warm (one call first loads resources and compiles
patterns; the cold call is printed too) and is the **median of five passes** of CPU time
(``time.process_time``), because the machine is shared and wall-clock time is noisy.
"find_actors only" passes the ``split_sentences`` frame in, the way ``analyze`` and
``extract_quotes`` do; "with sentence split" lets ``find_actors`` split (``split_sentences``
caches recent texts, so on the sample article this measures the cached split).

Before the speed work of issue "actors: speed and name gaps" (commit 389995b), measured the
same way on the same machine (medians of five passes, find_actors only): news_dev 2.46 ms,
PolNeAR dev30 3.67 ms, sample article 6.40 ms per article.

``actor_table`` is timed side by side with the pandas-groupby version it replaced (kept
below as ``groupby_actor_table``, the code before the package split), on the same frames.
"""

from __future__ import annotations

import json
import statistics
import time

import pandas as pd

from newsresearch import read_article
from newsresearch.actors import ACTOR_TABLE_COLUMNS, actor_table, find_actors
from newsresearch.paths import SAMPLE_ARTICLE, SHARED
from newsresearch.tokens import split_sentences

PASSES = 5
BEFORE_MS = {"sample": 6.40, "news_dev": 2.46, "polnear_dev30": 3.67}


def ms_per_article(texts, sentences=None, *, passes: int = PASSES) -> tuple[float, list[float]]:
    """Return the median and all passes of CPU milliseconds per article over ``texts``."""
    sentences = sentences or [None] * len(texts)
    runs = []
    for _ in range(passes):
        t0 = time.process_time()
        for t, s in zip(texts, sentences, strict=True):
            find_actors(t, sentences=s)
        runs.append(1000 * (time.process_time() - t0) / len(texts))
    return statistics.median(runs), runs


def groupby_actor_table(mentions: pd.DataFrame) -> pd.DataFrame:
    """``actor_table`` before the package split: a pandas groupby per article (for timing)."""
    if mentions.empty:
        return pd.DataFrame(columns=ACTOR_TABLE_COLUMNS)
    rows = []
    for (actor, atype), g in mentions.groupby(["actor", "actor_type"], sort=False):
        surfaces = list(dict.fromkeys(g["surface"]))
        genders = g["gender"].dropna()
        rows.append((actor, atype, len(g), int(g["start"].min()), "; ".join(surfaces),
                     genders.iloc[0] if len(genders) else None))
    out = pd.DataFrame(rows, columns=ACTOR_TABLE_COLUMNS)
    return out.sort_values(["mentions", "first_start"], ascending=[False, True],
                           ignore_index=True)


def table_ms(frames, fn, *, passes: int = PASSES) -> float:
    """Median CPU milliseconds per article of ``fn`` over the mention frames."""
    runs = []
    for _ in range(passes):
        t0 = time.process_time()
        for f in frames:
            fn(f)
        runs.append(1000 * (time.process_time() - t0) / len(frames))
    return statistics.median(runs)


def report(name: str, texts: list[str]) -> None:
    sents = [split_sentences(t) for t in texts]
    ms, runs = ms_per_article(texts, sents)
    ms_split, _ = ms_per_article(texts)
    before = BEFORE_MS.get(name)
    vs = f" (before: {before:.2f} ms, {before / ms:.1f}x faster)" if before else ""
    print(f"{name} ({len(texts)} articles, {sum(map(len, texts)) / len(texts):,.0f} chars "
          f"mean): find_actors only {ms:.2f} ms/article = {1000 / ms:.0f} articles/s{vs}; "
          f"passes {' '.join(f'{r:.2f}' for r in runs)}; with sentence split "
          f"{ms_split:.2f} ms/article")
    frames = [find_actors(t, sentences=s) for t, s in zip(texts, sents, strict=True)]
    same = all(actor_table(f).equals(groupby_actor_table(f)) for f in frames)
    old, new = table_ms(frames, groupby_actor_table), table_ms(frames, actor_table)
    print(f"  actor_table: groupby {old:.3f} ms/article, records {new:.3f} ms/article "
          f"({old / new:.0f}x faster; same tables: {same})")


def read_texts(path) -> list[str]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()]


def main() -> None:
    text = read_article(SAMPLE_ARTICLE).text
    t0 = time.perf_counter()
    find_actors(text)
    print(f"sample article: cold first call {1000 * (time.perf_counter() - t0):.0f} ms")
    report("sample", [text] * 10)
    for name, path in (("news_dev", SHARED / "data" / "corpora" / "news_dev.jsonl"),
                       ("polnear_dev30",
                        SHARED / "data" / "eval" / "quotes" / "polnear_dev30.jsonl")):
        if not path.exists():
            print(f"skipped {name}: {path} not found")
            continue
        report(name, read_texts(path))


if __name__ == "__main__":
    main()
