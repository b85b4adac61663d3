"""Numeric figures in news text: value, unit, kind, hedge, what is counted and who vouches.

``extract_figures`` finds every figure a careful reader would list — counts, money,
percentages, physical quantities, durations, ordinals, dates and ranges — and returns one row
per figure with its normalised value and canonical unit, following the conventions of the
figures evaluation set (``../shared/data/eval/figures/README.md``): ISO 4217 currency codes,
``mm``/``lb``/``km``…, durations in ``year month week day h min``, percentage points, dates as
TIMEX-like strings (``XXXX-10-07``, ``2023-12``, ``199X``; Pustejovsky et al. 2005, *TimeML*).

Method. A rule-based grammar in the tradition of Microsoft's Recognizers-Text and quantulum3,
but written as a single left-to-right pass over a flat token list instead of large regular
expressions, so time is linear in the text and no pattern can backtrack catastrophically.
The text is cut into digit runs, letter runs and single symbols by one regex without nested
quantifiers; the parser then tries, at each token, a date, a (digit or word) number with its
scale word, currency and unit, a range, or a vague quantity ("thousands of"). Every word list
— number words, scale words, currencies, units, hedges, months, attribution cues — is a data
file in ``newsresearch/resources`` that can be read and edited.

*What is counted* is the noun phrase right after the number (or after "in"/"of"/"for" for
money, or before "worth"); *the source* is an attribution in the same sentence: "according to
X", "X said/told/reported", "said X". Dates and ordinals never get a source: they frame the
story rather than being claims someone vouches for.

Month-day dates are completed with a year only when one is given (``year=``, or the
``Article``'s ``published`` date): with a full reference date (``YYYY-MM`` or ``YYYY-MM-DD``)
the most recent occurrence *on or before* it is chosen — "October 7" in an article of
January 2024 is 2023-10-07 — and with a bare year that year is used.
"""

from __future__ import annotations

import math
import re
import warnings as _warnings
from bisect import bisect_right
from functools import lru_cache

import pandas as pd

from .articles import Article, as_text
from .resources import table

__all__ = ["extract_figures", "compare_figures", "FIGURE_COLUMNS", "KINDS"]

FIGURE_COLUMNS = [
    "figure_id", "surface", "start", "end", "value", "low", "high", "unit", "kind",
    "qualifier", "counted", "source", "source_start", "source_end", "sentence_id",
    "source_actor",
]
KINDS = ("count", "money", "percent", "quantity", "duration", "ordinal", "date", "range")

# digit runs, letter runs, or one other non-space character: no nesting, no backtracking
_TOKEN = re.compile(r"\d+|[^\W\d_]+|\S")
_WS_INLINE = frozenset(" \t\u00a0\u202f\u2009")
_DASHES = frozenset("-–—‐‑")
_CLAIM_KINDS = frozenset({"count", "money", "percent", "quantity", "duration", "range"})


# --------------------------------------------------------------------------- word lists


@lru_cache(maxsize=1)
def _lexicon() -> dict:
    """Read the shipped word lists once into lookup tables."""
    nums = {r["word"]: (float(r["value"]), r["type"]) for r in table("number_words.tsv")}
    scales = {}
    for r in table("scale_words.tsv"):
        key = r["word"] if r["cased"] == "1" else r["word"].lower()
        scales[key] = (float(r["factor"]), r["attached"] == "1", r["cased"] == "1")
    units = _trie(((_unquote(r["surface"]), (r["unit"], r["kind"])) for r in table("units.tsv")),
                  cased={r["surface"] for r in table("units.tsv") if r["cased"] == "1"})
    cur_suffix = _trie(((r["surface"], r["code"]) for r in table("currencies.tsv")
                        if r["position"] in ("suffix", "both")),
                       cased={r["surface"] for r in table("currencies.tsv") if r["cased"] == "1"})
    cur_prefix_words = {}
    cur_symbols = {}
    for r in table("currencies.tsv"):
        if r["position"] not in ("prefix", "both"):
            continue
        if _TOKEN.fullmatch(r["surface"]) and not r["surface"][0].isalnum():
            cur_symbols[r["surface"]] = r["code"]
        else:
            cur_prefix_words[r["surface"]] = (r["code"], r["cased"] == "1")
    dollar = {r["prefix"]: (r["code"], r["attached"] == "1") for r in table("dollar_prefixes.tsv")}
    quals_left = _trie(((r["phrase"], r["code"]) for r in table("figure_qualifiers.tsv")
                        if r["side"] == "left"), reverse=True)
    quals_right = _trie((r["phrase"], r["code"]) for r in table("figure_qualifiers.tsv")
                         if r["side"] == "right")
    months, weekdays, strong = {}, {}, set()
    for r in table("figure_months.tsv"):
        (months if r["type"] == "month" else weekdays)[r["name"]] = int(r["number"])
        if r["strong"] == "1":
            strong.add(r["name"])
    verbs = {r["word"] for r in table("figure_attribution.tsv") if r["type"] == "verb"}
    phrases = [r["word"].split() for r in table("figure_attribution.tsv")
               if r["type"] == "phrase"]
    return {"nums": nums, "scales": scales, "units": units, "cur_suffix": cur_suffix,
            "cur_prefix_words": cur_prefix_words, "cur_symbols": cur_symbols,
            "cur_prefix_lower": {k.lower(): v for k, v in cur_prefix_words.items() if not v[1]},
            "dollar": dollar, "quals_left": quals_left, "quals_right": quals_right,
            "months": months, "weekdays": weekdays, "strong_months": strong,
            "verbs": verbs, "according": phrases}


def _unquote(surface: str) -> str:
    return '"' if surface == "QUOTE" else surface


def _trie(items, *, cased=frozenset(), reverse: bool = False) -> dict:
    """Token trie: surfaces are cut with the same tokenizer; ``None`` key holds the payload."""
    root: dict = {}
    for surface, payload in items:
        toks = _TOKEN.findall(surface)
        if surface not in cased:
            toks = [t.lower() for t in toks]
        if reverse:
            toks = toks[::-1]
        node = root
        for t in toks:
            node = node.setdefault(t, {})
        node[None] = (payload, surface in cased, len(toks))
    return root


_VAGUE = {"dozens": 12, "scores": 20, "tens": 10, "hundreds": 100, "thousands": 1000,
          "millions": 1_000_000, "billions": 1_000_000_000, "trillions": 1_000_000_000_000}
_FUNCTION = frozenset(
    "a an the of in on at to for from by with and or but as than that which who whom whose "
    "this these those is are was were be been being has have had do does did will would can "
    "could should may might must not no it its their his her our your my we they he she i you "
    "since after before during until while when where if so per each every all both more most "
    "about around over under nearly some worth into onto out up down off also just only even "
    "still yet already again there here then now ago earlier later last next such what".split()
)
_ONE_NOT_BEFORE = frozenset(
    "of another who that which can could would should will must may might is was has had "
    "does did day way".split()
)
_ONE_NOT_AFTER = frozenset(
    "no the any every each which this that any no-one someone everyone anyone".split()
)
_ORD_SUFFIX = frozenset({"st", "nd", "rd", "th"})
_DATE_PREPS = frozenset("in since by until till from on of during before after through "
                        "early late mid end beginning start".split())
_AGE_WORDS = ("old",)


# --------------------------------------------------------------------------- tokens


class _Toks:
    """Flat token arrays over the text (offsets, surface, lower case, class)."""

    __slots__ = ("text", "s", "e", "t", "low", "cls", "n")

    def __init__(self, text: str):
        self.text = text
        s, e, t = [], [], []
        for m in _TOKEN.finditer(text):
            s.append(m.start())
            e.append(m.end())
            t.append(m.group())
        self.s, self.e, self.t = s, e, t
        self.low = [x.lower() for x in t]
        self.cls = ["d" if x[0].isdecimal() else ("w" if x[0].isalpha() else "s") for x in t]
        self.n = len(t)

    def adj(self, i: int) -> bool:
        """Token ``i`` touches token ``i - 1`` (no space between)."""
        return 0 < i < self.n and self.s[i] == self.e[i - 1]

    def near(self, i: int, limit: int = 2) -> bool:
        """Token ``i`` follows ``i - 1`` after at most ``limit`` inline spaces (no newline)."""
        if not 0 < i < self.n:
            return False
        gap = self.s[i] - self.e[i - 1]
        if gap == 0:
            return True
        if gap > limit:
            return False
        return all(c in _WS_INLINE for c in self.text[self.e[i - 1]:self.s[i]])


# --------------------------------------------------------------------------- parser


class _Fig(dict):
    """One figure under construction (token span ``a``..``b`` exclusive)."""


def _num(v: float):
    """Return an int when the value is integral (nicer tables), else the float."""
    if v == v and abs(v) < 1e15 and float(v).is_integer():
        return int(v)
    return round(v, 10)


