"""Numerals: digits ("22,000", "40 000", "1.000.000", "3,5", "1 1/2", "¾"), number words
("twenty-one", "a hundred and two", "five and a half million", "one point five") and the
magnitude word after them ("million", "bn", "10k").

Every value is a :class:`~decimal.Decimal` built from the digits or the word lists, so
"147.5 million" is exactly 147500000 (binary floats would give 147499999.99999997 for some
such products). :func:`exact` turns a value into what the table shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .scan import DASHES, WS_INLINE, Scan, before_digits, match_trie, word

ZERO = Decimal(0)
ONE = Decimal(1)
HALF = Decimal("0.5")
QUARTER = Decimal("0.25")
_DENOMINATORS = {"third": 3, "quarter": 4, "half": 2}  # "one third of"
_HYPHEN_DENOMINATORS = {"third": 3, "quarter": 4, "half": 2, "fifth": 5, "tenth": 10}
_ORDINAL_SCALES = (100, 1000, 1_000_000)  # "hundredth", "thousandth", "millionth"
_SLASH_DENOMINATORS = (2, 3, 4, 5, 6, 8, 10, 16, 32, 100)
_MIXED_DENOMINATORS = (2, 3, 4, 8, 16)
GO, END, FAIL = 0, 1, 2  # what a step of the number-word reader tells the loop


def exact(v):
    """A value as the table shows it: an ``int`` when whole, else the float nearest the
    exact decimal; strings (dates) and None unchanged.

    >>> exact(Decimal("16.4") * 1_000_000), exact(Decimal("0.5")), exact("2023-10")
    (16400000, 0.5, '2023-10')
    """
    if v is None or isinstance(v, str):
        return v
    if v == v.to_integral_value():
        return int(v)
    return float(v)


def read_number(st: Scan, i: int):
    """Read a bare number at ``i``: (value, end, info) or None.

    info: words (bool), sep (thousand separators), dec (decimal), ordinal, raw int string.
    """
    T = st.T
    if i >= T.n:
        return None
    t = T.t[i]
    if T.cls[i] == "d":
        return read_digits(st, i)
    if t in st.L.fractions:
        return st.L.fractions[t], i + 1, {"words": False, "frac": True}
    if t == "." and i + 1 < T.n and T.cls[i + 1] == "d" and T.adj(i + 1) \
            and not (i > 0 and T.adj(i) and T.t[i - 1] not in "([$£€"):
        return Decimal("0." + T.t[i + 1]), i + 2, {"words": False, "dec": True}
    if T.cls[i] == "w":
        return read_words(st, i)
    return None


# --------------------------------------------------------------------------- digits


def read_digits(st: Scan, i: int):
    """Digits with thousands groups, a decimal part, or a fraction after them."""
    digits, j, sep = _grouped(st, i)
    frac, j, dec = _decimal_part(st, j, sep)
    try:
        v = Decimal(digits + ("." + frac if frac else ""))
    except (ValueError, ArithmeticError):
        return None
    info = {"words": False, "sep": sep, "dec": dec, "raw": digits}
    if not sep and not dec:
        got = _fraction_after(st, j, v, digits, info)
        if got is not None:
            return got
    return v, j, info


def _grouped(st: Scan, i: int) -> tuple[str, int, bool]:
    """"22,000", "10 000", "40 000" (narrow no-break space), "1.000.000": (digits, end, sep)."""
    T = st.T
    digits = T.t[i]
    j = i + 1
    sep = False
    if len(digits) > 3:
        return digits, j, sep
    while (j + 1 < T.n and T.t[j] == "," and T.adj(j) and T.cls[j + 1] == "d"
           and T.adj(j + 1) and len(T.t[j + 1]) == 3
           and not (j + 2 < T.n and T.t[j + 2] == "," and T.adj(j + 2)
                    and j + 3 < T.n and T.cls[j + 3] == "d" and len(T.t[j + 3]) != 3
                    and T.adj(j + 3))):
        digits += T.t[j + 1]
        j += 2
        sep = True
    if not sep:
        while (j < T.n and T.cls[j] == "d" and len(T.t[j]) == 3
               and T.s[j] - T.e[j - 1] == 1 and T.text[T.e[j - 1]] in "\u202f\u00a0 \u2009"
               and not (j + 1 < T.n and T.cls[j + 1] == "d" and len(T.t[j + 1]) != 3
                        and T.s[j + 1] - T.e[j] == 1)):
            digits += T.t[j]
            j += 1
            sep = True
    if not sep and len(digits) <= 3:
        # European thousands "1.000.000" (two or more dot groups; "4.800" alone is 4.8)
        k = j
        groups = []
        while (k + 1 < T.n and T.t[k] == "." and T.adj(k) and T.cls[k + 1] == "d"
               and T.adj(k + 1) and len(T.t[k + 1]) == 3):
            groups.append(T.t[k + 1])
            k += 2
        if len(groups) >= 2 and not (k + 1 < T.n and T.t[k] in ".," and T.adj(k)
                                     and T.cls[k + 1] == "d" and T.adj(k + 1)):
            digits += "".join(groups)
            j = k
            sep = True
    return digits, j, sep


def _decimal_part(st: Scan, j: int, sep: bool) -> tuple[str, int, bool]:
    """".5" after the digits, or a European decimal comma before a scale ("3,5 million")."""
    T = st.T
    if (not sep and j + 2 < T.n and T.t[j] == "," and T.adj(j) and T.cls[j + 1] == "d"
            and T.adj(j + 1) and len(T.t[j + 1]) <= 2 and T.near(j + 2, 1)
            and T.low[j + 2] in st.L.comma_scales):
        return T.t[j + 1], j + 2, True
    if (j + 1 < T.n and T.t[j] == "." and T.adj(j) and T.cls[j + 1] == "d" and T.adj(j + 1)
            and not (j + 3 < T.n and T.t[j + 2] == "." and T.adj(j + 2)
                     and T.cls[j + 3] == "d" and T.adj(j + 3))):
        return T.t[j + 1], j + 2, True
    return "", j, False


def _fraction_after(st: Scan, j: int, v: Decimal, digits: str, info: dict):
    """"1 1/2" (mixed), "3/4" (simple), or a run of slashes ("2004/05", "12/25/2023")."""
    T = st.T
    if (j + 2 < T.n and T.cls[j] == "d" and T.s[j] - T.e[j - 1] == 1
            and T.t[j + 1] == "/" and T.adj(j + 1) and T.cls[j + 2] == "d" and T.adj(j + 2)
            and T.text[T.e[j - 1]] in WS_INLINE):
        num_, den_ = int(T.t[j]), int(T.t[j + 2])
        if 0 < num_ < den_ and den_ in _MIXED_DENOMINATORS and not (
                j + 3 < T.n and T.t[j + 3] == "/"):
            return v + Decimal(num_) / Decimal(den_), j + 3, dict(info, frac=True)
    if not (j + 1 < T.n and T.t[j] == "/" and T.adj(j) and T.cls[j + 1] == "d"
            and T.adj(j + 1)):
        return None
    den = int(T.t[j + 1])
    if den in _SLASH_DENOMINATORS and 0 < v < den and not (j + 2 < T.n and T.t[j + 2] == "/"):
        return v / Decimal(den), j + 2, {"words": False, "frac": True}
    end = j + 2
    while end + 1 < T.n and T.t[end] == "/" and T.adj(end) and T.cls[end + 1] == "d" \
            and T.adj(end + 1):
        end += 2
    # "2004/05" fiscal years are dates; "12/25" and the like are skipped whole
    return v, end, {"words": False, "slash": True, "raw": digits}


# --------------------------------------------------------------------------- number words


@dataclass(slots=True)
class _Words:
    """The running state of one number-word phrase."""

    j: int
    total: Decimal = ZERO
    cur: Decimal = ZERO
    seen: bool = False
    last: str | None = None  # type of the last word read
    last_scale: Decimal = ZERO
    ordinal: bool = False
    n: int = 0  # words read


def _took(acc: _Words, end: int, last: str = "frac") -> None:
    """One more word (or group) of the phrase was read, ending before ``end``."""
    acc.j, acc.last, acc.n, acc.seen = end, last, acc.n + 1, True


def read_words(st: Scan, i: int):
    """Number words: "twenty-one", "a hundred and two", "five and a half million"."""
    T, nums = st.T, st.L.nums
    acc = _lead(st, i)
    if acc is None:
        return None
    while acc.j < T.n:
        j = acc.j
        if j > i and not T.near(j):
            break
        if T.cls[j] != "w":
            if _symbol_step(st, acc) == END:
                break
            continue
        low = T.low[j]
        if low == "point" and _point_step(st, acc):
            continue
        entry = nums.get(low)
        if entry is None:
            if _and_step(st, acc) == END:
                break
            continue
        step = _word_step(st, acc, low, *entry)
        if step == FAIL:
            return None
        if step == END:
            break
    if not acc.seen or acc.j == i:
        return None
    # a trailing "and" was not consumed; "3 million and a quarter" handled above
    return acc.total + acc.cur, acc.j, {"words": True, "ordinal": acc.ordinal,
                                        "n_words": acc.n, "last_type": acc.last}


def _lead(st: Scan, i: int) -> _Words | None:
    """"a hundred", "a half million", "half a million", "quarter million"."""
    T, L = st.T, st.L
    acc = _Words(j=i)
    if T.low[i] in ("a", "an"):
        nxt = word(st, i + 1)
        if nxt in L.multipliers and T.near(i + 1):
            acc.cur, acc.seen, acc.j, acc.last = ONE, True, i + 1, "a"
        elif nxt in ("half", "quarter") and T.near(i + 1) and (
                word(st, i + 2) in L.big_scales or word(st, i + 2) == "dozen"):
            acc.j = i + 1
        else:
            return None
    j = acc.j
    if T.low[j] in ("half", "quarter"):
        share = HALF if T.low[j] == "half" else QUARTER
        nxt = word(st, j + 1)
        if nxt in L.big_scales and T.near(j + 1):
            acc.cur, acc.seen, acc.last, acc.j = share, True, "frac", j + 1
        elif nxt == "a" and (word(st, j + 2) in L.big_scales or word(st, j + 2) == "dozen"):
            acc.cur, acc.seen, acc.last, acc.j = share, True, "frac", j + 2
    return acc


def _symbol_step(st: Scan, acc: _Words) -> int:
    """A hyphen inside the phrase: "twenty-one" goes on, "two-thirds" ends it."""
    T, nums = st.T, st.L.nums
    j = acc.j
    low = T.low[j]
    if low not in DASHES or not T.adj(j) or j + 1 >= T.n or not T.adj(j + 1):
        return END
    nxt_low = T.low[j + 1]
    nxt = nums.get(nxt_low, (0, ""))
    if acc.last == "tens" and nxt[1] in ("unit", "ordinal") and nxt[0] < 10:
        acc.j += 1
        return GO
    # "one-third", "two-thirds", "three-quarters"
    if acc.last in ("unit", "teen") and (
            nxt[1] == "denominator" or (nxt_low in _HYPHEN_DENOMINATORS and acc.cur == 1)):
        acc.cur = acc.cur / (_HYPHEN_DENOMINATORS.get(nxt_low) or nxt[0])
        _took(acc, j + 2)
    return END


def _point_step(st: Scan, acc: _Words) -> bool:
    """"one point five": the digits spelled after "point"."""
    T, nums = st.T, st.L.nums
    j = acc.j
    if not (acc.seen and acc.last in ("unit", "teen", "tens")
            and nums.get(word(st, j + 1) or "", (0, ""))[1] == "unit"):
        return False
    digits = ""
    k = j + 1
    while k < T.n and T.near(k) and nums.get(T.low[k], (0, ""))[1] == "unit":
        digits += str(int(nums[T.low[k]][0]))
        k += 1
    acc.cur += Decimal("0." + digits)
    _took(acc, k)
    return True


def _and_step(st: Scan, acc: _Words) -> int:
    """"and" inside the phrase: "a hundred and two", "five and a half million"."""
    T, nums = st.T, st.L.nums
    j = acc.j
    if not (T.low[j] == "and" and acc.seen
            and acc.last in ("hundred", "scale", "unit", "a", "dozen", "tens", "teen")):
        return END
    nxt = word(st, j + 1)
    if nxt == "a" and word(st, j + 2) in ("half", "quarter"):
        f = HALF if T.low[j + 2] == "half" else QUARTER
        after = word(st, j + 3)
        if acc.last == "scale" and after in nums and nums[after][1] == "scale":
            acc.cur += f
        elif acc.last == "scale":
            acc.total += f * acc.last_scale
        else:
            acc.cur += f
        _took(acc, j + 3)
        return GO
    if nxt in nums and nums[nxt][1] in ("unit", "teen", "tens", "ordinal") \
            and acc.last in ("hundred", "scale"):
        acc.j += 1
        return GO
    return END


def _word_step(st: Scan, acc: _Words, low: str, val: Decimal, typ: str) -> int:
    """One number word: add it to the phrase, or say where the phrase ends."""
    j, last = acc.j, acc.last
    if (low in _DENOMINATORS and acc.cur == 1 and last == "unit" and acc.total == 0
            and word(st, j + 1) in ("of", None)):
        acc.cur = ONE / _DENOMINATORS[low]  # "one third of"
        _took(acc, j + 1)
        return END
    if typ in ("unit", "teen"):
        if last in ("unit", "teen") or (last == "tens" and typ == "teen"):
            return END
        acc.cur += val
    elif typ == "tens":
        if last in ("unit", "teen", "tens"):
            return END
        acc.cur += val
    elif typ == "hundred":
        if last == "hundred":
            return END
        acc.cur = (acc.cur or ONE) * val
    elif typ == "scale":
        if not acc.seen:
            return FAIL
        if last == "scale" and acc.cur == 0:
            return END
        acc.total += (acc.cur or ONE) * val
        acc.cur = ZERO
        acc.last_scale = val
    elif typ == "dozen":
        acc.cur = (acc.cur or ONE) * 12
    elif typ == "ordinal":
        return _ordinal_step(st, acc, val)
    elif typ == "denominator" or (low in _DENOMINATORS and acc.cur == 1 and last == "unit"
                                  and word(st, j + 1) in ("of", None)):
        if typ != "denominator":
            val = Decimal(_DENOMINATORS[low])  # "one third of"
        if last in ("unit", "teen", "tens") and acc.cur:
            acc.cur = acc.cur / val
            _took(acc, j + 1)
        return END
    else:  # bare fraction word "half"/"quarter" outside the patterns above
        return END
    _took(acc, j + 1, typ)
    return GO


def _ordinal_step(st: Scan, acc: _Words, val: Decimal) -> int:
    """An ordinal word ends the phrase: "twenty-first", "one hundredth"."""
    T = st.T
    j, last = acc.j, acc.last
    if last in ("unit", "teen") and T.low[j - 1] not in DASHES and val not in _ORDINAL_SCALES:
        return END
    if last == "tens" and val >= 10 and val not in _ORDINAL_SCALES:
        return END
    if val in _ORDINAL_SCALES:
        acc.cur = (acc.cur or ONE) * val
        if val >= 1000:
            acc.total += acc.cur
            acc.cur = ZERO
    else:
        acc.cur += val
    acc.ordinal = True
    _took(acc, j + 1, last)
    return END


# --------------------------------------------------------------------------- scale words


def scale_after(st: Scan, j: int, *, words: bool):
    """A magnitude word after a number ("million", "bn", "10k"): (factor, end, extra).

    ``extra`` is the fraction of the factor added by "and a half"/"and a quarter".
    """
    T, L = st.T, st.L
    if j >= T.n or T.cls[j] != "w" or not T.near(j):
        return None
    entry = L.scales.get(T.t[j]) or L.scales.get(T.low[j])
    if entry is None:
        return None
    factor, attached, cased = entry
    if cased and T.t[j] not in L.scales:
        return None
    if attached and not T.adj(j):
        return None
    if words and len(T.t[j]) <= 3:
        return None  # "two k" is not news
    # "5 m" with a space is metres; the lone letter scales need a following boundary
    if j + 1 < T.n and T.adj(j + 1) and (T.cls[j + 1] in "wd"):
        return None
    if factor == 1_000_000 and T.t[j] == "m" and not money_context(st, j) and not (
            j + 1 < T.n and T.near(j + 1, 1) and match_trie(st, L.cur_suffix, j + 1)) \
            and not counted_plural(st, j + 1):
        return None  # "40m rupees", "$5m", "1.8m vehicles" are millions; "40m" alone is metres
    if T.low[j] == "b" and T.adj(j + 1) and j + 1 < T.n and T.t[j + 1] == "/":
        return None
    # "3 million and a quarter"
    end = j + 1
    if word(st, end) == "and" and word(st, end + 1) == "a" and word(st, end + 2) in (
            "half", "quarter") and not (end + 3 < T.n and word(st, end + 3) == "of"):
        return factor, end + 3, HALF if T.low[end + 2] == "half" else QUARTER
    return factor, end, ZERO


def counted_plural(st: Scan, k: int) -> bool:
    """A plural count noun follows ("1.8m vehicles", "2m people"), not a measure word."""
    w = word(st, k)
    if w is None or not st.T.near(k, 1) or not st.T.t[k][:1].islower():
        return False
    if w in st.L.words["measure"] or w in st.L.words["function"]:
        return False
    return w.endswith("s") and not w.endswith("ss") or w in st.L.words["irregular_plural"]


def money_context(st: Scan, j: int) -> bool:
    """Is there a currency mark right before the number that ends before token j?"""
    k = before_digits(st, j)
    return k >= 0 and st.T.t[k] in st.L.cur_symbols
