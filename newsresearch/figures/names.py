"""Numbers inside names, which are not figures: "F-16", "G7", "Boeing 747", "COVID-19",
"2+2 talks", "Group of Seven", "Air Force One", "Six Nations", and the pronoun "one".
"""

from __future__ import annotations

from .numerals import scale_after
from .scan import DASHES, Scan, in_class, left_qualifier, match_trie, sentence_initial, word
from .units import unit_after


def is_name_number(st: Scan, i: int, j: int, info) -> bool:
    """Are the digits at ``i``..``j`` part of a name or a code?"""
    T, L = st.T, st.L
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
    if i > 1 and T.t[i - 1] in DASHES and T.adj(i) and T.adj(i - 1) \
            and T.cls[i - 2] == "w" and T.low[i - 2] not in L.date_quals:
        return True
    # digits glued to letters after that are neither units, scales nor ordinal suffixes
    if j < T.n and T.adj(j) and T.cls[j] == "w":
        low = T.low[j]
        if low in L.words["ordinal_suffix"] or low == "s" or low in ("am", "pm", "a", "p"):
            return False
        if T.t[j] in L.scales or low in L.scales:
            return False
        return not (match_trie(st, L.units, j) or match_trie(st, L.cur_suffix, j))
    # "Boeing 747", "Route 66": a capitalised word (not a sentence start) before
    if i > 0 and T.cls[i - 1] == "w" and T.t[i - 1][:1].isupper() and T.near(i, 1):
        return _capitalised_name(st, i, j)
    return False


def _capitalised_name(st: Scan, i: int, j: int) -> bool:
    T, L = st.T, st.L
    w = T.low[i - 1]
    if w in L.months or w in L.weekdays or w in L.words["function"] \
            or w in L.nums or w in L.cur_prefix_words \
            or T.t[i - 1] in L.cur_prefix_words:
        return False
    if w in L.words["not_name_before"] or left_qualifier(st, i)[0]:
        return False
    return not (j < T.n and T.near(j, 2) and (match_trie(st, L.units, j)
                                              or scale_after(st, j, words=False)))


def word_number_in_name(st: Scan, i: int, j: int) -> int:
    """"Group of Seven", "Four-Kings", "Air Force One", "Six Nations": the end to skip to, or 0.

    Only for a capitalised number word at ``i``..``j``.
    """
    T, L = st.T, st.L
    if word(st, i - 1) == "of" and i > 1 and T.t[i - 2][:1].isupper():
        return j
    if (j + 1 < T.n and T.t[j] in DASHES and T.adj(j) and T.adj(j + 1)
            and T.cls[j + 1] == "w" and T.t[j + 1][:1].isupper()):
        return j + 2  # "Four-Kings", "Seven-Eleven"
    prev = word(st, i - 1)
    if (prev is not None and T.t[i - 1][:1].isupper() and T.near(i, 1)
            and prev not in L.words["function"] and prev not in L.months
            and prev not in L.weekdays and prev not in L.words["not_name_before"]
            and not sentence_initial(st, i - 1)):
        return j  # "Air Force One", "Formula One", "Channel Four"
    if (j < T.n and T.cls[j] == "w" and T.t[j][:1].isupper() and T.near(j, 1)
            and not sentence_initial(st, i) and T.low[j] not in L.months
            and T.low[j] not in L.weekdays):
        return j
    return 0


def ordinal_in_name(st: Scan, i: int, j: int) -> bool:
    """"the First Division Association": a capitalised ordinal before a capitalised word."""
    T = st.T
    return bool(T.t[i][:1].isupper() and j < T.n and T.cls[j] == "w"
                and T.t[j][:1].isupper() and not sentence_initial(st, i)
                and T.low[j] not in st.L.months)


def one_is_number(st: Scan, i: int, j: int) -> bool:
    """Is the word "one" at ``i`` the number, not the pronoun ("one of the", "no one")?"""
    T = st.T
    if word(st, j) in st.L.scales and T.near(j, 1):
        return True  # "another one mln shares"
    if in_class(st, i - 1, "one_not_after"):
        return False
    if _in_number_list(st, i, j):
        return True  # "one, two, three", "twenty five and seventy four and one"
    nxt = word(st, j)
    if nxt is None or nxt in st.L.words["one_not_before"] or not T.near(j, 1):
        return bool(unit_after(st, j, 1))
    return not (nxt in st.L.words["function"] and nxt != "more")


def _in_number_list(st: Scan, i: int, j: int) -> bool:
    """A number word in a list of numbers: followed by "," and a number word, or after
    "and"/"," that follow a figure."""
    T, nums = st.T, st.L.nums
    if j + 1 < T.n and T.t[j] == "," and word(st, j + 1) in nums:
        return True
    f = st.figs[-1] if st.figs else None
    return bool(f and f.kind == "count" and i >= 1 and f.b == i - 1
                and (T.t[i - 1] == "," or T.low[i - 1] == "and"))