class _Parser:
    def __init__(self, text: str, *, clock_times: bool):
        self.T = _Toks(text)
        self.L = _lexicon()
        self.clock = clock_times
        self.figs: list[_Fig] = []
        self.skip_spans = _url_spans(text)
        self._newlines: list[int] | None = None

    # ---- helpers
    def word(self, i: int) -> str | None:
        T = self.T
        return T.low[i] if 0 <= i < T.n and T.cls[i] == "w" else None

    def match_trie(self, trie: dict, i: int, *, max_gap: int = 1) -> tuple | None:
        """Longest match of ``trie`` starting at token ``i``; returns (payload, end_index)."""
        T = self.T
        node, j, best = trie, i, None
        while j < T.n:
            if j > i and not T.near(j, max_gap):
                break
            if j > i and (T.cls[j] != "w" or T.cls[j - 1] != "w") and not T.adj(j):
                break
            nxt = node.get(T.low[j])
            exact = node.get(T.t[j])
            cand = nxt if nxt is not None else exact
            if cand is None:
                break
            if nxt is not None and exact is not None and exact is not nxt:
                cand = exact
            node = cand
            j += 1
            if None in node:
                payload, cased, ntok = node[None]
                if not cased or self._cased_ok(trie, j - ntok, j):
                    best = (payload, j)
        return best

    def _cased_ok(self, trie: dict, a: int, b: int) -> bool:
        node = trie
        for k in range(a, b):
            node = node.get(self.T.t[k])
            if node is None:
                return False
        return None in node

    def left_qualifier(self, a: int) -> tuple[str | None, int]:
        """A hedge ending right before token ``a``: (code, first token index)."""
        T = self.T
        node, j, best = self.L["quals_left"], a - 1, (None, a)
        while j >= 0 and T.cls[j] != "d":
            if not T.near(j + 1, 2):
                break
            node = node.get(T.low[j])
            if node is None:
                break
            if None in node and not (T.cls[j] == "s" and j > 0 and T.adj(j)
                                     and T.cls[j - 1] in "wd"):
                best = (node[None][0], j)  # not the ">" closing a tag such as "<XON>"
            j -= 1
        return best

    # ---- main loop
    def run(self) -> list[_Fig]:
        T = self.T
        i = 0
        while i < T.n:
            if self.skip_spans and self._in_skip(T.s[i]):
                i += 1
                continue
            nxt = self.at(i)
            i = nxt if nxt > i else i + 1
        self._merge_bounds()
        return self.figs

    def _merge_bounds(self) -> None:
        """"more than 10 and less than 20", "over 20 but under 30" → one range."""
        T, figs = self.T, self.figs
        out: list[_Fig] = []
        k = 0
        while k < len(figs):
            f = figs[k]
            g = figs[k + 1] if k + 1 < len(figs) else None
            pair = g is not None and {f["qualifier"], g["qualifier"]} and (
                (f["qualifier"] in ("gt", "ge") and g["qualifier"] in ("lt", "le"))
                or (f["qualifier"] in ("lt", "le") and g["qualifier"] in ("gt", "ge")))
            if (pair and f["kind"] == g["kind"] and f["kind"] not in ("date", "ordinal", "range")
                    and (f["unit"] is None or g["unit"] is None or f["unit"] == g["unit"])
                    and isinstance(f["value"], (int, float)) and isinstance(g["value"], (int, float))
                    and (f["value"] < g["value"]) == (f["qualifier"] in ("gt", "ge"))):
                _, qs = self.left_qualifier(g["a"])
                between = [T.low[m] for m in range(f["b"], qs)]
                if between and all(w in ("and", "but", ",") for w in between) and len(between) <= 2:
                    unit = f["unit"] or g["unit"]
                    fa = self.left_qualifier(f["a"])[1]
                    lo, hi = sorted((f["value"], g["value"]))
                    out.append(_Fig(a=fa, b=g["b"], start=T.s[fa], end=g["end"], value=None,
                                    low=lo, high=hi, unit=unit, kind="range",
                                    qualifier=None))
                    k += 2
                    continue
            out.append(f)
            k += 1
        self.figs[:] = out

    def _in_skip(self, pos: int) -> bool:
        for a, b in self.skip_spans:
            if a <= pos < b:
                return True
        return False

    def at(self, i: int) -> int:
        """Try to read a figure starting at token ``i``; return the next index to look at."""
        T = self.T
        c = T.cls[i]
        low = T.low[i]
        if c == "w":
            j = self.date_at(i)
            if j:
                return j
            if low in _VAGUE:
                j = self.vague_at(i)
                if j:
                    return j
            if low in ("several", "few") or (low == "a" and self.word(i + 1) == "few"):
                k = i + 2 if low == "a" else i + 1
                w = self.word(k)
                if w in ("hundred", "thousand", "million", "billion", "dozen") and T.near(k, 1):
                    val = 12 if w == "dozen" else self.L["nums"][w][0]
                    end = k + 1
                    u = self.unit_after(end, val)
                    unit, kind = (u[0], u[1]) if u else (None, "count")
                    end = u[2] if u else end
                    self.add(i, end, value=_num(val), unit=unit, kind=kind, qualifier="vague")
                    return end
            if low in ("half", "a", "one", "quarter"):
                j = self.fraction_of(i)
                if j:
                    return j
            if low == "minus" and i + 1 < T.n and T.near(i + 1, 1) and (
                    T.cls[i + 1] == "d" or T.low[i + 1] in self.L["nums"]):
                n0 = len(self.figs)
                j = self.number_at(i + 1)
                if len(self.figs) > n0 and self.figs[n0]["a"] == i + 1 and isinstance(
                        self.figs[n0]["value"], (int, float)) and self.figs[n0]["kind"] != "date":
                    f = self.figs[n0]
                    f["value"] = _num(-f["value"])
                    f["a"], f["start"] = i, T.s[i]
                return j
            if low in self.L["nums"] or low in ("a", "an", "half", "quarter"):
                return self.number_at(i)
            if self._prefix_word(i) or low in self.L["dollar"] or low == "u":
                return self.number_at(i)
            return i + 1
        if c == "d":
            j = self.date_at(i)
            if j:
                return j
            return self.number_at(i)
        # symbols: currency, leading decimal point, minus sign, fractions
        if T.t[i] in self.L["cur_symbols"] or T.t[i] in ".-−" or T.t[i] in _UNICODE_FRACTIONS:
            return self.number_at(i)
        return i + 1

    # ---- numbers
    def read_number(self, i: int):
        """Read a bare number at ``i``: (value, end, info) or None.

        info: words (bool), sep (thousand separators), dec (decimal), ordinal, raw int string.
        """
        T = self.T
        if i >= T.n:
            return None
        t = T.t[i]
        if T.cls[i] == "d":
            return self.read_digits(i)
        if t in _UNICODE_FRACTIONS:
            return _UNICODE_FRACTIONS[t], i + 1, {"words": False, "frac": True}
        if t == "." and i + 1 < T.n and T.cls[i + 1] == "d" and T.adj(i + 1) \
                and not (i > 0 and T.adj(i) and T.t[i - 1] not in "([$£€"):
            v = float("0." + T.t[i + 1])
            return v, i + 2, {"words": False, "dec": True}
        if T.cls[i] == "w":
            return self.read_words(i)
        return None

    def read_digits(self, i: int):
        T = self.T
        digits = T.t[i]
        j = i + 1
        sep = dec = False
        # thousands groups: "22,000", "10 000", "40 000" (narrow no-break space)
        if len(digits) <= 3:
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
                                and T.s[j + 1] - T.e[j] == 1)
                       and T.s[j] - T.e[j - 1] == 1):
                    digits += T.t[j]
                    j += 1
                    sep = True
        frac = ""
        # European thousands "1.000.000" (two or more dot groups; "4.800" alone is 4.8)
        if not sep and len(digits) <= 3:
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
        # European decimal comma before a scale word: "3,5 million"
        if (not sep and j + 2 < T.n and T.t[j] == "," and T.adj(j) and T.cls[j + 1] == "d"
                and T.adj(j + 1) and len(T.t[j + 1]) <= 2 and T.near(j + 2, 1)
                and T.low[j + 2] in ("million", "billion", "trillion", "mln", "bn", "bln")):
            frac = T.t[j + 1]
            j += 2
            dec = True
        if (not dec and j + 1 < T.n and T.t[j] == "." and T.adj(j) and T.cls[j + 1] == "d"
                and T.adj(j + 1)
                and not (j + 3 < T.n and T.t[j + 2] == "." and T.adj(j + 2)
                         and T.cls[j + 3] == "d" and T.adj(j + 3))):
            frac = T.t[j + 1]
            j += 2
            dec = True
        try:
            v = float(digits + ("." + frac if frac else ""))
        except ValueError:
            return None
        info = {"words": False, "sep": sep, "dec": dec, "raw": digits}
        # mixed fractions "1 1/2 cups"
        if (not sep and not dec and j + 2 < T.n and T.cls[j] == "d" and T.s[j] - T.e[j - 1] == 1
                and T.t[j + 1] == "/" and T.adj(j + 1) and T.cls[j + 2] == "d" and T.adj(j + 2)
                and T.text[T.e[j - 1]] in _WS_INLINE):
            num_, den_ = int(T.t[j]), int(T.t[j + 2])
            if 0 < num_ < den_ and den_ in (2, 3, 4, 8, 16) and not (
                    j + 3 < T.n and T.t[j + 3] == "/"):
                return v + num_ / den_, j + 3, dict(info, frac=True)
        # simple fractions "1/2", "3/4"
        if (not sep and not dec and j + 1 < T.n and T.t[j] == "/" and T.adj(j)
                and T.cls[j + 1] == "d" and T.adj(j + 1)):
            den = int(T.t[j + 1])
            if den in (2, 3, 4, 5, 6, 8, 10, 16, 32, 100) and 0 < v < den \
                    and not (j + 2 < T.n and T.t[j + 2] == "/"):
                return v / den, j + 2, {"words": False, "frac": True}
            end = j + 2
            while end + 1 < T.n and T.t[end] == "/" and T.adj(end) and T.cls[end + 1] == "d" \
                    and T.adj(end + 1):
                end += 2
            # "2004/05" fiscal years are dates; "12/25" and the like are skipped whole
            return v, end, {"words": False, "slash": True, "raw": digits}
        return v, j, info

    def read_words(self, i: int):
        """Number words: "twenty-one", "a hundred and two", "five and a half million"."""
        T, nums = self.T, self.L["nums"]
        j = i
        total = 0.0
        cur = 0.0
        seen = False
        last_type = None
        last_scale = 0.0
        ordinal = False
        n_words = 0
        if T.low[j] in ("a", "an"):
            nxt = self.word(j + 1)
            if nxt in ("hundred", "thousand", "million", "billion", "trillion", "dozen") \
                    and T.near(j + 1):
                cur = 1.0
                seen = True
                j += 1
                last_type = "a"
            elif nxt in ("half", "quarter") and T.near(j + 1) and self.word(j + 2) in (
                    "million", "billion", "trillion", "thousand", "dozen"):
                j += 1
            else:
                return None
        if T.low[j] in ("half", "quarter") and self.word(j + 1) in (
                "million", "billion", "trillion", "thousand") and T.near(j + 1):
            cur = 0.5 if T.low[j] == "half" else 0.25
            seen = True
            last_type = "frac"
            j += 1
        elif T.low[j] in ("half", "quarter") and self.word(j + 1) == "a" and self.word(
                j + 2) in ("million", "billion", "trillion", "thousand", "dozen"):
            cur = 0.5 if T.low[j] == "half" else 0.25
            seen = True
            last_type = "frac"
            j += 2
        while j < T.n:
            low = T.low[j]
            if j > i and not T.near(j):
                # allow a hyphen join "twenty-one"
                break
            if T.cls[j] != "w":
                if (low in _DASHES and last_type == "tens" and T.adj(j) and j + 1 < T.n
                        and T.adj(j + 1) and nums.get(T.low[j + 1], (0, ""))[1] in ("unit",
                                                                                     "ordinal")
                        and nums[T.low[j + 1]][0] < 10):
                    j += 1
                    continue
                # "one-third", "two-thirds", "three-quarters"
                if (low in _DASHES and last_type in ("unit", "teen") and T.adj(j) and j + 1 < T.n
                        and T.adj(j + 1) and (nums.get(T.low[j + 1], (0, ""))[1] == "denominator"
                                              or (T.low[j + 1] in ("third", "quarter", "half",
                                                                   "fifth", "tenth")
                                                  and cur == 1))):
                    den = {"third": 3, "quarter": 4, "half": 2, "fifth": 5, "tenth": 10}.get(
                        T.low[j + 1]) or nums[T.low[j + 1]][0]
                    cur = cur / den
                    j += 2
                    last_type = "frac"
                    n_words += 1
                    break
                break
            entry = nums.get(low)
            if low == "point" and seen and last_type in ("unit", "teen", "tens") \
                    and nums.get(self.word(j + 1) or "", (0, ""))[1] == "unit":
                digits = ""
                k = j + 1
                while k < T.n and T.near(k) and nums.get(T.low[k], (0, ""))[1] == "unit":
                    digits += str(int(nums[T.low[k]][0]))
                    k += 1
                cur += float("0." + digits)
                j = k
                last_type = "frac"
                n_words += 1
                continue
            if entry is None:
                if low == "and" and seen and last_type in ("hundred", "scale", "unit", "a",
                                                           "dozen", "tens", "teen"):
                    nxt = self.word(j + 1)
                    if nxt == "a" and self.word(j + 2) in ("half", "quarter"):
                        f = 0.5 if T.low[j + 2] == "half" else 0.25
                        after = self.word(j + 3)
                        if last_type == "scale" and after in nums and nums[after][1] == "scale":
                            cur += f
                        elif last_type == "scale":
                            total += f * last_scale
                        else:
                            cur += f
                        j += 3
                        last_type = "frac"
                        n_words += 1
                        continue
                    if nxt in nums and nums[nxt][1] in ("unit", "teen", "tens", "ordinal") \
                            and last_type in ("hundred", "scale"):
                        j += 1
                        continue
                break
            val, typ = entry
            if (low in ("third", "quarter", "half") and cur == 1 and last_type == "unit"
                    and total == 0 and self.word(j + 1) in ("of", None)):
                cur = 1 / {"third": 3, "quarter": 4, "half": 2}[low]  # "one third of"
                j += 1
                n_words += 1
                last_type = "frac"
                break
            if typ == "unit" or typ == "teen":
                if last_type in ("unit", "teen") or (last_type == "tens" and typ == "teen"):
                    break
                cur += val
            elif typ == "tens":
                if last_type in ("unit", "teen", "tens"):
                    break
                cur += val
            elif typ == "hundred":
                if last_type == "hundred":
                    break
                cur = (cur or 1.0) * val
            elif typ == "scale":
                if not seen:
                    return None
                if last_type == "scale" and cur == 0:
                    break
                total += (cur or 1.0) * val
                cur = 0.0
                last_scale = val
            elif typ == "dozen":
                cur = (cur or 1.0) * 12
            elif typ == "ordinal":
                if last_type in ("unit", "teen") and T.low[j - 1] not in _DASHES \
                        and val not in (100, 1000, 1_000_000):
                    break
                if last_type == "tens" and val >= 10 and val not in (100, 1000, 1_000_000):
                    break
                if val in (100, 1000, 1_000_000):
                    cur = (cur or 1.0) * val
                    if val >= 1000:
                        total += cur
                        cur = 0.0
                else:
                    cur += val
                ordinal = True
                seen = True
                j += 1
                n_words += 1
                break
            elif typ == "denominator" or (low in ("third", "quarter", "half") and cur == 1
                                          and last_type == "unit"
                                          and self.word(j + 1) in ("of", None)):
                if typ != "denominator":
                    val = {"third": 3, "quarter": 4, "half": 2}[low]  # "one third of"
                if last_type in ("unit", "teen", "tens") and cur:
                    cur = cur / val
                    last_type = "frac"
                    j += 1
                    n_words += 1
                    seen = True
                break
            else:  # bare fraction word "half"/"quarter" outside the patterns above
                break
            seen = True
            last_type = typ
            j += 1
            n_words += 1
        if not seen or j == i:
            return None
        # a trailing "and" was not consumed; "3 million and a quarter" handled above
        return total + cur, j, {"words": True, "ordinal": ordinal, "n_words": n_words,
                                "last_type": last_type}

    def scale_after(self, j: int, *, words: bool):
        """A magnitude word after a number ("million", "bn", "10k"): (factor, end)."""
        T = self.T
        if j >= T.n or T.cls[j] != "w":
            return None
        if not T.near(j):
            return None
        scales = self.L["scales"]
        entry = scales.get(T.t[j]) or scales.get(T.low[j])
        if entry is None:
            return None
        factor, attached, cased = entry
        if cased and T.t[j] not in scales:
            return None
        if attached and not T.adj(j):
            return None
        if words and len(T.t[j]) <= 3:
            return None  # "two k" is not news
        # "5 m" with a space is metres; the lone letter scales need a following boundary
        if j + 1 < T.n and T.adj(j + 1) and (T.cls[j + 1] in "wd"):
            return None
        if factor == 1_000_000 and T.t[j] == "m" and not self._money_context(j) and not (
                j + 1 < T.n and T.near(j + 1, 1)
                and self.match_trie(self.L["cur_suffix"], j + 1)) and not self._counted_plural(j + 1):
            return None  # "40m rupees", "$5m", "1.8m vehicles" are millions; "40m" alone is metres
        if T.low[j] == "b" and T.adj(j + 1) and j + 1 < T.n and T.t[j + 1] == "/":
            return None
        # "3 million and a quarter"
        end = j + 1
        if self.word(end) == "and" and self.word(end + 1) == "a" and self.word(end + 2) in (
                "half", "quarter") and not (end + 3 < T.n and self.word(end + 3) == "of"):
            frac = 0.5 if T.low[end + 2] == "half" else 0.25
            return factor, end + 3, frac
        return factor, end, 0.0

    def _counted_plural(self, k: int) -> bool:
        """A plural count noun follows ("1.8m vehicles", "2m people"), not a measure word."""
        w = self.word(k)
        if w is None or not self.T.near(k, 1) or not self.T.t[k][:1].islower():
            return False
        if w in _MEASURE_WORDS or w in _FUNCTION:
            return False
        return w.endswith("s") and not w.endswith("ss") or w in ("people", "children", "men",
                                                                   "women")

    def _money_context(self, j: int) -> bool:
        """Is there a currency mark right before the number that ends before token j?"""
        T = self.T
        k = j - 1
        while k >= 0 and (T.cls[k] == "d" or T.t[k] in ".,"):
            k -= 1
        return k >= 0 and T.t[k] in self.L["cur_symbols"]

    def _prefix_word(self, i: int):
        """The currency code of a word written before amounts ("USD", "Rs"), else None."""
        pw = self.L["cur_prefix_words"]
        entry = pw.get(self.T.t[i])
        if entry is None:
            entry = pw.get(self.T.low[i])
            if entry is not None and entry[1]:
                return None  # a cased code written in the wrong case ("all", "try")
            if entry is None:
                entry = self.L["cur_prefix_lower"].get(self.T.low[i])
        return entry[0] if entry else None

    def currency_before(self, i: int):
        """Currency written before the number starting at token ``i``: (code, first index)."""
        T = self.T
        k = i - 1
        if k < 0 or not T.near(i, 2):
            return None
        sym = T.t[k]
        if sym in self.L["cur_symbols"]:
            code = self.L["cur_symbols"][sym]
            first = k
            if sym == "$":
                # "US$", "C$", "hk $", "u . s . $"
                p = k - 1
                if p >= 0 and T.near(k, 1):
                    w = T.low[p]
                    if w in self.L["dollar"] and T.cls[p] == "w":
                        pcode, need_adj = self.L["dollar"][w]
                        if (T.adj(k) or not need_adj) and not (p > 0 and T.adj(p)
                                                              and T.cls[p - 1] == "w"):
                            if not (w in ("s", "us") and p >= 2 and T.t[p - 1] == "."
                                    and T.low[p - 2] == "u"):
                                code, first = pcode, p
                    if T.t[p] == "." and p >= 3 and T.low[p - 1] == "s" and T.t[p - 2] == "." \
                            and T.low[p - 3] == "u":
                        code, first = "USD", p - 3
            return code, first
        w = T.t[k]
        pw = self.L["cur_prefix_words"]
        if T.cls[k] == "w" and (w in pw or (T.low[k] in pw and not pw[T.low[k]][1])):
            entry = pw.get(w) or pw.get(T.low[k])
            if entry[1] and w not in pw:
                return None
            return entry[0], k
        return None

    def unit_after(self, j: int, value: float, *, hyphen_ok: bool = True):
        """A currency or unit after the number ending before token ``j``.

        Returns (unit, kind, end, hyphenated) or None.
        """
        T = self.T
        if j >= T.n:
            return None
        hyph = False
        k = j
        if T.t[k] in _DASHES and T.adj(k) and k + 1 < T.n and T.adj(k + 1) \
                and T.cls[k + 1] == "w" and hyphen_ok:
            k += 1
            hyph = True
        elif not T.near(k, 2):
            return None
        if (T.low[k] == "in" and k + 1 < T.n and T.t[k + 1] == "." and T.adj(k + 1)
                and T.cls[j - 1] == "d" and not hyph
                and not (k + 2 < T.n and T.t[k + 2][:1].isupper())):
            return "in", "quantity", k + 2, False  # "12 in. long"
        best = None
        cur = self.match_trie(self.L["cur_suffix"], k)
        if cur:
            best = (cur[0], "money", cur[1])
        unit = self.match_trie(self.L["units"], k)
        if unit and (best is None or unit[1] > best[2]):
            best = (unit[0][0], unit[0][1], unit[1])
        if best is None:
            return None
        code, kind, end = best
        surf = T.t[k]
        # boundaries: a unit must not run into letters or digits ("13F", "5 milestones")
        if end < T.n and T.adj(end) and T.cls[end] in "wd" and T.cls[end - 1] != "s":
            return None
        # one-letter units (m, t, l, h, C, F, p) only straight after a number
        if end - k == 1 and len(surf) == 1 and surf.isalpha():
            if hyph:
                return None
            if surf in "CF" and T.adj(k) and value >= 0 and not self._temperature_cue(k, end):
                return None  # "13F", "777F": forms and models, not temperatures
            if end < T.n and T.t[end] in "-'’" and T.adj(end):
                return None
        if (surf == '"' or code == "bit") and T.cls[j - 1] != "d":
            return None  # a closing quote after a number word
        if kind == "money" and end - k == 1 and T.low[k] in _AMBIGUOUS_MONEY \
                and not self._sterling(j, end):
            return None  # "3 marks out of 10", "5 crowns"
        if code == "lb" and hyph and T.low[k] == "pound" and self.word(end) in (
                "note", "notes", "coin", "coins", "fine", "bill"):
            code, kind = "GBP", "money"  # "a five-pound note"
        if code == "lb" and T.low[k] in ("pound", "pounds") and not hyph:
            if self._sterling(j, end):
                code, kind = "GBP", "money"
        return code, kind, end, hyph

    def _temperature_cue(self, k: int, end: int) -> bool:
        """A glued 'C'/'F' is a temperature near weather words or before a place phrase."""
        T = self.T
        if self.word(end) in ("in", "at", "on", "across", "and", "or", "by", "inside",
                              "outside") or end >= T.n or (T.cls[end] == "s" and T.t[end] in ".,;)!"):
            return True
        for w in T.low[max(0, k - 10):k]:
            if w in _TEMPERATURE_CUES:
                return True
        return False

    def _sterling(self, j: int, end: int) -> bool:
        """'pounds' is money with a scale word, 'sterling', or money words nearby."""
        T = self.T
        if self.word(end) == "sterling":
            return True
        if T.low[end - 1] == "pound" and self.word(end) is not None and T.near(end, 1):
            return False  # "2,000 pound bombs": an adjective of weight
        k0 = j - 1
        while k0 >= 0 and (T.cls[k0] == "d" or T.t[k0] in ",."):
            k0 -= 1
        scaled = k0 >= 0 and T.low[k0] in self.L["scales"]
        if self.word(end) == "of" and not scaled:
            return False  # "2 pounds of apples"
        k = j - 1
        while k >= 0 and (T.cls[k] == "d" or T.t[k] in ",."):
            k -= 1
        if k >= 0 and T.low[k] in self.L["scales"] and T.low[k] not in ("k", "m", "b"):
            return True
        if k >= 0 and T.low[k] in self.L["scales"]:
            return True
        k = j - 1
        while k >= 0 and j - k <= 8 and T.t[k] not in ".;:!?":
            if T.low[k] in _MONEY_CUES or T.t[k] == "£":
                return True
            k -= 1
        for w in T.low[end:end + 3]:
            if w in ("profit", "revenue", "sales", "deal", "contract", "fine", "loss"):
                return True
        return False

    def number_at(self, i: int) -> int:
        """Read a figure whose number (or prefix currency) starts at token ``i``."""
        T = self.T
        start = i
        currency = None
        neg = False
        # prefix currency ("$", "US$", "£", "USD 22.5 million", "u . s . $ 1 billion")
        k = i
        while k < T.n and k - i < 6 and T.cls[k] != "d" and T.t[k] not in self.L["cur_symbols"]:
            if T.cls[k] == "w" and T.low[k] not in self.L["dollar"] and T.low[k] not in (
                    "u", "s") and not (T.t[k] in self.L["cur_prefix_words"]
                                       or T.low[k] in self.L["cur_prefix_words"]):
                break
            if T.cls[k] == "s" and T.t[k] != ".":
                break
            k += 1
        if k < T.n and T.t[k] in self.L["cur_symbols"] and k + 1 < T.n and T.near(k + 1, 2) \
                and (T.cls[k + 1] == "d" or (T.t[k + 1] == "." and k + 2 < T.n)):
            cb = self.currency_before(k + 1)
            if cb and cb[1] <= i:
                currency, start = cb[0], cb[1]
                i = k + 1
            elif cb and cb[1] > i:
                return i + 1
        elif T.cls[i] == "w" and self._prefix_word(i) and i + 1 < T.n:
            k = i + 2 if (T.t[i + 1] == "." and T.adj(i + 1) and i + 2 < T.n) else i + 1
            if T.cls[k] == "d" and T.near(k, 1):
                currency, start = self._prefix_word(i), i
                i = k
        if currency is None and T.cls[i] == "w" and T.low[i] not in self.L["nums"] \
                and T.low[i] not in ("a", "an", "half", "quarter"):
            return i + 1
        if currency is None and T.t[i] in self.L["cur_symbols"]:
            return i + 1
        # negative sign: "-10C" (a minus sign after a space or at the start)
        if T.t[i] in "-−" and i + 1 < T.n and T.cls[i + 1] == "d" and T.adj(i + 1) and (
                i == 0 or not T.adj(i) or T.t[i - 1] in "(["):
            neg = True
            start = i
            i += 1
        elif T.t[i] in "-−":
            return i + 1
        # "734-794-6939", "978-3-16": phone numbers and identifiers are skipped whole
        if T.cls[i] == "d" and currency is None:
            k = i
            while k + 2 < T.n and T.t[k + 1] in _DASHES and T.adj(k + 1) and T.adj(k + 2) \
                    and T.cls[k + 2] == "d":
                k += 2
            if k - i >= 4:
                return k + 1
        got = self.read_number(i)
        if got is None and T.low[i] in ("a", "an") and currency is None:
            return self.a_unit(i)
        if got is None:
            return i + 1
        value, j, info = got
        if not math.isfinite(value) or abs(value) > 1e30:
            return j  # a digit run too long to be a figure
        if info.get("slash"):
            parts = [T.t[m] for m in range(i, j, 2)]
            if len(info["raw"]) == 4 and 1900 <= value <= 2099 and j - i == 3 and not neg:
                self.add(start, j, value=info["raw"], kind="date")  # fiscal "2004/05"
            elif len(parts) == 3 and len(parts[0]) == 4 and not neg:  # "2016/3/4"
                mo, d = int(parts[1]), int(parts[2])
                if 1 <= mo <= 12 and 1 <= d <= 31:
                    self.add(start, j, value=f"{parts[0]}-{mo:02d}-{d:02d}", kind="date")
            elif len(parts) == 3 and len(parts[2]) == 4 and not neg:
                a_, b_ = int(parts[0]), int(parts[1])
                mo, d = (a_, b_) if a_ <= 12 else (b_, a_)  # US order unless impossible
                if 1 <= mo <= 12 and 1 <= d <= 31:
                    self.add(start, j, value=f"{parts[2]}-{mo:02d}-{d:02d}", kind="date")
            return j
        if neg:
            value = -value
        words = info.get("words", False)
        # names with numbers: "F-16", "G7", "Boeing 747", "COVID-19"
        if not words and currency is None and not neg and self._is_name_number(i, j, info):
            return j
        # ordinal words
        if words and info.get("ordinal"):
            if (T.t[i][:1].isupper() and j < T.n and T.cls[j] == "w" and T.t[j][:1].isupper()
                    and not self._sentence_initial(i) and T.low[j] not in self.L["months"]):
                return j  # "the First Division Association"
            return self.ordinal_word(i, j, value)
        # digit ordinals "1st", "21st", "11th"
        if not words and j < T.n and T.adj(j) and T.low[j] in _ORD_SUFFIX and not info.get(
                "dec"):
            if j + 1 >= T.n or not (T.adj(j + 1) and T.cls[j + 1] in "wd"):
                self.add(start, j + 1, value=_num(value), kind="ordinal")
                return j + 1
        # decades "1990s", "the '90s"
        if not words and j < T.n and T.adj(j) and T.t[j] == "s" and info.get("raw", "").endswith(
                "0") and len(info.get("raw", "")) in (2, 4) and not (
                j + 1 < T.n and T.adj(j + 1) and T.cls[j + 1] in "wd"):
            raw = info["raw"]
            dec = raw[:3] + "X" if len(raw) == 4 else "19" + raw[0] + "X"
            a = start - 1 if len(raw) == 2 and start > 0 and T.t[start - 1] in "'’" else start
            if len(raw) == 4 or a < start:
                q = self._date_qualifier(a)
                self.add(a, j + 1, value=dec, kind="date", qualifier=q[0] if q else None)
                return j + 1
        # clock times "2:00 pm", "6pm", "10 a.m."
        ct = self._clock(i, j, value, info)
        if ct:
            end, tval = ct
            if self.clock:
                self.add(start, end, value=tval, kind="date")
            return end
        # "Group of Seven", "Six Nations", "First Division": number words inside a name
        if words and T.t[i][:1].isupper() and currency is None:
            if self.word(i - 1) == "of" and i > 1 and T.t[i - 2][:1].isupper():
                return j
            if (j + 1 < T.n and T.t[j] in _DASHES and T.adj(j) and T.adj(j + 1)
                    and T.cls[j + 1] == "w" and T.t[j + 1][:1].isupper()):
                return j + 2  # "Four-Kings", "Seven-Eleven"
            prev = self.word(i - 1)
            if (prev is not None and T.t[i - 1][:1].isupper() and T.near(i, 1)
                    and prev not in _FUNCTION and prev not in self.L["months"]
                    and prev not in self.L["weekdays"] and prev not in _NOT_NAME_BEFORE
                    and not self._sentence_initial(i - 1)):
                return j  # "Air Force One", "Formula One", "Channel Four"
            if (j < T.n and T.cls[j] == "w" and T.t[j][:1].isupper() and T.near(j, 1)
                    and not self._sentence_initial(i) and T.low[j] not in self.L["months"]
                    and T.low[j] not in self.L["weekdays"]):
                return j
        # the number word "one" as a pronoun ("one of the", "no one")
        if words and info.get("n_words") == 1 and T.low[i] == "one" and currency is None:
            if not self._one_is_number(i, j):
                return j
        # scale
        frac_extra = 0.0
        sc = self.scale_after(j, words=words) if not info.get("frac") else None
        scale_used = False
        if sc:
            factor, j, frac_extra = sc
            value = value * factor + frac_extra * factor
            scale_used = True
        # digit + word scale already in the words ("1.5 million" handled; "21 million" too)
        if not words and not scale_used and j < T.n and T.cls[j] == "w" and T.adj(j):
            # letters glued to digits must be a unit ("29km", "180.25ml") or it is a name
            u = self.unit_after(j, value, hyphen_ok=False)
            if u is None:
                return j + 1
        unit = kind = None
        end = j
        hyph = False
        if currency is not None:
            unit, kind = currency, "money"
            # "10 $" / "$ 1 USD" suffix symbols after prefix are ignored
            u = self.unit_after(j, value)
            if u and u[1] == "money" and u[0] in (currency, "USD"):
                end = u[2]
        else:
            u = self.unit_after(j, value)
            if u:
                unit, kind, end, hyph = u
                if kind != "money" and words and T.low[i] in ("a", "an") and (
                        len(T.t[end - 1]) < 3):
                    unit = kind = None
                    end = j
        if unit is None and words and T.low[i] in ("a", "an", "half", "quarter") \
                and value in (0.5, 0.25, 1) and not scale_used:
            return j
        if kind is None:
            kind = "count"
        if kind == "percent":
            unit = "%"
        # "a" + unit: "a week", "a gallon"; not a rate ("500,000 barrels a day", "$5 a share")
        if T.low[i] in ("a", "an") and words and info.get("n_words") == 0:
            if self.figs and self.figs[-1]["b"] >= i - 2 and self.figs[-1]["kind"] != "date":
                return end
            if kind not in ("duration", "quantity"):
                return j
        # compound "5 feet and 2 inches"
        if kind == "quantity" and unit == "ft":
            k2 = end + 1 if self.word(end) == "and" else end
            got2 = self.read_number(k2) if k2 < T.n and T.near(k2) else None
            if got2 and got2[1] < T.n and T.near(got2[1]) and got2[0] < 12:
                u2 = self.unit_after(got2[1], got2[0])
                if u2 and u2[0] == "in":
                    value, end = value + got2[0] / 12.0, u2[2]
                elif self.word(got2[1]) == "in" and self.word(got2[1] + 1) not in _FUNCTION:
                    value, end = value + got2[0] / 12.0, got2[1] + 1  # "6 ft 2 in"
        # "10 degrees below zero"
        if unit in ("deg", "degC", "degF") and self.word(end) == "below" and self.word(
                end + 1) == "zero":
            value, end = -value, end + 2
        # "± 0.1": an uncertainty makes a range (quantulum3's convention)
        pm = self._plus_minus(j if unit is None else end)
        if pm:
            u_val, k_end = pm
            u2 = self.unit_after(k_end, u_val) if unit is None else None
            u_unit = unit if unit is not None else (u2[0] if u2 else None)
            end2 = u2[2] if u2 else k_end
            self.add(start, end2, value=None, low=_num(value - u_val), high=_num(value + u_val),
                     unit=u_unit, kind="range")
            return end2
        # ages: "ten years old", "3 years of age", "90 day old"
        if kind == "duration":
            if self.word(end) in _AGE_WORDS and T.near(end):
                end += 1
            elif end + 1 < T.n and T.t[end] in _DASHES and T.adj(end) and T.adj(
                    end + 1) and T.low[end + 1] in _AGE_WORDS:
                end += 2
            elif self.word(end) == "of" and self.word(end + 1) == "age":
                end += 2
        # ranges "8- to 16-meter", "3 to 4 L", "1000-5000", "between 10 and 20"
        rng = self.range_after(start, i, end if unit else j, value, unit, kind, hyph)
        if rng:
            return rng
        # plain four-digit numbers are years
        if kind == "count" and not words and not info.get("sep") and not info.get("dec") \
                and not info.get("frac") and not neg:
            raw = info.get("raw", "")
            y = int(value)
            if len(raw) == 4 and (1900 <= y <= 2099 or (1000 <= y < 1900 and self.word(
                    i - 1) in ("in", "since", "of", "year", "until"))):
                qual, _ = self.left_qualifier(start)
                if qual is None:
                    return self.year_at(start, end, y)
            # lone comment counter: a line that is only a number, in a longer text
            if self._lone_line(start, end):
                return end
        qual, qstart = self.left_qualifier(start)
        if qual == "gt" and T.low[qstart] == "over" and kind == "duration" and T.low[
                end - 1] not in _AGE_WORDS and T.low[end - 1] != "age":
            qual = None
        if qual == "approx" and T.low[qstart] == "some" and kind == "date":
            qual = None
        rq = self.match_trie(self.L["quals_right"], end) if end < T.n and T.near(end) else None
        if rq and rq[1] < T.n and T.adj(rq[1]) and T.cls[rq[1]] in "dw":
            rq = None  # "3+4", "2+2 talks": arithmetic and names, not "or more"
        if rq and qual is None:
            qual = rq[0][0] if isinstance(rq[0], tuple) else rq[0]
            end = rq[1]  # the surface includes "or more"
        if T.low[start] in ("a", "an") and kind == "count" and value == 1:
            return end
        if kind == "count" and (self.word(start - 1) in ("aged", "age") or (
                self.word(start - 1) == "of" and self.word(start - 2) == "age")) \
                and 0 < value < 130 and not info.get("dec"):
            unit, kind = "year", "duration"  # "aged 30", "at age 17"
        self.add(start, end, value=_num(value), unit=unit, kind=kind, qualifier=qual)
        return end

    def fraction_of(self, i: int) -> int:
        """"half of the residents", "a quarter of the budget": a share, as a count."""
        T = self.T
        j = i
        if T.low[i] in ("a", "one"):
            j = i + 1
            if self.word(j) not in ("half", "quarter") or not T.near(j, 1):
                return 0
        if self.word(j) not in ("half", "quarter") or self.word(j + 1) != "of":
            return 0
        if self.word(i - 1) in ("the", "first", "second", "third", "fourth", "last", "and",
                                "a", "one"):
            return 0
        if self.figs and self.figs[-1]["b"] == i:
            return 0
        value = 0.5 if T.low[j] == "half" else 0.25
        qual, _ = self.left_qualifier(i)
        end = j + 1
        if self.word(end + 1) == "a" and self.word(end + 2) in ("million", "billion", "thousand",
                                                                 "trillion"):
            value *= self.L["nums"][T.low[end + 2]][0]  # "a quarter of a million"
            end += 3
            self.add(i, end, value=_num(value), kind="count", qualifier=qual)
            return end
        self.add(i, j + 1, value=value, kind="count", qualifier=qual)
        return j + 1

    def a_unit(self, i: int) -> int:
        """"a week", "an hour", "a gallon" — but not a rate ("500,000 barrels a day")."""
        T = self.T
        if i + 1 >= T.n or not T.near(i + 1, 1) or T.cls[i + 1] != "w":
            return i + 1
        u = self.unit_after(i + 1, 1.0, hyphen_ok=False)
        if not u or u[1] not in ("duration", "quantity", "money") or len(T.t[i + 1]) < 3:
            return i + 1
        if u[2] - (i + 1) != 1 or T.low[i + 1].endswith("s"):
            return i + 1
        if self.figs and self.figs[-1]["b"] >= i and self.figs[-1]["kind"] != "date":
            return u[2]
        prev = self.word(i - 1)
        if u[1] == "duration" and i > 0 and T.cls[i - 1] == "w" and prev not in _FUNCTION \
                and not self.left_qualifier(i)[0]:
            return u[2]  # "100 trucks a day", "$5 a share": a rate, not a duration
        if prev in ("per", "once", "twice", "times", "it") or (self.word(u[2]) in ("ago", "earlier",
                                                                              "later")):
            return u[2]
        end, one = u[2], 1
        if self.word(end) == "and" and self.word(end + 1) == "a" and self.word(end + 2) == "half":
            end, one = end + 3, 1.5  # "a year and a half"
        u = (u[0], u[1], end) + tuple(u[3:])
        qual, qs = self.left_qualifier(i)
        if qual == "gt" and T.low[qs] == "over" and u[1] == "duration":
            qual = None  # "over a week" is a time span, not "more than a week"
        self.add(i, u[2], value=_num(one), unit=u[0], kind=u[1], qualifier=qual)
        return u[2]

    def _plus_minus(self, k: int):
        """'± 0.1' or '+/- 0.1' after a number: (uncertainty, end) or None."""
        T = self.T
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
        got = self.read_number(m)
        if not got or got[2].get("words"):
            return None
        return got[0], got[1]

    def _sentence_initial(self, i: int) -> bool:
        T = self.T
        k = i - 1
        while k >= 0 and T.t[k] in "\"“‘'(":
            k -= 1
        return k < 0 or T.t[k] in ".!?:;" or "\n" in T.text[T.e[k]:T.s[k + 1]]

    def _is_name_number(self, i: int, j: int, info) -> bool:
        T = self.T
        if info.get("sep") or info.get("dec") or info.get("frac"):
            return False
        # "2+2 talks", "P5+1": numbers joined by a plus sign are a name
        if (j + 1 < T.n and T.t[j] == "+" and T.adj(j) and T.adj(j + 1) and T.cls[j + 1] == "d") \
                or (i > 1 and T.t[i - 1] == "+" and T.adj(i) and T.adj(i - 1)
                    and T.cls[i - 2] in "dw"):
            return True
        # letters glued before: "G7", "A320", "iPhone15"
        if i > 0 and T.adj(i) and T.cls[i - 1] == "w":
            return True
        # letter-hyphen-digits: "F-16", "COVID-19", "B-52" (not "mid-2023")
        if i > 1 and T.t[i - 1] in _DASHES and T.adj(i) and T.adj(i - 1) \
                and T.cls[i - 2] == "w" and T.low[i - 2] not in ("mid", "early", "late"):
            return True
        # digits glued to letters after that are neither units, scales nor ordinal suffixes
        if j < T.n and T.adj(j) and T.cls[j] == "w":
            low = T.low[j]
            if low in _ORD_SUFFIX or low == "s" or low in ("am", "pm", "a", "p"):
                return False
            if T.t[j] in self.L["scales"] or low in self.L["scales"]:
                return False
            if self.match_trie(self.L["units"], j) or self.match_trie(self.L["cur_suffix"], j):
                return False
            return True
        # "Boeing 747", "Route 66": a capitalised word (not a sentence start) before
        if i > 0 and T.cls[i - 1] == "w" and T.t[i - 1][:1].isupper() and T.near(i, 1):
            w = T.low[i - 1]
            if w in self.L["months"] or w in self.L["weekdays"] or w in _FUNCTION \
                    or w in self.L["nums"] or w in self.L["cur_prefix_words"] \
                    or T.t[i - 1] in self.L["cur_prefix_words"]:
                return False
            if w in _NOT_NAME_BEFORE or self.left_qualifier(i)[0]:
                return False
            if j < T.n and T.near(j, 2) and (self.match_trie(self.L["units"], j)
                                              or self.scale_after(j, words=False)):
                return False
            return True
        return False

    def _one_is_number(self, i: int, j: int) -> bool:
        T = self.T
        if self.word(i - 1) in _ONE_NOT_AFTER:
            return False
        nxt = self.word(j)
        if nxt is None or nxt in _ONE_NOT_BEFORE or not T.near(j, 1):
            return bool(self.unit_after(j, 1.0))
        if nxt in _FUNCTION and nxt not in ("more",):
            return False
        return True

    def _clock(self, i: int, j: int, value: float, info):
        T = self.T
        if info.get("words") or info.get("sep") or info.get("dec"):
            return None
        end = j
        tval = None
        if j + 1 < T.n and T.t[j] == ":" and T.adj(j) and T.cls[j + 1] == "d" and T.adj(
                j + 1) and len(T.t[j + 1]) == 2 and value < 25:
            mins = T.t[j + 1]
            end = j + 2
            tval = (int(value), int(mins))
        ap = self._ampm(end)
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
                and T.near(j, 1) and T.t[j] in _TIME_ZONES:
            return j + 1, f"T{raw[:2]}:{raw[2:]}"  # "0730 GMT"
        return None

    def _ampm(self, k: int):
        T = self.T
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

    def _lone_line(self, a: int, b: int) -> bool:
        T = self.T
        text = T.text
        if self._newlines is None:
            self._newlines = [k for k, ch in enumerate(text) if ch == "\n"]
        nl = self._newlines
        p = bisect_right(nl, T.s[a]) - 1
        ls = nl[p] + 1 if p >= 0 else 0
        q = bisect_right(nl, T.e[b - 1] - 1)
        le = nl[q] if q < len(nl) else len(text)
        if text[ls:le].strip() != text[T.s[a]:T.e[b - 1]]:
            return False
        return bool(text[:ls].strip() or text[le:].strip())

    def ordinal_word(self, i: int, j: int, value: float) -> int:
        T = self.T
        low = T.low[j - 1]
        prev = self.word(i - 1)
        if low in ("first", "second") and j - i == 1:
            # "first" and "second" are often adverbs or a unit of time
            det = prev in ("the", "a", "its", "his", "her", "their", "our", "my", "your",
                           "this", "that")
            if i > 1 and T.low[i - 1] == "s" and T.t[i - 2] in ("’", "'"):
                det = True
            if self.word(j) in ("time", "times", "round", "half", "quarter", "place"):
                det = True
            if low == "second" and (prev in ("a", "per", "every") or self.word(j) == "of"):
                det = prev == "the"
            if not det:
                return j
        if (j - i == 1 and prev in ("a", "one") and 3 <= value <= 10
                and (self.word(j) in ("of", None))):
            # "a third of the crop", "fell by a fifth": a share, not a position
            qual, _ = self.left_qualifier(i - 1)
            self.add(i - 1, j, value=_num(round(1 / value, 10)), kind="count", qualifier=qual)
            return j
        self.add(i, j, value=_num(value), kind="ordinal")
        return j

    def year_at(self, a: int, b: int, y: int) -> int:
        qual = self._date_qualifier(a)
        self.add(a, b, value=f"{y:04d}", kind="date", qualifier=qual[0] if qual else None)
        return b

    def _date_qualifier(self, a: int):
        """"mid-December", "early November", "end of March", "beginning of 2000"."""
        T = self.T
        w1 = self.word(a - 1)
        if w1 in ("early", "late", "mid") and T.near(a, 1):
            return {"early": "early", "late": "end", "mid": "mid"}[w1], a - 1
        if a >= 2 and T.t[a - 1] in _DASHES and T.adj(a) and T.adj(a - 1) and self.word(
                a - 2) in ("mid", "early", "late"):
            w = T.low[a - 2]
            return {"early": "early", "late": "end", "mid": "mid"}[w], a - 2
        if w1 == "of" and self.word(a - 2) in ("end", "beginning", "start", "middle"):
            w = T.low[a - 2]
            return {"end": "end", "beginning": "start", "start": "start",
                    "middle": "mid"}[w], a - 2
        return None

    # ---- dates
    def month_at(self, i: int):
        """Month name (or abbreviation with its dot) at ``i``: (month, end) or None."""
        T = self.T
        if i >= T.n or T.cls[i] != "w":
            return None
        m = self.L["months"].get(T.low[i])
        if m is None:
            return None
        end = i + 1
        if end < T.n and T.t[end] == "." and T.adj(end) and len(T.t[i]) <= 4:
            end += 1
        return m, end

    def day_at(self, k: int):
        """Day of month at ``k`` ("7", "29th", "twenty-first"): (day, end) or None."""
        T = self.T
        if k >= T.n:
            return None
        if T.cls[k] == "d" and len(T.t[k]) <= 2:
            d = int(T.t[k])
            end = k + 1
            if end < T.n and T.adj(end) and T.low[end] in _ORD_SUFFIX:
                end += 1
            if end < T.n and T.adj(end) and T.cls[end] in "wd":
                return None
            if end + 1 < T.n and T.t[end] in ",." and T.adj(end) and T.cls[end + 1] == "d" \
                    and T.adj(end + 1):
                return None  # "7,000", "7.5"
            if 1 <= d <= 31:
                return d, end
            return None
        if T.cls[k] == "w":
            got = self.read_words(k)
            if got and got[2].get("ordinal") and 1 <= got[0] <= 31:
                return int(got[0]), got[1]
        return None

    def year_after(self, k: int):
        T = self.T
        if k < T.n and T.cls[k] == "d" and len(T.t[k]) == 4 and 1000 <= int(T.t[k]) <= 2199 \
                and not (k + 1 < T.n and T.adj(k + 1) and T.cls[k + 1] in "wd"):
            return int(T.t[k]), k + 1
        if k < T.n and T.cls[k] == "w":
            got = self._year_words(k)
            if got:
                return got
        return None

    def _year_words(self, k: int):
        """'nineteen ninety nine' → 1999 (after a month only)."""
        T, nums = self.T, self.L["nums"]
        e = nums.get(T.low[k])
        if not e or e[1] not in ("teen", "tens"):
            return None
        rest = self.read_words(k + 1) if k + 1 < T.n and T.near(k + 1) else None
        if not rest or rest[0] >= 100 or rest[2].get("ordinal"):
            return None
        y = int(e[0]) * 100 + int(rest[0])
        if 1000 <= y <= 2199:
            return y, rest[1]
        return None

    def date_at(self, i: int) -> int:
        """Read a calendar date starting at ``i``; return the end index or 0."""
        T = self.T
        L = self.L
        low = T.low[i]
        # ISO 2023-12-01
        if T.cls[i] == "d" and len(T.t[i]) == 4 and i + 4 < T.n and T.t[i + 1] == "-" and all(
                T.adj(i + k) for k in range(1, 5)) and T.cls[i + 2] == "d" and T.cls[
                i + 4] == "d" and T.t[i + 3] == "-" and len(T.t[i + 2]) <= 2 and len(
                T.t[i + 4]) <= 2 and 1 <= int(T.t[i + 2]) <= 12 and 1 <= int(T.t[i + 4]) <= 31:
            self.add(i, i + 5, value=f"{T.t[i]}-{int(T.t[i + 2]):02d}-{int(T.t[i + 4]):02d}",
                     kind="date")
            return i + 5
        if T.cls[i] == "w" and low in L["weekdays"] and T.t[i][:1].isupper():
            self.add(i, i + 1, value=f"XXXX-WXX-{L['weekdays'][low]}", kind="date")
            return i + 1
        # day first: "16. Nov. 2016", "7 October", "second of Aug."
        if (T.cls[i] == "d" and len(T.t[i]) <= 2) or (T.cls[i] == "w" and low in L["nums"]
                                                     and L["nums"][low][1] in ("ordinal",
                                                                               "tens")):
            d = self.day_at(i)
            if d:
                day, k = d
                if k < T.n and T.t[k] == "." and T.adj(k):
                    k += 1
                if self.word(k) == "of" and T.near(k):
                    k += 1
                if k < T.n and T.near(k, 2):
                    m = self.month_at(k)
                    if m:
                        month, e = m
                        if L["months"].get(T.low[k]) and (T.low[k] != "may" or T.t[k] == "May"):
                            y = self._year_after_comma(e)
                            yv, e = (y if y else (None, e))
                            val = f"{yv:04d}" if yv else "XXXX"
                            self.add(i, e, value=f"{val}-{month:02d}-{day:02d}", kind="date")
                            return e
            return 0
        if T.cls[i] != "w" or low not in L["months"]:
            return 0
        m = self.month_at(i)
        month, k = m
        cap = T.t[i][:1].isupper()
        if low == "may" and not cap:
            return 0
        # month day [, year]
        if k < T.n and T.near(k, 2):
            d = self.day_at(k)
            if d:
                day, e = d
                if not (e < T.n and T.near(e, 2) and self.unit_after(e, day) and
                        self.word(e) not in ("and", "to")):
                    y = self._year_after_comma(e)
                    yv, e = (y if y else (None, e))
                    val = f"{yv:04d}" if yv else "XXXX"
                    qual = self._date_qualifier(i)
                    a = i
                    self.add(a, e, value=f"{val}-{month:02d}-{day:02d}", kind="date",
                             qualifier=qual[0] if qual else None)
                    # "March 11-13": the last day is a date of its own
                    if e + 1 < T.n and T.t[e] in _DASHES and T.adj(e) and T.adj(e + 1) \
                            and T.cls[e + 1] == "d":
                        d2 = self.day_at(e + 1)
                        if d2 and d2[0] > day:
                            e2 = d2[1]
                            y2 = self._year_after_comma(e2) if val == "XXXX" else None
                            if y2:
                                val, e2 = f"{y2[0]:04d}", y2[1]
                                self.figs[-1]["value"] = f"{val}-{month:02d}-{day:02d}"
                            self.add(e + 1, e2, value=f"{val}-{month:02d}-{d2[0]:02d}",
                                     kind="date")
                            return e2
                    return e
            j = k + 1 if self.word(k) == "of" or (k < T.n and T.t[k] == ",") else k
            if j < T.n and T.near(j, 2):
                y = self.year_after(j)
                if y:
                    qual = self._date_qualifier(i)
                    self.add(i, y[1], value=f"{y[0]:04d}-{month:02d}", kind="date",
                             qualifier=qual[0] if qual else None)
                    return y[1]
        # month alone: strong names, capitalised, with a date cue before
        if cap and (low in L["strong_months"] or (len(low) > 3 and low != "may")
                    or (low == "may" and (self._date_qualifier(i) or self.word(i - 1) in (
                        "in", "of", "since", "until", "between", "from", "to", "by", "and")))):
            qual = self._date_qualifier(i)
            prev = self.word(i - 1)
            if low not in L["strong_months"] and not (qual or prev in (
                    "in", "since", "until", "of", "early", "late", "between", "from", "to",
                    "and", "through", "by")):
                return 0
            if qual or prev in _DATE_PREPS or prev in ("last", "next", "this", "of", "and", "or",
                                                        "between", "to", "through",
                                                        "throughout", "till", "around"):
                self.add(i, k if T.t[k - 1] != "." else k - 1, value=f"XXXX-{month:02d}",
                         kind="date", qualifier=qual[0] if qual else None)
                return k
        return 0

    def _year_after_comma(self, e: int):
        T = self.T
        k = e
        if k < T.n and T.t[k] == "," and T.near(k, 1):  # "Jan 1, 1988" or tokenised "jan 1 , 1988"
            k += 1
        if k < T.n and T.near(k, 2):
            y = self.year_after(k)
            if y and T.cls[k] == "d":
                return y
        return None

    # ---- vague quantities and ranges
    def vague_at(self, i: int) -> int:
        """"thousands of", "tens of thousands of", "dozens of"."""
        T = self.T
        val = _VAGUE[T.low[i]]
        j = i + 1
        if self.word(j) != "of":
            return 0
        if self.word(j + 1) in _VAGUE and self.word(j + 2) == "of" and \
                _VAGUE[T.low[j + 1]] >= 1000:
            val *= _VAGUE[T.low[j + 1]]
            j += 2
        # "millions of dollars", "thousands of pounds" (but "pounds of explosives" is weight)
        cur = self.match_trie(self.L["cur_suffix"], j + 1) if j + 1 < T.n else None
        if cur and not (T.low[j + 1] in ("pounds", "pound") and self.word(cur[1]) == "of"):
            self.add(i, cur[1], value=_num(val), unit=cur[0], kind="money", qualifier="vague")
            return cur[1]
        self.add(i, j, value=_num(val), kind="count", qualifier="vague")
        return j + 1

    def range_after(self, start, i, j, value, unit, kind, hyph):
        """Try to extend the figure at ``start`` into a range; return the end index or 0."""
        T = self.T
        k = j
        between = self.word(start - 1) == "between"
        frm = self.word(start - 1) == "from"
        if k < T.n and T.t[k] in _DASHES and T.near(k, 1) and T.cls[i] != "w":
            if k + 1 < T.n and self.word(k + 1) == "to" and T.near(k + 1, 1):
                k += 2  # "8- to 16-meter"
            elif unit is not None and not hyph and kind not in ("money",):
                k += 1
            elif unit is None or kind in ("money", "percent"):
                k += 1
            else:
                return 0
        elif self.word(k) == "to" and T.near(k, 1) and not between and not (
                self.word(self.left_qualifier(start)[1] - 1) in _CHANGE_VERBS and not frm):
            # "fell 131 mln dlrs to 614 mln dlrs" is a change, not a range
            k += 1
        elif self.word(k) == "and" and between and T.near(k, 1):
            k += 1
        elif k < T.n and T.t[k] == "~" and T.near(k, 1):
            k += 1
        else:
            return 0
        if k >= T.n or not T.near(k, 2):
            return 0
        cur2 = None
        m = k
        if T.t[m] in self.L["cur_symbols"]:
            cur2 = self.L["cur_symbols"][T.t[m]]
            m += 1
            if m >= T.n or not T.near(m, 2):
                return 0
        got = self.read_number(m)
        if got is None:
            return 0
        v2, e, info2 = got
        if info2.get("ordinal"):
            return 0
        sc = self.scale_after(e, words=info2.get("words", False))
        factor2 = 1.0
        if sc:
            factor2, e = sc[0], sc[1]
            v2 *= factor2
        u2 = self.unit_after(e, v2)
        unit2, kind2, end = (u2[0], u2[1], u2[2]) if u2 else (None, None, e)
        if u2 and kind2 == "duration" and self.word(end) in _AGE_WORDS:
            end += 1
        if cur2:
            unit2, kind2 = cur2, "money"
        if unit is not None and unit2 is not None and unit != unit2:
            return 0
        if unit is None and unit2 is None and kind not in ("count",):
            return 0
        lo = value
        if sc and factor2 > 1 and lo < v2 / factor2 * 1.0001 and lo * factor2 <= v2 and \
                not self.scale_after(j, words=False) and lo < 1000:
            lo = lo * factor2  # "$1 to 2 million"
        if lo < 1000 <= v2 and lo * 1000 <= v2 and lo * 10_000 > v2 and v2 % 1000 == 0 \
                and info2.get("sep") and lo == int(lo):
            lo *= 1000  # "$50-100,000" is 50,000 to 100,000
        if not lo < v2:
            return 0
        # "734-794-6939": a phone number or an identifier, not a range
        if T.t[j] in _DASHES and e + 1 < T.n and T.t[e] in _DASHES and T.adj(e) \
                and T.cls[e + 1] == "d":
            return 0
        # the hyphenated case "2023-24", "9-11": digits of different shapes are not ranges
        if T.t[j] in _DASHES and not between and not frm:
            if lo >= 1900 and lo <= 2099 and v2 < 100:
                return 0
        a = start - 1 if (between or frm) else start
        u = unit if unit is not None else unit2
        qual, _ = self.left_qualifier(a)
        self.add(a, end, value=None, low=_num(lo), high=_num(v2), unit=u, kind="range",
                 qualifier=qual if qual in ("approx",) else None)
        return end

    def add(self, a: int, b: int, *, value, kind, unit=None, qualifier=None, low=None,
            high=None):
        T = self.T
        self.figs.append(_Fig(a=a, b=b, start=T.s[a], end=T.e[b - 1], value=value, low=low,
                              high=high, unit=unit, kind=kind, qualifier=qualifier))


