"""Units and currencies: the mark before a number ("$", "US$", "£", "USD", "Rs.") and the
currency or unit after it ("dollars", "mln dlrs", "km", "-millimeter", "degrees Celsius").

Currencies come from ``currencies.tsv`` and ``dollar_prefixes.tsv`` (ISO 4217 codes), units from
``units.tsv`` (the canonical ids of the figures evaluation set); both are matched token by token
through a trie, longest match first.
"""

from __future__ import annotations

from .scan import DASHES, Scan, before_digits, in_class, match_trie, word


def prefix_word(st: Scan, i: int):
    """The currency code of a word written before amounts ("USD", "Rs"), else None."""
    L, T = st.L, st.T
    entry = L.cur_prefix_words.get(T.t[i])
    if entry is None:
        entry = L.cur_prefix_words.get(T.low[i])
        if entry is not None and entry[1]:
            return None  # a cased code written in the wrong case ("all", "try")
        if entry is None:
            entry = L.cur_prefix_lower.get(T.low[i])
    return entry[0] if entry else None


def currency_before(st: Scan, i: int):
    """Currency written before the number starting at token ``i``: (code, first index)."""
    T, L = st.T, st.L
    k = i - 1
    if k < 0 or not T.near(i, 2):
        return None
    sym = T.t[k]
    if sym in L.cur_symbols:
        if sym == "$":
            return _dollar(st, k)
        return L.cur_symbols[sym], k
    w = T.t[k]
    pw = L.cur_prefix_words
    if T.cls[k] == "w" and (w in pw or (T.low[k] in pw and not pw[T.low[k]][1])):
        entry = pw.get(w) or pw.get(T.low[k])
        if entry[1] and w not in pw:
            return None
        return entry[0], k
    return None


def _dollar(st: Scan, k: int):
    """Which dollar the "$" at ``k`` is: "US$", "C$", "hk $", "u . s . $"."""
    T, L = st.T, st.L
    code, first = L.cur_symbols["$"], k
    p = k - 1
    if p >= 0 and T.near(k, 1):
        w = T.low[p]
        if w in L.dollar and T.cls[p] == "w":
            pcode, need_adj = L.dollar[w]
            if (T.adj(k) or not need_adj) and not (p > 0 and T.adj(p) and T.cls[p - 1] == "w"):
                if not (w in ("s", "us") and p >= 2 and T.t[p - 1] == "."
                        and T.low[p - 2] == "u"):
                    code, first = pcode, p
        if T.t[p] == "." and p >= 3 and T.low[p - 1] == "s" and T.t[p - 2] == "." \
                and T.low[p - 3] == "u":
            code, first = "USD", p - 3
    return code, first


def unit_after(st: Scan, j: int, value, *, hyphen_ok: bool = True, gap: int = 2):
    """A currency or unit after the number ending before token ``j`` (at most ``gap``
    spaces away). Returns (unit, kind, end, hyphenated) or None.
    """
    T, L = st.T, st.L
    if j >= T.n:
        return None
    hyph = False
    k = j
    if T.t[k] in DASHES and T.adj(k) and k + 1 < T.n and T.adj(k + 1) \
            and T.cls[k + 1] == "w" and hyphen_ok:
        k += 1
        hyph = True
    elif not T.near(k, gap):
        return None
    if T.low[k] == "in" and T.cls[j - 1] == "d" and not hyph:
        return _inches(st, k)
    best = None
    cur = match_trie(st, L.cur_suffix, k)
    if cur:
        best = (cur[0], "money", cur[1])
    unit = match_trie(st, L.units, k)
    if unit and (best is None or unit[1] > best[2]):
        best = (unit[0][0], unit[0][1], unit[1])
    if best is None:
        return None
    code, kind, end = best
    if not _unit_fits(st, j, k, end, code, kind, value, hyph):
        return None
    if code == "lb" and hyph and T.low[k] == "pound" and in_class(st, end, "banknote"):
        code, kind = "GBP", "money"  # "a five-pound note"
    if code == "lb" and T.low[k] in ("pound", "pounds") and not hyph:
        if sterling(st, j, end):
            code, kind = "GBP", "money"
    return code, kind, end, hyph


