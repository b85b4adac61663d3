"""Speaker phrases: the noun phrase next to a speech cue, found without a parser.

Tokens are words, punctuation marks and abbreviations; a speaker phrase is a run of
capitalised words (a name, "State Department spokesman Matthew Miller"), a short description
headed by a noun ("the 46-year-old", "a senior official") or a pronoun. :func:`np_left` reads
the phrase that ends before a verb ("Mr. Smith said"), :func:`np_right` the one that starts
after it ("said Khaled Elgindy, a senior fellow"), :func:`np_between` a phrase filling a gap
("“A,” French President X said. “B”").
"""

from __future__ import annotations

import re
from itertools import islice

from .lexicon import TITLE, lexicon

__all__ = ["TOKEN", "tokens", "is_cap", "title_like", "verb_like", "np_left", "np_right", "np_between"]

TOKEN = re.compile(r"[^\W_][\w’'\-]*(?:\.(?=[\w]))?[\w’'\-]*|[^\w\s]|_")


def tokens(text: str, lo: int, hi: int, limit: int | None = None) -> list[tuple[int, int, str]]:
    """The tokens ``(start, end, word)`` of ``text[lo:hi]`` (the first ``limit`` of them)."""
    found = TOKEN.finditer(text, lo, hi)
    if limit is not None:
        found = islice(found, limit)
    return [(m.start(), m.end(), m.group()) for m in found]


def is_cap(tok: str) -> bool:
    return tok[:1].isupper()


def title_like(tok: str) -> bool:
    return bool(re.fullmatch(TITLE, tok)) or (len(tok) == 1 and tok.isupper())


