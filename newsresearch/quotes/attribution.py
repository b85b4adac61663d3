"""Attribution: the cue, speaker phrase and kind of every quoted segment.

Three passes over the segments of one text, in text order:

1. **Rules per segment** (:func:`attribute_segment`), first that applies: navigation
   furniture ("READ MORE: ‘…’", "Follow X on Twitter"), a label cue (a sign, a chant, a
   headline) or a title; a transcript line ("PENCE: …"); a cue before the quote that ends in a
   colon, a comma or a speech verb at the mark; the attribution after the quote (“…,” he said
   / said X / ― X); the one before it in the same sentence; a colon ending the previous
   paragraph or the text before the quote. Otherwise the segment has no cue and is
   ``partial`` (a fragment inside a sentence) or ``direct``. Segments around a speaker named
   in quote marks (“No,” “Perry” countered: “…”) were attributed before this pass
   (:mod:`.quoted_names`).
2. **Speakers** (:func:`~.speakers.resolve_phrases`): every phrase found is described and the
   pronouns are resolved in text order.
3. **Inheritance** (:func:`inherit`): a quote over several paragraphs shares one speaker; a
   split quote ("“A,” he said. “B.”") and a whole-sentence quote with no cue take the speaker
   of the quote, or of the reported speech, just before.
4. **Labels** (:func:`relabel`): what is still without a cue and a speaker is a ``label``
   when it is short (at most ``LABEL_WORDS`` words: “sextortion”, a “yes” vote), unless it
   is a whole sentence (“Imagine a world.”), or a title in Title Case — the absence of a speech cue decides, not the capital letters alone.
"""

from __future__ import annotations

import re

from .cues import after, before, nearest_group, sentence_subject
from .marks import MARK_DOUBLE, Seg
from .phrases import np_left, np_right
from .scan import Scan

__all__ = ["set_contexts", "attribute_segment", "reported_before", "inherit", "is_title",
           "relabel", "LABEL_WORDS"]

#: A quoted passage of at most this many words with no speech cue and no speaker is a label
#: (a scare quote, a term, a nickname), not a quote.
LABEL_WORDS = 4
_WORDS = re.compile(r"[^\W_][\w’'\-]*")

# the quoted words are written on something or chanted, not said to the reporter
_LABEL_CUE = re.compile(
    r"\b(?:(?:a|the|their|his|her)\s+sign|signs|placards?|banners?|slogans?|chants?|chanted|"
    r"chanting|t-shirts?|hashtag|posters?|headline|headlined|titled|entitled|billboards?|"
    r"graffiti|stickers?|tattoo)\b", re.I)
# a work named just before its title in quote marks ("his book “…”", "the play, “…”")
_WORK = re.compile(r"\b(?:book|film|movie|song|album|novel|documentary|memoir|play|poem|"
                   r"sitcom|opera|musical)[,:]?[ \t]*$", re.I)
_SAID = re.compile(r"\b(?:said|says|told|wrote|tweeted)\b")
_TRANSCRIPT = re.compile(r"([A-Z][A-Z.'’\- ]{1,40}[A-Z.]):\s")
_NOT_TRANSCRIPT = ("UPDATE", "NOTE", "EDITOR'S NOTE", "BREAKING", "WATCH")
_DASH_ATTR = re.compile(
    r"[ \t\xa0]*[―—–][ \t\xa0]*([A-Z][\w’'.\-]*(?:[ \t\xa0]+[A-Z][\w’'.\-]*){0,4})")
_FROM_SOURCE = re.compile(r"\b[Ff]rom\s+((?:the|a|an|his|her|their|its)\s+(?:[\w\-]+\s+){0,2}"
                          r"(?:report|statement|letter|memo|study|survey|release|filing|"
                          r"speech|book|paper|complaint|lawsuit|ruling|decision))\s*:$")