_TIME_ZONES = frozenset("GMT UTC EST EDT CST CDT PST PDT BST CET CEST IST JST".split())
_MEASURE_WORDS = frozenset(
    "long high wide tall deep away above below across thick apart sprint race dash hurdles "
    "metres meters depth deeps ahead".split()
)
_CHANGE_VERBS = frozenset(
    "fell rose dropped climbed gained lost declined increased decreased jumped slipped grew "
    "shrank surged plunged plummeted soared eased edged slid sank tumbled up down by cut "
    "raised lowered reduced boosted".split()
)
_AMBIGUOUS_MONEY = frozenset({"marks", "crowns", "rand", "francs", "won"})
_NOT_NAME_BEFORE = frozenset(
    "between from only just another exactly all those these with by to nearly almost roughly about around "
    "some over under approximately estimated perhaps maybe".split()
)
_TEMPERATURE_CUES = frozenset(
    "temperature temperatures degrees weather heat cold hot warm warmer colder lows highs "
    "thermometer heatwave freezing".split()
)
_MONEY_CUES = frozenset(
    "profit profits revenue revenues sales cost costs costing price prices priced paid pay pays "
    "worth fined fine budget income loss losses earn earned earns salary bid fund funds spent "
    "spend spending tax taxes sold buy bought deal contract raised invest invested £ gbp "
    "sterling".split()
)
_UNICODE_FRACTIONS = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2,
                      "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875}


