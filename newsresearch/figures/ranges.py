"""Ranges, bounds and vague quantities: "between 10 and 20", "8- to 16-meter", "$5 million to
$7 million", "1.2 ± 0.1 m", "more than 10 and less than 20", "thousands of", "several hundred".

A range has no ``value``; its ends are ``low`` and ``high`` (quantulum3's convention for an
uncertainty: value ± u is the range value − u … value + u).
"""

from __future__ import annotations

from decimal import Decimal

from .numerals import read_number, scale_after
from .scan import DASHES, Fig, Scan, add, in_class, left_qualifier, match_trie, word
from .units import unit_after

_SLACK = Decimal("1.0001")


def range_after(st: Scan, start: int, i: int, j: int, value, unit, kind, hyph) -> int:
    """Try to extend the figure at ``start`` into a range; return the end index or 0."""
    T, L = st.T, st.L
    between = word(st, start - 1) == "between"
    frm = word(st, start - 1) == "from"
    k = _separator(st, start, i, j, unit, kind, hyph, between, frm)
    if not k or k >= T.n or not T.near(k, 2):
        return 0
    if in_class(st, k, "range_hedge") and k + 1 < T.n and T.near(k + 1, 1):
        k += 1  # "between 2l and about 7l"
    cur2 = None
    m = k
    if T.t[m] in L.cur_symbols:
        cur2 = L.cur_symbols[T.t[m]]
        m += 1
        if m >= T.n or not T.near(m, 2):
            return 0
    got = read_number(st, m)
    if got is None or got[2].get("ordinal"):
        return 0
    v2, e, info2 = got
    sc = scale_after(st, e, words=info2.get("words", False))
    if sc:
        e = sc[1]
        v2 *= sc[0]
    u2 = unit_after(st, e, v2)
    unit2, kind2, end = (u2[0], u2[1], u2[2]) if u2 else (None, None, e)
    if u2 and kind2 == "duration" and in_class(st, end, "age"):
        end += 1
    if cur2:
        unit2, kind2 = cur2, "money"
    if unit is not None and unit2 is not None and unit != unit2:
        return 0
    if unit is None and unit2 is None and kind not in ("count",):
        return 0
    lo = _low_end(st, j, value, v2, sc, info2)
    if not lo < v2:
        return 0
    # "734-794-6939": a phone number or an identifier, not a range
    if T.t[j] in DASHES and e + 1 < T.n and T.t[e] in DASHES and T.adj(e) \
            and T.cls[e + 1] == "d":
        return 0
    # the hyphenated case "2023-24", "9-11": digits of different shapes are not ranges
    if T.t[j] in DASHES and not between and not frm and 1900 <= lo <= 2099 and v2 < 100:
        return 0
    a = start - 1 if (between or frm) else start
    qual, _ = left_qualifier(st, a)
    add(st, a, end, value=None, low=lo, high=v2, unit=unit if unit is not None else unit2,
        kind="range", qualifier=qual if qual == "approx" else None)
    return end


def _separator(st: Scan, start, i, j, unit, kind, hyph, between, frm) -> int:
    """The token after "-", "- to", "to", "and" (after "between") or "~"; 0 if none."""
    T = st.T
    k = j
    if k < T.n and T.t[k] in DASHES and T.near(k, 1) and T.cls[i] != "w":
        if k + 1 < T.n and word(st, k + 1) == "to" and T.near(k + 1, 1):
            return k + 2  # "8- to 16-meter"
        if unit is not None and not hyph and kind != "money":
            return k + 1
        if unit is None or kind in ("money", "percent"):
            return k + 1
        return 0
    if word(st, k) == "to" and T.near(k, 1) and (between or not (
            in_class(st, left_qualifier(st, start)[1] - 1, "change_verb") and not frm)):
        return k + 1  # "between 44 mg to 50 mg"; "fell 131 mln dlrs to 614 mln dlrs" is a change
    if word(st, k) == "and" and between and T.near(k, 1):
        return k + 1
    if k < T.n and T.t[k] == "~" and T.near(k, 1):
        return k + 1
    return 0


