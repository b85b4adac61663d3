"""Quotations and who said them: ``extract_quotes`` and ``quote_warnings``.

The method is rule-based and needs no parser model, in the tradition of the quotation
extractors of Pouliquen, Steinberger & Best (2007) and Pareti (2016), and of textacy's
``direct_quotations`` (pairs quote marks with reporting verbs by distance):

1. **Marks.** Quote marks are paired by type — “ ” ‘ ’ « » „ ‹ › and straight ``"`` ``'``
   and the old typewriter ````` ``…'' `````. Pairing restarts in every paragraph, so an odd
   mark damages at most one paragraph and is reported by :func:`quote_warnings`. A quote
   left open at the end of a paragraph whose next paragraph opens again is news style for a
   quote that runs over several paragraphs (one row per paragraph, same speaker). Single
   marks inside a double quote are nested quotes; a single mark between letters ("don’t",
   "Israel’s") or after a plural with nothing open ("1990s’") is an apostrophe.
2. **Cues.** A shipped list of inflected speech verbs (``resources/speech_verbs.txt``:
   said, told, tweeted, insisted…), noun cues ("according to", "in a statement") and a
   colon that ends the sentence before a quote.
3. **Speakers.** The noun phrase next to the cue, before or after the quote or between two
   segments ("“A,” he said. “B.”"), with descriptors on either side ("State Department
   spokesman Matthew Miller told reporters", "said Khaled Elgindy, a senior fellow at …").
   Names become canonical actors through :func:`newsresearch.actors.find_actors` mentions;
   pronouns are resolved to the most recent compatible candidate that is the subject of a
   preceding sentence (centering: Grosz, Joshi & Weinstein 1995) — "he"/"she" a person of
   that gender (from the actor, a title, or a pronoun already resolved), "they" a group or
   organization, "it" an organization. A quote of whole sentences with no cue inherits the
   speaker of the quote (or the reported speech) just before it. When unsure the speaker is
   left empty rather than guessed.
4. **Kinds and sources.** ``direct`` (a whole statement), ``partial`` (a fragment inside
   reported speech), ``label`` (a sign, chant or title), ``indirect`` (reported speech
   without marks: "…, officials said"); sources are ``named_person``,
   ``named_organization``, ``anonymous`` (no name: "a senior official", "officials said,
   on condition of anonymity"), ``document`` ("in a statement", "a report said") or
   ``unknown`` (no speaker found).

Offsets index exactly the text passed (``article.text`` for an Article).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from .articles import as_text
from .resources import word_list

__all__ = ["extract_quotes", "quote_warnings", "QUOTE_COLUMNS", "WARNING_COLUMNS", "KINDS",
           "SOURCE_TYPES", "speech_verbs", "loaded_verbs"]

QUOTE_COLUMNS = [
    "quote_id", "start", "end", "quote", "speaker", "speaker_surface", "speaker_start",
    "speaker_end", "cue", "cue_start", "cue_end", "kind", "source_type", "sentence_id",
    "paragraph_id",
]
WARNING_COLUMNS = ["start", "end", "mark", "problem", "paragraph_id"]

KINDS = ("direct", "partial", "indirect", "label")
SOURCE_TYPES = ("named_person", "named_organization", "anonymous", "document", "unknown")


# --------------------------------------------------------------------------- word lists


def speech_verbs() -> frozenset[str]:
    """Return the shipped speech-verb forms (``resources/speech_verbs.txt``).

    Examples
    --------
    >>> {"said", "told", "tweeted"} <= speech_verbs()
    True
    """
    return word_list("speech_verbs.txt")


def loaded_verbs() -> frozenset[str]:
    """Return the cue verbs that are not neutral ("claimed", "admitted", "insisted").

    Examples
    --------
    >>> "claimed" in loaded_verbs(), "said" in loaded_verbs()
    (True, False)
    """
    return word_list("quote_loaded_verbs.txt")


@lru_cache(maxsize=1)
def _role_nouns() -> frozenset[str]:
    return word_list("quote_role_nouns.txt")


@lru_cache(maxsize=1)
def _lists():
    return (word_list("speech_verbs.txt"), word_list("quote_source_nouns.txt"),
            word_list("quote_document_nouns.txt"))


# --------------------------------------------------------------------------- quote marks

# `` and '' first so that they are not read as two single marks
_MARK = re.compile(r"``|''|[\"“”„«»‘’‚‹›']")
_WORDCH = re.compile(r"\w")
_DOUBLE_OPEN = {"“": "curly", "„": "curly", "«": "angle", "``": "tex"}
_MARK_DOUBLE = re.compile(r"[\"“”„«»]|``|''")
_ELISION = re.compile(r"(?:\d0s|em|til|cause|n|tis|twas)\b", re.I)


@dataclass
class _Seg:
    start: int          # content start (after the opening mark, whitespace stripped)
    end: int            # content end
    open_start: int     # opening mark (== start when the segment reopens nothing)
    close_end: int      # end of the closing mark (== end when the quote runs on)
    paragraph_id: int
    closed: bool = True
    chain: int = -1     # index of the first segment of a multi-paragraph quote
    marks: str = ""
    speaker: dict | None = None
    cue: tuple | None = None
    kind: str | None = None
    how: str = ""
    extra: dict = field(default_factory=dict)


def _role(text: str, s: int, e: int, mark: str, para_start: int, para_end: int) -> str:
    """Classify one quote mark: open_d, close_d, ambig_d, open_s, close_s, ambig_s, apos."""
    prev = text[s - 1] if s > para_start else " "
    nxt = text[e] if e < para_end else " "
    if mark in _DOUBLE_OPEN:
        return "open_d"
    if mark == "»":
        return "close_d"
    if mark == "”":
        # a right mark used as an opener at a line start ("”Fear. I am afraid …")
        if (prev.isspace() or s == para_start) and (nxt.isalnum() or nxt in "‘'"):
            return "open_d_weak"
        return "close_d"
    if mark in ('"', "''"):
        return "ambig_d"
    if mark in ("‘", "‚", "‹"):
        if mark == "‘" and _ELISION.match(text, e) and not prev.isalnum():
            return "apos"  # ‘90s, ‘em
        return "open_s"
    if mark == "›":
        return "close_s"
    # ’ or '
    if _WORDCH.match(prev) and _WORDCH.match(nxt):
        return "apos"  # don’t, Israel’s
    if mark == "'" and not _WORDCH.match(prev) and _WORDCH.match(nxt):
        if _ELISION.match(text, e):
            return "apos"
        return "open_s"
    return "close_s"


def _family(mark: str) -> str:
    return {"“": "curly", "”": "curly", "„": "curly", "«": "angle", "»": "angle",
            '"': "straight", "``": "tex", "''": "tex"}.get(mark, "single")


def _is_opener_context(text: str, s: int, e: int, para_start: int, para_end: int) -> bool:
    prev = text[s - 1] if s > para_start else " "
    nxt = text[e] if e < para_end else " "
    return (prev.isspace() or prev in "([{—–-/:,;" or s == para_start) and not nxt.isspace()


def _find_segments(text: str, paras: list[tuple[int, int]]):
    """Pair quote marks paragraph by paragraph; return (top-level segments, warnings)."""
    segs: list[_Seg] = []
    warns: list[tuple] = []
    carry = None  # family of a quote left open at the end of the previous paragraph
    for pid, (ps, pe) in enumerate(paras):
        marks = [(m.start(), m.end(), m.group()) for m in _MARK.finditer(text, ps, pe)]
        d_open = None   # (start, end, family)
        s_stack: list[tuple[int, int, str]] = []
        nested_d: list[str] = []
        continued = carry is not None
        if continued:
            # the paragraph must open with a quote mark to continue the previous quote
            first = marks[0] if marks else None
            lead = text[ps:first[0]] if first else "x"
            if first is None or lead.strip() or _role(
                    text, first[0], first[1], first[2], ps, pe) not in (
                    "open_d", "open_d_weak", "ambig_d") or \
                    _family(first[2]) != _family(carry):
                prev = segs[-1]
                warns.append((prev.open_start, prev.open_start + len(prev.marks),
                              prev.marks, "unclosed quote: runs to the end of its paragraph",
                              prev.paragraph_id))
                continued = False
        carry = None
        chain_of_first = len(segs) - 1 if continued else -1
        for s, e, mark in marks:
            role = _role(text, s, e, mark, ps, pe)
            if d_open is None:
                if role in ("open_d", "open_d_weak") or (
                        role == "ambig_d" and not (
                            not _is_opener_context(text, s, e, ps, pe)
                            and (e >= pe or text[e].isspace() or text[e] in ".,;:!?)"))):
                    d_open = (s, e, mark)
                elif role in ("close_d", "ambig_d"):
                    warns.append((s, e, mark, "closing quote mark with no opening mark", pid))
                elif role == "open_s" and mark == "‘":
                    s_stack.append((s, e, mark))
                elif role == "close_s" and s_stack and mark == "’":
                    os_, oe, _m = s_stack.pop()
                    if not s_stack:
                        segs.append(_make_seg(text, oe, s, os_, e, pid, True, mark="‘’"))
                continue
            # inside a double quote
            fam = _family(mark)
            if fam != _family(d_open[2]) and role in ("open_d", "open_d_weak", "close_d",
                                                      "ambig_d"):
                # another style inside: a nested quote ("…what she called “rant”…"), or, when
                # it can only close, a quote opened with “ and closed with " (mixed styles)
                if nested_d and role in ("close_d", "ambig_d", "open_d_weak"):
                    nested_d.pop()
                    continue
                if role == "open_d" or (role in ("ambig_d", "open_d_weak")
                                        and _is_opener_context(text, s, e, ps, pe)):
                    nested_d.append(mark)
                    continue
                role = "close_d"
            if mark == "“" and s > ps and text[s - 1] in ".,!?" and (
                    e >= pe or text[e].isspace()):
                role = "close_d"  # “Do you want to be associated with a fascist?“ he asked
            if role in ("close_d", "ambig_d") or (role == "open_d_weak" and mark == "”") or (
                    d_open[2] == "„" and mark == "“"):  # German „…“
                if s_stack:
                    s_stack.clear()
                seg = _make_seg(text, d_open[1], s, d_open[0], e, pid, True,
                                mark=d_open[2] + mark)
                if continued and chain_of_first >= 0 and not any(
                        x.paragraph_id == pid for x in segs[chain_of_first + 1:]):
                    seg.chain = segs[chain_of_first].chain if segs[chain_of_first].chain >= 0 \
                        else chain_of_first
                segs.append(seg)
                d_open = None
                nested_d.clear()
            elif role == "open_d":
                # a second opener: the first was never closed
                warns.append((d_open[0], d_open[1], d_open[2],
                              "opening quote mark never closed before the next one", pid))
                d_open = (s, e, mark)
            elif role == "open_s":
                s_stack.append((s, e, mark))
            elif role == "close_s" and s_stack:
                s_stack.pop()
            # close_s with nothing open inside a quote: an apostrophe ("Sanders’ bid")
        if d_open is not None:
            seg = _make_seg(text, d_open[1], pe, d_open[0], pe, pid, False, mark=d_open[2])
            if continued and chain_of_first >= 0 and not any(
                    x.paragraph_id == pid for x in segs[chain_of_first + 1:]):
                seg.chain = segs[chain_of_first].chain if segs[chain_of_first].chain >= 0 \
                    else chain_of_first
            segs.append(seg)
            carry = d_open[2]
        for s, e, mark in s_stack:
            if mark == "‘":
                warns.append((s, e, mark, "single opening mark never closed", pid))
    if carry is not None:
        prev = segs[-1]
        warns.append((prev.open_start, prev.open_start + len(prev.marks), prev.marks,
                      "unclosed quote: runs to the end of the text", prev.paragraph_id))
    segs = [g for g in segs if g.end > g.start]
    return segs, warns


def _make_seg(text, cs, ce, os_, close_end, pid, closed, *, mark) -> _Seg:
    seg_text = text[cs:ce]
    ls = len(seg_text) - len(seg_text.lstrip())
    rs = len(seg_text) - len(seg_text.rstrip())
    start, end = cs + ls, max(cs + ls, ce - rs)
    return _Seg(start, end, os_, close_end, pid, closed, marks=mark)


# --------------------------------------------------------------------------- speakers

_TITLE = (r"(?:Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Del|Prof|Rev|Gov|Amb|"
          r"Pres|Supt|Cmdr|Maj|St)")
_PRONOUN = re.compile(r"\b(he|she|they|He|She|They|HE|SHE|THEY)\b")
_MALE = {"mr", "he", "him", "his", "king", "prince", "sir", "lord", "man", "spokesman",
         "chairman", "congressman", "businessman", "father", "son", "brother", "husband",
         "boy"}
_FEMALE = {"mrs", "ms", "miss", "she", "her", "hers", "queen", "princess", "lady", "madam",
           "woman", "spokeswoman", "chairwoman", "congresswoman", "businesswoman", "mother",
           "daughter", "sister", "wife", "girl"}
_ADVERBS = {"also", "later", "then", "again", "once", "recently", "previously", "has", "had",
            "have", "would", "will", "was", "is", "forcefully", "repeatedly", "often",
            "publicly", "privately", "flatly", "bluntly", "simply", "only", "even", "first",
            "further", "quickly", "sarcastically", "angrily", "calmly", "firmly", "finally",
            "reportedly", "allegedly", "openly", "similarly", "separately", "likewise",
            "did", "does", "do", "already", "still", "ultimately", "jokingly", "told", "may",
            "might", "could", "can", "just", "not"}
_FUNCTION = {"that", "which", "who", "whom", "whose", "and", "or", "but", "when", "as", "if",
             "because", "after", "before", "while", "where", "what", "how", "why", "to", "of",
             "in", "on", "at", "for", "with", "by", "from", "into", "about", "than", "so",
             "it", "this", "these", "those", "there", "here", "we", "i", "you", "me", "us",
             "him", "her", "them", "its", "our", "your", "their", "my", "not", "no", "be",
             "been", "being", "are", "were", "is", "was", "has", "have", "had", "do", "does",
             "did", "will", "would", "should", "could", "can", "may", "might", "must",
             "since", "until", "though", "although", "yet", "also", "then", "now", "once",
             "even", "just", "only", "still", "all", "some", "any", "each", "every", "both",
             "either", "neither", "one", "said", "says", "say", "told", "like", "unlike",
             "however", "meanwhile", "instead", "asked", "yes", "well", "oh"}
_DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "our", "another", "one",
                "two", "three", "several", "many", "some", "other", "both", "most"}
_CAP_STOP = {"But", "And", "Or", "So", "Yet", "In", "On", "At", "For", "With", "As", "If",
             "When", "While", "After", "Before", "Since", "Although", "Though", "Because",
             "Then", "Now", "Still", "Meanwhile", "However", "Also", "That", "This", "These",
             "Those", "There", "Here", "It", "We", "I", "You", "Asked", "Speaking", "Later",
             "Earlier", "Today", "Yesterday", "Monday", "Tuesday", "Wednesday", "Thursday",
             "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "June",
             "July", "August", "September", "October", "November", "December", "Twitter",
             "Facebook", "Instagram", "Sept", "Oct", "Nov", "Dec", "Jan", "Feb", "Aug",
             "By", "From", "To", "Of", "Under", "Over", "Writing", "Last", "Next",
             "Thereafter", "Afterward", "Afterwards", "Instead", "Like", "Unlike", "Both",
             "Among", "Between", "During", "Until", "Where", "What", "Who", "Why", "How",
             "Alongside", "Amid", "Despite", "Following", "According", "Ever", "Even",
             "Just", "Only", "Perhaps", "Indeed", "Yes", "No", "Not", "Nor", "Once", "Upon",
             "Against", "Without", "Within", "Through", "Throughout", "Regardless", "Related",
             "Update", "Updated", "Read", "Watch", "See", "Photo", "Video", "Editor"}
_TOKEN = re.compile(r"[^\W_][\w’'\-]*(?:\.(?=[\w]))?[\w’'\-]*|[^\w\s]|_")


def _tokens(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, lo, hi)]


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper()


def _title_like(tok: str) -> bool:
    return bool(re.fullmatch(_TITLE, tok)) or (len(tok) == 1 and tok.isupper())


def _np_left(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The noun phrase that ends just before ``hi`` (a speaker before its verb), or None.

    Skips adverbs and auxiliaries ("also", "has"), a parenthesis ("Rep. John Mica (R-Fla.)")
    and an interjection set off by commas ("Flynn, a top Trump surrogate, said").
    """
    toks = _tokens(text, lo, hi)
    _, source_nouns, _ = _lists()
    i = len(toks) - 1
    while i >= 0 and toks[i][2].lower() in _ADVERBS and toks[i][2] != "told":
        i -= 1
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
        if j >= 1 and toks[j][2] == "," and j + 1 < i and not (
                toks[j - 1][2] == "." and j >= 2 and _title_like(toks[j - 2][2])):
            i = j - 1
        else:
            return None
    if i < 0:
        return None
    tok = toks[i][2]
    low = tok.lower()
    if low in ("he", "she", "they", "it"):
        return toks[i][0], toks[i][1]
    cap_head = _is_cap(tok) and tok not in _CAP_STOP and low not in _FUNCTION
    if not cap_head and not (tok.isalpha() and tok.islower() and low not in _FUNCTION
                             and not _verb_like(low)):
        return None
    end = toks[i][1]
    start = toks[i][0]
    j = i - 1
    n_lower = 0
    has_det = False
    while j >= 0:
        t = toks[j][2]
        tl = t.lower()
        if t == "." and j > 0 and _title_like(toks[j - 1][2]):
            start = toks[j - 1][0]
            j -= 2
            continue
        if tl in ("the", "a", "an"):
            start = toks[j][0]
            has_det = True
            break
        if _is_cap(t) and t not in _CAP_STOP and tl not in _FUNCTION:
            start = toks[j][0]
            j -= 1
            continue
        if t.islower() and t.isalpha() and tl not in _FUNCTION and n_lower < 3 and \
                tl not in _lists()[0] and not _verb_like(tl) and tl not in _ADVERBS:
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
    return start, end


