"""Speech cues next to a quote and the speaker phrase each one introduces.

A cue is a speech verb of ``resources/speech_verbs.txt`` ("said", "told", "tweeted"), "according
to", or a colon. :func:`after` reads the attribution right after a closing mark ("…,” he said",
"…,” said Khaled Elgindy, a senior fellow"), :func:`before` the one before an opening mark in
the same sentence ("Mr. Miller said …, “…”"). Both return ``(phrase, cue span, is_document)``
or None; the phrase is noted in the scan and described later (:mod:`.speakers`).
"""

from __future__ import annotations

import re

from .marks import outside_quotes
from .phrases import np_between, np_left, np_right, title_like, tokens
from .scan import Phrase, Scan

__all__ = ["after", "before", "sentence_subject", "nearest_group", "ACCORDING"]

ACCORDING = re.compile(r"\baccording to\s+", re.I)
_AFTER_SKIP = re.compile(r"[\s,—–\-]*")
_CLAUSE_END = (".", "!", "?", ";")
_OPENERS_KEPT = ("But", "And", "So", "Yet", "Or")  # a conjunction opens no adverbial clause
_SUBJECT_PRONOUNS = ("It", "We", "I", "They", "He", "She")
_POSSESSIVE_OWNER = re.compile(r"([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)*)[’']s\b")
_FROM_OWNER = re.compile(r"\b(?:from|by)\s+((?:the\s+)?[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)*)")
# "Braynard is quoted as saying", "local newspapers quote Salinas as saying"
_QUOTED_AS = re.compile(
    r"\s(?:is|was|were|has been|had been)\s+(?P<ca>quoted\s+as\s+(?:saying|telling))\b|"
    r"\b(?P<cb>quot(?:e|es|ed|ing))\s+(?P<b>[^.,;!?“”\"]{1,60}?)\s+as\s+saying\b")
_DOC_SUBJECT = re.compile(r"\b(?:a|an|the)\s+(?:\w+\s+)?(\w+)", re.I)


def is_document(scan: Scan, s: int, e: int) -> bool:
    """The phrase ``text[s:e]`` is headed by a document noun ("a statement")."""
    words = scan.text[s:e].lower().split()
    return bool(words) and words[-1].strip(".,") in scan.lex.doc_nouns


def _short_tail(text: str, pos: int, hi: int) -> bool:
    """The attribution clause ends soon after ``pos`` (a period within a few words)."""
    m = re.match(r"[^.!?;]{0,80}?[.!?;]", text[pos:hi])
    return bool(m) and not re.search(r"\bthat\b", m.group())


# --------------------------------------------------------------------------- after the quote


def after(scan: Scan, lo: int, hi: int, content: str):
    """Attribution right after a closing mark, in ``text[lo:hi]``."""
    text = scan.text
    p = _AFTER_SKIP.match(text, lo, hi).end()
    if p >= hi:
        return None
    ends = content.rstrip(" '’\"”")[-1:]  # "… of 'Clinton,' " said": the comma counts
    # after a quote that ends a sentence ("…war.” Mr. X said), only a short "X said." counts
    strong = ends in (",", "?", "!", "—", "-", "–", "…") or "," in text[lo:p] or \
        text[lo - 2:lo - 1] in (",", "?", "!")
    am = ACCORDING.match(text, p, hi)
    if am:
        np_ = np_right(text, am.end(), hi)
        if np_:
            return scan.phrase(*np_), (am.start(), am.end() - 1), is_document(scan, *np_)
        return None
    found = quoted_as(scan, p, hi, first=True)
    if found is not None:
        return found
    toks = tokens(text, p, min(hi, p + 250))
    if not toks:
        return None
    first = toks[0][2]
    # "said Khaled Elgindy, a senior fellow …" (verb first; not "…,” promising that …")
    if first.lower() in scan.lex.verbs and first.lower() not in (
            "call", "calls", "called", "calling") and not first.endswith("ing"):
        np_ = np_right(text, toks[0][1], hi)
        if np_ and (strong or _short_tail(text, np_[1], hi)):
            return scan.phrase(*np_), toks[0][:2], is_document(scan, *np_)
        return None
    return _name_then_verb(scan, toks, p, hi, ends, strong)


def quoted_as(scan: Scan, lo: int, hi: int, *, first: bool = False):
    """ "X is quoted as saying", "newspapers quote X as saying" in ``text[lo:hi]``: the
    speaker X (``first``: the attribution must open the window, as after a quote)."""
    text = scan.text
    m = _QUOTED_AS.search(text, lo, min(hi, lo + 160))
    if m is None or _SENTENCE_STOP.search(text, lo, m.start()):
        return None
    if m.group("ca") is not None:
        np_ = np_left(text, lo, m.start())
        cue = m.span("ca")
    else:
        np_ = np_right(text, m.start("b"), m.end("b"))
        cue = m.span("cb")
        if first and len(text[lo:m.start()].split()) > 4:
            return None  # "…,” local newspapers quote Salinas as saying": a short subject
    if np_ is None or (first and np_[0] < m.start() and text[lo:np_[0]].strip(" ,\t\n")):
        return None
    return scan.phrase(*np_), cue, is_document(scan, *np_)