def _inches(st: Scan, k: int):
    """"in" after digits is inches only where it cannot be the preposition: "12 in. long",
    "2 1/2 in" at the end, "6 in wide", "4 in x 6 in"."""
    T = st.T
    if k + 1 < T.n and T.t[k + 1] == "." and T.adj(k + 1) \
            and not (k + 2 < T.n and T.t[k + 2][:1].isupper()):
        return "in", "quantity", k + 2, False  # "12 in. long"
    if k + 1 >= T.n or in_class(st, k + 1, "measure") or T.low[k + 1] in ("x", "×"):
        return "in", "quantity", k + 1, False
    return None


def _unit_fits(st: Scan, j: int, k: int, end: int, code, kind, value, hyph: bool) -> bool:
    """The unit found at ``k``..``end`` is a unit here, not part of a word, model or name."""
    T = st.T
    surf = T.t[k]
    # boundaries: a unit must not run into letters or digits ("13F", "5 milestones")
    if end < T.n and T.adj(end) and T.cls[end] in "wd" and T.cls[end - 1] != "s":
        return False
    # one-letter units (m, t, l, h, C, F, p) only straight after a number
    if end - k == 1 and len(surf) == 1 and surf.isalpha():
        if hyph:
            return False
        if surf in "CF" and T.adj(k) and value >= 0 and not _temperature_cue(st, k, end):
            return False  # "13F", "777F": forms and models, not temperatures
        if end < T.n and T.t[end] in "-'’" and T.adj(end):
            return False
    if (surf == '"' or code == "bit") and T.cls[j - 1] != "d":
        return False  # a closing quote after a number word
    if surf in ("'", '"') and code == "in":
        b = before_digits(st, j)
        if b >= 0 and T.t[b] in "'`\"“‘" and T.adj(b + 1):
            return False  # ''400'': the number is quoted, the marks close the quote
    if kind == "money" and end - k == 1 and T.low[k] in st.L.words["ambiguous_money"] \
            and not sterling(st, j, end):
        return False  # "3 marks out of 10", "5 crowns"
    return True


def _temperature_cue(st: Scan, k: int, end: int) -> bool:
    """A glued 'C'/'F' is a temperature near weather words or before a place phrase."""
    T = st.T
    if in_class(st, end, "place_preposition") or end >= T.n or (
            T.cls[end] == "s" and T.t[end] in ".,;)!"):
        return True
    cues = st.L.words["temperature_cue"]
    return any(w in cues for w in T.low[max(0, k - 10):k])


def _scaled(st: Scan, j: int) -> bool:
    """Does the amount ending before ``j`` end in a scale word ("5 million pounds")?"""
    k = before_digits(st, j)
    return k >= 0 and st.T.low[k] in st.L.scales


def sterling(st: Scan, j: int, end: int) -> bool:
    """'pounds' is money with a scale word, 'sterling', or money words nearby."""
    T = st.T
    if word(st, end) == "sterling":
        return True
    if T.low[end - 1] == "pound" and word(st, end) is not None and T.near(end, 1):
        return False  # "2,000 pound bombs": an adjective of weight
    scaled = _scaled(st, j)
    if word(st, end) == "of" and not scaled:
        return False  # "2 pounds of apples"
    if scaled:
        return True
    cues = st.L.words["money_cue"]
    k = j - 1
    while k >= 0 and j - k <= 8 and T.t[k] not in ".;:!?":
        if T.low[k] in cues or T.t[k] == "£":
            return True
        k -= 1
    after = st.L.words["money_after"]
    return any(w in after for w in T.low[end:end + 3])
