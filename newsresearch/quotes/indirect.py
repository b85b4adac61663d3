"""Indirect speech: reported speech without quote marks, in sentences that hold no quote.

Three shapes, with the verbs of ``resources/quote_indirect_verbs.tsv``: "according to X" at
either end of the sentence ("Sales fell, according to the report."); the speaker after the
clause ("Mr. Netanyahu declined, American officials said, …"); and the speaker before it
("Mr. Miller said (that) the talks failed", "X says …", "told reporters that …"). The span is
the reported clause.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache
from itertools import islice

from .cues import ACCORDING
from .marks import Seg
from .phrases import TOKEN, np_left, np_right, tokens
from .scan import Phrase, Scan

__all__ = ["find_indirect"]


@cache
def _after_rx(verbs: tuple) -> re.Pattern:
    return re.compile(r",\s+([^,.;:\"“”]{2,80}?)\s+(" + "|".join(verbs) +
                      r")\b(?=\s*(?:[,.;]|$))")


def find_indirect(scan: Scan, segs: list[Seg]) -> list[tuple[int, int, Phrase, tuple, int]]:
    """Reported speech of ``scan``: ``(start, end, speaker phrase, cue span, paragraph_id)``."""
    quoted = [(g.open_start, g.close_end) for g in segs]
    qstarts = [q[0] for q in quoted]
    after_rx = _after_rx(scan.lex.indirect_after)
    out = []
    for i in range(len(scan.sentences)):
        ss, se, pid = scan.sentence(i)
        j = bisect_left(qstarts, ss)
        if (j < len(quoted) and quoted[j][0] < se) or (j > 0 and quoted[j - 1][1] > ss):
            continue  # a sentence with a quote in it
        found = _according_to(scan, ss, se) or _speaker_after(scan, after_rx, ss, se)
        if found is None:
            found = _speaker_before(scan, ss, se)
        if found is not None:
            out.append((*found, pid))
    return out


def _according_to(scan: Scan, ss: int, se: int):
    """ "According to the report, sales fell." / "Sales fell, according to the report."."""
    text = scan.text
    m = ACCORDING.search(text, ss, se)
    if m is None:
        return None
    np_ = np_right(text, m.end(), se)
    if np_ is None:
        return None
    if not text[ss:m.start()].strip():  # the sentence opens with it: the clause follows
        comma = text.find(",", np_[1], se)
        if comma < 0 or comma - np_[1] > 80:
            return None
        cs, ce = comma + 1, se
    elif "," not in text[np_[1]:se] and se - np_[1] < 60:  # it ends the sentence
        cs, ce = ss, m.start()
    else:
        return None
    content = text[cs:ce]
    cs += len(content) - len(content.lstrip())
    ce = cs + len(text[cs:ce].rstrip(" ,;:—–-.!?\n\t"))
    if ce - cs < 8:
        return None
    return cs, ce, scan.phrase(*np_), (m.start(), m.end() - 1)


def _speaker_after(scan: Scan, rx: re.Pattern, ss: int, se: int):
    """ "Mr. Netanyahu declined, American officials said, on condition of anonymity …"."""
    m = rx.search(scan.text, ss, se)
    if not m:
        return None
    np_ = np_left(scan.text, m.start(1), m.end(1))
    if np_ is None or np_[0] != m.start(1) + (len(m.group(1)) - len(m.group(1).lstrip())):
        return None
    return ss, m.start(), scan.phrase(*np_), (m.start(2), m.end(2))


@cache
def _before_rx(verbs: frozenset) -> re.Pattern:
    # any occurrence of a verb, token or not: a cheap test that most sentences fail
    return re.compile("|".join(re.escape(v) for v in sorted(verbs, key=len, reverse=True)))


def _speaker_before(scan: Scan, ss: int, se: int):
    """ "Mr. Miller said (that) …", "told reporters that …"."""
    text = scan.text
    verbs = scan.lex.indirect_before
    if _before_rx(verbs).search(text, ss, se) is None:
        return None  # no verb in the sentence, so none among its first 25 tokens
    for m in islice(TOKEN.finditer(text, ss, se), 25):
        t = m.group()
        if t not in verbs:
            continue
        s, e = m.span()
        np_ = np_left(text, ss, s)
        if np_ is None:
            return None
        cs = _clause_start(text, t, e, se)
        if cs is None:
            return None
        content = text[cs:se]
        cstart, cend = cs + len(content) - len(content.lstrip()), se
        while cend > cstart and text[cend - 1] in ".!?":
            cend -= 1
        if cend - cstart < 8:
            return None
        return cstart, cend, scan.phrase(*np_), (s, e)
    return None


def _clause_start(text: str, verb: str, e: int, se: int) -> int | None:
    """Where the reported clause after ``verb`` (ending at ``e``) starts, or None."""
    rest = tokens(text, e, se, 7)
    if verb in ("told", "warned") and rest and rest[0][2].lower() != "that":
        # told reporters (that) …, warned the administration that …
        j = 0
        while j < len(rest) and j < 6 and rest[j][2].lower() != "that" and rest[j][2] != ",":
            j += 1
        return rest[j][1] if j < len(rest) and rest[j][2].lower() == "that" else None
    if rest and rest[0][2].lower() == "that":
        return rest[0][1]
    if len(rest) > 1 and rest[0][2].lower() == "it" and rest[1][2] in _AUX:
        return e  # "said it was examining …" (but not "said it" of a thing said)
    if rest and (rest[0][2].lower() in ("in", "on", "at", "to", "of", "it", ",", ".")
                 or not rest[0][2][:1].isalpha()):
        return None
    return e


_AUX = frozenset({"was", "is", "would", "will", "had", "has", "could", "can", "should",
                  "might", "may", "expects", "expected", "plans", "planned"})
