"""Benchmark speaker gender against the hand annotation of 40 news_dev articles (issue 11).

Run: ``.venv/bin/python benchmarks/bench_actors_gender.py`` (skipped when ``../shared`` is absent).
How the quotes are matched to our actors and what each number means: ``gender_scoring.py``.
Prints the agreement numbers and the table of annotated vs our gender.

Before this work (the actors of commit 6c437a1, run the same way with
``PYTHONPATH=/work/baseline``): right 229/229 = 1.000, unknown 122/351 = 0.348, women's share
11/229 = 0.048 against the annotation's 26/327 = 0.080.

These 40 articles are dev data: while tuning the pronoun rule, the name threshold and the new
person evidence, the numbers of this script and the list of disagreeing speakers were looked at.
"""

from __future__ import annotations

import collections
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gender_scoring import gender_pairs, score  # noqa: E402

from newsresearch.actors import find_actors  # noqa: E402
from newsresearch.paths import SHARED  # noqa: E402


def main() -> None:
    path = SHARED / "data" / "corpora" / "news_dev.jsonl"
    if not path.exists():
        print(f"skipped: {path} not found")
        return
    with open(path, encoding="utf-8") as fh:
        texts = {r["id"]: r["text"] for r in map(json.loads, fh)}
    pairs = gender_pairs(texts, find_actors)
    s = score(pairs)
    print(f"{s['quotes']} quotes with a named person speaker in "
          f"{len({p[0] for p in pairs})} articles")
    print(f"right among those we give a gender: {s['right']}/{s['given']} = "
          f"{s['share_right']:.3f}")
    print(f"unknown: {s['unknown']}/{s['quotes']} = {s['share_unknown']:.3f} "
          f"(the annotation: {s['ann_unknown']}/{s['quotes']} = "
          f"{s['ann_unknown'] / s['quotes']:.3f})")
    print(f"women's share of quotes with a known gender: ours {s['ours_female']}/"
          f"{s['ours_known']} = {s['ours_women_share']:.3f}, annotation {s['ann_female']}/"
          f"{s['ann_known']} = {s['ann_women_share']:.3f}")
    table = collections.Counter((a, o or "none") for _, _, a, o in pairs)
    print("annotation \\ ours   female   male   none")
    for a in ("female", "male", "unknown"):
        print(f"{a:>18} " + "".join(f"{table[(a, o)]:>8}" for o in ("female", "male", "none")))


if __name__ == "__main__":
    main()