_PREPOSITION_BEFORE = re.compile(r"\b(?:on|at|to|against|with|about|of|for|from|by|in)\s+$")
# a promotion line: "Follow Pam Key on Twitter @pamkeyNEN."
_FOLLOW = re.compile(r"Follow\s[^.!?]{1,60}?\son\s(?:Twitter|Facebook|Instagram|X)\b")
# longer words a title leaves in lower case ("Contract with America")
_TITLE_LOWER = frozenset({"with", "from", "into", "onto", "over", "upon", "about", "than"})
_LAST_WORD = re.compile(r"\b[a-z]+$")
_ATTRIBUTED = ("after", "before", "colon", "continued", "carried", "dash", "transcript",
               "quoted name")


def set_contexts(segs: list[Seg], paras) -> None:
    """Give each segment the text around it, up to its neighbours in the paragraph."""
    for k, g in enumerate(segs):
        ps, pe = paras[g.paragraph_id]
        prev_close = segs[k - 1].close_end if k and segs[k - 1].paragraph_id == \
            g.paragraph_id else ps
        nxt_open = segs[k + 1].open_start if k + 1 < len(segs) and \
            segs[k + 1].paragraph_id == g.paragraph_id else pe
        g.left = (prev_close, g.open_start)
        g.right = (g.close_end, nxt_open)


# --------------------------------------------------------------------------- pass 1


def attribute_segment(scan: Scan, g: Seg, paras) -> None:
    """Find the cue, speaker phrase and kind of one segment (rules in the module doc)."""
    text = scan.text
    content = text[g.start:g.end]
    ps, _ = paras[g.paragraph_id]
    # the left context, clipped to the current sentence (outside quotes)
    sent = scan.sentence_of(g.open_start)
    sent_start = sent[0] if sent else ps
    if sent_start > g.open_start:
        sent_start = ps
    left_lo = max(g.left[0], sent_start)
    if _navigation(scan, g, ps) or _label(scan, g, left_lo, content, ps):
        return
    if is_title(content) and text[left_lo:g.left[1]].strip():
        # titles of books, shows and songs ("on Fox News’s “Fox and Friends.”")
        g.kind, g.how = "label", "title"
        return
    if _transcript(scan, g):
        return
    # "He added: “…” Lawyer X said …": a cue that introduces the quote with a colon or a
    # comma wins over a new sentence after it
    # (or a speech verb just before the mark: "as he pleaded “I can't breathe” – …")
    lead = text[left_lo:g.left[1]].rstrip()
    if (lead.endswith((":", ",")) or _verb_ends(scan, lead, content)) and \
            not _strong_end(content) and _before_quote(scan, g, left_lo, content):
        return
    if _after_quote(scan, g, left_lo, content):
        return
    if _before_quote(scan, g, left_lo, content) or _colon(scan, g, left_lo, paras):
        return
    if _name_line(scan, g, paras):
        return
    # no cue: a fragment inside a sentence is partial (or a scare quote); a capitalised
    # statement after a comma or colon is direct
    left = text[left_lo:g.left[1]]
    if left.strip() and not starts_sentence(text, g, paras) and not (
            content[:1].isupper() and left.rstrip()[-1:] in (",", ":")):
        g.kind = "partial"
        if len(_WORDS.findall(content)) > LABEL_WORDS:
            # "Mr Kennedy went on to suggest it would amount to a “massive vote of no
            # confidence”": a longer fragment is the words of the sentence's subject
            g.phrase = sentence_subject(scan, left_lo, g.open_start)
            g.how = "subject" if g.phrase is not None else ""
    else:
        g.kind = "direct"


def _verb_ends(scan: Scan, lead: str, content: str) -> bool:
    """``lead`` ends with a finite lower-case speech verb ("pleaded", not "praising") and
    the quote opens a statement."""
    m = _LAST_WORD.search(lead)
    return m is not None and content[:1].isupper() and m.group() in scan.lex.verbs and \
        not m.group().endswith("ing")


