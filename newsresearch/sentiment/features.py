"""What the target model sees around a target: windowed valences, clause, speaker, window words."""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right

import numpy as np

from .lexicons import _QUOTES, _SPEECH, _Sentence


def _target_range(sent: _Sentence, start: int, end: int) -> tuple[int, int]:
    """Token index range [t0, t1] of the target (t1 = t0 - 1 when no token overlaps)."""
    # bisection of the token offsets: ``np.searchsorted`` right/left without the array call
    return bisect_right(sent.end_list, start), bisect_left(sent.start_list, end) - 1


def _features(sent: _Sentence, start: int, end: int, window: int,
              sentence_words: bool) -> tuple[list[float], list[str]]:
    """Dense lexicon/position features and the masked window terms for one target."""
    dense, terms = _features_many(sent, [(start, end)], window, sentence_words)
    return dense[0].tolist(), terms[0]


def _features_many(sent: _Sentence, targets, window: int,
                   sentence_words: bool) -> tuple[np.ndarray, list[list[str]]]:
    """:func:`_features` of several targets of one sentence at once (one row per target)."""
    return _features_batch([sent] * len(targets), targets, window, sentence_words)


def _features_batch(sents: list[_Sentence], targets, window: int,
                    sentence_words: bool) -> tuple[np.ndarray, list[list[str]]]:
    """:func:`_features` of many targets, each in its own sentence (``sents[j]``), at once.

    The sentences' token arrays are stacked into one zero-padded matrix, so an article's
    targets cost one set of array operations instead of one per sentence.
    """
    k = len(targets)
    distinct = list({id(s): s for s in sents}.values())
    row_of = {id(s): r for r, s in enumerate(distinct)}
    width = max([len(s.words) for s in distinct] + [1])
    lex_rows = np.zeros((len(distinct), width, 2))
    clause_rows = np.full((len(distinct), width), -1, dtype=np.int64)
    for r, s in enumerate(distinct):
        lex_rows[r, :len(s.words), 0], lex_rows[r, :len(s.words), 1] = s.vader, s.textblob
        clause_rows[r, :len(s.words)] = s.clause
    rows = np.array([row_of[id(s)] for s in sents], dtype=np.int64)
    n = np.array([len(s.words) for s in sents], dtype=np.int64)[:, None]
    ranges = np.array([_target_range(s, a, b) for s, (a, b) in
                       zip(sents, targets, strict=True)], dtype=np.int64).reshape(k, 2)
    t0, t1 = ranges[:, :1], ranges[:, 1:]
    idx = np.arange(width)[None, :]
    left, right = idx < t0, (idx > t1) & (idx < n)
    outside = left | right
    dist = np.where(left, t0 - idx, idx - t1).astype(float) * outside
    clause = clause_rows[rows]
    tclause = clause[np.arange(k), np.clip(t0[:, 0], 0, np.maximum(n[:, 0] - 1, 0))]
    in_clause = (clause == tclause[:, None]) & outside
    safe = np.maximum(dist, 1.0)[:, :, None]
    near8 = dist <= 8
    masks = np.stack([outside, dist <= 3, near8, left & near8, right & near8, in_clause],
                     axis=1).astype(float)  # (k, 6, width)
    val = lex_rows[rows] * outside[:, :, None]
    pos, neg = np.maximum(val, 0.0), np.minimum(val, 0.0)
    pos_sums, neg_sums = masks @ pos, masks @ neg  # (k, 6, 2): scope x lexicon
    dist_pos = (pos / safe).sum(axis=1)
    dist_neg = (neg / safe).sum(axis=1)
    clause_dist = (val * in_clause[:, :, None] / safe).sum(axis=1)
    matches = np.count_nonzero(val, axis=1)
    blocks = []
    for lex in range(2):
        pairs = np.stack([pos_sums[:, :, lex], neg_sums[:, :, lex]], axis=2).reshape(k, 12)
        blocks += [pairs, dist_pos[:, lex:lex + 1], dist_neg[:, lex:lex + 1],
                   clause_dist[:, lex:lex + 1], matches[:, lex:lex + 1].astype(float)]
    lexical = np.hstack(blocks)  # (k, 32)
    extras, terms = [], []
    for j, sent in enumerate(sents):
        a, b = int(t0[j, 0]), int(t1[j, 0])
        extra, words = _target_extras(sent, a, b, lexical[j])
        extras.append(extra)
        terms.append(_window_terms(words, a, b, window, sentence_words))
    return np.hstack([lexical, np.array(extras, dtype=float).reshape(k, -1)]), terms


def _target_extras(sent: _Sentence, t0: int, t1: int, lexical: np.ndarray):
    """The speaker, quote and position features of one target (token range t0..t1)."""
    words, n = sent.words, len(sent.words)
    before = words[t0 - 1] if t0 >= 1 else ""
    before2 = words[t0 - 2] if t0 >= 2 else ""
    after = words[t1 + 1] if t1 + 1 < n else ""
    after2 = words[t1 + 2] if t1 + 2 < n else ""
    speaker = float(
        after in _SPEECH or (after in ("has", "had", "also", "then") and after2 in _SPEECH)
        or before in _SPEECH or (before2 == "according" and before == "to")
        or (before in (",", "”", '"') and after in _SPEECH)
    )
    inside_quote = float(bool(sent.quote_depth[t0]) if 0 <= t0 < n else 0.0)
    first = float(t0 == 0 or all(w in _QUOTES for w in words[:t0]))
    clause_v = lexical[10] + lexical[11]
    extra = [speaker, speaker * clause_v, speaker * (lexical[0] + lexical[1]), inside_quote,
             first, t0 / max(n, 1), math.log1p(n), float(sent.quote_depth.any()),
             sent.vader_compound, sent.textblob_mean]
    return extra, words


def _window_terms(words: list[str], t0: int, t1: int, window: int,
                  sentence_words: bool) -> list[str]:
    """The words around the target with the target masked as ``<t>``, unigrams and bigrams."""
    lo, hi = max(0, t0 - window), min(len(words), t1 + window + 1)
    seq = words[lo:t0] + ["<t>"] + words[t1 + 1:hi]
    terms = list(seq)
    terms += [f"{a} {b}" for a, b in zip(seq, seq[1:], strict=False)]
    if sentence_words:
        terms += ["s:" + w for w in words[:t0] + words[t1 + 1:]]
    return terms


def _dense_names() -> list[str]:
    names = []
    for lex in ("vader", "textblob"):
        for scope in ("sentence", "win3", "win8", "left8", "right8", "clause"):
            names += [f"{lex}_{scope}_pos", f"{lex}_{scope}_neg"]
        names += [f"{lex}_dist_pos", f"{lex}_dist_neg", f"{lex}_clause_dist", f"{lex}_matches"]
    names += ["speaker", "speaker_x_clause", "speaker_x_sentence", "in_quote", "first_token",
              "relative_position", "log_tokens", "has_quote", "vader_compound",
              "textblob_mean"]
    return names


DENSE_NAMES = _dense_names()

