"""The token scan: flat token arrays, the one scan state, and the helpers every rule uses.

The text is cut by one regular expression without nested quantifiers (:data:`.lexicon.TOKEN`:
digit runs, letter runs, single symbols) into parallel lists of offsets, surfaces, lower-case
forms and classes (``d`` digits, ``w`` letters, ``s`` symbol). Every rule of the grammar is a
plain function of a :class:`Scan` (the tokens, the word lists, the options and the figures found
so far) and a token index, and returns the index to go on from: the scan moves left to right
and never backtracks further than a rule's small fixed window, so time is linear in the text.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from decimal import Decimal

from .lexicon import TOKEN, Lexicon, lexicon

_END = float("inf")
WS_INLINE = frozenset(" \t\u00a0\u202f\u2009")
DASHES = frozenset("-–—‐‑")


class Tokens:
    """Flat token arrays over the text (offsets ``s``/``e``, surface ``t``, ``low``, ``cls``)."""

    __slots__ = ("text", "s", "e", "t", "low", "cls", "n")

    def __init__(self, text: str):
        self.text = text
        s, e, t = [], [], []
        for m in TOKEN.finditer(text):
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
        return all(c in WS_INLINE for c in self.text[self.e[i - 1]:self.s[i]])


@dataclass(slots=True)
class Fig:
    """One figure found by the scan: token span ``a``..``b`` (exclusive), character span
    ``start``..``end``; ``value``/``low``/``high`` are Decimals (TIMEX strings for dates)."""

    a: int
    b: int
    start: int
    end: int
    value: Decimal | str | None
    kind: str
    unit: str | None = None
    qualifier: str | None = None
    low: Decimal | None = None
    high: Decimal | None = None


@dataclass(slots=True)
class Scan:
    """The one state of a scan: tokens, word lists, options and the figures found so far."""

    T: Tokens
    L: Lexicon
    clock: bool = False
    figs: list = field(default_factory=list)
    skip: list = field(default_factory=list)  # URL / e-mail spans
    newlines: list | None = None  # filled on first use (lone-line check)


def new_scan(text: str, *, clock_times: bool = False) -> Scan:
    """Tokenize ``text`` and return a fresh scan state over it."""
    return Scan(T=Tokens(text), L=lexicon(), clock=clock_times, skip=url_spans(text))


def add(st: Scan, a: int, b: int, *, value, kind, unit=None, qualifier=None, low=None,
        high=None) -> None:
    """Record a figure over tokens ``a``..``b``."""
    T = st.T
    st.figs.append(Fig(a, b, T.s[a], T.e[b - 1], value, kind, unit, qualifier, low, high))


def word(st: Scan, i: int) -> str | None:
    """The lower-case word at ``i``, or None for digits, symbols and positions off the text."""
    T = st.T
    return T.low[i] if 0 <= i < T.n and T.cls[i] == "w" else None


def in_class(st: Scan, i: int, name: str) -> bool:
    """Is the word at ``i`` in the word class ``name`` (``figure_word_classes.tsv``)?"""
    w = word(st, i)
    return w is not None and w in st.L.words[name]


def match_trie(st: Scan, trie: dict, i: int, *, max_gap: int = 1) -> tuple | None:
    """Longest match of ``trie`` starting at token ``i``; returns (payload, end_index)."""
    T = st.T
    node, j, best = trie, i, None
    while j < T.n:
        if j > i and not T.near(j, max_gap):
            break
        if j > i and (T.cls[j] != "w" or T.cls[j - 1] != "w") and not T.adj(j) \
                and T.t[j - 1] != "°":  # "70 ° Fahrenheit"
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
            if not cased or _cased_ok(T, trie, j - ntok, j):
                best = (payload, j)
    return best


def _cased_ok(T: Tokens, trie: dict, a: int, b: int) -> bool:
    node = trie
    for k in range(a, b):
        node = node.get(T.t[k])
        if node is None:
            return False
    return None in node


def before_digits(st: Scan, j: int) -> int:
    """The index of the last token before ``j`` that is not a digit run, "," or "."."""
    T = st.T
    k = j - 1
    while k >= 0 and (T.cls[k] == "d" or T.t[k] in ".,"):
        k -= 1
    return k


def left_qualifier(st: Scan, a: int) -> tuple[str | None, int]:
    """A hedge ending right before token ``a``: (code, first token index)."""
    T = st.T
    node, j, best = st.L.quals_left, a - 1, (None, a)
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


def in_skip(st: Scan, pos: int) -> bool:
    """Is ``pos`` inside a URL or e-mail address (``st.skip``: sorted, merged spans)?"""
    p = bisect_right(st.skip, (pos, _END)) - 1
    return p >= 0 and pos < st.skip[p][1]


def sentence_initial(st: Scan, i: int) -> bool:
    """Does token ``i`` start a sentence or a line (after opening quotes/brackets)?"""
    T = st.T
    k = i - 1
    while k >= 0 and T.t[k] in "\"“‘'(":
        k -= 1
    return k < 0 or T.t[k] in ".!?:;" or "\n" in T.text[T.e[k]:T.s[k + 1]]


def lone_line(st: Scan, a: int, b: int) -> bool:
    """Tokens ``a``..``b`` are a line of their own in a longer text (a comment counter)."""
    T = st.T
    if st.newlines is None:
        st.newlines = [k for k, ch in enumerate(T.text) if ch == "\n"]
    nl = st.newlines
    p = bisect_right(nl, T.s[a]) - 1
    ls = nl[p] + 1 if p >= 0 else 0  # the line starts here ...
    q = bisect_right(nl, T.e[b - 1] - 1)
    le = nl[q] if q < len(nl) else len(T.text)  # ... and ends here
    alone = (a == 0 or T.e[a - 1] <= ls) and (b >= T.n or T.s[b] >= le)
    # other text before or after the line: the first token starts before it or the last ends after
    return alone and (T.s[0] < ls or T.e[-1] > le)


def url_spans(text: str) -> list[tuple[int, int]]:
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
