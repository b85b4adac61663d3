"""A speaker named inside quote marks: “No, not even,” “Perry” countered: “If …”.

Interview pieces put a pseudonym in quote marks ("who would say only that his name was
“Perry”") and then use it, marks and all, as the subject of a speech verb. Such a passage —
one to three capitalised words and nothing else, directly followed by a speech verb — is no
quote but a name (a ``label``), and the speaker of the quote just before it (nothing but
space between) and of the quote just after its verb ("“Perry” countered: “…”").
"""

from __future__ import annotations

import re

from .marks import Seg
from .scan import Scan

__all__ = ["quoted_names"]

_NAME = re.compile(r"[A-Z][\w’'\-]*(?:[ \t]+[A-Z][\w’'\-]*){0,2}")
# the verb, a particle ("chimed in", "shot back") and what may stand before the next quote
_VERB = re.compile(r"[ \t]+([a-z]+)(?:[ \t]+(?:in|back|up|on))?")
_BEFORE_NEXT = re.compile(r"[ \t]*[,:—–]?[ \t]*")


def quoted_names(scan: Scan, segs: list[Seg]) -> None:
    """Mark the quoted names of ``segs`` and give their quotes the name as speaker phrase
    (before pass 1, which leaves segments with a ``how`` alone)."""
    text, lex = scan.text, scan.lex
    for k, g in enumerate(segs):
        content = text[g.start:g.end]
        if not g.closed or not _NAME.fullmatch(content) or content in lex.not_names:
            continue
        m = _VERB.match(text, g.close_end)
        if m is None or m.group(1) not in lex.verbs:
            continue
        g.kind, g.how = "label", "quoted name"
        phrase, cue = scan.phrase(g.start, g.end), m.span(1)
        prev = segs[k - 1] if k else None
        if prev is not None and prev.paragraph_id == g.paragraph_id and not prev.how and \
                not text[prev.close_end:g.open_start].strip() and \
                text[prev.start:prev.end].rstrip()[-1:] in (",", "?", "!", "—"):
            _give(prev, phrase, cue)
        nxt = segs[k + 1] if k + 1 < len(segs) else None
        if nxt is not None and nxt.paragraph_id == g.paragraph_id and not nxt.how and \
                _BEFORE_NEXT.fullmatch(text, m.end(), nxt.open_start):
            _give(nxt, phrase, cue)


def _give(g: Seg, phrase, cue: tuple) -> None:
    g.phrase, g.cue, g.kind, g.how, g.document = phrase, cue, "direct", "quoted name", False
