"""The one scan state of quote attribution: a text, its indexes, and the phrases found in it.

The indexes are read-only and built once per article: the
:class:`~newsresearch.tokens.SentenceIndex` (sentences and paragraphs), the
:class:`~newsresearch.mentions.MentionIndex` (actor mentions by offset) and the word lists.
What attribution adds is one list, ``phrases``: every speaker phrase a rule looked at. The
phrases are described and their pronouns resolved afterwards, in text order
(:mod:`.speakers`), so no result depends on the order in which the rules ran.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import NamedTuple

from ..mentions import MentionIndex
from ..tokens import SentenceIndex
from .lexicon import Lexicon, lexicon

__all__ = ["Phrase", "Scan"]


class Phrase(NamedTuple):
    """A speaker phrase ``text[start:end]``; ``group`` marks a group noun ("the protesters")."""

    start: int
    end: int
    group: bool = False


@dataclass
class Scan:
    """One text under attribution (see the module docstring)."""

    text: str
    sentences: SentenceIndex
    mentions: MentionIndex
    lex: Lexicon = field(default_factory=lexicon)
    phrases: list = field(default_factory=list)
    quoted: list = field(default_factory=list)  # (open mark, end of closing mark) of segments
    quoted_starts: list = field(default_factory=list)

    def set_quoted(self, spans) -> None:
        """Note the quoted passages (from mark to mark) that pairing found, in text order."""
        self.quoted = sorted(spans)
        self.quoted_starts = [a for a, _ in self.quoted]

    def outside(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """Sub-spans of ``[lo, hi)`` outside the quoted passages found by pairing (unlike a
        pairing of the window alone, right also when the window starts inside a quote)."""
        out, pos = [], lo
        i = max(0, bisect_right(self.quoted_starts, lo) - 1)
        while i < len(self.quoted) and self.quoted[i][0] < hi:
            a, b = self.quoted[i]
            if b > pos:
                if a > pos:
                    out.append((pos, min(a, hi)))
                pos = max(pos, b)
            i += 1
        if pos < hi:
            out.append((pos, hi))
        return out

    def phrase(self, s: int, e: int, *, group: bool = False) -> Phrase:
        """Note the speaker phrase ``text[s:e]`` and return it."""
        p = Phrase(s, e, group)
        self.phrases.append(p)
        return p

    def sentence_of(self, pos: int) -> tuple[int, int, int] | None:
        """``(start, end, paragraph_id)`` of the sentence holding ``pos`` (None: no sentences)."""
        i = self.sentences.sentence_at(pos)
        return self.sentence(i) if i >= 0 else None

    def sentence(self, i: int) -> tuple[int, int, int]:
        """``(start, end, paragraph_id)`` of sentence ``i``."""
        idx = self.sentences
        return idx.starts[i], idx.ends[i], idx.paragraph_ids[i]