def _low_end(st: Scan, j: int, lo, v2, sc, info2):
    """The low end, sharing the high end's scale: "$1 to 2 million", "$50-100,000"."""
    if sc and sc[0] > 1 and lo < v2 / sc[0] * _SLACK and lo * sc[0] <= v2 and \
            not scale_after(st, j, words=False) and lo < 1000:
        lo = lo * sc[0]  # "$1 to 2 million"
    if lo < 1000 <= v2 and lo * 1000 <= v2 and lo * 10_000 > v2 and v2 % 1000 == 0 \
            and info2.get("sep") and lo == int(lo):
        lo *= 1000  # "$50-100,000" is 50,000 to 100,000
    return lo


def plus_minus(st: Scan, k: int):
    """'± 0.1' or '+/- 0.1' after a number: (uncertainty, end) or None."""
    T = st.T
    if k >= T.n or not T.near(k, 2):
        return None
    if T.t[k] == "±":
        m = k + 1
    elif T.t[k] == "+" and k + 2 < T.n and T.t[k + 1] == "/" and T.t[k + 2] in "-−":
        m = k + 3
    else:
        return None
    if m >= T.n or not T.near(m, 2):
        return None
    got = read_number(st, m)
    if not got or got[2].get("words"):
        return None
    return got[0], got[1]


def merge_bounds(st: Scan) -> None:
    """"more than 10 and less than 20", "over 20 but under 30" → one range."""
    T, figs = st.T, st.figs
    out: list[Fig] = []
    k = 0
    while k < len(figs):
        f = figs[k]
        g = figs[k + 1] if k + 1 < len(figs) else None
        if g is not None and _bounds_pair(f, g):
            _, qs = left_qualifier(st, g.a)
            between = [T.low[m] for m in range(f.b, qs)]
            if between and all(w in ("and", "but", ",") for w in between) and len(between) <= 2:
                fa = left_qualifier(st, f.a)[1]
                lo, hi = sorted((f.value, g.value))
                out.append(Fig(fa, g.b, T.s[fa], g.end, None, "range", f.unit or g.unit,
                               None, lo, hi))
                k += 2
                continue
        out.append(f)
        k += 1
    st.figs[:] = out


def _bounds_pair(f: Fig, g: Fig) -> bool:
    """A lower and an upper bound of the same kind and unit, in the right order."""
    lower, upper = ("gt", "ge"), ("lt", "le")
    if not ((f.qualifier in lower and g.qualifier in upper)
            or (f.qualifier in upper and g.qualifier in lower)):
        return False
    return (f.kind == g.kind and f.kind not in ("date", "ordinal", "range")
            and (f.unit is None or g.unit is None or f.unit == g.unit)
            and isinstance(f.value, Decimal) and isinstance(g.value, Decimal)
            and (f.value < g.value) == (f.qualifier in lower))


# --------------------------------------------------------------------------- vague quantities


def vague_at(st: Scan, i: int) -> int:
    """"thousands of", "tens of thousands of", "dozens of", "millions of dollars"."""
    T, L = st.T, st.L
    val = L.vague[T.low[i]]
    j = i + 1
    if word(st, j) != "of":
        return 0
    nxt = word(st, j + 1)
    if nxt in L.vague and word(st, j + 2) == "of" and L.vague[nxt] >= 1000:
        val *= L.vague[nxt]
        j += 2
    # "millions of dollars", "thousands of pounds" (but "pounds of explosives" is weight)
    cur = match_trie(st, L.cur_suffix, j + 1) if j + 1 < T.n else None
    if cur and not (T.low[j + 1] in ("pounds", "pound") and word(st, cur[1]) == "of"):
        add(st, i, cur[1], value=val, unit=cur[0], kind="money", qualifier="vague")
        return cur[1]
    add(st, i, j, value=val, kind="count", qualifier="vague")
    return j + 1


def several_at(st: Scan, i: int) -> int:
    """"several hundred people", "a few thousand dollars": a vague multiple, or 0."""
    T, L = st.T, st.L
    k = i + 2 if T.low[i] == "a" else i + 1
    w = word(st, k)
    if w not in L.multipliers or not T.near(k, 1):
        return 0
    val = L.nums[w][0]
    end = k + 1
    u = unit_after(st, end, val)
    unit, kind = (u[0], u[1]) if u else (None, "count")
    end = u[2] if u else end
    add(st, i, end, value=val, unit=unit, kind=kind, qualifier="vague")
    return end