def _navigation(scan: Scan, g: Seg, ps: int) -> bool:
    """Navigation furniture: "READ MORE: ‘Still in shock’", "WATCH: “…”" open a paragraph
    with a heading of ``resources/quote_navigation.txt`` and a colon (or are the heading
    alone in marks, “Related:”): a headline, a label. So is a title named by the work it
    is ("Peter Burrows's book “Backfire: …”", "the Broadway play, “Eclipsed.”")."""
    text = scan.text
    head = text[ps:g.open_start].strip()
    content = text[g.start:g.end].strip()
    if _WORK.search(text, max(ps, g.open_start - 30), g.open_start):
        g.kind, g.how = "label", "title"
        return True
    if (content.endswith(":") and " ".join(content[:-1].lower().split()) in
            scan.lex.navigation) or _FOLLOW.match(content):
        g.kind, g.how = "label", "navigation"
        return True
    if not head.endswith(":") or len(head) > 30:
        return False
    if " ".join(head[:-1].lower().split()) not in scan.lex.navigation:
        return False
    g.kind, g.how = "label", "navigation"
    return True


def _label(scan: Scan, g: Seg, left_lo: int, content: str, ps: int) -> bool:
    """A sign, a chant, a headline: the words are written or chanted, not said."""
    text, hi = scan.text, g.left[1]
    label_m = None
    for lm in _LABEL_CUE.finditer(text, max(left_lo, hi - 80), hi):
        label_m = lm
    if label_m is None or len(content) >= 80 or _SAID.search(text[label_m.end():hi]):
        return False
    g.kind, g.cue, g.how = "label", (label_m.start(), label_m.end()), "label"
    if label_m.group().lower().startswith("chant"):
        grp = sentence_subject(scan, left_lo, label_m.start())
    else:
        grp = nearest_group(scan, ps, g.open_start)
    if grp is not None:
        g.phrase = grp
    return True


def _transcript(scan: Scan, g: Seg) -> bool:
    """A transcript line: "PENCE: Gennifer Flowers will not …"."""
    tm = _TRANSCRIPT.match(scan.text, g.start)
    if not tm:
        return False
    name = tm.group(1).strip()
    if not (name.isupper() and len(name) >= 3 and name.title() not in scan.lex.not_names
            and name not in _NOT_TRANSCRIPT):
        return False
    g.phrase = scan.phrase(tm.start(1), tm.start(1) + len(name))
    g.cue, g.kind, g.how = (tm.end(1), tm.end(1) + 1), "direct", "transcript"
    return True


def _after_quote(scan: Scan, g: Seg, left_lo: int, content: str) -> bool:
    """“…,” he said / said Khaled Elgindy / according to X / ― Name."""
    text = scan.text
    lo_r, hi_r = g.right
    found = after(scan, lo_r, hi_r, content)
    if found is not None:
        g.phrase, g.cue, g.document = found
        g.how = "after"
        g.kind = _kind_after(text, g, left_lo)
        return True
    right = text[lo_r:hi_r]
    dm = _DASH_ATTR.match(right) if right.lstrip(" \t\xa0")[:1] in "―—–" else None
    if not dm:
        return False
    s, e = lo_r + dm.start(1), lo_r + dm.end(1)
    g.phrase = scan.phrase(s, s + len(text[s:e].rstrip(".")))
    g.cue, g.kind, g.how = (lo_r + dm.start(), s), "direct", "dash"
    return True


def _before_quote(scan: Scan, g: Seg, left_lo: int, content: str) -> bool:
    """Mr. Miller said …, “…”: direct when the quote follows the cue at once."""
    text = scan.text
    found = before(scan, left_lo, g.left[1])
    if found is None:
        return False
    g.phrase, g.cue, g.document = found
    g.how = "before"
    between = text[g.cue[1]:g.open_start]
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
    return True