# verbs that are speech verbs only with their particle ("Bennett shot back", "fired back")
_PHRASAL = {"shot": "back", "fired": "back", "hit": "back", "piped": "up"}
_SENTENCE_STOP = re.compile(r"[!?;]|(?<![A-Z][a-z])(?<![A-Z])\.\s")


def _name_then_verb(scan: Scan, toks: list, p: int, hi: int, ends: str, strong: bool):
    """ "he said", "Mr. Netanyahu said", "Flynn, a top Trump surrogate, said"."""
    text = scan.text
    depth = 0
    for i in range(min(len(toks), 40)):
        t = toks[i][2]
        depth += (t == "(") - (t == ")")
        if t in _CLAUSE_END and depth <= 0 and not (i and (title_like(toks[i - 1][2]) or
                                                          "." in toks[i - 1][2])):
            return None
        if (t.lower() not in scan.lex.verbs or not t.islower()) and not (
                t in _PHRASAL and i + 1 < len(toks) and toks[i + 1][2] == _PHRASAL[t]):
            continue
        if i == 0:
            return None
        np_ = np_left(text, p, toks[i][0])
        # only determiners may stand between the closing mark and the speaker phrase
        if np_ is None or np_[0] != toks[0][0] and text[p:np_[0]].strip(" ,\t\n"):
            between = np_between(text, p, toks[i][0])
            if between is not None:
                np_ = between
            elif not (np_ is not None and i <= 10 and ends not in (".", "!", "?")
                      and _short_tail(text, toks[i][1], hi)):
                # only a quote inside a sentence may have words before its speaker:
                # “…jail time” for criminal behavior, she said.
                return None
        if not strong and not _short_tail(text, toks[i][1], hi):
            return None
        cue = (toks[i][0], toks[i + 1][1]) if t in _PHRASAL else toks[i][:2]
        return scan.phrase(*np_), cue, is_document(scan, *np_)
    return None


# --------------------------------------------------------------------------- before the quote


def before(scan: Scan, lo: int, hi: int):
    """Attribution before the quote in the same sentence, in ``text[lo:hi]``."""
    text = scan.text
    if hi <= lo:
        return None
    toks = []
    for a, b in outside_quotes(text, lo, hi):
        toks.extend(tokens(text, a, b))
    # "according to X, “…”"
    for am in ACCORDING.finditer(text, lo, hi):
        np_ = np_right(text, am.end(), hi)
        if np_:
            return scan.phrase(*np_), (am.start(), am.end() - 1), is_document(scan, *np_)
    found = quoted_as(scan, lo, hi)
    if found is not None:
        return found
    # the first speech verb with a subject (the main clause: "Mr. Miller said X include …");
    # an opening adverbial clause ("As Blumenthal spoke, …", "Alongside BLM calls for
    # action, …") holds no attribution of the main clause
    opening = 0
    if toks and toks[0][2] in scan.lex.not_names and toks[0][2] not in _OPENERS_KEPT and \
            toks[0][2] not in _SUBJECT_PRONOUNS:  # "It added, “…”" opens no clause
        opening = next((n for n, tk in enumerate(toks) if tk[2] == ","), 0)
        if opening == len(toks) - 1 and toks[0][2] in ("As", "Like"):
            opening = 0  # "As one employee told Palo Alto Weekly, “…”": the clause is the cue
    for i, (s, e, t) in enumerate(toks):
        if not _cue_verb(scan, toks, i) or i < opening:
            continue
        if _no_cue(scan, toks, i, hi):
            continue
        prev = toks[i - 1][2] if i else ""
        if prev.lower() in ("and", "but", "then") or prev == "," and t.endswith("ing"):
            # "Mrs. Clinton shook her head and said, …", "Sanders …, saying, …"
            sp = sentence_subject(scan, lo, s)
            if sp is not None:
                return sp, (s, e), False
        found = _subject_of(scan, lo, s)
        if found is not None:
            return found[0], (s, e), found[1]
    # "in a statement, the ministry said" handled above; "Trump tweeted:" needs a verb
    return None


def _cue_verb(scan: Scan, toks: list, i: int) -> bool:
    """``toks[i]`` is a lower-case speech verb, or a verb of thought that the words after it
    make inner speech ("he thought to himself, “…”")."""
    t = toks[i][2]
    if not t.islower():
        return False
    return t in scan.lex.verbs or t in _THOUGHT and i + 2 < len(toks) and \
        toks[i + 1][2] == "to" and toks[i + 2][2] in _SELF


