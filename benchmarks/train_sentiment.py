"""Fit the target-sentiment model shipped as ``newsresearch/resources/sentiment_model.json.gz``.

Reproducible: fixed seeds, deterministic solver. Settings (window size, whether the words of
the whole sentence are added, regularisation, class weights) are chosen by 5-fold
cross-validation on the NewsMTSC *training* split, grouped by sentence so that two targets of
one sentence never sit on both sides of a fold. The dev slice is never used here.

Run (from the repository root; needs ../shared and scikit-learn, a development dependency)::

    .venv/bin/python benchmarks/train_sentiment.py            # full grid, writes the model
    .venv/bin/python benchmarks/train_sentiment.py --quick    # only the chosen setting
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
TRAIN = ROOT.parent / "shared" / "data" / "eval" / "sentiment" / "newsmtsc_train.jsonl"
OUT = ROOT / "newsresearch" / "resources" / "sentiment_model.json.gz"

GRID = {
    "window": [4, 6, 10],
    "sentence_words": [False, True],
    "C": [0.05, 0.15, 0.5],
    "class_weight": [None, "balanced"],
    "dense_weight": [1.0],
}
# Tried afterwards, also by cross-validation on the training split, and not better than the
# setting this grid picks (window 10, sentence words, C 0.05, no class weights; CV macro-F1
# 0.665): C 0.02 (0.656), dense features weighted x3 (0.661), word indicators scaled to unit
# length per row with C 0.3-3 (0.640-0.664 on the first two folds; stopped there),
# left/right-tagged sentence words (0.663 at window 6), sentence bigrams (0.662), and
# pronoun coreferences of the targets (``coref_spans``) as extra training targets (0.661).
# A second round (same folds, window 10, sentence words; mean ± sd over the 5 folds) found
# nothing that clears the shipped setting by more than its fold noise, so the model is
# unchanged: NB-weighted word features (Wang & Manning 2012: each word column scaled by the
# largest per-class |log-count ratio|, fitted inside each fold) 0.659 ± 0.007 at C 0.02,
# 0.669 ± 0.007 at C 0.05, 0.667 ± 0.006 at C 0.15; one-vs-rest NB-LR with per-class ratios
# 0.663 ± 0.004 (C 0.05) and 0.667 ± 0.005 (C 0.15); window words weighted by distance
# (min(1, 3/d)) 0.664 ± 0.003; lexicon words also as sign-class tokens (<pos>/<neg>, with
# their bigrams) 0.664 ± 0.007, and with NB weighting 0.668 ± 0.008; per-class logit offsets
# chosen on the other folds' out-of-fold predictions 0.662 ± 0.004; an average with a
# lexicon-only model (dense features alone: 0.600 ± 0.007), weight chosen on the other folds,
# always picked weight 0 (0.665). Over three CV seeds (15 folds) the shipped setting averages
# 0.660 ± 0.008, NB weighting at C 0.05 0.667 ± 0.010, and NB weighting plus logit offsets
# 0.669 ± 0.011: a paired gain of 0.009 ± 0.009 per fold (13 of 15 folds better), which is
# not larger than its fold noise, so it was not shipped and the dev slice was not consulted.
MIN_COUNT = 2
SEED = 0


def load(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def featurize(records, window: int, sentence_words: bool):
    from newsresearch.sentiment import _features, _sentence

    dense, terms = [], []
    for r in records:
        d, t = _features(_sentence(r["sentence"]), r["target_start"], r["target_end"],
                         window, sentence_words)
        dense.append(d)
        terms.append(t)
    return np.array(dense, dtype=float), terms


def design(dense, terms, vocab, mean, scale, dense_weight=1.0):
    """Standardised dense features (times ``dense_weight``, i.e. less penalised) + word indicators."""
    from scipy import sparse

    rows, cols = [], []
    for i, ts in enumerate(terms):
        for j in {vocab[t] for t in ts if t in vocab}:
            rows.append(i)
            cols.append(j)
    bow = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(terms), len(vocab)))
    scaled = (dense - mean) / scale * dense_weight
    return sparse.hstack([sparse.csr_matrix(scaled), bow]).tocsr()


def build_vocab(terms) -> dict[str, int]:
    counts = Counter(t for ts in terms for t in set(ts))
    kept = sorted(t for t, c in counts.items() if c >= MIN_COUNT)
    return {t: i for i, t in enumerate(kept)}


def fit(X, y, C, class_weight):
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=C, class_weight=class_weight, max_iter=3000, tol=1e-5,
                               random_state=SEED)
    return model.fit(X, y)


def cross_validate(records, y, groups, window, sentence_words, settings):
    """Mean macro-F1 over 5 grouped folds per (C, class_weight, dense_weight); vocab per fold."""
    from sklearn.metrics import f1_score
    from sklearn.model_selection import StratifiedGroupKFold

    dense, terms = featurize(records, window, sentence_words)
    folds = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
    scores = {s: [] for s in settings}
    for train, test in folds.split(dense, y, groups):
        vocab = build_vocab([terms[i] for i in train])
        mean = dense[train].mean(0)
        scale = dense[train].std(0) + 1e-9
        for dw in sorted({s[2] for s in settings}):
            Xtr = design(dense[train], [terms[i] for i in train], vocab, mean, scale, dw)
            Xte = design(dense[test], [terms[i] for i in test], vocab, mean, scale, dw)
            for C, cw, dw2 in settings:
                if dw2 == dw:
                    pred = fit(Xtr, y[train], C, cw).predict(Xte)
                    scores[(C, cw, dw)].append(f1_score(y[test], pred, average="macro"))
    return {s: (float(np.mean(v)), float(np.std(v))) for s, v in scores.items()}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="cross-validate one setting only")
    args = ap.parse_args(argv)
    if not TRAIN.exists():
        print(f"skipped: training data not found at {TRAIN}")
        return 0
    records = load(TRAIN)
    y = np.array([r["polarity"] for r in records])
    groups = np.unique([r["sentence_id"] for r in records], return_inverse=True)[1]
    print(f"training targets: {len(records)}  classes: {dict(sorted(Counter(y).items()))}")
    grid = GRID
    if args.quick:
        # the setting the full grid chose: reproduces the shipped model in minutes
        grid = {"window": [10], "sentence_words": [True], "C": [0.05], "class_weight": [None],
                "dense_weight": [1.0]}
    settings = list(itertools.product(grid["C"], grid["class_weight"], grid["dense_weight"]))
    results = []
    t0 = time.perf_counter()
    for window, sw in itertools.product(grid["window"], grid["sentence_words"]):
        cv = cross_validate(records, y, groups, window, sw, settings)
        for (C, cw, dw), (m, s) in cv.items():
            results.append((m, s, window, sw, C, cw, dw))
            print(f"cv macro-F1 {m:.4f} ± {s:.4f}  window={window:<2} sentence_words={sw!s:<5} "
                  f"C={C:<5} class_weight={cw} dense_weight={dw}", flush=True)
    print(f"cross-validation took {time.perf_counter() - t0:.0f} s")
    best = max(results, key=lambda r: r[0])
    m, s, window, sw, C, cw, dw = best
    print(f"best: cv macro-F1 {m:.4f} ± {s:.4f} with window={window} sentence_words={sw} "
          f"C={C} class_weight={cw} dense_weight={dw}")

    from newsresearch.sentiment import DENSE_NAMES

    dense, terms = featurize(records, window, sw)
    vocab = build_vocab(terms)
    mean = dense.mean(0)
    scale = dense.std(0) + 1e-9
    model = fit(design(dense, terms, vocab, mean, scale, dw), y, C, cw)
    assert list(model.classes_) == [-1, 0, 1]
    coef = model.coef_.T.copy()  # (features, classes)
    nd = len(DENSE_NAMES)
    coef[:nd] *= dw  # fold the dense weight into the coefficients: inference just standardises
    inv = {i: t for t, i in vocab.items()}
    term_weights = {}
    for j in range(len(vocab)):
        w = coef[nd + j]
        if np.abs(w).max() >= 5e-4:
            term_weights[inv[j]] = [round(float(x), 4) for x in w]
    import sklearn

    payload = {
        "format": 1,
        "description": "Target-sentiment model for newsresearch.sentiment: multinomial "
                       "logistic regression over lexicon window features and masked "
                       "window words; fitted by benchmarks/train_sentiment.py.",
        "trained_on": "NewsMTSC train split (newsmtsc_train.jsonl, 8,733 targets); "
                      "Hamborg & Donnay 2021, MIT licence",
        "classes": [-1, 0, 1],
        "settings": {"window": window, "sentence_words": sw, "C": C, "class_weight": cw,
                     "dense_weight": dw, "min_count": MIN_COUNT, "seed": SEED},
        "cv_macro_f1": round(m, 4),
        "cv_macro_f1_std": round(s, 4),
        "sklearn_version": sklearn.__version__,
        "dense_names": DENSE_NAMES,
        "dense_mean": [round(float(x), 6) for x in mean],
        "dense_scale": [round(float(x), 6) for x in scale],
        "dense_coef": [[round(float(x), 5) for x in coef[i]] for i in range(nd)],
        "intercept": [round(float(x), 5) for x in model.intercept_],
        "terms": term_weights,
    }
    data = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    OUT.write_bytes(gzip.compress(data.encode("utf-8"), mtime=0))
    print(f"wrote {OUT.relative_to(ROOT)}: {len(term_weights)} terms, "
          f"{OUT.stat().st_size / 1024:.0f} KiB gzipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