def _url_spans(text: str) -> list[tuple[int, int]]:
    """Spans of URLs and e-mail-like strings (their '%20' and digits are not figures)."""
    spans = []
    for marker in ("://", "www.", "@"):
        pos = text.find(marker)
        while pos >= 0:
            a = pos
            while a > 0 and not text[a - 1].isspace():
                a -= 1
            b = pos + len(marker)
            while b < len(text) and not text[b].isspace():
                b += 1
            if marker != "@" or "." in text[pos:b]:
                spans.append((a, b))
            pos = text.find(marker, b)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


# --------------------------------------------------------------------------- dates


def _reference(year, art) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) to complete dates with, from ``year=`` or the article metadata."""
    ref = year
    if ref is None and isinstance(art, Article):
        ref = art.published or art.metadata.get("published") or art.metadata.get("date")
    if ref is None:
        return None
    if isinstance(ref, int):
        return (ref, None, None)
    m = re.match(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", str(ref))
    if not m:
        return None
    y, mo, d = m.group(1), m.group(2), m.group(3)
    return (int(y), int(mo) if mo else None, int(d) if d else None)


def _complete(value: str, ref) -> str:
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


# --------------------------------------------------------------------------- counted, source


def _counted(T: _Toks, text: str, fig: _Fig, fig_starts: dict) -> str | None:
    """The noun phrase a count/money/quantity figure quantifies."""
    kind = fig["kind"]
    if kind not in ("count", "money", "quantity", "ordinal", "range"):
        return None
    b = fig["b"]
    if fig["qualifier"] == "vague":
        b += 1  # past "of"
    k = b
    if kind == "money" or (kind == "quantity" and fig["unit"] not in ("lb", "mm", "in", "ft")):
        # "$147.5 million in 155-millimeter artillery shells", "$5 million of aid"
        if _w(T, k) in ("in", "of", "for") and k + 1 < T.n:
            k += 1
            if _w(T, k) == "the":
                k += 1
        elif kind == "money":
            return _counted_before_worth(T, fig)
        elif kind == "quantity":
            return None
    # skip a figure used as an adjective ("155-millimeter")
    if k in fig_starts:
        k = fig_starts[k]
    words = []
    if k < T.n and k > 0 and not T.near(k, 2):
        return None  # never across a line break
    while k < T.n and len(words) < 4:
        if words and not T.near(k, 1):
            if T.t[k - 1] not in _DASHES:
                break
        t, low = T.t[k], T.low[k]
        if T.cls[k] == "s":
            if t in _DASHES and words and k + 1 < T.n and T.adj(k) and T.adj(k + 1):
                words[-1] = words[-1] + t
                k += 1
                continue
            break
        if T.cls[k] == "d":
            break
        if words and words[-1][-1:] in _DASHES:
            words[-1] = words[-1] + t
            k += 1
            continue
        if low in _FUNCTION or low in _COUNTED_STOP:
            break
        if words and (low.endswith(("ed", "ing")) and not words[-1].endswith("-")):
            break  # "people killed", "families living": the verb ends the phrase
        if words and words[-1].endswith(tuple(_DASHES)):
            words[-1] = words[-1] + t
        else:
            words.append(t)
        k += 1
    if not words:
        return None
    # drop trailing adjectives? keep the phrase; strip stray dashes
    phrase = " ".join(words).strip("-–—")
    return phrase or None


_COUNTED_STOP = frozenset(
    "worth killed died said says were are was have has had will would could including "
    "according who week weeks month months year years quarter day days period time lay lie "
    "remain remains face faces fled flee live lives work say get got make made go went come "
    "came need needs want wants take took still also".split()
)


def _counted_before_worth(T: _Toks, fig: _Fig) -> str | None:
    """'24,000 assault rifles worth $34 million' → 'assault rifles'."""
    a = fig["a"]
    k = a - 1
    while k >= 0 and T.cls[k] == "w" and T.low[k] in ("than", "more", "about", "nearly",
                                                      "some", "around", "over", "almost"):
        k -= 1
    if k < 0 or T.low[k] != "worth":
        return None
    k -= 1
    words = []
    while k >= 0 and T.cls[k] == "w" and len(words) < 3 and T.low[k] not in _FUNCTION:
        words.append(T.t[k])
        k -= 1
    return " ".join(reversed(words)) or None


def _w(T: _Toks, k: int) -> str | None:
    return T.low[k] if 0 <= k < T.n and T.cls[k] == "w" else None


def _sources(T: _Toks, text: str, a: int, b: int, verbs, phrases) -> list[tuple[int, int]]:
    """Attribution spans (token index ranges) inside sentence tokens ``a``..``b``."""
    out = []
    k = a
    while k < b:
        low = T.low[k]
        for ph in phrases:
            n = len(ph)
            if T.low[k:k + n] == ph:
                s = k + n
                e = s
                while e < b and _source_token(T, e, s):
                    e += 1
                if e > s:
                    out.append((s, e))
                k = e - 1 if e > s else k
                break
        else:
            if low in verbs and T.cls[k] == "w" and (
                    low not in _NOUN_OR_VERB or T.low[k + 1:k + 2] in (["that"], ["it"])
                    or (k + 1 < T.n and T.cls[k + 1] == "d")):
                sub = _subject_before(T, k, a)
                if sub:
                    out.append(sub)
                else:
                    # inversion: '..." said Khaled Elgindy, a senior fellow'
                    s = k + 1
                    e = s
                    while e < b and (T.cls[e] == "w" and (T.t[e][:1].isupper() or T.low[e] in (
                            "the", "of")) or (T.t[e] == "." and T.adj(e))):
                        e += 1
                    if e > s and T.t[s][:1].isupper():
                        out.append((s, e))
        k += 1
    return out


def _source_token(T: _Toks, e: int, s: int) -> bool:
    t, low, c = T.t[e], T.low[e], T.cls[e]
    if c == "s":
        if t == "." and T.adj(e) and e + 1 < T.n and T.t[e + 1][:1].isalpha() and (
                len(T.t[e - 1]) <= 2):
            return True  # "U.S."
        if t in ("'", "’", "-", "&") and T.adj(e):
            return True
        return False
    if c == "d":
        return False
    if e > s and (low in ("who", "which", "that", "are", "is", "was", "were", "said", "says",
                          "and", "on", "in", "to", "as", "for", "has", "have", "had", "since",
                          "show", "shows", "showed", "found", "say", "estimate", "estimates",
                          "suggest", "suggests", "released", "published", "at", "by")
                  or (low.endswith("ed") and len(low) > 4 and not T.t[e][:1].isupper())):
        return False
    return True


def _subject_before(T: _Toks, k: int, a: int) -> tuple[int, int] | None:
    """The noun phrase right before a reporting verb: 'American officials said',
    'The Hamas-run health ministry says', 'Israel's military said'."""
    if k > a and T.low[k - 1] in _DETERMINERS:
        return None  # "a report", "the estimate": a noun, not a verb
    e = k
    s = k
    j = k - 1
    while j >= a and k - j <= 8:
        t, low = T.t[j], T.low[j]
        if T.cls[j] == "w":
            if low in _DETERMINERS:
                if s < e:
                    s = j  # include "the" and stop
                break
            if t[:1].isupper() or low in _SUBJECT_WORDS or (
                    low not in _FUNCTION and low not in _COUNTED_STOP and s < e):
                s = j
                j -= 1
                continue
            if low not in _FUNCTION and s == e and not low.endswith("ly"):
                s = j  # the head noun right before the verb ("the company reported")
                j -= 1
                continue
            break
        if t == "." and j > a and len(T.t[j - 1]) <= 3 and T.adj(j):
            s = j
            j -= 1
            continue
        if t in ("’", "'") and s < e and T.low[s] == "s":
            s = j
            j -= 1
            continue
        if t in _DASHES and s < e and T.adj(j) and T.adj(j + 1) and j > a \
                and T.cls[j - 1] == "w":
            s = j
            j -= 1
            continue
        break
    if s == e or (e - s == 1 and T.low[s] in _DETERMINERS):
        return None
    return (s, e)


