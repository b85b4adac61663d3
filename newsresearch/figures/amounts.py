"""Amounts: a number with what surrounds it — currency mark, sign, scale word, unit, hedge —
read in stages by :func:`number_at`; plus shares ("half of", "a third of"), ordinals and
"a week"-style amounts of one.

Stages of :func:`number_at`: the lead-in (currency mark, minus sign; phone numbers skipped),
the bare number (:mod:`.numerals`), what is not an amount (names, ordinals, decades, clock
times, the pronoun "one"), the measure (scale word, currency or unit), modifiers ("6 ft 2 in",
"below zero", "± 0.1", ages), ranges, plain years, and finally the hedge around the figure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .dates import clock_at, decade_at, slash_date, year_at
from .names import is_name_number, one_is_number, ordinal_in_name, word_number_in_name
from .numerals import HALF, ONE, QUARTER, read_number, scale_after
from .ranges import plus_minus, range_after
from .scan import (
    DASHES,
    Scan,
    add,
    in_class,
    left_qualifier,
    lone_line,
    match_trie,
    word,
)
from .units import currency_before, prefix_word, unit_after

_LIMIT = Decimal(10) ** 30  # a digit run longer than this is not a figure
_DEGREES = ("deg", "degC", "degF")
_BARE_SHARES = (HALF, QUARTER, ONE)  # "a", "half", "quarter" alone are not figures
WORD_LEADS = ("a", "an", "half", "quarter", "point")  # words that start a number, not in nums
_UNIT_GAP = 8  # spaces allowed before the unit of a number written in words


@dataclass(slots=True)
class _Amount:
    """The figure being read: token positions, value and what was found around it."""

    start: int  # first token of the figure (a currency mark or a sign included)
    i: int  # first token of the number
    currency: str | None = None
    neg: bool = False
    j: int = 0  # token after the number (and its scale word)
    end: int = 0  # token after the figure
    value: Decimal = Decimal(0)
    info: dict = field(default_factory=dict)
    unit: str | None = None
    kind: str | None = None
    hyph: bool = False
    scaled: bool = False


def number_at(st: Scan, i: int) -> int:
    """Read a figure whose number (or prefix currency) starts at token ``i``."""
    am = _lead_in(st, i)
    if isinstance(am, int):
        return am
    i = am.i
    got = read_number(st, i)
    if got is None:
        if st.T.low[i] in ("a", "an") and am.currency is None:
            return a_unit(st, i)
        return i + 1
    am.value, am.j, am.info = got
    if abs(am.value) > _LIMIT:
        return am.j
    if am.info.get("slash"):
        if not am.neg:
            slash_date(st, am.start, i, am.j, am.info["raw"])
        return am.j
    if am.neg:
        am.value = -am.value
    for stage in (_not_an_amount, _measure, _modifiers, _range_or_year):
        nxt = stage(st, am)
        if nxt is not None:
            return nxt
    return _hedge_and_add(st, am)


def _lead_in(st: Scan, i: int) -> _Amount | int:
    """A currency mark or code and a minus sign before the number; phone numbers skipped."""
    T, L = st.T, st.L
    am = _Amount(start=i, i=i)
    # prefix currency ("$", "US$", "£", "USD 22.5 million", "u . s . $ 1 billion")
    k = i
    while k < T.n and k - i < 6 and T.cls[k] != "d" and T.t[k] not in L.cur_symbols:
        if T.cls[k] == "w" and T.low[k] not in L.dollar and T.low[k] not in ("u", "s") \
                and not (T.t[k] in L.cur_prefix_words or T.low[k] in L.cur_prefix_words):
            break
        if T.cls[k] == "s" and T.t[k] != ".":
            break
        k += 1
    if k < T.n and T.t[k] in L.cur_symbols and k + 1 < T.n and T.near(k + 1, 2) \
            and (T.cls[k + 1] == "d" or (T.t[k + 1] == "." and k + 2 < T.n)):
        cb = currency_before(st, k + 1)
        if cb and cb[1] <= i:
            am.currency, am.start, am.i = cb[0], cb[1], k + 1
        elif cb and cb[1] > i:
            return i + 1
    elif T.cls[i] == "w" and prefix_word(st, i) and i + 1 < T.n:
        k = i + 2 if (T.t[i + 1] == "." and T.adj(i + 1) and i + 2 < T.n) else i + 1
        if T.cls[k] == "d" and T.near(k, 1):
            am.currency, am.start, am.i = prefix_word(st, i), i, k
    i = am.i
    if am.currency is None and (
            (T.cls[i] == "w" and T.low[i] not in L.nums and T.low[i] not in WORD_LEADS)
            or T.t[i] in L.cur_symbols):
        return i + 1
    # negative sign: "-10C" (a minus sign after a space or at the start)
    if T.t[i] in "-−":
        if not (i + 1 < T.n and T.cls[i + 1] == "d" and T.adj(i + 1)
                and (i == 0 or not T.adj(i) or T.t[i - 1] in "([")):
            return i + 1
        am.neg, am.start, am.i = True, i, i + 1
        i += 1
    # "734-794-6939", "978-3-16": phone numbers and identifiers are skipped whole
    if T.cls[i] == "d" and am.currency is None:
        k = i
        while k + 2 < T.n and T.t[k + 1] in DASHES and T.adj(k + 1) and T.adj(k + 2) \
                and T.cls[k + 2] == "d":
            k += 2
        if k - i >= 4:
            return k + 1
    return am


def _not_an_amount(st: Scan, am: _Amount) -> int | None:
    """Names with numbers, ordinals, decades, clock times, number words in names, "one"."""
    T = st.T
    i, j, info, value = am.i, am.j, am.info, am.value
    words = info.get("words", False)
    if not words and am.currency is None and not am.neg and is_name_number(st, i, j, info):
        return j  # "F-16", "G7", "Boeing 747", "COVID-19"
    if words and info.get("ordinal"):
        if ordinal_in_name(st, i, j):
            return j  # "the First Division Association"
        return ordinal_word(st, i, j, value)
    if not words and j < T.n and T.adj(j) and T.low[j] in st.L.words["ordinal_suffix"] \
            and not info.get("dec"):  # digit ordinals "1st", "21st", "11th"
        if j + 1 >= T.n or not (T.adj(j + 1) and T.cls[j + 1] in "wd"):
            add(st, am.start, j + 1, value=value, kind="ordinal")
            return j + 1
    if not words:
        end = decade_at(st, am.start, j, info.get("raw", ""))
        if end:
            return end
    ct = clock_at(st, i, j, value, info)
    if ct:
        if st.clock:
            add(st, am.start, ct[0], value=ct[1], kind="date")
        return ct[0]
    if words and T.t[i][:1].isupper() and am.currency is None:
        end = word_number_in_name(st, i, j)
        if end:
            return end
    if words and info.get("n_words") == 1 and T.low[i] == "one" and am.currency is None \
            and not one_is_number(st, i, j):
        return j
    return None


def _measure(st: Scan, am: _Amount) -> int | None:
    """The scale word, then the currency or unit after the number."""
    T = st.T
    i, words = am.i, am.info.get("words", False)
    sc = scale_after(st, am.j, words=words) if not am.info.get("frac") else None
    if sc:
        factor, am.j, extra = sc
        am.value = am.value * factor + extra * factor
        am.scaled = True
    j = am.j
    if not words and not am.scaled and j < T.n and T.cls[j] == "w" and T.adj(j) \
            and unit_after(st, j, am.value, hyphen_ok=False) is None:
        return j + 1  # letters glued to digits must be a unit ("29km") or it is a name
    am.end = j
    u = unit_after(st, j, am.value, gap=_UNIT_GAP if words else 2)
    if u is None and in_class(st, j, "before_unit") and T.near(j):
        u = unit_after(st, j + 1, am.value, hyphen_ok=False)  # "2 extra minutes"
        if u and u[1] not in ("duration", "quantity"):
            u = None
    if am.currency is not None:
        am.unit, am.kind = am.currency, "money"
        if u and u[1] == "money" and u[0] in (am.currency, "USD"):
            am.end = u[2]  # "$ 1 USD": the code repeats the mark
    elif u:
        am.unit, am.kind, am.end, am.hyph = u
        if am.kind != "money" and words and T.low[i] in ("a", "an") and len(T.t[am.end - 1]) < 3:
            am.unit = am.kind = None
            am.end = j
    if am.unit is None and words and T.low[i] in ("a", "an", "half", "quarter") \
            and am.value in _BARE_SHARES and not am.scaled:
        return j
    if am.kind is None:
        am.kind = "count"
    if am.kind == "percent":
        am.unit = "%"
    # "a" + unit: "a week", "a gallon"; not a rate ("500,000 barrels a day", "$5 a share")
    if T.low[i] in ("a", "an") and words and am.info.get("n_words") == 0:
        if st.figs and st.figs[-1].b >= i - 2 and st.figs[-1].kind != "date":
            return am.end
        if am.kind not in ("duration", "quantity"):
            return j
    return None


def _modifiers(st: Scan, am: _Amount) -> int | None:
    """"5 feet and 2 inches", "10 degrees below zero", "1.2 ± 0.1 m", "ten years old"."""
    T = st.T
    if am.unit in st.L.unit_dims:
        _composite(st, am)
    if word(st, am.end) == "below" and word(st, am.end + 1) == "zero" and (
            am.unit in _DEGREES or (am.unit is None and am.kind == "count")):
        am.value, am.end = -am.value, am.end + 2  # "10 degrees below zero", "2 below zero"
        if am.unit is None:
            am.unit, am.kind = "deg", "quantity"
    pm = plus_minus(st, am.j if am.unit is None else am.end)
    if pm:  # an uncertainty makes a range (quantulum3's convention)
        u_val, k_end = pm
        u2 = unit_after(st, k_end, u_val) if am.unit is None else None
        unit = am.unit if am.unit is not None else (u2[0] if u2 else None)
        end2 = u2[2] if u2 else k_end
        add(st, am.start, end2, value=None, low=am.value - u_val, high=am.value + u_val,
            unit=unit, kind="range")
        return end2
    if am.kind == "duration":  # ages: "ten years old", "3 years of age", "90 day old"
        end = am.end
        if in_class(st, end, "age") and T.near(end):
            am.end += 1
        elif end + 1 < T.n and T.t[end] in DASHES and T.adj(end) and T.adj(end + 1) \
                and T.low[end + 1] in st.L.words["age"]:
            am.end += 2
        elif word(st, end) == "of" and word(st, end + 1) == "age":
            am.end += 2
    return None


def _composite(st: Scan, am: _Amount) -> None:
    """"5 feet and 2 inches", "6 ft 2 in", "2 km and 1 meter": one measure in the larger unit
    (``unit_dimensions.tsv``: imperial units with or without "and", metric ones with it), when
    the smaller part is less than one of the larger unit."""
    T, dims = st.T, st.L.unit_dims
    dim, f1, imperial = dims[am.unit]
    joined = word(st, am.end) == "and"
    if not (joined or imperial):
        return
    k2 = am.end + 1 if joined else am.end
    got2 = read_number(st, k2) if k2 < T.n and T.near(k2) else None
    if not (got2 and got2[1] < T.n and T.near(got2[1])):
        return
    v2, e2 = got2[0], got2[1]
    u2 = unit_after(st, e2, v2)
    if u2 is None and am.unit == "ft" and word(st, e2) == "in" \
            and word(st, e2 + 1) not in st.L.words["function"]:
        u2 = ("in", "quantity", e2 + 1)  # "6 ft 2 in tall"
    if u2 is None or u2[0] not in dims or dims[u2[0]][0] != dim:
        return
    f2 = dims[u2[0]][1]
    if f2 < f1 and v2 * f2 < f1:
        am.value, am.end = am.value + v2 * f2 / f1, u2[2]


def _shared_unit(st: Scan, am: _Amount) -> None:
    """"45 and 50 mg", "2 or 3 years": a bare number takes the unit of the next one (not a
    year: "3.5% in 2005 and 2.5% in 2006")."""
    T = st.T
    k = am.j
    if am.unit is not None or am.kind != "count" or word(st, k) not in ("and", "or") \
            or not T.near(k, 1) or not T.near(k + 1, 1) or am.info.get("ordinal") \
            or _year_like(am):
        return
    got = read_number(st, k + 1)
    if got is None or got[2].get("ordinal") or got[2].get("slash") \
            or scale_after(st, got[1], words=got[2].get("words", False)):
        return
    u = unit_after(st, got[1], got[0])
    if u and u[1] in ("quantity", "duration", "percent") and not u[3]:
        am.unit, am.kind = ("%" if u[1] == "percent" else u[0]), u[1]


def _year_like(am: _Amount) -> bool:
    info = am.info
    return (len(info.get("raw", "")) == 4 and not info.get("sep") and not info.get("dec")
            and 1000 <= am.value <= 2099)


def _range_or_year(st: Scan, am: _Amount) -> int | None:
    """A range from this number on, a plain four-digit year, or a lone comment counter."""
    info = am.info
    _shared_unit(st, am)
    rng = range_after(st, am.start, am.i, am.end if am.unit else am.j, am.value, am.unit,
                      am.kind, am.hyph)
    if rng:
        return rng
    if am.kind != "count" or info.get("words") or info.get("sep") or info.get("dec") \
            or info.get("frac") or am.neg:
        return None
    raw = info.get("raw", "")
    y = int(am.value)
    if len(raw) == 4 and (1900 <= y <= 2099 or (1000 <= y < 1900
                                                and in_class(st, am.i - 1, "year_before"))):
        if left_qualifier(st, am.start)[0] is None:
            return year_at(st, am.start, am.end, y)
    if lone_line(st, am.start, am.end):
        return am.end
    return None


def _hedge_and_add(st: Scan, am: _Amount) -> int:
    """The hedge before ("more than") or after ("or more") the figure; record it."""
    T, L = st.T, st.L
    start, end, kind = am.start, am.end, am.kind
    qual, qstart = left_qualifier(st, start)
    if qual == "gt" and T.low[qstart] == "over" and kind == "duration" \
            and T.low[end - 1] not in L.words["age"] and T.low[end - 1] != "age":
        qual = None  # "over three years" is a time span
    if qual == "approx" and T.low[qstart] == "some" and kind == "date":
        qual = None
    rq = match_trie(st, L.quals_right, end) if end < T.n and T.near(end) else None
    if rq and rq[1] < T.n and T.adj(rq[1]) and T.cls[rq[1]] in "dw":
        rq = None  # "3+4", "2+2 talks": arithmetic and names, not "or more"
    if rq and qual is None:
        qual, end = rq  # the surface includes "or more"
    if T.low[start] in ("a", "an") and kind == "count" and am.value == 1:
        return end
    unit = am.unit
    if kind == "count" and (word(st, start - 1) in ("aged", "age") or (
            word(st, start - 1) == "of" and word(st, start - 2) == "age")) \
            and 0 < am.value < 130 and not am.info.get("dec"):
        unit, kind = "year", "duration"  # "aged 30", "at age 17"
    add(st, start, end, value=am.value, unit=unit, kind=kind, qualifier=qual)
    return end


# --------------------------------------------------------------------------- shares, ordinals


def ordinal_word(st: Scan, i: int, j: int, value) -> int:
    """An ordinal word ("fourth"), a share ("a third of") — or an adverb ("first")."""
    T = st.T
    low = T.low[j - 1]
    prev = word(st, i - 1)
    if low in ("first", "second") and j - i == 1:
        # "first" and "second" are often adverbs or a unit of time
        det = prev in st.L.words["ordinal_determiner"]
        if i > 1 and T.low[i - 1] == "s" and T.t[i - 2] in ("’", "'"):
            det = True
        if in_class(st, j, "ordinal_noun"):
            det = True
        if low == "second" and (prev in st.L.words["second_unit_before"]
                                or word(st, j) == "of"):
            det = prev == "the"
        if prev in st.L.words["ordinal_before"] or _in_ordinal_list(st, i, j):
            det = True  # "she finished second", "first, second, third"
        if not det:
            return j
    if j - i == 1 and prev in ("a", "one") and 3 <= value <= 10 and word(st, j) in ("of", None):
        # "a third of the crop", "fell by a fifth": a share, not a position
        qual, _ = left_qualifier(st, i - 1)
        add(st, i - 1, j, value=ONE / value, kind="count", qualifier=qual)
        return j
    add(st, i, j, value=value, kind="ordinal")
    return j


def _in_ordinal_list(st: Scan, i: int, j: int) -> bool:
    """An ordinal word in a list of ordinals: "first, second, third"."""
    T, nums = st.T, st.L.nums
    after = word(st, j + 1) if j < T.n and T.t[j] == "," else None
    if after is not None and nums.get(after, (0, ""))[1] == "ordinal":
        return True
    f = st.figs[-1] if st.figs else None
    return bool(f and f.kind == "ordinal" and i >= 1 and T.t[i - 1] == "," and f.b == i - 1)


def fraction_of(st: Scan, i: int) -> int:
    """"half of the residents", "a quarter of the budget": a share, as a count."""
    T = st.T
    j = i
    if T.low[i] in ("a", "one"):
        j = i + 1
        if word(st, j) not in ("half", "quarter") or not T.near(j, 1):
            return 0
    if word(st, j) not in ("half", "quarter") or word(st, j + 1) != "of":
        return 0
    if in_class(st, i - 1, "share_not_after"):
        return 0
    if st.figs and st.figs[-1].b == i:
        return 0
    value = HALF if T.low[j] == "half" else QUARTER
    qual, _ = left_qualifier(st, i)
    end = j + 1
    if word(st, end + 1) == "a" and word(st, end + 2) in st.L.big_scales:
        value *= st.L.nums[T.low[end + 2]][0]  # "a quarter of a million"
        end += 3
        add(st, i, end, value=value, kind="count", qualifier=qual)
        return end
    add(st, i, j + 1, value=value, kind="count", qualifier=qual)
    return j + 1


def a_unit(st: Scan, i: int) -> int:
    """"a week", "an hour", "a gallon" — but not a rate ("500,000 barrels a day")."""
    T = st.T
    if i + 1 >= T.n or not T.near(i + 1, 1) or T.cls[i + 1] != "w":
        return i + 1
    u = unit_after(st, i + 1, ONE, hyphen_ok=False)
    if not u or u[1] not in ("duration", "quantity", "money") or len(T.t[i + 1]) < 3:
        return i + 1
    if u[2] - (i + 1) != 1 or T.low[i + 1].endswith("s"):
        return i + 1
    if T.low[i + 1] == "second" and word(st, i + 2) is not None \
            and word(st, i + 2) not in st.L.words["function"]:
        return i + 1  # "a second term": the ordinal, not the unit of time
    unit, kind, end = u[0], u[1], u[2]
    if st.figs and st.figs[-1].b >= i and st.figs[-1].kind != "date":
        return end
    prev = word(st, i - 1)
    if kind == "duration" and i > 0 and T.cls[i - 1] == "w" \
            and prev not in st.L.words["function"] and not left_qualifier(st, i)[0]:
        return end  # "100 trucks a day", "$5 a share": a rate, not a duration
    if prev in st.L.words["rate_before"] or in_class(st, end, "time_after"):
        return end
    one = ONE
    if word(st, end) == "and" and word(st, end + 1) == "a" and word(st, end + 2) == "half":
        end, one = end + 3, Decimal("1.5")  # "a year and a half"
    qual, qs = left_qualifier(st, i)
    if qual == "gt" and T.low[qs] == "over" and kind == "duration":
        qual = None  # "over a week" is a time span, not "more than a week"
    add(st, i, end, value=one, unit=unit, kind=kind, qualifier=qual)
    return end


def half_at(st: Scan, i: int) -> int:
    """"half an hour", "half a gallon", "a quarter mile", "quarter pound", "a half-hour",
    and "a half" / "one half" alone: a share of one unit (or of one); else 0."""
    T = st.T
    j = i + 1 if T.low[i] in ("a", "one") else i
    if word(st, j) not in ("half", "quarter") or (j > i and not T.near(j, 1)):
        return 0
    if j == i and i > 0 and word(st, i - 1) in ("a", "one"):
        return 0  # read from the article
    share = HALF if T.low[j] == "half" else QUARTER
    k = j + 1
    if word(st, k) in st.L.big_scales or word(st, k) == "dozen":
        return 0  # "a half million": a number word
    if T.low[j] == "half" and j == i and word(st, k) in ("a", "an") and T.near(k, 1):
        k += 1  # "half an hour", "half a gallon"
    u = unit_after(st, k, share, hyphen_ok=True) if k < T.n and T.near(k, 1) else None
    if u and u[1] in ("duration", "quantity") and u[2] - k <= 2 + u[3] \
            and not T.low[u[2] - 1].endswith("s"):
        add(st, i, u[2], value=share, unit=u[0], kind=u[1], qualifier=left_qualifier(st, i)[0])
        return u[2]
    if j > i and share == HALF and word(st, i - 1) != "and" \
            and word(st, k) not in ("of", "a", "an") and word(st, k) not in st.L.nums \
            and not (k < T.n and T.t[k] in DASHES and T.adj(k)):
        add(st, i, j + 1, value=share, kind="count", qualifier=left_qualifier(st, i)[0])
        return j + 1  # "a half", "one half"
    return 0