def np_left(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The noun phrase that ends just before ``hi`` (a speaker before its verb), or None.

    Skips adverbs and auxiliaries ("also", "has"), a parenthesis ("Rep. John Mica (R-Fla.)")
    and an interjection set off by commas ("Flynn, a top Trump surrogate, said").
    """
    toks = tokens(text, lo, hi)
    lex = lexicon()
    source_nouns = lex.source_nouns
    i = len(toks) - 1
    while i >= 0 and (toks[i][2].lower() in lex.skip and toks[i][2] != "told" or
                      _adverb(toks[i][2], source_nouns)):
        i -= 1  # "Mr. Smith also said", "Kasich has broadly called for"
    if i >= 0 and toks[i][2] == ")":
        j = i - 1
        while j >= 0 and i - j < 8 and toks[j][2] != "(":
            j -= 1
        if j >= 0 and toks[j][2] == "(":
            i = j - 1
    if i >= 0 and toks[i][2] == ",":
        j = i - 1
        while j >= 0 and i - j < 40 and toks[j][2] not in (",", ".", ";", ":", "—", "–", "?",
                                                            "!", "“", "”", '"'):
            j -= 1
        inner = toks[j + 1:i]
        if j >= 1 and toks[j][2] == "," and 0 < len(inner) <= 4 and all(
                is_cap(t[2]) and t[2] not in lex.not_names for t in inner) and \
                toks[j - 1][2].islower():
            # "Its director general, Gordon Lishman, said": the name set off by commas
            return inner[0][0], inner[-1][1]
        if j >= 1 and toks[j][2] == "," and j + 1 < i and not (
                toks[j - 1][2] == "." and j >= 2 and title_like(toks[j - 2][2])):
            i = j - 1
        else:
            return None
    if i < 0:
        return None
    tok = toks[i][2]
    low = tok.lower()
    if low in ("he", "she", "they", "it"):
        return toks[i][0], toks[i][1]
    cm = _CONTRACTED.fullmatch(low)
    if cm:  # "he’d shout", "she’ll say": the pronoun without its auxiliary
        return toks[i][0], toks[i][0] + cm.end(1)
    cap_head = is_cap(tok) and tok not in lex.not_names and low not in lex.function
    if not cap_head and not (tok.isalpha() and tok.islower() and low not in lex.function
                             and not verb_like(low)):
        return None
    end = toks[i][1]
    start = toks[i][0]
    j = i - 1
    n_lower = 0
    has_det = False
    while j >= 0:
        t = toks[j][2]
        tl = t.lower()
        if t == "." and j > 0 and (title_like(toks[j - 1][2]) or "." in toks[j - 1][2]):
            start = toks[j - 1][0]  # "Sen. Jane Doe", "a senior U.S. official"
            j -= 2
            continue
        if tl in ("the", "a", "an", "one", "another"):
            start = toks[j][0]
            has_det = True
            break
        if is_cap(t) and t not in lex.not_names and tl not in lex.function:
            start = toks[j][0]
            j -= 1
            continue
        if t.islower() and n_lower < 3 and (_COMPOUND.fullmatch(t) or (
                t.isalpha() and tl not in lex.function and tl not in lex.verbs and
                not verb_like(tl) and tl not in lex.skip)):
            # (a hyphenated compound is an adjective: "the conservative-leaning newspaper")
            # descriptors such as "press secretary", "senior", "former"
            n_lower += 1
            start = toks[j][0]
            j -= 1
            continue
        break
    if not cap_head and low not in source_nouns and not has_det:
        return None  # a bare lower-case word ("the war zone") is no speaker
    if not cap_head and has_det and n_lower > 2:
        return None
    return _of_owner(text, lo, toks, start, end, lex)


def _of_owner(text: str, lo: int, toks: list, start: int, end: int, lex) -> tuple[int, int]:
    """"A spokeswoman for the commission said": the phrase is headed by the source noun
    before "for"/"of"/"at", not by its complement."""
    k = next((n for n, t in enumerate(toks) if t[0] == start), 0)
    if k >= 2 and toks[k - 1][2] in ("for", "of", "at") and (
            toks[k - 2][2].lower() in lex.source_nouns or toks[k - 2][2].lower() in
            lex.role_nouns):
        outer = np_left(text, lo, toks[k - 1][0])
        if outer is not None:
            return outer[0], end
    return start, end


_COMPOUND = re.compile(r"[a-z]+(?:-[a-z]+)+")
_CONTRACTED = re.compile(r"(he|she|they)[’'](?:d|ll)")
_NOT_ADVERBS = frozenset({"family", "ally", "daily", "weekly", "monthly", "assembly", "supply",
                          "italy", "july", "rally", "belly", "bully", "jelly"})


def _adverb(word: str, source_nouns) -> bool:
    """A lower-case adverb in -ly ("broadly", "publicly") that may stand before a verb."""
    return word.islower() and word.endswith("ly") and len(word) > 4 and \
        word not in _NOT_ADVERBS and word not in source_nouns


def verb_like(word: str) -> bool:
    """A lower-case word that is probably a verb or adverb, not part of a name phrase."""
    return word.endswith(("ed", "ing", "ly")) and word not in ("red", "king", "ally")


def np_between(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """A short speaker phrase filling all of text[lo:hi] ("French President X", "he")."""
    toks = tokens(text, lo, hi)
    lex = lexicon()
    while toks and (toks[-1][2].lower() in lex.skip or toks[-1][2] == ","):
        toks.pop()
    if not toks or len(toks) > 14:
        return None
    first = toks[0][2]
    if any(t[2] in (".", "!", "?", ";") and not (k and title_like(toks[k - 1][2]))
           for k, t in enumerate(toks)):
        return None
    if not (is_cap(first) and first not in lex.not_names) and first.lower() not in (
            "the", "a", "an", "he", "she", "they"):
        return None
    if any(t[2].islower() and (t[2] in lex.verbs or verb_like(t[2]) or t[2] in (
            "around", "across", "over", "toward", "towards", "through", "during"))
           for t in toks):
        return None
    return toks[0][0], toks[-1][1]


def np_right(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The noun phrase that starts just after ``lo`` (a speaker after its verb), or None."""
    toks = tokens(text, lo, hi)
    lex = lexicon()
    source_nouns = lex.source_nouns
    if not toks:
        return None
    i = 0
    first = toks[0][2]
    if first.lower() in ("he", "she", "they"):
        return toks[0][0], toks[0][1]
    start = toks[0][0]
    end = None
    n_lower = 0
    has_det = first.lower() in ("the", "a", "an", "one", "another")
    while i < len(toks):
        t = toks[i][2]
        tl = t.lower()
        if i == 0 and has_det:
            i += 1
            continue
        if has_det and i <= 5 and (t[:1].isdigit() or t.islower() and t.isalpha()) and \
                tl not in lex.function and not tl.endswith(("ing", "ed", "ly")):
            # "said the 46-year-old", "said one district GOP leader", "said a strategist"
            end = toks[i][1]
            i += 1
            continue
        if is_cap(t) and t not in lex.not_names and (
                tl not in lex.function or i > 0 and tl == "i"):
            end = toks[i][1]
            if i + 1 < len(toks) and toks[i + 1][2] == "." and title_like(t):
                end = toks[i + 1][1]
                i += 2
                continue
            i += 1
            continue
        if end is not None and _descriptor_then_name(toks, i, lex):
            # "says Cambridge cartoonist Andre Campbell": the name after the descriptor
            i += 1
            while i < len(toks) and toks[i][2].islower():
                i += 1
            continue
        if t.islower() and t.replace("-", "").isalpha() and tl not in lex.function and \
                n_lower < 3 and (end is None or tl in source_nouns):
            # "said vice-chairman Vivek Paul", "said senior fellow X"
            n_lower += 1
            if tl in source_nouns:
                end = toks[i][1]
            i += 1
            continue
        if tl in ("of", "de", "al", "bin", "van", "von") and end is not None and \
                i + 1 < len(toks) and is_cap(toks[i + 1][2]) and tl != "of":
            i += 1
            continue
        break
    if end is None:
        return None
    return start, end


def _descriptor_then_name(toks: list, i: int, lex) -> bool:
    """``toks[i:]`` are one or two lower-case descriptor words and then a capitalised name
    ("cartoonist Andre Campbell", "managing director Ann Lee")."""
    j = i
    while j < len(toks) and j - i < 2 and toks[j][2].islower() and toks[j][2].isalpha() and \
            toks[j][2] not in lex.function and toks[j][2] not in lex.verbs and \
            not verb_like(toks[j][2]):
        j += 1
    return i < j < len(toks) and is_cap(toks[j][2]) and toks[j][2] not in lex.not_names and \
        toks[j][2].lower() not in lex.function