_NOUN_OR_VERB = frozenset({"show", "shows", "report", "reports", "estimate", "estimates",
                           "claims", "states", "say", "notes"})
_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "this",
                          "that", "these", "those"})
_SUBJECT_WORDS = frozenset(
    "officials official he she they it spokesman spokeswoman spokesperson ministry minister "
    "government reports report the a an police authorities analysts data agency army military "
    "people experts diplomats aides sources source s".split()
)


# --------------------------------------------------------------------------- public


def extract_figures(text, *, sentences=None, actors=None, year=None,
                    clock_times: bool = False) -> pd.DataFrame:
    """Find the numeric figures in a text: value, unit, kind, hedge, what is counted, source.

    Parameters
    ----------
    text : str or Article
        Offsets index this string (``article.text`` for an Article).
    sentences : DataFrame, optional
        A :func:`~newsresearch.tokens.split_sentences` frame, computed when not given.
    actors : DataFrame or False, optional
        A :func:`~newsresearch.actors.find_actors` frame, computed when not given and some
        figure has a source; each source span is linked to the canonical actor it mentions
        (``source_actor``). ``False`` skips the linking.
    year : int or str, optional
        Reference date for completing month-day dates: a year (``2024``) or a date prefix
        (``"2024-01"``, ``"2024-01-05"``). Default: the Article's ``published`` date, if any.
        With a month, "October 7" becomes the most recent October 7 on or before it.
    clock_times : bool, default False
        Report clock times ("2:00 pm") as ``date`` figures with values like ``T14:00``.

    Returns
    -------
    DataFrame
        One row per figure: ``figure_id, surface, start, end, value, low, high, unit, kind,
        qualifier, counted, source, source_start, source_end, sentence_id, source_actor``.
        ``text[start:end] == surface``; ``value`` is a number, or a TIMEX-like string for
        dates, or None for ranges (see ``low``/``high``).

    Examples
    --------
    >>> t = "Israel has killed more than 22,000 Palestinians, according to the Gaza Ministry of Health."
    >>> df = extract_figures(t)
    >>> df[["surface", "value", "kind", "qualifier", "counted"]].values.tolist()
    [['22,000', 22000, 'count', 'gt', 'Palestinians']]
    >>> df["source"].iloc[0]
    'the Gaza Ministry of Health'
    >>> extract_figures("It sent $147.5 million in 155-millimeter shells on Dec. 8.",
    ...                 year="2024-01")[["value", "unit", "kind"]].values.tolist()
    [[147500000, 'USD', 'money'], [155, 'mm', 'quantity'], ['2023-12-08', None, 'date']]
    """
    s = as_text(text)
    if not s.strip():
        return _frame([])
    ref = _reference(year, text)
    parser = _Parser(s, clock_times=clock_times)
    try:
        figs = parser.run()
    except RecursionError:  # pragma: no cover - the parser does not recurse deeply
        figs = []
    T = parser.T
    if sentences is None:
        from .tokens import split_sentences

        sentences = split_sentences(s)
    s_starts = sentences["start"].tolist() if len(sentences) else []
    s_ends = sentences["end"].tolist() if len(sentences) else []
    s_ids = sentences["sentence_id"].tolist() if len(sentences) else []
    fig_starts = {f["a"]: f["b"] for f in figs}
    L = parser.L
    rows = []
    tok_starts = T.s
    sentence_sources: dict[int, list] = {}
    for f in figs:
        sid = None
        if s_starts:
            p = bisect_right(s_starts, f["start"]) - 1
            if p >= 0 and f["start"] < s_ends[p]:
                sid = s_ids[p]
        value = f["value"]
        if f["kind"] == "date" and isinstance(value, str):
            value = _complete(value, ref)
        counted = _counted(T, s, f, fig_starts)
        src = None
        if f["kind"] in _CLAIM_KINDS and sid is not None:
            if sid not in sentence_sources:
                a = bisect_right(tok_starts, s_starts[p] - 1)
                b = bisect_right(tok_starts, s_ends[p] - 1)
                sentence_sources[sid] = _sources(T, s, a, b, L["verbs"], L["according"])
            spans = sentence_sources[sid]
            if spans:
                # the nearest attribution to the figure
                best = min(spans, key=lambda sp: min(abs(T.s[sp[0]] - f["start"]),
                                                     abs(T.e[sp[1] - 1] - f["end"])))
                src = (T.s[best[0]], T.e[best[1] - 1])
        rows.append({
            "surface": s[f["start"]:f["end"]], "start": f["start"], "end": f["end"],
            "value": value, "low": f["low"], "high": f["high"], "unit": f["unit"],
            "kind": f["kind"], "qualifier": f["qualifier"], "counted": counted,
            "source": s[src[0]:src[1]] if src else None,
            "source_start": src[0] if src else None, "source_end": src[1] if src else None,
            "sentence_id": sid,
        })
    df = _frame(rows)
    if len(df) and df["source"].notna().any() and actors is not False:
        _link_actors(df, s, actors, sentences)
    return df