_THOUGHT = ("thought", "thinks", "think", "wondered", "wonders")
_SELF = ("himself", "herself", "themselves", "myself", "ourselves")


def _no_cue(scan: Scan, toks: list, i: int, hi: int) -> bool:
    """The speech verb ``toks[i]`` is a noun, a modifier or a passive, not a cue."""
    s, e, t = toks[i]
    prev = toks[i - 1][2].lower() if i else ""
    if prev in ("a", "an", "the", "his", "her", "their", "its", "our", "my", "your"):
        return True  # a noun: "have a say", "his call"
    if t.endswith("ing") and not (i and toks[i - 1][2] in (",", "and", "but")) and \
            prev not in scan.lex.doc_nouns and scan.text[e:hi].strip(" \t\n,:—–-"):
        # a modifier ("his memo to employees explaining the deal, …"), unless the quote
        # follows at once ("footage of Hillary Clinton asking, “…”")
        return True
    # passive "was written by"
    return prev in ("was", "were", "been", "be", "is", "are") and t.endswith("ed")


def _subject_of(scan: Scan, lo: int, s: int):
    """The subject of the speech verb at ``s``: ``(phrase, is_document)`` or None."""
    np_ = np_left(scan.text, lo, s)
    if np_ is not None:
        doc = is_document(scan, *np_)
        sp = scan.phrase(*np_)
        if doc or _subject_is_document(scan, lo, np_[0]):
            owner = _document_owner(scan, lo, s)
            if owner is None and doc and np_[0] > lo:
                # "Amazon released a separate statement saying, “…”": who issued it
                owner = sentence_subject(scan, lo, np_[0])
            return (owner if owner is not None else sp), True
        return sp, False
    # "A statement issued under Miller’s name called …"
    if _subject_is_document(scan, lo, s):
        sp = _document_owner(scan, lo, s)
        if sp is None:
            dm = _DOC_SUBJECT.search(scan.text[lo:s])
            if dm:
                sp = scan.phrase(lo + dm.start(), lo + dm.end())
        return sp, True
    return None


def _subject_is_document(scan: Scan, lo: int, hi: int) -> bool:
    words = re.findall(r"[a-z]+", scan.text[lo:hi].lower())
    return any(w in scan.lex.doc_nouns for w in words[:4])


def _document_owner(scan: Scan, lo: int, hi: int) -> Phrase | None:
    """The named owner of a document subject ("a statement issued under Miller’s name")."""
    window = scan.text[lo:hi]
    m = _POSSESSIVE_OWNER.search(window) or _FROM_OWNER.search(window)
    return scan.phrase(lo + m.start(1), lo + m.end(1)) if m else None


# --------------------------------------------------------------------------- other speakers


def sentence_subject(scan: Scan, lo: int, hi: int) -> Phrase | None:
    """The name that opens the clause ``text[lo:hi]`` ("Trump walked onto the stage …")."""
    text, stop = scan.text, scan.lex.not_names
    toks = tokens(text, lo, hi)
    k = 0
    if toks and toks[0][2] in stop and toks[0][2] not in _OPENERS_KEPT:
        # "With Democratic leaders worried …, President Obama is …": skip the opening clause
        comma = next((n for n, t in enumerate(toks) if t[2] == ","), None)
        if comma is None:
            return None
        k = comma + 1
    while k < len(toks) and (toks[k][2] in stop or toks[k][2] == ","):
        k += 1
    if k >= len(toks) or (k > 2 and toks[k - 1][2] != ","):
        return None
    np_ = np_right(text, toks[k][0], hi)
    if np_ is None:
        return None
    nxt = tokens(text, np_[1], min(hi, np_[1] + 30))
    if not nxt or not nxt[0][2].islower():
        return None  # the name must be followed by its verb
    return scan.phrase(*np_)


def nearest_group(scan: Scan, lo: int, hi: int) -> Phrase | None:
    """The nearest group speaker before ``hi`` in the paragraph (the people holding a sign)."""
    text = scan.text
    best = None
    for a, b in outside_quotes(text, lo, hi):
        for m in scan.mentions.starting_in(a, b):
            if m.end <= b and m.actor_type == "group":
                best = scan.phrase(m.start, m.end)
        for wm in re.finditer(r"\b[a-z]+\b", text[a:b]):
            w = wm.group()
            if w in scan.lex.source_nouns and w.endswith("s") and (
                    best is None or best.start < a + wm.start()):
                s, e = a + wm.start(), a + wm.end()
                dm = re.search(r"(?:\b(?:the|The)\s+)?(?:[A-Z][\w\-]*\s+)?$", text[a:s])
                if dm and dm.group():
                    s = a + dm.start()
                best = scan.phrase(s, e, group=True)
    return best
