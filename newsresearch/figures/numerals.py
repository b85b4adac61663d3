"""Numerals: digits ("22,000", "40 000", "1.000.000", "3,5", "1 1/2", "¾"), number words
("twenty-one", "a hundred and two", "five and a half million", "one point five") and the
magnitude word after them ("million", "bn", "10k").

Every value is a :class:`~decimal.Decimal` built from the digits or the word lists, so
"147.5 million" is exactly 147500000 (binary floats would give 147499999.99999997 for some
such products). :func:`exact` turns a value into what the table shows.
"""

from __future__ import annotations

from decimal import Decimal

from .number_words import HALF, ONE, QUARTER, WORD_GAP, ZERO, read_words
from .scan import DASHES, WS_INLINE, Scan, before_digits, match_trie, word

__all__ = ["HALF", "ONE", "QUARTER", "ZERO", "exact", "read_number", "read_digits",
           "read_words", "scale_after", "counted_plural", "money_context"]

_SLASH_DENOMINATORS = (2, 3, 4, 5, 6, 8, 10, 16, 32, 100)
_MIXED_DENOMINATORS = (2, 3, 4, 8, 16)


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
        v, j = _words_after_digits(st, v, j)
    return v, j, info


def _words_after_digits(st: Scan, v: Decimal, j: int) -> tuple[Decimal, int]:
    """"5 hundred", "3 hundred and 21", "5 and a half": number words after plain digits."""
    T, L = st.T, st.L
    if word(st, j) == "hundred" and T.near(j, WORD_GAP) and v < 1000:
        v, j = v * 100, j + 1
        k = j + 1 if word(st, j) == "and" and T.near(j) else j
        if k < T.n and T.near(k, WORD_GAP):
            if T.cls[k] == "d" and len(T.t[k]) <= 2 and not (
                    k + 1 < T.n and T.adj(k + 1) and T.t[k + 1] in ",./:"):
                return v + int(T.t[k]), k + 1
            rest = read_words(st, k) if T.cls[k] == "w" else None
            if rest and not rest[2]["ordinal"] and rest[0] < 100 and rest[2]["last_type"] in (
                    "unit", "teen", "tens"):
                return v + rest[0], rest[1]
        return v, j
    if word(st, j) == "and" and word(st, j + 1) in ("a", "an") \
            and word(st, j + 2) in L.fraction_singular and T.near(j + 2):
        return v + ONE / L.fraction_singular[T.low[j + 2]], j + 3  # "5 and a half minutes"
    return v, j


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


# --------------------------------------------------------------------------- scale words


def scale_after(st: Scan, j: int, *, words: bool):
    """A magnitude word after a number ("million", "bn", "10k"): (factor, end, extra).

    ``extra`` is the fraction of the factor added by "and a half"/"and a quarter".
    """
    T, L = st.T, st.L
    if j + 1 < T.n and T.t[j] in DASHES and T.adj(j) and T.adj(j + 1) \
            and T.low[j + 1] in L.big_scales:
        j += 1  # "$2.1-billion"
    elif j >= T.n or T.cls[j] != "w" or not T.near(j):
        return None
    entry = L.scales.get(T.t[j]) or L.scales.get(T.low[j])
    if entry is None:
        return None
    factor, attached, cased, money = entry
    if cased and T.t[j] not in L.scales:
        return None
    if attached and not T.adj(j):
        return None
    if words and len(T.t[j]) <= 3:
        return None  # "two k" is not news
    # "5 m" with a space is metres; the lone letter scales need a following boundary
    if j + 1 < T.n and T.adj(j + 1) and (T.cls[j + 1] in "wd"):
        return None
    if money and not money_context(st, j) and not (
            j + 1 < T.n and T.near(j + 1, 1) and match_trie(st, L.cur_suffix, j + 1)) \
            and not (T.t[j] == "m" and counted_plural(st, j + 1)):
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