COMPARE_COLUMNS = ["status", "kind", "gold_surface", "gold_value", "gold_unit", "surface",
                   "value", "unit", "start", "end"]


def _same_value(a, b) -> bool:
    if a is None or b is None or (isinstance(a, float) and a != a) \
            or (isinstance(b, float) and b != b):
        return (a is None or a != a) and (b is None or b != b)
    if isinstance(a, str) and isinstance(b, str):
        if len(a) == len(b) and all(x == y or "X" in (x, y) for x, y in zip(a, b, strict=True)):
            return True
    try:  # a number read from a CSV as text ("22000") equals the number 22000
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return abs(float(a) - float(b)) <= 1e-4 * max(abs(float(a)), abs(float(b)), 1e-9)


def _canonical(unit, value):
    """Minor currency units to their major unit, ``ton`` = ``t`` (the eval README's rule)."""
    if not isinstance(unit, str):
        unit = None  # NaN from a CSV
    if unit in ("cent", "pence") and isinstance(value, (int, float)):
        return ("USD" if unit == "cent" else "GBP"), value / 100
    return ("t" if unit == "ton" else unit), value


def _figure_match(p: dict, g: dict, level: str) -> bool:
    if not (p["start"] < g["end"] and g["start"] < p["end"]):
        return False
    if level == "span":
        return True
    pu, pv = _canonical(p.get("unit"), p.get("value"))
    gu, gv = _canonical(g.get("unit"), g.get("value"))
    if g.get("kind") == "range" or gv is None:
        ok = (_same_value(_canonical(p.get("unit"), p.get("low"))[1],
                          _canonical(g.get("unit"), g.get("low"))[1])
              and _same_value(_canonical(p.get("unit"), p.get("high"))[1],
                              _canonical(g.get("unit"), g.get("high"))[1]))
    else:
        ok = _same_value(pv, gv)
    return ok and (level == "value" or pu == gu)


