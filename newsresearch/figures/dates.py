"""Dates and times: calendar dates in their news spellings, decades, fiscal years, clock
times, and the TIMEX-like values they are normalised to (Pustejovsky et al. 2005, *TimeML*).

Values: ``2023-10-07`` (a day), ``2023-10`` (a month), ``2023`` (a year), ``199X`` (a decade),
``XXXX-10-07`` (a day whose year the text does not give), ``XXXX-WXX-1`` (a weekday),
``T14:00`` (a clock time). :func:`complete` fills an unknown year from a reference date, and
:func:`timex_to_timestamp` places a value on a calendar.
"""

from __future__ import annotations

import re

from .numerals import read_words
from .scan import DASHES, Scan, add, in_class, word
from .units import unit_after

_TIMEX = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_DECADE = re.compile(r"(\d{3})X")
_REFERENCE = re.compile(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")


# --------------------------------------------------------------------------- values


def timex_to_timestamp(value):
    """Place a TIMEX-like date value on the calendar, or return None.

    A day is itself, a month its 15th, a year its 1 July (the middle), a decade its first day;
    values without a year (``XXXX-10-07``), weekdays and clock times give None.

    Examples
    --------
    >>> [str(timex_to_timestamp(v)) for v in ("2023-10-07", "2023-10", "2023", "199X")]
    ['2023-10-07 00:00:00', '2023-10-15 00:00:00', '2023-07-01 00:00:00', '1990-01-01 00:00:00']
    >>> timex_to_timestamp("XXXX-10-07") is None
    True
    """
    import pandas as pd

    if not isinstance(value, str):
        return None
    m = _TIMEX.fullmatch(value)
    if m:
        y, mo, d = m.group(1), m.group(2), m.group(3)
        if d:
            return pd.Timestamp(int(y), int(mo), int(d))
        if mo:
            return pd.Timestamp(int(y), int(mo), 15)
        return pd.Timestamp(int(y), 7, 1)
    m = _DECADE.fullmatch(value)
    if m:
        return pd.Timestamp(int(m.group(1)) * 10, 1, 1)
    return None


def reference(year, published=None) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) to complete dates with, from ``year=`` or a publication date."""
    ref = year if year is not None else published
    if ref is None:
        return None
    if isinstance(ref, int):
        return (ref, None, None)
    m = _REFERENCE.match(str(ref))
    if not m:
        return None
    y, mo, d = m.group(1), m.group(2), m.group(3)
    return (int(y), int(mo) if mo else None, int(d) if d else None)


def complete(value: str, ref) -> str:
    """Fill ``XXXX`` with the most recent year on or before the reference date."""
    if ref is None or not value.startswith("XXXX-") or "W" in value:
        return value
    y, rm, rd = ref
    parts = value.split("-")
    month = int(parts[1])
    day = int(parts[2]) if len(parts) > 2 else None
    if rm is not None and (month > rm or (month == rm and day is not None and rd is not None
                                          and day > rd)):
        y -= 1
    return f"{y:04d}" + value[4:]


# --------------------------------------------------------------------------- parts of dates


def date_qualifier(st: Scan, a: int):
    """"mid-December", "early November", "end of March", "beginning of 2000": (code, first)."""
    T, L = st.T, st.L
    w1 = word(st, a - 1)
    if w1 in L.date_quals and T.near(a, 1):
        return L.date_quals[w1], a - 1
    if a >= 2 and T.t[a - 1] in DASHES and T.adj(a) and T.adj(a - 1) \
            and word(st, a - 2) in L.date_quals:
        return L.date_quals[T.low[a - 2]], a - 2
    if w1 == "of" and word(st, a - 2) in L.date_of_quals:
        return L.date_of_quals[T.low[a - 2]], a - 2
    return None


def _qual(st: Scan, a: int) -> str | None:
    q = date_qualifier(st, a)
    return q[0] if q else None


def month_at(st: Scan, i: int):
    """Month name (or abbreviation with its dot) at ``i``: (month, end) or None."""
    T = st.T
    if i >= T.n or T.cls[i] != "w":
        return None
    m = st.L.months.get(T.low[i])
    if m is None:
        return None
    end = i + 1
    if end < T.n and T.t[end] == "." and T.adj(end) and len(T.t[i]) <= 4:
        end += 1
    return m, end


def day_at(st: Scan, k: int):
    """Day of month at ``k`` ("7", "29th", "twenty-first"): (day, end) or None."""
    T = st.T
    if k >= T.n:
        return None
    if T.cls[k] == "d" and len(T.t[k]) <= 2:
        d = int(T.t[k])
        end = k + 1
        if end < T.n and T.adj(end) and T.low[end] in st.L.words["ordinal_suffix"]:
            end += 1
        if end < T.n and T.adj(end) and T.cls[end] in "wd":
            return None
        if end + 1 < T.n and T.t[end] in ",." and T.adj(end) and T.cls[end + 1] == "d" \
                and T.adj(end + 1):
            return None  # "7,000", "7.5"
        return (d, end) if 1 <= d <= 31 else None
    if T.cls[k] == "w":
        got = read_words(st, k)
        if got and got[2].get("ordinal") and 1 <= got[0] <= 31:
            return int(got[0]), got[1]
    return None


def year_after(st: Scan, k: int):
    """A year at ``k`` ("2016", "nineteen ninety nine"): (year, end) or None."""
    T = st.T
    if k < T.n and T.cls[k] == "d" and len(T.t[k]) == 4 and 1000 <= int(T.t[k]) <= 2199 \
            and not (k + 1 < T.n and T.adj(k + 1) and T.cls[k + 1] in "wd"):
        return int(T.t[k]), k + 1
    if k < T.n and T.cls[k] == "w":
        return _year_words(st, k)
    return None


def _year_words(st: Scan, k: int):
    """'nineteen ninety nine' → 1999 (after a month only)."""
    T, nums = st.T, st.L.nums
    e = nums.get(T.low[k])
    if not e or e[1] not in ("teen", "tens"):
        return None
    rest = read_words(st, k + 1) if k + 1 < T.n and T.near(k + 1) else None
    if not rest or rest[0] >= 100 or rest[2].get("ordinal"):
        return None
    y = int(e[0]) * 100 + int(rest[0])
    return (y, rest[1]) if 1000 <= y <= 2199 else None


def _year_after_comma(st: Scan, e: int):
    """A digit year after a day, with or without a comma ("Jan 1, 1988", "jan 1 , 1988")."""
    T = st.T
    k = e
    if k < T.n and T.t[k] == "," and T.near(k, 1):
        k += 1
    if k < T.n and T.near(k, 2):
        y = year_after(st, k)
        if y and T.cls[k] == "d":
            return y
    return None


def _ymd(y, month: int, day: int) -> str:
    return f"{y[0]:04d}-{month:02d}-{day:02d}" if y else f"XXXX-{month:02d}-{day:02d}"


# --------------------------------------------------------------------------- dates


def date_at(st: Scan, i: int) -> int:
    """Read a calendar date starting at ``i``; return the end index or 0."""
    T, L = st.T, st.L
    low = T.low[i]
    if T.cls[i] == "d" and len(T.t[i]) == 4:
        end = _iso_date(st, i)
        if end:
            return end
    if T.cls[i] == "w" and low in L.weekdays and T.t[i][:1].isupper():
        add(st, i, i + 1, value=f"XXXX-WXX-{L.weekdays[low]}", kind="date")
        return i + 1
    if (T.cls[i] == "d" and len(T.t[i]) <= 2) or (T.cls[i] == "w" and low in L.nums
                                                 and L.nums[low][1] in ("ordinal", "tens")):
        return _day_first(st, i)
    if T.cls[i] != "w" or low not in L.months:
        return 0
    if low == "may" and not T.t[i][:1].isupper():
        return 0
    month, k = month_at(st, i)
    if k < T.n and T.near(k, 2):
        end = _month_first(st, i, month, k)
        if end:
            return end
    return _month_alone(st, i, month, k)


def _iso_date(st: Scan, i: int) -> int:
    """ISO "2023-12-01"."""
    T = st.T
    if (i + 4 < T.n and T.t[i + 1] == "-" and all(T.adj(i + k) for k in range(1, 5))
            and T.cls[i + 2] == "d" and T.cls[i + 4] == "d" and T.t[i + 3] == "-"
            and len(T.t[i + 2]) <= 2 and len(T.t[i + 4]) <= 2
            and 1 <= int(T.t[i + 2]) <= 12 and 1 <= int(T.t[i + 4]) <= 31):
        add(st, i, i + 5, value=f"{T.t[i]}-{int(T.t[i + 2]):02d}-{int(T.t[i + 4]):02d}",
            kind="date")
        return i + 5
    return 0


def _day_first(st: Scan, i: int) -> int:
    """"16. Nov. 2016", "7 October", "second of Aug.", "the 4th of July 2016"."""
    T, L = st.T, st.L
    d = day_at(st, i)
    if not d:
        return 0
    day, k = d
    if k < T.n and T.t[k] == "." and T.adj(k):
        k += 1
    if word(st, k) == "of" and T.near(k):
        k += 1
    if not (k < T.n and T.near(k, 2)):
        return 0
    m = month_at(st, k)
    if not m or not L.months.get(T.low[k]) or (T.low[k] == "may" and T.t[k] != "May"):
        return 0
    month, e = m
    y = _year_after_comma(st, e)
    if y:
        e = y[1]
    add(st, i, e, value=_ymd(y, month, day), kind="date")
    return e


def _month_first(st: Scan, i: int, month: int, k: int) -> int:
    """"October 7", "July 4, 1976", "March 11-13", "March 2021", "Aug. of 2015"."""
    T = st.T
    d = day_at(st, k)
    if d:
        day, e = d
        if not (e < T.n and T.near(e, 2) and unit_after(st, e, day)
                and word(st, e) not in ("and", "to")):
            y = _year_after_comma(st, e)
            if y:
                e = y[1]
            add(st, i, e, value=_ymd(y, month, day), kind="date", qualifier=_qual(st, i))
            return _day_span(st, e, month, day, y) or e
    j = k + 1 if word(st, k) == "of" or (k < T.n and T.t[k] == ",") else k
    if j < T.n and T.near(j, 2):
        y = year_after(st, j)
        if y:
            add(st, i, y[1], value=f"{y[0]:04d}-{month:02d}", kind="date",
                qualifier=_qual(st, i))
            return y[1]
    return 0


def _day_span(st: Scan, e: int, month: int, day: int, y) -> int:
    """"March 11-13": the last day is a date of its own (sharing the year given after it)."""
    T = st.T
    if not (e + 1 < T.n and T.t[e] in DASHES and T.adj(e) and T.adj(e + 1)
            and T.cls[e + 1] == "d"):
        return 0
    d2 = day_at(st, e + 1)
    if not d2 or d2[0] <= day:
        return 0
    e2 = d2[1]
    if not y:
        y = _year_after_comma(st, e2)
        if y:
            e2 = y[1]
            st.figs[-1].value = _ymd(y, month, day)
    add(st, e + 1, e2, value=_ymd(y, month, d2[0]), kind="date")
    return e2


def _month_alone(st: Scan, i: int, month: int, k: int) -> int:
    """A month name alone: strong names, capitalised, with a date cue before ("in November")."""
    T, L = st.T, st.L
    low = T.low[i]
    if not T.t[i][:1].isupper():
        return 0
    q = date_qualifier(st, i)
    if not (low in L.strong_months or (len(low) > 3 and low != "may")
            or (low == "may" and (q or in_class(st, i - 1, "may_before")))):
        return 0
    if low not in L.strong_months and not (q or in_class(st, i - 1, "month_cue")):
        return 0
    if q or in_class(st, i - 1, "date_prep") or in_class(st, i - 1, "month_before"):
        add(st, i, k if T.t[k - 1] != "." else k - 1, value=f"XXXX-{month:02d}", kind="date",
            qualifier=q[0] if q else None)
        return k
    return 0


def year_at(st: Scan, a: int, b: int, y: int) -> int:
    """Record the year ``y`` written at tokens ``a``..``b``."""
    add(st, a, b, value=f"{y:04d}", kind="date", qualifier=_qual(st, a))
    return b


def decade_at(st: Scan, start: int, j: int, raw: str) -> int:
    """"1990s", "the '90s" (digits ``raw`` ending before ``j``, an "s" at ``j``): end or 0."""
    T = st.T
    if not (j < T.n and T.adj(j) and T.t[j] == "s" and raw.endswith("0") and len(raw) in (2, 4)
            and not (j + 1 < T.n and T.adj(j + 1) and T.cls[j + 1] in "wd")):
        return 0
    dec = raw[:3] + "X" if len(raw) == 4 else "19" + raw[0] + "X"
    a = start - 1 if len(raw) == 2 and start > 0 and T.t[start - 1] in "'’" else start
    if len(raw) == 4 or a < start:
        add(st, a, j + 1, value=dec, kind="date", qualifier=_qual(st, a))
        return j + 1
    return 0


def slash_date(st: Scan, start: int, i: int, j: int, raw: str) -> None:
    """Digits joined by slashes: fiscal "2004/05", "2016/3/4", "12/25/2023" (US order)."""
    T = st.T
    parts = [T.t[m] for m in range(i, j, 2)]
    if len(raw) == 4 and 1900 <= int(raw) <= 2099 and j - i == 3:
        add(st, start, j, value=raw, kind="date")  # fiscal "2004/05"
        return
    if len(parts) != 3:
        return
    if len(parts[0]) == 4:  # "2016/3/4"
        y, mo, d = parts[0], int(parts[1]), int(parts[2])
    elif len(parts[2]) == 4:
        a_, b_ = int(parts[0]), int(parts[1])
        y, (mo, d) = parts[2], ((a_, b_) if a_ <= 12 else (b_, a_))  # US unless impossible
    else:
        return
    if 1 <= mo <= 12 and 1 <= d <= 31:
        add(st, start, j, value=f"{y}-{mo:02d}-{d:02d}", kind="date")


# --------------------------------------------------------------------------- clock times


def clock_at(st: Scan, i: int, j: int, value, info):
    """Clock times "2:00 pm", "6pm", "10 a.m.", "0730 GMT": (end, "T14:00") or None."""
    T = st.T
    if info.get("words") or info.get("sep") or info.get("dec"):
        return None
    end = j
    tval = None
    if j + 1 < T.n and T.t[j] == ":" and T.adj(j) and T.cls[j + 1] == "d" and T.adj(
            j + 1) and len(T.t[j + 1]) == 2 and value < 25:
        end = j + 2
        tval = (int(value), int(T.t[j + 1]))
    ap = _ampm(st, end)
    if ap:
        h = int(value) if tval is None else tval[0]
        m = 0 if tval is None else tval[1]
        if h > 12:
            return None
        if ap[0] == "pm" and h < 12:
            h += 12
        if ap[0] == "am" and h == 12:
            h = 0
        return ap[1], f"T{h:02d}:{m:02d}"
    if tval is not None:
        return end, f"T{tval[0]:02d}:{tval[1]:02d}"
    raw = info.get("raw", "")
    if len(raw) == 4 and int(raw[:2]) < 24 and int(raw[2:]) < 60 and j < T.n \
            and T.near(j, 1) and T.t[j] in st.L.words["time_zone"]:
        return j + 1, f"T{raw[:2]}:{raw[2:]}"  # "0730 GMT"
    return None


def _ampm(st: Scan, k: int):
    T = st.T
    if k >= T.n or not T.near(k, 1):
        return None
    low = T.low[k]
    if low in ("am", "pm") and not (k + 1 < T.n and T.adj(k + 1) and T.cls[k + 1] == "w"):
        return low, k + 1
    if low in ("a", "p") and k + 2 < T.n and T.t[k + 1] == "." and T.adj(k + 1) \
            and T.low[k + 2] == "m" and T.adj(k + 2):
        end = k + 3
        if end < T.n and T.t[end] == "." and T.adj(end):
            end += 1
        return low + "m", end
    return None
