"""Numbers written as words: "twenty-one", "a hundred and two", "one billion twenty-five
millions", "three dozens", "five and a half million", "two and three eighths", "one sixth",
"two thirds of a million", "twelve point ninety-nine", "point five", "twentyone".

One left-to-right pass over the words of a phrase with a small running state
(:class:`_Words`): each word is added to the current group (units, tens, hundreds) or closes it
with a scale word; "and", hyphens and fraction words join or end the phrase. The words and
their values come from ``number_words.tsv`` and ``figure_fractions.tsv``; values are exact
:class:`~decimal.Decimal` arithmetic.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .scan import DASHES, Scan, word

ZERO = Decimal(0)
ONE = Decimal(1)
HALF = Decimal("0.5")
QUARTER = Decimal("0.25")
WORD_GAP = 8  # spaces allowed between the words of a number ("thirty    four", a padded cell)
_ORDINAL_SCALES = (100, 1000, 1_000_000)  # "hundredth", "thousandth", "millionth"
_ZEROS = ("o", "oh")  # "one hundred twenty point o five"
GO, END = 0, 1  # what a step of the reader tells the loop


@dataclass(slots=True)
class _Words:
    """The running state of one number-word phrase."""

    j: int
    total: Decimal = ZERO
    cur: Decimal = ZERO
    seen: bool = False
    last: str | None = None  # type of the last word read ("frac" after a fraction)
    last_scale: Decimal = ZERO
    ordinal: bool = False
    n: int = 0  # words read


def _took(acc: _Words, end: int, last: str = "frac") -> None:
    """One more word (or group) of the phrase was read, ending before ``end``."""
    acc.j, acc.last, acc.n, acc.seen = end, last, acc.n + 1, True


def read_words(st: Scan, i: int):
    """Read number words at ``i``: (value, end, info) or None."""
    T, L = st.T, st.L
    acc = _lead(st, i)
    if acc is None:
        return None
    while acc.j < T.n:
        j = acc.j
        if j > i and not T.near(j, WORD_GAP):
            break
        if T.cls[j] != "w":
            if _symbol_step(st, acc) == END:
                break
            continue
        low = T.low[j]
        if low == "point" and _point_step(st, acc):
            continue
        entry = L.nums.get(low)
        if entry is None:
            step = _plural_scale_step(st, acc, low) if low in L.vague else _and_step(st, acc)
        else:
            step = _word_step(st, acc, low, *entry)
        if step == END:
            break
    if not acc.seen or acc.j == i:
        return None
    value, end = acc.total + acc.cur, acc.j
    if acc.last == "frac":
        value, end = _of_a_scale(st, value, end)
    return value, end, {"words": True, "ordinal": acc.ordinal, "n_words": acc.n,
                        "last_type": acc.last}


def _lead(st: Scan, i: int) -> _Words | None:
    """"a hundred", "a half million", "half a million", "quarter million", "point five"."""
    T, L = st.T, st.L
    acc = _Words(j=i)
    if T.low[i] == "point":
        if i > 0 and T.cls[i - 1] == "w" and T.near(i):
            return None  # "at this point one official said"
        got = _spelled_digits(st, i + 1)
        if got is None:
            return None
        acc.cur = Decimal("0." + got[0])
        _took(acc, got[1])
        return acc
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


def _joins(last: str | None, nxt_type: str, nxt_low: str) -> bool:
    """May a hyphen join a word of type ``nxt_type`` to a phrase ending in ``last``?
    ("two-hundred", "thousand-four", "hundred-and-seventy")."""
    if last in ("unit", "teen", "tens"):
        return nxt_type in ("hundred", "scale")
    if last == "hundred":
        return nxt_type in ("unit", "teen", "tens", "scale") or nxt_low == "and"
    if last == "scale":
        return nxt_type in ("unit", "teen", "tens", "hundred") or nxt_low == "and"
    return False


def _symbol_step(st: Scan, acc: _Words) -> int:
    """A hyphen inside the phrase: "twenty-one" goes on, "two-thirds" ends it."""
    T, L = st.T, st.L
    j = acc.j
    if T.low[j] not in DASHES or not T.adj(j) or j + 1 >= T.n or not T.adj(j + 1):
        return END
    nxt_low = T.low[j + 1]
    nxt = L.nums.get(nxt_low, (0, ""))
    if acc.last == "tens" and nxt[1] in ("unit", "ordinal") and nxt[0] < 10:
        acc.j += 1
        return GO
    # "one-third", "two-thirds", "three-quarters", "one-sixth"
    if acc.last in ("unit", "teen") and (
            nxt[1] == "denominator" or (nxt_low in L.fraction_singular and acc.cur == 1)):
        acc.cur = acc.cur / (L.fraction_singular.get(nxt_low) or nxt[0])
        _took(acc, j + 2)
        return END
    if _joins(acc.last, nxt[1], nxt_low):
        acc.j += 1
        return GO
    return END


def _spelled_digits(st: Scan, k: int):
    """The digits spelled after "point": "five", "two five", "o five", "fifteen",
    "ninety-nine" → ("5", end), ("25", end), ("05", end), ("15", end), ("99", end)."""
    T, nums = st.T, st.L.nums
    if k >= T.n or not T.near(k):
        return None
    e = nums.get(T.low[k], (0, ""))
    if e[1] in ("teen", "tens"):
        v, m = int(e[0]), k + 1
        if e[1] == "tens":
            if m + 1 < T.n and T.t[m] in DASHES and T.adj(m) and T.adj(m + 1) \
                    and _digit(nums, T.low[m + 1]) not in (None, "0"):
                v, m = v + int(_digit(nums, T.low[m + 1])), m + 2
            elif m < T.n and T.near(m) and _digit(nums, T.low[m]) not in (None, "0"):
                v, m = v + int(_digit(nums, T.low[m])), m + 1
        return str(v), m
    digits, m, real = "", k, False
    while m < T.n and T.near(m):
        d = "0" if T.low[m] in _ZEROS else _digit(nums, T.low[m])
        if d is None:
            break
        digits, m, real = digits + d, m + 1, real or T.low[m] not in _ZEROS
    return (digits, m) if real else None


def _digit(nums: dict, low: str) -> str | None:
    e = nums.get(low)
    return str(int(e[0])) if e and e[1] == "unit" and e[0] < 10 else None


def _point_step(st: Scan, acc: _Words) -> bool:
    """"one point five", "twelve point ninety-nine": the digits spelled after "point"."""
    if not (acc.seen and acc.last in ("unit", "teen", "tens")):
        return False
    got = _spelled_digits(st, acc.j + 1)
    if got is None:
        return False
    acc.cur += Decimal("0." + got[0])
    _took(acc, got[1])
    return True


def _fraction_at(st: Scan, k: int):
    """"a half", "one third", "three eighths" at ``k``: (value, end) or None."""
    L = st.L
    num, frac = word(st, k), word(st, k + 1)
    if num in ("a", "an", "one") and frac in L.fraction_singular:
        return ONE / L.fraction_singular[frac], k + 2
    e = L.nums.get(num or "", (0, ""))
    if e[1] in ("unit", "teen") and e[0] > 1 and frac in L.fraction_plural:
        return e[0] / L.fraction_plural[frac], k + 2
    return None


def _and_step(st: Scan, acc: _Words) -> int:
    """"and" inside the phrase: "a hundred and two", "five and a half million",
    "two and three eighths", "two million and one half"."""
    T, L = st.T, st.L
    j = acc.j
    if not (T.low[j] == "and" and acc.seen
            and acc.last in ("hundred", "scale", "unit", "a", "dozen", "tens", "teen")):
        return END
    k = j + 1
    if k + 1 < T.n and T.t[k] in DASHES and T.adj(k) and T.adj(k + 1):
        k += 1  # "hundred-and-seventy"
    frac = _fraction_at(st, k)
    if frac is not None:
        f, end = frac
        after = word(st, end)
        if acc.last == "scale" and not (after in L.nums and L.nums[after][1] == "scale"):
            acc.total += f * acc.last_scale  # "three million and a half"
        else:
            acc.cur += f  # "five and a half million", "two and three eighths"
        _took(acc, end)
        return GO
    nxt = word(st, k)
    if nxt in L.nums and L.nums[nxt][1] in ("unit", "teen", "tens", "ordinal") \
            and acc.last in ("hundred", "scale"):
        acc.j += 1
        return GO
    return END


def _plural_scale_step(st: Scan, acc: _Words, low: str) -> int:
    """A plural magnitude inside the phrase: "twenty-five millions", "three dozens"."""
    val = st.L.vague[low]
    if not (acc.seen and acc.cur > 0 and acc.last in ("unit", "teen", "tens", "hundred")):
        return END
    if low == "dozens":
        acc.cur *= 12
        _took(acc, acc.j + 1, "dozen")
        return GO
    if val < 1000:
        return END
    acc.total += acc.cur * val
    acc.cur = ZERO
    acc.last_scale = val
    _took(acc, acc.j + 1, "scale")
    return GO


def _word_step(st: Scan, acc: _Words, low: str, val: Decimal, typ: str) -> int:
    """One number word: add it to the phrase, or say where the phrase ends."""
    L = st.L
    j, last = acc.j, acc.last
    if (low in L.fraction_singular and acc.cur == 1 and last == "unit" and acc.total == 0
            and word(st, j + 1) in ("of", None)):
        acc.cur = ONE / L.fraction_singular[low]  # "one third of", "one sixth"
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
        if last in ("hundred", "frac"):
            return END  # "one point two hundred": the decimal ends the phrase
        acc.cur = (acc.cur or ONE) * val
    elif typ == "scale":
        if last == "scale" and acc.cur == 0:
            return END
        if not acc.seen and L.nums.get(word(st, j + 1) or "", (0, ""))[1] not in (
                "unit", "teen", "tens", "hundred"):
            return END  # a bare "thousand" is no number ("tens of thousand of"), but
            # "thousand two hundred" is
        acc.total += (acc.cur or ONE) * val
        acc.cur = ZERO
        acc.last_scale = val
    elif typ == "dozen":
        acc.cur = (acc.cur or ONE) * 12
    elif typ == "ordinal":
        return _ordinal_step(st, acc, val)
    elif typ == "denominator" or (low in L.fraction_singular and acc.cur == 1
                                  and last == "unit" and word(st, j + 1) in ("of", None)):
        if typ != "denominator":
            val = L.fraction_singular[low]  # "one third of"
        if last in ("unit", "teen", "tens") and acc.cur:
            acc.cur = acc.cur / val
            _took(acc, j + 1)
        return END
    else:  # bare fraction word "half"/"quarter" outside the patterns above
        return END
    _took(acc, j + 1, typ)
    return GO


def _ordinal_step(st: Scan, acc: _Words, val: Decimal) -> int:
    """An ordinal word ends the phrase: "twenty-first", "one hundredth", "billionth"."""
    T = st.T
    j, last = acc.j, acc.last
    big = val in _ORDINAL_SCALES or val >= 1000
    if last in ("unit", "teen") and T.low[j - 1] not in DASHES and not big:
        return END
    if last == "tens" and val >= 10 and not big:
        return END
    if big:
        acc.cur = (acc.cur or ONE) * val
        if val >= 1000:
            acc.total += acc.cur
            acc.cur = ZERO
    else:
        acc.cur += val
    acc.ordinal = True
    _took(acc, j + 1, last)
    return END


def _of_a_scale(st: Scan, value: Decimal, end: int) -> tuple[Decimal, int]:
    """"two thirds of a million", "three quarters of a billion": the share of the scale."""
    L = st.L
    if word(st, end) == "of" and word(st, end + 1) in ("a", "an") \
            and word(st, end + 2) in L.big_scales:
        return value * L.nums[st.T.low[end + 2]][0], end + 3
    return value, end