def _is_optional(g: dict) -> bool:
    """True for a gold row marked optional (True, 1, "1", "true"); NaN/None/0 are not."""
    v = g.get("optional")
    if v is None or (isinstance(v, float) and v != v):
        return False
    return str(v).strip().lower() in ("1", "true", "yes")


def compare_figures(predicted: pd.DataFrame, gold: pd.DataFrame, *,
                    level: str = "value+unit", scope="all") -> pd.DataFrame:
    """Match predicted figures to gold ones one-to-one and label each as tp, fn, fp or skip.

    Matching follows ``../shared/data/eval/figures/README.md``: spans must overlap; at level
    ``value`` the numbers agree (relative tolerance 1e-4; ``X`` in a date is a wildcard;
    ranges by ``low`` and ``high``), at ``value+unit`` the canonical units too (cents and
    pence converted, ``ton`` = ``t``). Gold rows with a true ``optional`` column are neither
    rewarded nor penalised (status ``skip``), nor is a prediction whose kind is out of
    ``scope`` (a list of kinds, or ``"all"``).

    Returns
    -------
    DataFrame
        ``status, kind, gold_surface, gold_value, gold_unit, surface, value, unit, start,
        end``; ``df.attrs`` holds ``precision``, ``recall`` and ``f1``.

    Examples
    --------
    >>> gold = pd.DataFrame([{"start": 4, "end": 10, "value": 22000, "unit": None,
    ...                       "kind": "count", "surface": "22,000"}])
    >>> cmp = compare_figures(extract_figures("Now 22,000 and 5%."), gold)
    >>> cmp["status"].tolist(), round(cmp.attrs["f1"], 3)
    (['tp', 'fp'], 0.667)
    """
    preds = predicted.to_dict("records")
    golds = gold.to_dict("records")
    taken: set[int] = set()
    rows = []
    tp = fp = fn = 0
    for g in golds:
        optional = _is_optional(g)
        hit = next((k for k, p in enumerate(preds) if k not in taken
                    and _figure_match(p, g, level)), None)
        p = preds[hit] if hit is not None else {}
        if hit is not None:
            taken.add(hit)
        status = "skip" if optional else ("tp" if hit is not None else "fn")
        tp += status == "tp"
        fn += status == "fn"
        rows.append((status, g.get("kind"), g.get("surface"), g.get("value"), g.get("unit"),
                     p.get("surface"), p.get("value"), p.get("unit"), g["start"], g["end"]))
    for k, p in enumerate(preds):
        if k in taken:
            continue
        in_optional = any(_is_optional(g) and p["start"] < g["end"] and g["start"] < p["end"]
                          for g in golds)
        counted = not in_optional and (scope == "all" or p["kind"] in scope)
        fp += counted
        rows.append(("fp" if counted else "skip", p["kind"], None, None, None, p["surface"],
                     p["value"], p["unit"], p["start"], p["end"]))
    out = pd.DataFrame(rows, columns=COMPARE_COLUMNS)
    out = out.sort_values("start", kind="stable").reset_index(drop=True)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    out.attrs.update(precision=prec, recall=rec, f1=2 * prec * rec / (prec + rec)
                     if prec + rec else 0.0, tp=tp, fp=fp, fn=fn)
    return out


