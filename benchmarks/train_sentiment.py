"""Fit the target-sentiment model shipped as ``newsresearch/resources/sentiment_model.json.gz``.

Reproducible: fixed seeds, deterministic solver. Settings (window size, whether the words of
the whole sentence are added, regularisation, class weights) are chosen by 5-fold
cross-validation on the NewsMTSC *training* split, grouped by sentence so that two targets of
one sentence never sit on both sides of a fold. The dev slice is never used here.

Word features are NB-weighted (Wang & Manning 2012): each word column is scaled by its largest
per-class |log-count ratio|, computed on the training rows of each fold (and on the whole split
for the final fit). Per-class logit offsets for the negative and positive class are then chosen
on the chosen setting's out-of-fold predictions. Both are baked into the saved model (scaled
word weights, shifted intercepts), so inference is one plain linear model.

Run (from the repository root; needs ../shared and scikit-learn:
``.venv/bin/python -m pip install -e '.[train]'``, never installed by ``make``)::

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
    "nb_weight": [True],
}
OFFSET_GRID = np.round(np.arange(-0.6, 0.61, 0.05), 3)
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
# Third round: the model now ships that variant (NB-weighted word features, C 0.05, plus
# per-class offsets chosen on out-of-fold predictions). The choice is made by cross-validation
# on the training split alone: 0.669 ± 0.011 vs 0.660 ± 0.008 for the previous setting over
# the same 15 grouped folds (3 fold splits x 5), better on 13 of 15 folds. The gain is about
# one fold-sd, so it is a modest, not a decisive, improvement; the dev slice was evaluated once,
# after the choice, and was not used to make it. The grid above was run for the previous
# (un-weighted) model; with NB weighting only window 10 + sentence words was cross-validated.
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


def design(dense, terms, vocab, mean, scale, dense_weight=1.0, word_scale=None):
    """Standardised dense features (times ``dense_weight``, i.e. less penalised) + word indicators.

    ``word_scale`` (one factor per vocabulary column, e.g. NB weights) multiplies the indicators.
    """
    from scipy import sparse

    rows, cols = [], []
    for i, ts in enumerate(terms):
        for j in {vocab[t] for t in ts if t in vocab}:
            rows.append(i)
            cols.append(j)
    bow = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(terms), len(vocab)))
    if word_scale is not None:
        bow = bow @ sparse.diags(word_scale)
    scaled = (dense - mean) / scale * dense_weight
    return sparse.hstack([sparse.csr_matrix(scaled), bow]).tocsr()


def nb_weights(terms, y, vocab, alpha=1.0) -> np.ndarray:
    """Largest per-class |log-count ratio| per vocabulary word (Wang & Manning 2012).

    For class c: log((p_c / |p_c|) / (q_c / |q_c|)), p_c the word's document counts in class c,
    q_c in the other classes, both smoothed by ``alpha``.
    """
    X = np.zeros((len(terms), len(vocab)))
    for i, ts in enumerate(terms):
        X[i, [vocab[t] for t in set(ts) if t in vocab]] = 1.0
    ratios = []
    for c in (-1, 0, 1):
        p = alpha + X[y == c].sum(0)
        q = alpha + X[y != c].sum(0)
        ratios.append(np.log((p / p.sum()) / (q / q.sum())))
    return np.abs(np.array(ratios)).max(0)


def macro_f1(y, pred) -> float:
    scores = []
    for c in (-1, 0, 1):
        tp = np.sum((pred == c) & (y == c))
        denom = np.sum(pred == c) + np.sum(y == c)
        scores.append(2 * tp / denom if denom else 0.0)
    return float(np.mean(scores))


def choose_offsets(logp, y) -> tuple[float, float]:
    """Offsets added to the negative and positive class logits that maximise macro-F1."""
    classes = np.array([-1, 0, 1])
    best, best_f1 = (0.0, 0.0), -1.0
    for a in OFFSET_GRID:
        for c in OFFSET_GRID:
            f1 = macro_f1(y, classes[(logp + np.array([a, 0.0, c])).argmax(1)])
            if f1 > best_f1:
                best, best_f1 = (float(a), float(c)), f1
    return best


def nested_offset_cv(logp, y, folds) -> tuple[float, float]:
    """Macro-F1 per fold with offsets chosen on the other folds' out-of-fold predictions."""
    classes = np.array([-1, 0, 1])
    scores = []
    for train, test in folds:
        a, c = choose_offsets(logp[train], y[train])
        scores.append(macro_f1(y[test], classes[(logp[test] + np.array([a, 0.0, c])).argmax(1)]))
    return float(np.mean(scores)), float(np.std(scores))


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
    """Macro-F1 over 5 grouped folds per (C, class_weight, dense_weight, nb_weight).

    Vocabulary, standardisation and NB weights are fitted inside each fold. Returns, per
    setting, (mean, sd, out-of-fold log-probabilities, folds).
    """
    from sklearn.model_selection import StratifiedGroupKFold

    dense, terms = featurize(records, window, sentence_words)
    folds = list(StratifiedGroupKFold(n_splits=5, shuffle=True,
                                      random_state=SEED).split(dense, y, groups))
    scores = {s: [] for s in settings}
    oof = {s: np.zeros((len(y), 3)) for s in settings}
    for train, test in folds:
        train_terms = [terms[i] for i in train]
        vocab = build_vocab(train_terms)
        mean = dense[train].mean(0)
        scale = dense[train].std(0) + 1e-9
        nbw = nb_weights(train_terms, y[train], vocab)
        for dw, nb in sorted({(s[2], s[3]) for s in settings}):
            ws = nbw if nb else None
            Xtr = design(dense[train], train_terms, vocab, mean, scale, dw, ws)
            Xte = design(dense[test], [terms[i] for i in test], vocab, mean, scale, dw, ws)
            for s in settings:
                if (s[2], s[3]) == (dw, nb):
                    logp = fit(Xtr, y[train], s[0], s[1]).predict_log_proba(Xte)
                    oof[s][test] = logp
                    scores[s].append(macro_f1(y[test], np.array([-1, 0, 1])[logp.argmax(1)]))
    return {s: (float(np.mean(v)), float(np.std(v)), oof[s], folds) for s, v in scores.items()}


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
                "dense_weight": [1.0], "nb_weight": [True]}
    settings = list(itertools.product(grid["C"], grid["class_weight"], grid["dense_weight"],
                                      grid["nb_weight"]))
    results = []
    t0 = time.perf_counter()
    for window, sw in itertools.product(grid["window"], grid["sentence_words"]):
        cv = cross_validate(records, y, groups, window, sw, settings)
        for (C, cw, dw, nb), (m, s, oof, folds) in cv.items():
            results.append((m, s, window, sw, C, cw, dw, nb, oof, folds))
            print(f"cv macro-F1 {m:.4f} ± {s:.4f}  window={window:<2} sentence_words={sw!s:<5} "
                  f"C={C:<5} class_weight={cw} dense_weight={dw} nb_weight={nb}", flush=True)
    print(f"cross-validation took {time.perf_counter() - t0:.0f} s")
    best = max(results, key=lambda r: r[0])
    m, s, window, sw, C, cw, dw, nb, oof, folds = best
    print(f"best: cv macro-F1 {m:.4f} ± {s:.4f} with window={window} sentence_words={sw} "
          f"C={C} class_weight={cw} dense_weight={dw} nb_weight={nb}")
    # per-class logit offsets, chosen on all out-of-fold predictions of the chosen setting;
    # their own (nested) CV estimate picks them on four folds and scores the fifth
    offsets = choose_offsets(oof, y)
    m_off, s_off = nested_offset_cv(oof, y, folds)
    print(f"offsets (negative, positive): {offsets}; nested cv macro-F1 with offsets "
          f"{m_off:.4f} ± {s_off:.4f}")

    from newsresearch.sentiment import DENSE_NAMES

    dense, terms = featurize(records, window, sw)
    vocab = build_vocab(terms)
    mean = dense.mean(0)
    scale = dense.std(0) + 1e-9
    word_scale = nb_weights(terms, y, vocab) if nb else np.ones(len(vocab))
    model = fit(design(dense, terms, vocab, mean, scale, dw, word_scale), y, C, cw)
    assert list(model.classes_) == [-1, 0, 1]
    coef = model.coef_.T.copy()  # (features, classes)
    nd = len(DENSE_NAMES)
    coef[:nd] *= dw  # fold the dense weight into the coefficients: inference just standardises
    coef[nd:] *= word_scale[:, None]  # bake the NB weights into the word weights
    # log-probabilities differ from logits by a per-row constant, so offsets go into intercepts
    intercept = model.intercept_ + np.array([offsets[0], 0.0, offsets[1]])
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
                       "logistic regression over lexicon window features and NB-weighted "
                       "masked window words (weights and class offsets baked in); fitted by "
                       "benchmarks/train_sentiment.py.",
        "trained_on": "NewsMTSC train split (newsmtsc_train.jsonl, 8,733 targets); "
                      "Hamborg & Donnay 2021, MIT licence",
        "classes": [-1, 0, 1],
        "settings": {"window": window, "sentence_words": sw, "C": C, "class_weight": cw,
                     "dense_weight": dw, "nb_weight": nb, "class_offsets": list(offsets),
                     "min_count": MIN_COUNT, "seed": SEED},
        "cv_macro_f1": round(m_off, 4),
        "cv_macro_f1_std": round(s_off, 4),
        "cv_macro_f1_without_offsets": round(m, 4),
        "sklearn_version": sklearn.__version__,
        "dense_names": DENSE_NAMES,
        "dense_mean": [round(float(x), 6) for x in mean],
        "dense_scale": [round(float(x), 6) for x in scale],
        "dense_coef": [[round(float(x), 5) for x in coef[i]] for i in range(nd)],
        "intercept": [round(float(x), 5) for x in intercept],
        "terms": term_weights,
    }
    data = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    OUT.write_bytes(gzip.compress(data.encode("utf-8"), mtime=0))
    print(f"wrote {OUT.relative_to(ROOT)}: {len(term_weights)} terms, "
          f"{OUT.stat().st_size / 1024:.0f} KiB gzipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