def _colon(scan: Scan, g: Seg, left_lo: int, paras) -> bool:
    """A colon before the quote: ending the previous paragraph ("The Times reports:") or the
    text before it ("Philip Bump: “…”", "Obama is rolling out a new message: “…”")."""
    text = scan.text
    left = text[left_lo:g.left[1]]
    if not left.strip() and g.paragraph_id > 0:
        pps, ppe = paras[g.paragraph_id - 1]
        prev_para = text[pps:ppe]
        if prev_para.rstrip().endswith(":"):
            sent = scan.sentence_of(ppe - 1)
            pss = max(sent[0], pps) if sent else pps
            found = before(scan, pss, pps + len(prev_para.rstrip()) - 1)
            if found is not None:
                g.phrase, g.cue, g.document = found
                g.how, g.kind = "colon", "direct"
                return True
    if not left.rstrip().endswith(":"):
        return False
    colon = left_lo + len(left.rstrip()) - 1
    np_ = np_left(text, left_lo, colon)
    fm = _FROM_SOURCE.search(text, max(left_lo, colon - 60), colon + 1)
    if fm is not None:  # "From the report: “…”": the document quoted
        g.phrase = scan.phrase(fm.start(1), fm.end(1))
        g.cue, g.kind, g.how, g.document = (colon, colon + 1), "direct", "colon", True
        return True
    if np_ is not None and text[np_[0]].isupper() and \
            text[np_[0]:np_[1]].lower() not in ("he", "she", "they") and \
            not _PREPOSITION_BEFORE.search(text, max(left_lo, np_[0] - 12), np_[0]):
        phrase = scan.phrase(*np_)  # a name and a colon
    else:  # "Giuliani … laid blame on President Obama: “…”": the object of a preposition
        # is no speaker; the subject of the sentence is
        phrase = sentence_subject(scan, left_lo, g.left[1])
        if phrase is None:
            return False
    g.phrase, g.cue, g.kind, g.how = phrase, (colon, colon + 1), "direct", "colon"
    return True


def _name_line(scan: Scan, g: Seg, paras) -> bool:
    """A quote that ends its paragraph, followed by a paragraph that is only a name and its
    affiliation ("Dean Baker, Center for Economic and Policy Research."): a credit line."""
    text = scan.text
    if g.paragraph_id + 1 >= len(paras) or text[g.close_end:paras[g.paragraph_id][1]].strip():
        return False
    ns, ne = paras[g.paragraph_id + 1]
    m = _CREDIT.fullmatch(text, ns, ne)
    if m is None or m.group(1).split()[0] in scan.lex.not_names:
        return False
    g.phrase = scan.phrase(m.start(1), m.end(1))
    g.kind, g.how = "direct", "credit"
    return True


_CREDIT = re.compile(r"\s*([A-Z][\w’'\-]+(?:\s+(?:[A-Z]\.|[A-Z][\w’'\-]+)){1,3}),\s+"
                     r"[A-Z][^.!?\n]{2,80}\.?[\"”]?\s*")


def is_title(content: str) -> bool:
    """Title Case of a few words: a book, show or headline ("Fox and Friends")."""
    words = re.findall(r"[^\W_][\w’'\-]*", content)
    if not 2 <= len(words) <= 8 or not words[0][:1].isupper():
        return False
    if content.rstrip()[-1:] in ("?", "!"):
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or len(w) <= 3 or w in _TITLE_LOWER
               for w in words) and \
        sum(w[:1].isupper() for w in words) >= 2 and words[0].lower() not in ("i", "we")


def starts_sentence(text: str, g: Seg, paras) -> bool:
    """Only sentence-final punctuation (or nothing) stands before the quote in its paragraph."""
    before_ = text[paras[g.paragraph_id][0]:g.open_start].rstrip()
    return not before_ or before_[-1] in ".!?:”\"’'—" or before_.endswith("''")


def _strong_end(content: str) -> bool:
    """The quote ends with a comma, question or exclamation mark: its attribution follows."""
    return content.rstrip(" '’\"”")[-1:] in (",", "?", "!", "—", "-", "–", "…")


def _ends_sentence(content: str, text: str, g: Seg) -> bool:
    return content.rstrip()[-1:] in ".!?" or text[g.close_end:g.close_end + 1] in (".", "")