def _link_actors(df: pd.DataFrame, text: str, actors, sentences) -> None:
    """Fill ``source_actor`` with the actor whose mention overlaps each source span."""
    if actors is None:
        try:
            from .actors import find_actors
        except ImportError:  # the actors module is optional for figures
            return
        try:
            actors = find_actors(text, sentences=sentences)
        except Exception as exc:  # never let actor linking break figure extraction
            _warnings.warn(f"actor linking skipped: {exc}", stacklevel=3)
            return
    if actors is None or not len(actors):
        return
    ms = actors[["start", "end", "actor"]].itertuples(index=False)
    mentions = sorted((int(a), int(b), str(n)) for a, b, n in ms)
    out = []
    for a, b in zip(df["source_start"], df["source_end"], strict=True):
        name = None
        if not pd.isna(a):
            best = 0
            for ma, mb, n in mentions:
                if ma >= b:
                    break
                ov = min(b, mb) - max(a, ma)
                if ov > best:
                    best, name = ov, n
        out.append(name)
    df["source_actor"] = pd.Series(out, index=df.index, dtype=object)


def _frame(rows: list[dict]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=FIGURE_COLUMNS[1:])
    for c in ("value", "low", "high"):  # keep ints as ints, dates as strings: no float upcast
        df[c] = pd.Series([r[c] for r in rows], index=df.index, dtype=object)
    df.insert(0, "figure_id", range(len(df)))
    df["source_actor"] = None
    for c in ("start", "end"):
        df[c] = df[c].astype("int64")
    df["source_start"] = df["source_start"].astype("Int64")
    df["source_end"] = df["source_end"].astype("Int64")
    df["sentence_id"] = df["sentence_id"].astype("Int64")
    for c in ("value", "low", "high", "unit", "qualifier", "counted", "source", "source_actor"):
        df[c] = df[c].astype(object).where(df[c].notna(), None)
    return df[FIGURE_COLUMNS]
