"""Quote marks and their pairing: the quoted segments of a text and the marks left unpaired.

Marks are paired by type — “ ” ‘ ’ « » „ ‹ › and straight ``"`` ``'`` and the old typewriter
````` ``…'' `````. Pairing restarts in every paragraph, so an odd mark damages at most one
paragraph (and is reported as a warning). A quote left open at the end of a paragraph whose next
paragraph opens again is news style for a quote that runs over several paragraphs: the segments
are chained. Single marks inside a double quote are nested quotes; a single mark between letters
("don’t", "Israel’s") or after a plural with nothing open ("1990s’") is an apostrophe.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Seg", "find_segments", "outside_quotes", "MARK_DOUBLE"]

# `` and '' first so that they are not read as two single marks
_MARK = re.compile(r"``|''|[\"“”„«»‘’‚‹›']")
_WORDCH = re.compile(r"\w")
_DOUBLE_OPEN = {"“": "curly", "„": "curly", "«": "angle", "``": "tex"}
MARK_DOUBLE = re.compile(r"[\"“”„«»]|``|''")
_SENTENCE_END = re.compile(r"[.!?][ \t]+$")
_ELISION = re.compile(r"(?:\d0s|em|til|cause|n|tis|twas)\b", re.I)


@dataclass
class Seg:
    """One quoted segment and, once attributed, its cue, speaker phrase and kind."""

    start: int          # content start (after the opening mark, whitespace stripped)
    end: int            # content end
    open_start: int     # opening mark (== start when the segment reopens nothing)
    close_end: int      # end of the closing mark (== end when the quote runs on)
    paragraph_id: int
    closed: bool = True
    chain: int = -1     # index of the first segment of a multi-paragraph quote
    marks: str = ""
    left: tuple = (0, 0)   # text before the opening mark, back to the previous segment
    right: tuple = (0, 0)  # text after the closing mark, up to the next segment
    phrase: object = None  # the speaker phrase (a speakers.Phrase) found by attribution
    speaker: object = None  # its description (a speakers.Speaker) once resolved
    cue: tuple | None = None
    kind: str | None = None
    how: str = ""
    document: bool | None = None
    reported: tuple | None = None  # (phrase, cue, is_document) of reported speech just before
    continues: bool = False  # the quote goes on in the next segment (a new paragraph, or a
    #                          new opening mark where paragraphs run together)


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


def find_segments(text: str, paras) -> tuple[list[Seg], list[tuple]]:
    """Pair quote marks paragraph by paragraph; return (top-level segments, warnings).

    ``paras`` are the ``(start, end)`` paragraph spans (``SentenceIndex.paragraphs``). A
    warning is ``(start, end, mark, problem, paragraph_id)``.
    """
    segs: list[Seg] = []
    warns: list[tuple] = []
    carry = None  # the opening mark of a quote left open at the end of the previous paragraph
    for pid, (ps, pe) in enumerate(paras):
        marks = [(m.start(), m.end(), m.group()) for m in _MARK.finditer(text, ps, pe)]
        continued = carry is not None and _reopens(text, marks, ps, pe, carry)
        if carry is not None and not continued:
            _warn_open(warns, segs[-1], "unclosed quote: runs to the end of its paragraph")
        elif continued:
            segs[-1].continues = True
        carry = _pair_paragraph(text, marks, pid, ps, pe, segs, warns,
                                len(segs) - 1 if continued else -1)
    if carry is not None:
        _warn_open(warns, segs[-1], "unclosed quote: runs to the end of the text")
    return [g for g in segs if g.end > g.start], warns


def _reopens(text: str, marks: list, ps: int, pe: int, carry: str) -> bool:
    """The paragraph opens with a double mark of the family left open: the quote continues."""
    if not marks or text[ps:marks[0][0]].strip():
        return False
    s, e, mark = marks[0]
    return _role(text, s, e, mark, ps, pe) in ("open_d", "open_d_weak", "ambig_d") and \
        _family(mark) == _family(carry)


def _warn_open(warns: list, seg: Seg, problem: str) -> None:
    warns.append((seg.open_start, seg.open_start + len(seg.marks), seg.marks, problem,
                  seg.paragraph_id))


@dataclass
class _Open:
    """What is open while one paragraph is paired."""

    double: tuple | None = None  # (start, end, mark) of the open double quote
    singles: list = field(default_factory=list)  # open single marks (start, end, mark)
    nested: list = field(default_factory=list)   # open doubles of another style inside
    reopened: int = -1  # index of the segment the open quote continues (run-together paragraphs)


def _pair_paragraph(text, marks, pid, ps, pe, segs, warns, chain_of_first) -> str | None:
    """Pair the marks of one paragraph into ``segs``; return the mark left open, or None."""
    op = _Open()
    for s, e, mark in marks:
        role = _role(text, s, e, mark, ps, pe)
        if op.double is None:
            _outside_double(text, s, e, mark, role, pid, ps, pe, op, segs, warns)
            continue
        role = _role_inside(text, s, e, mark, role, ps, pe, op)
        if role is None:
            continue
        if role == "ambig_d" and not op.nested and _reopens_inside(text, s, e, ps, pe):
            # “… energy. "That's when …": paragraphs run together, each opening a new quote
            # of the same speaker; the open quote ends before the mark and the chain goes on
            seg = _make_seg(text, op.double[1], s, op.double[0], s, pid, False,
                            mark=op.double[2])
            seg.continues = True
            _chain(seg, segs, pid, chain_of_first)
            if op.reopened >= 0:
                first = segs[op.reopened]
                seg.chain = first.chain if first.chain >= 0 else op.reopened
            segs.append(seg)
            warns.append((*op.double, "quote reopened before it was closed (paragraphs run "
                          "together): a new quote of the same speaker", pid))
            op.reopened = len(segs) - 1
            op.double = (s, e, mark)
            op.singles.clear()
            continue
        if role in ("close_d", "ambig_d") or (role == "open_d_weak" and mark == "”") or (
                op.double[2] == "„" and mark == "“"):  # German „…“
            op.singles.clear()
            seg = _make_seg(text, op.double[1], s, op.double[0], e, pid, True,
                            mark=op.double[2] + mark)
            _chain(seg, segs, pid, chain_of_first)
            _chain_reopened(seg, segs, op)
            segs.append(seg)
            op.double = None
            op.nested.clear()
        elif role == "open_d":
            # a second opener: the first was never closed
            warns.append((*op.double, "opening quote mark never closed before the next one",
                          pid))
            op.double = (s, e, mark)
        elif role == "open_s":
            op.singles.append((s, e, mark))
        elif role == "close_s" and op.singles:
            op.singles.pop()
        # close_s with nothing open inside a quote: an apostrophe ("Sanders’ bid")
    carry = None
    if op.double is not None:
        seg = _make_seg(text, op.double[1], pe, op.double[0], pe, pid, False,
                        mark=op.double[2])
        _chain(seg, segs, pid, chain_of_first)
        _chain_reopened(seg, segs, op)
        segs.append(seg)
        carry = op.double[2]
    for s, e, mark in op.singles:
        if mark == "‘":
            warns.append((s, e, mark, "single opening mark never closed", pid))
    return carry


def _outside_double(text, s, e, mark, role, pid, ps, pe, op: _Open, segs, warns) -> None:
    """A mark with no double quote open: open one, pair single quotes, or warn."""
    if role in ("open_d", "open_d_weak") or (
            role == "ambig_d" and not (
                not _is_opener_context(text, s, e, ps, pe)
                and (e >= pe or text[e].isspace() or text[e] in ".,;:!?)"))):
        op.double = (s, e, mark)
    elif role in ("close_d", "ambig_d"):
        warns.append((s, e, mark, "closing quote mark with no opening mark", pid))
    elif role == "open_s" and mark == "‘":
        op.singles.append((s, e, mark))
    elif role == "close_s" and op.singles and mark == "’":
        os_, oe, _m = op.singles.pop()
        if not op.singles:
            segs.append(_make_seg(text, oe, s, os_, e, pid, True, mark="‘’"))


def _role_inside(text, s, e, mark, role, ps, pe, op: _Open) -> str | None:
    """The role of a mark inside an open double quote (None: a nested mark, consumed)."""
    if _family(mark) != _family(op.double[2]) and role in ("open_d", "open_d_weak",
                                                           "close_d", "ambig_d"):
        # another style inside: a nested quote ("…what she called “rant”…"), or, when it
        # can only close, a quote opened with “ and closed with " (mixed styles)
        if op.nested and role in ("close_d", "ambig_d", "open_d_weak"):
            op.nested.pop()
            return None
        if role == "open_d" or (role in ("ambig_d", "open_d_weak")
                                and _is_opener_context(text, s, e, ps, pe)):
            op.nested.append(mark)
            return None
        role = "close_d"
    if mark == "“" and s > ps and text[s - 1] in ".,!?" and (e >= pe or text[e].isspace()):
        role = "close_d"  # “Do you want to be associated with a fascist?“ he asked
    return role


def _reopens_inside(text: str, s: int, e: int, ps: int, pe: int) -> bool:
    """A straight mark inside an open quote that opens a new one: after the end of a
    sentence and a space, before a capital letter or digit ("… energy. "That's …")."""
    return e < pe and (text[e].isupper() or text[e].isdigit()) and \
        bool(_SENTENCE_END.search(text, max(ps, s - 4), s))


def _chain_reopened(seg: Seg, segs: list[Seg], op: _Open) -> None:
    if op.reopened >= 0:
        first = segs[op.reopened]
        seg.chain = first.chain if first.chain >= 0 else op.reopened
        op.reopened = -1


def _chain(seg: Seg, segs: list[Seg], pid: int, chain_of_first: int) -> None:
    """The first segment of a paragraph that continues an open quote joins its chain."""
    if chain_of_first >= 0 and not any(x.paragraph_id == pid for x in segs[chain_of_first + 1:]):
        first = segs[chain_of_first]
        seg.chain = first.chain if first.chain >= 0 else chain_of_first


def _make_seg(text, cs, ce, os_, close_end, pid, closed, *, mark) -> Seg:
    seg_text = text[cs:ce]
    ls = len(seg_text) - len(seg_text.lstrip())
    rs = len(seg_text) - len(seg_text.rstrip())
    start, end = cs + ls, max(cs + ls, ce - rs)
    return Seg(start, end, os_, close_end, pid, closed, marks=mark)


def outside_quotes(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Sub-spans of [lo, hi) not inside double quote marks (a cheap per-window pairing)."""
    out = []
    pos = lo
    inside = False
    for m in MARK_DOUBLE.finditer(text, lo, hi):
        mk = m.group()
        if not inside and mk in ("“", '"', "«", "„", "``", "''"):
            out.append((pos, m.start()))
            inside = True
        elif inside and mk in ("”", '"', "»", "''", "“"):
            pos = m.end()
            inside = False
        elif not inside:
            pos = m.end()  # stray closer: what came before was inside a quote
            out = []
    if not inside:
        out.append((pos, hi))
    return [(a, b) for a, b in out if b > a]