def _kind_after(text: str, g: Seg, left_lo: int) -> str:
    left = text[left_lo:g.open_start]
    content = text[g.start:g.end]
    if left.strip() and not left.rstrip().endswith((".", ":", "?", "!", "”", '"')) and \
            not content[:1].isupper():
        return "partial"
    return "direct"


def reported_before(scan: Scan, g: Seg):
    """For a whole-sentence quote with no cue right after reported speech ("Mr Blair said
    talking was the only answer. “You've just got to confront it …”"): the attribution of
    that sentence, or None."""
    if g.phrase is not None or g.cue or g.kind != "direct" or not (g.closed or g.continues):
        return None
    text = scan.text
    si = scan.sentences.sentence_at(g.open_start)
    if si <= 0:
        return None
    ss = scan.sentences.starts[si]
    lead = text[ss:g.open_start].rstrip()
    if ss < g.open_start - 1 and lead:
        if lead[-1:] in (".", "!", "?") and not MARK_DOUBLE.search(text, ss, g.open_start):
            # the sentence split missed the end before the quote ("… soon. “Unions …”")
            return before(scan, ss, ss + len(lead))
        return None
    ps_, pe_, pid = scan.sentence(si - 1)
    if MARK_DOUBLE.search(text, ps_, pe_):
        return None
    if pid == g.paragraph_id:
        return before(scan, ps_, pe_)
    if pid == g.paragraph_id - 1 and g.open_start <= scan.sentences.paragraphs[pid + 1][0]:
        # a paragraph that is only a quote, after one that ends with reported speech
        # ("…, said Mr Thomas.⏎⏎“If in doubt retain, …”")
        return before(scan, ps_, pe_) or _said_after(scan, ps_, pe_)
    return None


_SAID_LAST = re.compile(r",\s+(?:(said|says|added|told)\s+([^,.;]{2,60})|([^,.;]{2,60}?)\s+"
                        r"(said|says|added))\s*[.!?]?\s*$")


def _said_after(scan: Scan, ss: int, se: int):
    """A sentence that ends with its attribution: "…, said Mr Thomas." / "…, he said."."""
    text = scan.text
    m = _SAID_LAST.search(text, ss, se)
    if m is None:
        return None
    if m.group(1):
        np_ = np_right(text, m.start(2), m.end(2))
        cue = m.span(1)
    else:
        np_ = np_left(text, m.start(3), m.end(3))
        cue = m.span(4)
    if np_ is None:
        return None
    return scan.phrase(*np_), cue, False


# --------------------------------------------------------------------------- pass 3


def _named(g: Seg) -> bool:
    return g.speaker is not None and bool(g.speaker.name)


def _take(g: Seg, src: Seg, how: str, *, document: bool = True) -> None:
    g.speaker, g.cue, g.how = src.speaker, src.cue, how
    if document:
        g.document = src.document


def inherit(scan: Scan, segs: list[Seg], paras, speakers: dict) -> None:
    """Pass 3 (module doc): continued, split and follow-up quotes take their speaker.

    ``speakers`` maps every phrase of pass 1 to its :class:`~.speakers.Speaker`.
    """
    for g in segs:
        g.speaker = speakers[g.phrase] if g.phrase is not None else None
    # reported speech just before a quote is nearer than an earlier quote; the quotes of a
    # chain then share it
    for g in segs:
        if g.speaker is None and not g.cue and g.reported is not None:
            phrase, cue, doc = g.reported
            sp = speakers[phrase] if phrase is not None else None
            if sp is not None and sp.name:
                g.speaker, g.cue, g.how, g.document = sp, cue, "carried", doc
    _continue_chains(segs)
    for k, g in enumerate(segs):
        if k and not _named(g):
            _carry(scan, segs, k, paras)


