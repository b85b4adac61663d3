"""What a figure counts and who vouches for it.

*What is counted* is the noun phrase right after the number (or after "in"/"of"/"for" for
money, or before "worth"); *the source* is an attribution in the same sentence: "according to
X", "X said/told/reported", "said X". The cues are ``figure_attribution.tsv`` and the word
classes of ``figure_word_classes.tsv``. :func:`link_actors` maps each source span to the actor
mention it overlaps most.
"""

from __future__ import annotations

from .scan import DASHES, Fig, Scan, Tokens

_BARE_QUANTITIES = ("lb", "mm", "in", "ft")  # units whose "in"/"of" does not start a noun


def counted(st: Scan, fig: Fig, fig_starts: dict) -> str | None:
    """The noun phrase a count/money/quantity figure quantifies."""
    T = st.T
    kind = fig.kind
    if kind not in ("count", "money", "quantity", "ordinal", "range"):
        return None
    k = fig.b + 1 if fig.qualifier == "vague" else fig.b  # past "of"
    if kind == "money" or (kind == "quantity" and fig.unit not in _BARE_QUANTITIES):
        # "$147.5 million in 155-millimeter artillery shells", "$5 million of aid"
        if _w(T, k) in ("in", "of", "for") and k + 1 < T.n:
            k += 1
            if _w(T, k) == "the":
                k += 1
        elif kind == "money":
            return _counted_before_worth(st, fig)
        elif kind == "quantity":
            return None
    if k in fig_starts:
        k = fig_starts[k]  # skip a figure used as an adjective ("155-millimeter")
    if k < T.n and k > 0 and not T.near(k, 2):
        return None  # never across a line break
    return _noun_phrase(st, k)


def _noun_phrase(st: Scan, k: int) -> str | None:
    """Up to four words from ``k``: hyphenated words joined, stopped by function words, verbs."""
    T = st.T
    stop = st.L.words["counted_end"]
    words: list[str] = []
    while k < T.n and len(words) < 4:
        if words and not T.near(k, 1) and T.t[k - 1] not in DASHES:
            break
        t, low = T.t[k], T.low[k]
        if T.cls[k] == "s":
            if t in DASHES and words and k + 1 < T.n and T.adj(k) and T.adj(k + 1):
                words[-1] = words[-1] + t
                k += 1
                continue
            break
        if T.cls[k] == "d":
            break
        if words and words[-1][-1:] in DASHES:
            words[-1] = words[-1] + t
            k += 1
            continue
        if low in stop:
            break
        if words and low.endswith(("ed", "ing")):
            break  # "people killed", "families living": the verb ends the phrase
        words.append(t)
        k += 1
    phrase = " ".join(words).strip("-–—")
    return phrase or None


def _counted_before_worth(st: Scan, fig: Fig) -> str | None:
    """'24,000 assault rifles worth $34 million' → 'assault rifles'."""
    T, W = st.T, st.L.words
    k = fig.a - 1
    while k >= 0 and T.cls[k] == "w" and T.low[k] in W["worth_hedge"]:
        k -= 1
    if k < 0 or T.low[k] != "worth":
        return None
    k -= 1
    words = []
    while k >= 0 and T.cls[k] == "w" and len(words) < 3 and T.low[k] not in W["function"]:
        words.append(T.t[k])
        k -= 1
    return " ".join(reversed(words)) or None


def _w(T: Tokens, k: int) -> str | None:
    return T.low[k] if 0 <= k < T.n and T.cls[k] == "w" else None


# --------------------------------------------------------------------------- sources


def sources(st: Scan, a: int, b: int) -> list[tuple[int, int]]:
    """Attribution spans (token index ranges) inside sentence tokens ``a``..``b``."""
    T, L = st.T, st.L
    noun_or_verb = L.words["noun_or_verb"]
    out = []
    k = a
    while k < b:
        low = T.low[k]
        for ph in L.according:
            n = len(ph)
            if T.low[k:k + n] == ph:
                s = e = k + n
                while e < b and _source_token(st, e, s):
                    e += 1
                if e > s:
                    out.append((s, e))
                    k = e - 1
                break
        else:
            if low in L.verbs and T.cls[k] == "w" and (
                    low not in noun_or_verb or T.low[k + 1:k + 2] in (["that"], ["it"])
                    or (k + 1 < T.n and T.cls[k + 1] == "d")):
                span = _subject_before(st, k, a) or _said_name(st, k, b)
                if span:
                    out.append(span)
        k += 1
    return out


def _said_name(st: Scan, k: int, b: int) -> tuple[int, int] | None:
    """Inversion: '..." said Khaled Elgindy, a senior fellow'."""
    T = st.T
    s = e = k + 1
    while e < b and (T.cls[e] == "w" and (T.t[e][:1].isupper() or T.low[e] in ("the", "of"))
                     or (T.t[e] == "." and T.adj(e))):
        e += 1
    return (s, e) if e > s and T.t[s][:1].isupper() else None


def _source_token(st: Scan, e: int, s: int) -> bool:
    T = st.T
    t, low, c = T.t[e], T.low[e], T.cls[e]
    if c == "s":
        if t == "." and T.adj(e) and e + 1 < T.n and T.t[e + 1][:1].isalpha() and (
                len(T.t[e - 1]) <= 2):
            return True  # "U.S."
        return t in ("'", "’", "-", "&") and T.adj(e)
    if c == "d":
        return False
    return not (e > s and (low in st.L.words["source_stop"]
                           or (low.endswith("ed") and len(low) > 4
                               and not T.t[e][:1].isupper())))


def _subject_before(st: Scan, k: int, a: int) -> tuple[int, int] | None:
    """The noun phrase right before a reporting verb: 'American officials said',
    'The Hamas-run health ministry says', 'Israel's military said'."""
    T, W = st.T, st.L.words
    det, subject = W["determiner"], W["subject"]
    other = W["counted_end"]
    if k > a and T.low[k - 1] in det:
        return None  # "a report", "the estimate": a noun, not a verb
    e = s = k
    j = k - 1
    while j >= a and k - j <= 8:
        t, low = T.t[j], T.low[j]
        if T.cls[j] == "w":
            if low in det:
                if s < e:
                    s = j  # include "the" and stop
                break
            if t[:1].isupper() or low in subject or (low not in other and s < e) or (
                    low not in W["function"] and s == e and not low.endswith("ly")):
                s = j  # (the last: the head noun right before the verb, "the company reported")
                j -= 1
                continue
            break
        if (t == "." and j > a and len(T.t[j - 1]) <= 3 and T.adj(j)) \
                or (t in ("’", "'") and s < e and T.low[s] == "s") \
                or (t in DASHES and s < e and T.adj(j) and T.adj(j + 1) and j > a
                    and T.cls[j - 1] == "w"):
            s = j
            j -= 1
            continue
        break
    if s == e or (e - s == 1 and T.low[s] in det):
        return None
    return (s, e)


# --------------------------------------------------------------------------- actors


def link_actors(spans, mentions) -> list:
    """The actor whose mention overlaps each source span most (None where none does).

    ``spans`` are ``(start, end)`` character spans or None; ``mentions`` is the article's
    :class:`~newsresearch.mentions.MentionIndex` (the one quote attribution uses too). The
    one place figures meet actors.

    >>> from newsresearch.mentions import MentionIndex
    >>> link_actors([(0, 6), None], MentionIndex([(0, 6, "Israel")]))
    ['Israel', None]
    """
    out = []
    for span in spans:
        best = mentions.best_overlap(*span) if span is not None else None
        out.append(best.actor if best is not None else None)
    return out
