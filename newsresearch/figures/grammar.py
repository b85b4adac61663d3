"""The grammar's driver: at each token, which reader to try — a date, a vague quantity, a
share, a number with its currency and unit — then one pass that joins paired bounds.
"""

from __future__ import annotations

from decimal import Decimal

from .amounts import WORD_LEADS, fraction_of, half_at, number_at
from .dates import date_at
from .ranges import merge_bounds, several_at, vague_at
from .scan import Fig, Scan, in_skip, new_scan, word
from .units import prefix_word


def scan_figures(text: str, *, clock_times: bool = False) -> tuple[Scan, list[Fig]]:
    """Scan ``text`` once, left to right; return the scan state and the figures found."""
    st = new_scan(text, clock_times=clock_times)
    T = st.T
    i = 0
    while i < T.n:
        if st.skip and in_skip(st, T.s[i]):
            i += 1
            continue
        nxt = at(st, i)
        i = nxt if nxt > i else i + 1
    merge_bounds(st)
    return st, st.figs


def at(st: Scan, i: int) -> int:
    """Try to read a figure starting at token ``i``; return the next index to look at."""
    T, L = st.T, st.L
    c = T.cls[i]
    if c == "w":
        return _at_word(st, i)
    if c == "d":
        return date_at(st, i) or number_at(st, i)
    # symbols: currency, leading decimal point, minus sign, fractions
    t = T.t[i]
    if t in L.cur_symbols or t in ".-−" or t in L.fractions:
        return number_at(st, i)
    return i + 1


def _at_word(st: Scan, i: int) -> int:
    T, L = st.T, st.L
    low = T.low[i]
    if low not in L.word_starts:
        return i + 1  # most words start no figure (the rules below all need one of these)
    j = date_at(st, i)
    if j:
        return j
    if low in L.vague:
        j = vague_at(st, i)
        if j:
            return j
    if low in L.words["vague_few"] or (low == "a" and word(st, i + 1) == "few"):
        j = several_at(st, i)
        if j:
            return j
    if low in ("half", "a", "one", "quarter"):
        j = fraction_of(st, i) or half_at(st, i)
        if j:
            return j
    if low in L.words["minus"] and i + 1 < T.n and T.near(i + 1, 1) and (
            T.cls[i + 1] == "d" or T.low[i + 1] in L.nums):
        return _minus(st, i)  # "minus five degrees", "negative 1200000"
    if low in L.nums or low in WORD_LEADS:
        return number_at(st, i)
    if prefix_word(st, i) or low in L.dollar or low == "u":
        return number_at(st, i)
    return i + 1


def _minus(st: Scan, i: int) -> int:
    """"minus five degrees": the figure read after "minus", negated and widened."""
    n0 = len(st.figs)
    j = number_at(st, i + 1)
    if len(st.figs) > n0:
        f = st.figs[n0]
        if f.a == i + 1 and isinstance(f.value, Decimal) and f.kind != "date":
            f.value = -f.value
            f.a, f.start = i, st.T.s[i]
    return j