def _continue_chains(segs: list[Seg]) -> None:
    """A quote over several paragraphs shares one speaker."""
    chains: dict[int, list[Seg]] = {}
    for k, g in enumerate(segs):
        chains.setdefault(g.chain if g.chain >= 0 else k, []).append(g)
    for members in chains.values():
        if len(members) < 2 or any(m.how == "transcript" for m in members):
            continue
        src = next((m for m in members if _named(m)), None)
        if src is None:
            continue
        for m in members:
            if not _named(m) and m.kind != "label":  # a label in a chain speaks for no one
                _take(m, src, "continued")
                m.kind = m.kind or src.kind


def _carry(scan: Scan, segs: list[Seg], k: int, paras) -> None:
    """A split quote or a whole-sentence quote with no cue takes the previous speaker."""
    text, g = scan.text, segs[k]
    if g.kind == "label" or (not g.closed and g.chain < 0 and not g.continues):
        return
    content = text[g.start:g.end].rstrip(" .,")
    if (content.startswith("(") and content.endswith(")")) or is_title(content):
        return  # an aside in parentheses, a title
    prev = segs[k - 1]
    if g.kind == "partial" and prev.how == "after" and _named(prev) and prev.cue and \
            prev.paragraph_id == g.paragraph_id and \
            text[prev.close_end:g.open_start].rstrip().endswith(",") and \
            g.open_start - prev.close_end < 120 and prev.cue[1] <= g.open_start:
        # "“Fraudulent practices,” said Fleming, “can be very difficult …”": a split quote
        _take(g, prev, "carried")
        return
    if g.kind == "partial" and prev.kind != "partial":
        return
    j = k - 1
    while j > 0 and segs[j].kind == "label" and segs[j].how in ("title", "quoted name") \
            and segs[j - 1].paragraph_id == g.paragraph_id:
        j -= 1  # look past a title ("on Fox News’s “Fox and Friends.”") or a quoted name
    prev = segs[j]
    if not _named(prev) or prev.kind == "label":
        return
    at = scan.sentences.sentence_at
    if g.kind == "partial" and prev.kind == "partial" and prev.how == "before" and \
            at(prev.start) == at(g.start):
        # "Mr. Miller said … “A” and plans to “B”": one speaker for the whole sentence
        _take(g, prev, "carried")
        return
    if not starts_sentence(text, g, paras):
        return
    if prev.paragraph_id == g.paragraph_id:
        # "“A,” he said. “B.”" or "“A.” “B.”": nothing but the attribution between
        if prev.how in _ATTRIBUTED and len(text[prev.close_end:g.open_start]) < 200:
            _take(g, prev, "carried")
            g.kind = "direct"
    elif prev.paragraph_id == g.paragraph_id - 1 and g.open_start == paras[g.paragraph_id][0]:
        # a paragraph that is only a quote, after a paragraph ending with an attributed one
        tail = text[prev.close_end:paras[prev.paragraph_id][1]]
        rest = text[g.close_end:paras[g.paragraph_id][1]].strip()
        # the quote is all of its paragraph, or a whole sentence followed by more quote or
        # by a new sentence (BBC texts run paragraphs together)
        whole = not rest or g.continues or (
            _ends_sentence(text[g.start:g.end], text, g) and rest[:1].isupper())
        if len(tail) < 120 and whole and prev.how in ("after", "before", "carried",
                                                     "continued", "colon", "transcript"):
            _take(g, prev, "carried", document=False)
            g.kind = "direct"


# --------------------------------------------------------------------------- pass 4


def relabel(scan: Scan, segs: list[Seg]) -> None:
    """Pass 4 (module doc): a short passage with no cue and no speaker is a label."""
    text = scan.text
    for g in segs:
        if g.kind == "label" or g.cue or g.speaker is not None:
            continue
        content = text[g.start:g.end]
        sentence = content[:1].isupper() and content.rstrip()[-1:] in (".", "!", "?")
        if (len(_WORDS.findall(content)) <= LABEL_WORDS and not sentence) or is_title(content):
            g.kind, g.how = "label", "no cue"