def _verb_like(word: str) -> bool:
    """A lower-case word that is probably a verb or adverb, not part of a name phrase."""
    return word.endswith(("ed", "ing", "ly")) and word not in ("red", "king", "ally")


def _np_between(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """A short speaker phrase filling all of text[lo:hi] ("French President X", "he")."""
    toks = _tokens(text, lo, hi)
    while toks and (toks[-1][2].lower() in _ADVERBS or toks[-1][2] == ","):
        toks.pop()
    if not toks or len(toks) > 14:
        return None
    first = toks[0][2]
    if any(t[2] in (".", "!", "?", ";") and not (k and _title_like(toks[k - 1][2]))
           for k, t in enumerate(toks)):
        return None
    if not (_is_cap(first) and first not in _CAP_STOP) and first.lower() not in (
            "the", "a", "an", "he", "she", "they"):
        return None
    if any(t[2].islower() and (t[2] in _lists()[0] or _verb_like(t[2]) or t[2] in (
            "around", "across", "over", "toward", "towards", "through", "during"))
           for t in toks):
        return None
    return toks[0][0], toks[-1][1]


def _np_right(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The noun phrase that starts just after ``lo`` (a speaker after its verb), or None."""
    toks = _tokens(text, lo, hi)
    _, source_nouns, _ = _lists()
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
                tl not in _FUNCTION and not tl.endswith(("ing", "ed", "ly")):
            # "said the 46-year-old", "said one district GOP leader", "said a strategist"
            end = toks[i][1]
            i += 1
            continue
        if _is_cap(t) and t not in _CAP_STOP and (tl not in _FUNCTION or i > 0 and tl == "i"):
            end = toks[i][1]
            if i + 1 < len(toks) and toks[i + 1][2] == "." and _title_like(t):
                end = toks[i + 1][1]
                i += 2
                continue
            i += 1
            continue
        if t.islower() and t.isalpha() and tl not in _FUNCTION and n_lower < 3 and (
                end is None or tl in source_nouns):
            n_lower += 1
            if tl in source_nouns:
                end = toks[i][1]
            i += 1
            continue
        if tl in ("of", "de", "al", "bin", "van", "von") and end is not None and \
                i + 1 < len(toks) and _is_cap(toks[i + 1][2]) and tl != "of":
            i += 1
            continue
        break
    if end is None:
        return None
    return start, end


# --------------------------------------------------------------------------- main function


def _sentence_index(starts: list[int], pos: int) -> int:
    import bisect

    return max(0, bisect.bisect_right(starts, pos) - 1)


_ACCORDING = re.compile(r"\baccording to\s+", re.I)
# "said in a statement", "wrote in a letter": the words come from a document
_DOCUMENT_CUE = re.compile(
    r"\b(?:in|on)\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:statement|letter|release|report|memo|memorandum|filing|communiqu[eé])\b", re.I)
# the quoted words are written on something or chanted, not said to the reporter
_LABEL_CUE = re.compile(
    r"\b(?:(?:a|the|their|his|her)\s+sign|signs|placards?|banners?|slogans?|chants?|chanted|"
    r"chanting|t-shirts?|hashtag|posters?|headline|headlined|titled|entitled|billboards?|"
    r"graffiti|stickers?|tattoo)\b", re.I)
_ANONYMITY = re.compile(
    r"\b(?:on (?:the )?condition of anonymity|speaking anonymously|spoke anonymously|"
    r"not authorized to (?:speak|discuss|comment)|declined to be (?:named|identified)|"
    r"requested anonymity|asked not to be (?:named|identified)|familiar with)\b", re.I)
_TRANSCRIPT = re.compile(r"([A-Z][A-Z.'’\- ]{1,40}[A-Z.]):\s")
_DASH_ATTR = re.compile(r"[ \t\xa0]*[―—–][ \t\xa0]*([A-Z][\w’'.\-]*(?:[ \t\xa0]+[A-Z][\w’'.\-]*){0,4})")


class _Ctx:
    """Everything about one text that the attribution rules look up."""

    def __init__(self, text, sentences, actors):
        self.text = text
        self.sent = list(zip(map(int, sentences["start"].tolist()),
                             map(int, sentences["end"].tolist()),
                             map(int, sentences["paragraph_id"].tolist()), strict=True))
        self.sent_starts = [s for s, _, _ in self.sent]
        self.verbs, self.source_nouns, self.doc_nouns = _lists()
        self.mentions = []  # (start, end, actor, type, gender)
        if actors is not None and len(actors):
            n = len(actors)

            def col(name):
                if name not in actors.columns:
                    return [None] * n
                return [None if v is None or v != v else v for v in actors[name].tolist()]

            self.mentions = sorted(zip(map(int, actors["start"].tolist()),
                                       map(int, actors["end"].tolist()),
                                       map(str, actors["actor"].tolist()),
                                       col("actor_type"), col("gender"), strict=True))
        self.mention_starts = [m[0] for m in self.mentions]
        self.resolved: dict[int, tuple] = {}
        # names that are no actor mention but were seen as the speaker of a quote
        # ("“I would,” Melanie said"): later pronouns may refer to them
        self.confirmed: set[str] = set()
        self.speaker_log: list[tuple[int, dict]] = []  # explicit speakers, in text order
        self.learned_gender: dict[str, str] = {}  # from pronouns already resolved

    # ---------------------------------------------------------------- actor lookup
    def mention_at(self, s: int, e: int):
        """The actor mention heading the phrase text[s:e]: the rightmost mention before an
        apposition comma ("State Department spokesman Matthew Miller" → Matthew Miller,
        "Flynn, a top Trump surrogate" → Flynn)."""
        import bisect

        cut = self.text.find(",", s, e)
        hi = cut if cut > s else e
        best = None
        i = bisect.bisect_left(self.mention_starts, s - 200)
        while i < len(self.mentions) and self.mentions[i][0] < hi:
            m = self.mentions[i]
            if min(hi, m[1]) > max(s, m[0]) and (
                    best is None or m[0] > best[0] or m[0] == best[0] and m[1] > best[1]):
                best = m
            i += 1
        return best

    def gender_of(self, s: int, e: int, mention) -> str | None:
        if mention is not None and mention[4] in ("male", "female"):
            return mention[4]
        words = re.findall(r"[A-Za-z]+", self.text[max(0, s - 12):e].lower())
        if any(w in _MALE for w in words):
            return "male"
        if any(w in _FEMALE for w in words):
            return "female"
        return None

    # ---------------------------------------------------------------- speakers
    def speaker(self, s: int, e: int) -> dict:
        """Describe the speaker phrase text[s:e] (resolving pronouns)."""
        surface = self.text[s:e]
        low = surface.lower()
        if low in ("he", "she", "they", "it"):
            ante = self.resolve(s, low)
            if ante is None:
                return {"speaker": None, "surface": surface, "start": s, "end": e,
                        "type": "pronoun", "gender": None}
            return {"speaker": ante["speaker"], "surface": surface, "start": s, "end": e,
                    "type": ante["type"], "gender": ante["gender"], "pronoun": True}
        m = self.mention_at(s, e)
        head = surface.split()[-1].lower() if surface.split() else ""
        if m is not None:
            cut = self.text.find(",", s, e)
            tail = self.text[m[1]:cut if cut > s else e]
            if re.search(r"\b[a-z]{3,}", tail) and not tail.lstrip().startswith(("of ", "(")):
                m = None  # the name only modifies the head: "a Trump supporter", "Obama aides"
        if m is not None:
            name, typ = m[2], m[3] or "person"
            if m[1] - m[0] < e - s and m[0] >= s and m[1] <= e and (
                    "," in surface or "(" in surface):
                s, e = m[0], m[1]
                surface = self.text[s:e]
        else:
            name = _strip_title(surface)
            if surface[:1].isupper() and head not in self.source_nouns:
                self.confirmed.add(surface)
            if head in _role_nouns():  # "the mayor said": one identifiable person
                out = {"speaker": name, "surface": surface, "start": s, "end": e,
                       "type": "person", "gender": self.gender_of(s, e, None)}
                self.speaker_log.append((s, out))
                return out
            typ = "group" if head in self.source_nouns or not surface[:1].isupper() and \
                head in self.source_nouns else _guess_type(surface)
            if head in self.source_nouns and not any(
                    w[:1].isupper() and w.lower() not in ("the", "a", "an")
                    for w in surface.split()[-1:]):
                typ = "group"
        out = {"speaker": name, "surface": surface, "start": s, "end": e, "type": typ,
               "gender": self.gender_of(s, e, m), "mention": m is not None}
        self.speaker_log.append((s, out))
        return out

    def resolve(self, pos: int, pronoun: str):
        """Resolve a pronoun at ``pos``: the subject of the nearest preceding sentence."""
        if pos in self.resolved:
            return self.resolved[pos]
        if not self.sent:
            return None
        self.resolved[pos] = None  # guards against cycles
        want = {"he": "male", "she": "female"}.get(pronoun)
        si = _sentence_index(self.sent_starts, pos)
        result = None
        first_para = self.sent[si][2]
        for k in range(si, max(-1, si - 6), -1):
            ss, se, pid = self.sent[k]
            if first_para - pid > 2:
                break
            hi = min(se, pos)
            for cand in self.subjects(ss, hi):
                if pronoun == "it":  # "the company said … It added": an organization
                    if cand["type"] == "organization":
                        result = cand
                        break
                    continue
                if pronoun == "they":
                    if cand["type"] in ("group", "organization") or cand.get("plural"):
                        result = cand
                        break
                    continue
                if cand["type"] not in ("person", "pronoun"):
                    continue
                gender = cand["gender"] or self.learned_gender.get(cand["speaker"])
                if want and gender and gender != want:
                    continue
                result = cand
                break
            if result is not None:
                break
        if result is not None and want and not result.get("gender"):
            # "Smith … She said": Smith is a woman for the pronouns that follow
            self.learned_gender.setdefault(result["speaker"], want)
        self.resolved[pos] = result
        return result

    def subjects(self, lo: int, hi: int):
        """Candidate antecedents in text[lo:hi], most subject-like (leftmost) first."""
        out = []
        text = self.text
        outside = _outside_quotes(text, lo, hi)
        for a, b in outside:
            import bisect

            i = bisect.bisect_left(self.mention_starts, a)
            while i < len(self.mentions) and self.mentions[i][0] < b:
                m = self.mentions[i]
                out.append((m[0], {"speaker": m[2], "type": m[3] or "person",
                                   "gender": self.gender_of(m[0], m[1], m),
                                   "surface": text[m[0]:m[1]], "start": m[0], "end": m[1]}))
                i += 1
            for nm in _FALLBACK_NAME.finditer(text, a, b):
                    surf = nm.group()
                    if surf not in self.confirmed or self.mention_at(nm.start(), nm.end()):
                        continue
                    out.append((nm.start(), {"speaker": _strip_title(surf),
                                             "type": _guess_type(surf),
                                             "gender": self.gender_of(nm.start(), nm.end(),
                                                                      None),
                                             "surface": surf, "start": nm.start(),
                                             "end": nm.end()}))
            have = {pos for pos, _ in out}
            for pos, cand in self.speaker_log:
                if a <= pos < b and pos not in have and cand["type"] in ("person", "group"):
                    out.append((pos, dict(cand)))
            for pm in _PRONOUN.finditer(text, a, b):
                p = pm.group().lower()
                ante = self.resolve(pm.start(), p)
                if ante is not None:
                    cand = dict(ante)
                    cand["gender"] = {"he": "male", "she": "female"}.get(p, cand["gender"])
                    if p == "they":
                        cand["plural"] = True
                    out.append((pm.start(), cand))
        out.sort(key=lambda x: x[0])
        return [c for _, c in out]

    def anon_context(self, s: int, e: int) -> bool:
        """The sentence says the source is not named ("on condition of anonymity")."""
        si = _sentence_index(self.sent_starts, s)
        ss, se, _ = self.sent[si] if self.sent else (s, e, 0)
        return bool(_ANONYMITY.search(self.text, ss, max(se, e)))

    def document_context(self, s: int, e: int, cue: tuple) -> bool:
        """The cue is followed by "in a statement" (or a letter, release, report …)."""
        lo, hi = cue[1], min(len(self.text), cue[1] + 60)
        m = _DOCUMENT_CUE.search(self.text, lo, hi)
        if m and not re.search(r"[.!?“”\"]", self.text[lo:m.start()]):
            return True
        # "In a statement, the ministry said …"
        ss = self.sent[_sentence_index(self.sent_starts, cue[0])][0] if self.sent else 0
        m = _DOCUMENT_CUE.match(self.text, ss, cue[0])
        return bool(m)


_FALLBACK_NAME = re.compile(
    rf"(?:{_TITLE}\.?\s+)?[A-Z][a-z][\w’'\-]*(?:\s+(?:[A-Z]\.|[A-Z][\w’'\-]+))*")


def _strip_title(name: str) -> str:
    name = re.sub(r"[’']s$", "", name.strip())
    name = re.sub(rf"^(?:(?:the|The|a|A|an|An)\s+)?(?:{_TITLE}\.?\s+)", "", name)
    return name.strip()


_ORG_WORDS = re.compile(
    r"\b(?:Times|Post|News|Department|Ministry|Committee|Commission|Council|Association|"
    r"Union|Party|Foundation|Institute|University|Agency|Office|House|Administration|"
    r"Campaign|Court|Congress|Senate|Bank|Company|Corp|Inc|Group|Network|Journal|Press|"
    r"Reuters|Fund|Organization|Center|Centre|Coalition|League|Board|Army|Force|Forces|"
    r"Police|Authority|Service|Bureau|Embassy|Government|Movement|Caucus)\b")


def _guess_type(surface: str) -> str:
    if re.match(rf"{_TITLE}\.?\s", surface):
        return "person"
    if _ORG_WORDS.search(surface):
        return "organization"
    return "person" if surface[:1].isupper() else "group"


def _outside_quotes(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Sub-spans of [lo, hi) not inside double quote marks (a cheap per-window pairing)."""
    out = []
    pos = lo
    inside = False
    for m in re.finditer(r"[“”\"«»„]|``|''", text[lo:hi]):
        s = lo + m.start()
        mk = m.group()
        if not inside and mk in ("“", '"', "«", "„", "``", "''"):
            out.append((pos, s))
            inside = True
        elif inside and mk in ("”", '"', "»", "''", "“"):
            pos = lo + m.end()
            inside = False
        elif not inside:
            pos = lo + m.end()  # stray closer: what came before was inside a quote
            out = []
    if not inside:
        out.append((pos, hi))
    return [(a, b) for a, b in out if b > a]


def extract_quotes(text, *, sentences=None, actors=None, indirect: bool = True,
                   warnings: list | None = None) -> pd.DataFrame:
    """Find quotations and attribute each to a speaker, with its cue, kind and source type.

    Parameters
    ----------
    text : str or Article
    sentences : DataFrame, optional
        A :func:`~newsresearch.tokens.split_sentences` frame of the same text.
    actors : DataFrame, optional
        A :func:`~newsresearch.actors.find_actors` frame; computed when not given (if the
        actors module is available; otherwise speaker names are their own surface).
    indirect : bool, default True
        Also report reported speech without quote marks ("…, American officials said").
    warnings : list, optional
        If given, the rows of :func:`quote_warnings` are appended to it.

    Returns
    -------
    DataFrame
        One row per quoted segment (a quote split by "he said" or running over paragraphs
        gives one row per piece, all with the same speaker): ``quote_id, start, end``
        (the content between the marks), ``quote, speaker`` (canonical actor name, a group
        such as "American officials", or None when unsure), ``speaker_surface,
        speaker_start, speaker_end`` (the words naming the speaker; for a pronoun the
        pronoun itself, with its antecedent in ``speaker``), ``cue, cue_start, cue_end``,
        ``kind`` (direct, partial, indirect, label), ``source_type`` (named_person,
        named_organization, anonymous, document, unknown), ``sentence_id``,
        ``paragraph_id``.

    Examples
    --------
    >>> t = "“We will win,” said Sen. Jane Doe. “It is over.”"
    >>> extract_quotes(t)[["quote", "speaker", "cue", "kind"]].values.tolist()
    [['We will win,', 'Jane Doe', 'said', 'direct'], ['It is over.', 'Jane Doe', 'said', 'direct']]
    """
    text = as_text(text)
    if not text.strip():
        return _empty()
    if sentences is None:
        from .tokens import split_sentences

        sentences = split_sentences(text)
    if actors is None:
        actors = _default_actors(text, sentences)
    from .tokens import _paragraph_spans

    paras = _paragraph_spans(text)
    segs, warns = _find_segments(text, paras)
    if warnings is not None:
        warnings.extend(warns)
    ctx = _Ctx(text, sentences, actors)
    _attribute(ctx, segs, paras)
    rows = []
    for g in segs:
        sp = g.speaker
        rows.append(_row(ctx, g.start, g.end, sp, g.cue, g.kind or "direct", g.paragraph_id,
                         g.extra))
    if indirect:
        rows.extend(_indirect(ctx, segs, paras))
    rows.sort(key=lambda r: (r["start"], r["end"]))
    if not rows:
        return _empty()
    data = {"quote_id": range(len(rows))}
    for c in QUOTE_COLUMNS[1:]:
        values = [r[c] for r in rows]
        dtype = _DTYPES.get(c)
        data[c] = pd.array(values, dtype=dtype) if dtype == "Int64" else \
            pd.Series(values, dtype=dtype or object)
    return pd.DataFrame(data, columns=QUOTE_COLUMNS)


_DTYPES = {"quote_id": "int64", "start": "int64", "end": "int64", "speaker_start": "Int64",
           "speaker_end": "Int64", "cue_start": "Int64", "cue_end": "Int64",
           "sentence_id": "int64", "paragraph_id": "int64"}


def _empty() -> pd.DataFrame:
    return pd.DataFrame(columns=QUOTE_COLUMNS).astype(_DTYPES)


def _default_actors(text, sentences):
    try:
        from .actors import find_actors
    except ImportError:
        return None
    try:
        return find_actors(text, sentences=sentences)
    except Exception:  # pragma: no cover - quotes must not fail because actors did
        return None


def _row(ctx: _Ctx, s, e, sp, cue, kind, pid, extra) -> dict:
    text = ctx.text
    si = _sentence_index(ctx.sent_starts, s)
    stype = _source_type(ctx, s, e, sp, cue, extra)
    return {
        "start": s, "end": e, "quote": text[s:e],
        "speaker": sp.get("speaker") if sp else None,
        "speaker_surface": sp.get("surface") if sp else None,
        "speaker_start": sp.get("start") if sp else None,
        "speaker_end": sp.get("end") if sp else None,
        "cue": text[cue[0]:cue[1]] if cue else None,
        "cue_start": cue[0] if cue else None,
        "cue_end": cue[1] if cue else None,
        "kind": kind, "source_type": stype, "sentence_id": si, "paragraph_id": pid,
    }


def _source_type(ctx: _Ctx, s, e, sp, cue, extra) -> str:
    if extra.get("document") or (cue and ctx.document_context(s, e, cue)):
        return "document"
    if not sp or not sp.get("speaker"):
        return "unknown"
    typ = sp.get("type")
    surface = sp.get("surface") or ""
    if typ == "group" or (typ not in ("person", "organization") and not surface[:1].isupper()):
        return "anonymous"
    if typ != "person" and ctx.anon_context(s, e):
        return "anonymous"  # "officials said, on condition of anonymity"
    if typ in ("organization", "place"):  # "Israel has warned": a government speaks
        head = surface.split()[-1] if surface.split() else ""
        if not sp.get("mention") and head[:1].islower() and \
                surface.split()[0].lower() in ("the", "a", "an"):
            return "anonymous"  # "the commission": not a name
        return "named_organization"
    return "named_person"


# --------------------------------------------------------------------------- attribution


def _attribute(ctx: _Ctx, segs: list[_Seg], paras) -> None:
    text = ctx.text
    for k, g in enumerate(segs):
        ps, pe = paras[g.paragraph_id]
        prev_close = segs[k - 1].close_end if k and segs[k - 1].paragraph_id == \
            g.paragraph_id else ps
        nxt_open = segs[k + 1].open_start if k + 1 < len(segs) and \
            segs[k + 1].paragraph_id == g.paragraph_id else pe
        g.extra["left"] = (prev_close, g.open_start)
        g.extra["right"] = (g.close_end, nxt_open)
    for k in range(len(segs)):
        _attribute_one(ctx, segs, k, paras)
    # continuation: a multi-paragraph quote shares one speaker
    chains: dict[int, list[_Seg]] = {}
    for k, g in enumerate(segs):
        root = g.chain if g.chain >= 0 else k
        chains.setdefault(root, []).append(g)
    for members in chains.values():
        if len(members) < 2 or any(m.how == "transcript" for m in members):
            continue
        src = next((m for m in members if m.speaker and m.speaker.get("speaker")), None)
        if src is None:
            continue
        for m in members:
            if not m.speaker or not m.speaker.get("speaker"):
                m.speaker, m.cue, m.how = src.speaker, src.cue, "continued"
                m.kind = m.kind or src.kind
                m.extra["document"] = src.extra.get("document")
    # carry-over: split quotes and whole-sentence quotes with no cue
    for k, g in enumerate(segs):
        if g.speaker and g.speaker.get("speaker"):
            continue
        if k == 0 or g.kind == "label" or (not g.closed and g.chain < 0):
            continue
        if text[g.start:g.start + 1] == "(" or _is_title(text[g.start:g.end]):
            continue
        if g.kind == "partial" and segs[k - 1].kind != "partial":
            continue
        j = k - 1
        while j > 0 and segs[j].kind == "label" and segs[j].how == "title" and \
                segs[j - 1].paragraph_id == g.paragraph_id:
            j -= 1  # look past a title ("on Fox News’s “Fox and Friends.”")
        prev = segs[j]
        if not prev.speaker or not prev.speaker.get("speaker"):
            continue
        if prev.kind == "label":
            continue
        if g.kind == "partial" and prev.kind == "partial" and prev.how == "before" and \
                _sentence_index(ctx.sent_starts, prev.start) == \
                _sentence_index(ctx.sent_starts, g.start):
            # "Mr. Miller said … “A” and plans to “B”": one speaker for the whole sentence
            g.speaker, g.cue, g.how = prev.speaker, prev.cue, "carried"
            g.extra["document"] = prev.extra.get("document")
            continue
        if not _starts_sentence(text, g, paras):
            continue
        same_para = prev.paragraph_id == g.paragraph_id
        if same_para:
            between = text[prev.close_end:g.open_start]
            # "“A,” he said. “B.”" or "“A.” “B.”": nothing but the attribution between
            if prev.how in ("after", "before", "colon", "continued", "carried", "dash",
                            "transcript") and len(between) < 200:
                g.speaker, g.cue, g.how = prev.speaker, prev.cue, "carried"
                g.kind = "direct"
                g.extra["document"] = prev.extra.get("document")
        elif prev.paragraph_id == g.paragraph_id - 1 and g.open_start == paras[g.paragraph_id][0]:
            # a paragraph that is only a quote, after a paragraph ending with an attributed one
            pps, ppe = paras[prev.paragraph_id]
            tail = text[prev.close_end:ppe]
            gs_end = g.close_end
            rest = text[gs_end:paras[g.paragraph_id][1]].strip()
            if len(tail) < 120 and not rest and prev.how in ("after", "before", "carried",
                                                            "continued", "colon"):
                g.speaker, g.cue, g.how = prev.speaker, prev.cue, "carried"
                g.kind = "direct"
    # a quote right after reported speech: "Mr Blair said talking was the only answer.
    # “You've just got to confront it …”"
    for g in segs:
        if g.speaker or g.cue or g.kind != "direct" or not g.closed:
            continue  # only quotes with no cue at all
        si = _sentence_index(ctx.sent_starts, g.open_start)
        if si == 0 or not ctx.sent or ctx.sent[si][0] < g.open_start - 1 and \
                text[ctx.sent[si][0]:g.open_start].strip():
            continue
        ps_, pe_, pid = ctx.sent[si - 1]
        if pid != g.paragraph_id or _MARK_DOUBLE.search(text, ps_, pe_):
            continue
        found = _before(ctx, ps_, pe_)
        if found is not None and found[0] and found[0].get("speaker"):
            g.speaker, g.cue, g.how = found[0], found[1], "carried"
            g.extra["document"] = found[2]


def _is_title(content: str) -> bool:
    """Title Case of a few words: a book, show or headline ("Fox and Friends")."""
    words = re.findall(r"[^\W_][\w’'\-]*", content)
    if not 2 <= len(words) <= 8 or not words[0][:1].isupper():
        return False
    if content.rstrip()[-1:] in ("?", "!"):
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or len(w) <= 3 for w in words) and \
        sum(w[:1].isupper() for w in words) >= 2 and words[0].lower() not in ("i", "we")


def _starts_sentence(text: str, g: _Seg, paras) -> bool:
    ps, _ = paras[g.paragraph_id]
    before = text[ps:g.open_start].rstrip()
    return not before or before[-1] in ".!?:”\"’'—" or before.endswith("''")


def _attribute_one(ctx: _Ctx, segs: list[_Seg], k: int, paras) -> None:
    text = ctx.text
    g = segs[k]
    content = text[g.start:g.end]
    lo_r, hi_r = g.extra["right"]
    lo_l, hi_l = g.extra["left"]
    ps, pe = paras[g.paragraph_id]
    # clip the left context to the current sentence (outside quotes)
    si = _sentence_index(ctx.sent_starts, g.open_start)
    sent_start = ctx.sent[si][0] if ctx.sent else ps
    if sent_start > g.open_start:
        sent_start = ps
    left_lo = max(lo_l, sent_start)
    left = text[left_lo:hi_l]
    # label cues: a sign, a chant, a headline
    label_m = None
    for lm in _LABEL_CUE.finditer(text, max(left_lo, hi_l - 80), hi_l):
        label_m = lm
    if label_m is not None and len(content) < 80 and not re.search(
            r"\b(?:said|says|told|wrote|tweeted)\b", text[label_m.end():hi_l]):
        g.kind = "label"
        g.cue = (label_m.start(), label_m.end())
        g.how = "label"
        if label_m.group().lower().startswith("chant"):
            grp = _sentence_subject(ctx, left_lo, label_m.start())
        else:
            grp = _nearest_group(ctx, ps, g.open_start)
        if grp is not None:
            g.speaker = grp
        return

    # titles of books, shows and songs are labels, not speech ("on Fox News’s “Fox and
    # Friends.”")
    if _is_title(content) and left.strip():
        g.kind, g.how = "label", "title"
        return

    # 1. transcript style: "PENCE: Gennifer Flowers will not …"
    tm = _TRANSCRIPT.match(text, g.start)
    if tm and tm.group(1).strip().isupper() and len(tm.group(1).strip()) >= 3 and \
            tm.group(1).strip().title() not in _CAP_STOP and \
            tm.group(1).strip() not in ("UPDATE", "NOTE", "EDITOR'S NOTE", "BREAKING", "WATCH"):
        name = tm.group(1).strip()
        sp = ctx.speaker(tm.start(1), tm.start(1) + len(name))
        g.speaker, g.cue, g.kind, g.how = sp, (tm.end(1), tm.end(1) + 1), "direct", "transcript"
        return

    # 2. after the quote: “…,” he said / said Khaled Elgindy / ― Name / according to X
    right = text[lo_r:hi_r]
    after = _after(ctx, lo_r, hi_r, content)
    if after is not None:
        sp, cue, doc = after
        g.speaker, g.cue, g.how = sp, cue, "after"
        g.kind = _kind_after(text, g, left_lo)
        g.extra["document"] = doc
        return
    dm = _DASH_ATTR.match(right) if right.lstrip(" \t\xa0")[:1] in "―—–" else None
    if dm:
        s = lo_r + dm.start(1)
        e = lo_r + dm.end(1)
        name = text[s:e].rstrip(".")
        g.speaker = ctx.speaker(s, s + len(name))
        g.cue, g.kind, g.how = (lo_r + dm.start(), s), "direct", "dash"
        return

    # 3. before the quote, in the same sentence: Mr. Miller said …, “…”
    before = _before(ctx, left_lo, hi_l)
    if before is not None:
        sp, cue, doc = before
        g.speaker, g.cue, g.how = sp, cue, "before"
        g.extra["document"] = doc
        between = text[cue[1]:g.open_start]
        starts_upper = content[:1].isupper() or content[:1] in "‘'\"“"
        if re.fullmatch(r"[\s,:—–-]*", between) and starts_upper:
            g.kind = "direct"
        elif re.fullmatch(r"[^.;!?“”\"]{0,60}[,:]\s*", between) and starts_upper and \
                not re.search(r"\b(?:that|as|if|whether|because)\b", between):
            g.kind = "direct"  # "told reporters on Thursday, “…”"
        elif re.fullmatch(r"\s*(?:that|this|of \w+)?[,:]?\s*", between) and starts_upper and \
                _ends_sentence(content, text, g):
            g.kind = "direct"
        else:
            g.kind = "partial"
        return

    # 4. colon at the end of the previous paragraph: "The New York Times reports:"
    if not left.strip() and g.paragraph_id > 0:
        pps, ppe = paras[g.paragraph_id - 1]
        prev_para = text[pps:ppe]
        if prev_para.rstrip().endswith(":"):
            psi = _sentence_index(ctx.sent_starts, ppe - 1)
            pss = max(ctx.sent[psi][0], pps) if ctx.sent else pps
            colon = pps + len(prev_para.rstrip()) - 1
            res = _before(ctx, pss, colon)
            if res is not None:
                g.speaker, g.cue, g.how = res[0], res[1], "colon"
                g.extra["document"] = res[2]
                g.kind = "direct"
                return
    # "President Obama is rolling out a new campaign message: “It’s about me.”"
    if left.rstrip().endswith(":"):
        colon = left_lo + len(left.rstrip()) - 1
        np_ = _np_left(text, left_lo, colon)
        if np_ is not None and text[np_[0]].isupper() and \
                text[np_[0]:np_[1]].lower() not in ("he", "she", "they"):
            # "Philip Bump: “Two weeks ago …”" (a name and a colon)
            g.speaker, g.cue, g.kind, g.how = ctx.speaker(*np_), (colon, colon + 1), \
                "direct", "colon"
            return
        sp = _sentence_subject(ctx, left_lo, hi_l)
        if sp is not None:
            colon = left_lo + len(left.rstrip()) - 1
            g.speaker, g.cue, g.kind, g.how = sp, (colon, colon + 1), "direct", "colon"
            return
    # no cue: a fragment inside a sentence is partial (or a scare quote); a capitalised
    # statement after a comma or colon is direct
    if left.strip() and not _starts_sentence(text, g, paras) and not (
            content[:1].isupper() and left.rstrip()[-1:] in (",", ":")):
        g.kind = "partial"
    else:
        g.kind = "direct"


def _ends_sentence(content: str, text: str, g: _Seg) -> bool:
    return content.rstrip()[-1:] in ".!?" or text[g.close_end:g.close_end + 1] in (".", "")


def _kind_after(text: str, g: _Seg, left_lo: int) -> str:
    left = text[left_lo:g.open_start]
    content = text[g.start:g.end]
    if left.strip() and not left.rstrip().endswith((".", ":", "?", "!", "”", '"')) and \
            not content[:1].isupper():
        return "partial"
    return "direct"


def _verb_at(ctx: _Ctx, s: int, e: int) -> bool:
    return ctx.text[s:e].lower() in ctx.verbs


_AFTER_SKIP = re.compile(r"[\s,—–\-]*")


def _after(ctx: _Ctx, lo: int, hi: int, content: str):
    """Attribution right after a closing mark; returns (speaker, cue, is_document) or None."""
    text = ctx.text
    m = _AFTER_SKIP.match(text, lo, hi)
    p = m.end()
    if p >= hi:
        return None
    punct_before = text[lo:p]
    ends = content.rstrip(" '’\"”")[-1:]  # "… of 'Clinton,' " said": the comma counts
    # after a quote that ends a sentence ("…war.” Mr. X said), only a short "X said." counts
    strong = ends in (",", "?", "!", "—", "-", "–") or "," in punct_before or \
        ends in ("…",) or text[lo - 2:lo - 1] in (",", "?", "!")
    am = _ACCORDING.match(text, p, hi)
    if am:
        np_ = _np_right(text, am.end(), hi)
        if np_:
            sp = ctx.speaker(*np_)
            doc = _is_document(ctx, np_[0], np_[1])
            return sp, (am.start(), am.end() - 1), doc
        return None
    toks = _tokens(text, p, min(hi, p + 250))
    if not toks:
        return None
    # "said Khaled Elgindy, a senior fellow …" (verb first; not "…,” promising that …")
    if _verb_at(ctx, toks[0][0], toks[0][1]) and toks[0][2].lower() not in (
            "call", "calls", "called", "calling") and not toks[0][2].endswith("ing"):
        np_ = _np_right(text, toks[0][1], hi)
        if np_ and (strong or _short_tail(text, np_[1], hi)):
            return ctx.speaker(*np_), (toks[0][0], toks[0][1]), _is_document(ctx, *np_)
        return None
    # "he said", "Mr. Netanyahu said", "Flynn, a top Trump surrogate, said"
    limit = min(len(toks), 40)
    depth = 0
    for i in range(limit):
        t = toks[i][2]
        depth += (t == "(") - (t == ")")
        if t in (".", "!", "?", ";") and depth <= 0 and not (i and _title_like(toks[i - 1][2])):
            return None
        if t.lower() in ctx.verbs and toks[i][2].islower():
            if i == 0:
                return None
            np_ = _np_left(text, p, toks[i][0])
            if np_ is None or np_[0] != toks[0][0] and not _np_prefix_ok(text, p, np_[0]):
                between = _np_between(text, p, toks[i][0])
                if between is not None:
                    np_ = between
                elif not (np_ is not None and i <= 10 and ends not in (".", "!", "?")
                          and _short_tail(text, toks[i][1], hi)):
                    # only a quote inside a sentence may have words before its speaker:
                    # “…jail time” for criminal behavior, she said.
                    return None
            if not strong and not _short_tail(text, toks[i][1], hi):
                return None
            sp = ctx.speaker(*np_)
            return sp, (toks[i][0], toks[i][1]), _is_document(ctx, *np_)
    return None


def _np_prefix_ok(text: str, p: int, np_start: int) -> bool:
    """Only determiners may stand between the closing mark and the speaker phrase."""
    return not text[p:np_start].strip(" ,\t\n")


def _short_tail(text: str, pos: int, hi: int) -> bool:
    """The attribution clause ends soon after ``pos`` (a period within a few words)."""
    tail = text[pos:hi]
    m = re.match(r"[^.!?;]{0,80}?[.!?;]", tail)
    return bool(m) and not re.search(r"\bthat\b", m.group())


def _is_document(ctx: _Ctx, s: int, e: int) -> bool:
    words = ctx.text[s:e].lower().split()
    return bool(words) and words[-1].strip(".,") in ctx.doc_nouns


def _before(ctx: _Ctx, lo: int, hi: int):
    """Attribution before the quote in the same sentence: (speaker, cue, is_document)."""
    text = ctx.text
    if hi <= lo:
        return None
    spans = _outside_quotes(text, lo, hi)
    toks = []
    for a, b in spans:
        toks.extend(_tokens(text, a, b))
    # "according to X, “…”"
    for am in _ACCORDING.finditer(text, lo, hi):
        np_ = _np_right(text, am.end(), hi)
        if np_:
            return ctx.speaker(*np_), (am.start(), am.end() - 1), _is_document(ctx, *np_)
    # the first speech verb with a subject (the main clause: "Mr. Miller said X include …")
    # an opening adverbial clause ("As Blumenthal spoke, …", "Alongside BLM calls for
    # action, …") holds no attribution of the main clause
    opening = 0
    if toks and toks[0][2] in _CAP_STOP and toks[0][2] not in ("But", "And", "So", "Yet", "Or"):
        opening = next((n for n, tk in enumerate(toks) if tk[2] == ","), 0)
    for i, (s, e, t) in enumerate(toks):
        if t.lower() not in ctx.verbs or not t.islower() or i < opening:
            continue
        if i and toks[i - 1][2].lower() in ("a", "an", "the", "his", "her", "their", "its",
                                             "our", "my", "your"):
            continue  # a noun: "have a say", "his call"
        if t.endswith("ing") and not (i and toks[i - 1][2] in (",", "and", "but")) and not (
                i and toks[i - 1][2].lower() in ctx.doc_nouns) and \
                text[e:hi].strip(" \t\n,:—–-"):
            # a modifier ("his memo to employees explaining the deal, …"), unless the quote
            # follows at once ("footage of Hillary Clinton asking, “…”")
            continue
        if i and toks[i - 1][2].lower() in ("to", "was", "were", "been", "be", "is", "are") \
                and t.endswith("ed") and toks[i - 1][2].lower() != "to":
            continue  # passive "was written by"
        if i and (toks[i - 1][2].lower() in ("and", "but", "then") or
                  toks[i - 1][2] == "," and t.endswith("ing")):
            # "Mrs. Clinton shook her head and said, …", "Sanders …, saying, …"
            sp = _sentence_subject(ctx, lo, s)
            if sp is not None:
                return sp, (s, e), False
        np_ = _np_left(text, lo, s)
        if np_ is not None:
            doc = _is_document(ctx, *np_)
            sp = ctx.speaker(*np_)
            if doc or _subject_is_document(ctx, lo, np_[0]):
                owner = _document_owner(ctx, lo, s)
                if owner is not None:
                    sp = owner
                return sp, (s, e), True
            return sp, (s, e), False
        # "A statement issued under Miller’s name called …"
        if _subject_is_document(ctx, lo, s):
            owner = _document_owner(ctx, lo, s)
            sp = owner
            if sp is None:
                dm = re.search(r"\b(?:a|an|the)\s+(?:\w+\s+)?(\w+)", text[lo:s], re.I)
                if dm:
                    sp = ctx.speaker(lo + dm.start(), lo + dm.end())
            return sp, (s, e), True
    # "in a statement, the ministry said" handled above; "Trump tweeted:" needs a verb
    return None


def _subject_is_document(ctx: _Ctx, lo: int, hi: int) -> bool:
    words = re.findall(r"[a-z]+", ctx.text[lo:hi].lower())
    return any(w in ctx.doc_nouns for w in words[:4])


def _document_owner(ctx: _Ctx, lo: int, hi: int):
    """The named owner of a document subject ("a statement issued under Miller’s name")."""
    m = re.search(r"([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)*)[’']s\b", ctx.text[lo:hi])
    if m:
        return ctx.speaker(lo + m.start(1), lo + m.end(1))
    m = re.search(r"\b(?:from|by)\s+((?:the\s+)?[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)*)",
                  ctx.text[lo:hi])
    if m:
        return ctx.speaker(lo + m.start(1), lo + m.end(1))
    return None


def _sentence_subject(ctx: _Ctx, lo: int, hi: int):
    """The name that opens the clause text[lo:hi] ("Trump walked onto the stage …")."""
    toks = _tokens(ctx.text, lo, hi)
    k = 0
    if toks and toks[0][2] in _CAP_STOP and toks[0][2] not in ("But", "And", "So", "Yet", "Or"):
        # "With Democratic leaders worried …, President Obama is …": skip the opening clause
        comma = next((n for n, t in enumerate(toks) if t[2] == ","), None)
        if comma is None:
            return None
        k = comma + 1
    while k < len(toks) and (toks[k][2] in _CAP_STOP or toks[k][2] in (",",)):
        k += 1
    if k >= len(toks) or (k > 2 and toks[k - 1][2] != ","):
        return None
    np_ = _np_right(ctx.text, toks[k][0], hi)
    if np_ is None:
        return None
    nxt = _tokens(ctx.text, np_[1], min(hi, np_[1] + 30))
    if not nxt or not nxt[0][2].islower():
        return None  # the name must be followed by its verb
    return ctx.speaker(*np_)


def _nearest_group(ctx: _Ctx, lo: int, hi: int):
    """The nearest group speaker before ``hi`` in the paragraph (the people holding a sign)."""
    text = ctx.text
    best = None
    for a, b in _outside_quotes(text, lo, hi):
        for m in ctx.mentions:
            if a <= m[0] and m[1] <= b and m[3] == "group":
                best = ctx.speaker(m[0], m[1])
        for wm in re.finditer(r"\b[a-z]+\b", text[a:b]):
            w = wm.group()
            if w in ctx.source_nouns and w.endswith("s") and (
                    best is None or best["start"] < a + wm.start()):
                s, e = a + wm.start(), a + wm.end()
                dm = re.search(r"(?:\b(?:the|The)\s+)?(?:[A-Z][\w\-]*\s+)?$", text[a:s])
                if dm and dm.group():
                    s = a + dm.start()
                best = ctx.speaker(s, e)
                best["type"] = "group"
    return best


# --------------------------------------------------------------------------- indirect speech

_INDIRECT_AFTER = re.compile(r",\s+([^,.;:\"“”]{2,80}?)\s+(said|says|say|told|added|warned|"
                             r"argued|insisted|acknowledged|explained|noted|claimed|"
                             r"reported|wrote|stated)\b(?=\s*(?:[,.;]|$))")


def _indirect(ctx: _Ctx, segs: list[_Seg], paras) -> list[dict]:
    """Reported speech without quote marks: "X, American officials said" / "X said that Y"."""
    text = ctx.text
    rows = []
    quoted = [(g.open_start, g.close_end) for g in segs]
    import bisect

    qstarts = [q[0] for q in quoted]

    def has_quote(s, e):
        i = bisect.bisect_left(qstarts, s)
        return (i < len(quoted) and quoted[i][0] < e) or (
            i > 0 and quoted[i - 1][1] > s)

    for ss, se, pid in ctx.sent:
        if has_quote(ss, se):
            continue
        # "Mr. Netanyahu declined, American officials said, on condition of anonymity …"
        m = _INDIRECT_AFTER.search(text, ss, se)
        if m:
            np_ = _np_left(text, m.start(1), m.end(1))
            if np_ is not None and np_[0] == m.start(1) + (
                    len(m.group(1)) - len(m.group(1).lstrip())):
                sp = ctx.speaker(*np_)
                rows.append(_row(ctx, ss, m.start(), sp, (m.start(2), m.end(2)), "indirect",
                                 pid, {}))
                continue
        # "Mr. Miller said (that) …"
        toks = _tokens(text, ss, se)
        for s, e, t in toks[:25]:
            if t not in ("said", "says", "told", "warned", "argued", "insisted",
                         "acknowledged", "explained", "noted", "claimed", "wrote", "added",
                         "stated", "announced", "say"):
                continue
            np_ = _np_left(text, ss, s)
            if np_ is None:
                break
            cs = e
            rest = _tokens(text, e, se)
            if t in ("told", "warned") and rest and rest[0][2].lower() != "that":
                # told reporters (that) …, warned the administration that …
                j = 0
                while j < len(rest) and j < 6 and rest[j][2].lower() not in ("that",) and \
                        rest[j][2] not in (",",):
                    j += 1
                if j < len(rest) and rest[j][2].lower() == "that":
                    cs = rest[j][1]
                else:
                    break
            elif rest and rest[0][2].lower() == "that":
                cs = rest[0][1]
            elif rest and (rest[0][2].lower() in ("in", "on", "at", "to", "of", "it", ",", ".")
                           or not rest[0][2][:1].isalpha()):
                break
            content = text[cs:se]
            lstrip = len(content) - len(content.lstrip())
            cstart, cend = cs + lstrip, se
            while cend > cstart and text[cend - 1] in ".!?":
                cend -= 1
            if cend - cstart < 8:
                break
            sp = ctx.speaker(*np_)
            rows.append(_row(ctx, cstart, cend, sp, (s, e), "indirect", pid, {}))
            break
    return rows


# --------------------------------------------------------------------------- warnings


def quote_warnings(text) -> pd.DataFrame:
    """List quote marks that could not be paired, with offsets (they never stop extraction).

    Returns
    -------
    DataFrame
        ``start, end, mark, problem, paragraph_id``: an opening mark never closed (the
        quote is taken to run to the end of its paragraph), a closing mark with no opening
        mark, a single opening mark never closed.

    Examples
    --------
    >>> quote_warnings("He said “no. Then he left.\\n\\nThe end.")[["mark", "problem"]].values.tolist()
    [['“', 'unclosed quote: runs to the end of its paragraph']]
    """
    text = as_text(text)
    from .tokens import _paragraph_spans

    _, warns = _find_segments(text, _paragraph_spans(text))
    warns.sort(key=lambda w: w[0])
    return pd.DataFrame(warns, columns=WARNING_COLUMNS).astype(
        {"start": "int64", "end": "int64", "paragraph_id": "int64"})
